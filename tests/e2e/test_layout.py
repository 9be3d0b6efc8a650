"""The page at a desktop and at a phone width: no sideways scrolling at 360 px, and full-page screenshots
after some training, written to test-results/ for a person to look at."""

import struct
from pathlib import Path

from labpage import button, readout, wait_for_step_at_least
from playwright.sync_api import expect

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def train_a_little(page):
    button(page, "Train").click()
    wait_for_step_at_least(page, 300)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")


def screenshot(page, name):
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / name
    page.screenshot(path=str(path), full_page=True)
    width, height = struct.unpack(">II", path.read_bytes()[16:24])  # the PNG header's IHDR
    return width, height


def overflowing(page):
    """The elements reaching past the viewport's right edge, for the failure message."""
    return page.evaluate("""() => {
        const limit = document.documentElement.clientWidth;
        return [...document.querySelectorAll("body *")]
            .filter(el => el.getBoundingClientRect().right > limit + 0.5)
            .slice(0, 12)
            .map(el => {
                const id = el.id ? "#" + el.id : "";
                const classes = el.className && typeof el.className === "string"
                    ? "." + el.className.trim().replace(/\\s+/g, ".") : "";
                const right = Math.round(el.getBoundingClientRect().right);
                return `${el.tagName.toLowerCase()}${id}${classes} right=${right}`;
            });
    }""")


def test_at_360_px_nothing_scrolls_sideways(page, open_lab):
    page.set_viewport_size({"width": 360, "height": 780})
    open_lab()
    train_a_little(page)
    width, _ = screenshot(page, "lab-360px.png")  # first, so that a failure below has its picture
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], (
        f"scrollWidth {widths[0]} > clientWidth {widths[1]}; past the edge: {overflowing(page)}"
    )
    assert width == 360


def test_screenshot_at_1440_px(page, open_lab):
    page.set_viewport_size({"width": 1440, "height": 900})
    open_lab()
    train_a_little(page)
    width, height = screenshot(page, "lab-1440px.png")
    assert width == 1440 and height >= 900
