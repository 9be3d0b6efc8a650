"""The Exercises view: the student writes the backward (or forward) pass in the editor, runs it in a worker of its
own, and has every value checked; the notebook's ANN class, written right, is checked 6 of 6 within the page's time
limit (1000 steps of the student's Python in Pyodide, twice) and the network it trained opens in the Lab. Oracles: the
reference solutions (py/exercises/), mistakes written by hand as a student would make them, the notebook's printed J,
the model's cost readout, and the page's own Step answering while the student's code hangs.

The tests that take `shared_page` share one loaded page (show_exercise brings it back between them, as a student
would); the one that needs a page of its own (360 px wide) comes first, before the shared one is loaded. Start over
embedded: test_exercise_path.py, on the instructor's embedded link."""

import re

import pytest
from labpage import button, readout
from playwright.sync_api import expect
from test_accessibility import axe_violations, describe

import exercises

READY = "Ready: press Run to run your code, Check to check it."
RUNNER_TIMEOUT_MS = 90_000  # a second Pyodide starting beside the model's, on a busy machine


def open_exercise(open_lab, name="backward", query=""):
    page = open_lab("?view=exercise&exercise=" + name + query)
    expect(page.get_by_role("tab", name="Exercises")).to_have_attribute("aria-selected", "true")
    expect(status(page)).to_have_text(READY, timeout=RUNNER_TIMEOUT_MS)
    return page


def show_exercise(shared_page, name="backward"):
    """The Exercises view on exercise name, ready to run, nothing of an earlier test on screen. The tests that ask for
    it share one page (conftest's shared_page): the first loads it at the exercise's link, the next bring it back as
    a student would: the Exercises tab, the lab's Reset (step 0), another exercise from the menu and this one again
    (which clears the results), then Start over (the starter code)."""
    page = shared_page.open("?view=exercise&exercise=" + name)
    tab = page.get_by_role("tab", name="Exercises")
    if shared_page.fresh:
        expect(tab).to_have_attribute("aria-selected", "true")
        expect(status(page)).to_have_text(READY, timeout=RUNNER_TIMEOUT_MS)
        return page
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    button(page, "Reset").click()
    expect(readout(page, "Step")).to_have_text("0")
    expect(readout(page, "Status")).to_have_text("ready")
    menu = page.get_by_label("Exercise", exact=True)
    menu.select_option("forward" if name != "forward" else "backward")
    menu.select_option(name)
    button(page, "Start over").click()
    page.get_by_role("group").get_by_role("button", name="Start over").click()
    expect(editor(page)).to_contain_text(exercises.get(name).STARTER.strip().splitlines()[-1].strip())
    for box in ("#exercise-error", "#exercise-results"):
        expect(page.locator(box)).to_be_empty()
    expect(button(page, "Run")).to_be_enabled(timeout=RUNNER_TIMEOUT_MS)
    return page


def status(page):
    return page.locator("#exercise-status")


def editor(page):
    return page.get_by_role("textbox", name="Your code")


def write(page, code):
    editor(page).fill(code)
    expect(editor(page)).to_contain_text(code.strip().splitlines()[-1].strip())


def check(page):
    button(page, "Check").click()
    summary = page.get_by_role("heading", name=re.compile(r"of \d+ right"))
    expect(summary).to_be_visible(timeout=30_000)
    return summary


def result_row(page, name):
    return page.get_by_role("table", name=re.compile("Each value your code returned")).get_by_role(
        "row", name=re.compile("^" + re.escape(name) + r"\b")
    )


def mistaken(line_from, line_to):
    """The backward solution with one line changed, as a student would get it wrong."""
    solution = exercises.get("backward").SOLUTION
    assert line_from in solution, line_from
    return solution.replace(line_from, line_to)


def test_at_360_px_nothing_scrolls_sideways(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "?view=exercise&exercise=backward")
    expect(status(page)).to_have_text(READY, timeout=RUNNER_TIMEOUT_MS)
    write(page, exercises.get("backward").SOLUTION)
    check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_reference_solution_is_8_of_8_right_and_trains_the_network(shared_page):
    page = show_exercise(shared_page)
    write(page, exercises.get("backward").SOLUTION)
    expect(check(page)).to_have_text("8 of 8 right")
    for name in ("dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"):
        expect(result_row(page, name)).to_contain_text("right")
    button(page, "Train with my code").click()
    verdict = page.locator("#exercise-training-verdict")
    expect(verdict).to_contain_text("J fell", timeout=30_000)
    final = float(re.search(r"to ([0-9.e+-]+)", verdict.inner_text()).group(1))
    assert final < 0.01, verdict.inner_text()
    expect(page.get_by_role("img", name=re.compile("Cost"))).to_be_visible()


