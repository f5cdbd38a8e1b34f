import { test, expect, type Page } from '@playwright/test';
import { addPeople, nav, openApp, seriousViolations, watchErrors, goTo } from './helpers';

const SCENARIOS = ['A missed deadline', 'Tough feedback', 'Competing requests'];

/** From an empty workspace: people, a cohort and the given nominees. */
async function setUp(page: Page, people: [string, string, string][], nominees: string[]) {
  await openApp(page);
  await addPeople(page, people);
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'New cohort' }).click();
  await page.getByLabel('Cohort name').fill('Spring intake');
  await page.getByLabel('Starts on').fill('2027-03-01');
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spring intake' })).toBeVisible();
  for (const name of nominees) {
    const label = people.find((p) => p[0] === name)!;
    await page.getByLabel('Person').selectOption({ label: `${label[0]} — ${label[1]}` });
    await page.getByRole('button', { name: 'Enrol candidate' }).click();
    await expect(page.getByRole('table', { name: 'Candidates in this cohort' }).getByRole('row', { name: new RegExp(name) })).toContainText('Nominated');
  }
}

/** Goes to the cohort page through the app's links (no reload, so nothing waits on a save). */
async function gotoCohort(page: Page) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'Spring intake' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spring intake' })).toBeVisible();
}

