"""One archive per worker config, so that each worker fetches its modules in one request, not one each.

PyScript unpacks a [files] entry `"<url>.zip" = "./*"` into the interpreter's working folder. A worker's bundle
(worker.zip, exercise.zip) holds its modules' sources and, beside each, the bytecode the vendored
Pyodide's Python makes from it (__pycache__/<module>.cpython-312.pyc, checked-hash: Python compares it with the
source's hash at import and compiles the source instead when they differ). The workers' NumPy comes as sources in
its wheel; its bundle (numpy.zip) is the bytecode of those sources, checked the same way. Bytecode needs Node;
without it a worker's bundle holds the sources only and NumPy's is empty, and the workers compile at start.

The bundles are made by the setup (tools/setup_runtime.py) and the site build, never committed, and remade by the
dev server when a source changed. A bundle's bytes depend only on its files (sorted, with a fixed date), so a
rebuild from the same sources writes nothing; and a bundle whose inputs' sizes and times are the ones recorded when
it was made (in .cache/bundle_stamps.json) is not rebuilt at all (the dev server checks on every request)."""

import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import threading
import zipfile
from pathlib import Path

import file_lists

ROOT = file_lists.ROOT
VENDOR = ROOT / "static" / "vendor" / "pyodide"
# Checked-hash bytecode, by the vendored Pyodide and the sha256 of its source: a source seen before is not compiled
# again.
PYC_CACHE = ROOT / ".cache" / "pyc"
STAMPS = ".cache/bundle_stamps.json"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_building = threading.Lock()


class BundleError(Exception):
    """A bundle could not be made."""


