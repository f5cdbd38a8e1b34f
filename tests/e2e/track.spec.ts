import { test, expect, type Page } from '@playwright/test';
import { clickForDownload, importFile, loadSample, nav, openApp, sayWhoIAm, seriousViolations, watchErrors, goTo } from './helpers';

/** A day `days` before today, as the date input takes it. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return d.toISOString().slice(0, 10);
}

async function openPerson(page: Page, name: string) {
  await goTo(page, 'People');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

function history(page: Page) {
  return page.getByRole('region', { name: 'Level' });
}

test('a promotion and a return to engineering show in the level history', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openPerson(page, 'Kwame Mensah');
  await expect(history(page)).toContainText('IC3 since 15 Nov 2021');

  // Into management (a move between tracks), with the advice to run it as a trial.
  const form = page.getByRole('form', { name: 'Record a level move' });
  await page.locator('summary', { hasText: 'Record a level move' }).click();
  await form.getByLabel('Day of the move').fill(daysAgo(600));
  await form.getByLabel('Kind of move').selectOption({ label: 'Moved between tracks' });
  await form.getByLabel('Level from that day').selectOption('M1');
  await expect(form).toContainText('best recorded as a trial');
  await form.getByRole('button', { name: 'Record the move' }).click();
  await expect(history(page).getByRole('listitem').filter({ hasText: 'Moved between tracks' })).toContainText('IC3 → M1');

  // From IC straight to M2 without a reason is refused at the note.
  await page.locator('summary', { hasText: 'Record a level move' }).click();
  await form.getByLabel('Day of the move').fill(daysAgo(700));
  await form.getByLabel('Kind of move').selectOption({ label: 'Promoted' });
  await form.getByLabel('Level from that day').selectOption('M2');
  await expect(form).toContainText('skips M1: say why in the note');
  await form.getByRole('button', { name: 'Record the move' }).click();
  await expect(form.getByLabel('Note')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('say why in the note');

  // Back to engineering: the expectation for the way back is shown, then recorded.
  await form.getByLabel('Day of the move').fill(daysAgo(20));
  await form.getByLabel('Kind of move').selectOption({ label: 'Returned to engineering' });
  await form.getByLabel('Level from that day').selectOption('IC3');
  await expect(form).toContainText('Back to engineering after 1.');
  await expect(form).toContainText('usually straightforward');
  await form.getByRole('button', { name: 'Record the move' }).click();
  const back = history(page).getByRole('listitem').filter({ hasText: 'Returned to engineering' });
  await expect(back).toContainText('M1 → IC3');
  await expect(back).toContainText('usually straightforward');
  await expect(history(page).locator('.standing')).toContainText('IC3 since');

  // A second move on the same day is refused at the day.
  await page.locator('summary', { hasText: 'Record a level move' }).click();
  await form.getByLabel('Day of the move').fill(daysAgo(20));
  await form.getByLabel('Kind of move').selectOption({ label: 'Level corrected' });
  await form.getByRole('button', { name: 'Record the move' }).click();
  await expect(form).toContainText('already a level move on');
  await expect(form.getByLabel('Day of the move')).toHaveAttribute('aria-invalid', 'true');
  await expect(history(page).getByRole('listitem')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('a trial starts, passes a checkpoint and returns to engineering at the guaranteed level', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openPerson(page, 'Priya Raman');
  const trialSection = page.getByRole('region', { name: 'Trial in management' });
  await trialSection.locator('summary', { hasText: 'Start a trial in management' }).click();
  const form = page.getByRole('form', { name: 'Start a trial in management' });
  await form.getByLabel('Starts on').fill(daysAgo(150));
  // Her own team: warned, and refused until coding is said not to be expected.
  await form.getByLabel('Team they will manage').fill('Fulfilment');
  await expect(form).toContainText('the team they worked in as an engineer');
  await expect(form.getByLabel('Guaranteed level on return')).toHaveValue('IC3');
  await expect(form).toContainText('They hold IC3 before the trial');
  const marcus = await form.getByLabel('Supporting senior manager').locator('option', { hasText: 'Marcus Oyelaran' }).getAttribute('value');
  await form.getByLabel('Supporting senior manager').selectOption(marcus!);
  await form.getByRole('button', { name: 'Start the trial' }).click();
  await expect(form.getByLabel('Team they will manage')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Team they will manage').fill('Returns');
  await form.getByLabel('Guaranteed pay band on return').fill('E3');
  await form.getByRole('button', { name: 'Start the trial' }).click();
  await expect(page.getByText(/Trial started: 6 months with Returns, with a guaranteed return to IC3/)).toBeVisible();
  await expect(history(page).locator('.standing')).toContainText('M1 since');
  const card = trialSection.getByRole('article');
  await expect(card).toContainText('IC3, pay band E3');
  await expect(card).toContainText('Marcus Oyelaran');
  // The band was agreed a step higher: edited after the start.
  await card.locator('summary', { hasText: 'Edit the trial' }).click();
  const edit = card.getByRole('form', { name: 'Edit the trial' });
  await edit.getByLabel('Guaranteed pay band on return').fill('E4');
  await edit.getByRole('button', { name: 'Save the trial' }).click();
  await expect(card).toContainText('IC3, pay band E4');
  // Checkpoints that are due show as reminders.
  await expect(card.getByRole('list', { name: 'Coming up' })).toContainText('Overdue since');

  // The first checkpoint, held.
  await card.getByRole('button', { name: /^Record it: checkpoint of/ }).first().click();
  const cp = card.getByRole('form', { name: /^Record the checkpoint of/ });
  // Held before the trial began: refused at the day.
  await cp.getByLabel('Held on').fill(daysAgo(400));
  await cp.getByRole('button', { name: 'Save the checkpoint' }).click();
  await expect(cp.getByLabel('Held on')).toHaveAttribute('aria-invalid', 'true');
  await expect(cp).toContainText('held before the trial started');
  await cp.getByLabel('Held on').fill(daysAgo(110));
  await cp.getByLabel("The supporting manager's note").fill('Ran her first retro; the team liked it.');
  await cp.getByRole('button', { name: 'Save the checkpoint' }).click();
  await expect(card).toContainText('Supporting manager: Ran her first retro; the team liked it.');
  await expect(card.locator('.checkpoint.held')).toHaveCount(1);

  // The end: back to engineering at the guaranteed level, described with respect.
  await card.locator('summary', { hasText: 'Decide: confirm, extend or return' }).click();
  const decide = card.getByRole('form', { name: 'Decide the trial' });
  await decide.getByLabel('What is decided').selectOption({ label: 'Return to engineering at the guaranteed level' });
  await expect(decide).toContainText('goes back to engineering as IC3 at pay band E4, as agreed at the start');
  await decide.getByLabel('Team from that day (if it changes)').fill('Fulfilment');
  await decide.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByText('Recorded the return to engineering.')).toBeVisible();
  await expect(card).toContainText('Returned to engineering');
  const back = history(page).getByRole('listitem').filter({ hasText: 'Returned to engineering' });
  await expect(back).toContainText('M1 → IC3');
  await expect(back).toContainText('Fulfilment');
  await expect(history(page).locator('.standing')).toContainText('IC3 since');
  // The candidacy's status followed.
  await expect(page.locator('li', { hasText: /^MiT / }).first()).toContainText('Returned to engineering');
  expect(errors).toEqual([]);
});

test('training logged shows against the ladder, and who is behind', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openPerson(page, 'Felix Wagner');
  const ladder = page.getByRole('region', { name: 'Leadership ladder' });
  await expect(ladder).toContainText('1 Junior manager (from their track level)');
  await expect(ladder.locator('.ledger')).toContainText('Behind');
  await expect(ladder).toContainText('No training or practice logged yet.');
  await ladder.locator('summary', { hasText: 'Log training or practice' }).click();
  const form = ladder.getByRole('form', { name: 'Log training or practice' });
  // More than a day's worth is refused at the hours.
  await form.getByLabel('Hours').fill('30');
  await form.getByRole('button', { name: 'Log it' }).click();
  await expect(form.getByLabel('Hours')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText("more than a day's worth");
  await form.getByLabel('Hours').fill('8');
  await form.getByLabel('Topic').fill('New manager foundations');
  await form.getByRole('button', { name: 'Log it' }).click();
  await expect(ladder.getByRole('table')).toContainText('New manager foundations');
  await expect(ladder.locator('.ledger')).toContainText('Training: 8 h logged, 8 h due by now');
  // Still behind on practice (2 h a week).
  await expect(ladder.locator('.ledger')).toContainText('Behind');
  await form.getByLabel('Kind').selectOption({ label: 'Practice' });
  await form.getByLabel('Hours').fill('8');
  await form.getByRole('button', { name: 'Log it' }).click();
  await expect(ladder.locator('.ledger')).not.toContainText('Behind');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a manager sees the evidence span towards the next level, and adds to it', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openPerson(page, 'Hana Sato');
  const next = page.getByRole('region', { name: 'Towards M2' });
  await expect(next).toContainText('Culture at M2: no evidence yet');
  await expect(next).toContainText('Time at a level does not make anyone ready');
  await next.locator('summary', { hasText: 'Add evidence' }).click();
  const form = next.getByRole('form', { name: 'Add evidence of an outcome' });
  await form.getByLabel('Outcome').selectOption({ label: 'Culture at M2' });
  await form.getByLabel('When it happened').fill(daysAgo(200));
  await form.getByLabel('What it shows').fill('Two teams now run one shared incident review she set up.');
  await form.getByRole('button', { name: 'Add evidence' }).click();
  await expect(next).not.toContainText('Culture at M2: no evidence yet');
  await expect(next.locator('.outcome-item', { hasText: 'Two teams now run one shared incident review' })).toHaveAttribute('data-evidence', '1');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a candidate's file carries her own trial and history, and nobody else's", async ({ browser }) => {
  const coachContext = await browser.newContext();
  const candidateContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const priya = await candidateContext.newPage();
  const errors = [...watchErrors(coach), ...watchErrors(priya)];

  // The coach records Priya's trial, then makes her file.
  await loadSample(coach);
  await openPerson(coach, 'Priya Raman');
  await coach.locator('summary', { hasText: 'Start a trial in management' }).click();
  const form = coach.getByRole('form', { name: 'Start a trial in management' });
  await form.getByLabel('Starts on').fill(daysAgo(40));
  await form.getByLabel('Team they will manage').fill('Returns');
  await form.getByRole('button', { name: 'Start the trial' }).click();
  await expect(coach.getByRole('region', { name: 'Trial in management' }).getByRole('article')).toBeVisible();
  await coach.getByRole('link', { name: /^MiT / }).first().click();
  await coach.getByText('Export a file for the candidate…').click();
  const file = await clickForDownload(coach, 'Download shared file');
  const ws = JSON.parse(file.text).workspace;
  const priyaId = ws.people.find((p: { name: string }) => p.name === 'Priya Raman').id;
  expect(ws.trials.length).toBe(1);
  expect(ws.levels.every((m: { person_id: string }) => m.person_id === priyaId)).toBe(true);
  expect(ws.training ?? []).toEqual([]);
  expect(ws.track_evidence ?? []).toEqual([]);

  // In her own browser, her page shows the trial and the way back.
  await openApp(priya);
  await importFile(priya, file.name, file.text);
  await priya.getByRole('button', { name: 'Replace my workspace' }).click();
  await sayWhoIAm(priya, 'Priya Raman');
  await openPerson(priya, 'Priya Raman');
  await expect(history(priya).locator('.standing')).toContainText('M1 since');
  await expect(priya.getByRole('region', { name: 'Trial in management' })).toContainText('Guaranteed return');
  await expect(priya.getByRole('region', { name: 'Trial in management' })).toContainText('IC3');
  // Her own trial and history are decided and recorded by others: she reads them.
  await expect(priya.locator('summary', { hasText: 'Decide: confirm, extend or return' })).toHaveCount(0);
  await expect(priya.locator('summary', { hasText: 'Record a level move' })).toHaveCount(0);
  await expect(priya.getByRole('button', { name: /^Record it: checkpoint/ })).toHaveCount(0);
  // The coach's history did not come with the file: his level shows as not recorded.
  await openPerson(priya, 'Marcus Oyelaran');
  await expect(history(priya)).toContainText('No level history in this copy');
  expect(errors).toEqual([]);
  await coachContext.close();
  await candidateContext.close();
});
