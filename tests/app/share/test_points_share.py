"""The student's points in Save and share on the fake page, through the context and the real worker functions
(py/worker/door.py): a CSV imported (the cost on screen, the message, the link's points=), a bad CSV said by its
line with the points on screen kept, a link's points= read at start, too many points for a link said, and the
points exported as CSV.

Oracles: J of the imported points written out in NumPy here, the points typed here, and the worker's own texts."""

import asyncio
import sys
import types
import urllib.parse

import numpy as np
from test_importer import File, drop

from app.lab.readouts import format_cost
from app.share.export_menu import ExportMenu
from app.share.importer import Importer
from lab_page import open_page, readout, settle
from shared.protocol import read
from worker import door as exports

CSV = "x1,x2,y,split\n0.5,-0.25,1,train\n-1,2,0,test\n1.5,0.75,0,train\n-0.5,-1.25,1,train\n"
TRAIN_X = np.array([[0.5, 1.5, -0.5], [-0.25, 0.75, -1.25]])
TRAIN_Y = np.array([[1.0, 0.0, 1.0]])


def seed_2_cost(X, Y):
    """J at step 0 of the default network (seed 2: the notebook's initialisation, tanh, half-MSE) on X, Y."""
    rng = np.random.RandomState(2)
    W0 = rng.randn(2, 2) * 0.1
    W1 = rng.randn(1, 2) * 0.1
    A1 = np.tanh(W0 @ X + 0.1)
    A2 = 1 / (1 + np.exp(-(W1 @ A1 + 0.1)))
    return np.mean((A2 - Y) ** 2) / 2


def query(window):
    return dict(urllib.parse.parse_qsl(window.location.search[1:]))


def share_page(monkeypatch, search=""):
    page, window, context, lab = open_page(monkeypatch, search)
    # The cost chart dashes the test curve with js.Array.of, which the fake page's js lacks (as of this test).
    if not hasattr(sys.modules["js"], "Array"):
        sys.modules["js"].Array = types.SimpleNamespace(of=lambda *values: list(values))
    lab.load_panels()
    importer = next(part for part in lab.lesson.parts if isinstance(part, Importer))
    return page, window, context, lab, importer


def test_a_csv_is_imported_and_a_bad_one_keeps_the_points(monkeypatch, session):
    page, window, context, _lab, importer = share_page(monkeypatch)

    async def scenario():
        await context.start()
        await settle()
        assert page.elements["import-points"].disabled is False
        importer.take(File("mine.csv", CSV))
        await settle()
        J = format_cost(seed_2_cost(TRAIN_X, TRAIN_Y))
        assert readout(page)[1:] == ("0", J)
        assert page.text("import-message") == (
            f"Imported 4 points from mine.csv (3 for training, 1 for testing): step 0, cost J = {J}."
        )
        assert context.settings["data"] == "points"
        assert query(window)["data"] == "points"
        assert query(window)["points"] == "0.5_-0.25_1~-1.0_2.0_2~1.5_0.75_0~-0.5_-1.25_1"
        assert len(window.pushed) == 1 and window.pushed[-1] == window.location.search
        shown = readout(page)

        importer.take(File("bad.csv", "x1,x2,y\n0.5,0.25,1\n0.5,abc,0\n"))
        await settle()
        assert page.text("import-message") == (
            "bad.csv was not imported: line 3: x2 is not a number (got 'abc'). The points on screen are unchanged."
        )
        assert page.elements["messages"].texts()[0] == page.text("import-message")
        assert readout(page) == shown and len(session.points) == 4
        assert query(window)["points"] == "0.5_-0.25_1~-1.0_2.0_2~1.5_0.75_0~-0.5_-1.25_1"

        huge = File("huge.csv", "", size=1_500_000)
        importer.take(huge)
        await settle()
        assert not huge.read
        assert page.text("import-message") == (
            "huge.csv is 1.5 MB, too large for points (at most 1.0 MB, about 1,000 points take 60 kB). "
            "The points on screen are unchanged."
        )

    asyncio.run(scenario())


def test_a_links_points_are_on_screen_at_start(monkeypatch, session):
    text = "0.5_-0.25_1~-1.0_2.0_2~1.5_0.75_0~-0.5_-1.25_1"
    page, window, context, _lab, _ = share_page(monkeypatch, "?data=points&points=" + text)

    async def scenario():
        await context.start()
        await settle()

    asyncio.run(scenario())
    assert session.points == [[0.5, -0.25, 1, 0], [-1.0, 2.0, 0, 1], [1.5, 0.75, 0, 0], [-0.5, -1.25, 1, 0]]
    assert readout(page)[2] == format_cost(seed_2_cost(TRAIN_X, TRAIN_Y))
    assert query(window)["points"] == text
    assert page.elements["points-link-note"].hidden is True


def test_a_links_bad_points_are_said_and_the_points_on_screen_stay(monkeypatch, session):
    page, window, context, _lab, _ = share_page(monkeypatch, "?data=points&points=0.5_0.5_7")

    async def scenario():
        await context.start()
        await settle()

    asyncio.run(scenario())
    said = page.elements["messages"].texts()
    assert any(
        text.startswith("The link's points were ignored, so the network learns the points on screen: points: point 1")
        for text in said
    ), said
    assert len(session.points) == 4  # the truth table's, as the page starts
    assert query(window)["points"] == "0.0_1.0_1~1.0_0.0_1~0.0_0.0_0~1.0_1.0_0"


