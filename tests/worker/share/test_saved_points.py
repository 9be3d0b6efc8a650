"""Saved runs with data (worker/share/saved_run.py): a student's own points in the JSON and back, bit for bit; the
test cost's history; a generated set by its settings alone; older files (no data settings) as before; and the
messages for files whose points are wrong.

Oracles: backprop.Run trained independently (its data's floats compared by their bytes, its costs), JSON as
Python's json module reads it strictly, and a file of the format before issue 20 written out here.
"""

import json
import math
import struct

import pytest

from backprop import Config, Run
from worker.share.saved_run import HISTORY_LIMIT, run_from_json, run_to_json

POINTS = [[0.25, -0.5, 1, 0], [-0.75, 0.5, 0, 0], [0.1, 0.2, 1, 0], [1 / 3, -2 / 7, 0, 1], [-1.0, 1e-07, 1, 1]]


def bits(points):
    return [struct.pack("<dd", p[0], p[1]) + bytes([p[2], p[3]]) for p in points]


def test_own_points_round_trip_exactly():
    run = Run(Config(data="points", n_h=3), points=POINTS, history_limit=HISTORY_LIMIT)
    run.train(150)
    text = run_to_json(run)
    data = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    assert data["points"] == POINTS and data["config"]["data"] == "points"
    assert len(data["history"]["test_costs"]) == len(data["history"]["costs"]) == 151
    restored = run_from_json(text)
    assert bits(restored.data.points()) == bits(POINTS)
    assert restored.cost == run.cost and restored.test_cost() == run.test_cost()
    assert restored.history == run.history and restored.test_history == run.test_history
    restored.train(50)
    run.train(50)
    assert restored.cost == run.cost


def test_points_that_came_after_a_table_keep_their_nan_test_costs():
    run = Run(Config(), history_limit=HISTORY_LIMIT)
    run.train(3)
    run.set_points(POINTS)  # the test curve starts here: NaN before
    run.train(2)
    restored = run_from_json(run_to_json(run))
    assert [math.isnan(x) for x in restored.test_history] == [True, True, True, False, False, False]
    assert restored.test_history[3:] == run.test_history[3:]


def test_a_generated_set_is_saved_by_its_settings():
    run = Run(Config(data="spiral", data_size=60, noise=20, data_seed=9), history_limit=HISTORY_LIMIT)
    run.train(20)
    text = run_to_json(run)
    assert "points" not in json.loads(text)
    restored = run_from_json(text)
    assert bits(restored.data.points()) == bits(run.data.points())
    assert restored.test_history == run.test_history and restored.cost == run.cost


OLD_FILE = """{
  "format": "backprop-lab-run", "version": 1,
  "config": {"n_h": 2, "activation": "tanh", "cost": "half_mse", "learning_rate": 10.0, "seed": 2,
             "table": "AND", "notebook_mode": false},
  "params": {"W0": [[0.5, -0.25], [0.125, 1.0]], "b0": [[0.1], [0.1]], "W1": [[0.3, -0.2]], "b1": [[0.1]]},
  "step": 2, "cost": 0.1,
  "history": {"start": 0, "stride": 1, "costs": [0.3, 0.2, 0.1]}
}"""


def test_an_older_file_imports_as_before():
    run = run_from_json(OLD_FILE)
    assert run.config.data == "table" and run.config.table == "AND" and run.config.batch == "full"
    assert run.data.m == 4 and run.test_history == [] and run.history[:2] == [0.3, 0.2]


def edited(change):
    run = Run(Config(data="points"), points=POINTS)
    data = json.loads(run_to_json(run))
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.pop("points"), "The saved run's data is 'points' (the student's own), but it has no points"),
        (
            lambda d: d["points"][2].__setitem__(1, "x"),
            "The saved points are wrong: point 3: x2 is not a number (got 'x')",
        ),
        (
            lambda d: d["points"][0].__setitem__(2, 2),
            "The saved points are wrong: point 1: the class y must be 0 or 1 (got 2)",
        ),
        (
            lambda d: d.__setitem__("points", [[0, 0, 1, 1]]),
            "The saved points are wrong: the points need at least one training point",
        ),
        (
            lambda d: d["config"].__setitem__("data", "circle"),
            "The saved run has points, but its data is 'circle', not 'points'",
        ),
        (
            lambda d: d["history"].__setitem__("test_costs", [0.5, 0.5]),
            "The saved history's test_costs must be a list of 1 (as many as its costs) numbers or nulls",
        ),
        (
            lambda d: d["history"].__setitem__("test_costs", [-1]),
            "The saved history's test cost number 0 must be a number, 0 or more (got -1)",
        ),
    ],
)
def test_bad_points_are_said(change, message):
    with pytest.raises(ValueError) as caught:
        run_from_json(edited(change))
    assert str(caught.value) == message
