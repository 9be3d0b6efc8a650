"""Training on the page: Step, Train and Pause, convergence on XOR, and notebook mode replaying the
notebook's log. Oracles: the notebook's printed costs, the XOR truth table, and reference.py."""

import re

import e2e_reference as reference
import numpy as np
import pytest
from labpage import (
    assert_step_count_holds,
    button,
    cost,
    field,
    predictions,
    readout,
    step_count,
    wait_for_cost_below,
    wait_for_readout,
    wait_for_step_at_least,
)
from playwright.sync_api import expect

NOTEBOOK_J0, NOTEBOOK_J100 = reference.NOTEBOOK_COSTS[:2]


def test_step_increments_and_train_then_pause_stops_within_a_frame(ready_page):
    page = ready_page
    status, steps = readout(page, "Status"), readout(page, "Step")
    expect(status).to_have_text("ready")
    expect(steps).to_have_text("0")
    initial_cost = cost(page)

    button(page, "Step").click()
    expect(steps).to_have_text("1")
    assert cost(page) != initial_cost, "a step did not change the cost"

    button(page, "Train").click()
    expect(status).to_have_text("training")
    expect(button(page, "Pause")).to_be_visible()
    expect(button(page, "Train")).to_have_count(0)
    wait_for_step_at_least(page, 200)
    # While training, the page reports its speed as a number of steps per second.
    wait_for_readout(page, "Steps per second", "text => Number(text.replaceAll(',', '')) > 0")

    button(page, "Pause").click()
    expect(status).to_have_text("paused")
    paused_at = assert_step_count_holds(page)
    assert paused_at >= 200
    expect(button(page, "Train")).to_be_visible()
    expect(button(page, "Pause")).to_have_count(0)
    assert cost(page) < initial_cost

    # Train again goes on from where it paused, and pauses again.
    button(page, "Train").click()
    expect(status).to_have_text("training")
    wait_for_step_at_least(page, paused_at + 100)
    button(page, "Pause").click()
    expect(status).to_have_text("paused")
    assert assert_step_count_holds(page) >= paused_at + 100


def test_default_xor_training_reaches_a_small_cost_with_every_prediction_right(ready_page):
    page = ready_page
    button(page, "Train").click()
    wait_for_cost_below(page, 0.01)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")
    J = cost(page)
    assert J < 0.01

    rows = predictions(page)
    inputs, A2, Y = [], [], []
    for row in rows:
        x1, x2 = int(row["x1"]), int(row["x2"])
        target, prediction = float(row["Y"]), float(row["A2"])
        assert target == (x1 ^ x2), f"the XOR target of {x1}, {x2} is shown as {target}"
        assert (prediction > 0.5) == (target == 1), f"A2 = {prediction} for target {target} ({x1}, {x2})"
        inputs.append((x1, x2))
        A2.append(prediction)
        Y.append(target)
    assert sorted(inputs) == [(0, 0), (0, 1), (1, 0), (1, 1)], f"the table's rows: {rows}"
    # The readout is the cost of the network whose predictions the table shows (A2 shown to 4 decimals).
    assert 0.5 * np.mean((np.array(A2) - np.array(Y)) ** 2) == pytest.approx(J, abs=5e-5)


def test_notebook_mode_replays_the_notebook_log(ready_page):
    page = ready_page
    # The notebook's settings: seed 2, learning rate 10, XOR, 2 hidden tanh units, half MSE.
    expect(field(page, "Seed")).to_have_value("2")
    expect(field(page, "Learning rate")).to_have_value("10")
    expect(field(page, "Truth table")).to_have_value("XOR")
    expect(field(page, "Hidden units n_h")).to_have_value("2")
    expect(field(page, "Hidden activation")).to_have_value("tanh")
    expect(field(page, "Cost")).to_have_value("half_mse")

    notebook_mode = field(page, "Notebook mode")
    notebook_mode.check()
    expect(notebook_mode).to_be_checked()
    expect(page).to_have_url(re.compile(r"[?&]notebook_mode=true(&|$)"))
    expect(readout(page, "Step")).to_have_text("0")
    assert cost(page) == pytest.approx(NOTEBOOK_J0, rel=1e-9)

    for _ in range(50):
        button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("50")
    # The other 50 with the S key, focus on the page rather than on a control.
    page.get_by_role("heading", name="Backprop Lab").click()
    for _ in range(50):
        page.keyboard.press("s")
    expect(readout(page, "Step")).to_have_text("100")
    assert step_count(page) == 100
    # The notebook prints J before update i; at i = 100 that is J after 100 updates, the readout's value.
    assert cost(page) == pytest.approx(NOTEBOOK_J100, rel=1e-6)
    # The check tells the modes apart: the correct gradient gives a different J after 100 steps.
    assert reference.tanh_half_mse_costs(100)[100] != pytest.approx(NOTEBOOK_J100, rel=1e-2)
    assert reference.tanh_half_mse_costs(100, notebook_mode=True)[100] == pytest.approx(NOTEBOOK_J100, rel=1e-9)


def test_pause_and_train_within_one_frame_keep_one_step_per_frame(open_lab):
    page = open_lab("?speed=1")
    # Three presses inside one task, faster than a person: the loop must not be started twice.
    page.evaluate("() => { const b = document.getElementById('train'); b.click(); b.click(); b.click(); }")
    expect(readout(page, "Status")).to_have_text("training")
    wait_for_step_at_least(page, 2)
    # Counted inside the page, over exactly 30 of its frames (a test-side read would add the frames
    # that pass between two round trips to the browser).
    taken = page.evaluate("""() => new Promise(resolve => {
        const shown = () => Number(document.getElementById("step-count").textContent);
        const start = shown();
        let frames = 0;
        const frame = () => ++frames < 30 ? requestAnimationFrame(frame) : resolve(shown() - start);
        requestAnimationFrame(frame);
    })""")
    button(page, "Pause").click()
    assert 0 < taken <= 31, f"{taken} steps in 30 frames at 1 step per frame"
