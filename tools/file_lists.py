"""What each PyScript config ships, and its [files] table: pyscript.toml (the page, MicroPython), worker.toml (the
model's worker) and exercise.toml (the exercises' worker), each the modules of the packages SHIPS names.
`python3 tools/file_lists.py` rewrites the tables; tests/test_site_config.py checks them.

The page's MicroPython loads its modules compiled (.mpy, made by tools/setup_runtime.py into COMPILED_DIR, never
committed), each put where its source would be, so `import app.lab.view` finds it. Each worker loads one bundle
(tools/bundles.py): a zip of its modules' sources with Pyodide's bytecode beside them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Each config and the packages of py/ it ships, in this order.
SHIPS = {
    "pyscript.toml": ("app", "exercises", "shared"),
    "worker.toml": ("backprop", "plots", "shared", "worker"),
    "exercise.toml": ("backprop", "checker", "exercises", "plots", "shared"),
}
# The configs whose modules ship compiled, and the folder (served with the site) that holds them.
COMPILED = ("pyscript.toml",)
COMPILED_DIR = "static/mpy"
# The bundles, made by tools/bundles.py (never committed).
BUNDLES_DIR = "static/bundles"
# The workers' NumPy as bytecode (tools/bundles.py), unpacked into NumPy's folder in the vendored Pyodide (Python
# 3.12, as its pyodide-lock.json says; a test holds them equal).
NUMPY_BUNDLE, NUMPY_FOLDER = "numpy.zip", "/lib/python3.12/site-packages/numpy"


def modules(packages, root=ROOT):
    """["app/__init__.py", "app/canvas.py", ...]: every module of the packages under root/py, sorted."""
    return [
        path.relative_to(root / "py").as_posix()
        for package in packages
        for path in sorted((root / "py" / package).rglob("*.py"))
    ]


def compiled_name(module):
    """ "app/lab/view.py" -> "app/lab/view.mpy"."""
    return module.removesuffix(".py") + ".mpy"


def bundle_name(config):
    """ "worker.toml" -> "worker.zip", "exercise.toml" -> "exercise.zip"."""
    return config.removesuffix(".toml") + ".zip"


# The configs that load a bundle.
BUNDLED = tuple(config for config in SHIPS if config not in COMPILED)


def files(config):
    """config's [files] table. The page's: each compiled module where its source would be
    ({"./static/mpy/app/lab/view.mpy": "./app/lab/view.mpy", ...}; MicroPython's PyScript unzips in JavaScript,
    in one long task). A worker's: its bundle, unpacked into the working folder ("./*" is PyScript's word for
    that), and NumPy's bytecode, into NumPy's folder (PyScript writes the files once the packages are in)."""
    if config in COMPILED:
        return {f"./{COMPILED_DIR}/{compiled_name(rel)}": f"./{compiled_name(rel)}" for rel in modules(SHIPS[config])}
    return {f"./{BUNDLES_DIR}/{bundle_name(config)}": "./*", f"./{BUNDLES_DIR}/{NUMPY_BUNDLE}": f"{NUMPY_FOLDER}/*"}


def write(config):
    path = ROOT / config
    head = path.read_text().split("[files]\n")[0]
    table = "".join(f'"{source}" = "{target}"\n' for source, target in files(config).items())
    path.write_text(head + "[files]\n" + table)


if __name__ == "__main__":
    for config in SHIPS:
        write(config)
