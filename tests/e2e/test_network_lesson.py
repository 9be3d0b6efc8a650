"""The network as the lesson (issue 19, parts 1, 3 and 4): each unit's picture, any weight's chain rule with the model's
numbers, and a weight set by hand, driven as a student does: by keyboard only, with the mouse, and on a phone.

Oracles: tests/e2e/e2e_reference.py's independent NumPy transcription of the notebook's network (its gradient
dW1[0,1] and each example's term, the cost J of edited parameters); the pictures' own pixels before and after
training; axe-core; the browser's long-task entries."""

import re

import e2e_reference as reference
import pytest
from labpage import button, expect_cost, expect_ready, readout, wait_for_step_at_least
from playwright.sync_api import expect
from test_accessibility import axe_violations, describe
from test_long_tasks import long_tasks, now, settled

from page_probes import RECORD_START

MINUS = "\u2212"
PANEL = "Chain rule for W1[0,1]"


def number(text):
    return float(text.strip().replace(MINUS, "-"))


def weight(page, name):
    return page.get_by_role("img", name=re.compile(rf"^{re.escape(name)},"))


def focused_label(page):
    return page.evaluate("() => document.activeElement.getAttribute('aria-label') || ''")


def tab_to(page, name, limit=40):
    """Press Tab from the diagram's heading until the weight or bias called name has the focus."""
    page.get_by_role("heading", name="Network").click()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_label(page).startswith(name + ","):
            return
    raise AssertionError(f"{limit} Tabs after the diagram's heading did not reach {name}")


def terms_table(panel):
    """(rows of the body: [j, factor..., product] as numbers, {foot label: number})."""
    table = panel.get_by_role("table")
    body, foot = [], {}
    for row in table.get_by_role("row").all():
        cells = row.get_by_role("cell").all_inner_texts()
        heads = row.get_by_role("rowheader").all_inner_texts()
        if heads:
            foot[heads[0].strip()] = number(cells[0])
        elif cells and re.fullmatch(r"\d+", cells[0].strip()):
            body.append([number(cell) for cell in cells])
    return body, foot


def picture_pixels(page, name):
    """The RGBA bytes of the unit's picture on screen (its canvas, inside the picture called name)."""
    picture = page.get_by_role("img", name=re.compile(rf"^Picture of {re.escape(name)}:"))
    return picture.locator("canvas").evaluate(
        "c => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)"
    )


def test_keyboard_only_chain_rule_and_a_typed_weight(ready_page):
    page = ready_page
    W0, b0, W1, b1 = reference.initial_params(2, 2)
    gradient, terms = reference.dW1_terms(W0, b0, W1, b1, 1)

    tab_to(page, "W1[0,1]")
    page.keyboard.press("Enter")
    panel = page.get_by_role("region", name=PANEL)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("The gradient at step 0, which step 1 uses")
    expect(panel.get_by_role("table")).to_contain_text("product")
    body, foot = terms_table(panel)
    assert [row[0] for row in body] == [0, 1, 2, 3]
    for (_j, dZ2, A1, product), (ref_dZ2, ref_A1) in zip(body, terms):
        assert dZ2 == pytest.approx(ref_dZ2, rel=1e-12) and pytest.approx(ref_A1, rel=1e-12) == A1
        assert product == pytest.approx(dZ2 * A1, rel=1e-15)
    assert sum(row[3] for row in body) == pytest.approx(foot["sum of the products"], rel=1e-12)
    assert foot["= dW1[0,1]"] == pytest.approx(gradient, rel=1e-12)
    assert foot["sum of the products"] == pytest.approx(gradient, rel=1e-12)

    # the focus is in the field: type, Enter sets; the model's J is the independent one for those parameters
    field = page.get_by_label("Value of W1[0,1]")
    expect(field).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("2.5")
    page.keyboard.press("Enter")
    W1[0, 1] = 2.5
    expect_cost(page, reference.params_cost(W0, b0, W1, b1))
    expect(panel.get_by_role("definition").first).to_have_text("2.5")
    assert "params=" in page.url and readout(page, "Step").inner_text() == "0"

    # a refused value: said beside the field, the network unchanged
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("1e400")
    page.keyboard.press("Enter")
    expect(panel.get_by_role("alert")).to_have_text("W1[0,1] must be a finite number (got '1e400')")
    expect_cost(page, reference.params_cost(W0, b0, W1, b1))

    # Escape closes, the focus back on the weight; ArrowUp nudges it by 0.1
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert focused_label(page).startswith("W1[0,1],")
    page.keyboard.press("ArrowUp")
    W1[0, 1] = 2.6
    expect_cost(page, reference.params_cost(W0, b0, W1, b1))

    # Reset: the seed's network, and the link without params=
    button(page, "Reset").click()
    expect_cost(page, reference.initial_cost())
    page.wait_for_function("() => !location.search.includes('params=')")


