// The Many seeds sweep and the cost landscape inside Pyodide (the worker's Python and NumPy 2.0.2), under Node:
// bench/bench_sweep.py's figures as the page's worker would see them, to compare with CPython's.
// Usage: node bench/pyodide_sweep.mjs
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vendor = path.join(root, "static", "vendor", "pyodide");
const { loadPyodide } = await import(path.join(vendor, "pyodide.mjs"));

const pyodide = await loadPyodide({ indexURL: vendor + path.sep });
await pyodide.loadPackage("numpy", { messageCallback: () => {} });
pyodide.FS.mkdirTree("/repo");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root }, "/repo");
try {
  pyodide.runPython(`
import runpy, sys
sys.argv = ["bench_sweep.py"]
runpy.run_path("/repo/bench/bench_sweep.py", run_name="__main__")
`);
} catch (error) {
  console.log(String(error.message).slice(-3000));  // a benchmark prints; it never fails
}
