"""The Notebook view: the seed notebook's sections live for the network on screen. Oracles: the numbers the
notebook printed (../shared/seed/ann_xor_notebook.txt), and the model under CPython for another network."""

import re
from pathlib import Path

import e2e_reference as reference
import numpy as np
import pytest
from labpage import button, field, readout, wait_for_step_at_least
from playwright.sync_api import expect
from test_accessibility import axe_violations, describe

from backprop import Config, Run, forward, unroll

# What the notebook printed at step 0 (cells 9, 9, 12, 14, 14).
Z1_00, Z1_10, Z2_00 = "0.09437331727736706", "0.26402708084049886", "0.06140283090901357"
A2_TEXT, J_TEXT = "[[0.51534589 0.52474844 0.51842557 0.52156619]]", "0.12519375208599626"
# Cells 16-31: each gradient's numeric and analytic print, rounded to 5 decimals (they agree but for db0).
NOTEBOOK_PRINTS = [
    "[[-0.12116 -0.11881  0.12961  0.13039]]",
    "[[-0.03026 -0.02963  0.03236  0.03254]]",
    "[[0.00036 0.00041]]",
    "[[0.005]]",
    "[[ 0.00543  0.00531 -0.0058  -0.00584]\n [ 0.00255  0.00249 -0.00272 -0.00274]]",
    "[[ 0.00538  0.0053  -0.00575 -0.00582]\n [ 0.00238  0.00246 -0.0027  -0.00273]]",
    "[[-0.00052 -0.00044]\n [-0.00027 -0.00035]]",
    "[[-0.00089]\n [-0.00059]]",
    "[[-0.00089]\n [-0.00058]]",
]
# Cell 35's log: J before update i, i = 0, 100, ..., 900.
NOTEBOOK_LOG = [
    0.12519375208599626,
    0.044109941906362596,
    0.0015874322882328462,
    0.0007888131666023057,
    0.0005181010814237375,
    0.00038344681417277733,
    0.00030337361837437526,
    0.0002504765312000076,
    0.00021301226568328868,
    0.00018512952151354307,
]
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
FROZEN_MS = 100
GRADIENTS = ["dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"]


def notebook(page):
    return page.get_by_role("tabpanel", name="Notebook")


def section(page, title):
    return notebook(page).get_by_role("region", name=re.compile("^" + re.escape(title)))


def open_notebook(open_lab, query=""):
    """The lab at ?view=notebook (and query), once the notebook shows the network on screen."""
    page = open_lab("?view=notebook" + query)
    expect(page.get_by_role("tab", name="Notebook")).to_have_attribute("aria-selected", "true")
    expect_notebook_at(page, 0)
    return page


def shared_notebook(shared_page):
    """The module's shared page at ?view=notebook, the notebook showing step 0: the tests that only look (and the last
    of them, which takes a step) share one page in the file's order."""
    page = shared_page.open("?view=notebook")
    expect(page.get_by_role("tab", name="Notebook")).to_have_attribute("aria-selected", "true")
    expect_notebook_at(page, 0)
    return page


def expect_notebook_at(page, step):
    expect(notebook(page).get_by_text(re.compile(rf"^Worked through for the network at step {step},"))).to_be_visible(
        timeout=30_000
    )


def verdicts(page):
    """{gradient: verdict word} as the backpropagation section shows them."""
    rows = section(page, "3. Backpropagation").evaluate("""element => [...element.querySelectorAll(".nb-gradient")]
        .map(block => [block.querySelector("h4").textContent.split(" ")[0],
                       block.querySelector(".verdict-word").textContent.replace(/[^A-Za-z]/g, "")])""")
    return dict(rows)


