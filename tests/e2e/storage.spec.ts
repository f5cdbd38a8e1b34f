import { test, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { clearStorage, exportWorkspace, importFile, loadSample, nav, openApp, stored, storedKeys, storedWorkspace, watchErrors, withoutExportedAt, goTo } from './helpers';

test('a 20 MB workspace imports, survives a reload and exports the same', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await loadSample(page);
  const sample = JSON.parse((await exportWorkspace(page)).text);
  // Many more people, each their own: about 20 MB once stored.
  const model = sample.workspace.people[0];
  for (let i = 0; i < 66_000; i++) {
    sample.workspace.people.push({ ...model, id: randomUUID(), name: `Bulk Person ${i}`, email: `bulk.${i}@northwind.example`, team: `Team ${i % 90}` });
  }
  const big = JSON.stringify(sample, null, 2);
  await importFile(page, 'big.json', big);
  await expect(page.getByRole('region', { name: 'Import preview' })).toContainText(/66,?016/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible({ timeout: 60_000 });
  const kept = await storedWorkspace(page);
  expect(kept!.length, 'stored size').toBeGreaterThan(20 * 1024 * 1024);

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 60_000 });
  const first = await exportWorkspace(page);
  expect(JSON.parse(first.text).workspace).toEqual(sample.workspace);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 60_000 });
  const second = await exportWorkspace(page);
  expect(withoutExportedAt(second.text)).toBe(withoutExportedAt(first.text));
  expect(errors).toEqual([]);
});

test('data an earlier version kept in localStorage is moved into IndexedDB, not lost', async ({ page }) => {
  const errors = watchErrors(page);
  const fixture = readFileSync('tests/fixtures/workspace-v7.json', 'utf8');
  const before = JSON.parse(fixture);
  before.workspace.organisation = 'Kept Before The Upgrade';
  const backup = JSON.stringify(before);
  await openApp(page);
  await clearStorage(page);
  // As the previous version left it: everything in localStorage.
  await page.evaluate(([ws, b]) => {
    localStorage.setItem('runway.workspace', ws);
    localStorage.setItem('runway.backup', b);
    localStorage.setItem('runway.quarantine.20261101T090000.000Z', '{"format":"runway-workspace","sch');
  }, [fixture, backup]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();

  // Moved byte for byte, and gone from localStorage.
  expect(await storedWorkspace(page)).toBe(fixture);
  expect(await stored(page, 'runway.backup')).toBe(backup);
  expect(await stored(page, 'runway.quarantine.20261101T090000.000Z')).toBe('{"format":"runway-workspace","sch');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /^runway\.(workspace|backup|quarantine)/.test(k)))).toEqual([]);
  await goTo(page, 'Data');
  await expect(page.getByRole('region', { name: 'Kept workspace' })).toContainText('Kept Before The Upgrade');

  // A tab of the old version writing localStorage after the move: its copy is kept aside.
  const late = JSON.parse(fixture);
  late.workspace.organisation = 'Written By An Old Tab';
  await page.evaluate((t) => localStorage.setItem('runway.workspace', t), JSON.stringify(late));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  const aside = (await storedKeys(page)).find((k) => k.endsWith('-from-runway.workspace'))!;
  expect(aside, 'kept aside').toBeTruthy();
  expect(await stored(page, aside)).toContain('Written By An Old Tab');
  expect(await storedWorkspace(page)).toBe(fixture);
  expect(errors).toEqual([]);
});

test('a change made just before the tab closes is kept, and another open tab takes it in', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await loadSample(a);
  await openApp(b);
  await expect(b.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  await goTo(a, 'Settings');
  await a.getByLabel('Organisation name').fill('Closed At Once');
  await a.getByRole('button', { name: 'Save name' }).click();
  await a.close({ runBeforeUnload: true });
  await expect(b.getByRole('heading', { level: 1, name: 'Closed At Once' })).toBeVisible();
  await expect.poll(() => storedWorkspace(b)).toContain('Closed At Once');
  await b.reload();
  await expect(b.getByRole('heading', { level: 1, name: 'Closed At Once' })).toBeVisible();
});

test('the Data page says where the workspace is kept', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'Data');
  await expect(page.getByText(/in the browser's database \(IndexedDB\)/)).toBeVisible();
  // A save is "Saved" only once IndexedDB has it.
  await goTo(page, 'Settings');
  await page.getByLabel('Organisation name').fill('Committed Corp');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  expect(await storedWorkspace(page)).toContain('Committed Corp');
});
