// Compiles Python sources to bytecode with the vendored Pyodide's own Python (3.12), so the workers import them
// without compiling at start. Usage: node tools/pyodide_compile.mjs <folder>, where <folder>/src/ holds the
// sources (any tree of .py files); writes <folder>/pyc/<same path>c for each. The .pyc files are checked-hash
// (PEP 552): at import, Python compares the source's hash with the one the .pyc records and compiles the source
// instead when they differ, so a .pyc never runs in place of a source it was not made from. Prints the
// interpreter's cache tag (e.g. cpython-312), the name __pycache__ files carry.
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vendor = path.join(root, "static", "vendor", "pyodide");
const { loadPyodide } = await import(path.join(vendor, "pyodide.mjs"));

const pyodide = await loadPyodide({ indexURL: vendor + path.sep, stdout: console.log, stderr: console.error });
pyodide.FS.mkdirTree("/work");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(process.argv[2]) }, "/work");
pyodide.runPython(`
import pathlib, py_compile
for source in sorted(pathlib.Path("/work/src").rglob("*.py")):
    relative = source.relative_to("/work/src")
    target = pathlib.Path("/work/pyc") / relative.with_suffix(".pyc")
    target.parent.mkdir(parents=True, exist_ok=True)
    py_compile.compile(str(source), cfile=str(target), dfile=relative.as_posix(), doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
import sys
print(sys.implementation.cache_tag)
`);