def test_at_step_0_the_view_shows_the_notebooks_printed_values(shared_page):
    page = shared_notebook(shared_page)
    expect(page).to_have_url(re.compile(r"[?&]view=notebook(&|$)"))
    forward = section(page, "2. Forward pass")
    for text in (Z1_00, Z1_10, Z2_00, A2_TEXT, J_TEXT):
        expect(forward).to_contain_text(text)
    expect(section(page, "1. Setup")).to_contain_text("W0 = np.random.randn(n_h, n) * 0.1")
    assert verdicts(page) == dict.fromkeys(GRADIENTS, "Right")
    expect(section(page, "3. Backpropagation")).to_contain_text("8 of 8 gradients right.")
    check = section(page, "4. The notebook's own check").text_content()
    for printed in NOTEBOOK_PRINTS[:-1]:  # default mode: the correct db0, which the notebook's print misses
        assert printed.replace("\n", "") in check.replace("\n", ""), printed
    expect(section(page, "5. One gradient-descent step")).to_contain_text(J_TEXT)


def test_notebook_mode_flags_exactly_dZ1_dW0_db0_and_replays_the_notebooks_log(open_lab):
    page = open_notebook(open_lab, "&notebook_mode=true")
    wrong = [name for name, word in verdicts(page).items() if word != "Right"]
    assert wrong == ["dZ1", "dW0", "db0"]
    assert all(verdicts(page)[name] == "Wrong" for name in wrong)
    expect(section(page, "3. Backpropagation")).to_contain_text("1 - tanh(A1)**2")
    check = section(page, "4. The notebook's own check").text_content().replace("\n", "")
    for printed in NOTEBOOK_PRINTS:  # db0's two prints, [[-0.00089] [-0.00059]] against [[-0.00089] [-0.00058]]
        assert printed.replace("\n", "") in check, printed
    log = section(page, "6. The ANN class").get_by_role("table").first
    costs = [float(text) for text in log.locator("tbody tr td:last-child").all_text_contents()]
    assert costs[:2] == pytest.approx(NOTEBOOK_LOG[:2], rel=1e-9)
    assert costs == pytest.approx(NOTEBOOK_LOG, rel=1e-4)


def test_after_500_steps_every_gradient_is_still_right(open_lab):
    page = open_notebook(open_lab, "&speed=100")
    button(page, "Train").click()
    wait_for_step_at_least(page, 500)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")
    expect_notebook_at(page, int(readout(page, "Step").inner_text()))
    assert verdicts(page) == dict.fromkeys(GRADIENTS, "Right")


def test_a_settings_change_shows_that_networks_numbers(open_lab):
    page = open_notebook(open_lab)
    field(page, "Hidden units n_h").fill("3")
    field(page, "Hidden units n_h").press("Tab")
    field(page, "Hidden activation").select_option("relu")
    field(page, "Cost").select_option("cross_entropy")
    field(page, "Seed").fill("7")
    field(page, "Seed").press("Tab")
    expect(page).to_have_url(re.compile(r"seed=7"))
    # The model under CPython for that network (the worker runs the same model under Pyodide).
    run = Run(Config(n_h=3, activation="relu", cost="cross_entropy", seed=7))
    sums = unroll(run.params, "relu")
    expect(notebook(page)).to_contain_text(f"cost J = {run.cost!r}.")
    forward = section(page, "2. Forward pass")
    for entry in sums["hidden"][:6] + sums["output"]:
        expect(forward).to_contain_text(repr(entry["Z"]["value"]))
    expect(forward).to_contain_text(np.array2string(forward_A2(run)))


def test_a_generated_set_is_worked_through_on_its_own_examples(open_lab):
    """Issue 20: the Notebook follows the data on screen, A0 as it is and the sums of its first four examples."""
    page = open_notebook(open_lab, "&data=circle&data_size=40")
    run = Run(Config(data="circle", data_size=40))  # the model under CPython: the same data seed, the same points
    expect(notebook(page)).to_contain_text(
        f"cost J = {run.cost!r}, over the 20 training examples of the circle (data seed 0, 40 points, noise 0 %, "
        "50 % for training)."
    )
    setup = section(page, "1. Setup")
    expect(setup.get_by_role("table", name="A0, shape (2, 20)")).to_be_visible()
    expect(setup).to_contain_text("A0 holds its 20 training examples")
    forward = section(page, "2. Forward pass")
    expect(forward).to_contain_text("The sums are written out for the first 4 of the 20 examples")
    expect(forward.get_by_role("table", name="Z1, shape (2, 20)")).to_be_visible()


