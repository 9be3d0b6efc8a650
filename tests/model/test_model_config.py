"""Settings and parameters to and from JSON-able dicts: what is accepted, what is refused and how."""

import json
import math

import numpy as np
import pytest

from backprop import TABLE_NAMES, Config, Run, params_from_dict, params_to_dict, truth_table

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


def test_defaults():
    assert Config().to_dict() == DEFAULTS
    assert Config.from_dict({}) == Config()


def test_url_query_strings_are_accepted_and_normalised():
    config = Config.from_dict(
        {
            "n_h": "16",
            "activation": "ReLU",
            "cost": " cross_entropy",
            "learning_rate": "0.5",
            "seed": "4294967295",
            "table": "xnor",
            "notebook_mode": "TRUE",
            "batch": " Shuffled",
            "data": "Spiral ",
            "data_seed": "7",
            "data_size": "500",
            "noise": "50",
            "train_percent": "10",
        }
    )
    assert config.to_dict() == {
        "n_h": 16,
        "activation": "relu",
        "cost": "cross_entropy",
        "learning_rate": 0.5,
        "seed": 2**32 - 1,
        "table": "XNOR",
        "notebook_mode": True,
        "batch": "shuffled",
        "data": "spiral",
        "data_seed": 7,
        "data_size": 500,
        "noise": 50,
        "train_percent": 10,
    }
    assert Config.from_dict({"notebook_mode": "0", "seed": "0", "n_h": "1", "learning_rate": "1e-3"}).to_dict() == dict(
        DEFAULTS, notebook_mode=False, seed=0, n_h=1, learning_rate=0.001
    )
    assert Config.from_dict({"notebook_mode": "1", "n_h": 3.0, "learning_rate": 7}).notebook_mode is True
    assert Config.from_dict({"n_h": np.int64(4), "learning_rate": np.float32(0.25)}).to_dict()["n_h"] == 4


def test_round_trip_through_json():
    config = Config(
        n_h=5, activation="sigmoid", cost="cross_entropy", learning_rate=0.1, seed=77, table="nand", notebook_mode=True
    )
    assert Config.from_dict(json.loads(json.dumps(config.to_dict()))) == config


@pytest.mark.parametrize(
    "field, value",
    [
        ("n_h", 0),
        ("n_h", 17),
        ("n_h", 2.5),
        ("n_h", "2.5"),
        ("n_h", True),
        ("n_h", "abc"),
        ("n_h", None),
        ("n_h", float("nan")),
        ("n_h", "inf"),
        ("n_h", [2]),
        ("seed", -1),
        ("seed", 2**32),
        ("seed", 2.5),
        ("seed", False),
        ("seed", "x"),
        ("seed", ""),
        ("learning_rate", 0),
        ("learning_rate", -1),
        ("learning_rate", "abc"),
        ("learning_rate", float("nan")),
        ("learning_rate", float("inf")),
        ("learning_rate", "-inf"),
        ("learning_rate", "nan"),
        ("learning_rate", True),
        ("learning_rate", None),
        ("learning_rate", "1e400"),
        ("activation", "softmax"),
        ("activation", 3),
        ("activation", None),
        ("cost", "mse"),
        ("cost", ""),
        ("table", "XAND"),
        ("table", 1),
        ("notebook_mode", "maybe"),
        ("notebook_mode", 2),
        ("notebook_mode", None),
        ("notebook_mode", "yes!"),
        ("data", "moons"),
        ("data", "XOR"),
        ("data_seed", -1),
        ("data_size", 19),
        ("data_size", 501),
        ("noise", 51),
        ("noise", 2.5),
        ("train_percent", 9),
        ("train_percent", 91),
    ],
)
def test_bad_settings_are_refused_with_the_field_named(field, value):
    with pytest.raises(ValueError, match=f"^{field} must be .* \\(got .*\\)$"):
        Config.from_dict({field: value})


