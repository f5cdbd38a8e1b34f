// Trunk post-build hook (see Trunk.toml): finishes dist/ for any static host.
//  1. index.html gets a Content-Security-Policy whose script-src allows only the app's own
//     files and the hash of trunk's inline loader; no connection leaves the app's origin.
//  2. sw.js is written from sw/service-worker.js with the precache list taken from the real
//     build output and a version that changes whenever any file does.
//  3. 404.html is a copy of index.html, so a static host that serves 404.html for unknown
//     paths (GitHub Pages) opens deep links such as /runway/cohorts/<id>.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));

// 1. CSP with the inline loader's hash.
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  // Leptos sets a few style attributes (timeline widths); no style sheets from elsewhere.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // The loader fetches the app's own .wasm; nothing else may be fetched from anywhere.
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
html = html.replace(
  /<meta charset="utf-8"\s*\/?>/i,
  (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
);
if (!html.includes('Content-Security-Policy')) {
  console.error('postbuild: could not place the CSP (no <meta charset> in index.html)');
  process.exit(1);
}
writeFileSync(indexPath, html);
writeFileSync(join(dir, '404.html'), html);

// 2. The service worker with the precache list from the build output.
function files(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const precache = files(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((f) => f !== 'sw.js' && f !== '404.html')
  .sort();
const version = createHash('sha256');
for (const f of precache) version.update(f).update(readFileSync(join(dir, f)));
const sw = readFileSync(join(root, 'sw', 'service-worker.js'), 'utf8')
  .replace('__PRECACHE__', JSON.stringify(['./', ...precache.filter((f) => f !== 'index.html')]))
  .replace('__VERSION__', JSON.stringify(version.digest('hex').slice(0, 16)));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`postbuild: CSP with ${hashes.length} script hash(es); sw.js precaches ${precache.length} files; 404.html written`);
