import { test, expect } from '@playwright/test';
import { loadSample, nav, openApp, storedWorkspace, watchErrors, putStored, countWorkspaceWrites, goTo } from './helpers';

test('a change made in one tab shows up in the other', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const errors = [...watchErrors(a), ...watchErrors(b)];
  await openApp(a);
  await openApp(b);
  await loadSample(a);
  // B was empty; it takes in A's save without a reload.
  await expect(b.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  await expect(b.getByText('Updated with a change made in another tab.')).toBeVisible();

  await goTo(a, 'Settings');
  await a.getByLabel('Organisation name').fill('Renamed In Tab A');
  await a.getByRole('button', { name: 'Save name' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Renamed In Tab A' })).toBeVisible();

  // B edits; A sees it. No echo: each save is written once.
  await goTo(b, 'People');
  await b.getByRole('link', { name: 'Lee Chen' }).click();
  await b.getByRole('textbox', { name: 'Team', exact: true }).fill('Platform');
  await b.getByRole('button', { name: 'Save changes' }).click();
  await goTo(a, 'People');
  await expect(a.getByRole('row', { name: /Lee Chen/ })).toContainText('Platform');
  await expect(a.getByText('Saved in this browser')).toBeVisible();
  await expect(b.getByText('Saved in this browser')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a tab never writes over a save it has not seen; the person chooses', async ({ page }) => {
  await loadSample(page);
  // Another tab's save, which this page has not seen (a write in the same page fires no event).
  const v = JSON.parse((await storedWorkspace(page))!);
  v.workspace.organisation = 'Saved By The Other Tab';
  const other = JSON.stringify(v);
  await putStored(page, 'runway.workspace', other);
  await goTo(page, 'Settings');
  await page.getByLabel('Organisation name').fill('Edited Here');
  await page.getByRole('button', { name: 'Save name' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Another tab changed this workspace' });
  await expect(banner).toBeVisible();
  expect(await storedWorkspace(page)).toBe(other);

  // Export keeps this tab's version whatever is chosen next.
  const pending = page.waitForEvent('download');
  await banner.getByRole('button', { name: "Export this tab's version" }).click();
  expect((await pending).suggestedFilename()).toMatch(/^runway-edited-here-/);

  await banner.getByRole('button', { name: "Load the other tab's version" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByLabel('Organisation name')).toHaveValue('Saved By The Other Tab');
  expect(await storedWorkspace(page)).toBe(other);

  // The other way: keep this tab's version, on purpose.
  const second = JSON.parse((await storedWorkspace(page))!);
  second.workspace.organisation = 'Second Other Save';
  await putStored(page, 'runway.workspace', JSON.stringify(second));
  await page.getByLabel('Organisation name').fill('Mine On Purpose');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('button', { name: "Keep this tab's version" }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  expect(await storedWorkspace(page)).toContain('Mine On Purpose');
});

test('unsaved changes in a tab are not overwritten by another tab either', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await loadSample(a);
  await openApp(b);
  await expect(b.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  // B has a change waiting for its save timer when A's save arrives.
  await goTo(b, 'Settings');
  await b.evaluate(() => {
    // Hold B's timed save back so A's save lands first.
    const real = window.setTimeout;
    (window as any).setTimeout = (fn: TimerHandler, ms?: number, ...rest: unknown[]) => real(fn, (ms ?? 0) >= 300 ? 60_000 : ms, ...rest);
  });
  await b.getByLabel('Organisation name').fill('B Unsaved');
  await b.getByRole('button', { name: 'Save name' }).click();
  await goTo(a, 'Settings');
  await a.getByLabel('Organisation name').fill('A Saved');
  await a.getByRole('button', { name: 'Save name' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Another tab changed this workspace' })).toBeVisible();
  await expect(b.getByLabel('Organisation name')).toHaveValue('B Unsaved');
  expect(await storedWorkspace(b)).toContain('A Saved');
});

test('an open form picks up another tab’s change, so saving it does not undo that change', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await loadSample(a);
  await openApp(b);
  for (const page of [a, b]) {
    await goTo(page, 'People');
    await page.getByRole('link', { name: 'Lee Chen' }).click();
  }
  await b.getByRole('textbox', { name: 'Team', exact: true }).fill('Changed in B');
  await b.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByRole('textbox', { name: 'Team', exact: true })).toHaveValue('Changed in B');
  await a.getByLabel('Role title').fill('Changed in A');
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.getByLabel('Role title')).toHaveValue('Changed in A');
  await expect(b.getByRole('textbox', { name: 'Team', exact: true })).toHaveValue('Changed in B');
});

test('taking in another tab’s save writes nothing back (no echo)', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await loadSample(a);
  await openApp(b);
  await expect(b.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  await countWorkspaceWrites(b);
  await goTo(a, 'Settings');
  await a.getByLabel('Organisation name').fill('Echo Test');
  await a.getByRole('button', { name: 'Save name' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Echo Test' })).toBeVisible();
  await b.waitForTimeout(800); // longer than the save delay
  expect(await b.evaluate(() => (window as any).__writes)).toBe(0);
});
