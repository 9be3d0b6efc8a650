"""Repeat visits and offline use: after one visit the service worker (sw.js) has the page and the verified
runtime, so a reload with the network off still reaches ready and trains; a new runtime (a new manifest)
is used from the next visit on, gets a new cache, and the old cache is deleted.

These tests serve the site themselves (a server they can shut down) and use their own browser context
with service workers allowed; every other test's context blocks them (conftest.py)."""

import hashlib
import json
import shutil
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from guard import PageGuard
from labpage import button, expect_ready, field, readout, wait_for_step_at_least
from playwright.sync_api import expect

import build_site
import serve
import setup_runtime

OFFLINE_READY_TIMEOUT_MS = 60_000
CACHE_NAMES_JS = "async () => (await caches.keys()).filter(name => name.startsWith('backprop-lab '))"


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def wait_until_ready(page):
    expect_ready(page)


def wait_until_saved_for_offline(page):
    """Wait until offline.js says the service worker keeps the files; fail with its reason if it gave up."""
    page.wait_for_function("() => document.documentElement.dataset.offline", timeout=OFFLINE_READY_TIMEOUT_MS)
    state = page.evaluate(
        "() => [document.documentElement.dataset.offline, document.documentElement.dataset.offlineReason]"
    )
    assert state[0] == "ready", f"the page was not saved for offline use: {state[1]}"
    expect(page.get_by_text("Saved in this browser", exact=False)).to_be_visible()


@pytest.fixture
def own_site():
    """The site served by a server of this test alone, so that the test can shut it down."""
    server, url = serve.start(setup_runtime.ROOT)
    yield server, url
    server.shutdown()
    server.server_close()


@pytest.fixture
def sw_context(browser):
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()


def test_a_reload_with_the_network_off_reaches_ready_and_trains(sw_context, own_site):
    server, url = own_site
    page = sw_context.new_page()
    guard = PageGuard(page, origin_of(url))

    page.goto(url + "?n_h=3")
    wait_until_ready(page)
    wait_until_saved_for_offline(page)
    cached = page.evaluate(CACHE_NAMES_JS)
    assert len(cached) == 1, f"expected one cache of this site, found {cached}"

    # The network off, twice over: nothing listens on the site's port any more, and the browser is offline.
    server.shutdown()
    server.server_close()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=5)
    sw_context.set_offline(True)

    page.reload()
    wait_until_ready(page)
    assert page.evaluate("() => navigator.serviceWorker.controller !== null"), "the page is not served by sw.js"
    expect(field(page, "Hidden units n_h")).to_have_value("3")  # the link's query still applies
    button(page, "Train").click()
    wait_for_step_at_least(page, 100)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")

    problems = guard.problems(page)
    assert not problems, "the page misbehaved:\n" + "\n".join(problems)


def site_copy(tmp_path):
    """A copy of the site in tmp_path (files linked, not copied, but for the manifest and the runtime's
    core.css, which the test changes as a new runtime would)."""
    site = tmp_path / "site"
    site.mkdir()
    root = setup_runtime.ROOT
    for name in build_site.TOP_FILES:
        (site / name).symlink_to(root / name)
    (site / "py").symlink_to(root / "py")
    (site / "static").mkdir()
    for name in build_site.STATIC_FOLDERS:
        if name != "vendor":
            (site / "static" / name).symlink_to(root / "static" / name)
    vendor = site / "static" / "vendor"
    vendor.mkdir()
    for name in ("pyodide", "micropython"):
        (vendor / name).symlink_to(setup_runtime.VENDOR / name)
    (vendor / "pyscript").mkdir()
    for path in (setup_runtime.VENDOR / "pyscript").iterdir():
        if path.name != "core.css":
            (vendor / "pyscript" / path.name).symlink_to(path)
    for name in ("manifest.json", "pyscript/core.css"):
        shutil.copyfile(setup_runtime.VENDOR / name, vendor / name)
    return site


def new_runtime(site):
    """Change the site's runtime as a new setup would: a changed file, and a manifest naming its hash."""
    vendor = site / "static" / "vendor"
    css = vendor / "pyscript" / "core.css"
    css.write_text(css.read_text() + "\nhtml { --runtime-marker: new; }\n")
    manifest = json.loads((vendor / "manifest.json").read_text())
    manifest["files"]["pyscript/core.css"] = hashlib.sha256(css.read_bytes()).hexdigest()
    (vendor / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


def runtime_marker(page):
    return page.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--runtime-marker')")


def cache_versions(page):
    return [name.split()[-1] for name in page.evaluate(CACHE_NAMES_JS)]


def test_a_new_runtime_is_used_at_once_and_replaces_the_cached_one(sw_context, tmp_path):
    site = site_copy(tmp_path)
    manifest = site / "static" / "vendor" / "manifest.json"
    server, url = serve.start(site)
    try:
        page = sw_context.new_page()
        guard = PageGuard(page, origin_of(url))
        page.goto(url)
        wait_until_ready(page)
        wait_until_saved_for_offline(page)
        assert cache_versions(page) == [hashlib.sha256(manifest.read_bytes()).hexdigest()]

        new_runtime(site)
        version = hashlib.sha256(manifest.read_bytes()).hexdigest()
        page.reload()
        wait_until_ready(page)
        # The first visit after the update already runs the new runtime, not the cached one.
        assert runtime_marker(page).strip() == "new"
        wait_until_saved_for_offline(page)
        assert cache_versions(page) == [version], "the old version's cache was not replaced"
        assert (
            page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).active.scriptURL")
            == f"{url}sw.js?v={version}"
        )

        # And the new runtime is what the cache now holds: offline, the page still has it.
        server.shutdown()
        server.server_close()
        sw_context.set_offline(True)
        page.reload()
        wait_until_ready(page)
        assert runtime_marker(page).strip() == "new"

        problems = guard.problems(page)
        assert not problems, "the page misbehaved:\n" + "\n".join(problems)
    finally:
        server.shutdown()
        server.server_close()
