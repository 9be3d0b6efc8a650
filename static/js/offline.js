// Repeat visits and offline use: once the lab is ready, the service worker (sw.js at the site's root)
// keeps every file this page loaded from its own site, the runtime checked against its manifest; the next
// visit starts from that copy, also with the network off. The service worker's version is the SHA-256 of
// static/vendor/manifest.json, so a new runtime installs a new worker and cache (see sw.js).
// Everything here is optional: where service workers are unavailable (file://, some iframes, private
// modes, blocked) the lab works as before, and nothing is reported as an error.
import { _ } from "./i18n.js";
import { manifest, runtimeURLs, workerURLs } from "./site-files.js";

const root = document.documentElement;

// Room for every file the page loads in the resource timing list (the default keeps 250).
performance.setResourceTimingBufferSize?.(1000);

function whenReady() {
  return new Promise((resolve) => {
    if (root.dataset.appState === "ready") return resolve();
    const observer = new MutationObserver(() => {
      if (root.dataset.appState !== "ready") return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { attributes: true, attributeFilter: ["data-app-state"] });
  });
}

function idle() {
  return new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(resolve, { timeout: 2000 }));
}

async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function nextStateChange(worker) {
  return new Promise((resolve) => worker.addEventListener("statechange", resolve, { once: true }));
}

// The registration's worker of this script URL, once activated.
async function activated(registration, scriptURL) {
  for (;;) {
    const pending = registration.installing || registration.waiting;
    const { active } = registration;
    if (pending) {
      await nextStateChange(pending);
    } else if (active?.scriptURL !== scriptURL) {
      throw new Error("the service worker of this version did not install");
    } else if (active.state === "activated") {
      return active;
    } else {
      await nextStateChange(active);
    }
  }
}

function ask(worker, message, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error("the service worker did not answer")), timeoutMs);
    channel.port1.onmessage = ({ data }) => {
      clearTimeout(timer);
      resolve(data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

// What this page loaded from its own site, and the worker's files (site-files.js), whose requests the
// page's resource timing does not list. Runtime files the page did not use are not kept.
async function pageFilesURLs(listed) {
  const page = new URL(location.href);
  page.search = "";
  page.hash = "";
  const worker = runtimeURLs(listed).filter((url) => url.includes("/vendor/pyodide/"));
  const urls = [page.href, ...performance.getEntriesByType("resource").map((entry) => entry.name),
    ...worker, ...(await workerURLs())];
  return [...new Set(urls.filter((url) => new URL(url).origin === location.origin))];
}

function say(text) {
  let line = document.getElementById("offline-status");
  if (!line) {
    const footer = document.querySelector(".page-footer");
    if (!footer) return;
    line = document.createElement("p");
    line.id = "offline-status";
    footer.append(line);
  }
  line.textContent = text;
}

async function keepForOffline() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext || !crypto.subtle) {
    throw new Error("service workers are not available here");
  }
  await whenReady();
  await idle(); // after ready, while nothing else runs: the hashing and the list below are not the start's
  const bytes = await (await manifest()).arrayBuffer();
  const version = await sha256Hex(bytes);
  const scriptURL = new URL(`./sw.js?v=${version}`, document.baseURI).href;
  const registration = await navigator.serviceWorker.register(scriptURL);
  if (!registration) throw new Error("service worker registration was blocked"); // as Playwright blocks it
  const worker = await activated(registration, scriptURL);
  const urls = await pageFilesURLs(JSON.parse(new TextDecoder().decode(bytes)));
  const result = await ask(worker, { type: "store", urls });
  if (!result?.ok) throw new Error(`not all files were kept: ${result?.failed?.join(", ") || result?.error}`);
  root.dataset.offline = "ready";
  say(_("Saved in this browser: the next visit starts faster and works offline."));
}

keepForOffline().catch((error) => {
  root.dataset.offline = "unavailable";
  root.dataset.offlineReason = String(error?.message ?? error);
});