async function openSelection(page: Page, name: string) {
  await gotoCohort(page);
  await page.getByRole('table', { name: 'Candidates in this cohort' }).getByRole('link', { name }).click();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Selection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name} — Selection` })).toBeVisible();
}

async function scoringAs(page: Page, label: string) {
  await page.getByLabel('Scoring as').selectOption({ label });
}

async function score(page: Page, scores: number[], note: string) {
  for (const [i, s] of scores.entries()) {
    await page.getByLabel(`Context — ${SCENARIOS[i]}`).fill(`${note}: context ${i + 1}`);
    await page.getByLabel(`Action — ${SCENARIOS[i]}`).fill(`${note}: action ${i + 1}`);
    await page.getByLabel(`Result — ${SCENARIOS[i]}`).fill(`${note}: result ${i + 1}`);
    await page.getByLabel(`Score — ${SCENARIOS[i]}`).selectOption(String(s));
  }
  await page.getByRole('button', { name: 'Save my scorecard' }).click();
  await expect(page.getByText('Saved your scorecard.')).toBeVisible();
}

function scoreRow(page: Page, scenario: string) {
  return page.getByRole('table', { name: 'Interview scores' }).getByRole('row', { name: new RegExp(scenario) });
}

const PEOPLE: [string, string, string][] = [
  ['Grace Hopper', 'Compilers', 'M2'],
  ['Edsger Dijkstra', 'Algorithms', 'M1'],
  ['Alan Turing', 'Research', 'IC4'],
  ['Ada Lovelace', 'Engines', 'IC4'],
];

test('nominate and select two candidates', async ({ page }) => {
  const errors = watchErrors(page);
  await setUp(page, PEOPLE, ['Alan Turing', 'Ada Lovelace']);

  // Alan: nominated by his manager, with a rationale, five green flags, and he wants to manage.
  await openSelection(page, 'Alan Turing');
  await page.getByLabel('How they were put forward').selectOption({ label: 'Nominated by their manager' });
  await page.getByLabel(/^Nominated by/).selectOption({ label: 'Grace Hopper — Compilers' });
  await page.getByLabel('Nominated on').fill('2027-01-15');
  await page.getByLabel(/written rationale/).fill('Runs the research sync and mentors two juniors.');
  for (const flag of ['Makes the people around them better', 'Steps up to run team rituals', 'Keeps the focus on delivering']) {
    await page.getByRole('checkbox', { name: flag }).check();
  }
  await expect(page.getByRole('group', { name: 'Green flags seen (3 of 7)' })).toBeVisible();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Save selection notes' }).click();
  await expect(page.getByText('Saved the selection notes.')).toBeVisible();

  // A reference from a peer.
  await page.getByText('Add a reference', { exact: true }).click();
  await page.getByLabel('Who gave it').fill('Joan Clarke');
  await page.getByLabel('Their working relation').fill('peer on Research');
  await page.getByLabel('How they collaborate').fill('Pairs generously and shares credit.');
  await page.getByLabel('Curiosity about people work').fill('Asks how the team is doing, not just the work.');
  await page.getByLabel('Ownership beyond their own code').fill('Fixed the flaky build nobody owned.');
  await page.getByRole('button', { name: 'Save reference' }).click();
  await expect(page.getByRole('heading', { name: 'Reference from Joan Clarke' })).toBeVisible();

  // Blind scoring: Grace scores first.
  await scoringAs(page, 'Grace Hopper — Compilers');
  await page.getByRole('button', { name: 'Add my scorecard' }).click();
  await expect(page.getByRole('heading', { name: 'Your scorecard (Grace Hopper)' })).toBeVisible();
  await score(page, [3, 3, 2], 'Grace');
  await expect(scoreRow(page, SCENARIOS[0])).toContainText('3 — solid');

  // Edsger has not scored: he cannot see Grace's scores, before or after starting his card.
  await scoringAs(page, 'Edsger Dijkstra — Algorithms');
  await expect(scoreRow(page, SCENARIOS[0])).toContainText('hidden until all have scored');
  await expect(scoreRow(page, SCENARIOS[0])).not.toContainText('3 — solid');
  await expect(page.getByText('Grace: context 1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add my scorecard' }).click();
  await expect(page.getByRole('heading', { name: 'Your scorecard (Edsger Dijkstra)' })).toBeVisible();
  await expect(scoreRow(page, SCENARIOS[0])).toContainText('hidden until all have scored');
  await expect(scoreRow(page, SCENARIOS[0])).toContainText('not scored yet');
  await expect(page.getByText('Notes and scores stay hidden until every scorecard is complete.')).toBeVisible();

  // Back to Grace: she sees her own scores but not Edsger's (he has none yet).
  await scoringAs(page, 'Grace Hopper — Compilers');
  await expect(scoreRow(page, SCENARIOS[0])).toContainText('3 — solid');
  await expect(scoreRow(page, SCENARIOS[0])).toContainText('not scored yet');

  // Edsger scores: everything is revealed side by side, with the spread.
  await scoringAs(page, 'Edsger Dijkstra — Algorithms');
  await score(page, [1, 3, 3], 'Edsger');
  await expect(page.getByText('All 2 scorecards are complete: the scores are shown side by side.')).toBeVisible();
  const first = scoreRow(page, SCENARIOS[0]);
  await expect(first).toContainText('3 — solid');
  await expect(first).toContainText('1 — concerning');
  await expect(first.getByRole('cell').nth(2)).toHaveText(/^2\s+talk it through$/);
  await expect(first).toContainText('2.0');
  await expect(scoreRow(page, SCENARIOS[1])).not.toContainText('talk it through');
  await expect(page.getByText('Grace: context 1')).toBeVisible();

  // Select Alan.
  await page.getByRole('radio', { name: 'Selected' }).check();
  await page.getByLabel('Reason (required)').fill('Strong on people, open about the missed-deadline answer.');
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByText('Saved the decision.')).toBeVisible();
  await expect(page.getByText('Selected for the program')).toBeVisible();
  await expect(page.locator('.lead').getByText('Selected', { exact: true })).toBeVisible();

  // Ada: self-nominated, selected.
  await openSelection(page, 'Ada Lovelace');
  await page.getByLabel('How they were put forward').selectOption({ label: 'Self-nominated' });
  await page.getByLabel(/written rationale/).fill('Wants to grow the engines team.');
  await page.getByRole('radio', { name: 'Not sure' }).check();
  await page.getByRole('button', { name: 'Save selection notes' }).click();
  await expect(page.getByText('Saved the selection notes.')).toBeVisible();
  // A reason is required.
  await page.getByRole('radio', { name: 'Selected' }).check();
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Please enter a reason for the decision.' })).toBeVisible();
  await page.getByLabel('Reason (required)').fill('Clear-eyed about why she wants it.');
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByText('Selected for the program')).toBeVisible();

  // The board shows both as selected.
  await gotoCohort(page);
  await page.getByRole('link', { name: 'Selection board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Selection board' })).toBeVisible();
  const board = page.getByRole('table', { name: 'Selection board' });
  const alan = board.getByRole('row', { name: /Alan Turing/ });
  const ada = board.getByRole('row', { name: /Ada Lovelace/ });
  await expect(alan).toContainText('by their manager, Grace Hopper');
  await expect(alan).toContainText('3/7');
  await expect(alan).toContainText('2/2');
  await expect(alan).toContainText('2.5');
  await expect(alan).toContainText('split');
  await expect(alan.getByRole('cell').nth(6)).toHaveText('Selected');
  await expect(ada).toContainText('self-nominated');
  await expect(ada).toContainText('Not sure');
  await expect(ada).toContainText('no scorecards');
  await expect(ada.getByRole('cell').nth(6)).toHaveText('Selected');
  await expect(page.getByText('2 nominees · 2 selected · 0 not now · 0 still to decide')).toBeVisible();

  // Reload: all of it is still there.
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  await expect(alan.getByRole('cell').nth(6)).toHaveText('Selected');
  await expect(ada.getByRole('cell').nth(6)).toHaveText('Selected');
  await alan.getByRole('link', { name: 'Alan Turing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alan Turing — Selection' })).toBeVisible();
  await expect(page.getByLabel('How they were put forward')).toHaveValue('manager');
  await expect(page.getByLabel(/written rationale/)).toHaveValue('Runs the research sync and mentors two juniors.');
  await expect(page.getByRole('checkbox', { name: 'Steps up to run team rituals' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Reference from Joan Clarke' })).toBeVisible();
  // Someone not on the panel (the coach, reading) sees the revealed scores.
  await expect(scoreRow(page, SCENARIOS[0])).toContainText('1 — concerning');
  await expect(page.getByText('Strong on people, open about the missed-deadline answer.')).toBeVisible();
  expect(errors).toEqual([]);
});

test('not now keeps the feedback, and a decision can be withdrawn', async ({ page }) => {
  const errors = watchErrors(page);
  await setUp(page, PEOPLE.slice(2), ['Alan Turing']);
  await openSelection(page, 'Alan Turing');
  // From the keyboard: arrows move within the outcome group, Tab moves on, Enter saves.
  await page.getByRole('radio', { name: 'Selected' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Not now' })).toBeChecked();
  await expect(page.getByText(/the feedback is kept for the conversation/)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Reason (required)')).toBeFocused();
  await page.keyboard.type('Does not want to manage yet.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lead two retros this quarter, then let us talk again.');
  await page.getByRole('button', { name: 'Save decision' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Not now — the feedback is kept for the conversation')).toBeVisible();
  await expect(page.locator('.lead').getByText('Not selected')).toBeVisible();

  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  const decision = page.locator('.decision');
  await expect(decision).toContainText('Lead two retros this quarter, then let us talk again.');
  await expect(page.getByLabel('Feedback for the person')).toHaveValue('Lead two retros this quarter, then let us talk again.');

  await page.getByRole('button', { name: 'Withdraw the decision' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByText('No decision yet.')).toBeVisible();
  await expect(page.locator('.lead').getByText('Nominated')).toBeVisible();
  expect(errors).toEqual([]);
});

test('interview scenarios can be added and removed on the cohort page', async ({ page }) => {
  const errors = watchErrors(page);
  await setUp(page, PEOPLE.slice(0, 1).concat(PEOPLE.slice(2, 3)), ['Alan Turing']);
  const list = page.getByRole('list', { name: 'Interview scenarios' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await page.getByLabel('Scenario title').fill('An on-call incident');
  await page.getByLabel('What the nominee is asked').fill('Production is down at 2 a.m. Walk us through the next hour.');
  await page.getByRole('button', { name: 'Add scenario' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await page.getByRole('button', { name: 'Remove the scenario “Competing requests”' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove scenario' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).not.toContainText('Competing requests');

  await openSelection(page, 'Alan Turing');
  await page.getByLabel('Scoring as').selectOption({ label: 'Grace Hopper — Compilers' });
  await page.getByRole('button', { name: 'Add my scorecard' }).click();
  await expect(page.getByLabel('Score — An on-call incident')).toBeVisible();
  await expect(page.getByLabel('Score — Competing requests')).toHaveCount(0);
  expect(errors).toEqual([]);
});


for (const scheme of ['light', 'dark'] as const) {
  test(`no serious axe violations on the selection section and board (${scheme})`, async ({ page }) => {
    test.slow(); // several full axe scans after setting up a cohort: near 30 s on a busy 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    await setUp(page, PEOPLE, ['Alan Turing', 'Ada Lovelace']);
    expect(await seriousViolations(page), 'cohort with scenarios').toEqual([]);
    await openSelection(page, 'Alan Turing');
    await page.getByText('Add a reference', { exact: true }).click();
    await page.getByLabel('Who gave it').fill('Joan Clarke');
    await page.getByRole('button', { name: 'Save reference' }).click();
    await scoringAs(page, 'Grace Hopper — Compilers');
    await page.getByRole('button', { name: 'Add my scorecard' }).click();
    await score(page, [3, 2, 4], 'Grace');
    await scoringAs(page, 'Edsger Dijkstra — Algorithms');
    await page.getByRole('button', { name: 'Add my scorecard' }).click();
    await expect(scoreRow(page, SCENARIOS[0])).toContainText('hidden until all have scored');
    expect(await seriousViolations(page), 'selection, hidden scores').toEqual([]);
    await score(page, [1, 2, 4], 'Edsger');
    await page.getByRole('radio', { name: 'Not now' }).check();
    await page.getByLabel('Reason (required)').fill('Not yet.');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await expect(page.getByText('Saved the decision.')).toBeVisible();
    expect(await seriousViolations(page), 'selection, revealed').toEqual([]);
    await gotoCohort(page);
    await page.getByRole('link', { name: 'Selection board' }).click();
    await expect(page.getByRole('table', { name: 'Selection board' })).toBeVisible();
    expect(await seriousViolations(page), 'board').toEqual([]);
  });
}
