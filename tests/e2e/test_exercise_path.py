"""The Exercises view's path (issue 21): by keyboard alone a student opens a step, answers a predict-then-see
question and sees its mark change; the marks survive a reload; an instructor's link chooses the exercises (an
unknown one named on the page) and hides the solutions; axe finds nothing; at 360 px and embedded nothing
scrolls sideways, and Start over asks first (the two tests on the embedded link share its page: conftest's
shared_page). Oracles: the link's words, the marks' words, the code typed, axe-core."""

import json
import re
from pathlib import Path

from labpage import button
from playwright.sync_api import expect
from test_accessibility import AXE, ROOT, describe
from test_exercises import editor, write

READY = "Ready: press Run to run your code, Check to check it."
RUNNER_TIMEOUT_MS = 90_000
INSTRUCTORS_LINK = "?view=exercise&embed=1&exercises=forward,zz&solutions=hide"
PHONE = {"width": 360, "height": 740}


def axe_violations(page, include=None):
    """axe-core's violations on the page, or only in the elements include names (CSS selectors)."""
    page.add_script_tag(url=page.url.split("?")[0] + AXE.relative_to(ROOT).as_posix())
    if getattr(page, "guard", None) is not None:
        page.guard.allow_console_error("^Applying inline style violates", required=False)
    return page.evaluate(
        """async include => (await axe.run(include ? {include: include.map(s => [s])} : document)).violations.map(
            v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(node => node.target.join(" "))}))""",
        include,
    )


def path_step(page, name):
    return page.get_by_role("navigation", name="Your path through the exercises").get_by_role(
        "button", name=re.compile(re.escape(name))
    )


def tab_to(page, locator, limit=80):
    """Press Tab until locator has the focus (keyboard only)."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached " + str(locator))


def test_the_path_by_keyboard_alone_and_the_marks_survive_a_reload(open_lab):
    page = open_lab("?view=exercise&exercise=backward&exercises=backward,forward")
    expect(page.locator("#exercise-status")).to_have_text(READY, timeout=RUNNER_TIMEOUT_MS)
    predict = path_step(page, "Predict: the backward pass")
    expect(predict).to_contain_text("not started")
    expect(path_step(page, "Write the backward pass")).to_have_attribute("aria-current", "step")
    page.locator("body").focus()
    tab_to(page, predict)
    page.keyboard.press("Enter")
    expect(predict).to_have_attribute("aria-current", "step")
    question = page.get_by_role("group", name=re.compile("^Question 1:"))
    expect(question).to_be_visible(timeout=30_000)
    first = question.get_by_role("radio").first
    tab_to(page, first)
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    tab_to(page, question.get_by_role("button", name="Check my answer"))
    page.keyboard.press("Enter")
    expect(question.locator(".verdict")).to_have_text(re.compile(r"^(Right\.|Not quite: the answer is)"))
    expect(predict).to_contain_text("tried")
    expect(page.locator("#exercise-questions-status")).to_contain_text("1 of 4 questions answered")
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"
    with page.expect_download() as saved:
        page.get_by_role("button", name="Download my work").click()
    assert re.fullmatch(r"backprop-lab-work-\d{4}-\d{2}-\d{2}\.json", saved.value.suggested_filename)
    work = json.loads(Path(saved.value.path()).read_text())
    assert [entry["name"] for entry in work["exercises"]] == ["backward", "forward"]
    assert [len(work["questions"]), work["questions"][0]["choice"]] == [1, 0]
    page.reload()
    expect(path_step(page, "Predict: the backward pass")).to_contain_text("tried", timeout=60_000)
    expect(path_step(page, "Write the forward pass")).to_contain_text("not started")


def test_an_instructors_link_at_360_px_embedded(shared_page):
    page = shared_page.open(INSTRUCTORS_LINK, viewport=PHONE)
    expect(page.locator("#exercise-status")).to_have_text(READY, timeout=RUNNER_TIMEOUT_MS)
    expect(page.locator("#exercise-path-note")).to_contain_text("'zz' is not an exercise")
    steps = page.get_by_role("navigation", name="Your path through the exercises").get_by_role("button")
    expect(steps).to_have_count(2)
    expect(steps.nth(1)).to_have_attribute("aria-current", "step")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    steps.first.click()
    expect(page.get_by_role("group", name=re.compile("^Question 1:"))).to_be_visible(timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"


def test_start_over_asks_first_embedded_too(shared_page):
    page = shared_page.open(INSTRUCTORS_LINK, viewport=PHONE)
    path_step(page, "Write the forward pass").click()
    expect(button(page, "Run")).to_be_enabled(timeout=RUNNER_TIMEOUT_MS)
    write(page, "# my own attempt\n")
    button(page, "Start over").click()
    button(page, "Keep my code").click()
    expect(editor(page)).to_contain_text("# my own attempt")
    with page.expect_download() as saved:
        button(page, "Download my code").click()
    assert saved.value.suggested_filename == "backprop-lab_forward.py"
    assert Path(saved.value.path()).read_text() == "# my own attempt\n"
    button(page, "Start over").click()
    page.get_by_role("group").get_by_role("button", name="Start over").click()
    expect(editor(page)).to_contain_text("def forward(A0, W0, b0, W1, b1):")
