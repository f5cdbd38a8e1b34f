import { test, expect, type Page } from '@playwright/test';
import { addPeople, clickForDownload, importFile, loadSample, nav, openApp, sayWhoIAm, watchErrors, storedWorkspace, goTo } from './helpers';

// Each person in their own browser: the coach, the sponsor and the candidate each run Runway
// in a separate browser context, say who they are, and exchange files.

async function openCohort(page: Page) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).first().click();
}

async function openSection(page: Page, candidate: string, section: string) {
  await openCohort(page);
  await page.getByRole('link', { name: candidate }).first().click();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: section }).click();
}

async function unfold(page: Page, summary: string) {
  const details = page.locator('details').filter({ has: page.locator('summary', { hasText: summary }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary').click();
  }
}

test('the coach shares with the sponsor, who rates as herself and sends back a file that merges', async ({ browser }) => {
  const coachContext = await browser.newContext();
  const sponsorContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const sponsor = await sponsorContext.newPage();
  const errors = [...watchErrors(coach), ...watchErrors(sponsor)];

  // The coach tries the sample: Runway takes them for its coach, and says so in the header.
  await loadSample(coach);
  await expect(coach.getByRole('banner')).toContainText("This is Marcus Oyelaran's Runway");
  await openCohort(coach);
  await coach.getByText('Export a file for the sponsor…').click();
  const preview = coach.getByRole('region', { name: 'Share preview' });
  await expect(preview).toContainText('journal entry shared with the sponsor');
  await expect(preview).toContainText('private notes by Marcus Oyelaran');
  await expect(preview).toContainText('interview scorecards (selection notes stay with the coaches)');
  await expect(preview).toContainText('until calibration reveals');
  const forSponsor = await clickForDownload(coach, 'Download shared file');
  const file = JSON.parse(forSponsor.text).workspace;
  const coachWs = JSON.parse((await storedWorkspace(coach))!).workspace;
  const marcus = coachWs.people.find((p: { name: string }) => p.name === 'Marcus Oyelaran').id;
  const byMarcus = (ws: { assessments?: { rater_id: string }[] }) => (ws.assessments ?? []).filter((a) => a.rater_id === marcus).length;
  expect(byMarcus(file)).toBeLessThan(byMarcus(coachWs));
  expect(file.interviews ?? []).toHaveLength(0);
  expect(file.references ?? []).toHaveLength(0);
  expect((file.one_on_ones ?? []).every((o: { notes?: string }) => !o.notes)).toBe(true);

  // The sponsor opens it in her own browser and says who she is.
  await openApp(sponsor);
  await importFile(sponsor, forSponsor.name, forSponsor.text);
  await sponsor.getByRole('button', { name: 'Replace my workspace' }).click();
  await expect(sponsor.getByRole('region', { name: 'Who is using Runway here' })).toBeVisible();
  await sayWhoIAm(sponsor, 'Dana Whitfield');
  await expect(sponsor.getByRole('region', { name: 'Who is using Runway here' })).toHaveCount(0);

  // The cohort shows what a sponsor does: no coach controls.
  await openCohort(sponsor);
  await expect(sponsor.getByText(/You see this cohort as its sponsor/)).toBeVisible();
  await expect(sponsor.getByRole('button', { name: 'Enrol candidate' })).toHaveCount(0);
  await expect(sponsor.getByRole('button', { name: 'Delete cohort…' })).toHaveCount(0);
  // Nor does its calibration page: the coaches start, reveal and record sessions.
  await sponsor.goto(`${sponsor.url()}/calibration`);
  await expect(sponsor.getByRole('heading', { level: 1, name: /^Calibration — / })).toBeVisible();
  await expect(sponsor.getByRole('button', { name: "Start this month's session" })).toHaveCount(0);
  await expect(sponsor.getByRole('button', { name: 'Save calibration' }).first()).toBeDisabled();
  await expect(sponsor.getByRole('button', { name: /^Delete the calibration/ })).toHaveCount(0);

  // Her assessments page opens as her; a new assessment is hers, as sponsor.
  await openSection(sponsor, 'Priya Raman', 'Assessments');
  await expect(sponsor.getByLabel('Viewing as').locator('option:checked')).toHaveText(/^Dana Whitfield/);
  await unfold(sponsor, 'Add an assessment');
  await expect(sponsor.getByRole('combobox', { name: /^Rater(?! role)/ }).locator('option:checked')).toHaveText(/^Dana Whitfield/);
  await expect(sponsor.getByLabel('Rater role').locator('option:checked')).toHaveText('Sponsor');
  await sponsor.getByLabel('Level — Communication').selectOption({ label: 'Competent' });
  await sponsor.getByLabel('Comment — Communication').fill('Dana saw the planning session');
  await sponsor.getByRole('button', { name: 'Save assessment' }).click();
  await expect(sponsor.getByText('Saved the assessment.')).toBeVisible();
  // The next one starts the same way: her, as sponsor.
  await unfold(sponsor, 'Add an assessment');
  await expect(sponsor.getByLabel('Rater role').locator('option:checked')).toHaveText('Sponsor');

  // She sends her file back to the coaches.
  await openCohort(sponsor);
  await sponsor.getByText('Export a file for the coaches…').click();
  const back = await clickForDownload(sponsor, 'Download shared file');
  expect(back.text).toContain('Dana saw the planning session');
  // Each file's name says which way it goes, so the two never overwrite each other.
  expect(forSponsor.name).toMatch(/-for-the-sponsor-/);
  expect(back.name).toMatch(/-for-the-coaches-/);

  // The coach merges it: her ratings arrive, blind to him until calibration.
  await importFile(coach, back.name, back.text);
  await coach.getByRole('button', { name: 'Merge into my workspace…' }).click();
  await coach.getByRole('button', { name: 'Apply merge' }).click();
  await openSection(coach, 'Priya Raman', 'Assessments');
  await expect(coach.getByLabel('Viewing as').locator('option:checked')).toHaveText(/^Marcus Oyelaran/);
  const hers = coach.locator('li.entry').filter({ hasText: 'Dana Whitfield' }).filter({ hasText: 'Ratings hidden until calibration.' });
  await expect(hers.first()).toBeVisible();
  await expect(coach.getByText('Dana saw the planning session')).toHaveCount(0);
  // His own 1:1 notes were never in her file, and are still here.
  const after = JSON.parse((await storedWorkspace(coach))!).workspace;
  expect(after.one_on_ones.filter((o: { notes?: string }) => o.notes).length).toBe(coachWs.one_on_ones.filter((o: { notes?: string }) => o.notes).length);

  expect(errors).toEqual([]);
  await coachContext.close();
  await sponsorContext.close();
});

test("the candidate's whole file carries her private entry only when she ticks it", async ({ browser }) => {
  const coachContext = await browser.newContext();
  const candidateContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const priya = await candidateContext.newPage();
  const errors = [...watchErrors(coach), ...watchErrors(priya)];

  await loadSample(coach);
  await openCohort(coach);
  await coach.getByRole('link', { name: 'Priya Raman' }).first().click();
  await coach.getByText('Export a file for the candidate…').click();
  const forPriya = await clickForDownload(coach, 'Download shared file');
  expect(JSON.parse(forPriya.text).workspace.one_on_ones.every((o: { notes?: string }) => !o.notes)).toBe(true);

  await openApp(priya);
  await importFile(priya, forPriya.name, forPriya.text);
  await priya.getByRole('button', { name: 'Replace my workspace' }).click();
  await sayWhoIAm(priya, 'Priya Raman');
  // Her own page: her journey, without the coaches' selection notes.
  await openSection(priya, 'Priya Raman', 'Journal');
  await expect(priya.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Selection' })).toHaveCount(0);
  await priya.getByText('Write a journal entry').click();
  await priya.getByRole('form', { name: 'New journal entry' }).getByLabel('Title').fill('Doubts about the new role');
  await priya.getByLabel('What happened, what I learned').fill('Not sure I want the on-call pager as a manager.');
  await priya.getByLabel('Who can read it').selectOption({ label: 'Private to its author' });
  await priya.getByRole('button', { name: 'Save entry' }).click();
  await expect(priya.getByRole('heading', { name: 'Doubts about the new role' })).toBeVisible();

  // The Data page: a backup is for herself; a file to share leaves her private entry out.
  await goTo(priya, 'Data');
  await expect(priya.getByText(/not to send to anyone/)).toBeVisible();
  await priya.getByText("Export a file for the program's coaches…").click();
  const preview = priya.getByRole('region', { name: 'Share preview' });
  await expect(preview).toContainText('1 private journal entry (Priya Raman): private to their author');
  const plain = await clickForDownload(priya, 'Download shared file');
  expect(plain.text).not.toContain('Doubts about the new role');
  await preview.getByRole('checkbox', { name: /Include my own private entries and 1:1 notes \(1\)/ }).check();
  await expect(preview).not.toContainText('private to their author');
  const ticked = await clickForDownload(priya, 'Download shared file');
  expect(ticked.text).toContain('Doubts about the new role');
  const backup = await clickForDownload(priya, 'Download backup without a passphrase');
  expect(backup.text).toContain('Doubts about the new role');
  // Her page offers her file for her coach; its name says it is from her.
  await openSection(priya, 'Priya Raman', 'Overview');
  await priya.getByText('Export a file for your coach…').click();
  const mine = await clickForDownload(priya, 'Download shared file');
  expect(mine.name).toMatch(/-from-priya-raman-\d{4}-/);
  expect(mine.text).not.toContain('Doubts about the new role');

  // Merged by the coach, the untick file brings nothing private.
  await importFile(coach, plain.name, plain.text);
  await coach.getByRole('button', { name: 'Merge into my workspace…' }).click();
  await coach.getByRole('button', { name: 'Apply merge' }).click();
  expect(await storedWorkspace(coach)).not.toContain('Doubts about the new role');

  expect(errors).toEqual([]);
  await coachContext.close();
  await candidateContext.close();
});

test('acting for someone else is a choice shown on every page until stopped', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await goTo(page, 'Settings');
  const actFor = page.getByRole('combobox', { name: 'Act for' });
  const value = await actFor.locator('option', { hasText: 'Dana Whitfield' }).getAttribute('value');
  await actFor.selectOption(value!);
  await page.getByRole('button', { name: 'Act for them' }).click();
  await expect(page.getByRole('banner')).toContainText('Acting for Dana Whitfield');
  await openSection(page, 'Priya Raman', 'Assessments');
  await expect(page.getByRole('banner')).toContainText('Acting for Dana Whitfield');
  await expect(page.getByLabel('Viewing as').locator('option:checked')).toHaveText(/^Dana Whitfield/);
  await expect(page.getByText(/You are acting for Dana Whitfield/)).toBeVisible();
  // Choosing yourself under "Viewing as" stops acting; choosing someone else starts it, shown
  // in the header as well.
  const marcus = await page.getByLabel('Viewing as').locator('option', { hasText: 'Marcus Oyelaran' }).getAttribute('value');
  await page.getByLabel('Viewing as').selectOption(marcus!);
  await expect(page.getByRole('banner')).toContainText("This is Marcus Oyelaran's Runway");
  await expect(page.getByText(/You are acting for/)).toHaveCount(0);
  await page.getByLabel('Viewing as').selectOption(value!);
  await expect(page.getByRole('banner')).toContainText('Acting for Dana Whitfield');
  // Acting for Priya sends none of her private entries: a file's maker is whose browser it is.
  await goTo(page, 'Settings');
  const priya = await actFor.locator('option', { hasText: 'Priya Raman' }).getAttribute('value');
  await actFor.selectOption(priya!);
  await page.getByRole('button', { name: 'Act for them' }).click();
  await expect(page.getByRole('banner')).toContainText('Acting for Priya Raman');
  await goTo(page, 'Data');
  await page.getByText("Export a file for the program's coaches…").click();
  const preview = page.getByRole('region', { name: 'Share preview' });
  await preview.getByRole('checkbox', { name: /Include my own private entries/ }).check();
  await expect(preview.getByRole('list', { name: 'Left out' })).toContainText('1 private journal entry (Priya Raman)');
  const file = await clickForDownload(page, 'Download shared file');
  const priyaPrivate = JSON.parse((await storedWorkspace(page))!).workspace.journal.find((j: { visibility: string }) => j.visibility === 'private');
  expect(file.text).not.toContain(priyaPrivate.title);
  await page.getByRole('banner').getByRole('button', { name: 'Stop acting' }).click();
  await expect(page.getByRole('banner')).toContainText("This is Marcus Oyelaran's Runway");
  // The coach's blind rating view follows: back to him.
  await openSection(page, 'Priya Raman', 'Assessments');
  await expect(page.getByLabel('Viewing as').locator('option:checked')).toHaveText(/^Marcus Oyelaran/);
  expect(errors).toEqual([]);
});

test('trying the sample makes you its coach, and undoing it makes you yourself again', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await addPeople(page, [['Grace Hopper', 'Compilers', 'M2']]);
  await sayWhoIAm(page, 'Grace Hopper');
  await page.getByRole('button', { name: 'Load sample program…' }).click();
  await page.getByRole('dialog', { name: 'Load the sample program?' }).getByRole('button', { name: 'Load sample program' }).click();
  await expect(page.getByRole('banner')).toContainText("This is Marcus Oyelaran's Runway");
  await goTo(page, 'Data');
  await page.getByRole('region', { name: 'Kept workspace' }).getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByRole('banner')).toContainText("This is Grace Hopper's Runway");
  // And a redo brings the sample's coach back.
  await page.getByRole('region', { name: 'Kept workspace' }).getByRole('button', { name: 'Redo import' }).click();
  await expect(page.getByRole('banner')).toContainText("This is Marcus Oyelaran's Runway");
  expect(errors).toEqual([]);
});
