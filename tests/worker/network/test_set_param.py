"""A weight or bias set by hand (worker/network/edit.py, Session.set_param, the door's set_param).

Oracles: J of the edited parameters computed here by hand in NumPy (the notebook's forward pass written out), the
seed's initial parameters (backprop.init_params), a Run started apart from the edited parameters, and the run's
state before a refused edit.
"""

import json

import numpy as np
import pytest

from backprop import PARAM_NAMES, Run, init_params
from shared import protocol
from worker import door as exports
from worker.lab.session import Session

SURFACE = json.dumps({"chart": None, "log_scale": False, "surface": True, "units": True, "chain": "W0[1,0]"})


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    session = Session()
    monkeypatch.setattr(exports, "SESSION", session)
    return session


def J_by_hand(params, table=(1.0, 1.0, 0.0, 0.0)):
    """Half-MSE of a tanh network on the four examples, written out."""
    X = np.array([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]])
    A1 = np.tanh(np.dot(params["W0"], X) + params["b0"])
    A2 = 1 / (1 + np.exp(-(np.dot(params["W1"], A1) + params["b1"])))
    return 0.5 * np.mean((A2 - np.array(table)) ** 2)


def state(session):
    run = session.run
    return (run.theta.tobytes(), run.step, run.cost, list(run.history), session.version, run.status)


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("W0[0,0]", "abc", "W0[0,0] is not a number (got 'abc')"),
        ("W0[0,0]", "", "W0[0,0] is not a number (got '')"),
        ("b0[1]", "nan", "b0[1] must be a finite number (got 'nan')"),
        ("W1[0,1]", "inf", "W1[0,1] must be a finite number (got 'inf')"),
        ("b1", "-Infinity", "b1 must be a finite number (got '-Infinity')"),
        ("b1", "1e7", "b1 must be at most 1e+06 in size (got '1e7')"),
        ("W0[1,1]", "-1000000.5", "W0[1,1] must be at most 1e+06 in size (got '-1000000.5')"),
        (
            "W0[5,0]",
            "1",
            "'W0[5,0]' is not a parameter of this network: with 2 hidden units the parameters are W0[i,k], b0[i] "
            "and W1[0,i] for i from 0 to 1 and k 0 or 1, and b1",
        ),
    ],
)
def test_a_refused_value_gives_a_message_and_leaves_the_run_unchanged(fresh_session, name, text, message):
    exports.configure("{}")
    exports.step(7)
    before = state(fresh_session)
    head, body = exports.set_param(name, text, SURFACE)
    assert json.loads(head) == {"error": {"kind": "refused", "message": message}} and body is None
    assert state(fresh_session) == before


def test_a_good_value_gives_the_cost_of_the_edited_parameters(fresh_session):
    exports.configure("{}")
    exports.step(25)
    edited = {name: fresh_session.run.params[name].copy() for name in PARAM_NAMES}
    edited["W0"][1, 0] = -1.25
    version = fresh_session.version
    data, body = protocol.read(exports.set_param("W0[1,0]", " -1.25 ", SURFACE), protocol.Fatal)
    snap = data["snapshot"]
    assert snap["cost"] == pytest.approx(J_by_hand(edited), rel=1e-14)
    assert snap["step"] == 25 and snap["params_text"]["W0"][2] == "-1.25"
    assert snap["version"] == version + 1 == fresh_session.version
    assert snap["chain"]["value"] == "-1.25" and len(body) == 64 * 64 * 4 + 3 * 32 * 32 * 4
    assert fresh_session.run.history[-1] == snap["cost"]


@pytest.mark.parametrize("name, text, value", [("b1", "1e6", 1e6), ("b1[0]", "-1000000", -1e6), ("b0[0]", "0", 0.0)])
def test_values_up_to_the_bound_are_taken(fresh_session, name, text, value):
    exports.configure("{}")
    protocol.read(exports.set_param(name, text, None), protocol.Fatal)
    param, row = name[:2], int(name[3]) if "[" in name else 0
    assert fresh_session.run.params[param][row, 0] == value


def test_training_goes_on_from_the_edited_parameters(fresh_session):
    exports.configure(json.dumps({"batch": "shuffled", "seed": 4}))
    exports.step(9)
    exports.set_param("W1[0,0]", "0.75", None)
    apart = Run({"batch": "shuffled", "seed": 4}, params=fresh_session.run.params, step=9)
    exports.step(40)
    apart.train(40)
    assert fresh_session.run.theta.tobytes() == apart.theta.tobytes() and fresh_session.run.step == 49


def test_reset_goes_back_to_the_seeds_parameters_even_after_a_lesson_link(fresh_session):
    exports.configure(json.dumps({"n_h": 3}))
    lesson = "0.5_-0.25_0.125_1.5_0.5_0.25_0.1_-0.1_2_-2_1_0.3_0.2"
    protocol.read(exports.start_from(lesson, None), protocol.Fatal)
    exports.step(5)
    exports.reset()
    assert fresh_session.run.params["W0"][0].tolist() == [0.5, -0.25]  # Reset: the lesson's parameters ...
    exports.set_param("b1", "0.4", None)
    exports.reset()  # ... until a weight is set by hand
    seed = init_params(3, 2)
    for name in PARAM_NAMES:
        assert fresh_session.run.params[name].tolist() == seed[name].tolist(), name
    assert fresh_session.run.step == 0


def test_the_landscapes_point_is_the_edited_network(fresh_session):
    exports.configure("{}")
    exports.step(3)
    exports.set_param("W1[0,1]", "2.5", None)
    steps, thetas = fresh_session.trajectory()
    assert steps[-1] == 3 and thetas[-1].tolist() == fresh_session.run.theta.tolist()
    assert 2.5 in thetas[-1].tolist()


def test_a_diverged_network_goes_on_from_a_weight_set_by_hand(fresh_session):
    exports.configure(json.dumps({"learning_rate": 1e6}))
    exports.step(30)
    assert fresh_session.run.status == "diverged" and fresh_session.run.step == 20  # the cost rose and stayed
    data, _ = protocol.read(exports.set_param("b1", "0.1", None), protocol.Fatal)
    assert data["snapshot"]["status"] == "ready" and data["snapshot"]["reason"] is None
    assert data["snapshot"]["step"] == 20


def test_a_parameter_that_is_not_finite_elsewhere_is_named(fresh_session):
    exports.configure("{}")
    fresh_session.run.theta[0] = np.nan  # W0[0,0], as a network that diverged to NaN holds it
    before = state(fresh_session)
    head, _ = exports.set_param("b1", "0.5", None)
    assert json.loads(head)["error"] == {"kind": "refused", "message": "W0[0,0] must be a finite number (got nan)"}
    assert state(fresh_session)[:2] == before[:2]
