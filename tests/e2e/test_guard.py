"""The guard that every end-to-end test relies on does catch what it claims to."""

from conftest import PageGuard


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
