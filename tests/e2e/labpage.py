"""How the end-to-end tests read and drive the lab, the way a person does: buttons and fields by their
names and labels, readouts by their visible labels, the predictions table by its caption, and waits on
what the page shows (never on the clock of the test)."""

import math

from playwright.sync_api import expect

PREDICTIONS_TABLE = "Predictions A2 against targets Y"
READY_TIMEOUT_MS = 60_000  # a cold start is about 5 s here; a loaded CI machine can be much slower


def expect_ready(page):
    """Wait for the app's one readiness signal, <html data-app-state="ready">."""
    expect(page.locator("html")).to_have_attribute("data-app-state", "ready", timeout=READY_TIMEOUT_MS)


def readout(page, label):
    """A readout (<dd aria-labelledby=...>), found by its visible label: "Step", "Cost J", "Status"..."""
    return page.get_by_label(label, exact=True)


def field(page, label):
    """A form field by its label's whole text ("Hidden units n_h", "Cost"): exact, since other things
    carry the same words in longer names (the readout "Cost J", the network diagram's description)."""
    return page.get_by_label(label, exact=True)


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def step_count(page):
    return int(readout(page, "Step").inner_text())


def cost(page):
    return float(readout(page, "Cost J").inner_text())


def next_frames(page):
    """Resolve after two animation frames of the page have passed."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def wait_for_readout(page, label, predicate_js, arg=None, timeout=30_000):
    """Wait until the readout's shown text satisfies predicate_js, a JS arrow `(text, arg) => bool`."""
    element = readout(page, label).element_handle()
    page.wait_for_function(
        f"([el, arg]) => ({predicate_js})(el.textContent.trim(), arg)", arg=[element, arg], timeout=timeout
    )


def wait_for_step_at_least(page, n, timeout=30_000):
    wait_for_readout(page, "Step", "(text, n) => Number(text) >= n", n, timeout)


def expect_cost(page, expected, rel=1e-9, timeout=15_000):
    """Wait until the Cost J readout shows expected (to rel): a setting takes effect when the model's
    worker answers, a few milliseconds after the form and the address show it."""
    wait_for_readout(
        page, "Cost J", "(text, [x, rel]) => Math.abs(Number(text) - x) <= rel * Math.abs(x)", [expected, rel], timeout
    )


def wait_for_cost_below(page, limit, timeout=60_000):
    wait_for_readout(page, "Cost J", "(text, limit) => Number(text) < limit", limit, timeout)


def assert_step_count_holds(page):
    """The step count does not change while two more animation frames pass; returns it."""
    before = step_count(page)
    next_frames(page)
    after = step_count(page)
    assert after == before, f"the step count went on from {before} to {after} after training stopped"
    return after


def predictions(page):
    """The predictions table's rows as dicts keyed by its column headers (x1, x2, Y, A2, ...)."""
    table = page.get_by_role("table", name=PREDICTIONS_TABLE)
    expect(table).to_be_visible()
    headers = [text.strip() for text in table.get_by_role("columnheader").all_inner_texts()]
    rows = []
    for row in table.get_by_role("row").all():
        cells = [text.strip() for text in row.get_by_role("cell").all_inner_texts()]
        if cells:  # the header row has column headers, not cells
            assert len(cells) == len(headers), f"a row has {len(cells)} cells for {len(headers)} headers: {cells}"
            rows.append(dict(zip(headers, cells)))
    return rows


def is_finite_number(text):
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False
