"""Points from a CSV file in the browser (issue 20), on one page shared by the tests in this file's order: a CSV
picked with the Points (.csv) field becomes the points the network learns, its J at step 0 and after 100 steps
those of CPython's computation from the same parameters, and the link holds the points; a bad CSV is refused with
its line's message, and the points and the network on screen stay.

Oracles: the network's forward pass and gradient descent written out in NumPy here (the seed-2 initialisation of
the seed notebook, tanh, half-MSE, learning rate 10, the full batch of the CSV's training points), and the
points' link text written out."""

import numpy as np
import pytest
from guard import PageGuard
from labpage import button, expect_ready, field, readout
from playwright.sync_api import expect

CSV = """x1,x2,y,split
0.25,0.5,1,train
-0.75,1.0,0,train
1.25,-0.5,1,train
-1.0,-1.25,0,train
0.5,1.5,0,train
1.5,0.25,1,train
0.0,-0.5,1,test
-0.5,0.75,0,test
"""
X = np.array([[0.25, -0.75, 1.25, -1.0, 0.5, 1.5], [0.5, 1.0, -0.5, -1.25, 1.5, 0.25]])
Y = np.array([[1.0, 0.0, 1.0, 0.0, 0.0, 1.0]])
LINK = "0.25_0.5_1~-0.75_1.0_0~1.25_-0.5_1~-1.0_-1.25_0~0.5_1.5_0~1.5_0.25_1~0.0_-0.5_3~-0.5_0.75_2"


def costs_by_hand(steps):
    """J of the default network (seed 2, tanh, half-MSE) on the CSV's training points before each of steps full-
    batch gradient steps at learning rate 10, and after the last."""
    rng = np.random.RandomState(2)
    W0 = rng.randn(2, 2) * 0.1
    W1 = rng.randn(1, 2) * 0.1
    b0, b1 = np.full((2, 1), 0.1), np.full((1, 1), 0.1)
    m, costs = X.shape[1], []
    for _ in range(steps + 1):
        A1 = np.tanh(W0 @ X + b0)
        A2 = 1 / (1 + np.exp(-(W1 @ A1 + b1)))
        costs.append(float(np.mean((A2 - Y) ** 2) / 2))
        dZ2 = (A2 - Y) / m * A2 * (1 - A2)
        dZ1 = (W1.T @ dZ2) * (1 - A1**2)
        W1, b1 = W1 - 10 * dZ2 @ A1.T, b1 - 10 * dZ2.sum(axis=1, keepdims=True)
        W0, b0 = W0 - 10 * dZ1 @ X.T, b0 - 10 * dZ1.sum(axis=1, keepdims=True)
    return costs


@pytest.fixture(scope="module")
def lab(browser, site_url):
    """One page for the whole file, guarded as the page fixture guards each test's."""
    context = browser.new_context()
    page = context.new_page()
    page.guard = PageGuard(page, site_url.rstrip("/"))
    page.goto(site_url)
    expect_ready(page)
    yield page
    problems = page.guard.problems(page)
    context.close()
    assert not problems, "the page misbehaved:\n" + "\n".join(problems)


def shown_cost(page):
    return float(readout(page, "Cost J").inner_text())


def test_an_imported_csv_is_learnt_as_cpython_computes(lab, tmp_path):
    page = lab
    path = tmp_path / "my-points.csv"
    path.write_text(CSV)
    costs = costs_by_hand(100)
    field(page, "Points (.csv)").set_input_files(str(path))
    message = page.locator("#import-message")
    expect(message).to_contain_text("Imported 8 points from my-points.csv (6 for training, 2 for testing): step 0")
    expect(readout(page, "Step")).to_have_text("0")
    assert shown_cost(page) == pytest.approx(costs[0], rel=1e-9)
    assert message.inner_text().endswith(f"cost J = {readout(page, 'Cost J').inner_text()}.")
    expect(field(page, "Data")).to_have_value("points")
    assert f"points={LINK}" in page.url and "data=points" in page.url

    for _ in range(100):
        button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("100")
    assert shown_cost(page) == pytest.approx(costs[100], rel=1e-9)


def test_a_bad_csv_is_said_by_its_line_and_the_points_stay(lab, tmp_path):
    page = lab
    expect(readout(page, "Step")).to_have_text("100")  # where the test before left the page
    cost, url = readout(page, "Cost J").inner_text(), page.url
    points = page.locator("#surface-points").text_content()
    path = tmp_path / "bad.csv"
    path.write_text("x1,x2,y\n0.5,0.25,1\n-1,1,0\n0.75,0.5,2\n")
    field(page, "Points (.csv)").set_input_files(str(path))
    expect(page.locator("#import-message")).to_have_text(
        "bad.csv was not imported: line 4: the class y must be 0 or 1 (got '2'). The points on screen are unchanged."
    )
    expect(readout(page, "Step")).to_have_text("100")
    expect(readout(page, "Cost J")).to_have_text(cost)
    assert page.url == url and page.locator("#surface-points").text_content() == points
    button(page, "Step").click()  # the network goes on learning the points it had
    expect(readout(page, "Step")).to_have_text("101")
    assert shown_cost(page) == pytest.approx(costs_by_hand(101)[101], rel=1e-9)
