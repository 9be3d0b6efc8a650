// Backprop Lab's service worker: keeps the verified runtime and the page's own files in this browser,
// so that a repeat visit starts from this copy and the lab also starts with the network off.
//
// static/js/offline.js registers it as sw.js?v=<sha-256 of static/vendor/manifest.json>, at the site's
// root so that its scope is the whole site (also under a sub-path). A new runtime is a new manifest, so a
// new script URL: a new worker installs with a new cache, and on activation deletes this site's caches of
// other versions. The worker of a version keeps that version's manifest in its cache and stores a runtime
// file only when its SHA-256 matches the manifest.
//
// - static/vendor/ (the runtime, immutable for a given manifest): from the cache first, else the network;
//   but while a navigation finds a different manifest on the site (a new runtime, not yet installed), the
//   page is given the site's runtime from the network, so that it never mixes new page files with an old
//   runtime; offline, or when the check takes longer than VERSION_CHECK_MS, the cached runtime is used;
// - everything else (the page, pyscript.toml, the Python modules, CSS, JavaScript, the manifest): from the
//   network first, so that an edit shows at once, with the cache as the fallback when the network fails;
// - HEAD requests (the page checks that the model worker's runtime files are there, static/js/boot.js):
//   the network, and offline the headers of the cached copy;
// - requests to other origins, outside the scope, or neither GET nor HEAD: not touched at all.

const SCOPE = self.registration.scope; // ends with "/"
const VERSION = new URL(self.location.href).searchParams.get("v") || "unversioned";
// Caches belong to the origin, not to the scope: the scope in the name keeps two copies of the lab on
// one origin (two sub-paths) from deleting each other's caches.
const PREFIX = `backprop-lab ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const VENDOR = SCOPE + "static/vendor/";
const MANIFEST = VENDOR + "manifest.json";
const VERSION_CHECK_MS = 3000;

async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function withoutSearch(url) {
  const parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

// The runtime files of this version: Map of absolute URL -> sha256 hex, from the cached manifest.
let runtimeFiles = null;
function listedFiles() {
  runtimeFiles ??= caches.open(CACHE)
    .then((cache) => cache.match(MANIFEST))
    .then((response) => {
      if (!response) throw new Error("the manifest of this version is not cached");
      return response.json();
    })
    .then((manifest) => new Map(Object.entries(manifest.files).map(([path, hash]) => [VENDOR + path, hash])))
    .catch((error) => {
      runtimeFiles = null; // try again next time
      throw error;
    });
  return runtimeFiles;
}

// Store a runtime file only if it is the one the manifest names (same SHA-256).
async function storeVerified(cache, url, response) {
  const expected = (await listedFiles()).get(url);
  if (!expected || !response.ok || response.redirected) return false;
  // The network's response itself is kept, once a copy's hash matches: a Response made anew has no URL, and
  // Chrome then keeps no compiled code beside the cached WebAssembly (its code cache, which the next start reuses).
  const copy = response.clone();
  if ((await sha256Hex(await copy.arrayBuffer())) !== expected) return false;
  await cache.put(url, response);
  return true;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const response = await fetch(MANIFEST, { cache: "no-cache" });
    if (!response.ok) throw new Error(`${MANIFEST}: HTTP ${response.status}`);
    const body = await response.clone().arrayBuffer();
    // The manifest changed since the page read it: this worker is not that version; the page registers
    // the right one on its next visit.
    if (VERSION !== (await sha256Hex(body))) throw new Error("the manifest does not match this version");
    await (await caches.open(CACHE)).put(MANIFEST, response);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Does the site still serve this version's manifest? Asked at each navigation; true when unknown.
let siteHasThisVersion = null;
function checkSiteVersion() {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), VERSION_CHECK_MS);
  return fetch(MANIFEST, { cache: "no-cache", signal: abort.signal })
    .then(async (response) => !response.ok || (await sha256Hex(await response.arrayBuffer())) === VERSION)
    .catch(() => true) // offline, or too slow: the cached runtime
    .finally(() => clearTimeout(timer));
}

async function cacheFirst(event) {
  const url = event.request.url;
  if (siteHasThisVersion && !(await siteHasThisVersion)) return fetch(event.request);
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(storeVerified(cache, url, response.clone()).catch(() => false));
  return response;
}

async function networkFirst(event) {
  const request = event.request;
  const navigation = request.mode === "navigate";
  // The page is one document whatever its query (?n_h=4...): it is kept under its URL without the query.
  const key = navigation ? withoutSearch(request.url) : request.url;
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cached = await cache.match(key, { ignoreSearch: navigation });
    if (cached) return cached;
    throw error; // a network error, as without this worker
  }
  // Refresh the copy, except the manifest: a version's cache keeps that version's manifest.
  if (response.ok && response.type === "basic" && !response.redirected && key !== MANIFEST) {
    event.waitUntil(cache.put(key, response.clone()).catch(() => {}));
  }
  return response;
}

async function head(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await (await caches.open(CACHE)).match(request.url, { ignoreMethod: true });
    if (!cached) throw error;
    return new Response(null, { status: cached.status, statusText: cached.statusText, headers: cached.headers });
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Other origins (SCOPE starts with this origin) and anything outside the scope pass through untouched.
  if (!request.url.startsWith(SCOPE) || request.headers.has("range")) return;
  if (request.method === "HEAD") return event.respondWith(head(request));
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate") siteHasThisVersion = checkSiteVersion();
  if (request.url.startsWith(VENDOR) && request.url !== MANIFEST && !url.search) {
    event.respondWith(cacheFirst(event));
  } else {
    event.respondWith(networkFirst(event));
  }
});

// The page (static/js/offline.js), once the lab is ready, sends the URLs it loaded from this site; the
// worker stores those it does not have yet, and answers on the message's port.
async function store(urls) {
  const cache = await caches.open(CACHE);
  const listed = await listedFiles();
  const failed = [];
  let stored = 0;
  const wanted = new Set(urls.filter((url) => typeof url === "string" && url.startsWith(SCOPE))
    .map((url) => url.split("#")[0]));
  wanted.delete(MANIFEST); // cached at install
  await Promise.all([...wanted].map(async (url) => {
    try {
      if (await cache.match(url)) return;
      if (listed.has(url)) {
        if (await storeVerified(cache, url, await fetch(url))) stored += 1;
        else failed.push(url);
      } else if (!url.startsWith(VENDOR)) {
        const response = await fetch(url);
        if (!response.ok || response.redirected) throw new Error(`HTTP ${response.status}`);
        await cache.put(url, response);
        stored += 1;
      } // a file under static/vendor/ that the manifest does not list is not the verified runtime: not kept
    } catch {
      failed.push(url);
    }
  }));
  return { ok: failed.length === 0, version: VERSION, stored, failed };
}

self.addEventListener("message", (event) => {
  if (event.data?.type !== "store" || !Array.isArray(event.data.urls)) return;
  const port = event.ports[0];
  event.waitUntil(store(event.data.urls).then(
    (result) => port?.postMessage(result),
    (error) => port?.postMessage({ ok: false, version: VERSION, error: String(error) }),
  ));
});
