// Runway benchmark: figures, not pass/fail. Run with scripts/bench (it builds first).
// Measures in headless Chromium against the release build in dist/:
//   - import (decode + migrate + validate) of a large workspace vs JSON.parse of the same bytes
//   - cold start to first render with that workspace stored
//   - save time of that workspace
//   - gzipped size of the wasm, JS and CSS
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const file = process.argv[2] ?? 'bench/out/large.json';
const runs = Number(process.env.RUNS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 4250);
const text = readFileSync(file, 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const url = `http://127.0.0.1:${port}/`;
  await page.goto(url + 'data');
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  const ws = JSON.parse(text);
  const counts = `${ws.workspace.people.length} people, ${ws.workspace.cohorts.length} cohorts, ${ws.workspace.candidates.length} candidates, ${(text.length / 1048576).toFixed(2)} MB`;

  // Import: the app's decode+validate (performance measure "runway:import") against JSON.parse.
  const imports = [];
  for (let i = 0; i < runs; i++) {
    await page.getByLabel('Choose a workspace file to import').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('region', { name: 'Import preview' }).waitFor();
    imports.push(await page.evaluate(() => performance.getEntriesByName('runway:import').at(-1).duration));
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
  const parses = await page.evaluate(([t, n]) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const bytes = new TextEncoder().encode(t); // the app also starts from bytes
      const t0 = performance.now();
      JSON.parse(new TextDecoder().decode(bytes));
      out.push(performance.now() - t0);
    }
    return out;
  }, [text, runs]);
  const imp = median(imports), parse = median(parses);
  rows.push(['workspace', counts]);
  rows.push(['import: decode + validate (median)', ms(imp)]);
  rows.push(['JSON.parse of the same bytes (median)', ms(parse)]);
  rows.push(['import / JSON.parse', `${(imp / parse).toFixed(1)}×`]);

  // Replace, so the large workspace is stored; measure the save that follows.
  await page.getByLabel('Choose a workspace file to import').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await page.getByText('Saved in this browser').waitFor();
  const saves = [];
  // The organisation's name is edited in Settings.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  for (let i = 0; i < runs; i++) {
    await page.getByLabel('Organisation name').fill(`Benchmark Corp ${i}`);
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.waitForFunction((n) => performance.getEntriesByName('runway:save').length >= n, i + 2);
    saves.push(await page.evaluate(() => performance.getEntriesByName('runway:save').at(-1).duration));
  }
  rows.push(['save (encode + localStorage, median)', ms(median(saves))]);
  const stored = await page.evaluate(() => localStorage.getItem('runway.workspace').length);
  rows.push(['stored size', `${(stored / 1048576).toFixed(2)} MB`]);

  // Cold start: a fresh page load with the workspace stored, to the first render.
  const starts = [], loads = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: /Benchmark Corp/ }).waitFor();
    const [mounted, load] = await page.evaluate(() => [
      performance.getEntriesByName('runway:mounted')[0].startTime,
      performance.getEntriesByName('runway:load')[0].duration,
    ]);
    starts.push(mounted);
    loads.push(load);
  }
  rows.push(['cold start → first render (median)', ms(median(starts))]);
  rows.push(['  of which: read + decode stored data', ms(median(loads))]);
} finally {
  await browser.close();
  server.kill();
}

// Sizes of what a browser downloads.
for (const f of readdirSync('dist')) {
  const kind = f.endsWith('.wasm') ? 'wasm' : f.endsWith('.js') ? 'JS' : f.endsWith('.css') ? 'CSS' : null;
  if (!kind) continue;
  const raw = readFileSync(join('dist', f));
  rows.push([`${kind} size (${f})`, `${(raw.length / 1024).toFixed(1)} KB, gzipped ${(gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KB`]);
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nRunway benchmark (${runs} runs each, Chromium headless, ${new Date().toISOString().slice(0, 10)})`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
