import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { goTo, loadSample, seriousViolations, watchErrors } from './helpers';

// Issue #15: the organisation's overview — every cohort at a glance, trials, cases, pitfalls
// and metrics side by side — agrees with the sample and with the pages behind it.

async function openOverview(page: Page) {
  await goTo(page, 'Overview');
  await expect(page.getByRole('heading', { level: 1, name: 'Program overview' })).toBeVisible();
}

/** The cells of the row whose header is `name`, as text (the header first). */
async function rowOf(page: Page, table: string, name: string | RegExp): Promise<string[]> {
  const row = page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row).toHaveCount(1);
  return (await row.locator('th, td').allInnerTexts()).map((t) => t.trim());
}

test('the overview’s numbers match the sample and the pages behind them', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openOverview(page);

  // The running cohort: its candidates by status, who is behind, what is past its end.
  const cohort = await rowOf(page, 'Every cohort at a glance', /^MiT \d{4} Q\d$/);
  const [name, now, candidates, calibration, behind, overdue] = cohort;
  expect(now).toMatch(/^Shadow · day \d+ of \d+$/);
  expect(candidates).toBe('3 in program · 1 not selected');
  expect(calibration).toMatch(/^(today|\d{1,2} [A-Z][a-z]{2} \d{4}): Calibration (session|due|overdue)/);
  expect(overdue).toBe('1');
  const behindCount = Number(behind.match(/^(\d+) behind/)?.[1]);
  expect(behindCount).toBeGreaterThan(0);
  const next = await rowOf(page, 'Every cohort at a glance', 'MiT 2027 next intake');
  expect(next.slice(1, 3)).toEqual([expect.stringMatching(/^Starts in \d+ days$/), '2 nominated']);

  // Trials and cases in flight.
  const trial = await rowOf(page, 'Managers in trial and their next checkpoint', 'Olu Adeyemi');
  expect(trial[1]).toBe('Returns');
  expect(trial[3]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}/);
  expect(await rowOf(page, 'Promotion cases in flight and what each is waiting for', 'Felix Wagner')).toEqual([
    'Felix Wagner',
    'In debrief',
    'reads: 1 of 2 in',
  ]);
  const hana = await rowOf(page, 'Promotion cases in flight and what each is waiting for', 'Hana Sato');
  expect(hana[1]).toBe('Letters requested');

  // Pitfalls name their trigger and link to the fix.
  const pitfalls = page.getByRole('list').filter({ hasText: 'Too theoretical' });
  await expect(pitfalls.getByRole('listitem').filter({ hasText: 'Too theoretical' })).toContainText(/workshops took \d+% of the time/);
  await expect(pitfalls.getByRole('link', { name: /^Plan practice in the standard week \(MiT \d{4} Q\d\)$/ })).toBeVisible();

  // Metrics side by side, each with its count and a caution for small counts.
  const trials = page.getByRole('article', { name: 'Trials' });
  await expect(trials.getByText('0 confirmed · 0 returned · 1 open')).toBeVisible();
  await expect(trials.getByText('Counted: 1 ·')).toBeVisible();
  await expect(trials.getByText(/^Only 1 counted/)).toBeVisible();
  const readiness = page.getByRole('article', { name: 'Promotion readiness rate' });
  await expect(readiness.getByText('No cohort has ended yet', { exact: false })).toBeVisible();
  const retention = page.getByRole('article', { name: 'Retention against peers' });
  await expect(retention.getByText('participants 100% (3 of 3) · peers 100% (3 of 3)').first()).toBeVisible();

  // A metric's table downloads as CSV.
  const pending = page.waitForEvent('download');
  await trials.getByRole('button', { name: 'Download CSV of Trials' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/^trials-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toBe('Outcome,Counted,Trials');
  expect(csv).toContain('Still open,1,100% (1 of 1)');

  // The same numbers on the pages behind them: the coach's week counts the same people behind.
  await page.getByRole('link', { name: new RegExp(`^${behindCount} behind in ${name}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  await expect(page.getByText(new RegExp(`· ${behindCount} behind$`))).toBeVisible();
  await openOverview(page);
  await page.getByRole('link', { name: 'Felix Wagner' }).click();
  await expect(page.getByText('In debrief').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the program report prints without the app around it', async ({ page }) => {
  await loadSample(page);
  await openOverview(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print the report' })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Download CSV/ }).first()).toBeHidden();
  await expect(page.getByRole('article', { name: 'Trials' })).toBeVisible();
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect((pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBeGreaterThan(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the overview has no serious axe violations and fits a phone (${scheme})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    await loadSample(page);
    await openOverview(page);
    expect(await seriousViolations(page), `overview, phone, ${scheme}`).toEqual([]);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
  });
}
