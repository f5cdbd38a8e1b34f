import { test, expect, type Page } from '@playwright/test';
import { clickForDownload, exportWorkspace, importFile, loadSample, nav, watchErrors, clearStorage, goTo } from './helpers';

/** Opens a candidate of the running sample cohort, at one section of their page. */
async function openCandidate(page: Page, name: string, section?: string) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  if (section) {
    await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: section }).click();
  }
}

async function logOneOnOne(page: Page, day: string, followUps: string) {
  const form = page.getByRole('form', { name: 'New 1:1' });
  if (!(await form.isVisible())) await page.getByText('Log a 1:1').click();
  await form.getByLabel('Day').fill(day);
  await form.getByLabel('Coaching question 1').fill('What went well since we last spoke?');
  await form.getByLabel('Development goal').fill('Let others speak first in planning');
  await form.getByLabel('Follow-ups (one per line)').fill(followUps);
  await form.getByRole('button', { name: 'Save 1:1' }).click();
  await expect(page.getByText('Saved the 1:1.')).toBeVisible();
}

test('two 1:1s with the same person: an open follow-up carries over until ticked', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Tomás Ferreira', '1:1s');
  await expect(page.getByText('No 1:1s logged yet.')).toBeVisible();

  await logOneOnOne(page, '2026-11-02', 'Book a shadowing slot\nRead the escalation page');
  // The form for the next 1:1 with Marcus (the coach, chosen by default) lists both as open.
  const open = page.getByRole('region', { name: 'Open follow-ups' });
  await expect(open.getByRole('checkbox')).toHaveCount(2);
  await expect(open).toContainText('Book a shadowing slot (from 2 Nov 2026)');

  await logOneOnOne(page, '2026-11-09', '');
  const second = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '1:1 with Marcus Oyelaran on 9 Nov 2026' }) });
  const carried = second.getByRole('checkbox', { name: 'Book a shadowing slot (from 2 Nov 2026)' });
  await expect(carried).not.toBeChecked();
  await carried.check();
  await expect(page.getByText('Ticked off the follow-up.')).toBeVisible();

  // The third 1:1 only carries what is still open; the ticked one stays on the second.
  await logOneOnOne(page, '2026-11-16', '');
  const third = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '1:1 with Marcus Oyelaran on 16 Nov 2026' }) });
  await expect(third.getByRole('checkbox')).toHaveCount(1);
  await expect(third.getByRole('checkbox', { name: 'Read the escalation page (from 2 Nov 2026)' })).toBeVisible();

  await page.reload();
  const secondAgain = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '1:1 with Marcus Oyelaran on 9 Nov 2026' }) });
  await expect(secondAgain.getByRole('checkbox', { name: 'Book a shadowing slot (from 2 Nov 2026)' })).toBeChecked();
  await page.getByText('Log a 1:1').click();
  await expect(page.getByRole('region', { name: 'Open follow-ups' }).getByRole('checkbox')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a snippet from the library drops into a 1:1 agenda', async ({ page }) => {
  await loadSample(page);
  await openCandidate(page, 'Aisha Bello', '1:1s');
  await page.getByText('Log a 1:1').click();
  await page.getByLabel('Snippet from the library').selectOption({ label: '1:1 agenda — a report who is struggling' });
  await page.getByRole('button', { name: 'Add to agenda' }).click();
  await expect(page.getByRole('form', { name: 'New 1:1' }).getByLabel('Agenda', { exact: true })).toHaveValue(/Check in on the person first, the work second\./);
});

