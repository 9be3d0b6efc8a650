"""A parameter's chain rule as the worker writes it (worker/network/chain.py, the door's view "chain").

Oracles: the model's gradient (Run.stages()'s backward, what the next step uses), each term's factors read from
the model's forward pass and written out here, the sum redone here from the products' texts, and the formulas as
the issue's contract spells them.
"""

import json

import numpy as np
import pytest

from backprop import A0, Run
from shared import protocol
from worker import door as exports
from worker.lab.session import Session


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    session = Session()
    monkeypatch.setattr(exports, "SESSION", session)
    return session


def chain_of(name, call=exports.snapshot, *args):
    view = json.dumps({"chart": None, "log_scale": False, "surface": False, "chain": name})
    data, _ = protocol.read(call(*args, view), protocol.Fatal)
    return data["snapshot"]


def test_dW1_0_1_term_by_term(fresh_session):
    exports.configure("{}")
    exports.step(12)
    snap = chain_of("W1[0,1]")
    chain, run = snap["chain"], fresh_session.run
    stages = run.stages()
    assert chain["name"] == "W1[0,1]" and (chain["param"], chain["row"], chain["col"]) == ("W1", 0, 1)
    assert chain["value"] == repr(float(run.params["W1"][0, 1])) == snap["params_text"]["W1"][1]
    assert chain["gradient"] == repr(float(stages["backward"]["dW1"][0, 1]))
    assert chain["step"] == 12 == snap["step"] and chain["examples"] == [0, 1, 2, 3]
    assert chain["formula"] == "dW1[0,1] = Σⱼ dZ2[0,j] · A1[1,j]"
    assert chain["definitions"][0] == "dZ2[0,j] = (A2[0,j] − Y[0,j]) / m · A2[0,j] · (1 − A2[0,j])"
    assert chain["factors"] == ["dZ2[0,j]", "A1[1,j]"]
    A2, A1, Y = run.A2[0], stages["forward"]["A1"][1], run.Y[0]
    total = 0.0
    for j, term in enumerate(chain["terms"]):
        dZ2 = (A2[j] - Y[j]) / 4 * A2[j] * (1 - A2[j])
        assert term["example"] == j
        assert term["factors"] == [repr(float(dZ2)), repr(float(A1[j]))]
        assert term["product"] == repr(float(dZ2 * A1[j]))
        total += float(term["product"])
    assert chain["sum"] == repr(total)
    assert float(chain["sum"]) == pytest.approx(float(chain["gradient"]), rel=1e-13, abs=1e-18)
    assert chain["slip"] is False


def test_the_other_parameters_formulas_and_factors():
    exports.configure(json.dumps({"n_h": 3}))
    chain = chain_of("W0[2,1]")["chain"]
    assert chain["formula"] == "dW0[2,1] = Σⱼ W1[0,2] · dZ2[0,j] · g′(Z1[2,j]) · A0[1,j]"
    assert chain["factors"] == ["W1[0,2]", "dZ2[0,j]", "g′(Z1[2,j])", "A0[1,j]"]
    assert chain["definitions"][-1] == "g′(Z1[2,j]) = 1 − A1[2,j]²"
    assert [term["factors"][3] for term in chain["terms"]] == [repr(x) for x in A0[1].tolist()]
    b0 = chain_of("b0[1]")["chain"]
    assert b0["formula"] == "db0[1] = Σⱼ W1[0,1] · dZ2[0,j] · g′(Z1[1,j])" and len(b0["terms"][0]["factors"]) == 3
    b1 = chain_of("b1")["chain"]
    assert b1["formula"] == "db1 = Σⱼ dZ2[0,j]" and b1["name"] == "b1" and b1["factors"] == ["dZ2[0,j]"]
    assert chain_of("b1[0]")["chain"]["name"] == "b1"  # the worker also reads b1[0]


@pytest.mark.parametrize(
    "settings, line",
    [
        ({"cost": "cross_entropy"}, "dZ2[0,j] = (A2[0,j] − Y[0,j]) / m"),
        ({"activation": "sigmoid"}, "g′(Z1[0,j]) = A1[0,j] · (1 − A1[0,j])"),
        ({"activation": "relu"}, "g′(Z1[0,j]) = 1 if Z1[0,j] > 0, else 0"),
        ({"notebook_mode": True}, "g′(A1[0,j]) = 1 − tanh(A1[0,j])² (the notebook's slip"),
    ],
    ids=str,
)
def test_the_definitions_follow_the_settings(settings, line):
    exports.configure(json.dumps(settings))
    definitions = chain_of("W0[0,0]")["chain"]["definitions"]
    assert any(text.startswith(line) for text in definitions), definitions


def test_notebook_mode_marks_what_goes_through_the_slip():
    exports.configure(json.dumps({"notebook_mode": True}))
    assert chain_of("W0[0,1]")["chain"]["slip"] is True and chain_of("b0[0]")["chain"]["slip"] is True
    assert chain_of("W1[0,0]")["chain"]["slip"] is False and chain_of("b1")["chain"]["slip"] is False
    assert chain_of("W0[0,1]")["chain"]["factors"][2] == "g′(A1[0,j])"


def test_one_example_per_step_sums_over_the_steps_example(fresh_session):
    exports.configure(json.dumps({"batch": "one"}))
    exports.step(6)
    chain = chain_of("W0[1,0]")["chain"]
    assert chain["examples"] == [2] and [term["example"] for term in chain["terms"]] == [2]
    assert "m = 1: the examples this step's gradient sums over" in chain["definitions"]
    assert chain["sum"] == chain["terms"][0]["product"] == chain["gradient"]
    assert chain["gradient"] == repr(float(fresh_session.run.stages()["backward"]["dW0"][1, 0]))


def test_a_name_this_network_lacks_gives_null():
    exports.configure("{}")
    for name in ("W0[5,0]", "W1[0,2]", "W2[0,0]", "b0[2]"):
        assert chain_of(name)["chain"] is None


def test_it_follows_training_and_every_call_that_shows_the_network(fresh_session):
    exports.configure("{}")
    first = chain_of("W1[0,0]", exports.step, 1)["chain"]
    second = chain_of("W1[0,0]", exports.train_for, 30, 50)["chain"]
    assert first["step"] == 1 and second["step"] == fresh_session.run.step > 1
    assert second["gradient"] != first["gradient"]
    run = Run()
    run.train(fresh_session.run.step)
    assert second["gradient"] == repr(float(run.stages()["backward"]["dW1"][0, 0]))
    assert "chain" not in chain_of(None)


def test_terms_sum_to_the_gradient_for_sixteen_units(fresh_session):
    exports.configure(json.dumps({"n_h": 16, "seed": 5}))
    exports.step(20)
    back = fresh_session.run.stages()["backward"]
    for name, value in (
        ("W0[15,1]", back["dW0"][15, 1]),
        ("W1[0,15]", back["dW1"][0, 15]),
        ("b0[9]", back["db0"][9, 0]),
    ):
        chain = chain_of(name)["chain"]
        scale = sum(abs(float(term["product"])) for term in chain["terms"])
        assert abs(float(chain["sum"]) - value) <= 4 * np.spacing(scale), name


def test_relu_in_notebook_mode_takes_the_derivative_at_A1_with_the_same_numbers():
    exports.configure(json.dumps({"notebook_mode": True, "activation": "relu"}))
    chain = chain_of("W0[1,0]")["chain"]
    assert chain["slip"] is False and chain["factors"][2] == "g′(A1[1,j])"
    assert chain["definitions"][-1].startswith("g′(A1[1,j]) = 1 if A1[1,j] > 0, else 0 (the notebook's derivative")
