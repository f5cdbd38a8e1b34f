import { test } from '@playwright/test';
import { loadSample, nav } from './helpers';

for (const [w, scheme] of [[1280, 'light'], [390, 'dark']] as const) {
  test(`shoot ${w} ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await loadSample(page);
    for (const name of ['Hana Sato', 'Olu Adeyemi', 'Jonah Park']) {
      await nav(page, 'People').click();
      await page.getByRole('link', { name, exact: true }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/shot-${name.split(' ')[0]}-${w}.png`, fullPage: true });
    }
  });
}
