"""Both workers answer every export inside the envelope (py/shared/protocol.py), with good arguments and bad ones,
and the docs' message contract (docs/building.md) lists every export each worker script hands the page.

The envelope is checked here on the raw answer, independently of protocol.read: a list [head, body], head a strict
JSON text that is {"data"}, {"data", "body": true} with a body, or {"error": {"kind", "message"}} without one."""

import importlib
import json
import pathlib
import re

import numpy as np
import pytest

import exercises
from backprop import PARAM_NAMES, Run
from checker import door as checker_door
from worker import door as model_door
from worker.lab.session import Session

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPTS = {"model": ROOT / "py" / "model_worker.py", "exercise": ROOT / "py" / "exercise_worker.py"}
DOORS = {"model": model_door, "exercise": checker_door}
VIEW = json.dumps({"chart": [640, 400], "log_scale": True, "surface": True})
SIZES = json.dumps({"histogram": [400, 250], "curves": [600, 375], "solve_steps": [400, 250]})


def exported(worker):
    """The names in a worker script's __export__, as PyScript finds them once the script has run: each bound to
    the door's function of that name."""
    script = importlib.import_module(SCRIPTS[worker].stem)
    for name in script.__export__:
        assert getattr(script, name) is getattr(DOORS[worker], name), name
    return script.__export__


def outcome(sent):
    """ "data" or "refused" / "fatal" for an answer inside the envelope; AssertionError for anything else."""
    assert isinstance(sent, list) and len(sent) == 2, f"not a [head, body] list: {sent!r:.200}"
    head, body = sent
    assert isinstance(head, str), f"the head is not a JSON text: {head!r:.200}"

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    head = json.loads(head, parse_constant=refuse)
    assert isinstance(head, dict), head
    if "error" in head:
        assert set(head) == {"error"} and body is None, head
        error = head["error"]
        assert set(error) == {"kind", "message"} and error["kind"] in ("refused", "fatal"), error
        assert isinstance(error["message"], str) and error["message"], error
        return error["kind"]
    assert set(head) in ({"data"}, {"data", "body"}), head
    if body is None:
        assert "body" not in head
    else:
        assert head["body"] is True
        assert isinstance(body, (bytes, str)) or (isinstance(body, list) and all(isinstance(t, str) for t in body))
    return "data"


class Calls:
    """Calls a worker's exports, checking every answer's shape and recording each export's outcomes."""

    def __init__(self, door):
        self.door, self.seen = door, {}

    def __call__(self, name, *args, expect="data"):
        got = outcome(getattr(self.door, name)(*args))
        assert got == expect, f"{name}{args!r:.200}: {got}, expected {expect}"
        self.seen.setdefault(name, set()).add(got)


@pytest.fixture
def model(monkeypatch):
    monkeypatch.setattr(model_door, "SESSION", Session())
    return Calls(model_door)


def test_every_model_export_answers_inside_the_envelope(model):
    # before any network: nothing to show, a bug of the page
    for name, args in (
        ("step", (1, VIEW)),
        ("snapshot", (VIEW,)),
        ("notebook", (True,)),
        ("export_file", ("json",)),
        ("stages", ()),
    ):
        model(name, *args, expect="fatal")
    model("start")
    model("configure", "{", VIEW, expect="fatal")
    model("configure", '{"n_h": 99}', VIEW, expect="refused")
    model("configure", '{"n_h": 3}', VIEW)
    model("configure", '{"n_h": 3}', None)
    model("reset", VIEW)
    model("reset", '{"chart": {"width": 640, "height": 400}}', expect="fatal")
    model("step", 2, VIEW)
    model("step", "many", VIEW, expect="fatal")
    model("train_for", 20, 50, VIEW)
    model("train_for", None, 50, None, expect="fatal")
    model("snapshot", VIEW)
    model("snapshot", "[640, 400]", expect="fatal")
    model("notebook", True)
    model("notebook", False)
    model("sweep_advance", 10, SIZES, expect="refused")  # no sweep yet
    model("sweep_stop", SIZES, expect="refused")
    model("sweep_pick", "histogram", 1, 1, expect="refused")
    model("sweep_start", "{}", 0, 5, 100, expect="refused")
    model("sweep_start", "not json", 0, 10, 100, expect="fatal")
    model("sweep_start", '{"learning_rate": 5}', 0, 10, 100)
    model("sweep_advance", 10, SIZES)
    model("sweep_advance", 10, '{"histogram": [400]}', expect="fatal")
    model("sweep_stop", SIZES)
    model("sweep_stop", None)
    model("sweep_pick", "histogram", 1, 1)
    model("sweep_pick", "pie", 1, 1, expect="refused")
    model("landscape", '"random"', 1.5, "[320, 300]")
    model("landscape", '"random"', 0, "[320, 300]", expect="refused")
    model("landscape", '"random"', 1.5, '{"width": 320, "height": 300}', expect="fatal")
    for kind in ("json", "py", "ipynb", "png", "params"):
        model("export_file", kind)
    model("export_file", "exe", expect="refused")
    saved = model_door.export_file("json")[1]
    model("import_run", saved, VIEW)
    model("import_run", "not json at all", VIEW, expect="refused")
    model("start_from", "0.5_-0.25_0.125_1.5_0.5_0.25_0.1_-0.1_2_-2_1_0.3", VIEW, expect="refused")  # n_h = 3
    model("configure", "{}", VIEW)
    model("start_from", "0.5_-0.25_0.125_1.5_0.1_-0.1_2_-2_0.3", VIEW)
    model("start_from", "1_2_3", VIEW, expect="refused")
    units = json.dumps({"chart": None, "log_scale": False, "surface": True, "units": True, "chain": "W0[1,0]"})
    model("stages")
    model("snapshot", units)
    model("set_param", "W0[1,0]", "0.25", units)
    model("set_param", "W0[1,0]", "abc", units, expect="refused")
    model("set_param", "W0[9,0]", "1", VIEW, expect="refused")
    model("set_param", "W0[1,0]", "1", "{", expect="fatal")
    model("edit_points", '{"op": "click", "at": [0.5, 0.5], "y": 1, "radius": 0.025}', VIEW)
    model("edit_points", '{"op": "undo"}', VIEW)
    model("edit_points", '{"op": "undo"}', VIEW, expect="refused")  # nothing more to undo
    model("edit_points", '{"op": "set", "points": [[0, 0, 1, 1]]}', VIEW, expect="refused")  # no training point
    model("edit_points", "{", VIEW, expect="fatal")
    model("import_points_csv", "x1,x2,y,split\n0.5,-0.25,1,train\n1,1,0,test\n", VIEW)
    model("import_points_csv", "x1,x2,y\n0.5,abc,1\n", VIEW, expect="refused")
    model("points_from_link", "0.5_-0.25_1~1_1_2", VIEW)
    model("points_from_link", "0.5_-0.25_7", VIEW, expect="refused")
    model("export_points_csv")
    model("edit_points", '{"op": "clear"}', VIEW)
    model("export_points_csv", expect="refused")  # no points on screen
    names = exported("model")
    assert set(model.seen) == set(names)
    assert all(outcomes > {"data"} for name, outcomes in model.seen.items() if name != "start"), model.seen