@pytest.mark.parametrize(
    "line_from, line_to, diagnosis",
    [
        ("dA2 = (A2 - Y) / m", "dA2 = (A2 - Y)", "dA2 is m = 4 times too big"),
        ("dZ2 = dA2 * A2 * (1 - A2)", "dZ2 = dA2", "dZ2 is missing the activation's derivative"),
        (
            "dZ1 = dA1 * (1 - A1**2)",
            "dZ1 = dA1 * (1 - np.tanh(A1)**2)",
            "dZ1 uses 1 - tanh(A1)**2, the notebook's slip",
        ),
    ],
)
def test_a_named_mistake_is_diagnosed(shared_page, line_from, line_to, diagnosis):
    page = show_exercise(shared_page)
    write(page, mistaken(line_from, line_to))
    summary = check(page)
    expect(summary).not_to_have_text("8 of 8 right")
    expect(page.locator("#exercise-results")).to_contain_text(diagnosis)


def test_an_endless_loop_is_stopped_and_the_lab_answers_meanwhile(shared_page):
    page = show_exercise(shared_page)
    write(
        page,
        "import numpy as np\n\ndef backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2):\n    while True:\n        pass\n",
    )
    button(page, "Run").click()
    expect(status(page)).to_have_text("Running your code…")
    button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("1", timeout=2_000)
    expect(page.locator("#exercise-error")).to_contain_text("Stopped after 1 s", timeout=15_000)
    expect(button(page, "Run")).to_be_enabled(timeout=RUNNER_TIMEOUT_MS)


def test_a_syntax_error_names_its_line_and_the_code_survives_a_reload(shared_page):
    page = show_exercise(shared_page)
    code = "import numpy as np\n\ndef backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2)\n    return {}\n"
    write(page, code)
    button(page, "Run").click()
    problem = page.locator("#exercise-error")
    expect(problem).to_contain_text("Line 3: SyntaxError")
    problem.get_by_role("button", name="Go to line 3").click()
    expect(editor(page)).to_be_focused()
    page.reload()
    expect(status(page)).to_have_text(READY, timeout=RUNNER_TIMEOUT_MS)
    expect(editor(page)).to_contain_text("def backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2)")
    expect(editor(page)).not_to_contain_text("TODO")


def test_by_keyboard_alone_and_axe_finds_nothing(shared_page):
    page = show_exercise(shared_page, "forward")
    editor(page).focus()
    page.keyboard.press("Control+a")
    page.keyboard.type(exercises.get("forward").SOLUTION.replace("    ", "").splitlines()[0])
    # Tab indents inside the editor; Escape then Tab leaves it for the next control.
    page.keyboard.press("Tab")
    expect(editor(page)).to_be_focused()
    # The lab's shortcut keys (Space, S, R) are the editor's letters while it has the focus.
    expect(readout(page, "Step")).to_have_text("0")
    expect(readout(page, "Status")).to_have_text("ready")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    expect(editor(page)).not_to_be_focused()
    editor(page).fill(exercises.get("forward").SOLUTION)
    button(page, "Check").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile(r"of \d+ right"))).to_have_text("5 of 5 right", timeout=30_000)
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"


def test_stop_ends_a_run_the_worker_cannot_stop_itself_and_python_starts_again(shared_page):
    page = show_exercise(shared_page)
    # A loop inside the handler of the worker's own deadline: only ending the worker stops it.
    write(
        page,
        "import numpy as np\n\ndef backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2):\n"
        "    try:\n        while True:\n            pass\n    except BaseException:\n"
        "        while True:\n            pass\n",
    )
    button(page, "Run").click()
    expect(status(page)).to_have_text("Running your code…")
    button(page, "Stop").click()
    expect(page.locator("#exercise-error")).to_have_text("Stopped: you pressed Stop.")
    expect(button(page, "Stop")).to_be_disabled()
    button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("1", timeout=2_000)
    expect(status(page)).to_have_text(READY, timeout=RUNNER_TIMEOUT_MS)
    write(page, exercises.get("backward").SOLUTION)
    expect(check(page)).to_have_text("8 of 8 right")


def test_the_ann_class_is_checked_and_its_network_opens_in_the_lab(shared_page):
    page = show_exercise(shared_page, "ann")
    write(page, exercises.get("ann").SOLUTION)
    expect(check(page)).to_have_text("6 of 6 right")
    expect(page.locator("#exercise-output")).to_contain_text("0.12519375208599626")  # the notebook's step 0
    button(page, "Show the network your class trained in the Lab").click()
    expect(page.get_by_role("tab", name="Lab")).to_have_attribute("aria-selected", "true")
    expect(readout(page, "Step")).to_have_text("0")
    # the trained network's cost, as the model computes it: the log's last J (step 900) was already below 2e-4
    expect(readout(page, "Cost J")).to_have_text(re.compile(r"^0\.0000\d|^[0-9.]+e-0[5-9]"))
