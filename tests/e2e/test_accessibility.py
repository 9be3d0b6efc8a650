"""The lab without a mouse, and axe-core's automated accessibility rules."""

from pathlib import Path

import pytest
from labpage import button, readout, step_count, wait_for_step_at_least
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MAX_TABS = 40


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def test_keyboard_only_tab_to_train_and_space_toggles(ready_page):
    page = ready_page
    train = button(page, "Train")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if is_focused(train):
            break
    else:
        focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
        pytest.fail(f"{MAX_TABS} presses of Tab never focused the Train button (last focus: {focused})")
    expect(train).to_be_focused()

    page.keyboard.press("Space")
    expect(readout(page, "Status")).to_have_text("training")
    expect(button(page, "Pause")).to_be_focused()
    wait_for_step_at_least(page, 10)  # it trains
    page.keyboard.press("Space")
    expect(readout(page, "Status")).to_have_text("paused")
    expect(button(page, "Train")).to_be_focused()


def test_shortcut_keys_with_focus_on_the_page(ready_page):
    page = ready_page
    shortcuts = page.get_by_text("Keys:")
    expect(shortcuts).to_be_visible()
    expect(shortcuts).to_have_text("Keys: Space train or pause, S step, R reset.")
    status = readout(page, "Status")

    page.get_by_role("heading", name="Backprop Lab").click()  # focus on the page, no control focused
    assert page.evaluate("() => document.activeElement === document.body")
    page.keyboard.press("Space")
    expect(status).to_have_text("training")
    wait_for_step_at_least(page, 10)
    page.keyboard.press("Space")
    expect(status).to_have_text("paused")
    paused_at = step_count(page)
    page.keyboard.press("s")
    expect(readout(page, "Step")).to_have_text(str(paused_at + 1))
    page.keyboard.press("r")
    expect(readout(page, "Step")).to_have_text("0")
    expect(status).to_have_text("ready")
    assert page.evaluate("() => window.scrollY") == 0, "Space scrolled the page instead of only toggling"


def axe_violations(page):
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci --ignore-scripts` (make test does).")
    # By URL from the test server, which serves the repository: the page's policy refuses an inline script.
    page.add_script_tag(url=page.url.split("?")[0] + AXE.relative_to(ROOT).as_posix())
    # axe-core's own <style> on a page with a shadow root (the guard ignores its policy violation, by source)
    if getattr(page, "guard", None) is not None:
        page.guard.allow_console_error("^Applying inline style violates", required=False)
    return page.evaluate("""async () => (await axe.run()).violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(node => node.target.join(" ")),
    }))""")


def describe(violations):
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}; at {', '.join(v['targets'])}" for v in violations)


def test_axe_finds_no_violations_on_the_ready_page(ready_page):
    violations = axe_violations(ready_page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"


def test_axe_finds_no_violations_after_divergence(ready_page):
    """Also the state with a reason shown, a diverged surface and a message."""
    page = ready_page
    rate = page.get_by_label("Learning rate", exact=True)
    rate.fill("1000")
    rate.press("Enter")
    button(page, "Train").click()
    expect(readout(page, "Status")).to_have_text("diverged")
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"
