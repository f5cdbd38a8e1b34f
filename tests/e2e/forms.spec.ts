import { test, expect, type Locator, type Page } from '@playwright/test';
import { exportWorkspace, loadSample, nav, openApp, watchErrors, storedWorkspace, goTo } from './helpers';

// Issue #10: a date typed with the keyboard is saved as typed, and nothing typed into a form
// is lost to a reload or a section switch (it is kept as a draft until saved or discarded).

/** Types a date the way a person does: click the field's first part, then the digits. */
async function typeDate(page: Page, field: Locator, digits: string) {
  const box = await field.boundingBox();
  if (!box) throw new Error('the date field is not on screen');
  await field.click({ position: { x: 12, y: box.height / 2 } });
  for (const key of digits) await page.keyboard.press(key);
}

async function openCandidate(page: Page, name: string, section?: string) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  if (section) await section_(page, section);
}

async function section_(page: Page, section: string) {
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: section, exact: true }).click();
}

test('a date typed by keyboard into a pre-filled field is saved exactly as typed', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);

  // A 1:1's day (the form starts on today).
  await openCandidate(page, 'Tomás Ferreira', '1:1s');
  await page.getByText('Log a 1:1').click();
  const oneOnOne = page.getByRole('form', { name: 'New 1:1' });
  await expect(oneOnOne.getByLabel('Day')).not.toHaveValue('');
  await typeDate(page, oneOnOne.getByLabel('Day'), '01272027');
  await expect(oneOnOne.getByLabel('Day')).toHaveValue('2027-01-27');
  await oneOnOne.getByLabel('Development goal').fill('Typed-date goal');
  await oneOnOne.getByRole('button', { name: 'Save 1:1' }).click();
  await expect(page.getByText('Saved the 1:1.')).toBeVisible();

  // A journal entry's date.
  await section_(page, 'Journal');
  await page.getByText('Write a journal entry').click();
  const journal = page.getByRole('form', { name: 'New journal entry' });
  await typeDate(page, journal.getByLabel('Date', { exact: true }), '02142027');
  await journal.getByLabel('Title').fill('Typed-date entry');
  await journal.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText('Saved the journal entry.')).toBeVisible();

  // An assessment's date.
  await section_(page, 'Assessments');
  await page.locator('summary', { hasText: 'Add an assessment' }).click();
  await typeDate(page, page.getByLabel('Date', { exact: true }), '03092026');
  await page.getByRole('combobox', { name: /^Level — / }).first().selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByText('Saved the assessment.')).toBeVisible();

  // A person's joined date (pre-filled in the sample).
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Lee Chen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lee Chen' })).toBeVisible();
  await expect(page.getByLabel('Joined on')).toHaveValue('2023-08-28');
  await typeDate(page, page.getByLabel('Joined on'), '04052024');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/^Saved changes/)).toBeVisible();

  // A new cohort's start (pre-filled with the next Monday): typed, the cohort is created.
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'New cohort' }).click();
  await page.getByLabel('Cohort name').fill('Typed start');
  await typeDate(page, page.getByLabel('Starts on'), '01042027');
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Typed start' })).toBeVisible();

  // A phase's end, on the cohort page.
  await page.getByText('Change phase end dates').click();
  const phases = page.getByRole('form', { name: 'Phase end dates' });
  await typeDate(page, phases.getByLabel('Shadow ends on'), '03122027');
  await phases.getByRole('button', { name: 'Save phase dates' }).click();
  await expect(page.getByText('Saved the phase dates.')).toBeVisible();

  const ws = JSON.parse((await exportWorkspace(page)).text).workspace;
  expect(ws.one_on_ones.find((o: any) => o.goal === 'Typed-date goal').held_on).toBe('2027-01-27');
  expect(ws.journal.find((j: any) => j.title === 'Typed-date entry').on).toBe('2027-02-14');
  expect(ws.assessments.map((a: any) => a.on)).toContain('2026-03-09');
  expect(ws.people.find((p: any) => p.name === 'Lee Chen').joined_on).toBe('2024-04-05');
  const cohort = ws.cohorts.find((c: any) => c.name === 'Typed start');
  expect(cohort.phases[0].starts_on).toBe('2027-01-04');
  expect(cohort.phases[1].ends_on).toBe('2027-03-12');
  expect(errors).toEqual([]);
});

