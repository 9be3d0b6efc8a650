"""The predictions table: texts and widths, and that a frame writes only what changed. The inputs and targets are
the model's (backprop.A0, truth tables) and the worker's snapshots, as the page gets them."""

import math

import fake_dom
from app.lab.predictions import Predictions, bar_width, format_a2, format_input, is_right, mark, rows
from backprop import A0
from worker.lab.session import Session

XOR = [1.0, 1.0, 0.0, 0.0]  # the notebook's targets for the columns (0,1), (1,0), (0,0), (1,1)


def test_format_a2():
    assert format_a2(0.98765432) == "0.9877"
    assert format_a2(0.0) == "0.0000"
    assert format_a2(math.nan) == "NaN"
    assert format_a2(0.51534589) == "0.5153"  # the notebook's first A2[0]


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
    assert rows([0.9, 0.3, 0.1, 0.6], XOR) == [
        ("0.9000", "90.0%", "\u2713 right", True),
        ("0.3000", "30.0%", "\u2717 wrong", False),
        ("0.1000", "10.0%", "\u2713 right", True),
        ("0.6000", "60.0%", "\u2717 wrong", False),
    ]


def test_format_input():
    assert [format_input(v) for v in (0, 1, 0.0, 1.0, 0.5)] == ["0", "1", "0", "1", "0.5"]


def make_table(monkeypatch):
    document = fake_dom.install(monkeypatch)
    container = document.createElement("div")
    return container, Predictions(container, A0.tolist())


def test_table_is_built_once_and_frames_write_only_changes(monkeypatch):
    container, table = make_table(monkeypatch)
    (built,) = container.children
    tags = [el.tag for el in built.walk()]
    assert tags.count("tr") == 5 and tags.count("th") == 6 and tags.count("caption") == 1
    assert [th.textContent for th in built.walk() if th.tag == "th"] == ["x1", "x2", "Y", "A2", "bar", "correct?"]
    body = built.children[2]
    # A0's columns, one row each: (0, 1), (1, 0), (0, 0), (1, 1)
    assert [[td.textContent for td in tr.children[:2]] for tr in body.children] == [
        ["0", "1"],
        ["1", "0"],
        ["0", "0"],
        ["1", "1"],
    ]

    first = table.draw([0.9, 0.3, 0.1, 0.6], XOR)
    assert first == 4 * (1 + 1 + 1 + 2)  # target, A2 text, bar, mark text and class
    assert [tr.children[2].textContent for tr in body.children] == ["1", "1", "0", "0"]
    assert table.draw([0.9, 0.3, 0.1, 0.6], XOR) == 0
    # one A2 moves a little: its text and bar change, nothing else
    assert table.draw([0.9, 0.31, 0.1, 0.6], XOR) == 2
    # one crosses 0.5: its mark changes too
    assert table.draw([0.9, 0.7, 0.1, 0.6], XOR) == 2 + 2
    assert table.cells[1]["mark"].textContent == "\u2713 right"
    assert table.cells[1]["mark"].className == "col-mark is-right"
    assert table.cells[1]["bar"].style.width == "70.0%"
    assert table.draw([math.nan] * 4, XOR) > 0
    assert table.cells[0]["a2"].textContent == "NaN" and table.cells[0]["bar"].style.width == "0%"
    assert table.cells[0]["mark"].textContent == "\u2717 wrong"


def test_a_new_table_changes_the_targets(monkeypatch):
    _, table = make_table(monkeypatch)
    table.draw([0.5] * 4, XOR)
    assert table.draw([0.5] * 4, [0.0, 0.0, 0.0, 1.0]) == 3  # AND: three targets change; 0.5 stays wrong
    assert [cells["y"].textContent for cells in table.cells] == ["0", "0", "0", "1"]


def test_the_table_shows_the_notebooks_network(monkeypatch):
    _, table = make_table(monkeypatch)
    session = Session()
    session.configure({"notebook_mode": True})
    snap = session.snapshot()
    table.draw(snap["A2"], snap["Y"])
    # cells 4-12: A2 = [[0.51534589, 0.52474844, 0.51842557, 0.52156619]]
    assert [cells["a2"].textContent for cells in table.cells] == ["0.5153", "0.5247", "0.5184", "0.5216"]
    assert [cells["mark"].textContent for cells in table.cells] == ["\u2713 right"] * 2 + ["\u2717 wrong"] * 2
    session.step(1000)
    snap = session.snapshot()
    table.draw(snap["A2"], snap["Y"])
    # cell 36: predictions 0.98, 0.98, 0.016, 0.016, every one on the right side
    assert [cells["a2"].textContent[:4] for cells in table.cells] == ["0.98", "0.98", "0.01", "0.01"]
    assert [cells["mark"].textContent for cells in table.cells] == ["\u2713 right"] * 4


def test_the_panel_shows_the_table_for_a_few_points_and_the_accuracy_for_more(monkeypatch):
    from app.lab.predictions import PredictionsPanel

    document = fake_dom.install(monkeypatch)
    container = document.createElement("div")
    panel = PredictionsPanel(container)
    linked = []
    panel.on_example = linked.append
    panel.show({"A0": A0.tolist(), "A2": [0.9, 0.3, 0.1, 0.6], "Y": XOR})
    first = panel.table
    assert [cells["a2"].textContent for cells in panel.cells] == ["0.9000", "0.3000", "0.1000", "0.6000"]
    panel.show({"A0": A0.tolist(), "A2": [0.9, 0.3, 0.1, 0.6], "Y": XOR})
    assert panel.table is first  # the same inputs: the same table
    # a point added: a table for the five
    five = [A0[0].tolist() + [0.25], A0[1].tolist() + [0.5]]
    panel.show({"A0": five, "A2": [0.9, 0.3, 0.1, 0.6, 0.5], "Y": XOR + [1.0]})
    assert panel.table is not first and len(panel.cells) == 5 and first.table not in container.children
    assert [td.textContent for td in panel.table.rows[4].children[:3]] == ["0.25", "0.5", "1"]
    panel.table.on_example(4)
    assert linked == [4]
    panel.highlight(4)
    assert panel.table.rows[4].classList.contains("linked")
    # many points: no table, the worker's accuracy in words
    text = "Train: 183 of 200 right (91.5 %). Test: 170 of 200 right (85.0 %)."
    panel.show({"accuracy": {"train": [183, 200], "test": [170, 200], "text": text}})
    assert panel.table is None and panel.cells == []
    (paragraph,) = [child for child in container.children if child.tag == "p"]
    assert paragraph.textContent == text and paragraph.hidden is False
    panel.highlight(7)  # nothing to light
    panel.show({"A0": A0.tolist(), "A2": [0.9, 0.3, 0.1, 0.6], "Y": XOR})
    assert paragraph.hidden is True and len(panel.cells) == 4
