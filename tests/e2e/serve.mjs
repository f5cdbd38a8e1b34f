// Tiny dependency-free static server for the trunk build in dist/.
//   PORT (default 8080), HOST (default 127.0.0.1), BASE (URL prefix, default "/",
//   e.g. "/runway/" to test a sub-folder deploy), DIST (default <project>/dist),
//   PAGES_404=1 (unknown paths get 404.html with status 404, as GitHub Pages does),
//   GZIP=1 (gzip text and wasm for clients that accept it, as GitHub Pages does; the
//   benchmark measures first open this way).
// Unknown paths without a file extension (or any page navigation) get index.html,
// so deep links like /cohorts/<uuid> load; other unknown paths are 404.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = resolve(process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url)));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const base = `/${(process.env.BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error(`serve.mjs: ${root}/index.html not found: run \`trunk build --release\` first (scripts/serve and scripts/test do).`);
  process.exit(1);
}

const isFile = (p) => existsSync(p) && statSync(p).isFile();

const gzipped = new Map(); // file -> [mtimeMs, bytes]
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt']);

function send(req, res, status, file, extraHeaders = {}) {
  const ext = extname(file).toLowerCase();
  if (process.env.GZIP && compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    const mtime = statSync(file).mtimeMs;
    let hit = gzipped.get(file);
    if (!hit || hit[0] !== mtime) {
      hit = [mtime, gzipSync(readFileSync(file))]; // zlib's default level, as static hosts use
      gzipped.set(file, hit);
    }
    res.writeHead(status, {
      'Content-Type': types[ext] ?? 'application/octet-stream',
      'Content-Encoding': 'gzip',
      'Content-Length': hit[1].length,
      'Cache-Control': 'no-cache',
      'Vary': 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      ...extraHeaders,
    });
    return res.end(req.method === 'HEAD' ? undefined : hit[1]);
  }
  res.writeHead(status, {
    'Content-Type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    'Cache-Control': 'no-cache', // always revalidate: a rebuild is never hidden by a stale cache
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

function notFound(res, status = 404, text = 'Not found') {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res, 405, 'Method not allowed');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return notFound(res, 400, 'Bad request');
  }
  if (pathname === base.slice(0, -1)) {
    res.writeHead(301, { Location: base }).end();
    return;
  }
  if (!pathname.startsWith(base)) return notFound(res);

  const rel = normalize(pathname.slice(base.length)).replace(/^([/\\]|\.\.[/\\]?)+/, '');
  let file = join(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return notFound(res);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  // SW_EXTRA=<file>: tests act out "a new build was published" by writing that file; its text
  // is appended to sw.js, so the browser sees a changed service worker.
  if (rel === 'sw.js' && process.env.SW_EXTRA && isFile(process.env.SW_EXTRA) && isFile(file)) {
    const body = readFileSync(file, 'utf8') + readFileSync(process.env.SW_EXTRA, 'utf8');
    res.writeHead(200, { 'Content-Type': types['.js'], 'Cache-Control': 'no-cache' });
    return res.end(req.method === 'HEAD' ? undefined : body);
  }
  if (isFile(file)) return send(req, res, 200, file);

  const navigation = (req.headers.accept ?? '').includes('text/html');
  if (!extname(rel) || navigation) {
    // PAGES_404=1 acts like GitHub Pages: unknown paths get 404.html with status 404.
    if (process.env.PAGES_404 && isFile(join(root, '404.html'))) return send(req, res, 404, join(root, '404.html'));
    return send(req, res, 200, join(root, 'index.html'));
  }
  return notFound(res);
});

server.on('error', (err) => {
  console.error(`serve.mjs: cannot listen on ${host}:${port}: ${err.message}` +
    (err.code === 'EADDRINUSE' ? ' (port in use: pick another with PORT=...)' : ''));
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`Runway is being served from ${root} at http://${host}:${port}${base}  (Ctrl-C to stop)`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
