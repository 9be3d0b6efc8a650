"""Smoke tests of the served page: runtime, NumPy, one training step, nothing off-origin."""

import re

import numpy as np
import pytest
from playwright.sync_api import expect

NOTEBOOK_FIRST_COST = 0.12519375208599626  # the notebook's first logged cost (seed 2, cell 35)


def readout(page, label):
    """A readout, found by its visible label."""
    return page.get_by_label(label, exact=True)


def reference_cost_after_one_step():
    """The notebook's network after one correct gradient step, written out independently of py/."""
    rng = np.random.RandomState(2)
    W0 = rng.randn(2, 2) * 0.1
    W1 = rng.randn(1, 2) * 0.1
    b0, b1 = np.full((2, 1), 0.1), np.full((1, 1), 0.1)
    A0, Y = np.array([[0, 1, 0, 1], [1, 0, 0, 1]]), np.array([[1, 1, 0, 0]])
    sigmoid = lambda Z: 1 / (1 + np.exp(-Z))  # noqa: E731

    A1 = np.tanh(W0 @ A0 + b0)
    A2 = sigmoid(W1 @ A1 + b1)
    dZ2 = (A2 - Y) / 4 * A2 * (1 - A2)
    dZ1 = (W1.T @ dZ2) * (1 - A1**2)
    W1, b1 = W1 - 10 * dZ2 @ A1.T, b1 - 10 * dZ2.sum(keepdims=True)
    W0, b0 = W0 - 10 * dZ1 @ A0.T, b0 - 10 * dZ1.sum(axis=1, keepdims=True)
    A2 = sigmoid(W1 @ np.tanh(W0 @ A0 + b0) + b1)
    return 0.5 * np.mean((A2 - Y) ** 2)


def test_page_reaches_ready(ready_page):
    expect(readout(ready_page, "Status")).to_have_text("ready")
    for name in ("Train", "Step", "Reset"):
        expect(ready_page.get_by_role("button", name=name, exact=True)).to_be_enabled()


def test_page_runs_numpy_2_0_2(ready_page):
    expect(ready_page.get_by_text(re.compile(r"NumPy 2\.0\.2\b"))).to_be_visible()


def test_step_trains_the_notebook_network(ready_page):
    page = ready_page
    step_count, cost = readout(page, "Step"), readout(page, "Cost J")
    # The readouts describe the network on screen: at step 0 that is the notebook's initial network.
    expect(step_count).to_have_text("0")
    assert float(cost.inner_text()) == pytest.approx(NOTEBOOK_FIRST_COST, rel=1e-9)

    page.get_by_role("button", name="Step").click()

    expect(step_count).to_have_text("1")
    assert float(cost.inner_text()) == pytest.approx(reference_cost_after_one_step(), rel=1e-9)
    assert float(cost.inner_text()) < NOTEBOOK_FIRST_COST


def test_no_request_left_the_origin(ready_page):
    ready_page.get_by_role("button", name="Step").click()
    expect(readout(ready_page, "Step")).to_have_text("1")
    assert ready_page.guard.off_origin == []
