import { test, expect, type Page } from '@playwright/test';
import { addPeople, nav, openApp, sayWhoIAm, seriousViolations, watchErrors, goTo } from './helpers';

const GRACE = 'Grace Hopper — Compilers';
const EDSGER = 'Edsger Dijkstra — Algorithms';
const PEOPLE: [string, string, string][] = [
  ['Grace Hopper', 'Compilers', 'M2'],
  ['Edsger Dijkstra', 'Algorithms', 'M1'],
  ['Alan Turing', 'Research', 'IC4'],
];

/** A day as the date input wants it, `days` from today (local time, like the app). */
function isoDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** People, a cohort under way for three weeks with Grace as coach, and Alan enrolled. */
async function setUp(page: Page) {
  await openApp(page);
  await addPeople(page, PEOPLE);
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'New cohort' }).click();
  await page.getByLabel('Cohort name').fill('Spring intake');
  await page.getByLabel('Starts on').fill(isoDay(-21));
  await page.getByRole('group', { name: 'Coaches' }).getByRole('checkbox', { name: GRACE }).check();
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spring intake' })).toBeVisible();
  await page.getByLabel('Person').selectOption({ label: 'Alan Turing — Research' });
  await page.getByRole('button', { name: 'Enrol candidate' }).click();
  await expect(page.getByRole('table', { name: 'Candidates in this cohort' }).getByRole('link', { name: 'Alan Turing' })).toBeVisible();
  // This is Grace's browser: she coaches the cohort.
  await sayWhoIAm(page, 'Grace Hopper');
}

async function openAssessments(page: Page) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'Spring intake' }).click();
  await page.getByRole('table', { name: 'Candidates in this cohort' }).getByRole('link', { name: 'Alan Turing' }).click();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Assessments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alan Turing — Assessments' })).toBeVisible();
}

/** Unfolds a folded form ("Add an assessment", "Add evidence") if it is not open yet. */
async function unfold(page: Page, summary: string) {
  const details = page.locator('details').filter({ has: page.locator('summary', { hasText: summary }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary').click();
  }
}

/** "2 Nov 2026": a day as the app writes it. */
function shownDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}

async function addNoteEvidence(page: Page, text: string, domain: string) {
  await unfold(page, 'Add evidence');
  await page.getByLabel('Kind of evidence').selectOption({ label: 'Note' });
  await page.getByLabel(/^What it shows/).fill(text);
  await page.getByRole('group', { name: 'Domains it shows' }).getByRole('checkbox', { name: domain }).check();
  await page.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByText('Saved the evidence.')).toBeVisible();
}

