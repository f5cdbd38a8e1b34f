import { test, expect, type Page } from '@playwright/test';
import { loadSample, nav, watchErrors, storedWorkspace, goTo } from './helpers';

// Drafts for the interview scorecard, the selection decision and the framework editor: what is
// typed survives a reload or a section switch, comes back with a "Restored draft" note, and
// goes once saved.

const drafts = (page: Page) => page.evaluate(() => localStorage.getItem('runway.drafts') ?? '');

async function section(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name, exact: true }).click();
}

/** A nominee of the sample's next intake, on their Selection section. */
async function openNominee(page: Page, name: string) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /next intake$/ }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await section(page, 'Selection');
  await expect(page.getByRole('heading', { level: 1, name: `${name} — Selection` })).toBeVisible();
}

async function scoreAsMarcus(page: Page) {
  await page.getByLabel('Scoring as').selectOption({ label: 'Marcus Oyelaran — Fulfilment' });
  await expect(page.getByRole('heading', { name: 'Your scorecard (Marcus Oyelaran)' })).toBeVisible();
}

test('a half-written scorecard survives a reload and goes once saved', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openNominee(page, 'Kwame Mensah');
  await scoreAsMarcus(page);
  const card = page.getByRole('form', { name: 'Your scorecard' });
  const context = card.getByRole('textbox', { name: /^Context — / }).first();
  const result = card.getByRole('textbox', { name: /^Result — / }).last();
  const said = 'Walked me through the outage review he ran last month, '.repeat(6).trim();
  await context.fill(said);
  await result.fill('Half-written result');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await expect.poll(() => drafts(page)).toContain('Half-written result');
  expect(await storedWorkspace(page)).not.toContain('Half-written result');

  // A reload: who is scoring is not kept, so pick again; the scorecard comes back as typed.
  await page.reload();
  await scoreAsMarcus(page);
  const again = page.getByRole('form', { name: 'Your scorecard' });
  await expect(again.getByRole('status').filter({ hasText: 'Restored draft' })).toBeVisible();
  await expect(again.getByRole('textbox', { name: /^Context — / }).first()).toHaveValue(said);
  await expect(again.getByRole('textbox', { name: /^Result — / }).last()).toHaveValue('Half-written result');

  // Saving keeps the text in the scorecard and clears the draft.
  await again.getByRole('button', { name: 'Save my scorecard' }).click();
  await expect(page.getByText('Saved your scorecard.')).toBeVisible();
  await expect(again.getByRole('status').filter({ hasText: 'Restored draft' })).toHaveCount(0);
  await expect(page.getByText('Unsaved draft')).toBeHidden();
  await expect.poll(() => drafts(page)).not.toContain('Half-written result');
  await expect.poll(() => storedWorkspace(page).then((t) => t ?? '')).toContain('Half-written result');

  // A reload shows the saved scorecard, with no draft note.
  await page.reload();
  await scoreAsMarcus(page);
  const saved = page.getByRole('form', { name: 'Your scorecard' });
  await expect(saved.getByRole('textbox', { name: /^Result — / }).last()).toHaveValue('Half-written result');
  await expect(saved.getByRole('status').filter({ hasText: 'Restored draft' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the decision being written survives a section switch; saving clears it', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openNominee(page, 'Ravi Kulkarni');
  const form = page.getByRole('form', { name: 'Decision' });
  await form.getByRole('radio', { name: 'Not now' }).check();
  await form.getByLabel('Reason (required)').fill('Not every scenario is scored yet; we will decide next week.');
  await form.getByLabel('Feedback for the person').fill('Keep onboarding the new joiners.');

  // Straight to another section and back.
  await section(page, 'Journal');
  await section(page, 'Selection');
  const again = page.getByRole('form', { name: 'Decision' });
  await expect(again.getByRole('status').filter({ hasText: 'Restored draft' })).toBeVisible();
  await expect(again.getByLabel('Reason (required)')).toHaveValue('Not every scenario is scored yet; we will decide next week.');
  await expect(again.getByLabel('Feedback for the person')).toHaveValue('Keep onboarding the new joiners.');
  await expect(again.getByRole('radio', { name: 'Not now' })).toBeChecked();
  await expect(page.getByText('Unsaved draft')).toBeVisible();

  await again.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByText('Saved the decision.')).toBeVisible();
  await expect(page.getByText('Unsaved draft')).toBeHidden();
  await expect.poll(() => drafts(page)).not.toContain('decide next week');

  // Another switch: the form shows the saved decision, with no draft note.
  await section(page, 'Journal');
  await section(page, 'Selection');
  const saved = page.getByRole('form', { name: 'Decision' });
  await expect(saved.getByLabel('Reason (required)')).toHaveValue('Not every scenario is scored yet; we will decide next week.');
  await expect(saved.getByRole('status').filter({ hasText: 'Restored draft' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an unsaved framework edit survives a reload, reopens the editor, and goes once saved', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await goTo(page, 'Frameworks');
  await page.getByRole('button', { name: 'Copy to edit: MiT readiness rubric' }).click();
  await page.getByLabel('Name of the copy').fill('Drafted rubric');
  await page.getByRole('button', { name: 'Make the copy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Drafted rubric' })).toBeVisible();
  const editor = page.getByRole('form', { name: 'Edit framework' });
  const guidance = 'Twenty hours of practice with a coach, then a first team of two. '.repeat(5).trim();
  await editor.getByLabel('Level 1 guidance').fill(guidance);
  await editor.getByRole('button', { name: 'Add a domain' }).click();
  await editor.getByLabel('Domain 6 name').fill('Hiring');
  await editor.getByLabel('Hiring at Competent').fill('Runs a fair interview loop.');
  await expect.poll(() => drafts(page)).toContain('Runs a fair interview loop.');

  // A reload opens the editor by itself, with the edit restored.
  await page.reload();
  const again = page.getByRole('form', { name: 'Edit framework' });
  await expect(again.getByRole('status').filter({ hasText: 'Restored draft' })).toBeVisible();
  await expect(again.getByLabel('Level 1 guidance')).toHaveValue(guidance);
  await expect(again.getByLabel('Domain 6 name')).toHaveValue('Hiring');
  await expect(again.getByLabel('Hiring at Competent')).toHaveValue('Runs a fair interview loop.');

  await again.getByRole('button', { name: 'Save framework' }).click();
  await expect(page.getByText('Saved “Drafted rubric”.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit framework' })).toHaveCount(0);
  await expect.poll(() => drafts(page)).not.toContain('Runs a fair interview loop.');
  const grid = page.getByRole('table', { name: /what each domain looks like at each level/ });
  await expect(grid.getByRole('row', { name: /Hiring/ })).toContainText('Runs a fair interview loop.');

  // A reload shows the framework, not the editor.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Drafted rubric' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit framework' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a refused framework save says why in the form and keeps the draft', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await goTo(page, 'Frameworks');
  await page.getByRole('button', { name: 'Copy to edit: MiT readiness rubric' }).click();
  await page.getByRole('button', { name: 'Make the copy' }).click();
  const editor = page.getByRole('form', { name: 'Edit framework' });
  const first = await editor.getByLabel('Level 1 name').inputValue();
  await editor.getByLabel('Level 2 name').fill(first);
  await editor.getByRole('button', { name: 'Save framework' }).click();
  await expect(editor.getByRole('alert')).toContainText(/Not saved: .*two levels have the same name/i);
  await expect(editor).toBeVisible();
  await expect.poll(() => drafts(page)).toContain('framework/');
  expect(errors).toEqual([]);
});
