"""Writes the [files] table of each PyScript config from the folders it ships, so that a new module is never
forgotten: pyscript.toml (the page, MicroPython), worker.toml (the model's worker) and exercise.toml (the
exercises' worker). `python3 tools/file_lists.py` rewrites them; tests/test_site_config.py checks them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Each config and the packages of py/ it ships, in this order.
SHIPS = {
    "pyscript.toml": ("app", "exercises", "shared"),
    "worker.toml": ("backprop", "plots", "shared", "worker"),
    "exercise.toml": ("backprop", "checker", "exercises", "plots", "shared"),
}


def files(packages):
    """{"./py/app/lab/view.py": "./app/lab/view.py", ...}: every module of the packages, sorted."""
    listed = {}
    for package in packages:
        for path in sorted((ROOT / "py" / package).rglob("*.py")):
            rel = path.relative_to(ROOT / "py").as_posix()
            listed[f"./py/{rel}"] = f"./{rel}"
    return listed


def write(config):
    path = ROOT / config
    head = path.read_text().split("[files]\n")[0]
    table = "".join(f'"{source}" = "{target}"\n' for source, target in files(SHIPS[config]).items())
    path.write_text(head + "[files]\n" + table)


if __name__ == "__main__":
    for config in SHIPS:
        write(config)