def test_the_panel_and_the_pictures_follow_training(ready_page):
    page = ready_page
    weight(page, "W1[0,1]").click()
    panel = page.get_by_role("region", name=PANEL)
    expect(panel).to_contain_text("The gradient at step 0")
    _, foot = terms_table(panel)
    before = {name: picture_pixels(page, name) for name in ("hidden unit A1[0]", "the output A2")}

    button(page, "Train").click()
    wait_for_step_at_least(page, 300)
    expect(panel).to_contain_text(re.compile(r"The gradient at step [1-9]\d*,"))  # it followed while training
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")  # the slices in flight have landed
    step = readout(page, "Step").inner_text().replace(",", "")
    expect(panel).to_contain_text(f"The gradient at step {step},")
    _, after = terms_table(panel)
    assert after["= dW1[0,1]"] != foot["= dW1[0,1]"]
    for name, pixels in before.items():
        assert picture_pixels(page, name) != pixels, f"the picture of {name} did not change while training"
    button(page, "Close").click()
    expect(panel).to_be_hidden()


def test_sixteen_units_on_a_phone_pictures_panel_and_axe(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(site_url + "?n_h=16")
        expect_ready(page)
        pictures = page.get_by_role("img", name=re.compile(r"^Picture of "))
        expect(pictures).to_have_count(17)
        pictures.last.scroll_into_view_if_needed()
        expect(pictures.last).to_have_attribute("aria-label", re.compile(r"from .+ to "))  # drawn, with its range
        sizes = pictures.locator("canvas").evaluate_all("cs => cs.map(c => c.width)")
        assert sizes == [32] * 17
        pictures.nth(3).focus()
        expect(page.locator("#unit-popup")).to_be_visible()
        expect(page.locator("#unit-popup")).to_contain_text("A1[3]: from ")

        weight(page, "W1[0,15]").click()
        panel = page.get_by_role("region", name="Chain rule for W1[0,15]")
        expect(panel).to_contain_text("The gradient at step 0")
        box = panel.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, "the page scrolls sideways"
        violations = axe_violations(page)
        assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"
    finally:
        context.close()


def test_no_long_task_while_dragging_a_weight(page, site_url):
    page.add_init_script(RECORD_START)
    page.goto(site_url)
    expect_ready(page)
    line = weight(page, "W1[0,0]")
    line.scroll_into_view_if_needed()
    box = line.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    before = readout(page, "Cost J").inner_text()
    since = settled(page)
    page.mouse.move(x, y)
    page.mouse.down()
    for k in range(1, 31):
        page.mouse.move(x, y - 3 * k)  # 90 pixels up: about +1.8
    page.mouse.up()
    expect(readout(page, "Cost J")).not_to_have_text(before)
    until = settled(page)
    assert long_tasks(page, since, until) == []
    expect(line).to_have_attribute("aria-label", re.compile(r"^W1\[0,0\], hidden unit A1\[0\] to output A2: 1\.\d+$"))
    expect(page.get_by_role("region", name=re.compile("^Chain rule"))).to_have_count(0)  # a drag opens no panel
    assert readout(page, "Step").inner_text() == "0"
    assert now(page) >= until
