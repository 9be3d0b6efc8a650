"""The page's and the worker's configurations point only at files this repository serves, by relative URLs."""

import re
import tomllib

import setup_runtime

ROOT = setup_runtime.ROOT
PAGE = tomllib.loads((ROOT / "pyscript.toml").read_text())
WORKER = tomllib.loads((ROOT / "worker.toml").read_text())
EXERCISE = tomllib.loads((ROOT / "exercise.toml").read_text())
HTML = (ROOT / "index.html").read_text()


def shipped(*packages):
    return {
        f"./py/{rel}": f"./{rel}"
        for package in packages
        for rel in (path.relative_to(ROOT / "py").as_posix() for path in (ROOT / "py" / package).rglob("*.py"))
    }


def compiled(*packages):
    """The same modules compiled: ./static/mpy/app/lab/view.mpy is put where ./app/lab/view.py would be."""
    return {
        f"./static/mpy/{module[:-3]}.mpy": f"./{module[:-3]}.mpy"
        for module in (source.removeprefix("./") for source in shipped(*packages).values())
    }


def test_the_file_lists_are_the_ones_tools_file_lists_writes():
    import file_lists

    for config, packages in file_lists.SHIPS.items():
        listed = tomllib.loads((ROOT / config).read_text())["files"]
        expected = file_lists.files(packages, compiled=config in file_lists.COMPILED)
        assert listed == expected, f"run python3 tools/file_lists.py ({config})"


def test_the_page_ships_its_own_modules_and_the_exercises_compiled_and_not_the_model():
    assert PAGE["files"] == compiled("app", "exercises", "shared")


def test_the_worker_ships_the_model_and_its_own_modules():
    assert WORKER["files"] == shipped("backprop", "plots", "shared", "worker")


def test_the_exercise_worker_ships_the_model_the_checker_and_the_exercises():
    assert EXERCISE["files"] == shipped("backprop", "checker", "exercises", "plots", "shared")


def test_the_page_runs_on_the_self_hosted_micropython_and_the_workers_on_pyodide():
    assert PAGE["interpreter"] == "./static/vendor/micropython/micropython.mjs"
    assert WORKER["interpreter"] == EXERCISE["interpreter"] == "./static/vendor/pyodide/pyodide.mjs"
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
