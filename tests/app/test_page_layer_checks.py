"""The page layer's check scripts (tests/app_mpy/check_*.py, one per feature) hard-code what the page layer says
under CPython, and tests/test_app_in_micropython.py checks that MicroPython says the same; here the same checks run
under CPython, so that their expected texts stay CPython's own. One definition of each check, run on both."""

import importlib.util
import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parents[1] / "app_mpy"
# The scripts of the page's features (the others, of py/shared, are plain top-level asserts with tests of their own).
SCRIPTS = sorted(path for path in HERE.glob("check_*.py") if "CHECKS = Checks()" in path.read_text())


def load(script):
    """The script as a module (not run as __main__: its checks are only registered)."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))  # its helpers, mpy_checks.py and mpy_page.py, as under MicroPython
    spec = importlib.util.spec_from_file_location(script.stem, script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MODULES = {script.name: load(script) for script in SCRIPTS}
CHECKS = [
    (name, check_name, function) for name, module in MODULES.items() for check_name, function in module.CHECKS.items
]


def test_every_page_module_imports_in_some_check_script():
    """So each imports under MicroPython: no module of py/app/ that MicroPython has never compiled."""
    source = "".join(script.read_text() for script in HERE.glob("check_*.py"))
    app = HERE.parents[1] / "py"
    modules = sorted(
        ".".join(path.relative_to(app).with_suffix("").parts)
        for path in (app / "app").rglob("*.py")
        if path.stem != "__init__"
    )
    assert [name for name in modules if f"import {name}\n" not in source and f"from {name} import" not in source] == []


def test_each_feature_has_its_script_and_every_script_checks_something():
    assert {"check_settings.py", "check_lab.py", "check_door.py", "check_sweep.py", "check_landscape.py"} <= set(
        MODULES
    )
    assert {"check_share.py", "check_exercises.py", "check_page.py"} <= set(MODULES)
    assert all(module.CHECKS.items for module in MODULES.values())
    assert len(CHECKS) >= 18


@pytest.mark.parametrize(("script", "name", "check"), CHECKS, ids=[f"{script}: {name}" for script, name, _ in CHECKS])
def test_check_holds_under_cpython(script, name, check):
    check()
