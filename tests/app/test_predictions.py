"""The predictions table: texts and widths, and that a frame writes only what changed."""

import math
import types

import numpy as np

import fake_dom
from app.predictions import Predictions, bar_width, format_a2, is_right, mark, rows


def test_format_a2():
    assert format_a2(0.98765432) == "0.9877"
    assert format_a2(0.0) == "0.0000"
    assert format_a2(math.nan) == "NaN"


def test_bar_width():
    assert bar_width(0.5) == "50.0%"
    assert bar_width(0.12345) == "12.3%"
    assert bar_width(1.2) == "100.0%" and bar_width(-0.1) == "0.0%"
    assert bar_width(math.nan) == "0%"


def test_right_side_of_one_half():
    assert is_right(0.6, 1) and not is_right(0.5, 1) and not is_right(0.5, 0) and is_right(0.4, 0)
    assert not is_right(math.nan, 0) and not is_right(math.nan, 1)
    assert mark(True) == "\u2713 right" and mark(False) == "\u2717 wrong"


def test_rows():
    assert rows([[0.9, 0.3, 0.1, 0.6]], [[1, 1, 0, 0]]) == [
        ("0.9000", "90.0%", "\u2713 right", True), ("0.3000", "30.0%", "\u2717 wrong", False),
        ("0.1000", "10.0%", "\u2713 right", True), ("0.6000", "60.0%", "\u2717 wrong", False)]


def run_with(A2):
    return types.SimpleNamespace(A2=np.array([A2]), Y=np.array([[1.0, 1.0, 0.0, 0.0]]))


def test_table_is_built_once_and_frames_write_only_changes(monkeypatch):
    document = fake_dom.install(monkeypatch)
    container = document.createElement("div")
    table = Predictions(container)
    (built,) = container.children
    tags = [el.tag for el in built.walk()]
    assert tags.count("tr") == 5 and tags.count("th") == 6 and tags.count("caption") == 1
    assert [th.textContent for th in built.walk() if th.tag == "th"][:5] == \
        ["x1", "x2", "Y", "A2", "bar"]
    first_row = [td.textContent for td in built.children[2].children[0].children]
    assert first_row[:2] == ["0", "1"]  # A0's first column, (0, 1)

    first = table.draw(run_with([0.9, 0.3, 0.1, 0.6]))
    assert first == 4 * (1 + 1 + 1 + 2)  # target, A2 text, bar, mark text and class
    assert table.draw(run_with([0.9, 0.3, 0.1, 0.6])) == 0
    # one A2 moves a little: its text and bar change, nothing else
    assert table.draw(run_with([0.9, 0.31, 0.1, 0.6])) == 2
    # one crosses 0.5: its mark changes too
    assert table.draw(run_with([0.9, 0.7, 0.1, 0.6])) == 2 + 2
    assert table.cells[1]["mark"].textContent == "\u2713 right"
    assert table.cells[1]["bar"].style.width == "70.0%"
    assert table.draw(run_with([math.nan] * 4)) > 0
    assert table.cells[0]["a2"].textContent == "NaN"
