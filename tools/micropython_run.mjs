// Runs one Python script under the page's MicroPython (the vendored @micropython/micropython-webassembly-pyscript)
// in Node, for unit tests of the code that runs on the page's main thread.
// Usage: node tools/micropython_run.mjs <script.py> [--path <folder>]... [--compiled]
//   --path      a folder of plain-Python modules and packages (relative to the current folder) that is
//               copied into MicroPython's in-memory filesystem at the same absolute path and put on sys.path, in
//               the order given; repeatable; default: the repository's py/ (so `import app` finds py/app/). Only
//               .py and .mpy files are copied.
//   --compiled  the page's compiled modules (static/mpy/, written by tools/setup_runtime.py) instead of py/, as
//               the page loads them.
// As with `python script.py`, the script's own folder (its .py files) comes first on sys.path. The script may use
// top-level `await` (as PyScript's MicroPython scripts do; MicroPython in the browser has no asyncio.run).
// Exit code: 0 when the script ran to the end, 1 when it raised (the traceback goes to stderr), the code of a
// SystemExit, and 2 when the runner itself cannot start (usage, missing runtime: run python3 tools/setup_runtime.py).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runtime = path.join(root, "static", "vendor", "micropython", "micropython.mjs");
const compiled = path.join(root, "static", "mpy");
const HEAP_BYTES = 64 * 1024 * 1024; // the browser default is 1 MB; tests build larger data than a page frame does

function fail(message) {
  console.error(`micropython_run: ${message}`);
  process.exit(2);
}

function parseArguments(argv) {
  const usage = "usage: node tools/micropython_run.mjs <script.py> [--path <folder>]... [--compiled]";
  let script;
  const folders = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--compiled") {
      folders.push(compiled);
    } else if (argv[i] === "--path") {
      if (i + 1 >= argv.length) fail(`--path needs a folder\n${usage}`);
      folders.push(path.resolve(argv[++i]));
    } else if (script === undefined && !argv[i].startsWith("--")) {
      script = path.resolve(argv[i]);
    } else {
      fail(`unexpected argument ${argv[i]}\n${usage}`);
    }
  }
  if (script === undefined) fail(usage);
  if (!existsSync(script)) fail(`no such script: ${script}`);
  for (const folder of folders) if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    fail(`no such folder: ${folder}${folder === compiled ? " (run python3 tools/setup_runtime.py)" : ""}`);
  }
  return { script, folders: folders.length ? folders : [path.join(root, "py")] };
}

// Byte-wise output from MicroPython, passed on whole lines (and the rest at the end), keeping stdout and stderr
// in order relative to each other.
function output() {
  const streams = { stdout: [], stderr: [] };
  const flush = (name) => {
    if (streams[name].length) process[name].write(Buffer.from(streams[name]));
    streams[name] = [];
  };
  const sink = (name, other) => (bytes) => {
    flush(other);
    for (const byte of bytes) streams[name].push(byte);
    if (bytes.includes(10)) flush(name);
  };
  return {
    stdout: sink("stdout", "stderr"),
    stderr: sink("stderr", "stdout"),
    flush: () => { flush("stdout"); flush("stderr"); },
  };
}

// Copies the .py and .mpy files under a host folder into MicroPython's filesystem at the same path.
function copyFolder(FS, folder, recursive) {
  FS.mkdirTree(folder);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const host = path.join(folder, entry.name);
    if (entry.isDirectory() && recursive && entry.name !== "__pycache__" && !entry.name.startsWith(".")) {
      copyFolder(FS, host, recursive);
    } else if (entry.isFile() && (entry.name.endsWith(".py") || entry.name.endsWith(".mpy"))) {
      FS.writeFile(host, readFileSync(host));
    }
  }
}

// The exit code for a SystemExit traceback, whose last line is "SystemExit: <argument>".
function systemExitCode(traceback) {
  const argument = traceback.trimEnd().split("\n").at(-1).replace(/^SystemExit:?\s*/, "");
  if (argument === "" || argument === "None") return 0;
  if (/^-?\d+$/.test(argument)) return Number(argument);
  console.error(argument);
  return 1;
}

// Loads MicroPython with the folders in its filesystem and runs the script. Returns the exit code.
async function run(script, folders) {
  if (!existsSync(runtime)) fail(`${path.relative(root, runtime)} is missing: run python3 tools/setup_runtime.py`);
  const { loadMicroPython } = await import(runtime);
  const out = output();
  const mp = await loadMicroPython({ heapsize: HEAP_BYTES, linebuffer: false, stdout: out.stdout, stderr: out.stderr });

  copyFolder(mp.FS, path.dirname(script), false);
  for (const folder of folders) copyFolder(mp.FS, folder, true);
  mp.FS.chdir(path.dirname(script));
  mp.runPython(`
import sys
sys.path[:0] = ${JSON.stringify([path.dirname(script), ...folders])}
sys.argv[:] = [${JSON.stringify(script)}]
__file__ = ${JSON.stringify(script)}
`);
  // The source is run as it is (not through compile()) so that top-level await works; MicroPython's traceback
  // then names the script "<stdin>", with the script's own line numbers.
  try {
    await mp.runPythonAsync(readFileSync(script, "utf8"));
    return 0;
  } catch (error) {
    if (error.name !== "PythonError") throw error;
    out.flush();
    if (error.type === "SystemExit") return systemExitCode(error.message);
    process.stderr.write(error.message.replaceAll('File "<stdin>"', `File "${script}"`));
    return 1;
  } finally {
    out.flush();
  }
}

const { script, folders } = parseArguments(process.argv.slice(2));
try {
  process.exitCode = await run(script, folders);
} catch (error) {
  // Not a Python exception (e.g. the WebAssembly aborted): its stack, without Node's echo of the minified source.
  console.error(error?.stack ?? error);
  process.exitCode = 1;
}
