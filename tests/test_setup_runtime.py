"""The runtime setup serves only files whose hashes match their pins."""

import io
import json
import shutil
import subprocess
import tarfile

import pytest

import setup_runtime
from setup_runtime import SetupError, assemble

WHEEL = "numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl"
MICROPYTHON_TARBALL = "micropython-micropython-webassembly-pyscript-1.26.0-preview-293.tgz"


@pytest.fixture
def cache(tmp_path):
    """A copy of the verified download cache, so these tests need no network."""
    source = setup_runtime.CACHE
    if not (source / WHEEL).exists() or not (source / MICROPYTHON_TARBALL).exists():
        pytest.fail("run `python3 tools/setup_runtime.py` first (the test command does)")
    copy = tmp_path / "cache"
    shutil.copytree(source, copy)
    return copy


def test_assembles_the_pinned_runtime(tmp_path, cache):
    vendor = tmp_path / "vendor"
    assemble(vendor=vendor, cache=cache, cdn=False)
    manifest = json.loads((vendor / "manifest.json").read_text())
    for name in setup_runtime.PYODIDE_FILES + (WHEEL,):
        assert f"pyodide/{name}" in manifest["files"]
    assert "pyscript/core.js" in manifest["files"]
    lock = json.loads((vendor / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"]["version"] == "0.27.7"
    assert lock["packages"]["numpy"]["sha256"] == setup_runtime.sha256_hex((vendor / "pyodide" / WHEEL).read_bytes())


def test_serves_micropython_with_its_hashes_in_the_manifest(tmp_path, cache):
    vendor = tmp_path / "vendor"
    assemble(vendor=vendor, cache=cache, cdn=False)
    manifest = json.loads((vendor / "manifest.json").read_text())
    assert manifest["pins"]["@micropython/micropython-webassembly-pyscript"].startswith("1.26.0-preview-293 sha512-")
    for name in ("micropython.mjs", "micropython.wasm"):
        served = vendor / "micropython" / name
        assert manifest["files"][f"micropython/{name}"] == setup_runtime.sha256_hex(served.read_bytes())
    assert (vendor / "micropython" / "micropython.wasm").read_bytes()[:4] == b"\0asm"
    assert b"export async function loadMicroPython" in (vendor / "micropython" / "micropython.mjs").read_bytes()


def test_package_lock_pins_the_micropython_that_pyscript_defaults_to():
    pinned = setup_runtime.locked_npm_packages(setup_runtime.ROOT / "package-lock.json")
    versions = {name: version for name, version, _ in pinned}
    assert versions == {
        "pyodide": "0.27.7",
        "@pyscript/core": "0.6.66",
        "@micropython/micropython-webassembly-pyscript": "1.26.0-preview-293",
    }
    package = json.loads((setup_runtime.ROOT / "package.json").read_text())
    assert package["dependencies"]["@micropython/micropython-webassembly-pyscript"] == "1.26.0-preview-293"


def test_refuses_a_wheel_whose_hash_does_not_match(tmp_path, cache):
    wheel = cache / WHEEL
    data = bytearray(wheel.read_bytes())
    data[1000] ^= 0xFF
    wheel.write_bytes(bytes(data))
    vendor = tmp_path / "vendor"
    with pytest.raises(SetupError, match=rf"{WHEEL} has sha256 .* pins ebb61241"):
        assemble(vendor=vendor, cache=cache, cdn=False)
    assert not vendor.exists(), "nothing may be served after a mismatch"
    assert not wheel.exists(), "the corrupt download is discarded"


def test_refuses_an_npm_tarball_whose_integrity_does_not_match(tmp_path, cache):
    (tarball,) = cache.glob("pyodide-*.tgz")
    tarball.write_bytes(tarball.read_bytes() + b"tampered")
    with pytest.raises(SetupError, match=rf"{tarball.name} does not match the integrity"):
        assemble(vendor=tmp_path / "vendor", cache=cache, cdn=False)


def test_refuses_a_tampered_micropython_tarball(tmp_path, cache):
    tarball = cache / MICROPYTHON_TARBALL
    data = bytearray(tarball.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tarball.write_bytes(bytes(data))
    vendor = tmp_path / "vendor"
    with pytest.raises(SetupError, match=rf"{MICROPYTHON_TARBALL} does not match the integrity"):
        assemble(vendor=vendor, cache=cache, cdn=False)
    assert not vendor.exists(), "nothing may be served after a mismatch"


def test_a_micropython_tarball_without_the_wasm_is_refused():
    tarball = io.BytesIO()
    with tarfile.open(fileobj=tarball, mode="w:gz") as tar:
        member = tarfile.TarInfo("package/micropython.mjs")
        member.size = 6
        tar.addfile(member, io.BytesIO(b"export"))
    with pytest.raises(SetupError, match=r"micropython-webassembly-pyscript tarball lacks \['micropython.wasm'\]"):
        setup_runtime.micropython_files(tarball.getvalue())


def test_a_vendor_folder_from_before_micropython_is_rebuilt(tmp_path, cache):
    vendor = tmp_path / "vendor"
    assemble(vendor=vendor, cache=cache, cdn=False)
    manifest = json.loads((vendor / "manifest.json").read_text())
    del manifest["pins"]["@micropython/micropython-webassembly-pyscript"]
    manifest["files"] = {
        path: digest for path, digest in manifest["files"].items() if not path.startswith("micropython/")
    }
    (vendor / "manifest.json").write_text(json.dumps(manifest))
    shutil.rmtree(vendor / "micropython")
    assemble(vendor=vendor, cache=cache, cdn=False)
    assert (vendor / "micropython" / "micropython.mjs").is_file()
    assert "micropython/micropython.wasm" in json.loads((vendor / "manifest.json").read_text())["files"]


def test_a_changed_served_file_is_rebuilt(tmp_path, cache):
    vendor = tmp_path / "vendor"
    assemble(vendor=vendor, cache=cache, cdn=False)
    served = vendor / "pyodide" / "pyodide.mjs"
    original = served.read_bytes()
    served.write_text("tampered")
    assemble(vendor=vendor, cache=cache, cdn=False)
    assert served.read_bytes() == original


def test_no_runtime_file_is_tracked_by_git():
    root = setup_runtime.ROOT
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout
    assert not [
        path
        for path in tracked.splitlines()
        if path.startswith("static/vendor/") or path.endswith((".whl", ".wasm", ".tgz"))
    ]
    ignored = subprocess.run(["git", "check-ignore", "-q", "static/vendor/pyodide/pyodide.asm.wasm"], cwd=root)
    assert ignored.returncode == 0, "static/vendor/ must be git-ignored"
