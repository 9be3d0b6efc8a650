"""The Many seeds view and the cost landscape, as a student uses them: run 200 seeds, read the shares (checked
against seeds trained one at a time by backprop.Run here), stop a sweep, open a network from a plot or a seed
button in the lab at step 0, restore the view from its link; keyboard only, axe, 360 px, no long task.

Oracles: backprop.Run (the shares), worker.sweep.sweep.Sweep in CPython (where a bar or a curve is drawn, to click it).
"""

import json
import re

import pytest
from labpage import button, field, next_frames, readout
from playwright.sync_api import expect
from test_accessibility import axe_violations, describe
from test_layout import overflowing

from backprop import Run
from worker.sweep.sweep import Sweep

SEEDS, STEPS = 200, 1000
LONG_TASK_MS = 150  # generous: a 2-core machine running other tests meanwhile; make bench reports the 50 ms figure
SHARES = re.compile(
    r"(\d+) of (\d+) solved \(\d+%\), (\d+) stuck \(\d+%\), (\d+) diverged \(\d+%\)"
    r"(?:, (\d+) still improving \(\d+%\))?"
)
RECORD_LONG_TASKS = """() => {
    window.__sweepLongTasks = [];
    new PerformanceObserver(list => window.__sweepLongTasks.push(...list.getEntries().map(
        task => Math.round(task.duration)))).observe({type: "longtask"});
}"""


@pytest.fixture(scope="module")
def expected():
    """Seeds 0-199, default settings, 1,000 steps, one Run each: {category: [seeds]} by the view's definitions."""
    found = {"solved": [], "stuck": [], "diverged": [], "training": []}
    for seed in range(SEEDS):
        run = Run({"seed": seed})
        run.train(STEPS)
        if run.status == "diverged":
            found["diverged"].append(seed)
        elif run.solved:
            found["solved"].append(seed)
        elif not run.cost < run.history[int(0.8 * STEPS)] * 0.99:  # J fell by less than 1% over the last fifth
            found["stuck"].append(seed)
        else:
            found["training"].append(seed)
    return found


def shares(page):
    text = page.get_by_role("status").filter(has_text="solved").inner_text()
    match = SHARES.search(text)
    assert match, f"no shares in {text!r}"
    solved, total, stuck, diverged, training = match.groups()
    return {
        "total": int(total),
        "solved": int(solved),
        "stuck": int(stuck),
        "diverged": int(diverged),
        "training": int(training or 0),
    }


def open_sweep(open_lab, query=""):
    page = open_lab("?view=sweep" + query)
    expect(page.get_by_role("tab", name="Many seeds")).to_have_attribute("aria-selected", "true")
    return page


def run_to_the_end(page, steps=STEPS):
    button(page, "Run").click()
    expect(readout(page, "Steps done")).to_have_text(re.compile(rf"^{steps:,} of {steps:,}$"), timeout=120_000)
    expect(page.get_by_role("status").filter(has_text="solved")).to_contain_text("Done:", timeout=30_000)


def expect_lab_at_step_0(page, seed):
    expect(page.get_by_role("tab", name="Lab", exact=True)).to_have_attribute("aria-selected", "true")
    expect(field(page, "Seed")).to_have_value(str(seed))
    expect(readout(page, "Step")).to_have_text("0")
    expect(page).to_have_url(re.compile(rf"[?&]seed={seed}(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]view=lab(&|$)"))


def canvas_size(page, name):
    return page.get_by_role("img", name=name).evaluate("c => [c.clientWidth, c.clientHeight]")


def reference_sweep(first=0, count=SEEDS, steps=STEPS):
    sweep = Sweep({}, first, count, steps)
    while not sweep.done:
        sweep.advance(1.0)
    return sweep


def test_200_seeds_give_the_shares_of_seeds_trained_one_at_a_time(open_lab, expected):
    page = open_sweep(open_lab)
    expect(field(page, "Networks")).to_have_value("200")
    expect(field(page, "Steps")).to_have_value("1000")
    page.evaluate(RECORD_LONG_TASKS)
    run_to_the_end(page)
    counts = {name: len(seeds) for name, seeds in expected.items()}
    assert shares(page) == dict(counts, total=SEEDS)
    long_tasks = page.evaluate("() => window.__sweepLongTasks")
    assert [t for t in long_tasks if t > LONG_TASK_MS] == [], f"long tasks during the sweep: {long_tasks}"
    # each category's seeds, as buttons (the first 50 of each)
    for name, heading in (("solved", "Solved"), ("stuck", "Stuck")):
        if expected[name]:
            disclosure = page.get_by_text(re.compile(rf"^{heading}: {len(expected[name])} network"))
            disclosure.click()
            seeds = page.get_by_role("button", name=re.compile(r"^Open seed \d+ in the lab$"))
            expect(seeds).to_have_count(len(expected[name][:50]))
            assert [int(seed) for seed in seeds.all_inner_texts()] == expected[name][:50]
            disclosure.click()


