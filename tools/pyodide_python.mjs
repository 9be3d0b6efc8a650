// Runs a Python snippet inside Pyodide (the page's Python 3.12 and NumPy 2.0.2) under Node, with this repository's
// py/ on sys.path, and prints what it prints. Usage: node tools/pyodide_python.mjs "<python code>"
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vendor = path.join(root, "static", "vendor", "pyodide");
const { loadPyodide } = await import(path.join(vendor, "pyodide.mjs"));

const pyodide = await loadPyodide({ indexURL: vendor + path.sep, stdout: console.log, stderr: console.error });
await pyodide.loadPackage("numpy", { messageCallback: () => {} });
pyodide.FS.mkdirTree("/repo");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root }, "/repo");
pyodide.runPython(`import sys\nsys.path.insert(0, "/repo/py")`);
pyodide.runPython(process.argv[2]);
