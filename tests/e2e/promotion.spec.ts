import { test, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { clickForDownload, importFile, loadSample, nav, openApp, sayWhoIAm, seriousViolations, watchErrors, storedWorkspace, goTo } from './helpers';

const DANA = 'Dana Whitfield';
const MARCUS = 'Marcus Oyelaran';

async function openPerson(page: Page, name: string) {
  await goTo(page, 'People');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** From the person's page: starts a case sponsored by Dana; ends on the case page. */
async function startCase(page: Page, person: string, to?: string) {
  await openPerson(page, person);
  await page.locator('summary', { hasText: 'Start a promotion case' }).click();
  const form = page.getByRole('form', { name: 'Start a promotion case' });
  if (to) await form.getByLabel('To level').selectOption(to);
  const dana = await form.getByRole('combobox', { name: /^Sponsor/ }).locator('option', { hasText: DANA }).getAttribute('value');
  await form.getByRole('combobox', { name: /^Sponsor/ }).selectOption(dana!);
  await form.getByLabel('If the sponsor is a skip-level manager: why').fill('Dana sponsors the whole program.');
  await form.getByLabel('Target cycle').fill('2027 H1');
  await form.getByRole('button', { name: 'Start the case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${person}: `);
}

function slot(page: Page, kind: string) {
  return page.getByRole('listitem', { name: `Letter slot: ${kind}` });
}

/** Names who is asked for one slot. */
async function nameWriter(page: Page, kind: string, writer: string, role: string) {
  const card = slot(page, kind);
  await card.locator('summary', { hasText: 'Edit who is asked' }).click();
  await card.getByLabel("Writer's name").fill(writer);
  await card.getByLabel('Their role').fill(role);
  await card.getByRole('button', { name: 'Save the slot' }).click();
  await expect(slot(page, kind)).toContainText(writer);
}

async function step(page: Page, label: string) {
  const form = page.getByRole('form', { name: 'Take the next step' });
  await form.getByLabel('Next step').selectOption({ label });
  await form.getByRole('button', { name: 'Record the step' }).click();
}

test('a letter travels by file: the sponsor asks, the writer writes in a fresh browser, the letter fills its slot', async ({ browser }) => {
  test.slow(); // three browsers, each fetching and compiling the app and its pages' chunks
  const sponsorContext = await browser.newContext();
  const writerContext = await browser.newContext();
  const committeeContext = await browser.newContext();
  const sponsor = await sponsorContext.newPage();
  const writer = await writerContext.newPage();
  const member = await committeeContext.newPage();
  const errors = [...watchErrors(sponsor), ...watchErrors(writer), ...watchErrors(member)];

  await loadSample(sponsor);
  await sayWhoIAm(sponsor, DANA);
  await startCase(sponsor, 'Beatriz Costa');
  await expect(sponsor.getByRole('region', { name: 'Letters missing' })).toContainText('No letter yet for “Same-team senior engineer”');
  await nameWriter(sponsor, 'Same-team senior engineer', 'Ana Lima', 'Staff engineer, Payments');
  const request = await clickForDownload(sponsor, 'Download the request file for Ana Lima');
  expect(request.name).toBe('runway-letter-request-beatriz-costa-ana-lima.json');
  // The request carries the applicant's name, the role and what to speak to: nothing else.
  const asked = JSON.parse(request.text);
  expect(asked.applicant).toBe('Beatriz Costa');
  expect(request.text).not.toContain('Dana');
  await expect(slot(sponsor, 'Same-team senior engineer')).toContainText('Asked');
  await expect(sponsor.getByRole('heading', { level: 1 }).locator('..')).toContainText('Letters requested');

  // The writer has no workspace: the Data page sends the request to the writer's page.
  await openApp(writer);
  await importFile(writer, request.name, request.text);
  await expect(writer.getByRole('heading', { level: 1, name: 'Write a letter' })).toBeVisible();
  await expect(writer.getByRole('heading', { name: 'A letter for Beatriz Costa' })).toBeVisible();
  await writer.getByLabel('Your role').fill('Staff engineer');
  await writer.getByLabel('Your letter').fill('Beatriz turned the refund-flow rewrite around.\n\nShe asks the question nobody else asks.');
  // A reload keeps the draft.
  await writer.waitForTimeout(600);
  await writer.reload();
  await expect(writer.getByLabel('Your letter')).toHaveValue(/refund-flow rewrite/);
  const letter = await clickForDownload(writer, 'Download my letter');
  expect(letter.name).toBe('runway-letter-beatriz-costa-ana-lima.json');
  expect(await storedWorkspace(writer)).toBeNull();

  // Back with the sponsor: the letter fills the slot.
  await sponsor.getByLabel('Add letter files').setInputFiles({ name: letter.name, mimeType: 'application/json', buffer: Buffer.from(letter.text) });
  await expect(slot(sponsor, 'Same-team senior engineer')).toContainText('In: Ana Lima');
  await expect(sponsor.getByRole('region', { name: 'Letters missing' })).not.toContainText('Same-team senior engineer');
  // The same file again changes nothing.
  await sponsor.getByLabel('Add letter files').setInputFiles({ name: letter.name, mimeType: 'application/json', buffer: Buffer.from(letter.text) });
  await expect(sponsor.getByRole('alert').filter({ hasText: 'already in the case' })).toBeVisible();

  // A second letter from the same writer: both show until the sponsor keeps the newer.
  await writer.getByLabel('Your letter').fill('Beatriz turned the refund-flow rewrite around, and grew two engineers while doing it.');
  const second = await clickForDownload(writer, 'Download my letter');
  await sponsor.getByLabel('Add letter files').setInputFiles({ name: second.name, mimeType: 'application/json', buffer: Buffer.from(second.text) });
  await expect(slot(sponsor, 'Same-team senior engineer')).toContainText('2 letters came in for this slot');
  await slot(sponsor, 'Same-team senior engineer').getByRole('button', { name: 'Keep the newer letter only' }).click();
  await expect(slot(sponsor, 'Same-team senior engineer')).not.toContainText('2 letters came in');
  await slot(sponsor, 'Same-team senior engineer').locator('summary', { hasText: 'Read the letter from Ana Lima' }).click();
  await expect(slot(sponsor, 'Same-team senior engineer')).toContainText('grew two engineers');

  // The applicant's file never carries letters; the committee's does.
  await sponsor.getByText('Export a file for the applicant…').click();
  const applicantFile = await clickForDownload(sponsor, 'Download shared file');
  expect(JSON.parse(applicantFile.text).workspace.letters ?? []).toEqual([]);
  expect(applicantFile.text).not.toContain('grew two engineers');
  await sponsor.getByText('Export a file for the committee…').click();
  const committeeFile = await sponsor.getByRole('region', { name: 'Share preview' }).last().getByRole('button', { name: 'Download shared file' });
  const pending = sponsor.waitForEvent('download');
  await committeeFile.click();
  const download = await pending;
  const committeeText = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(committeeText).workspace.letters.length).toBe(1);

  // A committee member opens the package in their own browser and reads the letter.
  await openApp(member);
  await importFile(member, download.suggestedFilename(), committeeText);
  await member.getByRole('button', { name: 'Replace my workspace' }).click();
  await goTo(member, 'Promotions');
  await member.getByRole('link', { name: 'Beatriz Costa' }).click();
  await slot(member, 'Same-team senior engineer').locator('summary', { hasText: 'Read the letter from Ana Lima' }).click();
  await expect(slot(member, 'Same-team senior engineer')).toContainText('grew two engineers');
  expect(await seriousViolations(sponsor)).toEqual([]);
  expect(await seriousViolations(writer)).toEqual([]);
  expect(errors).toEqual([]);
  await sponsorContext.close();
  await writerContext.close();
  await committeeContext.close();
});

/** A letter file answering a request, as the writer's page makes it. */
function letterFor(requestText: string, writer: string, body: string): string {
  const r = JSON.parse(requestText);
  return JSON.stringify({
    format: 'runway-letter', schema_version: 1, case_id: r.case_id, slot_id: r.slot_id,
    organisation: r.organisation, applicant: r.applicant, kind: r.kind, letter_id: randomUUID(),
    writer, writer_role: '', body, written_on: new Date().toISOString().slice(0, 10),
  });
}

test('submit is refused with what is missing; the committee reads blind, reveals, says “not yet”; the plan comes up in the next 1:1', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await sayWhoIAm(page, DANA);
  await startCase(page, 'Priya Raman');
  await step(page, 'Ready to submit');
  await step(page, 'Submitted');
  const refusal = page.getByRole('form', { name: 'Take the next step' }).getByRole('alert');
  await expect(refusal).toContainText("the applicant's document is not started");
  await expect(refusal).toContainText("no sponsor's letter yet");
  const missing = page.getByRole('region', { name: 'Before it can be submitted' });
  await page.getByRole('button', { name: 'Start the document' }).click();
  await expect(missing).toContainText('Section “Background” is empty.');
  await expect(missing).toContainText('0 of at least 2 new-grad mentees named.');
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Ready to submit');

  // The document, written in full.
  for (const section of ['Background', 'Statement of intent', 'Alignment with the competency framework', 'Technical leadership across components', 'Mentoring and coaching', 'Scope of responsibilities', 'Cross-functional collaboration', "Alignment with the organisation's values", 'Summary']) {
    await page.getByRole('textbox', { name: section, exact: true }).fill(`${section}: written by Priya.`);
  }
  for (const n of [1, 2]) {
    await page.getByRole('button', { name: 'Add a project' }).click();
    await page.getByLabel(`Project ${n} title`).fill(`Project ${n}`);
    await page.getByLabel(`Project ${n}: overview`).fill('The problem.');
    await page.getByLabel(`Project ${n}: roles and responsibilities`).fill('My part.');
    await page.getByLabel(`Project ${n}: results and impact`).fill('What changed.');
  }
  await page.getByRole('button', { name: 'Add a new-grad hire' }).click();
  await page.getByRole('button', { name: 'Add a new-grad hire' }).click();
  await page.getByRole('button', { name: 'Add an intern' }).click();
  await page.getByLabel('Person 1', { exact: true }).fill('Sam');
  await page.getByLabel('Person 2', { exact: true }).fill('Lou');
  await page.getByLabel('Person 3', { exact: true }).fill('Kit');
  await page.getByRole('button', { name: 'Save the document' }).click();
  await expect(page.getByRole('region', { name: 'Before it can be submitted' })).not.toContainText('section');

  // Three letters by file and the sponsor's own.
  const letters: { name: string; mimeType: string; buffer: Buffer }[] = [];
  for (const [kind, who] of [['Same-team senior engineer', 'Ana Lima'], ['Product or program partner', 'Ben Ode'], ['Outside the team', 'Cy Park']]) {
    await nameWriter(page, kind, who, 'Colleague');
    const r = await clickForDownload(page, `Download the request file for ${who}`);
    letters.push({ name: `${who}.json`, mimeType: 'application/json', buffer: Buffer.from(letterFor(r.text, who, `${who} recommends Priya.`)) });
  }
  await page.getByLabel('Add letter files').setInputFiles(letters);
  await expect(slot(page, 'Outside the team')).toContainText('In: Cy Park');
  const sponsorLetter = page.getByRole('form', { name: "The sponsor's letter" });
  await sponsorLetter.getByLabel('Letter').fill('I have sponsored Priya for a year.');
  await sponsorLetter.getByRole('button', { name: "Save the sponsor's letter" }).click();
  await expect(page.getByRole('region', { name: 'Before it can be submitted' })).toContainText('The package is complete');
  await step(page, 'Submitted');
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Submitted');
  await step(page, 'In debrief');

  // Two participants; each reads blind.
  const setup = page.getByRole('form', { name: "The debrief's participants and day" });
  await setup.getByLabel(DANA).check();
  await setup.getByLabel(MARCUS).check();
  await setup.getByRole('button', { name: 'Save the participants' }).click();
  const mine = page.getByRole('form', { name: 'Your read' });
  await mine.getByLabel('Your read').selectOption({ label: 'Not yet' });
  await mine.getByLabel('Why').fill('Strategy is thin: one quarter of evidence.');
  await mine.getByRole('button', { name: 'Record my read' }).click();
  await expect(page.getByRole('list', { name: 'Reads' })).toContainText('Strategy is thin');
  // Revealing before every read is in is refused.
  await page.getByRole('button', { name: 'Reveal every read' }).click();
  await expect(page.getByText(/still to come: Marcus Oyelaran/).first()).toBeVisible();
  // Marcus, at the same screen: Dana's read is recorded but hidden from him.
  await page.getByLabel('Viewing as').selectOption({ label: MARCUS });
  const reads = page.getByRole('list', { name: 'Reads' });
  await expect(reads).toContainText('read recorded (hidden until the reveal)');
  await expect(reads).not.toContainText('Strategy is thin');
  await mine.getByLabel('Your read').selectOption({ label: 'Recommend' });
  await mine.getByLabel('Why').fill('Her team ships and stays healthy.');
  await mine.getByRole('button', { name: 'Record my read' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Stop acting' }).click();
  await page.getByRole('button', { name: 'Reveal every read' }).click();
  await expect(reads).toContainText('Strategy is thin');
  await expect(reads).toContainText('Her team ships');

  // "Not yet" needs its data points; each becomes a gap.
  const decision = page.getByRole('form', { name: 'The decision' });
  await decision.getByRole('combobox', { name: /^Decision/ }).selectOption({ label: 'Not yet' });
  await decision.getByLabel('Reasons (the applicant reads them)').fill('Close, but not yet across every domain.');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decision.getByRole('alert')).toContainText('lists the data points');
  await decision.getByLabel(/^Data points behind/).fill('Strategy evidence covers one quarter\nNo cross-team initiative led yet');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Not yet');
  const plan = page.getByRole('region', { name: 'Plan to close the gaps' });
  await expect(plan.getByRole('listitem')).toHaveCount(2);
  await plan.getByLabel('Gap 1: next step').fill('Run the Q1 planning offsite for Returns');
  await plan.getByLabel('Gap 1: target cycle').fill('2027 H2');
  await plan.getByRole('button', { name: 'Save gap 1' }).click();
  await expect(plan).not.toContainText('gap 1 needs');

  // The plan shows on her page, and its next step comes up in her next 1:1.
  await openPerson(page, 'Priya Raman');
  await expect(page.getByRole('region', { name: 'Promotion' })).toContainText('Run the Q1 planning offsite for Returns');
  await page.getByRole('link', { name: /^MiT / }).first().click();
  await page.getByRole('link', { name: '1:1s' }).click();
  await page.locator('summary', { hasText: 'Log a 1:1' }).click();
  const fromPlan = page.getByRole('region', { name: 'From the promotion plan' });
  await expect(fromPlan).toContainText('Promotion plan: Run the Q1 planning offsite for Returns');
  await fromPlan.getByRole('button', { name: "Add them to this 1:1's follow-ups" }).click();
  await expect(page.getByRole('form', { name: 'New 1:1' }).getByLabel(/Follow-ups/)).toHaveValue(/Promotion plan: Run the Q1 planning offsite/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the package prints and downloads as Markdown with its sections in order', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await sayWhoIAm(page, DANA);
  await startCase(page, 'Marcus Oyelaran');
  await page.getByRole('button', { name: 'Start the document' }).click();
  await page.getByRole('textbox', { name: 'Background', exact: true }).fill('# Not a heading\nTen years in logistics.');
  await page.getByRole('button', { name: 'Save the document' }).click();
  const md = await clickForDownload(page, 'Download as Markdown');
  expect(md.name).toMatch(/^runway-promotion-marcus-oyelaran-\d{4}-\d{2}-\d{2}\.md$/);
  const headings = md.text.split('\n').filter((l) => /^#{1,6} /.test(l));
  const order = ['# Promotion package: Marcus Oyelaran, M2 → M3', '## Evidence summary', "## The applicant's document", '### Overview', '#### Background', '### Alignment with the competency framework', '### Selected projects and initiatives', '### Summary', '## Recommendation letters', "## The sponsor's letter", '## Decision'];
  let at = -1;
  for (const h of order) {
    const i = headings.indexOf(h);
    expect(i, h).toBeGreaterThan(at);
    at = i;
  }
  expect(headings).not.toContain('# Not a heading');
  expect(md.text).toContain('\\# Not a heading');
  await page.getByRole('link', { name: 'Print view' }).click();
  const pkg = page.locator('article.package');
  await expect(pkg.getByRole('heading', { level: 1 })).toHaveText('Promotion package: Marcus Oyelaran, M2 → M3');
  await expect(pkg.getByRole('heading', { level: 4, name: 'Background' })).toBeVisible();
  await expect(pkg).toContainText('# Not a heading');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
