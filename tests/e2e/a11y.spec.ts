import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loadSample, nav } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations on any page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
    expect(await seriousViolations(page), 'empty home').toEqual([]);

    await loadSample(page);
    expect(await seriousViolations(page), 'home').toEqual([]);
    for (const name of ['People', 'Cohorts', 'Data']) {
      await nav(page, name).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      expect(await seriousViolations(page), name).toEqual([]);
    }
    await page.getByRole('link', { name: 'Runway' }).click();
    await page.getByRole('link', { name: /^MiT/ }).click();
    await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
    expect(await seriousViolations(page), 'cohort').toEqual([]);
    await page.getByRole('link', { name: 'Priya Raman' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
    expect(await seriousViolations(page), 'candidate').toEqual([]);
    await nav(page, 'People').click();
    await page.getByRole('link', { name: 'Marcus Oyelaran' }).click();
    expect(await seriousViolations(page), 'person').toEqual([]);
    await nav(page, 'Cohorts').click();
    await page.getByRole('link', { name: 'New cohort' }).click();
    expect(await seriousViolations(page), 'new cohort').toEqual([]);
  });
}

test('the main journey works from the keyboard alone', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Runway' })).toBeVisible();
  // Tab to "Load sample program" and press Enter.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name.includes('Load sample program')) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  // The delete dialog opens and closes with the keyboard, and Escape does nothing harmful.
  await nav(page, 'People').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Lee Chen' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Delete person…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete this person?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Lee Chen' })).toBeVisible();
});
