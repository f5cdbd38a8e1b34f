import { test, expect } from '@playwright/test';
import { clickForDownload, exportWorkspace, importFile, loadSample, nav, openApp, storedWorkspace, watchErrors, withoutExportedAt, clearStorage, putStored, storedKeys, stored, refuseWrites, goTo } from './helpers';
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A file of `size` bytes that takes no disk space (the app refuses it by its size alone). */
function sparseFile(size: number): string {
  const path = join(tmpdir(), `runway-too-large-${process.pid}.json`);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

test('export → clear site data → import → a second export is identical but for exported_at', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  const first = await exportWorkspace(page);
  expect(first.name).toMatch(/^runway-northwind-logistics-\d{4}-\d{2}-\d{2}\.json$/);
  expect(first.text.startsWith('{\n  "format": "runway-workspace",\n  "schema_version": 7,')).toBe(true);

  await clearStorage(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  await goTo(page, 'Cohorts');
  await expect(page.getByText('No cohorts yet.')).toBeVisible();

  await importFile(page, first.name, first.text);
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('Northwind Logistics');
  await expect(preview.getByRole('definition').nth(1)).toHaveText('16');
  await preview.getByRole('button', { name: 'Replace my workspace' }).click();
  await expect(page.getByText('Imported Northwind Logistics.')).toBeVisible();

  const second = await exportWorkspace(page);
  expect(withoutExportedAt(second.text)).toBe(withoutExportedAt(first.text));
  expect(errors).toEqual([]);
});

test('import by drag and drop shows the same preview', async ({ page }) => {
  await loadSample(page);
  const { text } = await exportWorkspace(page);
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('region', { name: 'Import preview' })).toContainText('Northwind Logistics');
});

test('import then undo brings the previous workspace back', async ({ page }) => {
  await loadSample(page);
  const { text } = await exportWorkspace(page);
  // A different workspace: rename the organisation and import over it.
  const other = text.replace('"organisation": "Northwind Logistics"', '"organisation": "Contoso Widgets"');
  await importFile(page, 'contoso.json', other);
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: 'Runway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contoso Widgets' })).toBeVisible();

  await goTo(page, 'Data');
  await expect(page.getByRole('region', { name: 'Kept workspace' })).toContainText('Northwind Logistics — 16 people, 2 cohorts, 6 candidates');
  await page.getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByText('your workspace is back')).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Runway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();

  // Nothing was thrown away: the imported workspace is kept in turn, and can come back.
  await goTo(page, 'Data');
  await expect(page.getByRole('region', { name: 'Kept workspace' })).toContainText('Contoso Widgets');
  await page.getByRole('button', { name: 'Redo import' }).click();
  await page.getByRole('link', { name: 'Runway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contoso Widgets' })).toBeVisible();
});

test('undo after edits made since the import keeps those edits too', async ({ page }) => {
  await loadSample(page);
  const { text } = await exportWorkspace(page);
  await importFile(page, 'other.json', text.replace('"organisation": "Northwind Logistics"', '"organisation": "Imported Org"'));
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  // Work done after the import…
  await goTo(page, 'Settings');
  await page.getByLabel('Organisation name').fill('Imported Org, edited');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Saved the organisation name.')).toBeVisible();
  await goTo(page, 'Data');
  // …is counted, and the undo says so before it happens.
  const kept = page.getByRole('region', { name: 'Kept workspace' });
  await expect(kept).toContainText('The 1 change made since the import will be undone with it (what you deleted stays deleted).');
  await kept.getByRole('button', { name: 'Undo import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo import' });
  await expect(dialog).toContainText('The 1 change made since the import will be undone with it (what you deleted stays deleted).');
  await dialog.getByRole('button', { name: 'Undo import' }).click();
  // …and survives the undo: it is what is kept now.
  await expect(page.getByRole('region', { name: 'Kept workspace' })).toContainText('Imported Org, edited');
  await page.getByRole('button', { name: 'Redo import' }).click();
  await goTo(page, 'Settings');
  await expect(page.getByLabel('Organisation name')).toHaveValue('Imported Org, edited');
});

