"""The worker's Session: settings, training in slices, and snapshots as plain JSON-able values.

Oracles: the seed notebook's printed numbers (tests/model/test_model_notebook.py), a backprop.Run trained
independently of the session, CPython's repr, and step counts worked out by hand from a fake clock.
"""

import json
import math
import pathlib
import subprocess
import sys

import numpy as np
import pytest

from backprop import PARAM_NAMES, Config, Run
from plots.cost_chart import chart, run_points
from plots.surface import describe_surface, surface_grid, surface_rgba
from worker.lab import session as session_module
from worker.lab.session import Session, plain, plain_list

# The notebook (shared/seed/ann_xor_notebook.txt): cell 3's weights, J of the first forward pass, cell 35's
# J after 100 updates, cell 36's predictions after 1000 (see tests/model/test_model_notebook.py).
W0_NB = [-0.04167578, -0.00562668, -0.21361961, 0.16402708]
W1_NB = [-0.17934356, -0.08417474]
J_NB = 0.12519375208599626
J_100_NB = 0.044109941906362596
PREDICTIONS_NB = [0.98, 0.98, 0.016, 0.016]

DEFAULTS = {
    "n_h": 2,
    "activation": "tanh",
    "cost": "half_mse",
    "learning_rate": 10.0,
    "seed": 2,
    "table": "XOR",
    "notebook_mode": False,
    "batch": "full",
    "data": "table",
    "data_seed": 0,
    "data_size": 200,
    "noise": 0,
    "train_percent": 50,
}


def configured(**settings):
    session = Session(clock=FakeClock())
    session.configure(dict(DEFAULTS, **settings))
    return session


class FakeClock:
    """A clock that advances by `tick` seconds each time it is read."""

    def __init__(self, tick=0.0):
        self.now, self.tick, self.reads = 0.0, tick, 0

    def __call__(self):
        self.now += self.tick
        self.reads += 1
        return self.now


def flat(array):
    return np.asarray(array, dtype=float).reshape(-1).tolist()


# --- the notebook -------------------------------------------------------------------------------------------------


def test_the_default_network_is_the_notebooks():
    snap = configured().snapshot()
    assert snap["step"] == 0 and snap["status"] == "ready" and snap["reason"] is None
    assert snap["cost"] == pytest.approx(J_NB, rel=1e-15)
    assert np.round(snap["params"]["W0"], 8).tolist() == W0_NB
    assert np.round(snap["params"]["W1"], 8).tolist() == W1_NB
    assert snap["params"]["b0"] == [0.1, 0.1] and snap["params"]["b1"] == [0.1]
    assert snap["A0"] == [[0, 1, 0, 1], [1, 0, 0, 1]]  # cell 3's inputs, one column per example
    assert snap["Y"] == [1, 1, 0, 0]  # XOR
    assert snap["config"] == DEFAULTS


def test_training_follows_the_notebooks_log_in_notebook_mode():
    session = configured(notebook_mode=True)
    session.step(100)
    assert session.snapshot()["cost"] == pytest.approx(J_100_NB, rel=1e-9)
    session.step(900)
    snap = session.snapshot()
    assert np.round(snap["A2"], 3).tolist() == PREDICTIONS_NB
    assert snap["solved"] is True and snap["step"] == 1000


# --- configure ----------------------------------------------------------------------------------------------------


def test_a_learning_rate_change_goes_on_from_here():
    session = configured()
    session.step(25)
    run_id, run = session.run_id, session.run
    session.configure(dict(DEFAULTS, learning_rate="2.5"))
    assert session.run is run and session.run_id == run_id
    assert session.run.step == 25 and len(session.run.history) == 26
    assert session.run.config.learning_rate == 2.5
    session.step(10)
    # the same as a Run that changes its learning rate at step 25
    oracle = Run(Config())
    oracle.train(25)
    oracle.set_learning_rate(2.5)
    oracle.train(10)
    snap = session.snapshot()
    assert snap["step"] == 35 and snap["cost"] == oracle.cost
    assert snap["params"] == {name: flat(oracle.params[name]) for name in PARAM_NAMES}
    assert snap["config"]["learning_rate"] == 2.5


def test_the_same_settings_change_nothing():
    session = configured()
    session.step(3)
    version, run_id = session.version, session.run_id
    session.configure(dict(DEFAULTS, n_h="2", table="xor", learning_rate="10"))  # other spellings, same values
    assert (session.version, session.run_id, session.run.step) == (version, run_id, 3)


