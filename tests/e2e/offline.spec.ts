import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadSample, nav, openApp, storedWorkspace, watchErrors, goTo } from './helpers';

/** Waits until the service worker controls the page (after the first visit). */
async function offlineReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after one visit the app starts with no network, works, and saves', async ({ page, context }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await offlineReady(page);
  await context.setOffline(true);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
  await loadSample(page);
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
  // A deep link reloads offline too.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
  await goTo(page, 'People');
  await page.getByText('Add a person').click();
  await page.getByLabel('Name', { exact: true }).fill('Offline Olga');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  expect(await storedWorkspace(page)).toContain('Offline Olga');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Offline Olga' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the precache list is the real build output', async ({ request }) => {
  const sw = await (await request.get('sw.js')).text();
  const list: string[] = JSON.parse(sw.match(/const PRECACHE = (\[.*\]);/)![1]);
  const html = await (await request.get('./')).text();
  for (const asset of html.matchAll(/(?:href|module_or_path:)\s*[=]?\s*['"]\/([^'"]+\.(?:wasm|js|css))['"]/g)) {
    expect(list, `${asset[1]} is precached`).toContain(asset[1]);
  }
  for (const file of list) expect((await request.get(file)).status(), file).toBe(200);
  // The page chunks: the loader the main module imports, and every chunk the loader names.
  const mainJs = html.match(/\/(runway-[0-9a-f]+\.js)/)![1];
  const loaderName = (await (await request.get(mainJs)).text()).match(/from "\.\/(__wasm_split-[0-9a-f]+\.js)"/)![1];
  expect(list).toContain(loaderName);
  const chunks = [...(await (await request.get(loaderName)).text()).matchAll(/"\.\/([a-z_0-9]+-[0-9a-f]+\.wasm)"/g)].map((m) => m[1]);
  expect(chunks.length, 'chunks named by the loader').toBeGreaterThan(5);
  for (const chunk of chunks) expect(list, `${chunk} is precached`).toContain(chunk);
});

test('a page whose code does not arrive says so, the app stays usable, and Try again fetches it', async ({ browser }) => {
  // No service worker: every chunk comes from the network, which refuses them at first.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  let refuse = true;
  await page.route(/\/(split|chunk)_[a-z_0-9]*-[0-9a-f]+\.wasm$/, (route) =>
    refuse ? route.abort('internetdisconnected') : route.continue(),
  );
  await openApp(page);
  await goTo(page, 'Cohorts');
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Nothing you have stored is affected');
  // The rest of the app still works.
  await page.getByRole('link', { name: 'Runway' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
  await page.getByRole('button', { name: 'Load sample program' }).click();
  await expect(page.getByText(/The sample program could not be loaded/)).toBeVisible();
  await goTo(page, 'Cohorts');
  await expect(alert).toBeVisible();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toContainText('It did not arrive on the last try either');
  // Reload Runway loads the app afresh (the way to a newer version): the page asks again.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload Runway' }).click()]);
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText('last try either');
  // The connection is back.
  refuse = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohorts' })).toBeVisible();
  await expect(alert).toHaveCount(0);
  await page.getByRole('link', { name: 'Runway' }).first().click();
  await page.getByRole('button', { name: 'Load sample program' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('the app is installable: a manifest with icons, served from its own folder', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
});

test('the Content-Security-Policy allows no outside connection and the app runs under it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await openApp(page);
  await page.evaluate(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  await loadSample(page);
  for (const name of ['Cohorts', 'People', 'Data']) {
    await goTo(page, name);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Runway' }).click();
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
  // An attempt to reach another host is refused by the policy.
  const outside = await page.evaluate(() => fetch('https://example.org/').then(() => 'reached', () => 'blocked'));
  expect(outside).toBe('blocked');
  expect(violations.filter((v) => !v.includes('example.org'))).toEqual([]);
});

test('Data page shows whether the browser keeps the data', async ({ page }) => {
  await loadSample(page);
  await goTo(page, 'Data');
  await expect(page.getByRole('heading', { name: 'Keeping your data' })).toBeVisible();
  await expect(page.getByText(/agreed to keep Runway's data|may clear Runway's data|does not say whether/)).toBeVisible();
  await expect(page.getByText(/used by this site/)).toBeVisible();
});

test('a new version is picked up and the person is told', async ({ page }) => {
  // The sub-folder server appends test-results/sw-extra.js to sw.js: writing it publishes a
  // "new build". Only this test uses that server's service worker.
  const base = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}/runway/`;
  rmSync('test-results/sw-extra.js', { force: true });
  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
  await offlineReady(page);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/sw-extra.js', `\n// a newer build ${Date.now()}\n`);
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByRole('status').filter({ hasText: 'A new version of Runway is installed' });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Reload now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
    await expect(notice).toHaveCount(0);
  } finally {
    rmSync('test-results/sw-extra.js', { force: true });
  }
});

test('after one visit every page opens with no network', async ({ page, context }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await offlineReady(page);
  await context.setOffline(true);
  const pages: [string, RegExp][] = [
    ['./', /Northwind Logistics/],
    ['cohorts', /Cohorts/],
    ['people', /People/],
    ['managers', /Managers/],
    ['promotions', /Promotion/],
    ['library', /Library/],
    ['frameworks', /Frameworks/],
    ['data', /Data/],
    ['settings', /Settings/],
    ['answer', /Answer a request/],
    ['letter', /letter/i],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading }), path).toBeVisible();
  }
  // Record pages, by deep link: each area's chunk and the chunks it shares with others.
  await page.goto('cohorts');
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).first().click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
  await page.getByRole('link', { name: 'Selection board' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Selection/ })).toBeVisible();
  await page.goto('people');
  await page.getByRole('link', { name: 'Priya Raman' }).first().click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await page.goto('frameworks');
  await page.getByRole('link', { name: 'MiT readiness rubric', exact: true }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'MiT readiness rubric' })).toBeVisible();
  expect(errors).toEqual([]);
});
