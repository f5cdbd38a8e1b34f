import { test, expect, type Page } from '@playwright/test';
import { addPeople, clickForDownload, loadSample, nav, openApp, seriousViolations, watchErrors, goTo } from './helpers';

/** A local day as `YYYY-MM-DD`, `offset` days from today. */
function day(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A coach, a candidate with 6 protected hours, and a cohort that started 40 days ago (so today is in Shadow). */
async function candidateInShadow(page: Page) {
  await openApp(page);
  await addPeople(page, [['Grace Hopper', 'Compilers', 'M2'], ['Alan Turing', 'Research', 'IC4']]);
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'New cohort' }).click();
  await page.getByLabel('Cohort name').fill('Plan cohort');
  await page.getByLabel('Starts on').fill(day(-40));
  await page.getByRole('checkbox', { name: /Grace Hopper/ }).check();
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan cohort' })).toBeVisible();
  await page.getByLabel('Person').selectOption({ label: 'Alan Turing — Research' });
  await page.getByLabel('Status').selectOption({ label: 'In program' });
  await page.getByLabel('Protected hours / week').fill('6');
  await page.getByRole('button', { name: 'Enrol candidate' }).click();
  await page.getByRole('link', { name: 'Alan Turing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alan Turing' })).toBeVisible();
}

function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name, exact: true });
}

async function addActivity(
  page: Page,
  a: { kind: string; title: string; on?: string; at?: string; minutes: string; done: boolean; with?: RegExp; noticed?: string; differently?: string; assignment?: string },
) {
  const form = page.getByRole('form', { name: 'New activity' });
  if (!(await form.isVisible())) await page.getByText('Plan or log an activity').click();
  await form.getByLabel('Kind').selectOption({ label: a.kind });
  await form.getByLabel('Title').fill(a.title);
  await form.getByLabel('Date', { exact: true }).fill(a.on ?? day());
  if (a.at) await form.getByLabel('Start time (optional)').fill(a.at);
  await form.getByLabel('Duration (minutes)').fill(a.minutes);
  await form.getByRole('checkbox', { name: 'Done (it took place)' }).setChecked(a.done);
  if (a.with) await form.getByRole('checkbox', { name: a.with }).check();
  if (a.noticed) await form.getByLabel('Debrief: what I noticed').fill(a.noticed);
  if (a.differently) await form.getByLabel('Debrief: what I would do differently').fill(a.differently);
  if (a.assignment) await form.getByLabel('For the micro-assignment').selectOption({ label: a.assignment });
  await form.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 3, name: a.title })).toBeVisible();
}