@pytest.mark.parametrize(
    "name, value",
    [
        ("n_h", 3),
        ("activation", "relu"),
        ("cost", "cross_entropy"),
        ("seed", 7),
        ("table", "NAND"),
        ("notebook_mode", True),
    ],
)
def test_any_other_change_starts_a_new_network(name, value):
    session = configured()
    session.step(12)
    version, run_id = session.version, session.run_id
    session.configure(dict(DEFAULTS, **{name: value, "learning_rate": 0.5}))
    snap = session.snapshot()
    assert snap["step"] == 0 and snap["run_id"] == run_id + 1 and snap["version"] > version
    assert snap["config"][name] == value and snap["config"]["learning_rate"] == 0.5
    oracle = Run(Config(**dict(DEFAULTS, **{name: value, "learning_rate": 0.5})))
    assert snap["cost"] == oracle.cost and snap["A2"] == flat(oracle.A2)
    assert len(session.run.history) == 1


def test_missing_settings_take_the_models_defaults():
    session = Session()
    session.configure({"n_h": 4})
    assert session.snapshot()["config"] == dict(DEFAULTS, n_h=4)


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"n_h": 17}, "n_h must be a whole number from 1 to 16 (got 17)"),
        ({"learning_rate": "NaN"}, "learning_rate must be a finite number greater than 0 (got 'NaN')"),
        ({"learning_rate": 0}, "learning_rate must be a finite number greater than 0 (got 0)"),
        ({"activation": "softmax"}, "activation must be one of tanh, sigmoid, relu (got 'softmax')"),
        ({"table": "XAND"}, "table must be one of XOR, XNOR, AND, OR, NAND, NOR (got 'XAND')"),
        ({"seed": -1}, "seed must be a whole number from 0 to 4294967295 (got -1)"),
        ({"notebook_mode": "maybe"}, "notebook_mode must be true or false (got 'maybe')"),
        (
            {"speed": 10},
            "unknown setting 'speed'; the settings are n_h, activation, cost, learning_rate, seed, table, "
            "notebook_mode, batch, data, data_seed, data_size, noise, train_percent",
        ),
    ],
)
def test_invalid_settings_raise_the_models_message_and_keep_the_network(settings, message):
    session = configured()
    session.step(4)
    state = (session.version, session.run_id, session.run)
    with pytest.raises(ValueError) as caught:
        session.configure(dict(DEFAULTS, **settings))
    assert str(caught.value) == message
    with pytest.raises(ValueError) as model:
        Config.from_dict(dict(DEFAULTS, **settings))
    assert str(model.value) == message
    assert (session.version, session.run_id, session.run) == state and session.run.step == 4


def test_reset_starts_the_same_settings_again():
    session = configured(seed=5, learning_rate=3)
    first = session.snapshot()
    session.step(40)
    session.reset()
    snap = session.snapshot()
    assert snap["step"] == 0 and snap["run_id"] == first["run_id"] + 1
    assert (snap["cost"], snap["params"], snap["config"]) == (first["cost"], first["params"], first["config"])


# --- training -----------------------------------------------------------------------------------------------------


def test_step_takes_exactly_n_steps():
    session = configured()
    session.step(7)
    assert session.run.step == 7
    for _ in range(3):
        session.step()
    assert session.run.step == 10
    session.step(0)
    assert session.run.step == 10


def test_every_change_moves_the_version():
    session = configured()
    versions = [session.version]
    session.step(1)
    versions.append(session.version)
    session.configure(dict(DEFAULTS, learning_rate=1))
    versions.append(session.version)
    session.reset()
    versions.append(session.version)
    assert versions == sorted(set(versions))
    assert session.snapshot()["version"] == versions[-1]


def test_train_for_stops_at_max_steps_with_a_clock_that_never_moves():
    # A clock coarser than a step (performance.now() in a worker may tick every 0.1 or 1 ms) reads 0 s a step.
    session = Session(clock=FakeClock(tick=0.0))
    session.configure(DEFAULTS)
    assert session.train_for(50, 1.0) == 50
    assert session.run.step == 50
    assert session.train_for(1000, 1.0) == 1000
    assert session.run.step == 1050


