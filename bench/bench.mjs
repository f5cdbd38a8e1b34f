// Runway benchmark: figures, not pass/fail. Run with scripts/bench (it builds first).
//   node bench/bench.mjs FILE.json [FILE.json ...]
// Against the release build in dist/, served with gzip as static hosts serve it:
//   - first open: Lighthouse (mobile, simulated slow 4G, 4× CPU) on the start page:
//     largest contentful paint, time to interactive, bytes transferred
//   - per workspace file, in headless Chromium:
//     import (choose → preview, and the decode alone) against JSON.parse of the same bytes,
//     the save after a change (main-thread part, and until IndexedDB has committed it),
//     the longest task while typing in two forms, cold start with the workspace stored
//   - gzipped size of the start wasm, JS and CSS, and of the page chunks together
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const files = process.argv.slice(2);
if (files.length === 0) files.push('bench/out/large.json');
const runs = Number(process.env.RUNS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 4250);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(port), GZIP: '1' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
const url = `http://127.0.0.1:${port}/`;
const rows = [];

// First open, as Lighthouse sees it (installed by scripts/bench into .tools/lighthouse).
const lighthouse = '.tools/lighthouse/node_modules/.bin/lighthouse';
if (existsSync(lighthouse)) {
  const lcps = [], ttis = [], bytes = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const out = execFileSync(lighthouse, [url, '--quiet', '--output=json', '--output-path=stdout', '--only-categories=performance',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    const report = JSON.parse(out.toString());
    lcps.push(report.audits['largest-contentful-paint'].numericValue);
    ttis.push(report.audits['interactive'].numericValue);
    bytes.push(report.audits['total-byte-weight'].numericValue);
  }
  rows.push(['first open: largest contentful paint (Lighthouse mobile, median)', ms(median(lcps))]);
  rows.push(['first open: time to interactive (median)', ms(median(ttis))]);
  rows.push(['first open: transferred (gzip)', kib(median(bytes))]);
} else {
  rows.push(['first open (Lighthouse)', 'skipped: run scripts/bench, which installs Lighthouse']);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Starts recording long tasks (> 50 ms) in the page. */
const watchLongTasks = (page) => page.evaluate(() => {
  window.__long = [];
  window.__longObserver?.disconnect();
  window.__longObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); });
  window.__longObserver.observe({ type: 'longtask' });
});
const longest = (page) => page.evaluate(() => Math.max(0, ...window.__long));
const longText = (x) => (x === 0 ? 'none over 50 ms' : ms(x));

