"""Smoke tests of the served page: runtime, NumPy, one training step, nothing off-origin."""

import re

import e2e_reference as reference
import pytest
from labpage import readout
from playwright.sync_api import expect

NOTEBOOK_FIRST_COST = reference.NOTEBOOK_COSTS[0]  # the notebook's first logged cost (seed 2, cell 35)


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

    page.get_by_role("button", name="Step", exact=True).click()

    expect(step_count).to_have_text("1")
    assert float(cost.inner_text()) == pytest.approx(reference.tanh_half_mse_costs(1)[1], rel=1e-9)
    assert float(cost.inner_text()) < NOTEBOOK_FIRST_COST


def test_no_request_left_the_origin(ready_page):
    ready_page.get_by_role("button", name="Step", exact=True).click()
    expect(readout(ready_page, "Step")).to_have_text("1")
    assert ready_page.guard.off_origin == []