def test_train_for_stops_by_time():
    # A clock that reads 0.1 ms per step taken: the slice of 5 ms ends at the first look after 50 steps.
    session = Session()
    session.configure(DEFAULTS)
    session.clock = lambda: session.run.step * 1e-4
    taken = session.train_for(10**6, 0.005)
    assert session.run.step == taken
    # at least the slice, and past it by less than one chunk (CHUNK_SECONDS of steps, plus rounding)
    assert 50 <= taken <= 50 + session_module.CHUNK_SECONDS / 1e-4 + 1
    # the estimate of a step's time is the clock's
    assert session.seconds_per_step == pytest.approx(1e-4)
    again = session.train_for(10**6, 0.005)
    assert 50 <= again <= 50 + session_module.CHUNK_SECONDS / 1e-4 + 1


def test_train_for_slices_train_like_one_run():
    session = Session(clock=FakeClock(tick=1e-5))
    session.configure(DEFAULTS)
    total = sum(session.train_for(37, 0.0001) for _ in range(20))
    oracle = Run(Config())
    oracle.train(total)
    snap = session.snapshot()
    assert snap["step"] == total and snap["cost"] == oracle.cost
    assert snap["params"] == {name: flat(oracle.params[name]) for name in PARAM_NAMES}


def test_train_for_after_a_time_slice_with_nothing_to_do():
    session = configured()
    version = session.version
    assert session.train_for(0, 1.0) == 0
    assert session.version == version


def test_never_trains_after_divergence():
    session = configured(learning_rate=1000)
    session.step(100)
    oracle = Run(Config(learning_rate=1000))
    oracle.train(100)
    snap = session.snapshot()
    assert snap["status"] == oracle.status == "diverged"
    assert snap["step"] == oracle.step < 100
    assert snap["reason"] == oracle.reason and "learning rate 1000" in snap["reason"]
    assert snap["solved"] is False
    assert session.train_for(500, 1.0) == 0
    session.step(5)
    assert session.run.step == snap["step"]
    # a smaller learning rate goes on from the diverged network, which stays diverged
    session.configure(dict(DEFAULTS, learning_rate=1))
    session.step(5)
    assert session.run.step == snap["step"] and session.run.status == "diverged"
    session.reset()
    session.step(5)
    assert session.run.step == 5 and session.run.status == "ready"


# --- snapshots ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "settings, steps",
    [
        ({}, 0),
        ({}, 1),
        ({}, 250),
        ({"n_h": 5, "activation": "relu"}, 60),
        ({"cost": "cross_entropy", "table": "NOR", "seed": 9}, 33),
    ],
)
def test_snapshot_values_equal_an_independent_run(settings, steps):
    session = configured(**settings)
    session.step(steps)
    oracle = Run(Config(**dict(DEFAULTS, **settings)))
    oracle.train(steps)
    snap = session.snapshot()
    assert snap["step"] == steps and snap["cost"] == oracle.cost
    assert snap["A2"] == oracle.A2.reshape(-1).tolist() and snap["Y"] == oracle.Y.reshape(-1).tolist()
    for name in PARAM_NAMES:
        assert snap["params"][name] == oracle.params[name].reshape(-1).tolist()  # row-major, flat
        assert snap["params_text"][name] == [repr(x) for x in oracle.params[name].reshape(-1).tolist()]
        assert [float(text) for text in snap["params_text"][name]] == snap["params"][name]
    assert snap["solved"] == oracle.solved
    assert json.loads(json.dumps(snap, allow_nan=False)) == snap


def test_params_text_is_cpythons_shortest_repr():
    snap = configured().snapshot()
    assert snap["params_text"]["b0"] == ["0.1", "0.1"]
    for text in snap["params_text"]["W0"] + snap["params_text"]["W1"]:
        value = float(text)
        # the shortest text that reads back as the same float: one significant digit fewer does not
        digits = len(text.lstrip("-").replace("0.", "", 1).lstrip("0").replace(".", "").split("e")[0])
        assert float(f"{value:.{digits - 1}e}") == value and float(f"{value:.{digits - 2}e}") != value


def test_snapshot_with_a_chart_is_the_runs_chart():
    session = configured()
    session.step(120)
    snap = session.snapshot(chart_size=(640, 400), log_scale=True)
    oracle = Run(Config())
    oracle.train(120)
    assert snap["chart"] == chart(*run_points(oracle), 640.0, 400.0, True)
    assert snap["chart"]["y_title"] == "cost J (log)"
    assert "chart" not in session.snapshot()


def test_a_long_run_keeps_a_bounded_history_that_ends_at_the_current_step():
    session = Session(clock=FakeClock(tick=0.0))
    session.configure(DEFAULTS)
    session.train_for(5000, 1.0)
    steps, costs = run_points(session.run)
    assert len(steps) <= session_module.HISTORY_LIMIT + 1
    assert steps[0] == 0 and steps[-1] == 5000 and costs[-1] == session.run.cost