def test_error_messages_read_well():
    with pytest.raises(ValueError) as error:
        Config.from_dict({"learning_rate": "abc"})
    assert str(error.value) == "learning_rate must be a finite number greater than 0 (got 'abc')"
    with pytest.raises(ValueError) as error:
        Config.from_dict({"n_h": 2.5})
    assert str(error.value) == "n_h must be a whole number from 1 to 16 (got 2.5)"
    with pytest.raises(ValueError) as error:
        Config.from_dict({"table": "xand"})
    assert str(error.value) == "table must be one of XOR, XNOR, AND, OR, NAND, NOR (got 'xand')"


def test_unknown_settings_are_named():
    with pytest.raises(ValueError, match="unknown setting 'lr'"):
        Config.from_dict({"lr": 1})
    with pytest.raises(ValueError, match="config must be a dict"):
        Config.from_dict("n_h=2")


def test_config_is_checked_when_built_directly_too():
    with pytest.raises(ValueError, match=r"^n_h "):
        Config(n_h=99)
    with pytest.raises(ValueError, match=r"^seed "):
        Config().replace(seed=-5)


GOOD_PARAMS = {
    "W0": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]],
    "b0": [[0.1], [0.2], [0.3]],
    "W1": [[1.0, -1.0, 0.5]],
    "b1": [[0.0]],
}


def test_params_round_trip():
    params = params_from_dict(GOOD_PARAMS, 3)
    assert {name: value.shape for name, value in params.items()} == {
        "W0": (3, 2),
        "b0": (3, 1),
        "W1": (1, 3),
        "b1": (1, 1),
    }
    assert params_to_dict(params) == GOOD_PARAMS
    assert params_from_dict({name: np.array(value) for name, value in GOOD_PARAMS.items()}, 3)["W0"][2, 1] == 6.0
    assert params_from_dict(dict(GOOD_PARAMS, b1=[[3]]), 3)["b1"].dtype == float


@pytest.mark.parametrize(
    "change, n_h, message",
    [
        ({}, 2, r"^W0 must be 2 row\(s\) of 2 number\(s\), shape \(2, 2\) for n_h=2"),
        ({"b0": [0.1, 0.2, 0.3]}, 3, r"^b0 must be 3 row\(s\) of 1 number\(s\)"),
        ({"W1": [[1.0, -1.0]]}, 3, r"^W1 must be 1 row\(s\) of 3 number\(s\)"),
        ({"W0": [[1.0, 2.0], [3.0], [5.0, 6.0]]}, 3, r"^W0 must be .* \(row 1 is \[3.0\]\)"),
        ({"W1": [[1.0, "x", 0.5]]}, 3, r"^W1\[0,1\] must be a finite number \(got 'x'\)"),
        ({"W1": [[1.0, None, 0.5]]}, 3, r"^W1\[0,1\] must be a finite number \(got None\)"),
        ({"b1": [[True]]}, 3, r"^b1\[0,0\] must be a finite number \(got True\)"),
        ({"b1": [[float("nan")]]}, 3, r"^b1\[0,0\] must be a finite number \(got nan\)"),
        ({"b0": [[0.1], [float("inf")], [0.3]]}, 3, r"^b0\[1,0\] must be a finite number \(got inf\)"),
        ({"b1": "0"}, 3, r"^b1 must be 1 row\(s\) of 1 number\(s\)"),
        ({"extra": [[1.0]]}, 3, r"^unknown parameter 'extra'"),
    ],
)
def test_bad_params_are_refused_with_the_field_named(change, n_h, message):
    with pytest.raises(ValueError, match=message):
        params_from_dict(dict(GOOD_PARAMS, **change), n_h)


def test_missing_params_are_named():
    with pytest.raises(ValueError, match=r"^parameter b1 is missing$"):
        params_from_dict({key: value for key, value in GOOD_PARAMS.items() if key != "b1"}, 3)
    with pytest.raises(ValueError, match=r"^params must be a dict"):
        params_from_dict([1, 2], 3)


def test_a_run_round_trips_through_json_and_carries_on_identically():
    run = Run({"n_h": 3, "seed": 5, "cost": "cross_entropy", "learning_rate": 2})
    run.train(37)
    state = json.loads(json.dumps(run.to_dict(), allow_nan=False))
    assert set(state) == {"config", "params", "step"} and state["step"] == 37
    again = Run.from_dict(state)
    assert (again.step, again.history_start, again.history) == (37, 37, [run.cost])
    np.testing.assert_array_equal(again.theta, run.theta)
    run.train(20)
    again.train(20)
    assert again.history == run.history[37:]


