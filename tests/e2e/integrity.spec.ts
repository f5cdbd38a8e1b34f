import { test, expect } from '@playwright/test';
import { exportWorkspace, importFile, loadSample, nav, seriousViolations, storedWorkspace, watchErrors, stored as storedEntry, goTo } from './helpers';

/** The file's lists as text, without the tombstones (which name deleted ids on purpose). */
function liveText(fileText: string): string {
  const file = JSON.parse(fileText);
  const ws = file.workspace ?? file;
  delete ws.deleted;
  return JSON.stringify(ws);
}

test('deleting a candidate’s person leaves no id of theirs or their candidacy in the export or the kept backup', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  // Import the sample over itself, so the backup kept for "Undo import" holds Priya too.
  const first = await exportWorkspace(page);
  await importFile(page, 'copy.json', first.text);
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await expect(page.getByRole('region', { name: 'Kept workspace' })).toBeVisible();

  const ws = JSON.parse(first.text).workspace;
  const priya = ws.people.find((p: { name: string }) => p.name === 'Priya Raman');
  const candidacies = ws.candidates.filter((c: { person_id: string }) => c.person_id === priya.id);
  expect(candidacies.length).toBeGreaterThan(0);
  // Her calibrated levels are recorded in a calibration session: the bug left them behind.
  expect(JSON.stringify(ws.calibrations)).toContain(candidacies[0].id);

  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Priya Raman' }).click();
  await page.getByRole('button', { name: 'Delete person…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this person?' });
  await expect(dialog).toContainText('calibrated levels and rationales recorded for them');
  await dialog.getByRole('button', { name: 'Delete person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  const after = await exportWorkspace(page);
  // The save runs a moment after the change.
  await expect.poll(async () => liveText((await storedWorkspace(page))!)).not.toContain(priya.id);
  const stored = await storedWorkspace(page);
  const backup = await storedEntry(page, 'runway.backup');
  expect(backup, 'the kept backup is still there').not.toBeNull();
  for (const [what, text] of [['export', after.text], ['stored workspace', stored!], ['kept backup', backup!]]) {
    const live = liveText(text);
    expect(live, `${what}: Priya's person id`).not.toContain(priya.id);
    for (const c of candidacies) expect(live, `${what}: her candidacy's id`).not.toContain(c.id);
  }
  expect(errors).toEqual([]);
});

async function openSection(page: import('@playwright/test').Page, candidate: string, name: string) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('link', { name: candidate, exact: true }).click();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name, exact: true }).click();
}

test('a refused save shows each problem next to its field, announced, and keeps what was typed', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openSection(page, 'Priya Raman', 'Micro-assignments');
  await page.getByText('Start a micro-assignment').click();
  const form = page.getByRole('form', { name: 'New micro-assignment' });
  await form.getByLabel('Title').fill('Tidy the alert routing');
  await form.getByLabel('Timebox starts').fill('2027-03-10');
  await form.getByLabel('Timebox ends').fill('2027-03-01');
  await form.getByRole('button', { name: 'Save micro-assignment' }).click();
  // The core's rule, addressed to its field: next to it, as its description, and in focus.
  const ends = form.getByLabel('Timebox ends');
  await expect(ends).toHaveAttribute('aria-invalid', 'true');
  await expect(ends).toHaveAccessibleDescription('The timebox ends before it starts.');
  await expect(ends).toBeFocused();
  await expect(form.getByRole('alert')).toContainText('Not saved: The timebox ends before it starts.');
  await expect(form.getByLabel('Title')).toHaveValue('Tidy the alert routing');
  await expect(form.getByLabel('Timebox starts')).not.toHaveAttribute('aria-invalid', 'true');
  // Fixed, it saves and the message goes.
  await ends.fill('2027-03-24');
  await form.getByRole('button', { name: 'Save micro-assignment' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Tidy the alert routing' })).toBeVisible();

  // An activity's duration is checked by the core too, and said next to the field.
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Activities', exact: true }).click();
  await page.getByText('Plan or log an activity').click();
  const act = page.getByRole('form', { name: 'New activity' });
  await act.getByLabel('Title').fill('A very long workshop');
  await act.getByLabel('Duration (minutes)').fill('2000');
  await act.getByRole('button', { name: 'Save activity' }).click();
  const minutes = act.getByLabel('Duration (minutes)');
  await expect(minutes).toHaveAccessibleDescription(/The duration must be between 1 minute and 16 hours/);
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a person’s form shows every problem next to its field at once', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'People');
  const form = page.getByRole('form', { name: 'Add person' });
  if (!(await form.isVisible())) await page.getByText('Add a person').click();
  await form.getByLabel('Name').fill('Sam Okoro');
  await form.getByLabel('Email (optional)').fill('sam.okoro');
  await form.getByLabel('Joined on').fill('2026-05-04');
  await form.getByLabel('Left on (if they left)').fill('2026-01-02');
  // Past the browser's own email check, to see Runway's.
  await form.evaluate((f) => f.setAttribute('novalidate', ''));
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(form.getByLabel('Email (optional)')).toHaveAccessibleDescription('“sam.okoro” is not an email address.');
  await expect(form.getByLabel('Left on (if they left)')).toHaveAccessibleDescription('The left date is before the joined date.');
  await expect(form.getByLabel('Name')).toHaveValue('Sam Okoro');
});
