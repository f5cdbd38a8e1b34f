// Runway's service worker: makes the app start with no network after the first visit.
// scripts/postbuild.mjs fills in the file list (from the real build output) and the version.
const PRECACHE = __PRECACHE__;
const VERSION = __VERSION__;
// One cache per deployment folder, so two deployments on one site keep their own copies.
const SCOPE = new URL(self.registration.scope).pathname;
const PREFIX = `runway:${SCOPE}:`;
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  // All files or none: a half-filled cache must never serve the app.
  event.waitUntil(
    caches
      .open(CACHE)
      // cache: 'reload' skips the browser's HTTP cache, so a host's max-age can never pair a
      // stale index.html with new hashed files.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page of the app is the same shell; the router shows the right page.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match('./').then((shell) => shell || fetch(request))),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)),
  );
});
