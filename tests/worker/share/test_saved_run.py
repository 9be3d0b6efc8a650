"""Saving a run as JSON and reading it back (worker/share/saved_run.py).

Oracles: backprop.Run trained independently (its config, parameters, step and history), the JSON standard as
Python's json module reads it strictly, and messages checked for the words that name the problem.
"""

import json
import math

import numpy as np
import pytest

from backprop import PARAM_NAMES, Run
from worker.lab import session
from worker.share.saved_run import FORMAT, HISTORY_LIMIT, VERSION, run_from_json, run_to_json


def trained(steps=37, **settings):
    run = Run(settings, history_limit=HISTORY_LIMIT)
    run.train(steps)
    return run


def strict_json(text):
    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def assert_same_run(restored, run):
    assert restored.config == run.config
    for name in PARAM_NAMES:
        assert restored.params[name].tobytes() == run.params[name].tobytes(), name  # bit for bit, -0.0 too
    assert restored.step == run.step
    assert restored.cost == run.cost
    assert restored.history == run.history
    assert (restored.history_start, restored.history_stride, restored.history_limit) == (
        run.history_start,
        run.history_stride,
        run.history_limit,
    )


SETTINGS = [
    {},
    {"activation": "sigmoid"},
    {"activation": "relu"},
    {"cost": "cross_entropy"},
    {"activation": "relu", "cost": "cross_entropy", "n_h": 5, "learning_rate": 1},
    {"notebook_mode": True},
    {"notebook_mode": True, "activation": "sigmoid", "cost": "cross_entropy"},
    {"n_h": 1, "seed": 0},
    {"n_h": 16, "seed": 4294967295, "learning_rate": 0.5},
    {"batch": "one"},
    {"batch": "shuffled", "seed": 9, "notebook_mode": True},
] + [{"table": table} for table in ("XOR", "XNOR", "AND", "OR", "NAND", "NOR")]


def test_history_limit_is_the_sessions():
    assert HISTORY_LIMIT == session.HISTORY_LIMIT


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()) or "defaults")
def test_round_trip_restores_everything(settings):
    run = trained(**settings)
    assert_same_run(run_from_json(run_to_json(run)), run)


def test_file_holds_the_documented_keys_pretty_printed():
    run = trained(1000)
    text = run_to_json(run)
    data = strict_json(text)
    assert list(data) == ["format", "version", "config", "params", "step", "cost", "history"]
    assert (data["format"], data["version"]) == (FORMAT, VERSION) == ("backprop-lab-run", 1)
    assert data["config"] == run.config.to_dict()
    assert data["params"]["W0"] == run.params["W0"].tolist()
    assert data["step"] == 1000 and data["cost"] == run.cost
    assert data["history"] == {"start": 0, "stride": 1, "costs": run.history}
    assert data["history"]["costs"][0] == 0.12519375208599626  # the seed notebook's first J
    lines = text.splitlines()
    assert lines[0] == "{" and lines[1] == '  "format": "backprop-lab-run",' and text.endswith("}\n")
    assert max(len(line) for line in lines) < 150


def test_step_zero_and_a_fresh_run():
    run = Run(history_limit=HISTORY_LIMIT)
    assert_same_run(run_from_json(run_to_json(run)), run)


def test_long_run_whose_history_was_thinned_goes_on_training_the_same():
    run = trained(5001)
    assert run.history_stride > 1
    restored = run_from_json(run_to_json(run))
    assert_same_run(restored, run)
    run.train(3000)
    restored.train(3000)
    assert_same_run(restored, run)


def test_run_restored_after_a_learning_rate_change_and_from_a_later_start():
    run = Run({"learning_rate": 3}, params=Run().params, step=250, history_limit=HISTORY_LIMIT)
    run.train(10)
    run.set_learning_rate(0.25)
    run.train(5)
    restored = run_from_json(run_to_json(run))
    assert_same_run(restored, run)
    assert restored.history_start == 250


def test_diverged_run_with_finite_parameters_round_trips():
    run = trained(50, learning_rate=1000)
    assert run.status == "diverged"
    restored = run_from_json(run_to_json(run))
    assert_same_run(restored, run)


