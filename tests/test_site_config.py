"""The page's and the worker's configurations point only at files this repository serves, by relative URLs."""

import re
import tomllib

import setup_runtime

ROOT = setup_runtime.ROOT
PAGE = tomllib.loads((ROOT / "pyscript.toml").read_text())
WORKER = tomllib.loads((ROOT / "worker.toml").read_text())
EXERCISE = tomllib.loads((ROOT / "exercise.toml").read_text())
HTML = (ROOT / "index.html").read_text()


def test_the_file_lists_are_the_ones_tools_file_lists_writes():
    import file_lists

    for config in file_lists.SHIPS:
        listed = tomllib.loads((ROOT / config).read_text())["files"]
        assert listed == file_lists.files(config), f"run python3 tools/file_lists.py ({config})"


def test_the_page_loads_its_modules_compiled_and_each_worker_its_bundle_and_numpys_bytecode():
    # The page's MicroPython: each .mpy put where `import app.lab.view` finds it. A worker: its bundle unpacked
    # ("./*" is PyScript's word for "unpack this archive here"), NumPy's bytecode into NumPy's folder.
    compiled = {
        f"./static/mpy/{path.relative_to(ROOT / 'py').with_suffix('.mpy').as_posix()}": (
            f"./{path.relative_to(ROOT / 'py').with_suffix('.mpy').as_posix()}"
        )
        for package in ("app", "exercises", "shared")
        for path in (ROOT / "py" / package).rglob("*.py")
    }
    assert PAGE["files"] == compiled and "./static/mpy/app/lab/view.mpy" in compiled
    numpy = {"./static/bundles/numpy.zip": "/lib/python3.12/site-packages/numpy/*"}
    assert WORKER["files"] == {"./static/bundles/worker.zip": "./*", **numpy}
    assert EXERCISE["files"] == {"./static/bundles/exercise.zip": "./*", **numpy}


def test_the_page_runs_on_the_self_hosted_micropython_and_the_workers_on_pyodide():
    assert PAGE["interpreter"] == "./static/vendor/micropython/micropython.mjs"
    # The workers' Pyodide through the module that restores it from a memory snapshot (static/js/pyodide-snapshot.mjs),
    # which loads the vendored one beside the manifest that names the snapshot's runtime.
    assert WORKER["interpreter"] == EXERCISE["interpreter"] == "./static/js/pyodide-snapshot.mjs"
    wrapper = (ROOT / WORKER["interpreter"]).read_text()
    assert 'from "../vendor/pyodide/pyodide.mjs"' in wrapper and '"../vendor/manifest.json"' in wrapper
    for config in (PAGE, WORKER, EXERCISE):
        assert (ROOT / config["interpreter"]).exists()
    assert re.search(r'<script type="mpy" src="\./py/main\.py" config="\./pyscript\.toml"', HTML)
    assert re.search(
        r'<script type="py" worker name="model" src="\./py/model_worker\.py" config="\./worker\.toml"', HTML
    )


def test_numpy_loads_from_beside_pyodide_not_through_micropip():
    # "passthrough" hands the list to loadPyodide, which reads pyodide-lock.json beside pyodide.mjs; the
    # default cache would send PyScript to micropip, which needs the network.
    for config in (WORKER, EXERCISE):
        assert config["packages"] == ["numpy"]
        assert config["packages_cache"] == "passthrough"
    assert "packages" not in PAGE


def test_the_page_layer_imports_neither_numpy_nor_the_model():
    for path in [
        ROOT / "py" / "main.py",
        *(ROOT / "py" / "app").rglob("*.py"),
        *(ROOT / "py" / "exercises").glob("*.py"),
    ]:
        text = path.read_text()
        assert not re.search(r"^\s*(import|from)\s+(numpy|backprop)\b", text, re.MULTILINE), path


def test_page_urls_are_relative():
    urls = re.findall(r'(?:src|href|config)="([^"]*)"', HTML)
    assert urls, "the page references its files"
    for url in urls:
        assert url.startswith("./"), f"{url} is not relative to the page"
        assert (ROOT / url).exists(), f"{url} does not exist"