async function measure(file) {
  const text = readFileSync(file, 'utf8');
  const ws = JSON.parse(text).workspace;
  const label = `${mb(text.length)} file`;
  rows.push([`— ${label}`, `${ws.people.length} people, ${ws.cohorts.length} cohorts, ${ws.candidates.length} candidates`]);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(180_000); // a 50 MB workspace takes seconds per step
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url + 'data');
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();

  // Import: from choosing the file to the preview on screen, and the decode alone, against
  // JSON.parse of the same bytes in the same page.
  const picks = [], decodes = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => {
      window.__shown = null;
      const seen = new MutationObserver(() => {
        if (document.querySelector('[aria-label="Import preview"]')) { window.__shown = performance.now(); seen.disconnect(); }
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    await page.getByLabel('Choose a workspace file to import').setInputFiles(file);
    await page.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: 120000 });
    const [pick, decode] = await page.evaluate(() => [
      window.__shown - performance.getEntriesByName('runway:pick').at(-1).startTime,
      performance.getEntriesByName('runway:import').at(-1).duration,
    ]);
    picks.push(pick);
    decodes.push(decode);
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
  const parse = median(await page.evaluate(([t, n]) => {
    const out = [];
    const bytes = new TextEncoder().encode(t); // the app also starts from bytes
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      JSON.parse(new TextDecoder().decode(bytes));
      out.push(performance.now() - t0);
    }
    return out;
  }, [text, runs]));
  const pick = median(picks), decode = median(decodes);
  rows.push([`  import: choose → preview (median)`, `${ms(pick)}  = ${(pick / parse).toFixed(1)}× JSON.parse`]);
  rows.push([`  import: decode + validate alone (median)`, `${ms(decode)}  = ${(decode / parse).toFixed(1)}× JSON.parse`]);
  rows.push([`  JSON.parse of the same bytes (median)`, ms(parse)]);

  // Replace, so the workspace is stored; then save after a change, several times.
  await page.getByLabel('Choose a workspace file to import').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await page.getByText('Saved in this browser').waitFor({ timeout: 120000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const saves = [], commits = [];
  await watchLongTasks(page);
  for (let i = 0; i < runs; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName('runway:commit').length);
    await page.getByLabel('Organisation name').fill(`Benchmark Corp ${i}`);
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.waitForFunction((n) => performance.getEntriesByName('runway:commit').length > n, before, { timeout: 120000 });
    const [save, commit] = await page.evaluate(() => [
      performance.getEntriesByName('runway:save').at(-1).duration,
      performance.getEntriesByName('runway:commit').at(-1).duration,
    ]);
    saves.push(save);
    commits.push(commit);
  }
  const saveLong = await longest(page);
  rows.push([`  save: main-thread part (encode + hand over, median)`, ms(median(saves))]);
  rows.push([`  save: until IndexedDB committed (median)`, ms(median(commits))]);
  rows.push([`  save: longest task while saving`, longText(saveLong)]);
  const stored = await page.evaluate(async () => {
    const db = await new Promise((res) => { const r = indexedDB.open('runway', 1); r.onsuccess = () => res(r.result); });
    const v = await new Promise((res) => { const r = db.transaction('kv').objectStore('kv').get('runway.workspace'); r.onsuccess = () => res(r.result); });
    db.close();
    return v.byteLength;
  });
  rows.push([`  stored size (IndexedDB)`, mb(stored)]);

  // Typing: the organisation's name, then a person's team (a form on a record page).
  await watchLongTasks(page);
  await page.getByLabel('Organisation name').click();
  await page.keyboard.type(' typing along', { delay: 40 });
  const typingSettings = await longest(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: ws.people[0].name }).first().click();
  await page.getByRole('textbox', { name: 'Team', exact: true }).waitFor();
  await watchLongTasks(page);
  await page.getByRole('textbox', { name: 'Team', exact: true }).click();
  await page.keyboard.type(' and more', { delay: 40 });
  await page.waitForTimeout(300);
  const typingPerson = await longest(page);
  rows.push([`  longest task while typing (Settings; a person's page)`, `${longText(typingSettings)}; ${longText(typingPerson)}`]);

  // Cold start: a fresh page load with the workspace stored, to the first render.
  const starts = [], opens = [], loads = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(url + 'settings');
    await page.getByLabel('Organisation name').waitFor({ timeout: 120000 });
    const [mounted, open, load] = await page.evaluate(() => [
      performance.getEntriesByName('runway:mounted')[0].startTime,
      performance.getEntriesByName('runway:open')[0].duration,
      performance.getEntriesByName('runway:load')[0].duration,
    ]);
    starts.push(mounted);
    opens.push(open);
    loads.push(load);
  }
  rows.push([`  cold start → first render (median)`, ms(median(starts))]);
  rows.push([`    of which: read IndexedDB into memory`, ms(median(opens))]);
  rows.push([`    of which: decode + validate stored data`, ms(median(loads))]);
  await context.close();
}

try {
  for (const f of files) {
    try {
      await measure(f);
    } catch (e) {
      rows.push([`  (${f} stopped)`, String(e.message ?? e).split('\n')[0]]);
    }
  }
} finally {
  await browser.close();
  server.kill();
}

// Sizes of what a browser downloads: the start module, the loaders and styles one by one; the
// page chunks (fetched on a page's first visit, precached by the service worker) in total.
const size = (n, gz) => `${(n / 1024).toFixed(1)} KB, gzipped ${(gz / 1024).toFixed(1)} KB`;
let chunks = 0, chunkRaw = 0, chunkGz = 0, largest = ['', 0];
for (const f of readdirSync('dist')) {
  const raw = readFileSync(join('dist', f));
  if (/^(split|chunk)_.*\.wasm$/.test(f)) {
    const gz = gzipSync(raw).length;
    chunks += 1; chunkRaw += raw.length; chunkGz += gz;
    if (gz > largest[1]) largest = [f, gz];
    continue;
  }
  const kind = f.endsWith('.wasm') ? 'start wasm' : f.endsWith('.js') ? 'JS' : f.endsWith('.css') ? 'CSS' : null;
  if (!kind) continue;
  rows.push([`${kind} size (${f})`, size(raw.length, gzipSync(raw).length)]);
}
rows.push([`page chunks: ${chunks} files`, `${size(chunkRaw, chunkGz)} (largest ${largest[0]}, ${(largest[1] / 1024).toFixed(1)} KB gzipped)`]);

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nRunway benchmark (${runs} runs each, Chromium headless, ${new Date().toISOString().slice(0, 10)})`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
