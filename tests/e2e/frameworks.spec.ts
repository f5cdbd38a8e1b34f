import { test, expect, type Page } from '@playwright/test';
import { clickForDownload, exportWorkspace, importFile, loadSample, nav, openApp, seriousViolations, watchErrors, goTo } from './helpers';

/** Copies a built-in framework from the library under `name`; ends on the copy's page, editing. */
async function copyBuiltin(page: Page, builtin: string, name: string) {
  await goTo(page, 'Frameworks');
  await page.getByRole('button', { name: `Copy to edit: ${builtin}` }).click();
  const nameField = page.getByLabel('Name of the copy');
  await expect(nameField).toHaveValue(`Copy of ${builtin}`);
  await nameField.fill(name);
  await page.getByRole('button', { name: 'Make the copy' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit framework' })).toBeVisible();
}

function grid(page: Page) {
  return page.getByRole('table', { name: /what each domain looks like at each level/ });
}

/** Picks a file in the framework import control. */
async function importFramework(page: Page, name: string, text: string) {
  await goTo(page, 'Frameworks');
  await page.getByLabel('Import a framework').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('copy the MiT rubric, edit it, and the edits survive a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await copyBuiltin(page, 'MiT readiness rubric', 'Our MiT rubric');
  await expect(page.locator('.based-on')).toHaveText('Based on MiT readiness rubric');

  await page.getByLabel('Framework name').fill('Northwind MiT rubric');
  await page.getByLabel('Domain 1 name').fill('Clear communication');
  await page.getByRole('button', { name: 'Add a domain' }).click();
  await page.getByLabel('Domain 6 name').fill('Stakeholder management');
  await page.getByLabel('Domain 6 summary').fill('Keeps the people around the team informed and on side.');
  await page.getByLabel('Stakeholder management at Developing').fill('Answers stakeholders when they ask.');
  await page.getByLabel('Stakeholder management at Competent').fill('Tells stakeholders early what changes.');
  await page.getByLabel('Stakeholder management at Ready').fill('Stakeholders plan around what they say.');
  await page.getByRole('button', { name: 'Drop the level Ready' }).click();
  await expect(page.getByLabel('Level 3 name')).toHaveCount(0);
  await page.getByLabel('Coaching and feedback at Competent').fill('Gives specific feedback every week and checks back on it.');
  await page.getByRole('button', { name: 'Save framework' }).click();
  await expect(page.getByText('Saved “Northwind MiT rubric”.')).toBeVisible();
  await expect(page.getByText('Saved in this browser')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind MiT rubric' })).toBeVisible();
  await expect(page).not.toHaveURL(/edit/);
  const g = grid(page);
  await expect(g.getByRole('columnheader')).toHaveText(['Domain', 'Developing', 'Competent']);
  await expect(g.getByRole('rowheader', { name: /Clear communication/ })).toBeVisible();
  const coaching = g.getByRole('row', { name: /Coaching and feedback/ });
  await expect(coaching.getByRole('cell').nth(1)).toHaveText('Gives specific feedback every week and checks back on it.');
  const stakeholders = g.getByRole('row', { name: /Stakeholder management/ });
  await expect(stakeholders.getByRole('rowheader')).toContainText('Keeps the people around the team informed and on side.');
  await expect(stakeholders.getByRole('cell')).toHaveText(['Answers stakeholders when they ask.', 'Tells stakeholders early what changes.']);
  await expect(page.getByText('6 domains × 2 levels')).toBeVisible();

  // The library lists it under the workspace's own, based on the rubric; the built-in is unchanged.
  await goTo(page, 'Frameworks');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Northwind MiT rubric' }) });
  await expect(card).toContainText('Based on MiT readiness rubric');
  await expect(card).toContainText('6 domains × 2 levels · Not used yet');
  await page.getByRole('link', { name: 'MiT readiness rubric', exact: true }).click();
  await expect(grid(page).getByRole('columnheader')).toHaveText(['Domain', 'Developing', 'Competent', 'Ready']);
  await expect(page.getByRole('button', { name: 'Edit framework' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('export a framework and import it: the same file changes nothing, a changed one comes in as a copy', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await copyBuiltin(page, 'Four parts of an EM\'s job', 'Our four parts');
  await page.getByRole('button', { name: 'Cancel' }).click();
  const file = await clickForDownload(page, 'Export this framework');
  expect(file.name).toBe('runway-framework-our-four-parts.json');
  const json = JSON.parse(file.text);
  expect(json.format).toBe('runway-framework');
  expect(json.schema_version).toBeGreaterThanOrEqual(4);
  expect(json.framework.name).toBe('Our four parts');
  expect(json.framework.domains.map((d: { name: string }) => d.name)).toEqual(['People', 'Culture', 'Delivery', 'Technology']);

  await importFramework(page, file.name, file.text);
  await expect(page.locator('.fw-import').getByRole('status').filter({ hasText: 'Nothing to import' })).toContainText('“Our four parts” is already here');

  json.framework.summary = 'Changed in another workspace.';
  await importFramework(page, 'changed.json', JSON.stringify(json));
  const status = page.locator('.fw-import').getByRole('status').filter({ hasText: 'came in as a copy' });
  await expect(status).toContainText('already here (“Our four parts”)');
  await expect(status).toContainText('“Our four parts (imported)”');
  await status.getByRole('link', { name: 'Open “Our four parts (imported)”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our four parts (imported)' })).toBeVisible();
  await expect(page.getByText('Changed in another workspace.')).toBeVisible();
  await expect(page.locator('.based-on')).toHaveText('Based on Our four parts');

  // A framework with a new id goes in as it is.
  json.framework.id = '6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5';
  json.framework.name = 'Shared by Sam';
  await importFramework(page, 'sam.json', JSON.stringify(json));
  await expect(page.locator('.fw-import').getByRole('status')).toContainText('Imported “Shared by Sam”.');
  await page.getByRole('link', { name: 'Open “Shared by Sam”' }).click();
  await expect(page).toHaveURL(/frameworks\/6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5/);

  // Bad files say what is wrong and change nothing.
  await importFramework(page, 'workspace.json', JSON.stringify({ format: 'runway-workspace', schema_version: 4, workspace: {} }));
  await expect(page.getByRole('alert')).toContainText('This is a workspace file, not a single framework: import it on the Data page.');
  await importFramework(page, 'broken.json', '{ "format": "runway-framework", ');
  await expect(page.getByRole('alert')).toContainText('ends too early');
  json.framework.levels[0].name = 42;
  await importFramework(page, 'field.json', JSON.stringify(json));
  await expect(page.getByRole('alert')).toContainText('broken field: framework.levels[0].name');
  await expect(page.locator('.fw-cards').nth(1).getByRole('listitem')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('what changes from one level to the next', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await goTo(page, 'Frameworks');
  await page.getByRole('link', { name: 'MiT readiness rubric' }).click();
  const steps = page.getByRole('table', { name: 'What changes from Developing to Competent' });
  const comm = steps.getByRole('row', { name: /^Communication/ });
  await expect(comm.getByRole('cell').nth(0)).toHaveText('Explains well one to one, but group discussions end without a clear outcome; every audience hears the same message.');
  // "the" is in both texts, so it is the one run not highlighted; a screen reader hears
  // "new:" before each highlighted run.
  await expect(comm.getByRole('cell').nth(1)).toHaveText('new: People leave their meetings knowing what was decided and who does what; the new: level of detail changes for engineers, product and leadership.');
  await expect(comm.getByRole('cell').nth(1).locator('mark')).toHaveText([
    'new: People leave their meetings knowing what was decided and who does what;',
    'new: level of detail changes for engineers, product and leadership.',
  ]);
  await expect(comm.getByRole('cell').nth(0).locator('mark')).toHaveCount(0);

  await page.getByRole('button', { name: 'Competent → Ready' }).click();
  await expect(page.getByRole('button', { name: 'Competent → Ready' })).toHaveAttribute('aria-pressed', 'true');
  const up = page.getByRole('table', { name: 'What changes from Competent to Ready' });
  await expect(up.getByRole('row', { name: /^Operational skills/ }).getByRole('cell').nth(1)).toHaveText('The new: team\'s rhythm holds without them in the new: room; escalations come early, are well framed and surprise nobody.');
  await expect(up.getByRole('row', { name: 'Level guidance' }).getByRole('cell').nth(1)).toHaveText('Does it new: under pressure and new: others notice; ready to carry it as a manager.');

  // The ladder's guidance: the new training hours are highlighted, the shared words are not.
  await goTo(page, 'Frameworks');
  await page.getByRole('link', { name: 'Leadership ladder' }).click();
  await page.getByLabel('From level').selectOption({ label: 'Junior manager' });
  await page.getByLabel('To level').selectOption({ label: 'Senior manager' });
  const guidance = page.getByRole('table', { name: 'What changes from Junior manager to Senior manager' }).getByRole('row', { name: 'Level guidance' });
  await expect(guidance.getByRole('cell').nth(1).locator('mark').filter({ hasText: /^new: 16$/ })).toHaveCount(1);
  await expect(guidance.getByRole('cell').nth(1).locator('mark').filter({ hasText: /Training/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('dropping a domain an assessment uses retires it, and it can come back', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await copyBuiltin(page, 'MiT readiness rubric', 'Rubric in use');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible();

  // An assessment rating Communication against the copy, put in through a workspace file.
  const exported = await exportWorkspace(page);
  const file = JSON.parse(exported.text);
  const ws = file.workspace;
  const fw = ws.frameworks.find((f: { name: string }) => f.name === 'Rubric in use');
  ws.assessments = [...(ws.assessments ?? []), {
    id: '0c0ffee0-0000-4000-8000-000000000001',
    candidate_id: ws.candidates[0].id,
    framework_id: fw.id,
    on: '2026-11-20',
    rater_id: ws.people[0].id,
    role: 'coach',
    ratings: [{ domain_id: fw.domains[0].id, level_id: fw.levels[0].id }],
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
  }];
  await importFile(page, 'with-assessment.json', JSON.stringify(file));
  await page.getByRole('button', { name: 'Replace my workspace' }).click();

  await goTo(page, 'Frameworks');
  await page.getByRole('link', { name: 'Rubric in use' }).click();
  await expect(page.getByText('5 domains × 3 levels · Used by 1 assessment')).toBeVisible();
  await page.getByRole('button', { name: 'Edit framework' }).click();
  await page.getByRole('button', { name: 'Drop the domain Communication' }).click();
  await page.getByRole('button', { name: 'Drop the domain Operational skills' }).click();
  const notes = page.getByRole('status').filter({ hasText: 'When you save' });
  await expect(notes).toContainText('Communication is used by 1 assessment: it will be retired, so old assessments stay readable.');
  await expect(notes).not.toContainText('Operational skills');
  await expect(page.getByLabel('Domain 1 name')).toHaveAttribute('readonly', '');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save framework' }).click();
  await expect(page.getByText('Saved “Rubric in use”.')).toBeVisible();

  const row = grid(page).getByRole('row', { name: /Communication/ });
  await expect(row.getByRole('rowheader')).toContainText('Retired');
  await expect(grid(page).getByRole('rowheader', { name: /Operational skills/ })).toHaveCount(0);
  await expect(page.getByText('3 domains × 3 levels')).toBeVisible();
  // Deleting a framework in use is refused with the reason.
  await page.getByRole('button', { name: 'Delete framework…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete framework' }).click();
  await expect(page.getByText(/in use by 1 assessment/)).toBeVisible();

  await page.getByRole('button', { name: 'Edit framework' }).click();
  await page.getByRole('button', { name: 'Bring back the domain Communication' }).click();
  await page.getByRole('button', { name: 'Save framework' }).click();
  await expect(grid(page).getByRole('row', { name: /Communication/ }).getByRole('rowheader')).not.toContainText('Retired');
  await expect(page.getByText('4 domains × 3 levels')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the frameworks pages pass an accessibility scan', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Frameworks');
  await expect(page.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Leadership ladder' }).click();
  await expect(page.getByRole('table', { name: /What changes from/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await copyBuiltin(page, 'Management track (M1–M3)', 'Our track');
  await page.getByRole('button', { name: 'Add a domain' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('adding a part focuses its name, and the level comparison follows a saved drop', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await copyBuiltin(page, 'MiT readiness rubric', 'Three-step rubric');
  await page.getByRole('button', { name: 'Add a domain' }).click();
  await expect(page.getByLabel('Domain 6 name')).toBeFocused();
  await page.keyboard.type('Hiring');
  await page.getByRole('button', { name: 'Add a level' }).click();
  await expect(page.getByLabel('Level 4 name')).toBeFocused();
  await page.keyboard.type('Senior');
  await page.getByRole('button', { name: 'Drop the level Developing' }).click();
  await page.getByRole('button', { name: 'Save framework' }).click();
  await expect(page.getByText('Saved “Three-step rubric”.')).toBeVisible();
  // The comparison picks again from the saved levels, without a reload.
  await expect(page.getByText('Pick two different levels to compare.')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'What changes from Competent to Ready' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Competent → Ready' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('From level')).toHaveValue(await page.getByLabel('From level').locator('option', { hasText: 'Competent' }).getAttribute('value') ?? '');
  expect(errors).toEqual([]);
});

test('a framework file missing its levels says so in plain words', async ({ page }) => {
  await openApp(page);
  const file = { format: 'runway-framework', schema_version: 1, app_version: '0.1.0', exported_at: '2026-11-21T09:30:00Z',
    framework: { id: '00000000-0000-4000-8000-000000000001', name: 'Half a rubric', summary: '', domains: [], descriptors: [],
      created_at: '2026-11-21T09:30:00Z', updated_at: '2026-11-21T09:30:00Z' } };
  await importFramework(page, 'half.json', JSON.stringify(file));
  await expect(page.getByText('The file\'s framework has no levels (framework.levels is missing).')).toBeVisible();
});
