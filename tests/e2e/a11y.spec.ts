import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { EXTRA_AXE_RULES, loadSample, nav, seriousViolations, storedWorkspace, refuseWrites, goTo } from './helpers';


for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations on any page (${scheme})`, async ({ page }) => {
    test.slow(); // a dozen full axe scans: near the 30 s default on a busy 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
    expect(await seriousViolations(page), 'empty home').toEqual([]);

    await loadSample(page);
    expect(await seriousViolations(page), 'home').toEqual([]);
    for (const name of ['People', 'Cohorts', 'Data', 'Settings']) {
      await goTo(page, name);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      expect(await seriousViolations(page), name).toEqual([]);
    }
    await page.getByRole('link', { name: 'Runway' }).click();
    await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
    await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
    expect(await seriousViolations(page), 'cohort').toEqual([]);
    await page.getByRole('link', { name: 'Priya Raman' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
    expect(await seriousViolations(page), 'candidate').toEqual([]);
    await goTo(page, 'People');
    await page.getByRole('link', { name: 'Marcus Oyelaran' }).click();
    expect(await seriousViolations(page), 'person').toEqual([]);
    await page.getByRole('button', { name: 'Delete person…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page), 'delete dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await goTo(page, 'Cohorts');
    await page.getByRole('link', { name: 'New cohort' }).click();
    expect(await seriousViolations(page), 'new cohort').toEqual([]);
    // Messages, errors and the import preview.
    await page.getByRole('button', { name: 'Create cohort' }).click(); // no name: refused
    await goTo(page, 'Data');
    await page.getByLabel('Choose a workspace file to import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"x":1}') });
    await expect(page.getByRole('alert').filter({ hasText: 'was not imported' })).toBeVisible();
    expect(await seriousViolations(page), 'import error').toEqual([]);
    const good = await storedWorkspace(page);
    await page.getByLabel('Choose a workspace file to import').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await expect(page.getByRole('region', { name: 'Import preview' })).toBeVisible();
    expect(await seriousViolations(page), 'import preview').toEqual([]);
    await refuseWrites(page);
    await goTo(page, 'Settings');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
    expect(await seriousViolations(page), 'save failure banner').toEqual([]);
  });
}

test('the scans hold visible button words to the start of their accessible names (WCAG 2.5.3)', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'Library');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  // The experimental rule is off unless asked for; the scans ask for it, and it finds buttons here.
  const results = await new AxeBuilder({ page }).options({ rules: EXTRA_AXE_RULES }).analyze();
  const rule = results.passes.find((r) => r.id === 'label-content-name-mismatch');
  expect(rule?.nodes.length ?? 0).toBeGreaterThan(0);
  expect(results.violations.map((v) => v.id)).not.toContain('label-content-name-mismatch');
  // Each "Copy to edit" button's name starts with its visible words.
  const copies = page.getByRole('button', { name: /^Copy to edit: / });
  expect(await copies.count()).toBeGreaterThan(0);
  expect(await seriousViolations(page), 'library').toEqual([]);
});

/** Presses Tab until the focused element's text or label matches; fails after 60 presses. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
    });
    if (label === name) return;
  }
  throw new Error(`could not reach "${name}" with the Tab key`);
}

test('the main journey works from the keyboard alone', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
  await tabTo(page, 'Load sample program');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  await tabTo(page, 'People');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.locator('#main')).toBeFocused(); // focus moved to the new page
  await tabTo(page, 'Lee Chen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Lee Chen' })).toBeVisible();
  await tabTo(page, 'Delete person…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete this person?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Lee Chen' })).toBeVisible();
});

// The answer page a respondent sees, with a request open (no workspace needed).
const request = {
  format: 'runway-request', schema_version: 1,
  request_id: '3f1c2a9e-0000-4000-8000-000000000001', kind: '360',
  subject_id: '3f1c2a9e-0000-4000-8000-000000000002', about: 'Sam', title: 'Spring 360',
  group: 'peer', asked_on: '2027-03-01', due_on: '2027-03-15',
  questions: [
    { id: 'a', text: 'Sets clear expectations.' },
    { id: 'b', text: 'Gives useful feedback.' },
  ],
};
for (const scheme of ['light', 'dark'] as const) {
  test(`the answer page has no serious or critical axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./answer');
    await expect(page.getByRole('heading', { level: 1, name: 'Answer a request' })).toBeVisible();
    expect(await seriousViolations(page), 'empty answer page').toEqual([]);
    await page.getByLabel('Open a request file').setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(request)) });
    await expect(page.getByRole('heading', { level: 2, name: 'Feedback about Sam' })).toBeVisible();
    expect(await seriousViolations(page), 'answer form').toEqual([]);
    await page.getByRole('button', { name: 'Download my answers' }).click(); // nothing chosen: refused
    await expect(page.getByRole('alert')).toContainText('Choose an answer');
    expect(await seriousViolations(page), 'answer refused').toEqual([]);
  });
}