def forward_A2(run):
    return forward(run.params, reference.A0, run.Y, run.config.activation, run.config.cost)["A2"]


def test_terms_and_plots_light_each_other_up(shared_page):
    page = shared_notebook(shared_page)
    term = notebook(page).get_by_role("button", name=re.compile(r"^W0\[1,0\] = ")).first
    weight = page.get_by_role("img", name=re.compile(r"^W0\[1,0\], input x1 to hidden unit A1\[1\]"))
    term.focus()  # by keyboard, the term's exact value is in its name
    expect(weight).to_have_class(re.compile(r"\blinked\b"))
    term.hover()
    expect(weight).to_have_class(re.compile(r"\blinked\b"))

    example = notebook(page).get_by_role("button", name=re.compile(r"^A0\[0,2\] = ")).first
    example.hover()
    rows = page.get_by_role("table", name="Predictions A2 against targets Y").locator("tbody tr")
    expect(rows.nth(2)).to_have_class(re.compile(r"\blinked\b"))
    expect(page.locator("#surface")).to_have_attribute("data-linked", "2")

    # And back: a weight of the network, then a prediction, light up their terms in the notebook.
    page.get_by_role("img", name=re.compile(r"^W1\[0,1\], hidden unit A1\[1\] to output A2")).hover()
    for element in notebook(page).locator('[data-term="W1[0,1]"]').all():
        expect(element).to_have_class(re.compile(r"\blinked\b"))
    rows.nth(3).hover()
    expect(notebook(page).locator('[data-term="A2[0,3]"]').first).to_have_class(re.compile(r"\blinked\b"))
    expect(notebook(page).locator('[data-term="A0[0,2]"]').first).not_to_have_class(re.compile(r"\blinked\b"))
    expect(page.locator("#surface")).to_have_attribute("data-linked", "3")


def test_tabs_by_keyboard_take_exactly_one_step_and_axe_finds_nothing(shared_page):
    page = shared_notebook(shared_page)
    tab = page.get_by_role("tab", name="Notebook")
    tab.focus()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("tab", name="Lab")).to_be_focused()
    expect(page.get_by_role("tab", name="Lab")).to_have_attribute("aria-selected", "true")
    expect(notebook(page)).to_be_hidden()
    expect(page).to_have_url(re.compile(r"[?&]view=lab(&|$)"))
    page.keyboard.press("ArrowRight")
    expect(tab).to_have_attribute("aria-selected", "true")
    expect(notebook(page)).to_be_visible()

    section(page, "5. One gradient-descent step").get_by_role("button", name="Take this step").click()
    expect(readout(page, "Step")).to_have_text("1")
    expect_notebook_at(page, 1)
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"


def test_at_360_px_the_notebook_scrolls_inside_its_boxes_not_the_page(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "?view=notebook&n_h=16")
    expect_notebook_at(page, 0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "notebook-360.png"))


def test_training_with_the_notebook_open_at_n_h_16_keeps_every_task_short(open_lab):
    page = open_notebook(open_lab, "&n_h=16&speed=1000")
    page.evaluate("""() => {
        window.__longTasks = [];
        new PerformanceObserver(list => window.__longTasks.push(...list.getEntries().map(
            task => Math.round(task.duration)))).observe({type: "longtask"});
    }""")
    button(page, "Train").click()
    wait_for_step_at_least(page, 2000)
    expect_notebook_at(page, re.compile(r"[1-9]\d*").pattern)  # refreshed while training
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")
    # The target is no task over 50 ms (make bench reports them; alone, this run has none). Here, on 2 busy
    # cores in the middle of the suite, a write of the notebook can meet a redraw of the plots in one task:
    # the test fails on what a student would feel as a frozen frame.
    frozen = [duration for duration in page.evaluate("() => window.__longTasks") if duration > FROZEN_MS]
    assert not frozen, f"tasks over {FROZEN_MS} ms while training with the notebook open at n_h = 16: {frozen}"
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "notebook-1440-n_h16.png"))
