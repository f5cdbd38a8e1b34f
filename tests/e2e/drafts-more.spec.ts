import { test, expect, type Page } from '@playwright/test';
import { loadSample, nav, watchErrors, goTo } from './helpers';

// Drafts on the feedback and calibration pages: a 360 round, a response, a team health check
// and a calibration session keep what was typed until it is saved or discarded.

async function openCandidate(page: Page, name: string, section: string) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await section_(page, section);
}

async function section_(page: Page, section: string) {
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: section, exact: true }).click();
}

const drafts = (page: Page) => page.evaluate(() => localStorage.getItem('runway.drafts') ?? '');

test('a half-typed 360 round survives a reload and a section switch; saving clears it', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Aisha Bello', 'Feedback and health');
  await page.getByText('Open a 360 round').click();
  const form = page.getByRole('form', { name: 'New 360 round' });
  await form.getByLabel('Title').fill('Half-named 360');
  await form.getByLabel('Questions (one a line)').fill('Gives clear direction\nListens before deciding');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await expect.poll(() => drafts(page)).toContain('Half-named 360');

  // A reload: the form opens by itself with the draft, and says so.
  await page.reload();
  const again = page.getByRole('form', { name: 'New 360 round' });
  await expect(again.getByRole('status')).toContainText('Restored draft');
  await expect(again.getByLabel('Title')).toHaveValue('Half-named 360');
  await expect(again.getByLabel('Questions (one a line)')).toHaveValue('Gives clear direction\nListens before deciding');

  // Another section and back, straight after typing.
  await again.getByLabel('Title').fill('Half-named 360, renamed');
  await section_(page, 'Journal');
  await section_(page, 'Feedback and health');
  const back = page.getByRole('form', { name: 'New 360 round' });
  await expect(back.getByRole('status')).toContainText('Restored draft');
  await expect(back.getByLabel('Title')).toHaveValue('Half-named 360, renamed');

  // A refused save shows its problem next to the field, and keeps the draft.
  await back.getByLabel('Title').fill('  ');
  await back.getByRole('button', { name: 'Open round' }).click();
  await expect(back.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(back.getByText('The round has no title.').first()).toBeVisible();
  await expect(page.getByText('Unsaved draft')).toBeVisible();

  // Saving clears the draft.
  await back.getByLabel('Title').fill('Drafted 360');
  await back.getByRole('button', { name: 'Open round' }).click();
  await expect(page.getByText('Opened the 360 round.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Drafted 360' })).toBeVisible();
  await expect(page.getByText('Unsaved draft')).toHaveCount(0);
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('form', { name: 'New 360 round' })).toBeHidden();
  await expect(page.getByText('Restored draft')).toHaveCount(0);

  // A response's comment is kept too, and saving it leaves the form open for the next one.
  const round = page.getByRole('article', { name: 'Drafted 360' });
  await round.getByText('Enter a response').click();
  const response = page.getByRole('form', { name: 'Response to Drafted 360' });
  await response.getByLabel('Comment (optional)').fill('Half a comment from a paper form');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await page.reload();
  const responseAgain = page.getByRole('form', { name: 'Response to Drafted 360' });
  await expect(responseAgain.getByLabel('Comment (optional)')).toHaveValue('Half a comment from a paper form');
  await expect(responseAgain.getByRole('status')).toContainText('Restored draft');
  await responseAgain.getByLabel('Gives clear direction').selectOption('4');
  await responseAgain.getByRole('button', { name: 'Save response' }).click();
  await expect(page.getByText(/^Response saved \(1 so far\)/)).toBeVisible();
  await expect(responseAgain.getByLabel('Comment (optional)')).toHaveValue('');
  await expect(responseAgain.getByLabel('Response from')).toBeFocused();
  await expect(page.getByText('Unsaved draft')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a health check note survives a reload; an unscored check is refused next to the scores; saving clears the draft', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openCandidate(page, 'Aisha Bello', 'Feedback and health');
  await page.getByText('Add a health check').click();
  const form = page.getByRole('form', { name: 'New health check' });
  await form.getByLabel('Note').fill('The team asked for fewer status meetings');
  await form.getByLabel('How many answered').fill('6');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await expect.poll(() => drafts(page)).toContain('fewer status meetings');

  await page.reload();
  const again = page.getByRole('form', { name: 'New health check' });
  await expect(again.getByRole('status')).toContainText('Restored draft');
  await expect(again.getByLabel('Note')).toHaveValue('The team asked for fewer status meetings');
  await expect(again.getByLabel('How many answered')).toHaveValue('6');

  // No score: the check's rule refuses it, and says so beside the scores.
  await again.getByRole('button', { name: 'Save health check' }).click();
  await expect(again.locator('.field-problem', { hasText: 'The check has no scores.' })).toBeVisible();
  await expect(page.getByText('Unsaved draft')).toBeVisible();

  await again.getByLabel('Clarity').selectOption('4');
  await again.getByRole('button', { name: 'Save health check' }).click();
  await expect(page.getByText('Saved the health check.')).toBeVisible();
  await expect(page.getByText('Unsaved draft')).toHaveCount(0);
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await expect(again.getByLabel('Note')).toHaveValue('');
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'fewer status meetings' })).toBeVisible();
  await expect(page.getByText('Restored draft')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('calibration session notes survive a reload; Discard and saving clear the draft', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('region', { name: 'Calibration', exact: true }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /^Calibration — / })).toBeVisible();
  await page.getByRole('button', { name: "Start this month's session" }).click();
  await expect(page.getByText('Started the calibration session.')).toBeVisible();
  await expect(page.getByText('Unsaved draft')).toHaveCount(0);

  const record = page.getByRole('form', { name: 'Session record' });
  await record.getByLabel('Session notes').fill('Half-written notes of the session');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await page.reload();
  const again = page.getByRole('form', { name: 'Session record' });
  await expect(again.getByLabel('Session notes')).toHaveValue('Half-written notes of the session');
  await expect(again.getByRole('status').filter({ hasText: 'Restored draft' })).toBeVisible();

  // Discard: back to the record's notes (none).
  await again.getByRole('button', { name: 'Discard draft' }).click();
  await expect(again.getByLabel('Session notes')).toHaveValue('');
  await expect(page.getByText('Unsaved draft')).toHaveCount(0);

  await again.getByLabel('Session notes').fill('Agreed to meet again next month');
  await expect(page.getByText('Unsaved draft')).toBeVisible();
  await again.getByRole('button', { name: 'Save calibration' }).click();
  await expect(page.getByText('Saved the calibration session.')).toBeVisible();
  await expect(page.getByText('Unsaved draft')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('form', { name: 'Session record' }).getByLabel('Session notes')).toHaveValue('Agreed to meet again next month');
  await expect(page.getByText('Restored draft')).toHaveCount(0);
  expect(errors).toEqual([]);
});
