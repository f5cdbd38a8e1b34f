import { test, expect, type Page } from '@playwright/test';
import { loadSample, nav, watchErrors, goTo } from './helpers';

/** A local day as `YYYY-MM-DD`, `offset` days from today. */
function day(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const CANDIDATES = ['Priya Raman', 'Tomás Ferreira', 'Aisha Bello'];

async function openCohort(page: Page) {
  await goTo(page, 'Cohorts');
  await page.getByRole('link', { name: /^MiT/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sessions for the cohort' })).toBeVisible();
}

async function openWeekOf(page: Page, name: string) {
  await openCohort(page);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Week', exact: true }).click();
}

/** Plans a group session from the cohort page for everyone ticked (all, unless `skip`). */
async function planGroupSession(page: Page, title: string, on: string, skip?: string) {
  await openCohort(page);
  await page.getByText('Plan a group session').click();
  const form = page.getByRole('form', { name: 'Plan a group session' });
  await form.getByLabel('Kind').selectOption({ label: 'Workshop' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Date', { exact: true }).fill(on);
  await form.getByLabel('Start time (optional)').fill('16:30');
  await form.getByLabel('Duration (minutes)').fill('60');
  const who = form.getByRole('group', { name: 'Who takes part' });
  for (const name of CANDIDATES) await expect(who.getByRole('checkbox', { name })).toBeChecked();
  if (skip) await who.getByRole('checkbox', { name: skip }).uncheck();
  await form.getByRole('button', { name: 'Plan group session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Planned the group session' })).toBeVisible();
}

test('a group session planned once shows for every candidate; an edit shows for all; last week is copied', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);

  // One workshop, planned once for the three candidates.
  await planGroupSession(page, 'Stakeholder mapping workshop', day(0));
  for (const name of CANDIDATES) {
    await openWeekOf(page, name);
    await expect(page.getByRole('link', { name: 'Stakeholder mapping workshop' })).toBeVisible();
  }

  // Edited on Tomás's page (it is filed under Priya), the change shows for the others.
  await openWeekOf(page, 'Tomás Ferreira');
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Activities', exact: true }).click();
  await page.getByRole('button', { name: 'Edit the activity “Stakeholder mapping workshop”' }).click();
  const edit = page.getByRole('form', { name: 'Edit activity' });
  await expect(edit.getByRole('group', { name: 'Who takes part' }).getByRole('checkbox', { name: 'Tomás Ferreira' })).toBeChecked();
  await edit.getByLabel('Title').fill('Stakeholder mapping, with product');
  await edit.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Stakeholder mapping, with product' })).toBeVisible();
  await expect(page.getByText('with the whole cohort').first()).toBeVisible();
  for (const name of ['Aisha Bello', 'Priya Raman']) {
    await openWeekOf(page, name);
    await expect(page.getByRole('link', { name: 'Stakeholder mapping, with product' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Stakeholder mapping workshop' })).toHaveCount(0);
  }

  // A session last week for two of them; copying last week's plan brings it into this week.
  await planGroupSession(page, 'Escalation lab', day(-7), 'Aisha Bello');
  await openCohort(page);
  await page.getByRole('button', { name: "Copy last week's plan…" }).click();
  const dialog = page.getByRole('dialog', { name: /Copy last week/ });
  await expect(dialog).toContainText(/\d+ sessions? from the week of/);
  await expect(dialog).toContainText('Priya Raman');
  await dialog.getByRole('button', { name: 'Copy the sessions' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Copied \d+ sessions? from last week/ })).toBeVisible();
  // Nothing more to copy: the page says why, and the button waits.
  await expect(page.getByRole('status').filter({ hasText: /already planned this week: nothing to copy/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Copy last week/ })).toBeDisabled();

  await openWeekOf(page, 'Tomás Ferreira');
  await expect(page.getByRole('link', { name: 'Escalation lab' })).toBeVisible();
  await openWeekOf(page, 'Aisha Bello');
  await expect(page.getByRole('link', { name: 'Escalation lab' })).toHaveCount(0);

  // A reload keeps it all (saved once, in this browser).
  await page.reload();
  await expect(page.getByRole('link', { name: 'Stakeholder mapping, with product' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('repeat weekly from a candidate page, with another candidate ticked from the keyboard', async ({ page }) => {
  const errors = watchErrors(page);
  await loadSample(page);
  await openWeekOf(page, 'Aisha Bello');
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Activities', exact: true }).click();
  await page.getByText('Plan or log an activity').click();
  const form = page.getByRole('form', { name: 'New activity' });
  await form.getByLabel('Kind').selectOption({ label: 'Coaching lab (role-play)' });
  await form.getByLabel('Title').fill('Peer role-play');
  await form.getByLabel('Date', { exact: true }).fill(day(1));
  await form.getByLabel('Duration (minutes)').fill('45');
  const tomas = form.getByRole('group', { name: 'Who takes part' }).getByRole('checkbox', { name: 'Tomás Ferreira' });
  await tomas.focus();
  await page.keyboard.press('Space');
  await expect(tomas).toBeChecked();
  await form.getByRole('combobox', { name: /^Repeat/ }).selectOption({ label: 'Weekly, a number of times' });
  await form.getByLabel('How many sessions, this one included').fill('3');
  await form.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Planned the weekly sessions' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Peer role-play' })).toHaveCount(3);

  // They are Tomás's sessions too, each its own record.
  await openWeekOf(page, 'Tomás Ferreira');
  await page.getByRole('navigation', { name: 'Candidate sections' }).getByRole('link', { name: 'Activities', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Peer role-play' })).toHaveCount(3);
  await page.getByRole('button', { name: 'Mark done: Peer role-play' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked the activity done' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark done: Peer role-play' })).toHaveCount(2);
  expect(errors).toEqual([]);
});
