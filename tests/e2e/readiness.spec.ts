import { test, expect, type Page } from '@playwright/test';
import { importFile, loadSample, nav, openApp, seriousViolations, watchErrors, storedWorkspace, goTo } from './helpers';
import { ANA, DOMAIN_NAMES, dayText, monthOf, workspace } from './readiness-data';

async function importWorkspace(page: Page, withEvaluation: boolean) {
  await openApp(page);
  await importFile(page, 'readiness.json', workspace(withEvaluation));
  await page.getByRole('region', { name: 'Import preview' }).getByRole('button', { name: 'Replace my workspace' }).click();
  await expect(page.getByText('Imported Readiness test.')).toBeVisible();
}

async function openCandidate(page: Page, name: string, section: string) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'Winter intake' }).click();
  await page.getByRole('table', { name: 'Candidates in this cohort' }).getByRole('link', { name }).click();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name} — ${section}` })).toBeVisible();
}

async function dataValues(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute('data-value') ?? ''));
}

// ---------------------------------------------------------------------------------------------

test('a 360 with two responses from a group shows only the aggregate', async ({ page }) => {
  const errors = watchErrors(page);
  await importWorkspace(page, false);
  await openCandidate(page, 'Ben Okafor', 'Feedback and health');
  await expect(page.getByText(/appear only once at least 3 people from that group/)).toBeVisible();

  // Open a round with the default questions, trimmed to two of our own.
  await page.getByText('Open a 360 round').click();
  await expect(page.getByLabel('Questions (one a line)')).toHaveValue(/listen/);
  await page.getByLabel('Title').fill('Spring 360');
  await page.getByLabel('Questions (one a line)').fill('Listens before deciding\nFollows through');
  await page.getByRole('button', { name: 'Open round' }).click();
  await expect(page.getByText('Opened the 360 round.')).toBeVisible();
  const round = page.getByRole('article', { name: 'Spring 360' });
  await expect(round).toContainText('No responses yet.');

  // The panel stays open between responses, cleared, with focus back on the group.
  await round.getByText('Enter a response').click();
  async function respond(group: string, scores: [string, string], comment: string, n: number) {
    await round.getByLabel('Response from').selectOption({ label: group });
    await round.getByLabel('Listens before deciding').selectOption(scores[0]);
    await round.getByLabel('Follows through').selectOption(scores[1]);
    await round.getByLabel('Comment (optional)').fill(comment);
    await round.getByRole('button', { name: 'Save response' }).click();
    await expect(page.getByText(`Response saved (${n} so far)`, { exact: false })).toBeVisible();
    await expect(round.getByLabel('Response from')).toBeFocused();
    await expect(round.getByLabel('Response from')).toHaveValue('direct_report');
    await expect(round.getByLabel('Listens before deciding')).toHaveValue('');
    await expect(round.getByLabel('Follows through')).toHaveValue('');
    await expect(round.getByLabel('Comment (optional)')).toHaveValue('');
  }

  await respond('Direct reports', ['4', '2'], 'Always makes time to listen', 1);
  await respond('Direct reports', ['5', '3'], 'Decisions sometimes come late', 2);

  const results = round.getByRole('table', { name: 'Results of Spring 360' });
  await expect(round).toContainText('2 responses: 2 from direct reports.');
  await expect(round).toContainText('2 responses from direct reports are counted only in the overall figures.');
  // Only the overall column: no group breakdown, no comments, and the right means.
  await expect(results.getByRole('columnheader')).toHaveText(['Question', 'All responses']);
  await expect(results.getByRole('row', { name: /Listens before deciding/ })).toContainText('4.5 (2 answers)');
  await expect(results.getByRole('row', { name: /Follows through/ })).toContainText('2.5 (2 answers)');
  await expect(page.getByText('Always makes time to listen')).toHaveCount(0);
  await expect(page.getByText('Decisions sometimes come late')).toHaveCount(0);
  await expect(round.getByRole('heading', { name: /Comments from/ })).toHaveCount(0);
  // The saved answers are not shown: the response form is empty again.
  await expect(round.getByLabel('Comment (optional)')).toHaveValue('');

  // A third direct report: the group's figures and comments may now be shown.
  await respond('Direct reports', ['3', '4'], 'Clear about goals', 3);
  await expect(results.getByRole('columnheader')).toHaveText(['Question', 'All responses', 'Direct reports']);
  await expect(results.getByRole('row', { name: /Listens before deciding/ })).toContainText('4 (3 answers)');
  await expect(round.getByRole('heading', { name: 'Comments from direct reports' })).toBeVisible();
  await expect(round.getByText('Always makes time to listen')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The round can be deleted.
  await round.getByRole('button', { name: 'Delete the 360 round “Spring 360”' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('article', { name: 'Spring 360' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('charts draw the right numbers, explain them in a table, and save as SVG', async ({ page }) => {
  const errors = watchErrors(page);
  await importWorkspace(page, true);
  await openCandidate(page, 'Ana Lima', 'Readiness');

  // The summary explains itself.
  await expect(page.getByText('2 of 5 domains are Ready with dated evidence; 2 of 4 success signals are met.')).toBeVisible();
  const missing = page.getByRole('region', { name: 'What’s missing before a promotion decision' });
  await expect(missing.getByRole('listitem')).toHaveText([
    'Execution and prioritisation is Developing, not Ready',
    'Team health and culture is Competent, not Ready',
    'Operational skills is Competent, not Ready',
    '2 of 4 success signals not met',
  ]);

  // Radar: one point per domain at its latest calibrated level.
  const radar = page.getByRole('img', { name: /Latest calibrated levels/ });
  await expect(radar).toBeVisible();
  expect(await dataValues(page, 'svg.radar circle.dot')).toEqual(['3', '3', '1', '2', '2']);
  for (const name of DOMAIN_NAMES) await expect(radar.locator('text.axis-label', { hasText: name.split(' ')[0] })).toHaveCount(1);
  // Its text alternative holds the same numbers.
  const radarFigure = page.locator('figure', { has: radar });
  await radarFigure.getByText('Show the numbers').click();
  const radarTable = radarFigure.getByRole('table');
  await expect(radarTable.getByRole('row', { name: /Execution and prioritisation/ })).toContainText('Developing1 of 3');
  await expect(radarTable.getByRole('row', { name: /Communication/ })).toContainText('Ready3 of 3');

  // Readiness over months: 0, 1, then 2 domains at Ready.
  const months = page.getByRole('img', { name: /Readiness over months/ });
  await expect(months).toBeVisible();
  expect(await dataValues(page, 'svg.line-chart circle.dot')).toEqual(['0', '1', '2']);
  const monthLabels = await page.locator('svg.line-chart circle.dot').evaluateAll((els) => els.map((e) => e.getAttribute('data-x')));
  expect(monthLabels).toEqual([monthOf(-75), monthOf(-40), monthOf(-5)]);
  const monthsFigure = page.locator('figure', { has: months });
  await monthsFigure.getByText('Show the numbers').click();
  await expect(monthsFigure.getByRole('row', { name: new RegExp(monthOf(-5)) })).toContainText('2 of 540%');

  // Save as SVG: a real SVG file with the numbers in it, named for the candidate, with the
  // chart's title, her name and today's date written on it.
  const pending = page.waitForEvent('download');
  await radarFigure.getByRole('button', { name: /^Save as SVG/ }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('ana-lima-latest-calibrated-levels-mit-readiness-rubric.svg');
  const { readFileSync } = await import('node:fs');
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('data-value="3"');
  expect(svg).toContain('data-value="1"');
  expect(svg).toContain('Communication');
  expect(svg).not.toContain('<!--');
  const heading = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return ['not well-formed'];
    return [...doc.querySelectorAll('text.saved-heading')].map((t) => t.textContent ?? '');
  }, svg);
  expect(heading.join(' ')).toBe(`Latest calibrated levels — MiT readiness rubric Ana Lima · ${dayText(0)}`);
  expect(await seriousViolations(page)).toEqual([]);

  // Team health: one line per scored dimension, in date order.
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Feedback and health' }).click();
  const trends = page.getByRole('img', { name: 'Team health trends' });
  await expect(trends).toBeVisible();
  expect(await dataValues(page, 'svg.line-chart circle.dot[data-series="Psychological safety"]')).toEqual(['3', '4', '4']);
  expect(await dataValues(page, 'svg.line-chart circle.dot[data-series="Clarity"]')).toEqual(['4', '3', '2']);
  expect(await dataValues(page, 'svg.line-chart circle.dot[data-series="Workload"]')).toEqual(['3']);
  await expect(page.getByText('Clarity: 2, down from 3')).toBeVisible();
  // No nudge: the last check was 12 days ago.
  await expect(page.getByText(/No team health check in the last two weeks/)).toHaveCount(0);
  // The imported round with two responses from direct reports: overall only.
  const round = page.getByRole('article', { name: 'Autumn 360' });
  await expect(round.getByRole('table').getByRole('columnheader')).toHaveText(['Question', 'All responses']);
  await expect(round.getByRole('row', { name: /Listens before deciding/ })).toContainText('4.5 (2 answers)');
  expect(await seriousViolations(page)).toEqual([]);

  // The cohort's evidence coverage: candidates × domains.
  await page.getByRole('link', { name: 'Winter intake' }).first().click();
  const grid = page.getByRole('img', { name: /Evidence coverage/ });
  await expect(grid).toBeVisible();
  const cells = await page.locator('svg.coverage g.cell').evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('data-row')}|${e.getAttribute('data-column')}|${e.getAttribute('data-value')}`));
  expect(cells).toEqual([
    ...DOMAIN_NAMES.map((d, i) => `Ana Lima|${d}|${[2, 1, 0, 0, 0][i]}`),
    ...DOMAIN_NAMES.map((d, i) => `Ben Okafor|${d}|${[0, 0, 0, 1, 0][i]}`),
  ]);
  // The number is written in the cell, too.
  await expect(grid.locator('g.cell[data-row="Ana Lima"][data-column="Communication"] text')).toHaveText('2');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the one-page summary prints on one page without the app around it', async ({ page }) => {
  const errors = watchErrors(page);
  await importWorkspace(page, true);
  await openCandidate(page, 'Ana Lima', 'Readiness');
  await page.getByRole('link', { name: 'One-page summary for the sponsor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Lima — readiness summary' })).toBeVisible();
  await expect(page).toHaveURL(/\/candidates\/[0-9a-f-]+\/summary$/);
  await expect(page.getByText('Lead with support', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /Latest calibrated levels/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Latest 360 feedback' })).toContainText('Autumn 360');
  await expect(page.getByRole('region', { name: 'Latest team health' })).toContainText('Psychological safety: 4, unchanged from 4');
  await expect(page.getByRole('region', { name: 'Dated evidence per domain' }).getByRole('row', { name: /Communication/ })).toContainText('2');
  const print = page.getByRole('button', { name: 'Print' });
  await expect(print).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.getByRole('button', { name: /Save as SVG/ })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Lima — readiness summary' })).toBeVisible();

  for (const format of ['A4', 'Letter'] as const) {
    const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length, `${format} pages`).toBe(1);
  }
  expect(errors).toEqual([]);
});