def test_stop_halts_within_a_frame_and_keeps_what_was_done(open_lab):
    page = open_sweep(open_lab, "&sweep_steps=10000")
    expect(field(page, "Steps")).to_have_value("10000")
    button(page, "Run").click()
    done = readout(page, "Steps done")
    expect(done).to_have_text(re.compile(r"^[1-9][\d,]* of 10,000$"))
    button(page, "Stop").click()
    status = page.get_by_role("status").filter(has_text="solved")
    expect(status).to_contain_text("Stopped at step")
    held = done.inner_text()
    next_frames(page)
    assert done.inner_text() == held, "the sweep went on after Stop"
    stopped_at = int(held.split(" of ")[0].replace(",", ""))
    assert 0 < stopped_at < 10000
    assert f"Stopped at step {stopped_at:,}:" in status.inner_text()
    expect(readout(page, "Time left")).to_have_text("stopped")
    expect(button(page, "Run")).to_be_enabled()


def test_a_click_on_a_bar_or_a_curve_opens_that_seed_in_the_lab(open_lab, expected):
    page = open_sweep(open_lab)
    run_to_the_end(page)
    width, height = canvas_size(page, re.compile("^Histogram of the final cost"))
    sizes = {
        "histogram": [width, height],
        "curves": canvas_size(page, re.compile("^Cost curves")),
        "solve_steps": canvas_size(page, re.compile("^Histogram of the steps to solve")),
    }
    summary = json.loads(json.dumps(reference_sweep().summary(sizes)))
    bar = max(summary["histogram"]["bars"], key=lambda bar: bar["count"])
    page.get_by_role("img", name=re.compile("^Histogram of the final cost")).click(
        position={"x": bar["x"] + bar["w"] / 2, "y": bar["y"] + bar["h"] / 2}
    )
    expect_lab_at_step_0(page, bar["seeds"][0])
    expect(page.get_by_role("list", name="Messages")).to_contain_text(f"Seed {bar['seeds'][0]} opened from Many seeds")

    # back to the sweep (kept), and a click on the end of a stuck network's curve
    page.get_by_role("tab", name="Many seeds").click()
    expect(readout(page, "Steps done")).to_have_text("1,000 of 1,000")
    category = "stuck" if expected["stuck"] else "solved"
    path = summary["curves"]["paths"][category]
    last_point = re.split(r"[ML]", path.split("M")[1])[-1].split()
    page.get_by_role("img", name=re.compile("^Cost curves")).click(
        position={"x": float(last_point[0]), "y": float(last_point[1])}
    )
    expect(page.get_by_role("tab", name="Lab", exact=True)).to_have_attribute("aria-selected", "true")
    seed = int(field(page, "Seed").input_value())
    assert seed in expected[category], f"seed {seed} is not {category}"
    expect_lab_at_step_0(page, seed)


def test_a_typed_seed_opens_in_the_lab(open_lab):
    page = open_sweep(open_lab)
    seed_field = field(page, "Seed to open")
    seed_field.fill("17")
    button(page, "Open in the lab").click()
    expect_lab_at_step_0(page, 17)
    page.get_by_role("tab", name="Many seeds").click()
    seed_field.fill("-1")
    seed_field.press("Enter")
    expect(page.get_by_text("seed must be a whole number from 0 to 4294967295 (got '-1')")).to_be_visible()


def test_the_link_restores_the_view_and_its_settings(page, open_lab):
    page = open_sweep(open_lab, "&sweep_first=5&sweep_count=50&sweep_steps=300&n_h=3")
    expect(field(page, "First seed")).to_have_value("5")
    expect(field(page, "Networks")).to_have_value("50")
    expect(field(page, "Steps")).to_have_value("300")
    count = field(page, "Networks")
    count.fill("60")
    count.press("Enter")
    expect(page).to_have_url(re.compile(r"sweep_count=60"))
    count.fill("5")
    count.press("Enter")
    expect(page.get_by_text("sweep_count must be a whole number from 10 to 1000 (got '5')")).to_be_visible()
    expect(page).to_have_url(re.compile(r"sweep_count=60"))
    page.reload()
    expect(page.get_by_role("tab", name="Many seeds")).to_have_attribute("aria-selected", "true")
    expect(field(page, "Networks")).to_have_value("60")
    expect(field(page, "First seed")).to_have_value("5")
    expect(field(page, "Hidden units n_h")).to_have_value("3")
    run_to_the_end(page, 300)
    assert shares(page)["total"] == 60


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    pytest.fail(f"{limit} presses of Tab never reached {locator}")


