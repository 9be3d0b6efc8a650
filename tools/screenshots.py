"""Remake the README's pictures of the four views from the running page: docs/img/lab.png, notebook.png,
exercises.png and many-seeds.png.

Serves the repository as `make serve` does (on a free port), opens each view in Chromium, waits for what the
page shows once it is ready (the lab after some training, the notebook's sections, the exercise's editor and
its worker, a finished Many seeds run) and saves the window, 1280 x 800 CSS pixels drawn at 0.75, so that each
file stays small (a test holds them under 200 KB). Run it when the page changes:

    .venv/bin/python tools/screenshots.py            # all four
    .venv/bin/python tools/screenshots.py lab sweep  # some of them (lab, notebook, exercise, sweep)

It uses the end-to-end tests' own helpers (tests/e2e/labpage.py to wait, guard.py to refuse a page that
misbehaves) and tools/chromium.py's browser, so a picture is only taken of a page the tests would pass.
"""

import argparse
import re
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
E2E = ROOT / "tests" / "e2e"  # the end-to-end tests' helpers: how to wait for the page, what it must not do
sys.path[:0] = [str(ROOT / "tools"), str(E2E)]
from guard import PageGuard  # noqa: E402
from labpage import button, expect_ready, readout, wait_for_step_at_least  # noqa: E402

import chromium  # noqa: E402
import serve  # noqa: E402
import setup_runtime  # noqa: E402

OUT = ROOT / "docs" / "img"
VIEWPORT = {"width": 1280, "height": 800}
SCALE = 0.75  # device pixels per CSS pixel: 960 x 600 files
TRAIN_STEPS = 1000
SLOW_MS = 120_000  # a second Pyodide (the exercise worker) or a sweep on a busy 2-core machine


def lab(page):
    """The Lab after about 1,000 steps of the default network: the cost falling, XOR solved."""
    button(page, "Train").click()
    wait_for_step_at_least(page, TRAIN_STEPS, timeout=SLOW_MS)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")


def notebook(page):
    """The Notebook's sections for the network at step 0."""
    panel = page.get_by_role("tabpanel", name="Notebook")
    expect(panel.get_by_text(re.compile(r"^Worked through for the network at step 0,"))).to_be_visible(timeout=SLOW_MS)


def exercises(page):
    """The backward-pass exercise with its starter code, once the student's Python is ready."""
    expect(page.get_by_role("textbox", name="Your code")).to_be_visible()
    expect(page.locator("#exercise-status")).to_have_text(
        "Ready: press Run to run your code, Check to check it.", timeout=SLOW_MS
    )


def sweep(page):
    """Many seeds after a run of its default 200 seeds x 1,000 steps."""
    button(page, "Run").click()
    expect(readout(page, "Steps done")).to_have_text(re.compile(r"^1,000 of 1,000$"), timeout=SLOW_MS)
    expect(page.get_by_role("status").filter(has_text="solved")).to_contain_text("Done:", timeout=SLOW_MS)


# name: (file, the view's address, the view's tab, what to wait for)
VIEWS = {
    "lab": ("lab.png", "?view=lab", "Lab", lab),
    "notebook": ("notebook.png", "?view=notebook", "Notebook", notebook),
    "exercise": ("exercises.png", "?view=exercise&exercise=backward", "Exercises", exercises),
    "sweep": ("many-seeds.png", "?view=sweep", "Many seeds", sweep),
}


def shoot(browser, url, name):
    file, query, tab, wait = VIEWS[name]
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=SCALE, service_workers="block")
    page = context.new_page()
    guard = PageGuard(page, url.rstrip("/"))
    try:
        page.goto(url + query)
        expect_ready(page)
        expect(page.get_by_role("tab", name=tab, exact=True)).to_have_attribute("aria-selected", "true")
        wait(page)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")  # no focus ring
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        problems = guard.problems(page)
        if problems:
            raise RuntimeError(f"{name}: the page misbehaved, no picture taken:\n" + "\n".join(problems))
        path = OUT / file
        page.screenshot(path=str(path), animations="disabled", caret="hide")
        return path
    finally:
        context.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Remake docs/img/*.png from the running page.")
    parser.add_argument(
        "views", nargs="*", metavar="view", help=f"which views, of {', '.join(VIEWS)} (default: all four)"
    )
    args = parser.parse_args(argv)
    unknown = [name for name in args.views if name not in VIEWS]
    if unknown:
        parser.error(f"no view named {', '.join(unknown)}: choose from {', '.join(VIEWS)}")
    try:
        setup_runtime.assemble()
    except setup_runtime.SetupError as err:
        print(f"runtime setup failed: {err}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    server, url = serve.start(setup_runtime.ROOT)
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            try:
                for name in args.views or VIEWS:
                    path = shoot(browser, url, name)
                    print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1000:.0f} KB", flush=True)
            finally:
                browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