def network_json(n_h=2, seed=2):
    """The network on screen as the page describes it to the exercise worker (app/exercises/screen.py)."""
    run = Run()
    params = {name: [repr(x) for x in np.asarray(run.params[name]).reshape(-1).tolist()] for name in PARAM_NAMES}
    return json.dumps({"n_h": n_h, "table": "XOR", "seed": seed, "step": 0, "params": params})


def test_every_exercise_export_answers_inside_the_envelope():
    checker = Calls(checker_door)
    screen, solution = network_json(), exercises.backward.SOLUTION
    settings = json.dumps({"n_h": 2, "seed": 2, "learning_rate": 10, "table": "XOR"})
    checker("start")
    checker("run", "backward", solution, screen)
    checker("run", "backward", "def backward(:\n", screen)  # the student's mistake is data
    checker("run", "backward", "while True:\n    pass\n", screen)
    checker("run", "sideways", solution, screen, expect="refused")
    checker("run", "backward", solution, "{", expect="refused")
    checker("check", "forward", exercises.forward.SOLUTION, screen)
    checker("check", "backward", "raise SystemExit(3)\n", screen)
    checker("check", "backward", solution, '{"n_h": 99}', expect="refused")
    checker("check", None, None, None, expect="refused")
    checker("train", solution, settings, 20, json.dumps({"chart": [480, 220], "log_scale": True}))
    checker("train", solution, settings, 20, None)
    checker("train", solution, settings, 20, json.dumps({"width": 480, "height": 220}), expect="refused")
    checker("train", solution, "[]", 20, None, expect="refused")
    checker("train", solution, settings, "many", None, expect="refused")
    checker("questions", "backward", screen, settings)
    checker("questions", "forward", "{", settings, expect="refused")
    assert set(checker.seen) == set(exported("exercise"))
    assert all(outcomes > {"data"} for name, outcomes in checker.seen.items() if name != "start"), checker.seen


@pytest.mark.parametrize("worker", ["model", "exercise"])
def test_the_worker_script_hands_the_page_every_export_of_its_door(worker):
    import importlib

    script = importlib.import_module(SCRIPTS[worker].stem)
    assert exported(worker) == DOORS[worker].EXPORTS
    for name in exported(worker):
        assert getattr(script, name) is getattr(DOORS[worker], name)


def contract_rows():
    """{(worker, export name): the row's cells} from the table of the docs' message contract section."""
    text = (ROOT / "docs" / "building.md").read_text()
    section = text.split("\n## The message contract\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"`(\w+)\((.*)\)`", cells[1]) if len(cells) == 4 else None
        if match:
            assert (cells[0], match[1]) not in rows, f"{cells[0]} {match[1]} is listed twice"
            rows[(cells[0], match[1])] = cells
    return rows


@pytest.mark.parametrize("worker", ["model", "exercise"])
def test_the_docs_list_every_export_with_its_arguments(worker):
    import inspect

    rows = contract_rows()
    listed = [name for (who, name) in rows if who == worker]
    assert sorted(listed) == sorted(exported(worker)), "docs/building.md's message contract table is out of date"
    for name in listed:
        arguments = re.fullmatch(r"`\w+\((.*)\)`", rows[(worker, name)][1])[1]
        parameters = list(inspect.signature(getattr(DOORS[worker], name)).parameters)
        assert [a.strip() for a in arguments.split(",") if a.strip()] == parameters, name
