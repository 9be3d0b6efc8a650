"""The ANN exercise in the browser: the notebook's class, written right, is checked 6 of 6 within the page's time
limit (1000 steps of the student's Python in Pyodide, twice), and the network it trained opens in the Lab."""

import re

from labpage import button, readout
from playwright.sync_api import expect
from test_exercises import check, open_exercise, write

import exercises


def test_the_ann_class_is_checked_and_its_network_opens_in_the_lab(open_lab):
    page = open_exercise(open_lab, "ann")
    write(page, exercises.get("ann").SOLUTION)
    expect(check(page)).to_have_text("6 of 6 right")
    expect(page.locator("#exercise-output")).to_contain_text("0.12519375208599626")  # the notebook's step 0
    button(page, "Show the network your class trained in the Lab").click()
    expect(page.get_by_role("tab", name="Lab")).to_have_attribute("aria-selected", "true")
    expect(readout(page, "Step")).to_have_text("0")
    # the trained network's cost, as the model computes it: the log's last J (step 900) was already below 2e-4
    expect(readout(page, "Cost J")).to_have_text(re.compile(r"^0\.0000\d|^[0-9.]+e-0[5-9]"))
