import { test, expect } from '@playwright/test';

// Paths are relative ('./', 'cohorts/...') so they resolve under BASE too.

test('app loads and shows the welcome heading', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Welcome to Runway', level: 1 })).toBeVisible();
  expect(errors, 'uncaught page errors').toEqual([]);
});

test('deep links get the app shell; assets have the right content types', async ({ request }) => {
  const deep = await request.get('cohorts/3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f708192');
  expect(deep.status()).toBe(200);
  expect(deep.headers()['content-type']).toContain('text/html');

  const html = await deep.text();
  const wasm = html.match(/href="([^"]+\.wasm)"/)?.[1];
  expect(wasm, 'index.html references the wasm bundle').toBeTruthy();
  const res = await request.get(new URL(wasm!, deep.url()).href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/wasm');

  expect((await request.get('missing.js')).status()).toBe(404);
});
