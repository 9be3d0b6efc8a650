"""The predict-then-see questions (checker/questions.py, the exercise worker's questions export): every answer and
the numbers in its explanation against an independent computation here (the notebook's formulas written out with
NumPy, and a finite difference for the slope), on several networks.

Oracles: hand-written forward and backward passes of the notebook (cells 4-13 and 18-31), finite differences."""

import json

import numpy as np
import pytest

from app.exercises import path
from checker import door, questions
from shared.protocol import Refused, read


def network_json(n_h=2, seed=2):
    """A fresh network as the page describes it: the notebook's initialisation (cell 3) written out here."""
    rng = np.random.RandomState(seed)
    params = {"W0": rng.randn(n_h, 2) * 0.1, "b0": np.full((n_h, 1), 0.1), "W1": rng.randn(1, n_h) * 0.1,
              "b1": np.full((1, 1), 0.1)}  # fmt: skip
    flat = {name: [repr(x) for x in value.ravel().tolist()] for name, value in params.items()}
    return json.dumps({"n_h": n_h, "table": "XOR", "seed": seed, "step": 0, "params": flat})


def by_hand(screen):
    """A0, Y, the parameters and every value of the notebook's passes, written out here."""
    net = json.loads(screen)
    n_h = net["n_h"]
    shapes = {"W0": (n_h, 2), "b0": (n_h, 1), "W1": (1, n_h), "b1": (1, 1)}
    p = {name: np.array([float(x) for x in net["params"][name]]).reshape(shapes[name]) for name in shapes}
    A0 = np.array([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]])
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])  # XOR of A0's columns

    def J_of(q):
        A1 = np.tanh(q["W0"] @ A0 + q["b0"])
        A2 = 1 / (1 + np.exp(-(q["W1"] @ A1 + q["b1"])))
        return 0.5 * np.mean((A2 - Y) ** 2)

    Z1 = p["W0"] @ A0 + p["b0"]
    A1 = np.tanh(Z1)
    Z2 = p["W1"] @ A1 + p["b1"]
    A2 = 1 / (1 + np.exp(-Z2))
    dZ2 = (A2 - Y) / 4 * A2 * (1 - A2)
    dA1 = p["W1"].T @ dZ2
    grads = {"dZ2": dZ2, "dW1": dZ2 @ A1.T, "db1": dZ2.sum(axis=1, keepdims=True)}
    for tag, slope in (("", 1 - A1**2), ("slip ", 1 - np.tanh(A1) ** 2)):
        dZ1 = dA1 * slope
        grads[tag + "dW0"], grads[tag + "db0"] = dZ1 @ A0.T, dZ1.sum(axis=1, keepdims=True)
    return {"p": p, "A0": A0, "Y": Y, "Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "J": J_of(p), "J_of": J_of, **grads}


def asked(screen, name):
    return {q["id"]: q for q in questions.questions(name, screen, "{}")["questions"]}


NETWORKS = [network_json(), network_json(n_h=3, seed=1), network_json(n_h=1, seed=0), network_json(n_h=4, seed=7)]


def sign_index(x):
    return 0 if x > 0 else 1 if x < 0 else 2


def g(x):
    return f"{float(x):.6g}"


@pytest.mark.parametrize("screen", NETWORKS)
def test_the_forward_questions_answer_and_explain_with_the_numbers(screen):
    h, q = by_hand(screen), asked(screen, "forward")
    zeros = q["forward.z1-zeros"]  # (0, 0) is A0's third column
    assert zeros["answer"] == sign_index(h["p"]["b0"][0, 0]) and g(h["Z1"][0, 2]) in zeros["explanation"]
    side = q["forward.a2-side"]  # (1, 0) is the second column
    assert side["choices"][side["answer"]].startswith("above" if h["A2"][0, 1] > 0.5 else "below")
    assert g(h["A2"][0, 1]) in side["explanation"] and g(h["Z2"][0, 1]) in side["explanation"]
    level = q["forward.cost-level"]
    assert level["choices"][level["answer"]] == ("below 0.125" if h["J"] < 0.125 else "above 0.125")
    assert g(h["J"]) in level["explanation"]
    spread = q["forward.a1-range"]
    assert spread["answer"] == 0 and g(h["A1"].min()) in spread["explanation"]


@pytest.mark.parametrize("screen", NETWORKS)
def test_the_backward_questions_answer_and_explain_with_the_numbers(screen):
    h, q = by_hand(screen), asked(screen, "backward")
    # the slope of J along W1[0,0], by a central difference
    eps = 1e-6
    up, down = {k: v.copy() for k, v in h["p"].items()}, {k: v.copy() for k, v in h["p"].items()}
    up["W1"][0, 0] += eps
    down["W1"][0, 0] -= eps
    slope = (h["J_of"](up) - h["J_of"](down)) / (2 * eps)
    assert abs(slope - h["dW1"][0, 0]) < 1e-8
    sign = q["backward.dw1-sign"]
    assert sign["answer"] == sign_index(slope) and g(h["dW1"][0, 0]) in sign["explanation"]
    # one step at learning rate 100
    stepped = {name: h["p"][name] - 100 * h["d" + name] for name in ("W0", "b0", "W1", "b1")}
    after = h["J_of"](stepped)
    big = q["backward.big-step"]
    assert big["choices"][big["answer"]] == ("J falls" if after < h["J"] else "J rises")
    assert g(h["J"]) in big["explanation"] and g(after) in big["explanation"]
    total = q["backward.db1-sum"]
    assert total["choices"][total["answer"]] == "dZ2" and g(h["db1"][0, 0]) in total["explanation"]
    slip = q["backward.slip"]
    assert slip["choices"][slip["answer"]] == "dZ1, dW0 and db0"
    assert not np.allclose(h["dW0"], h["slip dW0"], rtol=1e-13, atol=0)
    assert g(h["dW0"][0, 0]) in slip["explanation"] and g(h["slip dW0"][0, 0]) in slip["explanation"]


@pytest.mark.parametrize("screen", NETWORKS)
def test_the_activation_and_cost_questions_answer_and_explain_with_the_numbers(screen):
    h = by_hand(screen)
    q = asked(screen, "activations")
    slopes = h["A2"][0] * (1 - h["A2"][0])
    assert (
        q["activations.sigmoid-slope"]["answer"] == 0 and g(slopes[0]) in q["activations.sigmoid-slope"]["explanation"]
    )
    a = h["A1"][0, 3]  # (1, 1) is the fourth column
    tanh = q["activations.tanh-slope"]
    assert tanh["choices"][tanh["answer"]].startswith("1 - tanh(A1)**2" if 1 - np.tanh(a) ** 2 > 1 - a**2 else "1 - A1")
    assert g(1 - a**2) in tanh["explanation"] and g(1 - np.tanh(a) ** 2) in tanh["explanation"]
    relu = q["activations.relu-slope"]
    assert relu["answer"] == 0 and f"{int((h['Z1'] < 0).sum())} of the {h['Z1'].size}" in relu["explanation"]
    q = asked(screen, "cost")
    A2, Y = h["A2"], h["Y"]
    ce = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    compared = q["cost.compared"]
    assert compared["choices"][compared["answer"]] == (
        "cross-entropy" if ce > h["J"] else "half the mean squared error"
    )
    assert g(ce) in compared["explanation"] and g(h["J"]) in compared["explanation"]
    d = (A2[0, 0] - Y[0, 0]) / 4  # (0, 1) is the first column
    sign = q["cost.da2-sign"]
    assert sign["answer"] == sign_index(d) and g(d) in sign["explanation"]
    assert q["cost.mean"]["answer"] == 0 and g(h["J"]) in q["cost.mean"]["explanation"]


def test_every_question_is_well_formed_and_the_path_knows_which_exercises_have_some():
    assert tuple(questions.QUESTIONS) == path.QUESTION_SETS
    for name in path.QUESTION_SETS:
        made = asked(NETWORKS[0], name)
        assert 3 <= len(made) <= 6 and all(key.startswith(name + ".") for key in made)
        for question in made.values():
            assert set(question) == {"id", "prompt", "choices", "answer", "explanation"}
            assert 0 <= question["answer"] < len(question["choices"]) and len(set(question["choices"])) > 1


def test_the_export_answers_in_the_envelope_and_refuses_a_bad_network():
    data, _ = read(door.questions("backward", NETWORKS[0], "{}"))
    assert data["exercise"] == "backward" and len(data["questions"]) == 4
    data, _ = read(door.questions("sideways", NETWORKS[0], "{}"))
    assert data["questions"] == []
    with pytest.raises(Refused, match="n_h must be a whole number"):
        read(door.questions("forward", '{"n_h": 99}', "{}"))
