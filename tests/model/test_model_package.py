"""The package must run unchanged under Pyodide: NumPy and the standard library only (and shared/i18n.py, plain
Python, for the words a student reads)."""

import ast
import pathlib

import backprop

PACKAGE = pathlib.Path(backprop.__file__).parent
ALLOWED = {"numpy", "math", "dataclasses"}
ALLOWED_MODULES = {"shared.i18n"}  # plain Python, in both workers


def test_imports_are_numpy_and_stdlib_only():
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module not in ALLOWED_MODULES:
                roots = {node.module.split(".")[0]}
            else:
                continue
            assert roots <= ALLOWED, f"{path.name} imports {roots - ALLOWED}"


def test_global_random_functions_are_never_called():
    for path in PACKAGE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for banned in ("np.random.seed", "np.random.randn", "np.random.rand(", "default_rng"):
            assert banned not in source, f"{path.name} uses {banned}"


def test_public_names_exist():
    for name in backprop.__all__:
        assert hasattr(backprop, name), name
