"""The session on the student's data: edits of the points while training, waiting with no training point, data
settings, and the snapshot's accuracy, test cost, points ("data" only for a new data_version) and size.

Oracles: NumPy written here (the 2-n_h-1 tanh network's J and predictions), positions worked out by hand, and a
backprop.Run built independently on the same points as a different-path reference."""

import json

import numpy as np
import pytest

from backprop import Config, Run, generate
from shared import protocol
from worker import door as exports
from worker.lab.session import TABLE_LIMIT, WAITING, Session

XOR = [[0.0, 1.0, 1, 0], [1.0, 0.0, 1, 0], [0.0, 0.0, 0, 0], [1.0, 1.0, 0, 0]]
CIRCLE = {"data": "circle", "data_seed": 3, "data_size": 500, "noise": 10, "train_percent": 50}


def configured(**settings):
    session = Session()
    session.configure(settings)
    return session


def forward(params, points):
    """(A2, Y) of the tanh / sigmoid network on points [[x1, x2, y, ...], ...], in NumPy written here."""
    X = np.array([p[:2] for p in points], dtype=float).T
    Y = np.array([[p[2] for p in points]], dtype=float)
    A1 = np.tanh(np.asarray(params["W0"]) @ X + np.asarray(params["b0"]).reshape(-1, 1))
    Z2 = np.asarray(params["W1"]).reshape(1, -1) @ A1 + np.asarray(params["b1"]).reshape(1, 1)
    return 1 / (1 + np.exp(-Z2)), Y


def half_mse(params, points):
    A2, Y = forward(params, points)
    return float(np.sum((A2 - Y) ** 2) / (2 * Y.shape[1]))


def right(params, points):
    A2, Y = forward(params, points)
    return int(np.sum((A2 > 0.5) == (Y > 0.5)))


def params_of(session):
    return {name: np.array(session.run.params[name]) for name in ("W0", "b0", "W1", "b1")}


def click(session, fx, fy, y=1, r=0.025):
    return session.edit_points({"op": "click", "at": [fx, fy], "y": y, "radius": r})


# --- edits ---------------------------------------------------------------------------------------------------------


def test_a_click_adds_a_point_and_training_goes_on_from_the_same_network():
    session = configured()
    session.step(50)
    run, run_id, before = session.run, session.run_id, params_of(session)
    edit = click(session, 0.25, 0.25 - 0.2, y=0)  # above (0, 1): x2 = 1.5 - 0.05 * 2 = 1.4
    assert edit == {"said": "Added a point of class 0 at (0.0, 1.4).", "can_undo": True, "count": 5}
    assert session.points == XOR + [[0.0, 1.4, 0, 0]]
    assert session.run is run and session.run_id == run_id and run.step == 50
    assert run.config.data == "points"
    for name, value in before.items():
        np.testing.assert_array_equal(run.params[name], value)
    snap = session.snapshot()
    assert snap["cost"] == pytest.approx(half_mse(before, session.points), rel=1e-12)
    assert snap["config"]["data"] == "points" and snap["step"] == 50
    session.step(10)
    oracle = Run(Config(data="points"), params=before, points=session.points)  # the same start, another path
    oracle.train(10)
    assert session.run.cost == pytest.approx(oracle.cost, rel=1e-12)


def test_a_click_on_a_point_removes_it_and_undo_puts_it_back():
    session = configured()
    said = click(session, 0.75, 0.25)["said"]  # (1, 1) is at fx 0.75, fy 0.25
    assert said == "Removed the point of class 0 at (1.0, 1.0)."
    assert session.points == XOR[:3] and session.run.data.m == 3
    undone = session.edit_points({"op": "undo"})
    assert undone == {"said": "Undone: removed the point of class 0 at (1.0, 1.0).", "can_undo": False, "count": 4}
    assert session.points == XOR and session.run.data.m == 4
    with pytest.raises(ValueError, match="no edit of the points to undo"):
        session.edit_points({"op": "undo"})


def test_clear_waits_for_a_training_point_and_a_click_resumes():
    session = configured()
    session.step(5)
    cost, version = session.run.cost, session.data_version
    assert session.edit_points({"op": "clear"}) == {"said": "Cleared 4 points.", "can_undo": True, "count": 0}
    assert session.waiting and session.points == [] and session.data_version == version + 1
    assert session.train_for(100, 1.0) == 0
    session.step(3)
    snap = session.snapshot()
    assert snap["step"] == 5 and snap["cost"] == cost  # the run stays as it was
    assert snap["waiting"] == WAITING == "Add a point (click on the plot) to train."
    assert snap["config"]["data"] == "points" and snap["data"]["count"] == {"train": 0, "test": 0}
    with pytest.raises(ValueError, match="no points to clear"):
        session.edit_points({"op": "clear"})
    click(session, 0.5, 0.5, y=1)
    assert not session.waiting and session.snapshot()["waiting"] is None
    assert session.run.data.m == 1 and session.train_for(3, 10.0) == 3


