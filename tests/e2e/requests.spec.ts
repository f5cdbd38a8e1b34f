import { test, expect, type Page, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadSample, nav, watchErrors, storedWorkspace, goTo } from './helpers';

// 360 answers by file: the coach makes a request file, three respondents answer it in their
// own browsers (no workspace), and the coach imports the responses — refused while fewer than
// three, then kept only as totals.

type File = { name: string; mimeType: string; buffer: Buffer };

async function download(page: Page, click: () => Promise<void>): Promise<File> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  const text = readFileSync((await d.path())!, 'utf8');
  return { name: d.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function openPriyaFeedback(page: Page) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByRole('link', { name: 'Priya Raman', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Feedback and health', exact: true }).click();
}

/** One respondent in a browser of their own: opens the request, answers, downloads. */
async function respond(browser: Browser, request: File, score: string, comment: string, viaData: boolean,
  heading = 'Feedback about Priya', group: string | null = 'stakeholder'): Promise<File> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  if (viaData) {
    // The Data page recognises a request file and sends the person to the answer page.
    await page.goto('./data');
    await page.getByLabel('Choose a workspace file to import').setInputFiles(request);
  } else {
    await page.goto('./answer');
    await page.getByLabel('Open a request file').setInputFiles(request);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Answer a request' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Who can read your answers' })).toContainText('whoever receives the file can read it');
  const questions = page.getByRole('group', { name: /^\d+\. / });
  const n = await questions.count();
  expect(n).toBeGreaterThan(2);
  for (let i = 0; i < n; i++) {
    await questions.nth(i).getByRole('radio', { name: new RegExp(`^${score}( |$)`) }).check();
  }
  // The second question from the keyboard: arrow keys move the choice within the group.
  await questions.nth(1).getByRole('radio', { name: new RegExp(`^${score}( |$)`) }).focus();
  await page.keyboard.press('ArrowLeft');
  if (comment) await page.getByLabel('Comment (optional)').fill(comment);
  // The answers are kept as a draft while typing (beside the workspace, never in it).
  await expect.poll(() => page.evaluate(() => localStorage.getItem('runway.drafts') ?? '')).toContain('answer/');
  const file = await download(page, () => page.getByRole('button', { name: 'Download my answers' }).click());
  expect(file.name).toMatch(/^runway-response-[0-9a-f]{8}\.json$/);
  const response = JSON.parse(file.buffer.toString());
  expect(response.format).toBe('runway-response');
  expect(response.group ?? null).toBe(group);
  expect(Object.keys(response).sort()).toEqual(
    ['answers', 'asked_on', 'format', group ? 'group' : 'team', 'kind', 'request_id', 'response_id', 'schema_version', 'subject_id', ...(comment ? ['comment'] : [])].sort(),
  );
  await expect(page.getByRole('status').filter({ hasText: 'Your answers were saved as' })).toBeVisible();
  // Nothing went into this browser's workspace.
  const stored = await storedWorkspace(page);
  expect(stored ?? '').not.toContain('Priya');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('runway.drafts') ?? '')).not.toContain('answer/');
  expect(errors).toEqual([]);
  await context.close();
  return file;
}

