"""Writes the [files] table of each PyScript config from the folders it ships, so that a new module is never
forgotten: pyscript.toml (the page, MicroPython), worker.toml (the model's worker) and exercise.toml (the
exercises' worker). `python3 tools/file_lists.py` rewrites them; tests/test_site_config.py checks them.

The page's MicroPython loads its modules compiled (.mpy, made by tools/setup_runtime.py into COMPILED_DIR, never
committed): pyscript.toml lists those, each put where its source would be, so `import app.lab.view` finds it."""

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


def files(packages, compiled=False):
    """{"./py/app/lab/view.py": "./app/lab/view.py", ...}: every module of the packages, sorted; compiled, the
    same as {"./static/mpy/app/lab/view.mpy": "./app/lab/view.mpy", ...}."""
    if compiled:
        return {f"./{COMPILED_DIR}/{compiled_name(rel)}": f"./{compiled_name(rel)}" for rel in modules(packages)}
    return {f"./py/{rel}": f"./{rel}" for rel in modules(packages)}


def write(config):
    path = ROOT / config
    head = path.read_text().split("[files]\n")[0]
    listed = files(SHIPS[config], compiled=config in COMPILED)
    table = "".join(f'"{source}" = "{target}"\n' for source, target in listed.items())
    path.write_text(head + "[files]\n" + table)


if __name__ == "__main__":
    for config in SHIPS:
        write(config)
