import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { importFile, loadSample, nav, watchErrors, clearStorage, goTo } from './helpers';

test('encrypted export → import with a wrong and then the right passphrase', async ({ page }) => {
  test.slow(); // two key derivations of 600,000 rounds each
  const errors = watchErrors(page);
  await loadSample(page);
  await goTo(page, 'Data');
  // The backup is offered with a passphrase first.
  const form = page.getByRole('form', { name: 'Back up with a passphrase' });
  await form.getByLabel('Passphrase (8 characters or more)').fill('ask me on the phone');
  await form.getByLabel('Passphrase again').fill('ask me on the fone');
  await form.getByRole('button', { name: 'Download encrypted backup' }).click();
  await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();

  await form.getByLabel('Passphrase again').fill('ask me on the phone');
  const pending = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Download encrypted backup' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/^runway-northwind-logistics-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
  const sealed = readFileSync((await download.path())!, 'utf8');
  expect(sealed).not.toContain('Northwind');
  const envelope = JSON.parse(sealed);
  expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 });

  // Anyone can open it with a standard implementation by following the file's own description.
  const opened = await page.evaluate(async ([file, pass]) => {
    const env = JSON.parse(file);
    const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(pass), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: b64(env.kdf.salt), iterations: env.kdf.iterations },
      base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: b64(env.cipher.iv) }, key, b64(env.ciphertext));
    return JSON.parse(new TextDecoder().decode(plain)).workspace.organisation;
  }, [sealed, 'ask me on the phone']);
  expect(opened).toBe('Northwind Logistics');

  // Import: wrong passphrase, then the right one.
  await clearStorage(page);
  await page.reload();
  await importFile(page, 'sealed.json', sealed);
  const unlock = page.getByRole('form', { name: 'Open an encrypted file' });
  await expect(unlock).toContainText('sealed.json is protected with a passphrase.');
  await unlock.getByLabel('Passphrase').fill('ask me by email');
  await unlock.getByRole('button', { name: 'Open file' }).click();
  await expect(unlock.getByRole('alert')).toContainText('That passphrase does not open this file.');
  await unlock.getByLabel('Passphrase').fill('ask me on the phone');
  await unlock.getByRole('button', { name: 'Open file' }).click();
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('Northwind Logistics');
  await preview.getByRole('button', { name: 'Replace my workspace' }).click();
  await page.getByRole('link', { name: 'Runway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible();
  expect(errors).toEqual([]);
});
