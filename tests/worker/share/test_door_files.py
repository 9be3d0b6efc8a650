"""The worker's exports for saving, importing and lesson links (py/worker/door.py): export_file, import_run and
start_from. A bad file or params text is refused with a message and leaves the run on screen exactly as it was.

Oracles: an independent backprop.Run trained alongside, and the worker's own saved_run and params_link readers."""

import json

import numpy as np
import pytest

from backprop import Config, Run
from shared.protocol import Refused, read
from worker import door as exports
from worker.lab.session import Session
from worker.share.saved_run import run_from_json

DEFAULTS = Config().to_dict()
VIEW = json.dumps({"chart": [640, 400], "log_scale": False, "surface": True})


@pytest.fixture(autouse=True)
def session(monkeypatch):
    fresh = Session()
    monkeypatch.setattr(exports, "SESSION", fresh)
    return fresh


def snap_of(answer):
    return read(answer)[0]["snapshot"]


def refused(answer):
    """What the worker said when it refused."""
    with pytest.raises(Refused) as caught:
        read(answer)
    return str(caught.value)


def configure(**settings):
    return snap_of(exports.configure(json.dumps(dict(DEFAULTS, **settings))))


def exported(kind):
    return read(exports.export_file(kind))


def test_each_file_is_named_after_the_settings_and_holds_the_run():
    configure(n_h=3, learning_rate=0.5)
    exports.step(250)
    head, text = exported("json")
    assert head == {"name": "backprop-lab_xor_nh3_lr0.5_seed2_step250.json"}
    restored = run_from_json(text)
    assert restored.step == 250 and restored.cost == exports.SESSION.run.cost
    head, text = exported("py")
    assert head["name"].endswith("_step250.py") and compile(text, head["name"], "exec")
    head, text = exported("ipynb")
    assert head["name"].endswith("_step250.ipynb") and json.loads(text)["nbformat"] == 4
    assert exported("png") == ({"name": "backprop-lab_xor_nh3_lr0.5_seed2_step250.png"}, None)


def test_an_unknown_kind_is_refused_and_params_give_a_links_text():
    configure()
    assert "exe" in refused(exports.export_file("exe"))
    head, text = exported("params")
    assert head == {"name": ""} and len(text.split("_")) == 9


def test_import_restores_step_cost_history_and_settings():
    configure(n_h=4, activation="relu", learning_rate=0.46, seed=7, table="AND")
    exports.step(300)
    saved_cost, saved_history = exports.SESSION.run.cost, list(exports.SESSION.run.history)
    _, text = exported("json")
    exports.configure(json.dumps(DEFAULTS))  # another network on screen
    run_id = exports.SESSION.run_id
    data, _ = read(exports.import_run(text, VIEW))
    snap = data["snapshot"]
    assert snap["step"] == 300 and snap["cost"] == saved_cost and data["learning_rate_text"] == "0.46"
    assert snap["config"] == dict(DEFAULTS, n_h=4, activation="relu", learning_rate=0.46, seed=7, table="AND")
    assert snap["run_id"] == run_id + 1 and "chart" in snap
    assert exports.SESSION.run.history == saved_history
    # it goes on training exactly as the saved run would have
    reference = Run(Config(n_h=4, activation="relu", learning_rate=0.46, seed=7, table="AND"))
    reference.train(400)
    exports.step(100)
    assert exports.SESSION.run.cost == reference.cost


@pytest.mark.parametrize(
    "text, words",
    [
        ("not json at all", "not JSON"),
        ('{"format": "backprop-lab-run", "version": 99}', "version 99"),
        ("[1, 2, 3]", "a list"),
        ("x" * 3_000_000, "too large"),
        ("[" * 100_000, "nest"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_the_run_is_unchanged(text, words):
    configure()
    exports.step(42)
    before = snap_of(exports.snapshot())
    assert words in refused(exports.import_run(text, VIEW))
    assert snap_of(exports.snapshot()) == before


def test_a_file_with_wrong_shapes_nan_huge_numbers_or_extra_keys_is_refused():
    configure()
    exports.step(10)
    _, text = exported("json")
    data = json.loads(text)
    before = snap_of(exports.snapshot())
    cases = [
        (dict(data, extra=1), "extra"),
        (dict(data, params=dict(data["params"], W0=[[1.0]])), "W0"),
        (dict(data, params=dict(data["params"], b1=[[1e300]])), "too large"),
    ]
    for bad, words in cases:
        assert words in refused(exports.import_run(json.dumps(bad), VIEW))
    nan_text = text.replace(str(data["params"]["b1"][0][0]), "NaN", 1)
    assert refused(exports.import_run(nan_text, VIEW))
    assert snap_of(exports.snapshot()) == before


def test_start_from_params_is_step_0_of_a_new_network_and_reset_returns_to_them():
    configure()
    exports.step(5)
    text = "_".join(["0.5", "-0.25", "0.125", "1.5", "0.1", "-0.1", "2", "-2", "0.3"])
    snap = snap_of(exports.start_from(text, VIEW))
    assert snap["step"] == 0 and snap["params"]["W0"] == [0.5, -0.25, 0.125, 1.5]
    reference = Run(
        Config(), params={"W0": [[0.5, -0.25], [0.125, 1.5]], "b0": [[0.1], [-0.1]], "W1": [[2.0, -2.0]], "b1": [[0.3]]}
    )
    assert snap["cost"] == reference.cost
    exports.step(20)
    assert snap_of(exports.reset())["params"]["W0"] == [0.5, -0.25, 0.125, 1.5]
    exports.configure(json.dumps(dict(DEFAULTS, learning_rate=1.0)))  # the rate alone: still these parameters
    assert snap_of(exports.reset())["params"]["W0"] == [0.5, -0.25, 0.125, 1.5]
    exports.configure(json.dumps(dict(DEFAULTS, seed=3)))  # a new network: the seed's parameters
    assert snap_of(exports.snapshot())["cost"] == Run(Config(seed=3)).cost


def test_bad_params_are_refused_and_the_run_is_unchanged():
    configure()
    exports.step(3)
    before = snap_of(exports.snapshot())
    for text, words in (
        ("1_2_3", "needs 9"),
        ("a_b_c_d_e_f_g_h_i", "not a number"),
        ("1e9_" + "0_" * 7 + "0", "large"),
    ):
        assert words in refused(exports.start_from(text, VIEW))
    assert snap_of(exports.snapshot()) == before
    assert np.isfinite(before["cost"])


def test_a_diverged_run_exports_but_its_parameters_cannot_go_in_a_link():
    configure(learning_rate=1000.0)
    exports.step(200)
    assert exports.SESSION.run.status == "diverged"
    head, text = exported("json")
    assert head["name"].endswith(".json") and json.loads(text)["format"] == "backprop-lab-run"
    answer = exports.export_file("params")
    if "error" in json.loads(answer[0]):
        assert "link" in refused(answer)
    else:
        assert read(answer)[0] == {"name": ""}
