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

/** Opens a main section as a person does: clicks its link and waits until the router has
 *  taken the click (the link is marked current at once; the page itself may follow a moment
 *  later, so the next step still waits for what it needs on the new page). */
export async function goTo(page: Page, name: string) {
  const link = nav(page, name);
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path!, 'utf8');
}

/** Clicks the export button on the Data page; returns the file name and text. */
export async function exportWorkspace(page: Page): Promise<{ name: string; text: string }> {
  await goTo(page, 'Data');
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
export async function importFile(page: Page, name: string, content: string | Buffer | { path: string }) {
  await goTo(page, 'Data');
  const input = page.getByLabel('Choose a workspace file to import');
  if (typeof content === 'object' && 'path' in content) return input.setInputFiles(content.path);
  await input.setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
}

/** Where Runway keeps a key: the workspace, its backup and data kept aside are in IndexedDB
 *  (database "runway", store "kv", UTF-8 bytes); settings and drafts are in localStorage. */
function inDatabase(key: string): boolean {
  return key === 'runway.workspace' || key === 'runway.backup' || key.startsWith('runway.quarantine.');
}

/** One stored entry as text, read the way another tab would. */
export async function stored(page: Page, key: string): Promise<string | null> {
  if (!inDatabase(key)) return page.evaluate((k) => localStorage.getItem(k), key);
  return page.evaluate(async (k) => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('runway', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('kv');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const v = await new Promise<unknown>((res, rej) => {
      const r = db.transaction('kv').objectStore('kv').get(k);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    if (v === undefined) return null;
    return typeof v === 'string' ? v : new TextDecoder().decode(v as Uint8Array);
  }, key);
}

/** Writes an entry as another tab would, without this page hearing of it (no notice). A
 *  workspace written this way carries a new revision mark, as another tab's save does. */
export async function putStored(page: Page, key: string, text: string) {
  if (!inDatabase(key)) return page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, text]);
  await page.evaluate(async ([k, t]) => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('runway', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('kv');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise<void>((res, rej) => {
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(new TextEncoder().encode(t), k);
      if (k === 'runway.workspace') {
        // The revision mark a tab writes beside the workspace: FNV-1a (64 bit) of its bytes.
        let h = 0xcbf29ce484222325n;
        for (const b of new TextEncoder().encode(t)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
        tx.objectStore('kv').put(h.toString(16).padStart(16, '0'), 'runway.meta.workspace-revision');
      }
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, [key, text]);
}

/** Every key Runway has stored (both places), sorted. */
export async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('runway', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('kv');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const keys = await new Promise<IDBValidKey[]>((res, rej) => {
      const r = db.transaction('kv').objectStore('kv').getAllKeys();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return [...keys.map(String).filter((k) => !k.startsWith('runway.meta.')), ...Object.keys(localStorage)].sort();
  });
}

/** Empties Runway's storage (both places), as a person clearing site data would. */
export async function clearStorage(page: Page) {
  await page.evaluate(async () => {
    localStorage.clear();
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('runway', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('kv');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise<void>((res, rej) => {
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').clear();
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  });
}

/** From now on every write to browser storage is refused as "storage full". */
export async function refuseWrites(page: Page) {
  await page.evaluate(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    Storage.prototype.setItem = full;
    IDBObjectStore.prototype.put = full;
  });
}

/** Counts this page's writes of the workspace from now on, in `window.__writes`. */
export async function countWorkspaceWrites(page: Page) {
  await page.evaluate(() => {
    (window as any).__writes = 0;
    const real = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      if (key === 'runway.workspace') (window as any).__writes++;
      return real.call(this, value, key);
    };
  });
}

export async function storedWorkspace(page: Page): Promise<string | null> {
  return stored(page, 'runway.workspace');
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
  await goTo(page, 'People');
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
  await goTo(page, 'Settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const value = await page.getByLabel('I am').locator('option', { hasText: name }).getAttribute('value');
  await page.getByLabel('I am').selectOption(value!);
  await page.getByRole('button', { name: 'This is me' }).click();
  await expect(page.getByRole('banner')).toContainText(`This is ${name}'s Runway`);
}

