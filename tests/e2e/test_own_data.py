"""The student's own data in the browser (issue 20), on one page shared by the tests in this file's order: a spiral
restored from its link, its training points filled and its test points hollow, and a test cost curve after training;
its exported .py reproduces it; a click adds a point and a click on it removes it, said in the live region; by
keyboard only, the surface's cursor adds a point and Undo takes it back; axe-core and the 360 px layout with a
generated set's fields shown.

Oracles: the points come from backprop.generate in CPython (the same data seed gives the same points in the
worker), their places on the canvas from the plot square's margins (app/lab/surface.py's MARGINS, written out) and
the data's extent; the classes' colours are the page's (written out)."""

import math
import re
import subprocess
import sys

import pytest
from labpage import button, field, readout, step_count, wait_for_step_at_least
from playwright.sync_api import expect
from test_accessibility import axe_violations, describe
from test_layout import overflowing

from backprop import Config, Run, generate

LINK = "?data=spiral&data_seed=3&noise=10"
SPIRAL = generate("spiral", 3, 200, 10, 50)
LO, HI = SPIRAL.extent()
TRAIN = [(float(x1), float(x2), int(y)) for x1, x2, y in zip(SPIRAL.A0[0], SPIRAL.A0[1], SPIRAL.Y[0])]
TEST = [(float(x1), float(x2), int(y)) for x1, x2, y in zip(SPIRAL.A0_test[0], SPIRAL.A0_test[1], SPIRAL.Y_test[0])]
COLOURS = {0: (0xB3, 0x58, 0x06), 1: (0x21, 0x66, 0xAC)}  # the classes' fill colours
MARGINS = (10, 12, 36, 40)  # the decision surface's plot square: top, right, bottom, left margins in CSS pixels


@pytest.fixture
def lab(shared_page):
    """One page for the whole file (conftest's shared_page): each test works from where the previous one left it, or
    from the spiral's link when it is the first (or the one before failed)."""
    return shared_page.open(LINK)


def alone(point, others, distance=0.1):
    """Whether no other point lies within distance of point (its centre shows its own drawing)."""
    return all(math.dist(point[:2], other[:2]) > distance for other in others if other is not point)


def empty_place(points, distance=0.35):
    """A place in tenths well inside the extent with no point within distance."""
    for t1 in range(round(LO * 10) + 5, round(HI * 10) - 4):
        for t2 in range(round(LO * 10) + 5, round(HI * 10) - 4):
            if all(math.dist((t1 / 10, t2 / 10), p[:2]) > distance for p in points):
                return t1, t2
    raise AssertionError("no empty place")


def canvas_place(page, x1, x2):
    """(x, y) in CSS pixels of the plane point (x1, x2) on the decision surface's canvas."""
    width, height = page.evaluate("() => [surface.clientWidth, surface.clientHeight]")
    top, right, bottom, left = MARGINS
    side = min(width - left - right, height - top - bottom)
    scale = side / (HI - LO)
    return left + (x1 - LO) * scale, top + (HI - x2) * scale


def wait_for_colour(page, place, colour, same=True):
    """Wait until the canvas's pixel at place is (or, same=False, is not) colour."""
    page.wait_for_function(
        """([x, y, colour, same]) => {
            const canvas = document.getElementById("surface");
            const ratio = canvas.width / canvas.clientWidth;
            const d = canvas.getContext("2d").getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
            const equal = d[0] === colour[0] && d[1] === colour[1] && d[2] === colour[2];
            return d[3] === 255 && equal === same;
        }""",
        arg=[place[0], place[1], list(colour), same],
    )


def said(page):
    return page.locator("#points-said")


def accuracy(page, train, test):
    """The predictions panel's accuracy: train of `train` points right, test of `test`."""
    pattern = rf"Train: [\d,]+ of {train} right \([\d.]+ %\)\. Test: [\d,]+ of {test} right"
    expect(page.locator("#predictions")).to_have_text(re.compile(pattern))


def test_a_spiral_from_its_link_draws_train_filled_and_test_hollow_and_a_test_cost(lab):
    page = lab
    expect(field(page, "Data")).to_have_value("spiral")
    expect(field(page, "Data seed")).to_have_value("3")
    expect(field(page, "Noise (%)")).to_have_value("10")
    expect(field(page, "Truth table")).to_be_hidden()
    accuracy(page, len(TRAIN), len(TEST))
    train = next(p for p in TRAIN if alone(p, TRAIN + TEST))
    test = next(p for p in TEST if alone(p, TRAIN + TEST))
    wait_for_colour(page, canvas_place(page, *train[:2]), COLOURS[train[2]])  # filled with its class's colour
    test_centre = canvas_place(page, *test[:2])
    for colour in COLOURS.values():  # hollow: the surface shows through
        wait_for_colour(page, test_centre, colour, same=False)
    button(page, "Train").click()
    wait_for_step_at_least(page, 200)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")
    expect(page.locator("#cost-chart")).to_have_attribute("aria-label", re.compile("test cost J"))
    run = Run(Config(data="spiral", data_seed=3, noise=10))  # CPython's run to the same step
    run.train(step_count(page))
    assert float(readout(page, "Test cost J").inner_text()) == pytest.approx(run.test_cost(), rel=1e-8)