test('a journal draft survives a reload and a section switch; discarding clears it, saving clears it', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Aisha Bello', 'Journal');
  await page.getByText('Write a journal entry').click();
  const form = page.getByRole('form', { name: 'New journal entry' });
  const body = 'A long reflection on the planning meeting. '.repeat(14).trim(); // about 600 characters
  await form.getByLabel('Title').fill('Half-written entry');
  await form.getByLabel('What happened, what I learned').fill(body);
  await typeDate(page, form.getByLabel('Date', { exact: true }), '02012027');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await expect(page.getByText('Saved in this browser')).toBeHidden();
  // Kept apart from the workspace.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('runway.drafts') ?? '')).toContain('Half-written entry');
  expect(await storedWorkspace(page)).not.toContain('Half-written entry');

  // A reload: the form opens with the draft and says so.
  await page.reload();
  const again = page.getByRole('form', { name: 'New journal entry' });
  await expect(again.getByRole('status')).toContainText('Restored draft');
  await expect(again.getByLabel('Title')).toHaveValue('Half-written entry');
  await expect(again.getByLabel('What happened, what I learned')).toHaveValue(body);
  await expect(again.getByLabel('Date', { exact: true })).toHaveValue('2027-02-01');
  await expect(page.getByText('Unsaved draft')).toBeVisible();

  // Another section and back, straight after typing.
  await again.getByLabel('Title').fill('Half-written entry, more');
  await section_(page, '1:1s');
  await section_(page, 'Journal');
  const back = page.getByRole('form', { name: 'New journal entry' });
  await expect(back.getByLabel('Title')).toHaveValue('Half-written entry, more');
  await expect(back.getByLabel('What happened, what I learned')).toHaveValue(body);

  // The draft is not in an exported file.
  const exported = (await exportWorkspace(page)).text;
  expect(exported).not.toContain('Half-written entry');
  expect(exported).not.toContain('runway.drafts');

  // Discard: the form is empty again, the draft is gone, the header says saved.
  await openCandidate(page, 'Aisha Bello', 'Journal');
  const form2 = page.getByRole('form', { name: 'New journal entry' });
  await expect(form2.getByLabel('Title')).toHaveValue('Half-written entry, more');
  await form2.getByRole('button', { name: 'Discard draft' }).click();
  await expect(form2.getByLabel('Title')).toHaveValue('');
  await expect(form2.getByLabel('What happened, what I learned')).toHaveValue('');
  await expect(form2.getByText('Restored draft')).toHaveCount(0);
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('runway.drafts'))).toBeNull();
  // With no draft the form stays folded, and opens empty.
  await page.reload();
  await expect(page.getByRole('form', { name: 'New journal entry' })).toBeHidden();
  await page.getByText('Write a journal entry').click();
  await expect(page.getByRole('form', { name: 'New journal entry' }).getByLabel('Title')).toHaveValue('');

  // Saving clears the draft.
  const form3 = page.getByRole('form', { name: 'New journal entry' });
  await form3.getByLabel('Title').fill('Entry saved at last');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await form3.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText('Saved the journal entry.')).toBeVisible();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('runway.drafts'))).toBeNull();
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'Entry saved at last' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'New journal entry' })).toBeHidden();
  await expect(page.getByText('Restored draft')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('half-written 1:1 notes survive a section switch and a reload, new and while editing', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Tomás Ferreira', '1:1s');
  await page.getByText('Log a 1:1').click();
  const form = page.getByRole('form', { name: 'New 1:1' });
  await form.getByLabel('Notes').fill('We talked about the on-call rota and');
  await section_(page, 'Journal');
  await section_(page, '1:1s');
  const back = page.getByRole('form', { name: 'New 1:1' });
  await expect(back.getByLabel('Notes')).toHaveValue('We talked about the on-call rota and');
  await expect(back.getByRole('status')).toContainText('Restored draft');
  await page.reload();
  await expect(page.getByRole('form', { name: 'New 1:1' }).getByLabel('Notes')).toHaveValue('We talked about the on-call rota and');
  await page.getByRole('form', { name: 'New 1:1' }).getByRole('button', { name: 'Save 1:1' }).click();
  await expect(page.getByText('Saved the 1:1.')).toBeVisible();
  await expect(page.getByText('Saved in this browser')).toBeVisible();

  // Editing a saved 1:1: the editor opens again with the unsaved change after a reload.
  const card = page.getByRole('listitem').filter({ hasText: 'We talked about the on-call rota and' });
  await card.getByRole('button', { name: /^Edit the 1:1/ }).click();
  const editor = page.getByRole('form', { name: /^Edit the 1:1/ });
  await editor.getByLabel('Notes').fill('We talked about the on-call rota and agreed a swap.');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await page.reload();
  const editorAgain = page.getByRole('form', { name: /^Edit the 1:1/ });
  await expect(editorAgain.getByLabel('Notes')).toHaveValue('We talked about the on-call rota and agreed a swap.');
  await expect(editorAgain.getByRole('status')).toContainText('Restored draft');
  // Cancel gives the change up.
  await editorAgain.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('form', { name: /^Edit the 1:1/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the draft note fits a phone screen and dark mode', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await loadSample(page);
  await openCandidate(page, 'Aisha Bello', 'Journal');
  await page.getByText('Write a journal entry').click();
  await page.getByRole('form', { name: 'New journal entry' }).getByLabel('Title').fill('Phone draft');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await page.reload();
  const form = page.getByRole('form', { name: 'New journal entry' });
  await expect(form.getByRole('button', { name: 'Discard draft' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await form.screenshot({ path: 'test-results/draft-note-phone-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await form.screenshot({ path: 'test-results/draft-note-desktop.png' });
});

test('other forms keep drafts too: an activity, an assessment comment, a person', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Aisha Bello', 'Activities');
  await page.getByText('Plan or log an activity').click();
  const activity = page.getByRole('form', { name: 'New activity' });
  await activity.getByLabel('Title', { exact: true }).fill('Draft workshop');
  await activity.getByLabel('Notes').fill('Bring the case from last week');

  await section_(page, 'Assessments');
  await page.locator('summary', { hasText: 'Add an assessment' }).click();
  await page.getByRole('textbox', { name: /^Comment — / }).first().fill('Half a thought about');
  await page.reload();
  await expect(page.getByRole('textbox', { name: /^Comment — / }).first()).toHaveValue('Half a thought about');
  await expect(page.getByText('Restored draft')).toBeVisible();
  await expect(page.getByText('2 unsaved drafts')).toBeVisible();

  await section_(page, 'Activities');
  const again = page.getByRole('form', { name: 'New activity' });
  await expect(again.getByLabel('Title', { exact: true })).toHaveValue('Draft workshop');
  await expect(again.getByLabel('Notes')).toHaveValue('Bring the case from last week');
  await again.getByRole('button', { name: 'Discard draft' }).click();
  // Back to what the form held before (the kind's default title, no notes).
  await expect(again.getByLabel('Title', { exact: true })).not.toHaveValue('Draft workshop');
  await expect(again.getByLabel('Notes')).toHaveValue('');
  await expect(page.getByText('Unsaved draft')).toBeVisible();

  await goTo(page, 'People');
  await page.getByText('Add a person').click();
  await page.getByLabel('Name', { exact: true }).fill('Someone half-added');
  await goTo(page, 'Library');
  await goTo(page, 'People');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Someone half-added');
  expect(errors).toEqual([]);
});
