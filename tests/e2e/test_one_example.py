"""One example per step: the Settings form's "Examples per step" trains each step on one example, the link holds
it, and every cost the page shows is the one an independent NumPy transcription computes (e2e_reference.py)."""

import re

import e2e_reference as reference
from labpage import button, expect_cost, expect_ready, field, readout
from playwright.sync_api import expect


def test_one_example_at_a_time_steps_as_numpy_computes_it(open_lab):
    page = open_lab()
    choice = field(page, "Examples per step")
    expect(choice).to_have_value("full")
    choice.select_option(label="one at a time, in order")
    expect(page).to_have_url(re.compile(r"[?&]batch=one(&|$)"))
    expect(readout(page, "Step")).to_have_text("0")
    costs = reference.one_example_costs(4)
    full_batch = reference.tanh_half_mse_costs(1)
    assert abs(costs[1] - full_batch[1]) > 1e-3 * full_batch[1]  # one example's step is not the full batch's
    expect_cost(page, costs[0])
    for k in range(1, 5):
        button(page, "Step").click()
        expect(readout(page, "Step")).to_have_text(str(k))
        expect_cost(page, costs[k])

    # the link restores it: a new visit at this address trains the same way
    page.goto(page.url)
    expect_ready(page)
    expect(field(page, "Examples per step")).to_have_value("one")
    shuffled = reference.one_example_costs(3, order="shuffled")
    field(page, "Examples per step").select_option(label="one at a time, shuffled")
    expect(page).to_have_url(re.compile(r"[?&]batch=shuffled(&|$)"))
    for k in range(1, 4):
        button(page, "Step").click()
        expect(readout(page, "Step")).to_have_text(str(k))
        expect_cost(page, shuffled[k])
