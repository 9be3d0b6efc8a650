// Runs before Python exists, so it is JavaScript: it names the loading stage and, if the runtime
// fails to load, shows the error panel instead of a page that spins for ever.
const root = document.documentElement;
const stage = document.getElementById("loading-stage");
// Embed mode (?embed=1 or true, as py/app/state.py reads it): the compact layout for an iframe, set
// here so that it shows from the first paint rather than once Python has loaded.
const embed = new URLSearchParams(location.search).getAll("embed").pop();
if (["1", "true"].includes(embed?.trim().toLowerCase())) root.dataset.embed = "true";

const STAGES = { "Loading Pyodide": "Loading the Python runtime (Pyodide, about 13 MB)…" };

function loading() {
  return root.dataset.appState === "loading";
}

function fail(message) {
  if (!loading()) return;
  root.dataset.appState = "error";
  document.getElementById("loading").hidden = true;
  document.getElementById("load-error-text").textContent = message;
  document.getElementById("load-error").hidden = false;
}

addEventListener("py:progress", ({ detail }) => {
  if (loading() && STAGES[detail]) stage.textContent = STAGES[detail];
});

// A script, stylesheet or module that fails to load reports here (capture: such errors do not bubble).
addEventListener("error", (event) => {
  const source = event.target?.src || event.target?.href;
  fail(source ? `Could not load ${source}.` : `The runtime stopped with an error: ${event.message}`);
}, true);

addEventListener("unhandledrejection", ({ reason }) => {
  fail(`The Python runtime failed to start: ${reason?.message ?? reason}`);
});

// Files fetched by the runtime (the WebAssembly, the standard library, NumPy, the Python modules)
// do not raise the events above when they 404: their timing entries carry the status.
new PerformanceObserver((entries) => {
  for (const entry of entries.getEntries()) {
    if (entry.responseStatus >= 400) fail(`Could not load ${entry.name} (HTTP ${entry.responseStatus}).`);
  }
}).observe({ type: "resource", buffered: true });

// Python that raises while the lab starts shows PyScript's error box; say so in the panel too.
new MutationObserver(() => {
  const error = document.querySelector(".py-error");
  if (error) fail(`Python stopped with an error while starting: ${error.textContent.trim().split("\n").pop()}`);
}).observe(document.body, { childList: true });

stage.textContent = "Loading PyScript…";
