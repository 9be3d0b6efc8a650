// Runs before Python exists, so it is JavaScript: it names the loading stage and, if the runtime
// fails to load, shows the error panel instead of a page that spins for ever. Python's own stages
// (py/app/stages.py) take over once the page's MicroPython runs: <html data-app-state> is then
// "interactive" until the model's worker (Pyodide and NumPy) is ready.
import { _, fill, language } from "./i18n.js";
import { manifest, runtimeURLs, workerURLs } from "./site-files.js";

const root = document.documentElement;
const stage = document.getElementById("loading-stage");
// Embed mode (?embed=1 or true, as py/app/settings.py reads it): the compact layout for an iframe, set
// here so that it shows from the first paint rather than once Python has loaded.
const embed = new URLSearchParams(location.search).getAll("embed").pop();
if (["1", "true"].includes(embed?.trim().toLowerCase())) root.dataset.embed = "true";

const STAGES = { "Loading MicroPython": () => _("Loading the page's Python (MicroPython, about 0.5 MB)…") };

function loading() {
  return ["loading", "interactive"].includes(root.dataset.appState);
}

function fail(message) {
  if (!loading()) return;
  root.dataset.appState = "error";
  document.getElementById("loading").hidden = true;
  document.getElementById("load-error-text").textContent = message;
  document.getElementById("load-error").hidden = false;
}

addEventListener("py:progress", ({ detail }) => {
  if (loading() && STAGES[detail]) stage.textContent = STAGES[detail]();
});

// A script, stylesheet or module that fails to load reports here (capture: such errors do not bubble).
addEventListener("error", (event) => {
  const source = event.target?.src || event.target?.href;
  fail(source
    ? fill(_("Could not load {source}."), { source })
    : fill(_("The runtime stopped with an error: {error}"), { error: event.message }));
}, true);

function couldNotLoad(url, status) {
  return fill(_("Could not load {url} (HTTP {status})."), { url, status });
}

// A runtime file that failed to load names the failure better than the rejection it causes.
function failedFile() {
  const entry = performance.getEntriesByType("resource").find(({ responseStatus }) => responseStatus >= 400);
  return entry && couldNotLoad(entry.name, entry.responseStatus);
}

addEventListener("unhandledrejection", ({ reason }) => {
  const message = fill(_("The Python runtime failed to start: {error}"), { error: reason?.message ?? reason });
  filesChecked.finally(() => fail(failedFile() ?? message));
});

// Files fetched by the runtime (the WebAssembly, the Python modules) do not raise the events above
// when they 404: their timing entries carry the status.
new PerformanceObserver((entries) => {
  for (const entry of entries.getEntries()) {
    if (entry.responseStatus >= 400) fail(couldNotLoad(entry.name, entry.responseStatus));
  }
}).observe({ type: "resource", buffered: true });

// The model's worker fetches its files itself, out of this page's sight, and Pyodide waits for ever
// when one is missing. So the page asks the site for each of them and of the runtime's (HEAD: headers
// only; sw.js answers from its copy when offline) and shows the error panel for a missing one.
// A fetch() costs the main thread about a millisecond here, so the 80-odd checks go a few at a time, each
// batch in a task of its own: all at once they made one task of 70-120 ms while the page starts.
const CHECKS_PER_TASK = 8;

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function checkFiles() {
  const listed = await (await manifest()).json();
  // PyScript's own files and MicroPython's load in this page (index.html preloads them), where the listeners
  // above see a failure; the worker's Pyodide does not.
  const interpreters = runtimeURLs(listed).filter((url) => /\/vendor\/pyodide\//.test(url));
  const urls = [...interpreters, ...(await workerURLs())];
  const checks = [];
  for (let first = 0; first < urls.length; first += CHECKS_PER_TASK) {
    await nextTask();
    checks.push(...urls.slice(first, first + CHECKS_PER_TASK).map(async (url) => {
      const response = await fetch(url, { method: "HEAD" });
      if (!response.ok) fail(couldNotLoad(url, response.status));
    }));
  }
  await Promise.all(checks);
}
const filesChecked = checkFiles().catch((error) => fail(error.message));

// In the page's language once its catalog is in (English at once).
language.then(() => {
  if (stage.textContent === _("Loading the page…")) stage.textContent = _("Loading PyScript…");
});