def test_too_many_points_for_a_link_are_said(monkeypatch, session):
    page, window, context, _lab, importer = share_page(monkeypatch)
    rows = "".join(f"{k / 997!r},{-k / 991!r},{k % 2},{'test' if k % 5 == 0 else 'train'}\n" for k in range(600))

    async def scenario():
        await context.start()
        await settle()
        importer.take(File("many.csv", "x1,x2,y,split\n" + rows))
        await settle()

    asyncio.run(scenario())
    note = page.elements["points-link-note"]
    assert note.hidden is False
    assert note.textContent == (
        "The link cannot hold 600 points: save the run (JSON) or export the points (CSV) instead."
    )
    assert "points" not in query(window) and query(window)["data"] == "points"


def test_the_points_are_exported_as_csv(monkeypatch, session):
    page, window, context, lab, importer = share_page(monkeypatch)
    blobs = []
    window.Blob = types.SimpleNamespace(new=lambda parts, options: blobs.append((parts, options)) or len(blobs))
    window.URL = types.SimpleNamespace(createObjectURL=lambda blob: f"blob:{blob}", revokeObjectURL=lambda url: None)
    window.setTimeout = lambda callback, ms: None
    menu = next(part for part in lab.lesson.parts if isinstance(part, ExportMenu))

    async def scenario():
        await context.start()
        await settle()
        importer.take(File("mine.csv", CSV))
        await settle()
        await menu.save("csv")

    asyncio.run(scenario())
    want = "x1,x2,y,split\n0.5,-0.25,1,train\n-1.0,2.0,0,test\n1.5,0.75,0,train\n-0.5,-1.25,1,train\n"
    assert blobs == [([want], {"type": "text/csv"})]
    assert page.element("export-message").textContent == "Saved backprop-lab_points_4-points.csv."
    assert exports.SESSION is session


def test_back_and_forward_bring_the_links_points_back(monkeypatch, session):
    page, window, context, _lab, importer = share_page(monkeypatch)
    other = "x1,x2,y\n0.75,0.5,1\n-0.25,1.0,0\n"

    def history(search):
        """Back or Forward to the address search: the popstate listeners, in the order they were added."""
        window.location.search = search
        for kind, handler in window.listeners:
            if kind == "popstate":
                handler(None)

    async def scenario():
        await context.start()
        await settle()
        importer.take(File("mine.csv", CSV))
        await settle()
        first = window.location.search
        importer.take(File("other.csv", other))
        await settle()
        assert session.points == [[0.75, 0.5, 1, 0], [-0.25, 1.0, 0, 0]]
        second = window.location.search
        history(first)
        await settle()
        assert session.points == [[0.5, -0.25, 1, 0], [-1.0, 2.0, 0, 1], [1.5, 0.75, 0, 0], [-0.5, -1.25, 1, 0]]
        assert readout(page)[2] == format_cost(seed_2_cost(TRAIN_X, TRAIN_Y))
        assert window.location.search == first
        history(second)
        await settle()
        assert session.points == [[0.75, 0.5, 1, 0], [-0.25, 1.0, 0, 0]]

    asyncio.run(scenario())


def test_a_saved_run_with_points_brings_them_back_with_the_link(monkeypatch, session):
    page, window, context, _lab, importer = share_page(monkeypatch)

    async def scenario():
        await context.start()
        await settle()
        importer.take(File("mine.csv", CSV))
        await settle()
        exports.step(30)
        head, text = read(exports.export_file("json"))
        importer.take(File("other.csv", "x1,x2,y\n0.75,0.5,1\n-0.25,1.0,0\n"))
        await settle()
        importer.take(File(head["name"], text))
        await settle()
        assert readout(page)[1] == "30"
        assert context.settings["data"] == "points"
        assert query(window)["points"] == "0.5_-0.25_1~1.5_0.75_0~-0.5_-1.25_1~-1.0_2.0_2"  # train first, then test

    asyncio.run(scenario())


def test_a_csv_dropped_on_the_page_is_imported(monkeypatch, session):
    page, _window, context, _lab, _importer = share_page(monkeypatch)

    async def scenario():
        await context.start()
        await settle()
        assert drop(page, File("dropped.csv", CSV)) == [True]
        await settle()

    asyncio.run(scenario())
    assert page.text("import-message").startswith("Imported 4 points from dropped.csv (3 for training, 1 for testing)")
    assert len(session.points) == 4


def test_a_lesson_that_locks_the_data_turns_importing_points_off(monkeypatch, session):
    page, _window, context, _lab, importer = share_page(monkeypatch, "?lock=data")

    async def scenario():
        await context.start()
        await settle()
        file = File("mine.csv", CSV)
        importer.take(file)
        await settle()
        assert not file.read

    asyncio.run(scenario())
    assert page.text("import-message") == "Importing points is turned off by this lesson: it sets the data."
    assert len(session.points) == 4 and context.settings["data"] == "table"
