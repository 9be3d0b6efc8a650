"""A step in slow motion as the worker writes it (worker/network/stages.py, the door's stages()).

Oracles: the model's own numbers (Run.stages(), a Run trained apart), the snapshot that Step answers afterwards
(the end state must be Step's), and the seed notebook's printed numbers for the default network.
"""

import json

import numpy as np
import pytest

from backprop import PARAM_NAMES, Run
from shared import protocol
from worker import door as exports
from worker.lab.session import Session

# The seed notebook's printed numbers (shared/seed/ann_xor_notebook.txt, cells 4-13), as tests/model/ reads them.
Z1_00 = 0.09437331727736706
A2_NB = [[0.51534589, 0.52474844, 0.51842557, 0.52156619]]
J_NB = 0.12519375208599626


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    session = Session()
    monkeypatch.setattr(exports, "SESSION", session)
    return session


def stages():
    data, body = protocol.read(exports.stages(), protocol.Fatal)
    assert body is None and set(data) == {"stages"}
    return data["stages"]


def numbers(rows):
    return np.array([[float(text) for text in row] for row in rows])


def test_the_notebooks_network_at_step_0_in_texts():
    exports.configure("{}")
    shown = stages()
    assert shown["forward"]["Z1"][0][0] == "0.09437331727736706" == repr(Z1_00)
    np.testing.assert_array_equal(np.round(numbers(shown["forward"]["A2"]), 8), A2_NB)
    assert float(shown["cost"]["J"]) == pytest.approx(J_NB, rel=1e-15)
    assert shown["learning_rate"] == "10.0" and shown["A0"] == [
        ["0.0", "1.0", "0.0", "1.0"],
        ["1.0", "0.0", "0.0", "1.0"],
    ]
    assert shown["Y"] == [["1.0", "1.0", "0.0", "0.0"]]
    assert {key: shown[key] for key in ("step", "examples", "batch", "m", "n_h", "activation")} == {
        "step": 0,
        "examples": [0, 1, 2, 3],
        "batch": "full",
        "m": 4,
        "n_h": 2,
        "activation": "tanh",
    }
    assert (shown["cost_function"], shown["notebook_mode"], shown["slip"]) == ("half_mse", False, [])


@pytest.mark.parametrize(
    "settings",
    [{}, {"n_h": 3, "activation": "relu", "cost": "cross_entropy", "learning_rate": 1}, {"batch": "shuffled"}],
    ids=str,
)
def test_every_number_is_the_models_as_cpython_writes_it(fresh_session, settings):
    exports.configure(json.dumps(settings))
    exports.step(9)
    shown, model = stages(), fresh_session.run.stages()
    for part in ("forward", "backward"):
        assert set(shown[part]) == set(model[part])
        for name, value in model[part].items():
            assert shown[part][name] == [[repr(x) for x in row] for row in value.tolist()], name
    for name in PARAM_NAMES:
        for what in ("before", "change", "after"):
            want = [[repr(x) for x in row] for row in model["update"][name][what].tolist()]
            assert shown["update"][name][what] == want
    assert shown["cost"]["J"] == repr(fresh_session.run.cost)
    assert shown["cost"]["error"] == [[repr(x) for x in (fresh_session.run.A2 - fresh_session.run.Y)[0].tolist()]]
    assert shown["examples"] == fresh_session.run.next_examples() and shown["step"] == 9
    assert list(shown["backward"]) == ["dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"]


def test_the_end_state_is_steps_to_the_last_digit(fresh_session):
    exports.configure(json.dumps({"batch": "one", "n_h": 3}))
    for _ in range(6):
        version, step = fresh_session.version, fresh_session.run.step
        shown = stages()
        assert (fresh_session.version, fresh_session.run.step) == (version, step)  # stages() changes nothing
        data, _ = protocol.read(exports.step(1), protocol.Fatal)
        snap = data["snapshot"]
        assert snap["step"] == step + 1
        assert repr(snap["cost"]) == shown["after"]["J"]
        for name in PARAM_NAMES:
            after = [text for row in shown["update"][name]["after"] for text in row]
            assert snap["params_text"][name] == after


def test_a_run_trained_apart_gives_the_same_texts():
    exports.configure(json.dumps({"batch": "shuffled", "seed": 7}))
    exports.step(5)
    apart = Run({"batch": "shuffled", "seed": 7})
    apart.train(5)
    assert stages()["after"]["J"] == repr(apart.stages()["after"]["J"])


def test_notebook_mode_names_the_slip():
    exports.configure(json.dumps({"notebook_mode": True}))
    shown = stages()
    assert shown["slip"] == ["dZ1", "dW0", "db0"] and shown["notebook_mode"] is True
    assert numbers(shown["backward"]["db0"]).round(5).tolist() == [[-0.00089], [-0.00058]]  # the notebook's cell 31


def test_a_diverged_network_writes_what_repr_writes(fresh_session):
    exports.configure(json.dumps({"learning_rate": 1e300}))
    exports.step(3)
    fresh_session.run.theta[0] = np.inf
    shown = stages()
    assert shown["update"]["W0"]["before"][0][0] == "inf"
    assert shown["cost"]["J"] == repr(fresh_session.run.cost)  # 'nan' or 'inf' as repr writes it
    json.loads(exports.stages()[0], parse_constant=lambda constant: pytest.fail(constant))  # strict JSON all the same
