"""The guard that every end-to-end test relies on does catch what it claims to."""

from guard import PageGuard


def test_guard_reports_console_errors_page_errors_and_off_origin_requests(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    guard = PageGuard(page, site_url.rstrip("/"))
    page.goto(site_url + "static/img/favicon.svg")
    page.evaluate("""async () => {
        console.error("deliberate console error");
        setTimeout(() => { throw new Error("deliberate uncaught error"); });
        await fetch("http://off-origin.invalid/probe").catch(() => {});
    }""")
    page.evaluate("() => new Promise(resolve => setTimeout(resolve))")  # the timer above has fired
    problems = guard.problems(page)
    context.close()
    assert "console error: deliberate console error" in problems
    assert any("deliberate uncaught error" in problem for problem in problems)
    assert "request left the origin: http://off-origin.invalid/probe" in problems


def test_guard_excuses_only_the_allowed_errors_and_reports_an_allowance_never_used(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    guard = PageGuard(page, site_url.rstrip("/"))
    guard.allow_console_error(r"^deliberate 404 of [\w.]+$")
    guard.allow_page_error(r"never thrown")
    guard.allow_page_error(r"may never be thrown", required=False)
    page.goto(site_url + "static/img/favicon.svg")
    page.evaluate("""() => {
        console.error("deliberate 404 of pyodide.asm.wasm");
        console.error("another console error");
    }""")
    problems = guard.problems(page)
    context.close()
    assert problems == ["console error: another console error",
                        "an allowed uncaught page error never happened: /never thrown/"]
