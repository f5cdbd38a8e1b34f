import { test, expect } from '@playwright/test';
import { addPeople, loadSample, nav, openApp, storedWorkspace, watchErrors, goTo } from './helpers';

test('empty state offers a cohort and the sample program, which loads', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create a cohort' })).toBeVisible();
  await loadSample(page);
  await expect(page.getByText('16 people · 2 cohorts · 6 candidates')).toBeVisible();

  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await expect(page.getByText(/^Today is day \d+ of \d+ in Shadow\.$/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dana Whitfield' })).toBeVisible();
  const candidates = page.getByRole('table', { name: 'Candidates in this cohort' });
  for (const name of ['Priya Raman', 'Tomás Ferreira', 'Aisha Bello']) {
    await expect(candidates.getByRole('row', { name: new RegExp(name) })).toContainText('In program');
  }
  expect(errors).toEqual([]);
});

test('create a person, a cohort and a candidate; reload; all there', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);

  // People: a coach and a future candidate.
  await addPeople(page, [['Grace Hopper', 'Compilers', 'M2'], ['Alan Turing', 'Research', 'IC4']]);

  // A cohort with Grace as coach.
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'New cohort' }).click();
  await page.getByLabel('Cohort name').fill('Pilot cohort');
  await page.getByLabel('Starts on').fill('2027-01-04');
  await page.getByRole('checkbox', { name: /Grace Hopper/ }).check();
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pilot cohort' })).toBeVisible();
  // Later phases start on Mondays; the last one ends on the Sunday after six months.
  await expect(page.getByText('4 Jan 2027 – 4 Jul 2027')).toBeVisible();
  const cohortUrl = page.url();

  // Alan as a candidate with 6.5 protected hours.
  await page.getByLabel('Person').selectOption({ label: 'Alan Turing — Research' });
  await page.getByLabel('Status').selectOption({ label: 'Selected' });
  await page.getByLabel('Protected hours / week').fill('6.5');
  await page.getByRole('button', { name: 'Enrol candidate' }).click();
  const row = page.getByRole('table', { name: 'Candidates in this cohort' }).getByRole('row', { name: /Alan Turing/ });
  await expect(row).toContainText('Selected');
  await expect(row).toContainText('6.5');

  // A success signal of our own.
  await page.getByLabel('New success signal').fill('Runs the team retro twice');
  await page.getByRole('button', { name: 'Add signal' }).click();
  await expect(page.getByRole('textbox', { name: 'Success signal 5' })).toHaveValue('Runs the team retro twice');

  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Pilot cohort' })).toBeVisible();
  expect(page.url()).toBe(cohortUrl);
  await expect(page.getByRole('link', { name: 'Grace Hopper' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Candidates in this cohort' }).getByRole('row', { name: /Alan Turing/ })).toContainText('6.5');
  await expect(page.getByRole('textbox', { name: 'Success signal 5' })).toHaveValue('Runs the team retro twice');

  // The candidate page tells where they stand.
  await page.getByRole('link', { name: 'Alan Turing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alan Turing' })).toBeVisible();
  await expect(page.getByText(/^(Starts in \d+ days? \(4 Jan 2027\)|Prepare · day \d+ of 31)\.$/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a change is saved within half a second and flushed when the tab is hidden', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'Settings');
  await page.getByLabel('Organisation name').fill('Quickly Saved Ltd');
  await page.getByRole('button', { name: 'Save name' }).click();
  // Hidden at once: the pending save must start before the handler returns (IndexedDB then
  // commits it off the main thread), not wait for the save timer.
  const before = await storedWorkspace(page);
  const saves = await page.evaluate(() => {
    const before = performance.getEntriesByName('runway:save').length;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    return [before, performance.getEntriesByName('runway:save').length];
  });
  expect(before, 'the timed save had not run yet').not.toContain('Quickly Saved Ltd');
  expect(saves[1], 'the save ran inside the handler').toBe(saves[0] + 1);
  await expect.poll(() => storedWorkspace(page)).toContain('Quickly Saved Ltd');

  await page.getByLabel('Organisation name').fill('Saved Within Half A Second');
  await page.getByRole('button', { name: 'Save name' }).click();
  const started = Date.now();
  await expect.poll(() => storedWorkspace(page), { intervals: [50], timeout: 2000 }).toContain('Saved Within Half A Second');
  expect(Date.now() - started).toBeLessThan(1500); // generous for slow CI; the delay is 300 ms
});

test('deep links load on reload, and unknown ids say so', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('link', { name: 'Priya Raman' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  const url = page.url();
  expect(url).toMatch(/\/candidates\/[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();

  await page.goto('people/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'No such person' })).toBeVisible();
  await page.goto('nowhere/at/all');
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('deleting a person says what goes with them first, then leaves nothing dangling', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Dana Whitfield' }).click();
  await page.getByRole('button', { name: 'Delete person…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this person?' });
  await expect(dialog).toContainText('their role as sponsor of');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Whitfield' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete person…' }).click();
  await dialog.getByRole('button', { name: 'Delete person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dana Whitfield' })).toHaveCount(0);
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await expect(page.getByRole('definition').filter({ hasText: 'None yet' }).first()).toBeVisible();
});

test('deleting a cohort lists the candidacies it removes', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('button', { name: 'Delete cohort…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this cohort?' });
  // Four candidacies (with what each holds), the group sessions, the case review, the calibrations.
  await expect(dialog.getByRole('listitem')).toHaveCount(7);
  await expect(dialog).toContainText('8 group sessions');
  await expect(dialog).toContainText('the candidacy of Priya Raman (In program), with');
  await expect(dialog).toContainText('6 assessments, 5 evidence items, 1 round of 360 feedback and 3 team health checks');
  await expect(dialog).toContainText('1 peer case review');
  await expect(dialog).toContainText('2 calibration sessions and the levels they recorded');
  await dialog.getByRole('button', { name: 'Delete cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohorts' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^MiT \d{4} Q\d$/ })).toHaveCount(0);
});

test('works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loadSample(page);
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('phase end dates: moving one phase moves the later ones, keeping their lengths', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Create a cohort' }).click();
  await page.getByLabel('Cohort name').fill('Dates cohort');
  await page.getByLabel('Starts on').fill('2027-03-01');
  await page.getByRole('button', { name: 'Create cohort' }).click();
  // Each later phase starts on a Monday: Shadow on 5 April, Practice on 3 May, Lead on 5 July.
  await expect(page.getByText('1 Mar 2027 – 5 Sep 2027')).toBeVisible();
  await expect(page.getByText('Shadow · 5 Apr 2027 – 2 May 2027')).toBeVisible();
  await page.getByText('Change phase end dates').click();
  const form = page.getByRole('form', { name: 'Phase end dates' });
  await form.getByLabel('Shadow ends on').fill('2027-05-14');
  await form.getByRole('button', { name: 'Save phase dates' }).click();
  await expect(page.getByText('Shadow · 5 Apr 2027 – 14 May 2027')).toBeVisible();
  await expect(page.getByText('Practice · 15 May 2027 – 16 Jul 2027')).toBeVisible();
  await expect(page.getByText('Lead with support · 17 Jul 2027 – 17 Sep 2027')).toBeVisible();
  await expect(form.getByLabel('Practice ends on')).toHaveValue('2027-07-16');

  // An end before the phase starts is refused and nothing moves.
  await form.getByLabel('Prepare ends on').fill('2027-02-01');
  await form.getByRole('button', { name: 'Save phase dates' }).click();
  await expect(page.getByText('Prepare cannot end before it starts')).toBeVisible();
  await expect(page.getByText('Prepare · 1 Mar 2027 – 4 Apr 2027')).toBeVisible();
  await expect(page.getByText('Shadow · 5 Apr 2027 – 14 May 2027')).toBeVisible();

  // Two ends changed in one save, one of them impossible: nothing changes (all or nothing).
  await form.getByLabel('Prepare ends on').fill('2027-04-11');
  await form.getByLabel('Practice ends on').fill('2027-05-01');
  await form.getByRole('button', { name: 'Save phase dates' }).click();
  await expect(page.getByText('Practice cannot end before it starts')).toBeVisible();
  await expect(page.getByText('Prepare · 1 Mar 2027 – 4 Apr 2027')).toBeVisible();

  await form.getByRole('button', { name: 'Reset to default lengths' }).click();
  await expect(page.getByText('1 Mar 2027 – 5 Sep 2027')).toBeVisible();
});

test('success signals are edited in place; a blank one is refused and restored', async ({ page }) => {
  await loadSample(page);
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  const first = page.getByRole('textbox', { name: 'Success signal 1' });
  await first.fill('Runs weekly 1:1s with every report');
  await first.press('Tab');
  await expect(page.getByText('Saved the success signal.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove success signal 1' })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Success signal 1' })).toHaveValue('Runs weekly 1:1s with every report');

  await page.getByRole('textbox', { name: 'Success signal 2' }).fill('   ');
  await page.getByRole('textbox', { name: 'Success signal 2' }).press('Tab');
  await expect(page.getByText("Please enter the signal's text.")).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Success signal 2' })).toHaveValue(/Leads team planning/);

  await page.getByRole('button', { name: 'Remove success signal 4' }).click();
  await expect(page.getByRole('textbox', { name: /Success signal/ })).toHaveCount(3);
});

test('clearing a date is said out loud when saving', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Lee Chen' }).click();
  const joined = page.getByLabel('Joined on');
  await expect(joined).toHaveValue('2023-08-28');
  await joined.fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved changes. The joined date was cleared.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Joined on')).toHaveValue('');
});

test('no page of the sample scrolls sideways at phone width', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await loadSample(page);
  const wide: string[] = [];
  const check = async (what: string) => {
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    if (scroll > client) wide.push(`${what}: ${scroll - client} px too wide`);
  };
  await check('home');
  for (const name of ['People', 'Cohorts', 'Frameworks', 'Library', 'Data']) {
    await goTo(page, name);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await check(name);
  }
  await goTo(page, 'Frameworks');
  for (const fw of ['MiT readiness rubric', 'Leadership ladder']) {
    await page.getByRole('link', { name: fw }).first().click();
    await check(`framework ${fw}`);
    await goTo(page, 'Frameworks');
  }
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Marcus Oyelaran' }).click();
  await check('person');
  await goTo(page, 'Cohorts');
  const cohorts = page.getByRole('link', { name: /^MiT \d{4} Q\d$/ });
  const count = await cohorts.count();
  for (let i = 0; i < count; i++) {
    await goTo(page, 'Cohorts');
    await cohorts.nth(i).click();
    await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
    await check(`cohort ${i + 1}`);
    const cohortUrl = page.url();
    await page.getByRole('link', { name: 'Selection board' }).click();
    await check(`selection board ${i + 1}`);
    await page.goto(cohortUrl + '/calibration');
    await check(`calibration ${i + 1}`);
  }
  await goTo(page, 'Cohorts');
  await cohorts.first().click();
  await page.getByRole('link', { name: 'Priya Raman' }).click();
  await check('candidate overview');
  const candidateUrl = page.url();
  const sections = page.getByRole('navigation', { name: 'Candidate sections' });
  for (const name of ['Selection', 'Week', 'Activities', 'Micro-assignments', '1:1s', 'Journal', 'Success signals', 'Retrospectives', 'Assessments', 'Feedback and health', 'Readiness']) {
    await sections.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
    await check(`candidate ${name}`);
  }
  await page.goto(candidateUrl + '/summary');
  await check('one-page summary');
  expect(wide).toEqual([]);
  expect(errors).toEqual([]);
});

test('a cohort can start from the one-month pilot template', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'New cohort' }).click();
  await page.getByLabel('Cohort name').fill('Pilot run');
  const program = page.getByRole('group', { name: 'Program' });
  await expect(program.getByRole('radio', { name: /^Six-month program/ })).toBeChecked();
  await program.getByRole('radio', { name: /^One-month pilot/ }).check();
  await page.getByLabel('Starts on').fill('2027-01-04');
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pilot run' })).toBeVisible();
  await page.getByText('Change phase end dates').click();
  const phases = page.getByRole('form', { name: 'Phase end dates' });
  await expect(phases.getByLabel('Prepare ends on')).toHaveValue('2027-01-10');
  await expect(phases.getByLabel('Shadow ends on')).toHaveValue('2027-01-17');
  await expect(phases.getByLabel('Lead with support ends on')).toHaveValue('2027-01-31');
  expect(errors).toEqual([]);
});