def zip_bytes(members, compression):
    """A zip of {name: bytes}, the same bytes for the same members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])
    return buffer.getvalue()


def bytecode(sources, cache=PYC_CACHE):
    """{module: (cache tag, .pyc bytes)} for {module: source bytes}, or None when Node is not there. Sources
    not in the cache are compiled together by tools/pyodide_compile.mjs."""
    node = shutil.which("node")
    if node is None:
        return None
    # The Python that compiles is the vendored Pyodide's, named by its pinned hash in the runtime's manifest.
    pins = json.loads((VENDOR.parent / "manifest.json").read_text())["files"]
    cache = Path(cache) / pins["pyodide/pyodide.asm.wasm"][:16]
    keys = {module: hashlib.sha256(source).hexdigest() for module, source in sources.items()}
    missing = {module for module, key in keys.items() if not (cache / f"{key}.pyc").is_file()}
    tag_file = cache / "cache_tag"
    if missing or not tag_file.is_file():
        with tempfile.TemporaryDirectory() as folder:
            for module in missing:
                target = Path(folder) / "src" / module
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(sources[module])
            done = subprocess.run(
                [node, ROOT / "tools" / "pyodide_compile.mjs", folder], capture_output=True, text=True, timeout=300
            )
            if done.returncode != 0:
                raise BundleError(f"Pyodide could not compile the workers' modules:\n{done.stderr.strip()[-2000:]}")
            cache.mkdir(parents=True, exist_ok=True)
            for module in missing:
                partial = cache / f"{keys[module]}.pyc.partial"
                partial.write_bytes((Path(folder) / "pyc" / module).with_suffix(".pyc").read_bytes())
                partial.replace(cache / f"{keys[module]}.pyc")
            tag_file.write_text(done.stdout.split()[-1])
    tag = tag_file.read_text().strip()
    return {module: (tag, (cache / f"{key}.pyc").read_bytes()) for module, key in keys.items()}


def with_bytecode(sources, cache):
    """{name: .pyc bytes} for {module path: source bytes}, each where Python looks for it beside its source."""
    files = {}
    for module, (tag, pyc) in (bytecode(sources, cache) or {}).items():
        folder, _, name = module.rpartition("/")
        files[f"{folder}/__pycache__/{name.removesuffix('.py')}.{tag}.pyc".lstrip("/")] = pyc
    return files


# NumPy's subpackages that neither worker imports: left out of its bundle (a student's code that imports one
# compiles it then).
NUMPY_LEFT_OUT = ("_pyinstaller", "compat", "doc", "f2py", "fft", "ma", "polynomial", "testing", "typing")


def numpy_sources(vendor=VENDOR):
    """{path under numpy/: source bytes} of the verified NumPy wheel beside the vendored Pyodide, but for the
    subpackages NUMPY_LEFT_OUT."""
    lock = json.loads((vendor / "pyodide-lock.json").read_text())
    with zipfile.ZipFile(vendor / lock["packages"]["numpy"]["file_name"]) as wheel:
        names = [name.removeprefix("numpy/") for name in wheel.namelist() if name.startswith("numpy/")]
        return {
            name: wheel.read(f"numpy/{name}")
            for name in names
            if name.endswith(".py") and name.split("/")[0] not in NUMPY_LEFT_OUT
        }


def members(config, root=ROOT, cache=PYC_CACHE):
    """{name in the zip: bytes} of config's bundle (config None: NumPy's)."""
    if config is None:
        return with_bytecode(numpy_sources(), cache)
    modules = file_lists.modules(file_lists.SHIPS[config], root=root)
    sources = {module: (root / "py" / module).read_bytes() for module in modules}
    return {**sources, **with_bytecode(sources, cache)}


def inputs(config, root=ROOT):
    """The files config's bundle is made from (config None: NumPy's), with Pyodide's lock file, which names the
    Python that the bytecode is for."""
    lock = VENDOR / "pyodide-lock.json"
    if config is None:
        return [lock, VENDOR / json.loads(lock.read_text())["packages"]["numpy"]["file_name"]]
    return [lock, *(root / "py" / module for module in file_lists.modules(file_lists.SHIPS[config], root=root))]


def stamp(files):
    """What the files are as the file system sees them (name, size, time changed), or None when one is missing:
    a bundle whose inputs have the stamp they had when it was made is not made again."""
    try:
        seen = [[str(path), path.stat().st_size, path.stat().st_mtime_ns] for path in files]
    except FileNotFoundError:
        return None
    return hashlib.sha256(json.dumps(seen).encode()).hexdigest()


def fresh(config, root=ROOT):
    """Whether config's bundle in root/static/bundles was made from its inputs as they are now."""
    target = root / file_lists.BUNDLES_DIR / file_name(config)
    recorded = _stamps(root).get(str(target))
    return target.is_file() and recorded is not None and recorded == stamp(inputs(config, root))


def file_name(config):
    """config's bundle ("worker.toml" -> "worker.zip"; None, NumPy's: "numpy.zip")."""
    return file_lists.bundle_name(config) if config else file_lists.NUMPY_BUNDLE


def _stamps(root):
    try:
        return json.loads((root / STAMPS).read_text())
    except (OSError, ValueError):
        return {}


def build(root=ROOT, out=None, configs=None, cache=PYC_CACHE):
    """Write the bundles of configs (the workers' and NumPy's by default; None in configs is NumPy's) into out
    (root/static/bundles by default), each only when its bytes changed. Returns the bundles written."""
    out = Path(out) if out is not None else root / file_lists.BUNDLES_DIR
    written = []
    with _building:
        stamps = _stamps(root)
        for config in configs or [*file_lists.BUNDLED, None]:
            target = out / file_name(config)
            now = stamp(inputs(config, root))
            if now is not None and stamps.get(str(target)) == now and target.is_file():
                continue
            data = zip_bytes(members(config, root, cache), zipfile.ZIP_DEFLATED)
            stamps[str(target)] = now
            if not (target.is_file() and target.read_bytes() == data):
                _write(target, data)
                written.append(target.name)
        _write(root / STAMPS, (json.dumps(stamps, indent=1, sort_keys=True) + "\n").encode())
    return written


def _write(target, data):
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    partial.replace(target)
