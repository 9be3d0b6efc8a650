"""A step in slow motion (issue 19, part 2): Step slowly plays the next step stage by stage and ends exactly where
Step does (the same step count, the same cost J to the last digit), by keyboard alone, each stage said in the live
region; its stages play with no long main-thread task; each stage links to its Notebook section."""

import re

from labpage import button, readout
from playwright.sync_api import expect
from test_accessibility import axe_violations, describe
from test_long_tasks import long_tasks, now, settled

from page_probes import RECORD_START

STAGE_WORDS = ("Forward pass", "Cost", "Backpropagation", "Update: one gradient-descent step", "The step taken")


def live(page):
    return page.locator("#slow-motion-live")


def tab_to(page, name, back=False, presses=40):
    """Press Tab (Shift+Tab: back) until the button called name has the focus; fails after `presses`."""
    target = button(page, name)
    for _ in range(presses):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached the button {name!r}")


def test_a_slow_step_by_keyboard_ends_where_step_does(page, open_lab):
    page = open_lab()
    tab_to(page, "Step slowly")
    page.keyboard.press("Enter")
    player = page.get_by_role("region", name="One step in slow motion")
    expect(player).to_be_focused()
    expect(live(page)).to_have_text(re.compile(r"^Forward pass, all 4 examples"))
    expect(page.get_by_text("Stage 1 of 4: Forward pass")).to_be_visible()
    for words in STAGE_WORDS[1:]:
        page.keyboard.press("ArrowRight")  # the update stage passed: the lab's own step
        expect(live(page)).to_contain_text(words + ":")
    said = live(page).inner_text()
    after = re.fullmatch(r"The step taken: now at step 1, cost J = (\S+)\.", said).group(1)
    expect(readout(page, "Step")).to_have_text("1")
    slow_cost = readout(page, "Cost J").inner_text()
    assert slow_cost == "{:.10g}".format(float(after))  # the readout shows the worker's J after the step

    page.keyboard.press("Escape")  # the player closes, the focus back on Step slowly
    expect(player).to_be_hidden()
    expect(button(page, "Step slowly")).to_be_focused()
    tab_to(page, "Reset")  # Reset, then Step: the lab's own step from the same start
    page.keyboard.press("Enter")
    expect(readout(page, "Step")).to_have_text("0")
    tab_to(page, "Step", back=True)
    page.keyboard.press("Enter")
    expect(readout(page, "Step")).to_have_text("1")
    assert readout(page, "Cost J").inner_text() == slow_cost

    # To the last digit: the next slow step's cost stage says the J of the network on screen, CPython's repr.
    tab_to(page, "Step slowly")
    page.keyboard.press("Enter")
    expect(player).to_be_focused()
    page.keyboard.press("n")
    expect(live(page)).to_have_text(re.compile(r"^Cost: J = "))
    assert live(page).inner_text().startswith(f"Cost: J = {after}; ")
    violations = axe_violations(page)  # the player open, its table and the numbers on the diagram
    assert violations == [], describe(violations)
    page.keyboard.press("p")
    expect(live(page)).to_have_text(re.compile(r"^Forward pass"))


def test_stages_play_without_long_tasks_and_link_to_the_notebook(page, open_lab):
    page.add_init_script(RECORD_START)
    page = open_lab("?batch=one")
    settled(page)
    since = now(page)
    button(page, "Step slowly").click()
    player = page.get_by_role("region", name="One step in slow motion")
    expect(
        player.get_by_text("This step's gradient takes example 0 (x1 = 0.0, x2 = 1.0, Y = 1.0) only")
    ).to_be_visible()
    player.get_by_role("button", name="Play").click()
    for words in STAGE_WORDS[1:]:  # a stage every 1.5 s, on the page's timers
        expect(live(page)).to_contain_text(words + ":", timeout=10_000)
    expect(readout(page, "Step")).to_have_text("1")
    assert long_tasks(page, since, settled(page)) == []

    link = player.get_by_role("link", name="In the Notebook: 5. One gradient-descent step")
    link.click()
    expect(page.get_by_role("tab", name="Notebook")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("heading", name="5. One gradient-descent step")).to_be_in_viewport(timeout=30_000)
