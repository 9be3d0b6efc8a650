"""What must never happen on the page: console errors, uncaught errors, PyScript error banners,
Content-Security-Policy violations and requests that leave the site's origin (aborted and listed), with
narrow allowances for a test that provokes an error on purpose."""

import re
from urllib.parse import urlsplit

# Every document of the page (frames too) lists the policy violations it sees; a violation in a worker is
# reported on the console, which the guard hears as well. The one tool a test injects, axe-core, adds a <style>
# of its own to a page with a shadow root (the code editor's): that is the test's doing, not the page's.
TEST_TOOLS = "/node_modules/axe-core/"
RECORD_VIOLATIONS = (
    """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    if (!event.sourceFile.includes("%s")) window.__cspViolations.push(
        `${event.effectiveDirective} refused ${event.blockedURI || "inline"}`);
});
"""
    % TEST_TOOLS
)


class PageGuard:
    """Collects what must never happen on the page."""

    def __init__(self, page, origin, also=()):
        """origin: the site's ("http://127.0.0.1:8123"); also: further origins a test serves itself
        (a host page that embeds the site). Requests to any other origin are aborted and listed."""
        self.console_errors, self.page_errors, self.off_origin = [], [], []
        self.allowances = []  # Allowance objects: errors a test provokes on purpose
        origins = frozenset((origin, *also))
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.add_init_script(RECORD_VIOLATIONS)
        page.context.route("**/*", lambda route: self._route(route, origins))

    def _route(self, route, origins):
        url = route.request.url
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" in origins:
            route.continue_()
        else:
            self.off_origin.append(url)
            route.abort()

    def allow_console_error(self, pattern, required=True):
        """Excuse the console errors that match pattern (re.search), for a test that provokes them.

        Narrow by design: every allowance names one regular expression and each excused error must match
        it. A required allowance that excused nothing is itself a problem (the provoked failure never
        came); required=False is for the errors that follow it at a moment the test does not wait for.
        """
        self.allowances.append(Allowance("console error", pattern, required))

    def allow_page_error(self, pattern, required=True):
        """Excuse the uncaught page errors that match pattern; see allow_console_error."""
        self.allowances.append(Allowance("uncaught page error", pattern, required))

    def _excused(self, kind, text):
        for allowance in self.allowances:
            if allowance.kind == kind and allowance.pattern.search(text):
                allowance.used += 1
                return True
        return False

    def problems(self, page):
        errors = [("console error", text) for text in self.console_errors]
        errors += [("uncaught page error", text) for text in self.page_errors]
        found = [f"{kind}: {text}" for kind, text in errors if not self._excused(kind, text)]
        found += [f"request left the origin: {url}" for url in self.off_origin]
        if not page.is_closed():
            found += [f"PyScript error banner: {text}" for text in page.locator(".py-error").all_inner_texts()]
            found += [f"Content-Security-Policy violation: {text}" for text in self.violations(page)]
        found += [
            f"an allowed {allowance.kind} never happened: /{allowance.pattern.pattern}/"
            for allowance in self.allowances
            if allowance.required and not allowance.used
        ]
        return found

    @staticmethod
    def violations(page):
        found = []
        for frame in page.frames:
            try:
                found += frame.evaluate("() => window.__cspViolations || []")
            except Exception:  # a frame that navigated away or closed meanwhile
                pass
        return found


class Allowance:
    def __init__(self, kind, pattern, required):
        self.kind, self.pattern, self.required, self.used = kind, re.compile(pattern), required, 0
