"""The page's configuration points only at files this repository serves, by relative URLs."""

import re
import tomllib

import setup_runtime

ROOT = setup_runtime.ROOT
CONFIG = tomllib.loads((ROOT / "pyscript.toml").read_text())


def test_every_python_module_is_shipped_to_the_browser():
    expected = {f"./py/{package}/{path.name}": f"./{package}/{path.name}"
                for package in ("app", "backprop") for path in (ROOT / "py" / package).glob("*.py")}
    assert CONFIG["files"] == expected


def test_interpreter_is_the_self_hosted_pyodide_by_a_relative_url():
    assert CONFIG["interpreter"] == "./static/vendor/pyodide/pyodide.mjs"
    assert (ROOT / CONFIG["interpreter"]).exists()


def test_no_package_goes_through_micropip():
    # NumPy is loaded by py/main.py from the self-hosted folder; a "packages" list would send
    # PyScript to micropip, which needs the network.
    assert "packages" not in CONFIG


def test_page_urls_are_relative():
    html = (ROOT / "index.html").read_text()
    urls = re.findall(r'(?:src|href|config)="([^"]*)"', html)
    assert urls, "the page references its files"
    for url in urls:
        assert url.startswith("./"), f"{url} is not relative to the page"
        assert (ROOT / url).exists(), f"{url} does not exist"
