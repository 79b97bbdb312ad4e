// The page's service worker: keeps the app shell, both wasm modules, the samples and the templates in
// one versioned cache so that a reload without a network still computes. The build
// (scripts/sw-manifest.mjs) writes this file as sw.js with PRECACHE and VERSION filled in; a new
// build is a new worker whose cache replaces, and deletes, the old one.
/* eslint-env serviceworker */
/** @type {string} */
const VERSION = '__SERVIMETRICS_VERSION__';
/** @type {string[]} URLs relative to this worker: the hashed assets, public files. */
const PRECACHE = /* __SERVIMETRICS_PRECACHE__ */ [];
const PREFIX = 'servimetrics-';
const CACHE = `${PREFIX}${VERSION}`;
const scope = new URL('./', self.location.href);
const precached = new Set(PRECACHE.map((url) => new URL(url, scope).href));
const shell = new URL('./index.html', scope).href;

self.addEventListener('install', (event) => {
  // addAll is all or nothing: a worker whose cache is not complete never takes over.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...precached].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** The page itself: the network's newest when it answers, else the cached one (offline). */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(shell, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(shell);
    if (cached) return cached;
    throw error;
  }
}

/** A file of the build: hashed or versioned with the cache, so the cached copy is the right one. */
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  const plain = url.href.split(/[?#]/)[0];
  // The page (with or without index.html, with a share link's query) and then the build's files.
  if (plain === scope.href || plain === shell) event.respondWith(networkFirst(request));
  else if (precached.has(plain)) event.respondWith(cacheFirst(request));
});
