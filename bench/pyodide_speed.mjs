// The model's raw training speed inside Pyodide (the worker's Python and NumPy 2.0.2), under Node:
// the most steps per second the page's worker could reach. Prints one number, steps per second.
// Usage: node bench/pyodide_speed.mjs [steps] [repeats]
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vendor = path.join(root, "static", "vendor", "pyodide");
const { loadPyodide } = await import(path.join(vendor, "pyodide.mjs"));
const [steps = "5000", repeats = "5"] = process.argv.slice(2);

const pyodide = await loadPyodide({ indexURL: vendor + path.sep });
await pyodide.loadPackage("numpy", { messageCallback: () => {} });
pyodide.FS.mkdirTree("/repo");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root }, "/repo");
console.log(pyodide.runPython(`
import statistics, sys, time
sys.path.insert(0, "/repo/py")
from backprop import Run
rates = []
for _ in range(${Number(repeats)}):
    run = Run()
    started = time.perf_counter()
    run.train(${Number(steps)})
    rates.append(${Number(steps)} / (time.perf_counter() - started))
statistics.median(rates)
`));
