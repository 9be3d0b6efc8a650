"""The page at a desktop and at a phone width: no sideways scrolling at 360 px, no large gap between the Lab's panels
from 1280 to 1920 px wide and at 360 px (issue 19, part 7), what the Many seeds view says before a first run, and
full-page screenshots after some training, written to test-results/ for a person to look at."""

import re
import struct
from pathlib import Path

import pytest
from labpage import button, next_frames, readout, wait_for_step_at_least
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


LARGEST_GAP_PX = 120  # between a panel and the one above it in its column (panels are 12 px apart)
PANEL_GAPS = """() => {
    const boxes = [...document.querySelectorAll("main.lab .panel")]
        .filter(el => el.getClientRects().length)
        .map(el => {
            const r = el.getBoundingClientRect();
            const name = el.querySelector("h2") ? el.querySelector("h2").textContent.trim() : el.className;
            return {name, left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY};
        });
    const top = document.querySelector("main.lab").getBoundingClientRect().top + scrollY;
    return boxes.map(box => {
        const above = boxes.filter(other => other !== box && other.bottom <= box.top + 1
            && other.left < box.right - 1 && other.right > box.left + 1);
        const floor = above.length ? Math.max(...above.map(other => other.bottom)) : top;
        return [box.name, Math.round(box.top - floor)];
    });
}"""


@pytest.mark.parametrize("width", [1280, 1440, 1920, 360])
def test_no_large_gap_between_the_labs_panels(page, open_lab, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_lab()
    button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("1")
    expect(page.get_by_role("img", name=re.compile(r"^Cost landscape: J over"))).to_be_attached()  # drawn
    next_frames(page)
    gaps = page.evaluate(PANEL_GAPS)
    assert len(gaps) >= 8, gaps  # training, settings, share, cost, surface, predictions, network, landscape
    assert [gap for gap in gaps if gap[1] > LARGEST_GAP_PX] == [], gaps
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"sideways scrolling at {width} px: {overflowing(page)}"


def test_many_seeds_before_a_first_run_says_what_run_does(page, open_lab):
    open_lab("?sweep_count=50")
    page.get_by_role("tab", name="Many seeds").click()
    status = page.locator("#sweep-shares")
    expect(status).to_have_text(
        "Press Run to train 50 networks (seeds 0 to 49, 1,000 steps each): their costs show here."
    )
    expect(page.get_by_role("img", name=re.compile(r"^Cost curves"))).to_be_hidden()  # no empty frames
    page.get_by_label("Networks", exact=True).fill("200")
    page.get_by_label("Networks", exact=True).press("Enter")
    expect(status).to_have_text(re.compile(r"^Press Run to train 200 networks \(seeds 0 to 199,"))