def test_diverged_run_exports_as_strict_json_and_import_says_it_diverged():
    run = trained(5, learning_rate=1e308, activation="relu", cost="cross_entropy")
    assert run.status == "diverged" and math.isnan(run.cost)
    data = strict_json(run_to_json(run))
    assert data["cost"] is None and data["history"]["costs"][-1] is None
    with pytest.raises(ValueError, match="too large"):
        run_from_json(run_to_json(run))

    run = trained(5)
    run.params["W1"][0, 1] = np.nan  # parameters that stopped being numbers
    data = strict_json(run_to_json(run))
    assert data["params"]["W1"][0][1] is None
    with pytest.raises(ValueError) as err:
        run_from_json(run_to_json(run))
    assert "W1[0,1]" in str(err.value) and "diverged" in str(err.value)


def good():
    return strict_json(run_to_json(trained(30)))


def edited(change):
    data = good()
    change(data)
    return json.dumps(data)


def set_in(path, value):
    def change(data):
        *keys, last = path
        for key in keys:
            data = data[key]
        data[last] = value

    return change


def drop(path):
    def change(data):
        *keys, last = path
        for key in keys:
            data = data[key]
        del data[last]

    return change


BAD = {
    "not JSON": ('{"format": "backprop-lab-run",\n  "version" 1}', ["not JSON", "line 2", "column"]),
    "empty": ("  \n", ["empty"]),
    "a list": ("[1, 2, 3]", ["list", "not a saved run"]),
    "a number": ("12", ["number", "not a saved run"]),
    "another format": (edited(set_in(["format"], "something-else")), ["not a Backprop Lab run", "something-else"]),
    "no format": (edited(drop(["format"])), ["not a Backprop Lab run", "no format"]),
    "a newer version": (edited(set_in(["version"], 2)), ["version 2", "reads version 1", "newer"]),
    "version as text": (edited(set_in(["version"], "1")), ["version '1'"]),
    "version true": (edited(set_in(["version"], True)), ["version True"]),
    "an extra key": (edited(set_in(["comment"], "hi")), ["Unknown key 'comment'"]),
    "a missing key": (edited(drop(["history"])), ["no 'history'"]),
    "an extra history key": (edited(set_in(["history", "end"], 3)), ["Unknown key 'end'", "history"]),
    "settings not an object": (edited(set_in(["config"], [2])), ["settings", "object"]),
    "a missing setting": (edited(drop(["config", "seed"])), ["settings", "no seed"]),
    "an unknown setting": (edited(set_in(["config", "speed"], 10)), ["unknown setting 'speed'"]),
    "n_h out of range": (edited(set_in(["config", "n_h"], 99)), ["n_h must be a whole number from 1 to 16"]),
    "an unknown activation": (edited(set_in(["config", "activation"], "softmax")), ["activation must be one of"]),
    "learning rate 0": (edited(set_in(["config", "learning_rate"], 0)), ["learning_rate", "greater than 0"]),
    "shapes for another n_h": (edited(set_in(["config", "n_h"], 3)), ["W0 must be 3 row(s)", "n_h=3"]),
    "a short row": (edited(set_in(["params", "W0", 1], [0.5])), ["W0 must be 2 row(s) of 2", "row 1"]),
    "a missing parameter": (edited(drop(["params", "b1"])), ["parameter b1 is missing"]),
    "an extra parameter": (edited(set_in(["params", "W2"], [[1]])), ["unknown parameter 'W2'"]),
    "a parameter as text": (edited(set_in(["params", "W1", 0, 1], "0.5")), ["W1[0,1] must be a finite number"]),
    "NaN": (
        '{"format": "backprop-lab-run", "version": 1, "config": {"n_h": 1, "activation": "tanh", '
        '"cost": "half_mse", "learning_rate": 10, "seed": 2, "table": "XOR", "notebook_mode": false}, '
        '"params": {"W0": [[NaN, 0]], "b0": [[0]], "W1": [[0]], "b1": [[0]]}, "step": 0, "cost": 0.1, '
        '"history": {"start": 0, "stride": 1, "costs": [0.1]}}',
        ["W0[0,0] must be a finite number", "nan"],
    ),
    "Infinity": (edited(set_in(["params", "b0", 1, 0], math.inf)), ["b0[1,0] must be a finite number", "inf"]),
    "a number too large for a float": (
        edited(set_in(["params", "W0", 0, 0], 10**400)),
        ["W0[0,0] must be a finite number"],
    ),
    "a huge parameter": (edited(set_in(["params", "W0", 0, 1], -3e7)), ["W0[0,1] is -3e+07", "too large", "1e+06"]),
    "a null parameter": (edited(set_in(["params", "b1", 0, 0], None)), ["b1[0,0]", "null", "diverged"]),
    "a negative step": (edited(set_in(["step"], -1)), ["step", "whole number"]),
    "a fractional step": (edited(set_in(["step"], 2.5)), ["step", "whole number"]),
    "a cost as text": (edited(set_in(["cost"], "low")), ["cost must be a number"]),
    "history longer than the step": (edited(set_in(["step"], 20)), ["does not fit the step", "reach step 30"]),
    "history shorter than the step": (edited(set_in(["step"], 40)), ["does not fit the step", "end at step 30"]),
    "history start after the step": (edited(set_in(["history", "start"], 31)), ["history start", "0 to 30"]),
    "history stride 3": (edited(set_in(["history", "stride"], 3)), ["stride is 3", "1, 2, 4, 8"]),
    "history stride 0": (edited(set_in(["history", "stride"], 0)), ["history stride", "whole number"]),
    "history costs not a list": (edited(set_in(["history", "costs"], {"0": 1})), ["costs must be a list"]),
    "history without costs": (edited(set_in(["history", "costs"], [])), ["costs must be a list of at least one"]),
    "a NaN cost in the history": (edited(set_in(["history", "costs", 3], math.nan)), ["cost number 3", "NaN"]),
    "a negative cost": (edited(set_in(["history", "costs", 0], -1)), ["cost number 0", "0 or more", "-1"]),
    "a cost as text in the history": (edited(set_in(["history", "costs", 2], "x")), ["cost number 2", '"x"']),
    "too long a history": (
        edited(set_in(["history"], {"start": 0, "stride": 1, "costs": [0.1] * 2001})),
        ["2001 costs", "at most 2000"],
    ),
    "10 MB of junk": ("x" * 10_000_000, ["10.0 MB", "too large", "at most 2.0 MB"]),
    "10 MB of junk as bytes": (b"\x00\xff" * 5_000_000, ["10.0 MB", "too large"]),
    "bytes that are not UTF-8": (b'{"format": "\xff"}', ["not text", "UTF-8"]),
    "deep nesting": ("[" * 200_000, ["nest more than 20 deep"]),
    "deep nesting, closed": ('{"a": ' * 10_000 + "1" + "}" * 10_000, ["nest more than 20 deep"]),
    "deep nesting in a list of lists": ("[[" + "[1], " * 1000 + "[" * 5000, ["nest more than 20 deep"]),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_file_gets_a_message_naming_what_is_wrong(case):
    text, words = BAD[case]
    with pytest.raises(ValueError) as err:
        run_from_json(text)
    message = str(err.value)
    for word in words:
        assert word in message, (case, message)
    assert len(message) <= 300


def test_a_long_value_is_cut_short_in_the_message():
    with pytest.raises(ValueError) as err:
        run_from_json(edited(set_in(["params", "W0"], [[0.5] * 10_000])))
    assert "W0 must be 2 row(s)" in str(err.value) and str(err.value).endswith("…")


def test_brackets_inside_strings_do_not_count_as_nesting():
    with pytest.raises(ValueError, match="format is '"):
        run_from_json(json.dumps({"format": "[" * 1000 + '\\"{' * 100}))
    with pytest.raises(ValueError, match="not JSON: Expecting ',' delimiter at line 1"):
        run_from_json('{"format": [[1]] "x"')  # an unclosed, shallow file gets JSON's own message


def test_byte_order_mark_and_bytes_are_read():
    run = trained(12)
    text = run_to_json(run)
    assert_same_run(run_from_json("\ufeff" + text), run)
    assert_same_run(run_from_json(text.encode("utf-8")), run)


def test_settings_spelled_as_a_link_spells_them_are_accepted():
    data = good()
    data["config"].update(n_h="2", notebook_mode="false", table="xor")
    assert run_from_json(json.dumps(data)).config == trained(30).config


@pytest.mark.parametrize("batch", ["one", "shuffled"])
def test_one_example_per_step_goes_on_training_the_same_after_a_round_trip(batch):
    run = trained(41, batch=batch, seed=3, learning_rate=2)
    restored = run_from_json(run_to_json(run))
    assert strict_json(run_to_json(run))["config"]["batch"] == batch
    run.train(23)
    restored.train(23)
    assert_same_run(restored, run)


def test_a_run_saved_before_batch_existed_trained_the_full_batch():
    data = strict_json(run_to_json(trained(12)))
    del data["config"]["batch"]
    restored = run_from_json(json.dumps(data))
    assert restored.config.batch == "full"
    assert_same_run(restored, trained(12))