def test_the_exported_script_reproduces_the_spiral_run(lab, tmp_path):
    """The .py export of the paused spiral (the test before left it there) prints the page's J, and 100 steps on
    it reach J of CPython's Run 100 steps further."""
    page = lab
    expect(readout(page, "Status")).to_have_text("paused")
    step, shown_cost = step_count(page), readout(page, "Cost J").inner_text()
    with page.expect_download() as info:
        button(page, "Python script (.py)").click()
    script = tmp_path / info.value.suggested_filename
    info.value.save_as(script)
    assert script.name.startswith("backprop-lab_spiral_") and script.name.endswith(f"_step{step}.py")
    printed = subprocess.run(
        [sys.executable, str(script), "100"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert float(printed.split()[0]) == pytest.approx(float(shown_cost), rel=1e-9)
    run = Run(Config(data="spiral", data_seed=3, noise=10))
    run.train(step + 100)
    final = re.search(r"^J=(\S+) after 100 steps", printed, re.M)
    assert float(final.group(1)) == pytest.approx(run.cost, rel=1e-9)


def test_a_click_adds_a_point_and_a_click_on_it_removes_it(lab):
    page = lab
    t1, t2 = empty_place(TRAIN + TEST)
    x, y = canvas_place(page, t1 / 10, t2 / 10)
    page.get_by_role("radio", name="1", exact=True).check()  # the new point's class
    page.locator("#surface").click(position={"x": x, "y": y})
    expect(said(page)).to_have_text(re.compile(r"^Added a point of class 1 at \(-?[\d.]+, -?[\d.]+\)\.$"))
    expect(field(page, "Data")).to_have_value("points")
    accuracy(page, len(TRAIN) + 1, len(TEST))
    page.locator("#surface").click(position={"x": x, "y": y})
    expect(said(page)).to_have_text(re.compile(r"^Removed the point of class 1 at "))
    accuracy(page, len(TRAIN), len(TEST))


def test_by_keyboard_only_the_cursor_adds_a_point_and_undo_takes_it_back(lab):
    page = lab
    page.evaluate("() => document.activeElement.blur()")  # from the top of the page
    for _ in range(80):  # Tab to the decision surface
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "surface":
            break
    else:
        raise AssertionError("Tab never reached the decision surface")
    page.keyboard.press("0")
    expect(said(page)).to_have_text("New points are of class 0.")
    expect(page.get_by_role("radio", name="0", exact=True)).to_be_checked()
    page.keyboard.press("ArrowRight")
    start = re.fullmatch(r"Cursor at x1 = (-?[\d.]+), x2 = (-?[\d.]+)", said(page).inner_text())
    assert start, said(page).inner_text()
    at = [round(float(value) * 10) for value in start.groups()]
    t1, t2 = empty_place(TRAIN + TEST)
    for index, (more, less) in enumerate((("ArrowRight", "ArrowLeft"), ("ArrowUp", "ArrowDown"))):
        target = (t1, t2)[index]
        while at[index] != target:
            page.keyboard.press(more if target > at[index] else less)
            at[index] += 1 if target > at[index] else -1
    expect(said(page)).to_have_text(f"Cursor at x1 = {t1 / 10:g}, x2 = {t2 / 10:g}")
    page.keyboard.press("Enter")
    added = f"Added a point of class 0 at ({round(t1 / 10, 2)!r}, {round(t2 / 10, 2)!r})."
    expect(said(page)).to_have_text(added)
    accuracy(page, len(TRAIN) + 1, len(TEST))
    undo = button(page, "Undo")
    expect(undo).to_be_enabled()
    for _ in range(10):  # on from the surface to Undo
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "points-undo":
            break
    page.keyboard.press("Enter")
    expect(said(page)).to_have_text("Undone: a" + added[1:])
    accuracy(page, len(TRAIN), len(TEST))


def test_axe_and_360_px_with_a_generated_sets_fields_shown(lab):
    page = lab
    field(page, "Data").select_option("spiral")
    expect(field(page, "Data seed")).to_be_visible()
    accuracy(page, len(TRAIN), len(TEST))
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} violation(s):\n{describe(violations)}"
    page.set_viewport_size({"width": 360, "height": 780})
    expect(field(page, "Training points (%)")).to_be_visible()
    page.wait_for_function("() => document.documentElement.clientWidth === 360")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"sideways scrolling at 360 px: {overflowing(page)}"