test('a 360 request answered by three people comes back only as totals, and only all together', async ({ page, browser }) => {
  test.slow();
  const errors = watchErrors(page);
  await loadSample(page);
  await openPriyaFeedback(page);
  const round = page.getByRole('article', { name: 'Mid-program 360' });
  await round.getByText('Collect answers by file').click();
  await round.getByLabel('Group to ask').selectOption({ label: 'Stakeholders' });
  const request = await download(page, () => round.getByRole('button', { name: 'Make a request file' }).click());
  expect(request.name).toBe('runway-request-360-priya-stakeholders.json');
  const r = JSON.parse(request.buffer.toString());
  expect(r.format).toBe('runway-request');
  expect(r.about).toBe('Priya');
  expect(request.buffer.toString()).not.toContain('Raman');

  const answers = [
    await respond(browser, request, '4', 'Keeps product in the loop early.', false),
    await respond(browser, request, '5', '', false),
    await respond(browser, request, '2', 'Unique words only one person wrote.', true),
  ];
  const before = await storedWorkspace(page);

  // Two responses: refused next to the control, and nothing of them is stored.
  await round.getByLabel('Import responses').setInputFiles(answers.slice(0, 2));
  const refused = round.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(refused).toContainText('Only 2 new responses from stakeholders');
  await expect(refused).toContainText('at least 3');
  expect(await storedWorkspace(page)).toBe(before);
  await expect(round.getByRole('columnheader', { name: 'Stakeholders' })).toHaveCount(0);

  // All three: taken as totals.
  await round.getByLabel('Import responses').setInputFiles(answers);
  await expect(round.getByRole('status').filter({ hasText: 'Added 3 responses from stakeholders to the totals (now 3).' })).toBeVisible();
  await expect(round.getByRole('columnheader', { name: 'Stakeholders' })).toBeVisible();
  await expect(round.getByText('10 responses: 3 from direct reports, 4 from peers, 3 from stakeholders.')).toBeVisible();
  await expect(round.getByRole('heading', { name: 'Comments from stakeholders' })).toBeVisible();
  // Stored: the group's counts per score, never a response.
  await expect.poll(() => storedWorkspace(page).then((t) => t ?? '')).toContain('"aggregates"');
  const ws = JSON.parse((await storedWorkspace(page))!).workspace;
  const stored = ws.feedback_rounds.find((x: { title: string }) => x.title === 'Mid-program 360');
  expect(stored.responses).toHaveLength(7);
  expect(stored.aggregates).toHaveLength(1);
  expect(stored.aggregates[0].responses).toBe(3);
  expect(JSON.stringify(stored.aggregates)).not.toContain('"answers"');
  // The same files again count once: refused, as nothing is new.
  await round.getByLabel('Import responses').setInputFiles(answers);
  await expect(round.getByRole('alert').filter({ hasText: '3 responses already counted' })).toBeVisible();
  await expect(round.getByText('10 responses:')).toBeVisible();
  // The one-page summary shows the totals with the rest.
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Readiness', exact: true }).click();
  await page.getByRole('link', { name: /one-page summary/i }).click();
  await expect(page.getByRole('columnheader', { name: 'Stakeholders' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a wrong file on the answer page gets a plain message', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./answer');
  await page.getByLabel('Open a request file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByRole('alert')).toContainText('notes.json could not be opened. This is a JSON file, but not a Runway request file');
  await page.getByLabel('Open a request file').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "runway-req') });
  await expect(page.getByRole('alert')).toContainText('cut.json could not be opened. This file ends too early');
  expect(errors).toEqual([]);
});

test('a team health request comes back as a check with the mean per dimension', async ({ page, browser }) => {
  test.slow();
  const errors = watchErrors(page);
  await loadSample(page);
  await openPriyaFeedback(page);
  await page.getByText('Collect answers by file').nth(1).click();
  const form = page.getByRole('form', { name: 'Make a team health request file' });
  await expect(form.getByLabel('Team')).toHaveValue('Fulfilment on-call squad');
  const request = await download(page, () => form.getByRole('button', { name: 'Make a request file' }).click());
  expect(request.name).toBe('runway-request-health-priya.json');
  const heading = 'Team health: Fulfilment on-call squad';
  const answers = [
    await respond(browser, request, '4', '', false, heading, null),
    await respond(browser, request, '5', 'Standups run long.', false, heading, null),
    await respond(browser, request, '2', '', false, heading, null),
  ];
  const imports = page.getByLabel('Import responses').last();
  await imports.setInputFiles(answers.slice(1));
  await expect(page.locator('.response-import').last().getByRole('alert')).toContainText('Only 2 new responses for the team');
  await imports.setInputFiles(answers);
  // Said next to the control (and in the flash line).
  await expect(page.locator('.response-import').last().getByRole('status')).toHaveText('Made a team health check from 3 responses.');
  // (4 + 5 + 2) / 3 for every dimension but the second, answered from the keyboard one lower.
  const card = page.locator('.health-list li').first();
  await expect(card).toContainText('Psychological safety: 3.67');
  await expect(card).toContainText('Clarity: 2.67');
  await expect(card).toContainText('3 people answered.');
  await expect(card).toContainText('Standups run long.');
  expect(errors).toEqual([]);
});
