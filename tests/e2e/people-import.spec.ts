import { test, expect, type Page } from '@playwright/test';
import { goTo, openApp, seriousViolations, storedWorkspace, watchErrors } from './helpers';

// Issue #15: people from a spreadsheet — a CSV as HR tools export it, previewed, imported,
// matched by email the second time, undone like any import.

/** Fifty people the way a European HR export writes them: a byte-order mark, semicolons,
 *  names with commas in quotes, CRLF. */
function fiftyPeople(): string {
  const rows = Array.from({ length: 50 }, (_, i) => {
    const n = i + 1;
    return `"Tester, Person ${n}";person${n}@example.com;Team ${1 + (i % 5)};Engineer;IC${1 + (i % 4)};2024-02-${String(1 + (i % 28)).padStart(2, '0')};`;
  });
  return '\ufeffEmployee name;Work email;Department;Job title;Grade;Hire date;Termination date\r\n' + rows.join('\r\n') + '\r\n';
}

async function choose(page: Page, name: string, text: string) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test('a CSV of 50 people imports, the same file again changes nothing, and Undo import brings the list back', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await goTo(page, 'People');
  // Someone is here already (an import into an empty workspace has nothing to undo).
  await page.getByLabel('Name', { exact: true }).fill('Ana Alves');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('Added Ana Alves.')).toBeVisible();
  await page.getByText('Import people from a spreadsheet (CSV)').click();
  await choose(page, 'people.csv', fiftyPeople());
  await expect(page.getByRole('heading', { name: 'people.csv: 50 rows' })).toBeVisible();
  // The columns were guessed from the headers.
  const columns = page.getByRole('group', { name: 'Which column holds what' });
  await expect(columns.getByLabel('Name')).toHaveValue('0');
  await expect(columns.getByLabel('Email')).toHaveValue('1');
  await expect(columns.getByLabel('Joined on')).toHaveValue('5');
  await expect(page.getByText('50 to add · 0 to update · 0 already up to date · 0 rows with problems, left out')).toBeVisible();
  await page.getByRole('button', { name: 'Import 50 people' }).click();
  await expect(page.getByText(/^Imported from the spreadsheet: 50 people added, 0 people updated\./)).toBeVisible();
  const list = page.getByRole('table', { name: 'People in this workspace' });
  await expect(list.getByRole('row')).toHaveCount(52);
  await expect(list.getByRole('row').filter({ hasText: 'Tester, Person 7' })).toContainText('Team 2');
  await list.getByRole('link', { name: 'Tester, Person 7' }).click();
  await expect(page.getByLabel('Email (optional)')).toHaveValue('person7@example.com');
  await expect(page.getByLabel('Joined on')).toHaveValue('2024-02-07');

  // The same file again: everyone matched by email, nothing to do.
  await goTo(page, 'People');
  await page.getByText('Import people from a spreadsheet (CSV)').click();
  await choose(page, 'people.csv', fiftyPeople());
  await expect(page.getByText('0 to add · 0 to update · 50 already up to date · 0 rows with problems, left out')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect
    .poll(async () => JSON.parse((await storedWorkspace(page)) ?? '{}').workspace?.people?.length)
    .toBe(51);

  // Undo import, as after any import.
  await goTo(page, 'Data');
  await page.getByRole('button', { name: 'Undo import' }).click();
  await goTo(page, 'People');
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('link', { name: 'Ana Alves' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a messy file says what is wrong on which row, imports the rest and updates by email', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'People');
  // An empty workspace opens the People page with the add form showing.
  await page.getByLabel('Name', { exact: true }).fill('Ana Alves');
  await page.getByLabel('Email (optional)').fill('ana@example.com');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('Added Ana Alves.')).toBeVisible();

  const messy = [
    'name,email,team,start date',
    'Ana Alves,ANA@example.com,Payments,07/06/2021',
    'Ben Berg,ben@example.com,"Search, Discovery",28/08/2023',
    'Cleo Chan,cleo@example.com,Platform,',
    'Dev Das,dev@example.com,Platform,2024-03-04',
    'Eve Evans,eve@example.com,Platform,2024-01-08',
    'Finn Fox,finn@example.com,Search,31/02/2024',
  ].join('\n');
  await page.getByText('Import people from a spreadsheet (CSV)').click();
  await choose(page, 'messy.csv', messy);
  await expect(page.getByText('4 to add · 1 to update · 0 already up to date · 1 row with problems, left out')).toBeVisible();
  await expect(page.getByText('Row 7, Joined on: “31/02/2024” is not a date')).toBeVisible();
  expect(await seriousViolations(page), 'the import preview').toEqual([]);
  const does = page.getByRole('table', { name: 'What each row does' });
  await expect(does.getByRole('row').filter({ hasText: 'Ana Alves' })).toContainText('Updated: team: none → Payments; joined: none → 7 Jun 2021');
  await page.getByRole('button', { name: 'Import 5 people' }).click();
  await expect(page.getByText(/^Imported from the spreadsheet: 4 people added, 1 person updated\./)).toBeVisible();
  const list = page.getByRole('table', { name: 'People in this workspace' });
  await expect(list.getByRole('row')).toHaveCount(6);
  await expect(list.getByRole('row').filter({ hasText: 'Ana Alves' })).toContainText('Payments');

  // A file that is not CSV gets a plain message where it was chosen (the panel is still open).
  await choose(page, 'broken.csv', 'name\n"Lee Chen\n');
  await expect(page.getByRole('alert').filter({ hasText: 'broken.csv: A quoted field is never closed' })).toBeVisible();
});