test('plan journey: shadowing debrief, micro-assignment metric, the week, the calendar file, reload', async ({ page }) => {
  const errors = watchErrors(page);
  await candidateInShadow(page);

  // (a) A shadowing session with a debrief, and the phase it falls in.
  await section(page, 'Activities').click();
  await expect(page.getByText('Nothing planned.')).toBeVisible();
  await page.getByText('Plan or log an activity').click();
  const form = page.getByRole('form', { name: 'New activity' });
  await expect(form.getByLabel('Debrief: what I noticed')).toHaveCount(0);
  await form.getByLabel('Kind').selectOption({ label: 'Shadowing session' });
  await expect(form.getByLabel('Title')).toHaveValue('Shadowing session'); // a default title per kind
  await expect(form.getByLabel('Debrief: what I noticed')).toBeVisible();
  await addActivity(page, {
    kind: 'Shadowing session', title: "Shadowed Grace's team retro", minutes: '60', done: true, with: /Grace Hopper/,
    noticed: 'She let the silence run until someone spoke', differently: 'Ask the quiet people first',
  });
  const shadow = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: "Shadowed Grace's team retro" }) });
  await expect(shadow).toContainText('Shadow phase');
  await expect(shadow).toContainText('Done');
  await expect(shadow).toContainText('With: Grace Hopper');
  await expect(shadow).toContainText('She let the silence run until someone spoke');
  await expect(shadow).toContainText('Ask the quiet people first');
  await expect(shadow).toHaveAttribute('id', /^r-[0-9a-f-]{36}$/);

  // A debrief belongs to shadowing only: switching the kind hides it.
  await page.getByRole('button', { name: "Edit the activity “Shadowed Grace's team retro”" }).click();
  const edit = page.getByRole('form', { name: 'Edit activity' });
  await edit.getByLabel('Kind').selectOption({ label: 'Workshop' });
  await expect(edit.getByLabel('Debrief: what I noticed')).toHaveCount(0);
  await edit.getByLabel('Kind').selectOption({ label: 'Shadowing session' });
  await expect(edit.getByLabel('Debrief: what I noticed')).toHaveValue('She let the silence run until someone spoke');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // (b) A micro-assignment with a metric, then completed with an outcome and an after value.
  await section(page, 'Micro-assignments').click();
  await expect(page.getByText(/on-call rotation/)).toBeVisible(); // the empty state gives examples
  await page.getByText('Start a micro-assignment').click();
  const newA = page.getByRole('form', { name: 'New micro-assignment' });
  await newA.getByLabel('Title').fill('Quieter on-call');
  await newA.getByLabel(/^Objective/).fill('Fewer pages at night');
  await newA.getByLabel('Success criteria').fill('Half the pages in a month');
  await newA.getByLabel('What is measured, with its unit').fill('pages per week');
  await newA.getByLabel('Value before').fill('14');
  await newA.getByLabel('Value after').fill('lots');
  await newA.getByRole('button', { name: 'Save micro-assignment' }).click();
  await expect(page.getByRole('status').filter({ hasText: "The metric's value after must be a number" })).toBeVisible();
  await newA.getByLabel('Value after').fill('');
  await newA.getByRole('button', { name: 'Save micro-assignment' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Quieter on-call' }) });
  await expect(card).toContainText('pages per week: 14 → not measured yet');
  await expect(card).toContainText('Planned');
  await expect(card).toContainText('No work logged yet');

  // An overdue one comes first and says so.
  await page.getByText('Start a micro-assignment').click();
  await newA.getByLabel('Title').fill('Write the escalation path');
  await newA.getByLabel('Timebox starts').fill(day(-20));
  await newA.getByLabel('Timebox ends').fill(day(-3));
  await newA.getByRole('button', { name: 'Save micro-assignment' }).click();
  const overdue = page.locator('li.assignment').first();
  await expect(overdue).toContainText('Write the escalation path');
  await expect(overdue).toContainText('Overdue');

  await page.getByRole('button', { name: 'Edit the micro-assignment “Quieter on-call”' }).click();
  const editA = page.getByRole('form', { name: 'Edit micro-assignment' });
  await editA.getByLabel('Status').selectOption({ label: 'Done' });
  await editA.getByLabel('Outcome').fill('Two noisy alerts removed, one rota swap');
  await editA.getByLabel('Value after').fill('6');
  await editA.getByRole('button', { name: 'Save micro-assignment' }).click();
  await expect(card).toContainText('pages per week: 14 → 6 (−57 %)');
  await expect(card).toContainText('Two noisy alerts removed, one rota swap');
  await expect(card.getByText('Done', { exact: true })).toBeVisible();

  // (c) Log more of the week, then see planned against done and protected hours.
  await section(page, 'Activities').click();
  await addActivity(page, { kind: 'Workshop', title: 'Delegation workshop', minutes: '90', done: true });
  await addActivity(page, { kind: 'Micro-assignment work', title: 'Interviewed the on-call engineers', minutes: '120', done: true, assignment: 'Quieter on-call' });
  await addActivity(page, { kind: 'Coaching lab (role-play)', title: 'Role-play a hard talk', at: '16:00', minutes: '45', done: false });
  const lab = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Role-play a hard talk' }) });
  await expect(lab).toContainText('Planned');
  await expect(lab).toContainText('at 16:00');
  await expect(page.getByRole('button', { name: 'Mark done: Role-play a hard talk' })).toBeVisible();

  // An activity planned for a day that has passed is overdue, and one click marks it done.
  await addActivity(page, { kind: 'Practice 1:1', title: 'Practice 1:1 with Sam', on: day(-2), minutes: '30', done: false });
  const late = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Practice 1:1 with Sam' }) });
  await expect(late).toContainText('Overdue');
  await page.getByRole('button', { name: 'Mark done: Practice 1:1 with Sam' }).click();
  await expect(late).toContainText('Done');
  await expect(late).not.toContainText('Overdue');

  await section(page, 'Micro-assignments').click();
  await expect(card).toContainText('2 h logged in 1 session');

  await section(page, 'Week').click();
  await expect(page.getByRole('heading', { level: 2, name: /^This week: / })).toBeVisible();
  const goals = page.getByRole('list', { name: 'Planned against done' });
  await expect(goals.getByRole('listitem').filter({ hasText: 'Workshop' })).toContainText('1 of 1 done');
  await expect(goals.getByRole('listitem').filter({ hasText: 'Shadowing session' })).toContainText('1 of 1 done');
  await expect(goals.getByRole('listitem').filter({ hasText: 'Coaching lab' })).toContainText('0 of 1 done');
  await expect(goals).toContainText('1 coaching lab still to do (1 planned)');
  await expect(goals.getByRole('listitem').filter({ hasText: 'Micro-assignment work' })).toContainText('2 h of 3–6 h');
  await expect(goals).toContainText('1 h more to reach the minimum');
  // 60 + 90 + 120 minutes done this week (the 1:1 two days ago may fall in last week).
  const protectedRow = goals.getByRole('listitem').filter({ hasText: 'Protected time used' });
  await expect(protectedRow).toContainText(/(4\.5|5) h of 6 h/);
  await expect(page.getByRole('link', { name: 'Role-play a hard talk' })).toBeVisible();

  await page.getByRole('button', { name: 'Next week →' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Coming week: / })).toBeVisible();
  await expect(goals).toContainText('0 h of 6 h');
  await expect(goals).toContainText('1 workshop still to do, none planned yet');
  await page.getByRole('button', { name: 'This week' }).click();
  await expect(goals).toContainText('1 coaching lab still to do (1 planned)');

  // (d) The calendar file from the overview holds the one planned session, at its time.
  await section(page, 'Overview').click();
  const ics = await clickForDownload(page, 'Export upcoming sessions (.ics)');
  expect(ics.name).toMatch(/\.ics$/);
  expect(ics.text.match(/BEGIN:VEVENT/g)?.length).toBe(1);
  expect(ics.text).toContain('SUMMARY:Role-play a hard talk — Alan Turing');
  expect(ics.text).toContain(`DTSTART:${day().replaceAll('-', '')}T160000`);
  expect(ics.text).toContain(`DTEND:${day().replaceAll('-', '')}T164500`);

  // (e) A reload keeps it all.
  await page.reload();
  await section(page, 'Activities').click();
  await expect(shadow).toContainText('Ask the quiet people first');
  await expect(lab).toContainText('Planned');
  await section(page, 'Micro-assignments').click();
  await expect(card).toContainText('pages per week: 14 → 6 (−57 %)');
  await section(page, 'Week').click();
  await expect(goals).toContainText('1 coaching lab still to do (1 planned)');
  expect(errors).toEqual([]);
});

