"""The Exercises view checks the student's code on the data on screen too (issue 20): the network JSON it sends the
exercise worker names a generated set by its parameters, the student's own points by their link text, or (when the
link cannot hold them) by the model's CSV of them; the checker's answer then has the data as its last network.

Oracles: the checker's own answer for the same code and network, and the model's data generator."""

import asyncio
import json
import types

import numpy as np

import exercises
from app.exercises import screen
from backprop import generate
from checker import door as checker
from lab_page import open_page, settle
from shared.protocol import read

FOUR = exercises.backward.SOLUTION.replace("m = Y.shape[1]", "m = 4")  # right on a truth table's four examples only


def checked(monkeypatch, search, code):
    built = []

    async def scenario():
        page, _window, context, _lab = open_page(monkeypatch, search)
        js = page.js if hasattr(page, "js") else __import__("js")
        if not hasattr(js, "Array"):  # the test cost's dashes (app/lab/cost_chart.py); not in the fake page yet
            js.Array = types.SimpleNamespace(of=lambda *items: list(items))
        view = context.views["exercise"]
        await settle()
        await context.start()
        await settle()
        view.editor.setText(code)
        view.check()
        await settle()
        built.append((page, context, view))

    asyncio.run(scenario())
    return built[0]


def test_a_generated_set_is_sent_by_its_parameters_and_checked(monkeypatch, session):
    page, _context, view = checked(
        monkeypatch, "?view=exercise&exercise=backward&data=spiral&data_size=40&data_seed=3", FOUR
    )
    assert view.code() == FOUR
    network = json.loads(screen.network_json(view.context))
    assert network["data"] == {"kind": "spiral", "data_seed": 3, "data_size": 40, "noise": 0, "train_percent": 50}
    assert np.array_equal(session.run.A0, generate("spiral", 3, 40, 0, 50).A0)  # the data on screen
    answer, _ = read(checker.check("backward", FOUR, screen.network_json(view.context)))
    assert answer["networks"][-1] == "your data (spiral, 20 training points)"
    assert page.element("exercise-status").textContent == "Checked: {}.".format(answer["summary"])
    assert answer["summary"] != "8 of 8 right"  # m = 4 is wrong on 20 examples


def test_a_truth_table_sends_no_data(monkeypatch, session):
    _page, _context, view = checked(monkeypatch, "?view=exercise&exercise=backward", FOUR)
    assert "data" not in json.loads(screen.network_json(view.context))


def test_own_points_beyond_a_link_go_as_the_models_csv(monkeypatch, session):
    _page, context, view = checked(monkeypatch, "?view=exercise&exercise=backward", FOUR)
    lab = context.views["lab"]
    rng = np.random.RandomState(1)
    points = [[round(float(x), 2), round(float(y), 2), int(x > y), 0] for x, y in rng.uniform(-1, 1, (400, 2))]

    async def scenario():
        lab.points.edit_points({"op": "set", "points": points})  # as an imported CSV does
        await settle()

    asyncio.run(scenario())
    assert context.snap["config"]["data"] == "points" and not context.settings.get("points")  # too many for a link
    sent = []
    call = view.runner.call

    async def spy(method, *args):
        sent.append((method, args))
        return await call(method, *args)

    view.runner.call = spy

    async def check():
        view.check()
        await settle()

    asyncio.run(check())
    method, args = sent[-1]
    network = json.loads(args[2])
    assert method == "check" and network["data"]["kind"] == "points" and network["data"]["csv"].startswith("x1,x2,y")
    answer, _ = read(checker.check("backward", FOUR, args[2]))
    assert answer["networks"][-1] == "your data (400 training points)"
