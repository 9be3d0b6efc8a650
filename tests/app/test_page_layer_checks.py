"""tests/app_mpy/check_page_layer.py hard-codes what the page layer says under CPython and checks that MicroPython
says the same; here the same checks run under CPython, so their expected texts stay CPython's own."""

import importlib.util
import pathlib

import pytest

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "app_mpy" / "check_page_layer.py"


def load():
    spec = importlib.util.spec_from_file_location("check_page_layer", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHECKS = load().CHECKS


def test_the_script_checks_every_module_of_the_page_layer():
    source = SCRIPT.read_text()
    app = SCRIPT.parents[2] / "py"
    modules = sorted(
        ".".join(path.relative_to(app).with_suffix("").parts)
        for path in (app / "app").rglob("*.py")
        if path.stem != "__init__"
    )
    assert [name for name in modules if f"import {name}\n" not in source] == []
    assert len(CHECKS) >= 10


@pytest.mark.parametrize("name, check", CHECKS, ids=[name for name, _ in CHECKS])
def test_check_holds_under_cpython(name, check):
    check()
