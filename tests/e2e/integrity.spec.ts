import { test, expect } from '@playwright/test';
import { exportWorkspace, importFile, loadSample, nav, storedWorkspace, watchErrors } from './helpers';

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

  await nav(page, 'People').click();
  await page.getByRole('link', { name: 'Priya Raman' }).click();
  await page.getByRole('button', { name: 'Delete person…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this person?' });
  await expect(dialog).toContainText('calibrated levels and rationales recorded for them');
  await dialog.getByRole('button', { name: 'Delete person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  const after = await exportWorkspace(page);
  const stored = await storedWorkspace(page);
  const backup = await page.evaluate(() => localStorage.getItem('runway.backup'));
  expect(backup, 'the kept backup is still there').not.toBeNull();
  for (const [what, text] of [['export', after.text], ['stored workspace', stored!], ['kept backup', backup!]]) {
    const live = liveText(text);
    expect(live, `${what}: Priya's person id`).not.toContain(priya.id);
    for (const c of candidacies) expect(live, `${what}: her candidacy's id`).not.toContain(c.id);
  }
  expect(errors).toEqual([]);
});
