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


class SharedPage:
    """One page, guarded as `page` is, for the tests of a module that ask for `shared_page`: the first test's
    open(query) loads it, the next tests get it as the previous one left it and bring it back, by the page's own
    controls, to what they need. A test that failed, or during which the page misbehaved, closes it: the next test
    loads a new one."""

    def __init__(self, browser, site_url):
        self.browser, self.site_url = browser, site_url
        self.page = None
        self.fresh = False  # the last open() loaded the page

    def open(self, query="", init_script=None, **context_options):
        """The page, ready: the one open, else a new one loaded at site_url + query (self.fresh tells which), in a
        browser context made with context_options (viewport={"width": 360, "height": 740}...), init_script (a probe
        such as page_probes.RECORD_START) added before it loads."""
        self.fresh = self.page is None
        if self.fresh:
            context = self.browser.new_context(**context_options)
            self.page = context.new_page()
            self.page.guard = PageGuard(self.page, self.site_url.rstrip("/"))
            if init_script is not None:
                self.page.add_init_script(init_script)
            self.page.goto(self.site_url + query)
            expect_ready(self.page)
        return self.page

    def problems(self):
        """What the guard saw since the last call (the previous test's end), forgotten once told."""
        page = self.page
        if page is None:
            return []
        guard = page.guard
        found = guard.problems(page)
        for seen in (guard.console_errors, guard.page_errors, guard.off_origin, guard.allowances):
            seen.clear()
        if not page.is_closed():
            for frame in page.frames:
                try:
                    frame.evaluate("() => { if (window.__cspViolations) window.__cspViolations.length = 0; }")
                except Exception:  # a frame that navigated away or closed meanwhile
                    pass
        return found

    def close(self):
        if self.page is not None:
            self.page.context.close()
            self.page = None


@pytest.fixture(scope="module")
def _module_page(browser, site_url):
    shared = SharedPage(browser, site_url)
    yield shared
    shared.close()


@pytest.fixture
def shared_page(_module_page, request):
    """The module's SharedPage: shared_page.open(query) is the page, loaded by the module's first test only. Each test
    still fails on what the guard saw during it, as with `page`."""
    failed_before = request.session.testsfailed  # counts this test's failed setup and call when its teardown runs
    yield _module_page
    problems = _module_page.problems()
    if problems or request.session.testsfailed != failed_before:
        _module_page.close()
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
