import { test, expect, type Page } from '@playwright/test';
import { loadSample, nav, seriousViolations, watchErrors, goTo } from './helpers';

// Issue 15: the coach's week. A candidate with no 1:1 for three weeks stands out as behind,
// the reason links to where it is put right, and putting it right clears it.

function isoDaysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function openWeek(page: Page) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'MiT 2026 Q4' }).click();
  await page.getByRole('link', { name: 'This week' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
}

test('the coach’s week shows a candidate with no 1:1 for three weeks as behind, and why', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);

  // Priya's latest 1:1 with her coach moves to three weeks ago.
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'MiT 2026 Q4' }).click();
  await page.getByRole('link', { name: 'Priya Raman' }).click();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: '1:1s' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'On-call assignment kickoff' });
  await card.getByRole('button', { name: /^Edit the 1:1/ }).click();
  const editor = page.getByRole('form', { name: /^Edit the 1:1/ });
  await editor.getByLabel('Day').fill(isoDaysAgo(21));
  await editor.getByRole('button', { name: 'Save 1:1' }).click();
  await expect(page.getByText('Saved the 1:1.')).toBeVisible();

  await openWeek(page);
  await expect(page.getByRole('table', { name: 'Candidates this week' })).toBeVisible();
  const priya = page.getByRole('row').filter({ hasText: 'Priya Raman' });
  await expect(priya.getByText('Behind', { exact: true })).toBeVisible();
  await expect(priya).toContainText('No 1:1 with a coach for 21 days');
  await expect(priya).toContainText('21 days ago');
  // Those behind come first; the lead counts them.
  const lead = await page.locator('p.lead').innerText();
  const behindCount = Number(lead.match(/(\d+) behind/)![1]);
  expect(behindCount).toBeGreaterThanOrEqual(1);
  const rows = page.getByRole('table', { name: 'Candidates this week' }).getByRole('row');
  for (let i = 1; i <= behindCount; i++) await expect(rows.nth(i).getByText('Behind', { exact: true })).toBeVisible();
  expect(await seriousViolations(page), 'this week').toEqual([]);

  // The reason links to the 1:1s; a 1:1 today puts it right.
  await priya.getByRole('link', { name: 'Plan or log a 1:1' }).click();
  await page.getByText('Log a 1:1').click();
  const form = page.getByRole('form', { name: 'New 1:1' });
  await form.getByLabel('Development goal').fill('Ask before telling');
  await form.getByRole('button', { name: 'Save 1:1' }).click();
  await expect(page.getByText('Saved the 1:1.')).toBeVisible();
  await openWeek(page);
  await expect(priya).not.toContainText('No 1:1 with a coach');
  await expect(priya.getByRole('cell', { name: 'today' })).toHaveCount(1);

  // Coming up: the two weeks ahead, each linking to where it is seen to.
  await expect(page.getByRole('heading', { level: 2, name: 'Coming up' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the coach’s week reads well on a phone, in the dark', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await loadSample(page);
  await openWeek(page);
  expect(await seriousViolations(page), 'this week, phone, dark').toEqual([]);
});