test('a private journal entry is marked private and left out of a shared file unless included', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Aisha Bello', 'Journal');
  await page.getByText('Write a journal entry').click();
  await page.getByRole('form', { name: 'New journal entry' }).getByLabel('Title').fill('Doubts after the coaching lab');
  await page.getByLabel('What happened, what I learned').fill('I froze when the role-play got heated.');
  await page.getByLabel('Tags (separated by commas)').fill('labs, Nerves');
  await expect(page.getByLabel('Who can read it')).toHaveValue('private');
  await page.getByRole('button', { name: 'Save entry' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'Doubts after the coaching lab' });
  await expect(card.getByText('Private', { exact: true })).toBeVisible();
  await expect(card).toContainText('#nerves');

  // Marked on the overview's timeline too.
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Doubts after the coaching lab' })).toContainText('Journal (private)');

  await page.getByText('Export a file for the candidate…').click();
  const preview = page.getByRole('region', { name: 'Share preview' });
  const leftOut = preview.getByRole('list', { name: 'Left out' });
  await expect(leftOut.getByRole('listitem').filter({ hasText: '1 private journal entry' })).toHaveCount(1);
  const shared = await clickForDownload(page, 'Download shared file');
  expect(shared.text).not.toContain('Doubts after the coaching lab');
  expect(shared.text).not.toContain('I froze when');

  await page.getByLabel(/Include my own private entries and 1:1 notes/).check();
  await expect(leftOut.getByRole('listitem').filter({ hasText: 'private journal entry' })).toHaveCount(0);
  await expect(preview.getByRole('list', { name: 'The file carries' })).toContainText('1 private journal entry');
  const included = await clickForDownload(page, 'Download shared file');
  expect(included.text).toContain('Doubts after the coaching lab');
  expect(errors).toEqual([]);
});

test('journey records survive a reload and an export and import', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Priya Raman', 'Journal');
  await page.getByText('Write a journal entry').click();
  await page.getByLabel('Title').fill('Kept across the round trip');
  await page.getByLabel('Who can read it').selectOption('coach');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText('Saved the journal entry.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kept across the round trip' })).toBeVisible();

  const file = await exportWorkspace(page);
  const parsed = JSON.parse(file.text);
  for (const list of ['activities', 'assignments', 'one_on_ones', 'journal', 'interviews', 'references', 'snippets', 'case_reviews', 'retros']) {
    expect(parsed.workspace[list]?.length, list).toBeGreaterThan(0);
  }
  await clearStorage(page);
  await page.reload();
  await importFile(page, file.name, file.text);
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await expect(page.getByText('Imported Northwind Logistics.')).toBeVisible();
  await openCandidate(page, 'Priya Raman', 'Journal');
  await expect(page.getByRole('heading', { name: 'Kept across the round trip' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: '1:1s' }).click();
  const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^1:1 with Marcus Oyelaran on / }) }).last();
  await expect(first.getByRole('checkbox', { name: 'Book a shadowing slot with Hana', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the library: copy a starter snippet and edit it', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'Library');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await page.getByRole('button', { name: 'Copy to edit: Career conversation' }).click();
  await expect(page.getByText("Copied into your organisation's snippets")).toBeVisible();
  await page.getByRole('button', { name: 'Edit the snippet “Career conversation”' }).click();
  await page.getByRole('form', { name: 'Edit the snippet “Career conversation”' }).getByLabel('Title').fill('Career conversation (Northwind)');
  await page.getByRole('button', { name: 'Save snippet' }).click();
  await expect(page.getByRole('heading', { name: 'Career conversation (Northwind)' })).toBeVisible();
});

test('success signals: mark one met with evidence that links back', async ({ page }) => {
  await loadSample(page);
  await openCandidate(page, 'Priya Raman', 'Success signals');
  await expect(page.getByText('0 of 4 signals met.')).toBeVisible();
  await page.getByRole('button', { name: /^Update “Runs 1:1s/ }).click();
  await page.getByRole('checkbox', { name: 'Met', exact: true }).check();
  await page.getByRole('checkbox', { name: /Reflection session — Reflection session with Marcus/ }).check();
  await page.getByRole('button', { name: 'Save signal' }).click();
  await expect(page.getByText('1 of 4 signals met.')).toBeVisible();
  await page.getByRole('link', { name: 'Activity: Reflection session with Marcus' }).click();
  await expect(page).toHaveURL(/\/activities#r-/);
});

test('an open 1:1 edit keeps what was typed when a follow-up of that 1:1 is ticked elsewhere', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Priya Raman', '1:1s');
  await page.getByRole('button', { name: /^Edit the 1:1 with Marcus Oyelaran on 19 Oct|^Edit the 1:1 with Marcus Oyelaran on \d+ \w+ \d{4}$/ }).last().click();
  const edit = page.getByRole('form', { name: /^Edit the 1:1 with Marcus Oyelaran/ });
  await edit.getByLabel('Notes').fill('Typed while something else changed');
  // Tick the earlier 1:1's open follow-up from the "Log a 1:1" panel: that 1:1 is redrawn.
  await page.getByText('Log a 1:1').click();
  await page.getByRole('region', { name: 'Open follow-ups' })
    .getByRole('checkbox', { name: /^Book a shadowing slot with Hana/ }).check();
  await expect(page.getByText('Ticked off the follow-up.')).toBeVisible();
  await expect(edit.getByLabel('Notes')).toHaveValue('Typed while something else changed');
  await edit.getByRole('button', { name: 'Save 1:1' }).click();
  await expect(page.getByText('Saved the 1:1.')).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: 'Typed while something else changed' });
  await expect(card.getByRole('checkbox', { name: 'Book a shadowing slot with Hana', exact: true })).toBeChecked();
  expect(errors).toEqual([]);
});

