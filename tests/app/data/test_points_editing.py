"""The student's points by hand (app/data/editing.py): a click on the decision surface and the keyboard cursor
(arrow keys, Enter, 0 and 1) on a fake canvas; then on the fake page through the real worker functions
(py/worker/door.py), a click, Undo and Clear said in the live region with training going on, a refused edit said,
and a lesson that locks the data taking none. Oracles: the plot square's geometry worked out by hand, the worker's
own texts."""

import asyncio
import types

import fake_dom
from app.data.editing import PointsEditor
from app.lab.surface import DecisionSurface, cursor_path, to_canvas
from lab_page import open_page, settle

# A data set's drawing with no points (the contract's snapshot["data"]): the extent (-1.5, 1.5), points of radius
# 0.03 of the plot square's side.
EMPTY = {"extent": [-1.5, 1.5], "ticks": [-1.0, 0.0, 1.0], "tick_texts": ["\u22121", "0", "1"], "radius": 0.03}
EMPTY.update(scale=1000, count={"train": 0, "test": 0}, paths={"train": ["", ""], "test": ["", ""]}, centres=[])


def editor_on_a_surface(monkeypatch, data=EMPTY):
    """A PointsEditor on a drawn 400 x 400 surface (plot square (40, 10, 348)) showing data, with the canvas's
    context; its edits, classes and words go to lists instead of the worker."""
    document = fake_dom.install(monkeypatch)
    elements = {}
    document.getElementById = lambda name: elements.setdefault(name, document.createElement("button"))
    canvas = document.createElement("canvas")
    canvas.props.update(clientWidth=400, clientHeight=400)
    surface = DecisionSurface(canvas)
    editor = PointsEditor(types.SimpleNamespace(document=document), surface, None, lambda: True)
    editor.show_data(data)
    assert surface.draw(bytes(64 * 64 * 4), "a label") is True
    editor.edits, editor.classes, editor.words = [], [], []
    editor.click_points = lambda fx, fy, radius: editor.edits.append((fx, fy, radius))
    editor.pick_class, editor.say_points = editor.classes.append, editor.words.append
    return editor, canvas.context


class Event:
    def __init__(self, **fields):
        self.__dict__.update(dict({"shiftKey": False, "prevented": False}, **fields))

    def preventDefault(self):
        self.prevented = True


def test_a_click_in_the_plot_asks_for_an_edit_there(monkeypatch):
    view, _ = editor_on_a_surface(monkeypatch)
    edits = view.edits
    view.on_click(Event(offsetX=40.0 + 87.0, offsetY=10.0 + 348.0))  # a quarter across, at the bottom
    view.on_click(Event(offsetX=20.0, offsetY=100.0))  # in the margin: nothing
    assert edits == [(0.25, 1.0, 0.03)]
    view.surface.set_data(dict(EMPTY, radius=0.001))
    view.on_click(Event(offsetX=40.0, offsetY=10.0))
    assert edits[-1] == (0.0, 0.0, 8 / 348.0)  # a tiny point is still hit within 8 pixels


def test_the_keyboard_cursor_moves_adds_and_picks_the_class(monkeypatch):
    view, ctx = editor_on_a_surface(monkeypatch)
    edits, classes, words = view.edits, view.classes, view.words
    view.on_focus(Event())
    assert view.focused and view.cursor == (0, 0)  # the middle of the extent
    keys = [Event(key="ArrowRight"), Event(key="ArrowUp", shiftKey=True), Event(key="Enter"), Event(key="0")]
    for event in keys:
        view.on_key(event)
    assert words == ["Cursor at x1 = 0.1, x2 = 0", "Cursor at x1 = 0.1, x2 = 0.5"]
    assert edits == [((1 + 15) / 30, (15 - 5) / 30, 0.03)] and classes == [0]
    assert all(event.prevented for event in keys)
    other = Event(key="s")
    view.on_key(other)  # a shortcut key: the page's
    assert not other.prevented
    # the cursor is drawn while the canvas has the focus: a square with ticks, on a white halo
    x, y = to_canvas(0.1, 0.5, (40.0, 10.0, 348.0), -1.5, 1.5)
    cross = cursor_path(x, y, 0.03 * 348.0)  # around a point there, which shows inside it
    assert ("stroke", (("Path2D", cross),)) in ctx.calls
    view.on_blur(Event())
    count = ctx.calls.count(("stroke", (("Path2D", cross),)))
    view.surface.redraw()
    assert ctx.calls.count(("stroke", (("Path2D", cross),))) == count
    # a click's focus (not :focus-visible) shows no cursor until a key moves it
    view.surface.canvas.props["matches"] = lambda selector: False
    view.on_focus(Event())
    view.surface.redraw()
    assert ctx.calls.count(("stroke", (("Path2D", cross),))) == count
    view.on_key(Event(key="ArrowLeft"))
    view.on_key(Event(key="ArrowRight"))
    assert ctx.calls.count(("stroke", (("Path2D", cross),))) == count + 2  # halo and ink
    view.on_blur(Event())
    count = ctx.calls.count(("stroke", (("Path2D", cross),)))
    view.surface.redraw()
    assert ctx.calls.count(("stroke", (("Path2D", cross),))) == count


