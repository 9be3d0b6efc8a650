// Runs before Python exists, so it is JavaScript: it names the loading stage and, if the runtime
// fails to load, shows the error panel instead of a page that spins for ever.
const root = document.documentElement;
const stage = document.getElementById("loading-stage");
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

stage.textContent = "Loading PyScript…";
