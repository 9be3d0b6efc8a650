"""Each worker loads one bundle (tools/bundles.py): its sources with Pyodide's checked-hash bytecode beside them,
which the workers use only while it matches its source; and NumPy's bytecode."""

import io
import json
import shutil
import subprocess
import zipfile

import pytest

import bundles
import file_lists
import setup_runtime

ROOT = setup_runtime.ROOT


def members(path):
    with zipfile.ZipFile(path) as archive:
        return {info.filename: (info.compress_type, archive.read(info)) for info in archive.infolist()}


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """A copy of py/, bundled once into tree/static/bundles."""
    tree = tmp_path_factory.mktemp("bundles") / "tree"
    shutil.copytree(ROOT / "py", tree / "py", ignore=shutil.ignore_patterns("__pycache__"))
    assert sorted(setup_runtime.make_bundles(root=tree)) == ["exercise.zip", "numpy.zip", "worker.zip"]
    return tree


@pytest.mark.parametrize(
    "name, packages",
    [
        ("worker.zip", ("backprop", "plots", "shared", "worker")),
        ("exercise.zip", ("backprop", "checker", "exercises", "plots", "shared")),
    ],
)
def test_a_worker_bundle_holds_its_sources_and_their_checked_hash_bytecode(tree, name, packages):
    bundle = members(tree / "static" / "bundles" / name)
    sources = {
        path.relative_to(tree / "py").as_posix(): path.read_bytes()
        for package in packages
        for path in (tree / "py" / package).rglob("*.py")
    }
    assert {member: data for member, (_, data) in bundle.items() if member.endswith(".py")} == sources
    for module in sources:
        folder, _, stem = module.removesuffix(".py").rpartition("/")
        pyc = bundle[f"{folder}/__pycache__/{stem}.cpython-312.pyc"][1]
        # Python 3.12's magic number, then the flags of PEP 552: 0b11 is hash-based and checked at import.
        assert pyc[:4] == (3531).to_bytes(2, "little") + b"\r\n", module
        assert int.from_bytes(pyc[4:8], "little") == 0b11, module
    assert len(bundle) == 2 * len(sources)


def test_the_numpy_bundle_is_bytecode_of_the_verified_wheel_but_for_the_subpackages_no_worker_imports(tree):
    bundle = members(tree / "static" / "bundles" / "numpy.zip")
    lock = json.loads((bundles.VENDOR / "pyodide-lock.json").read_text())
    with zipfile.ZipFile(bundles.VENDOR / lock["packages"]["numpy"]["file_name"]) as wheel:
        sources = [name.removeprefix("numpy/") for name in wheel.namelist() if name.endswith(".py")]
    expected = set()
    for name in sources:
        if name.split("/")[0] in ("f2py", "ma", "polynomial", "testing"):
            continue
        folder, _, stem = name.removesuffix(".py").rpartition("/")
        expected.add(f"{folder}/__pycache__/{stem}.cpython-312.pyc".lstrip("/"))
    assert {"__pycache__/__init__.cpython-312.pyc", "_core/__pycache__/numeric.cpython-312.pyc"} <= set(bundle)
    assert set(bundle) <= expected and len(bundle) > 80
    assert lock["info"]["python"].startswith("3.12.")
    assert file_lists.NUMPY_FOLDER == "/lib/python3.12/site-packages/numpy"


def test_a_second_build_writes_nothing_and_an_edit_remakes_only_its_bundles(tree):
    before = {path.name: path.read_bytes() for path in (tree / "static" / "bundles").glob("*.zip")}
    assert setup_runtime.make_bundles(root=tree) == []
    source = tree / "py" / "plots" / "plain.py"
    source.write_text(source.read_text() + "\nEDITED = 1\n")
    assert sorted(setup_runtime.make_bundles(root=tree)) == ["exercise.zip", "worker.zip"]
    after = members(tree / "static" / "bundles" / "worker.zip")
    assert after["plots/plain.py"][1] == source.read_bytes()
    assert (
        after["plots/__pycache__/plain.cpython-312.pyc"][1]
        != members_from(before["worker.zip"])["plots/__pycache__/plain.cpython-312.pyc"]
    )
    assert (tree / "static" / "bundles" / "numpy.zip").read_bytes() == before["numpy.zip"]


def test_a_bundle_is_fresh_until_one_of_its_inputs_changes(tree):
    # What the dev server asks on every request, from the files' sizes and times alone.
    setup_runtime.make_bundles(root=tree)
    assert bundles.fresh("worker.toml", root=tree) and bundles.fresh(None, root=tree)
    source = tree / "py" / "worker" / "door.py"
    source.write_text(source.read_text() + "\nEDITED = 1\n")
    assert not bundles.fresh("worker.toml", root=tree)
    assert bundles.fresh("exercise.toml", root=tree), "the exercises' worker does not ship worker/door.py"
    assert setup_runtime.make_bundles(root=tree) == ["worker.zip"]
    assert bundles.fresh("worker.toml", root=tree)


def members_from(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_same_files_make_the_same_bytes():
    files = {"b/x.py": b"x = 1\n", "a/__init__.py": b""}
    assert bundles.zip_bytes(files, zipfile.ZIP_DEFLATED) == bundles.zip_bytes(
        dict(reversed(files.items())), zipfile.ZIP_DEFLATED
    )


def test_without_node_a_worker_bundle_holds_the_sources_only(tree, monkeypatch):
    monkeypatch.setattr(bundles.shutil, "which", lambda name: None)
    bundle = bundles.members("worker.toml", root=tree)
    assert bundle and all(name.endswith(".py") for name in bundle)


def test_pyodide_imports_the_bytecode_and_compiles_only_a_source_that_no_longer_matches_it():
    # In the workers' Python: the served bundles unpacked where PyScript unpacks them, one source then edited. Every
    # other module the workers import, NumPy's too, imports without compiling (its .pyc is used); the edited one is
    # compiled from its source, not the stale .pyc.
    setup_runtime.make_bundles(configs=["worker.toml", "exercise.toml", None])
    code = f"""
import importlib.machinery, json, sys, zipfile
for name in ("worker.zip", "exercise.zip"):
    zipfile.ZipFile("/repo/{file_lists.BUNDLES_DIR}/" + name).extractall("/bundle")
zipfile.ZipFile("/repo/{file_lists.BUNDLES_DIR}/numpy.zip").extractall("{file_lists.NUMPY_FOLDER}")
with open("/bundle/backprop/config.py", "a") as source:
    source.write("\\nEDITED_AFTER_COMPILING = 1\\n")
compiled = []
to_code = importlib.machinery.SourceFileLoader.source_to_code
def spy(self, data, path, *args, **kwargs):
    compiled.append(path)
    return to_code(self, data, path, *args, **kwargs)
importlib.machinery.SourceFileLoader.source_to_code = spy
sys.path.remove("/repo/py")
sys.path.insert(0, "/bundle")
from worker import door
import checker.door
import backprop.config
print(json.dumps({{"compiled": compiled, "edited": getattr(backprop.config, "EDITED_AFTER_COMPILING", None),
                  "door": door.__file__}}))
"""
    result = subprocess.run(
        ["node", "tools/pyodide_python.mjs", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["door"] == "/bundle/worker/door.py"
    assert seen["compiled"] == ["/bundle/backprop/config.py"], "NumPy's modules and ours import their bytecode"
    assert seen["edited"] == 1


def test_the_bundles_are_git_ignored():
    ignored = subprocess.run(["git", "check-ignore", "-q", f"{file_lists.BUNDLES_DIR}/worker.zip"], cwd=ROOT)
    assert ignored.returncode == 0