test('the summary route wins over a section called "summary"', async ({ page }) => {
  await importWorkspace(page, true);
  await page.goto(`./candidates/${ANA}/summary`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Lima — readiness summary' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Candidate sections' })).toHaveCount(0);
});

test('a dimension the latest health check skipped says when it was last scored', async ({ page }) => {
  await importWorkspace(page, true);
  await openCandidate(page, 'Ana Lima', 'Feedback and health');
  await page.getByText('Add a health check').click();
  const form = page.getByRole('form', { name: 'New health check' });
  // Whole numbers only, and the help says so; workload's ends are spelled out.
  await expect(page.getByText(/Round the team's average to a whole number\./)).toBeVisible();
  await expect(form.getByLabel('Workload').locator('option')).toHaveText(['Not asked', '1 — overloaded', '2', '3', '4', '5 — sustainable']);
  await expect(form.getByLabel('Clarity').locator('option')).toHaveText(['Not asked', '1 — poor', '2', '3', '4', '5 — great']);
  await form.getByLabel('Clarity').selectOption('3');
  await form.getByRole('button', { name: 'Save health check' }).click();
  await expect(page.getByText('Clarity: 3, up from 2')).toBeVisible();
  await expect(page.getByText(`Psychological safety: 4 on ${dayText(-12)}, unchanged from 4`)).toBeVisible();
  await expect(page.getByText(`Workload: 3 on ${dayText(-12)} (first check)`)).toBeVisible();
});

/** The smallest type size, in CSS pixels, that the chart `svg` draws its text at. */
async function smallestText(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((svg) => {
    const sizes = [...svg.querySelectorAll('text')].map((t) => {
      const m = (t as SVGGraphicsElement).getScreenCTM();
      return Number(t.getAttribute('font-size') ?? '0') * (m ? Math.hypot(m.a, m.b) : 0);
    });
    return Math.min(...sizes);
  });
}

test('the radar’s words stay legible on a phone and in the printed summary', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await importWorkspace(page, true);
  await page.goto(`./candidates/${ANA}/readiness`);
  const radar = page.getByRole('img', { name: /Latest calibrated levels/ });
  await expect(radar).toBeVisible();
  expect(await smallestText(page, 'svg.radar')).toBeGreaterThanOrEqual(10);
  // The rings are numbered between the axes and named under the radar.
  await expect(radar.locator('text.ring-label')).toHaveText(['1', '2', '3']);
  await expect(radar.locator('text.ring-legend')).toHaveText(/^Rings from the centre: 1 Developing,\s?2 Competent,\s?3 Ready$/);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`./candidates/${ANA}/summary`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('img', { name: /Latest calibrated levels/ })).toBeVisible();
  expect(await smallestText(page, 'svg.radar')).toBeGreaterThanOrEqual(10);
});