test('the standard week is edited on the cohort page and shows in the week view', async ({ page }) => {
  const errors = watchErrors(page);
  await candidateInShadow(page);
  await page.getByRole('link', { name: 'Plan cohort' }).first().click();
  await expect(page.getByText('1 workshop, 1 shadowing session, 1 coaching lab, 3–6 h of micro-assignment work')).toBeVisible();
  const week = page.getByRole('form', { name: 'Standard week' });
  await week.getByLabel('Coaching labs a week').fill('two');
  await week.getByRole('button', { name: 'Save standard week' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Coaching labs a week must be a whole number from 0 to 10.' })).toBeVisible();
  await week.getByLabel('Coaching labs a week').fill('2');
  await week.getByLabel('Micro-assignment hours, at least').fill('5');
  await week.getByLabel('Micro-assignment hours, at most').fill('4');
  await week.getByRole('button', { name: 'Save standard week' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'must not be more than' })).toBeVisible();
  await week.getByLabel('Micro-assignment hours, at most').fill('7,5');
  await week.getByRole('button', { name: 'Save standard week' }).click();
  await expect(page.getByText('1 workshop, 1 shadowing session, 2 coaching labs, 5–7.5 h of micro-assignment work')).toBeVisible();
  await page.getByRole('link', { name: 'Alan Turing' }).click();
  await section(page, 'Week').click();
  const goals = page.getByRole('list', { name: 'Planned against done' });
  await expect(goals).toContainText('2 coaching labs still to do, none planned yet');
  await expect(goals).toContainText('0 h of 5–7.5 h');
  expect(errors).toEqual([]);
});

test('an activity can be planned and marked done from the keyboard', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('link', { name: 'Priya Raman' }).click();
  await section(page, 'Activities').click();
  await page.getByText('Plan or log an activity').focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'New activity' });
  await expect(form).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Kind')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Title')).toBeFocused();
  await expect(form.getByLabel('Title')).toHaveValue('Foundations workshop');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Keyboard workshop');
  await page.keyboard.press('Enter');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Keyboard workshop' }) });
  await expect(card).toContainText('Planned');
  await page.getByRole('button', { name: 'Edit the activity “Keyboard workshop”' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Mark done: Keyboard workshop' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card).toContainText('Done');
  expect(errors).toEqual([]);
});


for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in the plan sections (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await loadSample(page);
    await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
    await expect(page.getByRole('heading', { name: 'Standard week' })).toBeVisible();
    expect(await seriousViolations(page), 'cohort').toEqual([]);
    await page.getByRole('link', { name: 'Priya Raman' }).click();
    await section(page, 'Activities').click();
    await page.getByText('Plan or log an activity').click();
    await page.getByRole('form', { name: 'New activity' }).getByLabel('Kind').selectOption({ label: 'Shadowing session' });
    expect(await seriousViolations(page), 'activities').toEqual([]);
    await page.getByRole('form', { name: 'New activity' }).getByLabel('Kind').selectOption({ label: 'Reflection session' });
    await expect(page.getByRole('group', { name: 'Journal entries to discuss' })).toBeVisible();
    expect(await seriousViolations(page), 'activities, reflection').toEqual([]);
    await section(page, 'Week').click();
    await expect(page.getByRole('list', { name: 'Planned against done' })).toBeVisible();
    expect(await seriousViolations(page), 'week').toEqual([]);
    await section(page, 'Micro-assignments').click();
    await page.getByText('Start a micro-assignment').click();
    expect(await seriousViolations(page), 'micro-assignments').toEqual([]);
  });
}
