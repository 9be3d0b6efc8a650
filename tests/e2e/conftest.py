"""End-to-end fixtures: the site served on a free port, Chromium driven by Playwright, and a guard
that fails any test on a console error, an uncaught page error, a PyScript error banner, or a request
that leaves the site's origin (such requests are aborted and listed)."""

import pytest
from guard import PageGuard
from labpage import expect_ready
from playwright.sync_api import expect, sync_playwright

import chromium
import serve
import setup_runtime

expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def site_url():
    if not (setup_runtime.VENDOR / "manifest.json").exists():
        pytest.fail("The runtime is not set up: run `python3 tools/setup_runtime.py` (the test command does).")
    server, url = serve.start(setup_runtime.ROOT)
    yield url
    server.shutdown()


class ServiceWorkersBlocked:
    """The browser, whose new contexts block service workers unless a test asks for them
    (service_workers="allow", as test_offline.py does): a page served by sw.js would not be the page
    the other tests mean to load, and Playwright's routes do not see what a service worker answers."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_context(**options)

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield ServiceWorkersBlocked(browser)
        browser.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    origin = site_url.rstrip("/")
    guard = PageGuard(page, origin)
    page.guard = guard
    yield page
    problems = guard.problems(page)
    context.close()
    assert not problems, "the page misbehaved:\n" + "\n".join(problems)


@pytest.fixture
def ready_page(page, site_url):
    """The app, loaded and reporting ready."""
    page.goto(site_url)
    expect_ready(page)
    return page


@pytest.fixture
def open_lab(page, site_url):
    """open_lab(query) loads the app at site_url + query (e.g. "?n_h=4") and waits until it is ready."""

    def open_at(query=""):
        page.goto(site_url + query)
        expect_ready(page)
        return page

    return open_at