def test_undo_of_a_clear_restores_the_points_and_training():
    session = configured()
    session.edit_points({"op": "clear"})
    assert session.edit_points({"op": "undo"})["said"] == "Undone: cleared 4 points."
    assert session.points == XOR and not session.waiting
    session.step(2)
    assert session.run.step == 2


def test_set_and_its_refusals_change_nothing_when_refused():
    session = configured()
    session.step(3)
    edit = session.edit_points({"op": "set", "points": [[0.5, 0.5, 1], [-1, 2, 0, 0], [2, -1, 0, 1]]})
    assert edit == {"said": "Now 3 points: 2 for training, 1 for testing.", "can_undo": True, "count": 3}
    assert session.run.data.m == 2 and session.run.data.test_m == 1 and session.run.step == 3
    points, version, cost = session.points, session.data_version, session.run.cost
    for bad in ([[0, 0, 1, 1]], [[0, "x", 1]], [[0, 0, 1]] * 1001, "0_0_1"):
        with pytest.raises(ValueError):
            session.edit_points({"op": "set", "points": bad})
    with pytest.raises(ValueError):
        session.edit_points({"op": "click", "at": [2, 0], "y": 1, "radius": 0.02})
    assert session.points == points and session.data_version == version and session.run.cost == cost
    assert session.edit_points({"op": "undo"})["count"] == 4


def test_undo_goes_back_one_edit_at_a_time_up_to_a_hundred():
    session = configured()
    for k in range(105):  # x1 = -0.1 + 0.01 k, x2 = 0.5: within the table's square, so it stays
        click(session, 0.2 + k * 0.005, 0.5, y=k % 2, r=0.0001)
    assert session.extent == (-0.5, 1.5)
    assert len(session.points) == 109
    for _ in range(100):
        session.edit_points({"op": "undo"})
    assert len(session.points) == 9  # the first five additions stay
    with pytest.raises(ValueError):
        session.edit_points({"op": "undo"})


def test_over_a_thousand_points_is_refused():
    session = configured()
    session.edit_points({"op": "set", "points": [[i / 1000, 0.0, i % 2] for i in range(1000)]})
    with pytest.raises(ValueError, match="at most 1,000 points"):
        click(session, 0.9, 0.05, r=0.0001)
    assert len(session.points) == 1000


# --- data settings -------------------------------------------------------------------------------------------------


def test_a_generated_set_then_your_points_start_from_the_points_on_screen():
    session = configured(**CIRCLE)
    data = generate("circle", 3, 500, 10, 50)
    assert session.points == data.points()
    run_id = session.run_id
    session.configure(dict(CIRCLE, data="points", n_h=3))
    assert session.run_id == run_id + 1 and session.run.step == 0
    assert session.run.data.points() == data.points()  # test flags kept
    assert session.run.data.test_m == 250


def test_a_change_of_data_settings_starts_a_new_network_and_forgets_the_undo():
    session = configured()
    click(session, 0.5, 0.5)
    session.step(4)
    session.configure(dict(CIRCLE, data_size=40))
    assert session.run.step == 0 and session.run.data.m + session.run.data.test_m == 40
    assert not session.undo


def test_the_first_configure_with_your_points_takes_the_tables_points():
    session = configured(data="points")
    assert session.points == XOR and session.run.config.data == "points"


def test_reset_keeps_your_points():
    session = configured()
    click(session, 0.5, 0.5)
    session.step(3)
    session.reset()
    assert session.run.step == 0 and session.points == XOR + [[0.5, 0.5, 1, 0]]


# --- the snapshot --------------------------------------------------------------------------------------------------


def test_the_notebooks_xor_snapshot_keeps_its_table():
    snap = configured().snapshot((640, 400))
    assert snap["A0"] == [[0, 1, 0, 1], [1, 0, 0, 1]] and snap["Y"] == [1, 1, 0, 0] and len(snap["A2"]) == 4
    assert snap["test_cost"] is None and snap["waiting"] is None
    assert snap["accuracy"] == {"train": [2, 4], "test": None, "text": "Train: 2 of 4 right (50.0 %)."}
    assert snap["chart"]["test_path"] is None and snap["chart"]["legend"] is None


