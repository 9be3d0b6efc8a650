"""The network diagram gives every weight's and bias's exact value on hover and on keyboard focus."""

import re

import e2e_reference as reference
from playwright.sync_api import expect

W0, b0, W1, b1 = reference.initial_params(2, 2)  # the notebook's cell 3: W0[0,0] = -0.04167578...
PARAMETERS = {"W0[0,0]": W0[0, 0], "W0[1,1]": W0[1, 1], "W1[0,1]": W1[0, 1], "b0[1]": b0[1, 0], "b1": b1[0, 0]}


def shown_value(tooltip, name):
    """The number the tooltip gives for name ("W0[0,0] = −0.0416757... (negative, dashed): ...")."""
    match = re.match(rf"{re.escape(name)} = (\S+) ", tooltip.inner_text())
    assert match, f"the tooltip says {tooltip.inner_text()!r}, not the value of {name}"
    return float(match.group(1).replace("\u2212", "-"))


def test_hover_and_focus_show_the_exact_value(ready_page):
    page = ready_page
    tooltip = page.get_by_role("tooltip")
    for name, value in PARAMETERS.items():
        element = page.get_by_role("img", name=re.compile(rf"^{re.escape(name)},"))
        if name.startswith("b"):  # a bias is its unit's outline: the unit's picture fills the middle of its box
            box = element.bounding_box()
            element.hover(position={"x": box["width"] * 0.85, "y": box["height"] / 2})  # its name, right
        else:
            element.hover()
        expect(tooltip).to_be_visible()
        assert shown_value(tooltip, name) == value  # every digit: the value is shown at full precision
        page.mouse.move(0, 0)
        expect(tooltip).to_be_hidden()

        element.focus()
        expect(tooltip).to_be_visible()
        assert shown_value(tooltip, name) == value
        page.keyboard.press("Escape")
        expect(tooltip).to_be_hidden()
        page.get_by_role("heading", name="Network").click()  # focus leaves the diagram


def test_weights_are_reached_with_the_tab_key(ready_page):
    page = ready_page
    page.get_by_role("heading", name="Network").click()
    for _ in range(3):  # past the diagram's own description, to its first weight
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.getAttribute('aria-label') || ''")
        if re.match(r"^(W0|W1|b0|b1)\b", focused):
            break
    else:
        raise AssertionError(f"three Tabs after the diagram's heading reached no weight (last: {focused!r})")
    name = focused.split(", ")[0]
    expect(page.get_by_role("tooltip")).to_contain_text(f"{name} = ")
