"""End-to-end fixtures: the site served on a free port, Chromium driven by Playwright, and a guard
that fails any test on a console error, an uncaught page error, a PyScript error banner, or a request
that leaves the site's origin (such requests are aborted and listed)."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

import chromium
import serve
import setup_runtime

READY_TIMEOUT_MS = 60_000
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def site_url():
    if not (setup_runtime.VENDOR / "manifest.json").exists():
        pytest.fail("The runtime is not set up: run `python3 tools/setup_runtime.py` (the test command does).")
    server, url = serve.start(setup_runtime.ROOT)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


class PageGuard:
    """Collects what must never happen on the page."""

    def __init__(self, page, origin):
        self.console_errors, self.page_errors, self.off_origin = [], [], []
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.context.route("**/*", lambda route: self._route(route, origin))

    def _route(self, route, origin):
        url = route.request.url
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" == origin:
            route.continue_()
        else:
            self.off_origin.append(url)
            route.abort()

    def problems(self, page):
        found = [f"console error: {text}" for text in self.console_errors]
        found += [f"uncaught page error: {text}" for text in self.page_errors]
        found += [f"request left the origin: {url}" for url in self.off_origin]
        if not page.is_closed():
            found += [f"PyScript error banner: {text}" for text in page.locator(".py-error").all_inner_texts()]
        return found


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
    expect(page.locator("html")).to_have_attribute("data-app-state", "ready", timeout=READY_TIMEOUT_MS)
    return page
