import { test, expect } from '@playwright/test';
import { watchErrors } from './helpers';

// dist-sub is the same app built with --public-url /runway/, served like GitHub Pages.
const port = Number(process.env.E2E_PORT ?? 4173) + 1;
const base = `http://127.0.0.1:${port}/runway/`;

test('served from a sub-folder: links stay inside it and deep links survive a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(base);
  await page.getByRole('button', { name: 'Load sample program' }).click();
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
  expect(page.url()).toMatch(new RegExp(`^${base}cohorts/[0-9a-f-]{36}$`));
  await page.getByRole('link', { name: 'Priya Raman' }).click();
  expect(page.url()).toMatch(new RegExp(`^${base}candidates/`));

  // Without the service worker, the host answers a deep link with 404.html, which boots the app.
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  });
  const response = await page.reload();
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  expect(page.url()).toBe(`${base}people`);
  expect(errors).toEqual([]);
});
