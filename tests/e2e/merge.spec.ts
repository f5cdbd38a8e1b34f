import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { exportWorkspace, importFile, loadSample, nav, openApp, watchErrors, clearStorage, goTo } from './helpers';

async function setTeam(page: Page, person: string, team: string) {
  await goTo(page, 'People');
  await page.getByRole('link', { name: person }).click();
  await page.getByRole('textbox', { name: 'Team', exact: true }).fill(team);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved changes.')).toBeVisible();
}

test('merge a colleague’s file: additions, a conflict chosen by hand, deletions kept, twice is a no-op, undo', async ({ browser }) => {
  const coachContext = await browser.newContext();
  const sponsorContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const sponsor = await sponsorContext.newPage();
  const errors = [...watchErrors(coach), ...watchErrors(sponsor)];

  // The coach sets up and sends the file; the sponsor imports it.
  await loadSample(coach);
  const fromCoach = await exportWorkspace(coach);
  await openApp(sponsor);
  await importFile(sponsor, fromCoach.name, fromCoach.text);
  await sponsor.getByRole('button', { name: 'Replace my workspace' }).click();

  // Both work on their own copy.
  await setTeam(sponsor, 'Priya Raman', 'Platform');
  await setTeam(sponsor, 'Jonah Park', 'Infrastructure');
  await goTo(sponsor, 'People');
  await sponsor.getByText('Add a person').click();
  await sponsor.getByLabel('Name', { exact: true }).fill('Sponsor Added');
  await sponsor.getByRole('button', { name: 'Add person' }).click();
  const fromSponsor = await exportWorkspace(sponsor);

  await setTeam(coach, 'Priya Raman', 'Fulfilment Core');
  await goTo(coach, 'People');
  await coach.getByRole('link', { name: 'Lee Chen' }).click();
  await coach.getByRole('button', { name: 'Delete person…' }).click();
  await coach.getByRole('dialog').getByRole('button', { name: 'Delete person' }).click();

  // The coach merges the sponsor's file.
  await importFile(coach, fromSponsor.name, fromSponsor.text);
  await coach.getByRole('button', { name: 'Merge into my workspace…' }).click();
  const preview = coach.getByRole('region', { name: 'Merge preview' });
  await expect(preview).toContainText('Will be added (2)');
  await expect(preview).toContainText('Level move: Sponsor Added: hired at IC3');
  await expect(preview).toContainText('Person: Sponsor Added');
  await expect(preview).toContainText('Will be updated with their changes (1)');
  await expect(preview).toContainText('team: Platform → Infrastructure');
  await expect(preview).toContainText('Stay deleted (deleted here, still in their file) (5)');
  await expect(preview).toContainText('Level move: Lee Chen: hired at IC2');
  await expect(preview).toContainText('Person: Lee Chen');
  await expect(preview).toContainText("Interview scorecard: Hana Sato's scorecard for Lee Chen");
  const conflict = preview.getByRole('group', { name: 'Person: Priya Raman' });
  await expect(conflict.getByRole('radio', { name: 'Keep mine: Fulfilment Core' })).toBeChecked();
  await conflict.getByRole('radio', { name: 'Take theirs: Platform' }).check();
  await preview.getByRole('button', { name: 'Apply merge' }).click();
  await expect(coach.getByText(/^Merged: 2 added, 1 updated, 0 removed, 1 conflicts settled/)).toBeVisible();

  await goTo(coach, 'People');
  await expect(coach.getByRole('row', { name: /Priya Raman/ })).toContainText('Platform');
  await expect(coach.getByRole('link', { name: 'Sponsor Added' })).toBeVisible();
  await expect(coach.getByRole('link', { name: 'Lee Chen' })).toHaveCount(0);

  // The same file again: nothing to do.
  await importFile(coach, fromSponsor.name, fromSponsor.text);
  await coach.getByRole('button', { name: 'Merge into my workspace…' }).click();
  await expect(coach.getByRole('region', { name: 'Merge preview' })).toContainText('Nothing to merge');
  await coach.getByRole('region', { name: 'Merge preview' }).getByRole('button', { name: 'Cancel' }).click();

  // Undo covers a merge.
  await coach.getByRole('button', { name: 'Undo import' }).click();
  await goTo(coach, 'People');
  await expect(coach.getByRole('row', { name: /Priya Raman/ })).toContainText('Fulfilment Core');
  await expect(coach.getByRole('link', { name: 'Sponsor Added' })).toHaveCount(0);
  expect(errors).toEqual([]);
  await coachContext.close();
  await sponsorContext.close();
});

test('scoped exports: a cohort for the sponsor, a candidate for themselves, with what is left out', async ({ page }) => {
  test.slow(); // one key derivation of 600,000 rounds
  await loadSample(page);
  await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
  await page.getByText('Export a file for the sponsor…').click();
  const cohortPreview = page.getByRole('region', { name: 'Share preview' });
  // Sponsor, coach, four candidates, and Hana (an interviewer, and shadowed).
  for (const line of ['7 people', '1 cohort', '4 candidacies']) {
    await expect(cohortPreview.getByRole('list', { name: 'The file carries' }).getByRole('listitem').filter({ hasText: new RegExp(`^${line}$`) })).toHaveCount(1);
  }
  await expect(cohortPreview).toContainText('9 other people');
  await expect(cohortPreview).toContainText('1 private journal entry');
  const pending = page.waitForEvent('download');
  await cohortPreview.getByRole('button', { name: 'Download shared file' }).click();
  const cohortFile = await pending;
  expect(cohortFile.suggestedFilename()).toMatch(/^runway-northwind-logistics-mit-\d{4}-q\d-for-the-sponsor-\d{4}-\d{2}-\d{2}\.json$/);
  const cohortWs = JSON.parse(readFileSync((await cohortFile.path())!, 'utf8')).workspace;
  expect(cohortWs.people.map((p: { name: string }) => p.name)).not.toContain('Jonah Park');

  await page.getByRole('link', { name: 'Priya Raman' }).click();
  await page.getByText('Export a file for the candidate…').click();
  const preview = page.getByRole('region', { name: 'Share preview' });
  await expect(preview).toContainText('5 other candidacies');
  const pendingMine = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Download shared file' }).click();
  const own = JSON.parse(readFileSync((await (await pendingMine).path())!, 'utf8')).workspace;
  expect(own.candidates).toHaveLength(1);

  // The same, protected with a passphrase for sending by email.
  await preview.getByRole('checkbox', { name: /Protect with a passphrase/ }).check();
  await preview.getByLabel('Passphrase (8 characters or more)').fill('tell priya in person');
  await preview.getByLabel('Passphrase again').fill('tell priya in person');
  const pendingSealed = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Download shared file' }).click();
  const sealedFile = await pendingSealed;
  expect(sealedFile.suggestedFilename()).toMatch(/-encrypted\.json$/);
  const sealed = readFileSync((await sealedFile.path())!, 'utf8');
  expect(JSON.parse(sealed).format).toBe('runway-encrypted');
  expect(sealed).not.toContain('Priya');
  expect(own.people.map((p: { name: string }) => p.name).sort()).toEqual(['Dana Whitfield', 'Hana Sato', 'Marcus Oyelaran', 'Priya Raman']);

  // The candidate's file imports on its own.
  await clearStorage(page);
  await page.reload();
  await importFile(page, 'mine.json', JSON.stringify({ format: 'runway-workspace', schema_version: 3, workspace: own }));
  await expect(page.getByRole('region', { name: 'Import preview' })).toContainText('Northwind Logistics');
});
