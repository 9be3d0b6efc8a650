// Runs pytest inside Pyodide (the page's Python 3.12 and NumPy 2.0.2) under Node, on this repository.
// Usage: node tools/pyodide_pytest.mjs <folder holding pure-Python pytest> [pytest arguments...]
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vendor = path.join(root, "static", "vendor", "pyodide");
const { loadPyodide } = await import(path.join(vendor, "pyodide.mjs"));
const [testPackages, ...pytestArgs] = process.argv.slice(2);

const pyodide = await loadPyodide({ indexURL: vendor + path.sep, stdout: console.log, stderr: console.error });
await pyodide.loadPackage("numpy", { messageCallback: () => {} });
const { FS } = pyodide;
for (const [host, mountpoint] of [[root, "/repo"], [testPackages, "/test-packages"]]) {
  FS.mkdirTree(mountpoint);
  FS.mount(FS.filesystems.NODEFS, { root: host }, mountpoint);
}
pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
// Appended, so Pyodide's own NumPy comes first on sys.path; only pytest and its pure-Python helpers come from there.
const code = pyodide.runPython(`
import os, sys
sys.path.append("/test-packages")
os.chdir("/repo")
import numpy, pytest
print(f"Pyodide: Python {sys.version.split()[0]}, numpy {numpy.__version__} from {numpy.__file__}")
int(pytest.main([*pytest_args, "-p", "no:cacheprovider"]))
`);
process.exit(code);
