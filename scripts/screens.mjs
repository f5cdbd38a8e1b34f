// Saves screenshots of the main pages at desktop and phone widths, for looking at changes:
//   node scripts/screens.mjs [outdir]      (serves dist/ itself; build first with trunk)
// With SAMPLE=1 (default) it loads the sample program first.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] ?? 'bench/out/screens';
mkdirSync(out, { recursive: true });
const port = 4199;
const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [label, viewport, scheme] of [['desktop', { width: 1280, height: 900 }, 'light'], ['phone', { width: 390, height: 844 }, 'light'], ['dark', { width: 1280, height: 900 }, 'dark']]) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(base + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: `${out}/${label}-home-empty.png`, fullPage: true });
    await page.getByRole('button', { name: 'Load sample program' }).click();
    await page.getByRole('link', { name: /^MiT \d{4} Q\d$/ }).click();
    await page.getByRole('heading', { name: 'Phases' }).waitFor();
    await page.screenshot({ path: `${out}/${label}-cohort.png`, fullPage: true });
    const cohortUrl = page.url();
    await page.getByRole('link', { name: 'Selection board' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: `${out}/${label}-selection-board.png`, fullPage: true });
    await page.goto(cohortUrl + '/calibration');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: `${out}/${label}-calibration.png`, fullPage: true });
    await page.goto(cohortUrl);
    await page.getByRole('link', { name: 'Priya Raman' }).click();
    await page.screenshot({ path: `${out}/${label}-candidate.png`, fullPage: true });
    const candidateUrl = page.url();
    const sections = page.getByRole('navigation', { name: 'Candidate sections' });
    for (const name of ['Selection', 'Week', 'Activities', 'Micro-assignments', '1:1s', 'Journal', 'Success signals', 'Retrospectives', 'Assessments', 'Feedback and health', 'Readiness']) {
      await sections.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      await page.screenshot({ path: `${out}/${label}-candidate-${slug}.png`, fullPage: true });
    }
    await page.goto(candidateUrl + '/summary');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: `${out}/${label}-summary.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${out}/${label}-summary-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Frameworks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Frameworks' }).waitFor();
    await page.screenshot({ path: `${out}/${label}-frameworks.png`, fullPage: true });
    await page.getByRole('link', { name: 'Leadership ladder' }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: `${out}/${label}-framework.png`, fullPage: true });
    for (const name of ['People', 'Cohorts', 'Library', 'Data']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.screenshot({ path: `${out}/${label}-${name.toLowerCase()}.png`, fullPage: true });
    }
    await page.getByRole('link', { name: 'Runway' }).click();
    await page.screenshot({ path: `${out}/${label}-home.png`, fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`screenshots in ${out}`);