function card(page: Page, rater: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${rater} \\((Coach|Peer)\\)`) }) });
}

test('two raters rate blind; calibration reveals them side by side and records the outcome', async ({ page }) => {
  const errors = watchErrors(page);
  await setUp(page);

  // The start page reminds us: the cohort is running and has no calibration this month.
  await page.getByRole('link', { name: 'Runway' }).first().click();
  await expect(page.getByRole('region', { name: 'Calibration due' })).toContainText('Spring intake has no calibration yet in');

  await openAssessments(page);
  // Grace said who she is: "Viewing as" starts with her, and the rater follows it.
  await expect(page.getByLabel('Viewing as')).toHaveValue(/.+/);
  await expect(page.getByLabel('Viewing as').locator('option:checked')).toHaveText(GRACE);
  // The form to add one is folded away above the list until asked for.
  await expect(page.getByLabel('Level — Communication')).toBeHidden();
  await unfold(page, 'Add an assessment');
  await expect(page.getByRole('combobox', { name: /^Rater(?! role)/ }).locator('option:checked')).toHaveText(GRACE);

  // Evidence first, so Grace can rate Communication at the top level.
  await addNoteEvidence(page, 'Ran the planning meeting and wrote the decisions down', 'Communication');
  await expect(page.getByRole('heading', { name: 'Communication (1)' })).toBeVisible();

  // Grace rates: the chosen level's descriptor shows under it.
  await page.getByLabel('Level — Communication').selectOption({ label: 'Ready' });
  await expect(page.getByText('Their summaries become the record others rely on')).toBeVisible();
  await page.getByLabel('Comment — Communication').fill('Runs the planning meeting well');
  await page.getByLabel('Level — Coaching and feedback').selectOption({ label: 'Competent' });
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByText('Saved the assessment.')).toBeVisible();
  await expect(card(page, 'Grace Hopper')).toContainText('Ready');
  await expect(card(page, 'Grace Hopper')).toContainText('Runs the planning meeting well');

  // Edsger cannot see Grace's levels.
  await page.getByLabel('Viewing as').selectOption({ label: EDSGER });
  await expect(card(page, 'Grace Hopper')).toContainText('Ratings hidden until calibration.');
  await expect(card(page, 'Grace Hopper')).not.toContainText('Ready');
  await expect(card(page, 'Grace Hopper')).not.toContainText('Runs the planning meeting well');
  await expect(card(page, 'Grace Hopper').getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'History by month' })).toContainText('ratings hidden until calibration');

  // Edsger rates, two levels lower on Communication. He is not one of the cohort's coaches,
  // so the role follows him to Peer.
  await unfold(page, 'Add an assessment');
  await expect(page.getByRole('combobox', { name: /^Rater(?! role)/ }).locator('option:checked')).toHaveText(EDSGER);
  await expect(page.getByLabel('Rater role').locator('option:checked')).toHaveText('Peer');
  await page.getByLabel('Level — Communication').selectOption({ label: 'Developing' });
  await page.getByLabel('Level — Coaching and feedback').selectOption({ label: 'Competent' });
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByText('Saved the assessment.')).toBeVisible();
  await expect(card(page, 'Edsger Dijkstra')).toContainText('Developing');
  expect(await seriousViolations(page)).toEqual([]);

  // Viewing as Edsger was acting for him, said in the header; Grace stops to run the session.
  await expect(page.getByRole('banner')).toContainText('Acting for Edsger Dijkstra');
  await page.getByRole('banner').getByRole('button', { name: 'Stop acting' }).click();

  // The cohort page points to this month's calibration.
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'Spring intake' }).click();
  const panel = page.getByRole('region', { name: 'Calibration', exact: true });
  await expect(panel).toContainText('No calibration yet this month');
  await panel.getByRole('link', { name: 'start one' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calibration — Spring intake' })).toBeVisible();

  // Start the session: before the reveal, counts only.
  await page.getByRole('button', { name: "Start this month's session" }).click();
  await expect(page.getByText('Started the calibration session.')).toBeVisible();
  await expect(page.getByText('Grace Hopper: 1 assessment')).toBeVisible();
  await expect(page.getByText('Edsger Dijkstra: 1 assessment')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ratings of Alan Turing' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Reveal (after saying what will show): side by side, with the disagreement named in words.
  await page.getByRole('button', { name: 'Reveal ratings' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reveal the ratings?' });
  await expect(confirm).toContainText('Grace Hopper: 1 assessment');
  await confirm.getByRole('button', { name: 'Reveal ratings' }).click();
  const grid = page.getByRole('table', { name: 'Ratings of Alan Turing' });
  await expect(grid.getByRole('columnheader', { name: 'Grace Hopper (Coach)' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Edsger Dijkstra (Peer)' })).toBeVisible();
  const comm = grid.getByRole('row', { name: /^Communication/ });
  await expect(comm).toContainText('Ready');
  await expect(comm).toContainText('Developing');
  await expect(comm).toContainText('2 levels');
  await expect(comm).toContainText('Disagreement — talk it through');
  const coaching = grid.getByRole('row', { name: /^Coaching and feedback/ });
  await expect(coaching).toContainText('0 levels');
  await expect(coaching).not.toContainText('Disagreement');
  // Leniency: Grace +2 and 0 over two domains → +1.00; Edsger −1.00.
  const len = page.getByRole('table', { name: 'Leniency per rater' });
  await expect(len.getByRole('row', { name: /^Grace Hopper/ })).toContainText('+1.00');
  await expect(len.getByRole('row', { name: /^Grace Hopper/ })).toContainText('More lenient than the group');
  await expect(len.getByRole('row', { name: /^Edsger Dijkstra/ })).toContainText('−1.00');
  await expect(len.getByRole('row', { name: /^Edsger Dijkstra/ })).toContainText('Stricter than the group');

  // The calibrated levels sit right under the candidate's ratings. Where both raters agree
  // the level is filled in, and says so; where they split it is left for the group.
  const alan = page.getByRole('group', { name: 'Calibrated levels — Alan Turing' });
  await expect(alan).toBeVisible();
  const coachingLevel = page.getByLabel('Calibrated level — Alan Turing, Coaching and feedback');
  await expect(coachingLevel.locator('option:checked')).toHaveText('Competent');
  await expect(alan).toContainText('All raters said Competent — filled in from their agreement');
  await expect(page.getByLabel('Rationale — Alan Turing, Coaching and feedback')).toHaveValue('');
  await expect(page.getByLabel('Calibrated level — Alan Turing, Communication').locator('option:checked')).toHaveText('— not settled —');
  // The ratings table ends where the calibrated levels begin (not one form far below).
  const tableBox = await grid.boundingBox();
  const alanBox = await alan.boundingBox();
  expect(alanBox!.y - (tableBox!.y + tableBox!.height)).toBeLessThan(80);

  // A calibrated Ready with no dated evidence is warned about as it is chosen, under the domain.
  await coachingLevel.selectOption({ label: 'Ready' });
  await expect(alan).not.toContainText('All raters said Competent');
  await expect(alan.getByText(/^No dated evidence for Coaching and feedback on or before \d+ \w+ \d{4} — a calibrated Ready needs some/)).toBeVisible();
  // Communication has dated evidence: Ready there is fine.
  await page.getByLabel('Calibrated level — Alan Turing, Communication').selectOption({ label: 'Ready' });
  await expect(alan.getByText(/No dated evidence for Communication/)).toHaveCount(0);
  await coachingLevel.selectOption({ label: 'Competent' });
  await expect(alan.getByText(/No dated evidence/)).toHaveCount(0);

  // Record the calibrated level, the reason and who took part.
  await page.getByLabel('Calibrated level — Alan Turing, Communication').selectOption({ label: 'Competent' });
  await page.getByLabel('Rationale — Alan Turing, Communication').fill('Clear one to one; group summaries still patchy');
  const who = page.getByRole('group', { name: 'Who took part' });
  await who.getByRole('checkbox', { name: GRACE }).check();
  await who.getByRole('checkbox', { name: EDSGER }).check();
  await page.getByRole('button', { name: 'Save calibration' }).click();
  await expect(page.getByText('Saved the calibration session.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // After a reload everything is still there.
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Calibration — Spring intake' })).toBeVisible();
  await expect(page.getByLabel('Calibrated level — Alan Turing, Communication').locator('option:checked')).toHaveText('Competent');
  await expect(page.getByLabel('Rationale — Alan Turing, Communication')).toHaveValue('Clear one to one; group summaries still patchy');
  // The agreed level was saved with the rest, so it is recorded now and no longer "filled in".
  await expect(page.getByLabel('Calibrated level — Alan Turing, Coaching and feedback').locator('option:checked')).toHaveText('Competent');
  await expect(page.getByRole('group', { name: 'Calibrated levels — Alan Turing' })).not.toContainText('filled in from their agreement');
  await expect(page.getByRole('group', { name: 'Who took part' }).getByRole('checkbox', { name: GRACE })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Who took part' }).getByRole('checkbox', { name: EDSGER })).toBeChecked();
  await expect(page.getByRole('table', { name: 'Ratings of Alan Turing' }).getByRole('row', { name: /^Communication/ })).toContainText('Disagreement — talk it through');

  // A change made in another tab shows here at once, and saving here keeps it: the save
  // starts from the session as it is now and applies only what was changed here.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { level: 1, name: 'Calibration — Spring intake' })).toBeVisible();
  await other.getByLabel('Rationale — Alan Turing, Coaching and feedback').fill('Both saw the same feedback habits');
  await other.getByRole('button', { name: 'Save calibration' }).click();
  await expect(other.getByText('Saved the calibration session.')).toBeVisible();
  await other.close();
  await expect(page.getByLabel('Rationale — Alan Turing, Coaching and feedback')).toHaveValue('Both saw the same feedback habits');
  await page.getByLabel('Session notes').fill('Agreed to look at group summaries next month');
  await page.getByRole('button', { name: 'Save calibration' }).click();
  await expect(page.getByText('Saved the calibration session.')).toBeVisible();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Rationale — Alan Turing, Coaching and feedback')).toHaveValue('Both saw the same feedback habits');
  await expect(page.getByLabel('Rationale — Alan Turing, Communication')).toHaveValue('Clear one to one; group summaries still patchy');
  await expect(page.getByLabel('Session notes')).toHaveValue('Agreed to look at group summaries next month');

  // On a phone the disagreement is named next to the domain, in view without scrolling.
  await page.setViewportSize({ width: 390, height: 800 });
  const commHeader = page.getByRole('table', { name: 'Ratings of Alan Turing' }).getByRole('rowheader', { name: /^Communication/ });
  await expect(commHeader).toContainText('Disagreement');
  const box = await commHeader.getByText('Disagreement').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expect(page.getByRole('group', { name: 'Calibrated levels — Alan Turing' })).toContainText('Disagreement');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Revealed now: Edsger sees Grace's levels, and the history has the calibrated level.
  await openAssessments(page);
  await page.getByLabel('Viewing as').selectOption({ label: EDSGER });
  await expect(card(page, 'Grace Hopper')).toContainText('Ready');
  await expect(page.getByRole('region', { name: 'History by month' })).toContainText('Communication: Competent (calibrated');
  expect(errors).toEqual([]);
});

test('"Ready" without dated evidence is refused, naming the domain; with evidence it saves', async ({ page }) => {
  const errors = watchErrors(page);
  await setUp(page);
  await openAssessments(page);
  await expect(page.getByText('Domains without dated evidence: Communication, Coaching and feedback')).toBeVisible();

  await unfold(page, 'Add an assessment');
  await page.getByLabel('Level — Communication').selectOption({ label: 'Ready' });
  // Said before saving, under the domain.
  await expect(page.getByText('No dated evidence for Communication yet — add some under “Add evidence”.')).toBeVisible();
  await page.getByLabel('Comment — Communication').fill('Sums up every meeting');
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Communication is rated Ready but has no dated evidence' })).toBeVisible();
  // Nothing saved, nothing typed lost.
  await expect(page.getByText('No assessments yet.')).toBeVisible();
  await expect(page.getByLabel('Level — Communication').locator('option:checked')).toHaveText('Ready');
  await expect(page.getByLabel('Comment — Communication')).toHaveValue('Sums up every meeting');

  // Evidence for Communication: the warning goes, and the same save now works.
  await addNoteEvidence(page, 'Wrote the incident summary the team now uses', 'Communication');
  await expect(page.getByText('No dated evidence for Communication yet — add some under “Add evidence”.')).toHaveCount(0);
  await expect(page.getByText('Domains without dated evidence: Coaching and feedback')).toBeVisible();
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByText('Saved the assessment.')).toBeVisible();
  await expect(card(page, 'Grace Hopper')).toContainText('Ready');
  await expect(card(page, 'Grace Hopper')).toContainText('Sums up every meeting');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('evidence shows its date once, and can be edited under the same rules', async ({ page }) => {
  const errors = watchErrors(page);
  await setUp(page);
  // A 1:1 three days ago, to point evidence at.
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'Spring intake' }).click();
  await page.getByRole('table', { name: 'Candidates in this cohort' }).getByRole('link', { name: 'Alan Turing' }).click();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: '1:1s' }).click();
  await page.getByText('Log a 1:1').click();
  const oneOnOne = page.getByRole('form', { name: 'New 1:1' });
  await expect(oneOnOne.getByLabel('With').locator('option:checked')).toHaveText(GRACE);
  await oneOnOne.getByLabel('Day').fill(isoDay(-3));
  await page.getByRole('button', { name: 'Save 1:1' }).click();
  await expect(page.getByText('Saved the 1:1.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Assessments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alan Turing — Assessments' })).toBeVisible();
  await unfold(page, 'Add evidence');
  await page.getByLabel('Kind of evidence').selectOption({ label: '1:1' });
  await page.getByRole('combobox', { name: '1:1', exact: true }).selectOption({ label: `${shownDay(isoDay(-3))} — 1:1 with Grace Hopper` });
  await expect(page.getByLabel('Date of the evidence')).toHaveValue(isoDay(-3));
  await page.getByLabel(/^What it shows/).fill('Gave Sam clear, kind feedback');
  await page.getByRole('group', { name: 'Domains it shows' }).getByRole('checkbox', { name: 'Communication' }).check();
  await page.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByText('Saved the evidence.')).toBeVisible();

  // The item shows its own date once, then what it is and the 1:1 by title alone.
  const evidence = page.getByRole('region', { name: 'Evidence' });
  const item = evidence.getByRole('listitem').filter({ hasText: 'Gave Sam clear, kind feedback' });
  await expect(item).toHaveCount(1);
  const text = (await item.innerText()).replace(/\s+/g, ' ');
  expect(text.startsWith(`${shownDay(isoDay(-3))} · 1:1 · 1:1 with Grace Hopper — Gave Sam clear, kind feedback`)).toBe(true);
  expect(text.split(shownDay(isoDay(-3))).length - 1).toBe(1);

  // Edit: the date, the words and the domains change; the 1:1 it points at stays.
  await item.getByRole('button', { name: 'Edit the evidence “Gave Sam clear, kind feedback”' }).click();
  const form = page.getByRole('form', { name: 'Edit evidence' });
  await expect(form).toBeVisible();
  await expect(form).toContainText('1:1 · 1:1 with Grace Hopper');
  await expect(form.getByLabel(/^What it shows/)).toHaveValue('Gave Sam clear, kind feedback');
  await form.getByLabel('Date of the evidence').fill(isoDay(-2));
  await form.getByLabel(/^What it shows/).fill('Gave Sam clear, kind feedback on the rota');
  await form.getByRole('group', { name: 'Domains it shows' }).getByRole('checkbox', { name: 'Communication' }).uncheck();
  await form.getByRole('group', { name: 'Domains it shows' }).getByRole('checkbox', { name: 'Coaching and feedback' }).check();
  await form.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByText('Saved the evidence.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit evidence' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Communication (0)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Coaching and feedback (1)' })).toBeVisible();
  const edited = evidence.getByRole('listitem').filter({ hasText: 'on the rota' });
  await expect(edited).toContainText(`${shownDay(isoDay(-2))} · 1:1 · 1:1 with Grace Hopper`);

  // The same rules as adding: a note's link must be a web address; no domain is refused.
  await addNoteEvidence(page, 'Wrote the team charter', 'Communication');
  const note = evidence.getByRole('listitem').filter({ hasText: 'Wrote the team charter' });
  await note.getByRole('button', { name: /^Edit / }).click();
  await page.getByRole('form', { name: 'Edit evidence' }).getByLabel(/^Link/).fill('ftp://charter');
  await page.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'must start with https://' })).toBeVisible();
  await page.getByRole('form', { name: 'Edit evidence' }).getByLabel(/^Link/).fill('https://example.org/charter');
  await page.getByRole('form', { name: 'Edit evidence' }).getByRole('group', { name: 'Domains it shows' }).getByRole('checkbox', { name: 'Communication' }).uncheck();
  await page.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByText('Tick at least one domain this evidence shows.')).toBeVisible();
  await page.getByRole('form', { name: 'Edit evidence' }).getByRole('group', { name: 'Domains it shows' }).getByRole('checkbox', { name: 'Communication' }).check();
  await page.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByText('Saved the evidence.')).toBeVisible();
  await expect(evidence.getByRole('listitem').filter({ hasText: 'Wrote the team charter' }).getByRole('link', { name: 'link' })).toHaveAttribute('href', 'https://example.org/charter');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
