// The files the page's Python needs beyond what this page's own requests show: the runtime's (as
// static/vendor/manifest.json lists them) and the model worker's, which the worker fetches itself, out
// of this page's resource timing: its script and config (named on its <script worker> element), the
// config's interpreter module and the files the config lists. Used by boot.js (are they there?) and
// offline.js (keep them).

import { _, fill } from "./i18n.js";

export const VENDOR = new URL("./static/vendor/", document.baseURI);

export async function manifest() {
  const response = await fetch(new URL("manifest.json", VENDOR), { cache: "no-cache" });
  if (!response.ok) throw new Error(fill(_("Could not load {url} (HTTP {status})."), response));
  return response;
}

export function runtimeURLs(listed) {
  return Object.keys(listed.files).map((path) => new URL(path, VENDOR).href);
}

export async function workerURLs() {
  const urls = [];
  // The model's worker, and the exercise worker the Exercises view starts (its element names its files).
  const workers = [...document.querySelectorAll("script[worker]")].map((script) =>
    [script.getAttribute("src"), script.getAttribute("config")]);
  for (const element of document.querySelectorAll("[data-worker-config]")) {
    workers.push([element.dataset.workerSrc, element.dataset.workerConfig]);
  }
  for (const [src, configPath] of workers) {
    const config = new URL(configPath, document.baseURI);
    urls.push(new URL(src, document.baseURI).href, config.href);
    const response = await fetch(config);
    if (!response.ok) throw new Error(fill(_("Could not load {url} (HTTP {status})."), response));
    const text = await response.text();
    // Its interpreter (static/js/pyodide-snapshot.mjs, which loads the vendored Pyodide) and the files it lists.
    for (const [, path] of text.matchAll(/^interpreter\s*=\s*"([^"]+)"/gm)) urls.push(new URL(path, config).href);
    for (const [, path] of text.matchAll(/^"([^"]+)"\s*=/gm)) urls.push(new URL(path, config).href);
  }
  return urls;
}