def test_a_diverged_run_exports_and_loads_back_diverged():
    run = Run({"activation": "relu", "learning_rate": 1e200})
    run.train(3)
    assert run.status == "diverged"  # the parameters are finite (~1e197); Z overflowed
    again = Run.from_dict(json.loads(json.dumps(run.to_dict(), allow_nan=False)))
    assert (again.status, again.reason, again.step) == (run.status, run.reason, 1)


def test_non_finite_parameters_export_as_null_and_are_refused_on_load():
    run = Run()
    run.params["b0"][1, 0] = np.inf
    run.train(1)
    state = json.loads(json.dumps(run.to_dict(), allow_nan=False))
    assert state["params"]["b0"][1] == [None]
    with pytest.raises(ValueError, match=r"^b0\[1,0\] must be a finite number \(got None\)"):
        Run.from_dict(state)


@pytest.mark.parametrize(
    "state, message",
    [
        ("{}", "a saved run must be a dict"),
        ({"params": {}}, "a saved run needs config"),
        ({"config": {}}, "a saved run needs params"),
        ({"config": {}, "params": {}, "steps": 3}, "unknown key 'steps'"),
        ({"config": {"n_h": 0}, "params": {}}, "^n_h must be"),
        ({"config": {}, "params": {}}, "^parameter W0 is missing"),
        ({"config": {"n_h": 3}, "params": GOOD_PARAMS, "step": -1}, "^step must be a whole number"),
        ({"config": {"n_h": 3}, "params": GOOD_PARAMS, "step": "1.5"}, "^step must be a whole number"),
        ({"config": {"n_h": 2}, "params": GOOD_PARAMS}, r"^W0 must be 2 row\(s\)"),
    ],
)
def test_bad_saved_runs_are_refused(state, message):
    with pytest.raises(ValueError, match=message):
        Run.from_dict(state)


def test_truth_tables_for_the_notebooks_input_order():
    # Columns (0,1), (1,0), (0,0), (1,1), written out by hand.
    expected = {
        "XOR": [1, 1, 0, 0],
        "XNOR": [0, 0, 1, 1],
        "AND": [0, 0, 0, 1],
        "OR": [1, 1, 0, 1],
        "NAND": [1, 1, 1, 0],
        "NOR": [0, 0, 1, 0],
    }
    assert set(TABLE_NAMES) == set(expected)
    for name, row in expected.items():
        np.testing.assert_array_equal(truth_table(name), [row])
        np.testing.assert_array_equal(truth_table(name.lower()), [row])
    with pytest.raises(ValueError, match=r"^table must be one of"):
        truth_table("XAND")
    assert not math.isnan(truth_table()[0, 0])


@pytest.mark.parametrize("field", ["learning_rate", "n_h", "seed"])
def test_numbers_too_big_for_a_float_are_refused_readably(field):
    with pytest.raises(ValueError, match=f"^{field} must be"):
        Config.from_dict({field: 10**400})
    with pytest.raises(ValueError, match=f"^{field} must be"):
        Config.from_dict({field: "1e400"})


def test_a_parameter_too_big_for_a_float_is_refused_readably():
    with pytest.raises(ValueError, match=r"^b1\[0,0\] must be a finite number"):
        params_from_dict(dict(GOOD_PARAMS, b1=[[10**400]]), 3)


def test_set_params_edits_a_run_in_place():
    run = Run()
    run.train(10)
    state = run.to_dict()["params"]
    state["W1"][0][1] = -2.0
    run.set_params(state)
    assert run.params["W1"][0, 1] == -2.0 and run.theta[-2] == -2.0  # still the vector training updates
    assert run.step == 10 and len(run.history) == 11
    assert run.cost == Run({}, state).cost
    run.train(5)
    fresh = Run({}, state)
    fresh.train(5)
    assert run.history[-6:] == fresh.history
    with pytest.raises(ValueError, match=r"^parameter b0 is missing"):
        run.set_params({"W0": state["W0"]})
