import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { EXTRA_AXE_RULES, clickForDownload, loadSample, nav, watchErrors, goTo } from './helpers';

/** The bench chart's bars for the day asked about: count and percent per level. */
async function currentBars(chart: Locator): Promise<Record<string, [string | null, string | null]>> {
  const out: Record<string, [string | null, string | null]> = {};
  for (const level of ['M1', 'M2', 'M3']) {
    const bar = chart.locator(`rect.bar.current[data-category="${level}"]`);
    await expect(bar).toHaveCount(1);
    out[level] = [await bar.getAttribute('data-count'), await bar.getAttribute('data-value')];
  }
  return out;
}

function benchChart(page: Page) {
  return page.getByRole('img', { name: /^Managers by level in / });
}

test('the managers page shows the bench, entry paths, trials, development and the next level', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await goTo(page, 'Managers');
  await expect(page.getByRole('heading', { level: 1, name: 'Managers' })).toBeVisible();

  // Today: Hana, Felix and Olu at M1; Marcus and Beatriz at M2; Dana at M3.
  const chart = benchChart(page);
  await expect(chart).toHaveAccessibleName(/Northwind Logistics/);
  expect(await currentBars(chart)).toEqual({ M1: ['3', '50'], M2: ['2', '33.3'], M3: ['1', '16.7'] });
  await expect(chart).toHaveAccessibleDescription(/M1 3 \(50 %\), M2 2 \(33\.3 %\), M3 1 \(16\.7 %\) of 6 managers/);
  // A trend: the same day in each of the three years before, plus today.
  expect(await chart.locator('rect.bar[data-category="M1"]').count()).toBe(4);
  // The healthy bands are drawn behind the bars.
  await expect(chart.locator('rect.band[data-category="M1"]')).toHaveAttribute('data-low', '60');
  await expect(chart.locator('rect.band[data-category="M1"]')).toHaveAttribute('data-high', '70');

  // M2 is in its band; M1 and M3 are not.
  const bench = page.getByRole('region', { name: 'The shape of the bench' });
  await expect(bench.locator('.out-of-band li')).toHaveText([
    'M1: 50 %, below the healthy 60–70 %',
    'M3: 16.7 %, above the healthy share of under 10 %',
  ]);
  await expect(bench.getByText('Small numbers.')).toHaveCount(0);

  // The numbers as a table, newest first.
  const figure = page.getByRole('figure', { name: /^Managers by level in / });
  await figure.getByText('Show the numbers').click();
  const table = figure.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['As of', 'M1', 'M2', 'M3', 'All managers']);
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow.getByRole('cell')).toHaveText(['3 (50 %)', '2 (33.3 %)', '1 (16.7 %)', '6']);
  await expect(table.getByRole('row')).toHaveCount(5);

  // Saving the chart gives an SVG file with the same numbers.
  const saved = await clickForDownload(page, /^Save as SVG/);
  expect(saved.name).toMatch(/^managers-by-level-in-northwind-logistics-\d{1,2}-[a-z]{3}-\d{4}\.svg$/);
  expect(saved.text).toContain('data-category="M1"');
  expect(saved.text).toContain('data-value="33.3"');

  // One team, then an earlier day: Beatriz led Payments as an M1 in 2021, as its M2 now.
  await page.getByRole('combobox', { name: 'Whose managers' }).selectOption('Payments');
  await expect(chart).toHaveAccessibleName(/in Payments/);
  expect(await currentBars(chart)).toEqual({ M1: ['0', '0'], M2: ['1', '100'], M3: ['0', '0'] });
  await page.getByLabel('As of').fill('2021-06-01');
  await expect(chart).toHaveAccessibleName('Managers by level in Payments, 1 Jun 2021');
  expect(await currentBars(chart)).toEqual({ M1: ['1', '100'], M2: ['0', '0'], M3: ['0', '0'] });
  // In 2018 she was still an engineer: nobody managed Payments.
  for (const bar of await chart.locator('rect.bar[data-series="2018-06-01"]').all()) {
    await expect(bar).toHaveAttribute('data-count', '0');
  }
  await expect(bench.getByText('Small numbers.')).toBeVisible();
  await expect(bench.locator('.out-of-band li')).toHaveText([
    'M1: 100 %, above the healthy 60–70 %',
    'M2: 0 %, below the healthy 25–35 %',
  ]);
  // The whole organisation on that day: Beatriz at M1, Dana (not yet head of engineering)
  // and Marcus at M2.
  await page.getByRole('combobox', { name: 'Whose managers' }).selectOption({ label: 'The whole organisation' });
  expect(await currentBars(chart)).toEqual({ M1: ['1', '33.3'], M2: ['2', '66.7'], M3: ['0', '0'] });
  // A day after today shows today's bench, and says so.
  await page.getByLabel('As of').fill('2030-01-01');
  await expect(page.locator('#as-of-note')).toContainText('is after today');
  expect(await currentBars(chart)).toEqual({ M1: ['3', '50'], M2: ['2', '33.3'], M3: ['1', '16.7'] });
  await page.getByLabel('As of').fill('2021-06-01');
  await expect(page.locator('#as-of-note')).toBeEmpty();
  await page.getByRole('button', { name: 'Back to today' }).click();
  expect(await currentBars(chart)).toEqual({ M1: ['3', '50'], M2: ['2', '33.3'], M3: ['1', '16.7'] });
  await expect(page.getByLabel('As of')).not.toHaveValue('2021-06-01');

  // Entry paths: Hana and Olu from IC3; Beatriz, Felix and Jonah from IC4; Dana and Marcus
  // started here as managers; Jonah went back.
  const paths = page.getByRole('table', { name: 'Where managers came from' });
  await expect(paths.getByRole('row', { name: /From IC3/ }).getByRole('cell')).toHaveText(['2', '29 %', 'about 75 %']);
  await expect(paths.getByRole('row', { name: /From IC4/ }).getByRole('cell')).toHaveText(['3', '43 %', 'about 20 %']);
  await expect(page.getByText('1 move back from management to engineering.')).toBeVisible();
  await page.getByText('Every move into management (7)').click();
  await expect(page.locator('.entries-list li').filter({ hasText: 'Jonah Park' })).toContainText('IC4 → M1');

  // Olu's trial, supported by Marcus, and what is coming up for it.
  const trials = page.getByRole('table', { name: 'Trials under way' });
  const olu = trials.getByRole('row', { name: /Olu Adeyemi/ });
  await expect(olu).toContainText('Returns');
  await expect(olu).toContainText('Marcus Oyelaran');
  await expect(olu.getByRole('link', { name: 'Olu Adeyemi' })).toHaveAttribute('href', /\/people\/[0-9a-f-]{36}$/);

  // Development: Felix has logged nothing and counts as behind.
  const ledgers = page.getByRole('table', { name: /Training and practice/ });
  const felix = ledgers.getByRole('row', { name: /Felix Wagner/ });
  await expect(felix).toContainText('Nothing logged yet');
  await expect(felix).toContainText('Behind');
  await expect(ledgers.getByRole('row', { name: /Hana Sato/ })).toContainText('On track');
  await expect(page.getByText(/^3 of 6 managers are behind/)).toBeVisible();

  // Next level: the M1s and M2s (but Olu, still in his trial), each with a link to their page.
  const next = page.getByRole('table', { name: /nearest to the next level/ });
  await expect(next.getByRole('row')).toHaveCount(5);
  await expect(next.getByRole('row', { name: /Olu Adeyemi/ })).toHaveCount(0);
  await expect(page.getByText(/still in a trial are not listed/)).toBeVisible();
  await expect(next.getByRole('row', { name: /Hana Sato/ })).toContainText('M1 → M2');
  await expect(next.getByRole('row', { name: /Dana Whitfield/ })).toHaveCount(0);
  await next.getByRole('link', { name: 'Hana Sato' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hana Sato' })).toBeVisible();
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the managers page has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await loadSample(page);
    await goTo(page, 'Managers');
    await expect(benchChart(page)).toBeVisible();
    for (const d of await page.locator('.managers details').all()) await d.locator('summary').first().click();
    const results = await new AxeBuilder({ page }).options({ rules: EXTRA_AXE_RULES }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the managers page of an empty workspace says there is nobody yet', async ({ page }) => {
  await page.goto('./');
  await goTo(page, 'Managers');
  await expect(page.getByText(/Nobody in this workspace is a manager yet/)).toBeVisible();
  await expect(page.getByRole('img')).toHaveCount(0);
});