def test_points_by_hand_go_to_the_worker_and_training_goes_on(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch)
    page.element("point-class-1").props["checked"] = True

    async def scenario():
        await context.start()
        await settle()
        lab.step()
        await settle()
        # a click in the plot square (40, 10, 348) a quarter across and half down: x1 = 0, x2 = 0.5 of [-0.5, 1.5]
        lab.points.on_click(types.SimpleNamespace(offsetX=40.0 + 87.0, offsetY=10.0 + 174.0))
        await settle()
        said.append(page.text("points-said"))
        lab.points.edit_points({"op": "undo"})
        await settle()
        said.append(page.text("points-said"))
        lab.points.edit_points({"op": "clear"})
        await settle()
        said.append(page.text("points-said"))

    said = []
    asyncio.run(scenario())
    assert said == [
        "Added a point of class 1 at (0.0, 0.5).",
        "Undone: added a point of class 1 at (0.0, 0.5).",
        "Cleared 4 points.",
    ]
    assert session.run.step == 1  # the same network: a click is no reset
    assert context.settings["data"] == "points" and "data=points" in window.pushed[-1]
    assert page.elements["data"].value == "points"
    assert (
        page.text("data-waiting") == "Add a point (click on the plot) to train."
        and not page.element("data-waiting").hidden
    )
    assert page.element("points-clear").disabled is True and page.element("points-undo").disabled is False
    assert lab.data_version == session.data_version


def test_a_refused_edit_is_said_and_changes_nothing(monkeypatch, session):
    page, _window, context, lab = open_page(monkeypatch)

    async def scenario():
        await context.start()
        await settle()
        lab.points.edit_points({"op": "undo"})
        await settle()

    asyncio.run(scenario())
    assert page.text("points-said") == "Not done: there is no edit of the points to undo."
    assert context.settings["data"] == "table"


def test_a_lesson_that_locks_the_data_takes_no_points_by_hand(monkeypatch, session):
    page, _window, context, lab = open_page(monkeypatch, "?lock=data")

    async def scenario():
        await context.start()
        await settle()
        lab.points.edit_points({"op": "clear"})
        await settle()

    asyncio.run(scenario())
    assert page.element("points-tools").hidden is True
    assert page.element("data").disabled is True and page.element("noise").disabled is True
    assert session.run.config.data == "table" and page.element("points-said").textContent == ""


def test_the_cursor_stays_in_a_new_data_sets_extent(monkeypatch):
    view, _ = editor_on_a_surface(monkeypatch)
    view.on_focus(Event())
    for _ in range(4):
        view.on_key(Event(key="ArrowRight", shiftKey=True))
    assert view.cursor == view.surface.cursor == (15, 0)  # the extent's right end, 1.5
    view.show_data(dict(EMPTY, extent=[-0.5, 0.5]))
    assert view.cursor == view.surface.cursor == (5, 0)  # kept in (-0.5, 0.5)
    view.on_blur(Event())
    view.show_data(EMPTY)
    assert view.cursor == (5, 0) and view.surface.cursor is None  # not drawn without the keyboard's focus
