import { expect, type Page, type Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';

/** Fails the test on any uncaught error in the page (a panic in wasm shows up here). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export async function openApp(page: Page, path = './') {
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function loadSample(page: Page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Load sample program' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
}

export function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path!, 'utf8');
}

/** Clicks the export button on the Data page; returns the file name and text. */
export async function exportWorkspace(page: Page): Promise<{ name: string; text: string }> {
  await nav(page, 'Data').click();
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download backup without a passphrase' }).click();
  const download = await pending;
  return { name: download.suggestedFilename(), text: await downloadText(download) };
}

export async function clickForDownload(page: Page, name: string | RegExp): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const download = await pending;
  return { name: download.suggestedFilename(), text: await downloadText(download) };
}

/** Picks a file in the import control. */
export async function importFile(page: Page, name: string, content: string | Buffer) {
  await nav(page, 'Data').click();
  await page.getByLabel('Choose a workspace file to import').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
}

export async function storedWorkspace(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('runway.workspace'));
}

export function withoutExportedAt(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.includes('"exported_at"'))
    .join('\n');
}

/** Axe rules that are off by default (experimental) but that we hold the app to. */
export const EXTRA_AXE_RULES = {
  // WCAG 2.5.3 Label in Name: a control's visible words are part of its accessible name.
  'label-content-name-mismatch': { enabled: true },
} as const;

/** Axe findings of serious or critical impact on the page as it is, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ rules: EXTRA_AXE_RULES }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Adds people on the People page: [name, team, track level] each. */
export async function addPeople(page: Page, people: ReadonlyArray<readonly [string, string, string]>) {
  await nav(page, 'People').click();
  for (const [name, team, level] of people) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Team', exact: true }).fill(team);
    await page.getByLabel('Track level').selectOption(level);
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
}

/** Settings → "I am" → the person whose name starts the option → "This is me". */
export async function sayWhoIAm(page: Page, name: string) {
  await nav(page, 'Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const value = await page.getByLabel('I am').locator('option', { hasText: name }).getAttribute('value');
  await page.getByLabel('I am').selectOption(value!);
  await page.getByRole('button', { name: 'This is me' }).click();
  await expect(page.getByRole('banner')).toContainText(`This is ${name}'s Runway`);
}