def test_non_finite_numbers_travel_as_text():
    # relu with a huge learning rate: one step takes the outputs past what a float holds
    session = configured(n_h=16, activation="relu", seed=3, learning_rate=1.7e308)
    session.step(10)
    snap = session.snapshot()
    assert snap["status"] == "diverged" and snap["step"] == 1
    assert snap["cost"] == "NaN" and "NaN" in snap["A2"]
    assert snap["reason"].startswith("the cost became NaN at step 1")
    text = json.dumps(snap, allow_nan=False)  # strict JSON: no NaN or Infinity literals
    assert json.loads(text)["cost"] == "NaN"


def test_non_finite_parameters_travel_as_text():
    session = configured()
    session.run.theta[:3] = [math.inf, -math.inf, math.nan]  # W0[0,0], W0[0,1], W0[1,0]
    snap = session.snapshot()
    assert snap["params"]["W0"][:3] == ["Infinity", "-Infinity", "NaN"]
    assert snap["params_text"]["W0"][:3] == ["inf", "-inf", "nan"]
    json.dumps(snap, allow_nan=False)


@pytest.mark.parametrize(
    "value, expected",
    [
        (0.5, 0.5),
        (-0.0, -0.0),
        (1e308, 1e308),
        (math.nan, "NaN"),
        (math.inf, "Infinity"),
        (-math.inf, "-Infinity"),
        (np.float64(0.25), 0.25),
    ],
)
def test_plain(value, expected):
    assert plain(value) == expected and type(plain(value)) is type(expected)


def test_plain_list_is_flat_and_row_major():
    assert plain_list(np.array([[1.0, np.nan], [np.inf, 4.0]])) == [1.0, "NaN", "Infinity", 4.0]


# --- the decision surface -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("settings, steps", [({}, 0), ({}, 300), ({"n_h": 3, "activation": "sigmoid"}, 50)])
def test_surface_is_the_runs_output_over_the_grid(settings, steps):
    session = configured(**settings)
    session.step(steps)
    rgba, label = session.surface()
    assert isinstance(rgba, bytes) and len(rgba) == 64 * 64 * 4
    oracle = Run(Config(**dict(DEFAULTS, **settings)))
    oracle.train(steps)
    A2 = oracle.predict(surface_grid(64))
    assert rgba == surface_rgba(A2, 64).tobytes()
    assert label == describe_surface(A2, oracle.A2, oracle.Y)


def test_surface_of_a_diverged_network_is_grey():
    session = configured(n_h=16, activation="relu", seed=3, learning_rate=1.7e308)
    session.step(1)
    rgba, _label = session.surface()
    pixels = np.frombuffer(rgba, dtype=np.uint8).reshape(-1, 4)
    A2 = session.run.predict(surface_grid(64)).reshape(-1)
    assert (pixels[np.isnan(A2)] == [150, 150, 150, 255]).all()
    assert np.isnan(A2).any()


def test_surface_after_training_shows_xor():
    # After the notebook's 1000 steps the four corners of the unit square are classified as XOR says:
    # blue (A2 near 1) at (0, 1) and (1, 0), orange at (0, 0) and (1, 1).
    session = configured(notebook_mode=True)
    session.step(1000)
    rgba, label = session.surface()
    image = np.frombuffer(rgba, dtype=np.uint8).reshape(64, 64, 4)

    def pixel(x1, x2):  # the square [-0.5, 1.5]^2, 64 pixels a side, row 0 at the top (x2 = 1.5)
        return image[int((1.5 - x2) / 2 * 64), int((x1 + 0.5) / 2 * 64)]

    for x1, x2, one in ((0, 1, True), (1, 0, True), (0, 0, False), (1, 1, False)):
        r, _g, b, a = (int(v) for v in pixel(x1, x2))
        assert (b > r) == one and a == 255
    assert "4 of 4 training points are on the right side of 0.5" in label


@pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide starts no processes (and has a browser)")
def test_worker_modules_import_without_a_browser():
    code = (
        "import sys; sys.path[:0] = ['py']; import worker.door, worker.lab.session, plots.cost_chart, "
        "plots.surface; print(sorted(m for m in ('js', 'pyscript', 'pyodide') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=str(pathlib.Path(__file__).resolve().parents[3]),
    )
    assert out.stdout.strip() == "[]"