def test_accuracy_and_test_cost_on_a_generated_set():
    session = configured(**CIRCLE)
    session.step(200)
    snap = session.snapshot((640, 400))
    params, data = params_of(session), generate("circle", 3, 500, 10, 50)
    points = data.points()
    train, test = points[:250], points[250:]
    assert all(p[3] == 0 for p in train) and all(p[3] == 1 for p in test)
    assert snap["test_cost"] == pytest.approx(half_mse(params, test), rel=1e-12)
    assert snap["cost"] == pytest.approx(half_mse(params, train), rel=1e-12)
    r_train, r_test = right(params, train), right(params, test)
    assert snap["accuracy"]["train"] == [r_train, 250] and snap["accuracy"]["test"] == [r_test, 250]
    assert snap["accuracy"]["text"] == (
        f"Train: {r_train} of 250 right ({100 * r_train / 250:.1f} %). Test: {r_test} of 250 right "
        f"({100 * r_test / 250:.1f} %)."
    )
    assert not {"A0", "Y", "A2"} & set(snap)
    assert snap["chart"]["test_path"].startswith("M") and snap["chart"]["legend"] == ["train cost J", "test cost J"]
    assert "The test cost J" in snap["chart"]["label"]


def test_the_table_is_there_for_at_most_eight_points():
    session = configured()
    session.edit_points({"op": "set", "points": [[k / 8, 0.0, k % 2, int(k > 5)] for k in range(TABLE_LIMIT)]})
    snap = session.snapshot()
    assert snap["A0"] == [[k / 8 for k in range(6)], [0.0] * 6] and snap["Y"] == [0, 1, 0, 1, 0, 1]
    click(session, 0.9, 0.1)
    assert "A0" not in session.snapshot() and TABLE_LIMIT == 8


def test_data_comes_only_for_a_new_data_version():
    session = configured()
    first = session.snapshot()
    assert first["data"]["version"] == session.data_version
    assert "data" not in session.snapshot(data_version=session.data_version)
    session.step(10)
    session.configure({"n_h": 3})  # a new network on the same points
    assert "data" not in session.snapshot(data_version=first["data"]["version"])
    click(session, 0.5, 0.5)
    snap = session.snapshot(data_version=first["data"]["version"])
    assert snap["data"]["version"] == first["data"]["version"] + 1 and snap["data"]["count"]["train"] == 5
    assert snap["data"]["link"] == "0.0_1.0_1~1.0_0.0_1~0.0_0.0_0~1.0_1.0_0~0.5_0.5_1"


def test_the_surface_covers_the_datas_extent():
    session = configured(**CIRCLE)
    lo, hi = session.snapshot()["data"]["extent"]
    assert (lo, hi) == (-1.5, 1.5)
    R = 64
    half = (hi - lo) / R / 2
    assert session.grid.min() == pytest.approx(lo + half) and session.grid.max() == pytest.approx(hi - half)
    rgba, label = session.surface()
    assert len(rgba) == R * R * 4
    assert "from \u22121.5 to 1.5" in label and "of 250 training points" in label
    meta, _ = session.units()
    assert session.unit_pictures.grid.max() == pytest.approx(hi - (hi - lo) / meta["side"] / 2)


def test_a_train_for_answer_with_500_points_is_as_small_as_with_four(monkeypatch):
    """The page's MicroPython parses every frame's answer: the points travel once, in "data"."""
    sizes = {}
    for name, settings in (("table", {}), ("circle", CIRCLE)):
        session = configured(**settings)
        session.step(1)
        view = json.dumps({"chart": None, "surface": False, "data_version": session.data_version})
        monkeypatch.setattr(exports, "SESSION", session)
        head, _ = exports.train_for(5, 5, view)
        data, _ = protocol.read([head, None])
        assert "data" not in data["snapshot"]
        sizes[name] = len(head)
        first = exports.snapshot(json.dumps({"chart": None, "data_version": None}))[0]
        assert '"data"' in first
    assert sizes["circle"] < sizes["table"] + 300, sizes
    assert sizes["circle"] < 1500


def test_the_first_answer_with_500_points_brings_them_once(monkeypatch):
    monkeypatch.setattr(exports, "SESSION", configured(**CIRCLE))
    head = exports.snapshot(json.dumps({"chart": None, "data_version": None}))[0]
    data, _ = protocol.read([head, None])
    paths = data["snapshot"]["data"]["paths"]
    assert sum(path.count("M") for path in paths["train"] + paths["test"]) == 500
    assert len(head) < 40_000


def test_the_sweep_learns_your_points():
    session = configured()
    session.edit_points({"op": "set", "points": [[0.5, 0.5, 1], [-1, 2, 0], [2, 0.25, 1], [0, 0, 0, 1]]})
    settings = dict(session.run.config.to_dict())
    sweep = session.start_sweep(settings, 10, 10, 100)
    assert sweep.batch.data.m == 3 and sweep.batch.data.test_m == 1
    train = session.points[:3]
    for k, seed in enumerate(range(10, 20)):
        rng = np.random.RandomState(seed)  # the notebook's initialisation, written here
        W0, W1 = rng.randn(2, 2) * 0.1, rng.randn(1, 2) * 0.1
        params = {"W0": W0, "b0": np.full(2, 0.1), "W1": W1, "b1": np.full(1, 0.1)}
        assert sweep.batch.costs[k] == pytest.approx(half_mse(params, train), rel=1e-12)