test.describe('a bad file is refused with a clear message and the workspace unchanged', () => {
  const cases: { title: string; make: (good: string) => string | Buffer; message: RegExp }[] = [
    { title: 'not JSON', make: () => 'name,team\nAda,Compilers\n', message: /not valid JSON \(the problem is at line 1, column 2\)/ },
    { title: "another app's JSON", make: () => JSON.stringify({ name: 'my-package', version: '1.0.0' }), message: /not a Runway workspace/ },
    { title: 'a truncated file', make: (g) => g.slice(0, Math.floor(g.length / 2)), message: /ends too early: it looks cut off/ },
    {
      title: 'a wrong field type',
      make: (g) => { const v = JSON.parse(g); v.workspace.cohorts[0].phases[2].starts_on = 'next week'; return JSON.stringify(v); },
      message: /cohorts\[0\]\.phases\[2\]\.starts_on: not a date/,
    },
    {
      title: 'a reference to a missing id',
      make: (g) => { const v = JSON.parse(g); v.workspace.candidates[0].person_id = '00000000-0000-4000-8000-00000000ffff'; return JSON.stringify(v); },
      message: /candidates\[0\]\.person_id: no person has the id 00000000-0000-4000-8000-00000000ffff/,
    },
    {
      title: 'a newer schema_version',
      make: (g) => { const v = JSON.parse(g); v.schema_version = 99; return JSON.stringify(v); },
      message: /newer version of Runway \(schema 99\)/,
    },
    { title: 'a file above the size limit', make: () => ({ path: sparseFile(161 * 1024 * 1024) }), message: /Runway opens files up to 160 MB/ },
    { title: 'a binary file', make: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]), message: /not text/ },
  ];
  for (const c of cases) {
    test(c.title, async ({ page }) => {
      const errors = watchErrors(page);
      await loadSample(page);
      const good = (await exportWorkspace(page)).text;
      // An export notes what was sent (a saved change): wait for it before taking "before".
      await expect.poll(() => storedWorkspace(page)).toContain('"merge_bases"');
      const before = await storedWorkspace(page);
      await importFile(page, 'bad.json', c.make(good));
      const alert = page.getByRole('alert').filter({ hasText: 'was not imported' });
      await expect(alert).toContainText(c.message);
      await expect(alert).toContainText('Your workspace has not changed.');
      await expect(page.getByRole('region', { name: 'Import preview' })).toHaveCount(0);
      expect(await storedWorkspace(page)).toBe(before);
      await page.getByRole('link', { name: 'Runway' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
      expect(errors).toEqual([]);
    });
  }
});

test('stored data that cannot be read is kept aside; the app starts and offers it for download', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const garbage = '{"format":"runway-workspace","schema_version":1,"workspace":{"organisation":"Half';
  await putStored(page, 'runway.workspace', garbage);
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(banner).toContainText('kept aside, untouched');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();

  await banner.getByRole('link', { name: 'Go to Data' }).click();
  const kept = await clickForDownload(page, /^Download runway\.quarantine\./);
  expect(kept.text).toBe(garbage);

  // New work is saved under the normal key and the kept copy is still there.
  await page.getByRole('link', { name: 'Runway' }).click();
  await page.getByRole('button', { name: 'Load sample program' }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  const keys = await storedKeys(page);
  expect(keys.filter((k) => k.startsWith('runway.quarantine.'))).toHaveLength(1);
  const quarantined = await stored(page, keys.find((k) => k.startsWith('runway.quarantine.'))!);
  expect(quarantined).toBe(garbage);
  expect(errors).toEqual([]);
});

test('stored data from a newer version opens read-only and is never written over', async ({ page }) => {
  await loadSample(page);
  const v = JSON.parse((await storedWorkspace(page))!);
  v.schema_version = 8;
  v.workspace.organisation = 'From The Future';
  const newer = JSON.stringify(v);
  await putStored(page, 'runway.workspace', newer);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'newer version of Runway (schema 8)' })).toBeVisible();
  await expect(page.getByText('Not saving')).toBeVisible();
  await page.getByRole('link', { name: 'Runway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'From The Future' })).toBeVisible();

  // Edits are switched off; nothing is written.
  await goTo(page, 'Settings');
  await expect(page.getByRole('button', { name: 'Save name' })).toBeDisabled();
  await goTo(page, 'Data');
  await expect(page.getByLabel('Choose a workspace file to import')).toBeDisabled();
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Lee Chen' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete person…' })).toBeDisabled();
  await goTo(page, 'Data');
  const raw = await clickForDownload(page, 'Download stored data as it is');
  expect(raw.text).toBe(newer);
  await page.waitForTimeout(600); // longer than the save delay: a wrongly scheduled save would have run
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  expect(await storedWorkspace(page)).toBe(newer);
});

test('a save that fails for lack of space warns, keeps working, and export still works', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await refuseWrites(page);
  await goTo(page, 'Settings');
  await page.getByLabel('Organisation name').fill('Kept In Memory');
  await page.getByRole('button', { name: 'Save name' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(warning).toContainText("storage for this site is full");
  await expect(page.getByText('Not saved', { exact: true })).toBeVisible();

  // Work goes on in memory, and the warning stays.
  await page.getByRole('link', { name: 'Runway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kept In Memory' })).toBeVisible();
  await expect(warning).toBeVisible();

  const exported = await clickForDownload(page, 'Export now');
  expect(JSON.parse(exported.text).workspace.organisation).toBe('Kept In Memory');
  expect(errors).toEqual([]);
});

test('a newer version saving in another tab stops this tab from writing over it', async ({ page }) => {
  await loadSample(page);
  // Another tab (a newer Runway) writes schema 9 while this one is open.
  const v = JSON.parse((await storedWorkspace(page))!);
  v.schema_version = 9;
  const newer = JSON.stringify(v);
  await putStored(page, 'runway.workspace', newer);
  await goTo(page, 'Settings');
  await page.getByLabel('Organisation name').fill('Old tab edit');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'newer version of Runway (schema 9)' })).toBeVisible();
  expect(await storedWorkspace(page)).toBe(newer);
});

test('the sample program can be tried over a workspace with data, and undone', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Load sample program…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load the sample program?' });
  await expect(dialog).toContainText('Undo import');
  await dialog.getByRole('button', { name: 'Load sample program' }).click();
  await expect(page.getByText('Loaded the sample program.')).toBeVisible();
  await goTo(page, 'Data');
  await expect(page.getByRole('region', { name: 'Kept workspace' })).toContainText('Northwind Logistics — 16 people, 2 cohorts, 6 candidates');
});
