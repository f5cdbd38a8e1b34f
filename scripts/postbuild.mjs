// Trunk post-build hook (see Trunk.toml): finishes dist/ for any static host.
//  1. index.html gets a Content-Security-Policy whose script-src allows only the app's own
//     files and the hash of trunk's inline loader; no connection leaves the app's origin.
//  2. sw.js is written from sw/service-worker.js with the precache list taken from the real
//     build output and a version that changes whenever any file does.
//  3. 404.html is a copy of index.html, so a static host that serves 404.html for unknown
//     paths (GitHub Pages) opens deep links such as /runway/cohorts/<id>.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 0. The page chunks scripts/wasm-link split off, under content-hashed names: each chunk, and
//    their loader (imported by the main module's JS, which is renamed after its new content
//    and gets a new integrity hash).
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
const splitDir = join(target, 'wasm32-unknown-unknown', profile, 'runway-split');
const run = promisify(execFile);
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const mainJs = readdirSync(dir).find((f) => /^runway-[0-9a-f]+\.js$/.test(f));
if (!mainJs) {
  console.error(`postbuild: no runway-<hash>.js in ${dir}`);
  process.exit(1);
}
let chunks = 0;
const mainPath = join(dir, mainJs);
let main = readFileSync(mainPath, 'utf8');
if (main.includes('./__wasm_split.js')) {
  if (!existsSync(join(splitDir, '__wasm_split.js'))) {
    console.error(`postbuild: the main module imports __wasm_split.js but ${splitDir} has none (was it linked by scripts/wasm-link?)`);
    process.exit(1);
  }
  // The split folder must come from the link trunk just ran: chunks of another build would
  // call into the wrong functions.
  const linked = join(target, 'wasm32-unknown-unknown', profile, 'runway.wasm');
  const stamp = join(splitDir, 'main.sha256');
  const linkedHash = existsSync(linked) ? createHash('sha256').update(readFileSync(linked)).digest('hex') : '';
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== linkedHash) {
    console.error(`postbuild: ${splitDir} was not split from ${linked} (run the build again; a clean build if it repeats)`);
    process.exit(1);
  }
  // The loader takes the main module's exports from the bindings trunk's inline script keeps
  // in window.wasmBindings (set before any page chunk can arrive: the first fetch starts
  // inside init and ends in a later task) instead of importing the main JS by name. The main
  // JS imports the loader, and both are named after their content.
  const importMain = /import\s*\{\s*initSync\s*\}\s*from\s*"\.\/runway\.js";?/;
  if (!html.includes('window.wasmBindings')) {
    console.error('postbuild: trunk\'s inline script no longer sets window.wasmBindings, which the chunk loader reads');
    process.exit(1);
  }
  let loader = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');
  if (!importMain.test(loader)) {
    console.error('postbuild: __wasm_split.js does not import initSync from ./runway.js as expected');
    process.exit(1);
  }
  loader = loader.replace(
    importMain,
    'const initSync = (...args) => window.wasmBindings.initSync(...args);',
  );
  // Release chunks go through wasm-opt as trunk's main module does, two at a time, kept by
  // their input's hash so the sub-folder build (and an unchanged rebuild) reuses them.
  const optDir = join(target, 'wasm32-unknown-unknown', profile, 'runway-split-opt');
  mkdirSync(optDir, { recursive: true });
  const optimised = async (f) => {
    const src = join(splitDir, f);
    if (profile !== 'release') return readFileSync(src);
    // The chunk's own target_features section tells wasm-opt which features it may use.
    const args = ['-Oz'];
    const kept = join(optDir, `${short(Buffer.concat([readFileSync(src), Buffer.from(args.join(' '))]))}.wasm`);
    if (!existsSync(kept)) {
      await run('wasm-opt', [...args, src, '-o', `${kept}.tmp`]);
      renameSync(`${kept}.tmp`, kept);
    }
    return readFileSync(kept);
  };
  const names = readdirSync(splitDir).filter((f) => f.endsWith('.wasm')).sort();
  const outputs = new Array(names.length);
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < names.length) {
        const i = next++;
        outputs[i] = await optimised(names[i]);
      }
    }),
  );
  for (const [i, f] of names.entries()) {
    const bytes = outputs[i];
    const name = `${f.replace(/\.wasm$/, '')}-${short(bytes)}.wasm`;
    const quoted = JSON.stringify(`./${f}`);
    if (!loader.includes(quoted)) {
      console.error(`postbuild: __wasm_split.js does not name ${f}`);
      process.exit(1);
    }
    loader = loader.replaceAll(quoted, JSON.stringify(`./${name}`));
    writeFileSync(join(dir, name), bytes);
    chunks += 1;
  }
  const loaderName = `__wasm_split-${short(loader)}.js`;
  writeFileSync(join(dir, loaderName), loader);
  // Only the import statements: the import object's keys must stay the wasm's module name.
  main = main.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
  // Renamed after its new content, so a cached copy under the old name is never taken for it.
  const renamed = `runway-${short(main)}.js`;
  rmSync(mainPath);
  writeFileSync(join(dir, renamed), main);
  const integrity = `sha384-${createHash('sha384').update(main).digest('base64')}`;
  html = html.replace(
    new RegExp(`(href="[^"]*)${mainJs}("[^>]*integrity=")[^"]*"`),
    (_, head, mid) => `${head}${renamed}${mid}${integrity}"`,
  );
  html = html.replaceAll(mainJs, renamed);
  if (!html.includes(integrity) || html.includes(mainJs)) {
    console.error('postbuild: could not point index.html at the renamed main module');
    process.exit(1);
  }
}

// 1. CSP with the inline loader's hash.
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
console.log(`postbuild: ${chunks} page chunk(s); CSP with ${hashes.length} script hash(es); sw.js precaches ${precache.length} files; 404.html written`);