test('the one-page summary of every sample candidate prints on one A4 and one Letter page', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  const stored = await storedWorkspace(page);
  const ws = JSON.parse(stored ?? '{}').workspace;
  const names = new Map<string, string>(ws.people.map((p: { id: string; name: string }) => [p.id, p.name]));
  const candidates: { id: string; person_id: string }[] = ws.candidates;
  expect(candidates.length).toBeGreaterThanOrEqual(3);
  for (const c of candidates) {
    const name = names.get(c.person_id) ?? '';
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`./candidates/${c.id}/summary`);
    await expect(page.getByRole('heading', { level: 1, name: `${name} — readiness summary` })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length, `${name}, ${format} pages`).toBe(1);
    }
  }
  expect(errors).toEqual([]);
});

test('the printed summary uses the light palette even when the screen is dark', async ({ page }) => {
  await importWorkspace(page, true);
  await page.goto(`./candidates/${ANA}/summary`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Lima — readiness summary' })).toBeVisible();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const colours = await page.evaluate(() => {
    const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    return {
      missing: style('.missing').backgroundColor,
      heading: style('.one-page table.results thead th').color,
      radar: style('.one-page .chart-canvas').backgroundColor,
    };
  });
  // White paper, dark ink (the light palette's --surface and --muted), as on a light screen.
  expect(colours).toEqual({ missing: 'rgb(255, 255, 255)', heading: 'rgb(91, 100, 112)', radar: 'rgb(255, 255, 255)' });
});