test('a very long word wraps instead of widening the page, on a phone too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loadSample(page);
  await openCandidate(page, 'Aisha Bello', 'Journal');
  await page.getByText('Write a journal entry').click();
  const word = 'https://example.org/' + 'x'.repeat(300);
  await page.getByRole('form', { name: 'New journal entry' }).getByLabel('Title').fill(word);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText('Saved the journal entry.')).toBeVisible();
  for (const section of ['Journal', 'Overview']) {
    await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: section }).click();
    await expect(page.getByText(word).first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, section).toBeLessThanOrEqual(390);
  }
});

test('deleting a 1:1 says which open follow-ups stop coming back', async ({ page }) => {
  await loadSample(page);
  await openCandidate(page, 'Priya Raman', '1:1s');
  await page.getByRole('button', { name: 'Delete the 1:1 with Marcus Oyelaran on ' + (await page.getByRole('heading', { name: /^1:1 with Marcus Oyelaran on / }).last().innerText()).replace('1:1 with Marcus Oyelaran on ', '') }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this 1:1?' });
  await expect(dialog).toContainText(/its 2 follow-ups — 1 still open, which moves to the 1:1 of \d+ \w+ \d{4}/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: /^1:1 with Marcus Oyelaran on / })).toHaveCount(2);
});

test("a person's page lists their roles in the program, with links", async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Marcus Oyelaran' }).click();
  const roles = page.getByRole('list').filter({ hasText: 'Coach of' });
  await expect(roles.getByRole('link', { name: /^Coach of MiT \d{4} Q\d$/ })).toBeVisible();
  await expect(roles.getByRole('link', { name: 'Nominated Priya Raman' })).toBeVisible();
  await roles.getByRole('link', { name: 'Interviewer of Lee Chen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lee Chen — Selection' })).toBeVisible();
});

test('the Overview shows a micro-assignment under way as active, not planned', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Priya Raman');
  // Priya's on-call redesign is under way (status "Active") and due after today.
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Redesign the Fulfilment on-call rotation/ }) });
  await expect(item.first()).toBeVisible();
  for (const li of await item.all()) {
    await expect(li.locator('.badge')).toHaveText('Active');
  }
  expect(errors).toEqual([]);
});

test('after saving a journal entry, focus is on the saved entry, not the page body', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Priya Raman', 'Journal');
  await page.getByText('Write a journal entry').click();
  const form = page.getByRole('form', { name: 'New journal entry' });
  await form.getByLabel('Title').fill('Where focus lands');
  await form.getByLabel('Title').press('Enter');
  await expect(page.getByText('Saved the journal entry.')).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Where focus lands' }) });
  await expect(card).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('LI');
  // Tab goes on from the entry to its own buttons.
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Edit the journal entry “Where focus lands”' })).toBeFocused();

  // Saving an edit puts focus back on the entry, too.
  await page.keyboard.press('Enter');
  const edit = page.getByRole('form', { name: 'Edit the journal entry “Where focus lands”' });
  await edit.getByLabel('Title').fill('Where focus lands, edited');
  await edit.getByRole('button', { name: 'Save entry' }).click();
  const edited = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Where focus lands, edited' }) });
  await expect(edited).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  expect(errors).toEqual([]);
});
