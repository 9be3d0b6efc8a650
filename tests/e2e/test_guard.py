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
    assert problems == [
        "console error: another console error",
        "an allowed uncaught page error never happened: /never thrown/",
    ]


def test_guard_reports_a_content_security_policy_violation(browser, site_url):
    # The site's policy allows no inline script: one injected into the page is refused, and the guard says so.
    context = browser.new_context()
    page = context.new_page()
    guard = PageGuard(page, site_url.rstrip("/"))
    guard.allow_console_error(r"^Executing inline script violates the following Content Security Policy directive")
    page.goto(site_url)
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.body.append(script);
    }""")
    page.wait_for_function("() => window.__cspViolations.length > 0")
    problems = guard.problems(page)
    injected = page.evaluate("() => window.__injected === true")
    context.close()
    assert not injected
    assert [problem for problem in problems if problem.startswith("Content-Security-Policy violation: ")] == [
        "Content-Security-Policy violation: script-src-elem refused inline"
    ]