def test_keyboard_only(open_lab):
    page = open_lab("?sweep_count=20&sweep_steps=200")
    lab_tab = page.get_by_role("tab", name="Lab", exact=True)
    tab_to(page, lab_tab)
    page.keyboard.press("End")
    sweep_tab = page.get_by_role("tab", name="Many seeds")
    expect(sweep_tab).to_be_focused()
    expect(sweep_tab).to_have_attribute("aria-selected", "true")
    tab_to(page, button(page, "Run"))
    page.keyboard.press("Enter")
    expect(readout(page, "Steps done")).to_have_text("200 of 200", timeout=60_000)
    expect(button(page, "Run")).to_be_enabled()
    histogram = page.get_by_role("img", name=re.compile("^Histogram of the final cost"))
    histogram.focus()
    page.keyboard.press("ArrowRight")
    picked = page.get_by_text(re.compile(r"Press Enter to open seed (\d+) in the lab"))
    expect(picked).to_be_visible()
    seed = int(re.search(r"open seed (\d+)", picked.inner_text()).group(1))
    page.keyboard.press("Enter")
    expect_lab_at_step_0(page, seed)


def test_axe_and_360_px_on_the_sweep_and_the_landscape(page, open_lab):
    page.set_viewport_size({"width": 360, "height": 780})
    page = open_sweep(open_lab, "&sweep_count=30&sweep_steps=200")
    run_to_the_end(page, 200)
    page.get_by_text(re.compile(r"^Solved: \d+ network")).click()
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"scrollWidth {widths[0]} > clientWidth {widths[1]}: {overflowing(page)}"
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"

    page.get_by_role("tab", name="Lab", exact=True).click()
    expect(page.get_by_role("img", name=re.compile("^Cost landscape: J over"))).to_be_visible()
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"scrollWidth {widths[0]} > clientWidth {widths[1]}: {overflowing(page)}"
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"


def test_the_cost_landscape_follows_the_network_when_paused(open_lab):
    page = open_lab()
    landscape = page.get_by_role("img", name=re.compile("^Cost landscape: J over direction 1"))
    expect(landscape).to_have_attribute(
        "aria-label",
        re.compile(
            r"The current parameters, at the centre, have J "
            r"0\.125;"
        ),
    )
    status = page.get_by_text(re.compile(r"^At step \d+\."))
    expect(status).to_have_text(re.compile(r"^At step 0\."))
    page.evaluate(RECORD_LONG_TASKS)
    button(page, "Step").click()
    expect(status).to_have_text(re.compile(r"^At step 1\."))

    across = field(page, "Across")
    across.select_option("W1[0,0]")
    expect(field(page, "Up")).to_have_value("W1[0,1]")
    expect(page).to_have_url(re.compile(r"landscape_axes=W1%5B0%2C0%5D%2CW1%5B0%2C1%5D"))
    named = page.get_by_role("img", name=re.compile(r"^Cost landscape: J over W1\[0,0\] .* and W1\[0,1\]"))
    expect(named).to_be_visible()
    span = field(page, "Range ±")
    span.fill("0.5")
    span.press("Enter")
    expect(page).to_have_url(re.compile(r"landscape_span=0\.5"))
    button(page, "Train").click()
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")
    steps = readout(page, "Step").inner_text()
    expect(status).to_have_text(re.compile(rf"^At step {steps}\."))
    expect(named).to_have_attribute("aria-label", re.compile(r"points of the training path lie in this range"))
    long_tasks = page.evaluate("() => window.__sweepLongTasks")
    assert [t for t in long_tasks if t > LONG_TASK_MS] == [], f"long tasks: {long_tasks}"

    span.fill("500")
    span.press("Enter")
    expect(page.get_by_role("alert").filter(has_text="The range must be")).to_be_visible()
    page.reload()
    expect(field(page, "Across")).to_have_value("W1[0,0]")
    expect(field(page, "Range ±")).to_have_value("0.5")
