// The workers' Pyodide (worker.toml and exercise.toml name this module as their `interpreter`), started from a
// memory snapshot of the bare interpreter when this browser keeps one: about 0.3 s in place of 1.7 s.
//
// PyScript imports this module in the worker, uses its {loadPyodide, version} and calls
// loadPyodide({stdout, stderr, indexURL, packages}) with indexURL set to this module's folder; the runtime lives
// in static/vendor/pyodide/, so indexURL is set here. The first start in a browser boots Pyodide with
// _makeSnapshot, copies its memory (makeMemorySnapshot, about 21 MB, before any package: a snapshot after
// `import numpy` cannot be made) and keeps it in Cache Storage; the next starts restore it, then load the
// packages as before. The snapshot belongs to one runtime: its cache is named by the SHA-256 of the runtime's
// files as static/vendor/manifest.json lists them, and the caches of other runtimes are deleted when a new one
// is stored. Everything here is optional: without Cache Storage (file://, some iframes, private modes,
// insecure origins) or the manifest, Pyodide starts as it did without this module; a snapshot that does not
// restore (corrupt, or of another build: Pyodide checks its build id) is deleted and Pyodide starts afresh,
// making a new one. Not sw.js's cache-name prefix ("backprop-lab "): its activation deletes those.
//
// globalThis.pyodideSnapshot tells how this worker started, for the tests: "restored", "made" (no usable
// snapshot: one was made), or "none" (no Cache Storage or manifest here).
import { loadPyodide as load, version } from "../vendor/pyodide/pyodide.mjs";

export { version };

const INDEX = new URL("../vendor/pyodide/", import.meta.url).href;
const MANIFEST = new URL("../vendor/manifest.json", import.meta.url).href;
const KEY = INDEX + "memory-snapshot";
const PREFIX = "pyodide-snapshot ";
// The files a snapshot depends on: the interpreter's code and its standard library.
const RUNTIME = ["pyodide/pyodide.mjs", "pyodide/pyodide.asm.js", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip"];

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// This runtime's snapshot cache, or null where there is none to be had.
async function snapshotCache() {
  try {
    if (!globalThis.caches || !globalThis.crypto?.subtle) return null;
    const response = await fetch(MANIFEST, { cache: "no-cache" });
    if (!response.ok) return null;
    const { files } = await response.json();
    if (!RUNTIME.every((path) => files[path])) return null;
    const name = `${PREFIX}${version} ${await sha256Hex(RUNTIME.map((path) => files[path]).join(" "))}`;
    return { name, cache: await caches.open(name) };
  } catch {
    return null;
  }
}

async function keep({ name, cache }, snapshot) {
  await cache.put(KEY, new Response(snapshot, { headers: { "content-type": "application/octet-stream" } }));
  for (const other of await caches.keys()) {
    if (other.startsWith(PREFIX) && other !== name) await caches.delete(other);
  }
}

async function restore(store, options) {
  try {
    const hit = await store.cache.match(KEY);
    if (!hit) return null;
    const pyodide = await load({ ...options, _loadSnapshot: hit.arrayBuffer() });
    if (pyodide.runPython("1 + 1") !== 2) throw new Error("the restored interpreter does not answer");
    return pyodide;
  } catch {
    await store.cache.delete(KEY).catch(() => {});
    return null;
  }
}

export async function loadPyodide({ packages = [], ...options } = {}) {
  const opts = { ...options, indexURL: INDEX };
  const store = await snapshotCache();
  let pyodide = store && (await restore(store, opts));
  if (pyodide) {
    globalThis.pyodideSnapshot = "restored";
  } else if (store) {
    pyodide = await load({ ...opts, _makeSnapshot: true });
    let snapshot = null;
    try {
      snapshot = pyodide.makeMemorySnapshot();
    } catch {
      // not this time; the interpreter is fine
    }
    if (snapshot) keep(store, snapshot).catch(() => {});
    globalThis.pyodideSnapshot = "made";
  } else {
    pyodide = await load(opts);
    globalThis.pyodideSnapshot = "none";
  }
  // As loadPyodide loads its `packages` option: without a message per package.
  if (packages.length) await pyodide.loadPackage(packages, { messageCallback() {} });
  return pyodide;
}
