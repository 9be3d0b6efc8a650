"""The predict-then-see questions (checker/questions/, the exercise worker's questions export): every answer and
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


def well_formed(question):
    """2 to 5 different choices, one right answer's index."""
    choices = question["choices"]
    assert 2 <= len(choices) <= 5 and len(set(choices)) == len(choices)
    assert isinstance(question["answer"], int) and 0 <= question["answer"] < len(choices)


def differences(J_of, p, name, h, central=True):
    """The numeric gradient of J along p[name], entry by entry, written out here."""
    d = np.zeros(p[name].shape)
    for index in np.ndindex(p[name].shape):
        up = {k: v.copy() for k, v in p.items()}
        up[name][index] += h
        if central:
            down = {k: v.copy() for k, v in p.items()}
            down[name][index] -= h
            d[index] = (J_of(up) - J_of(down)) / (2 * h)
        else:
            d[index] = (J_of(up) - J_of(p)) / h
    return d


def rel(a, b):
    return np.sqrt(((a - b) ** 2).sum()) / (np.sqrt((a**2).sum()) + np.sqrt((b**2).sum()))


@pytest.mark.parametrize("screen", NETWORKS)
def test_which_h_gives_the_smallest_relative_error(screen):
    h, q = by_hand(screen), asked(screen, "numeric")["numeric.best-h"]
    well_formed(q)
    errors = [rel(h["dW0"], differences(h["J_of"], h["p"], "W0", step)) for step in (1e-1, 1e-5, 1e-12)]
    assert q["choices"] == ["0.1", "1e-05", "1e-12"]
    assert q["answer"] == int(np.argmin(errors)) == 1  # 1e-5: the truncation and rounding errors both small
    assert all(g(error) in q["explanation"] for error in errors)


@pytest.mark.parametrize("screen", NETWORKS)
def test_a_one_sided_difference_is_less_accurate_than_a_central_one(screen):
    h, q = by_hand(screen), asked(screen, "numeric")["numeric.one-sided"]
    well_formed(q)
    central = rel(h["dW1"], differences(h["J_of"], h["p"], "W1", 1e-5))
    one_sided = rel(h["dW1"], differences(h["J_of"], h["p"], "W1", 1e-5, central=False))
    assert q["choices"][q["answer"]] == ("larger" if one_sided > central else "smaller") == "larger"
    assert g(central) in q["explanation"] and g(one_sided) in q["explanation"]


@pytest.mark.parametrize("screen", NETWORKS)
def test_the_sign_of_the_numeric_dw1(screen):
    h, q = by_hand(screen), asked(screen, "numeric")["numeric.dw1-sign"]
    well_formed(q)
    numeric = differences(h["J_of"], h["p"], "W1", 1e-5)[0, 0]
    assert q["answer"] == sign_index(numeric) and g(numeric) in q["explanation"]
    assert g(h["dW1"][0, 0]) in q["explanation"]


def asked_at(screen, name, rate):
    settings = "{}" if rate is None else json.dumps({"learning_rate": rate})
    return {q["id"]: q for q in questions.questions(name, screen, settings)["questions"]}


RATES = [None, "3", "0.5"]  # None: no settings, the notebook's 10


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("screen", NETWORKS)
def test_the_sign_of_w1s_change_after_one_step(screen, rate):
    h, q = by_hand(screen), asked_at(screen, "update", rate)["update.w1-change"]
    well_formed(q)
    lr = 10.0 if rate is None else float(rate)
    change = (h["p"]["W1"][0, 0] - lr * h["dW1"][0, 0]) - h["p"]["W1"][0, 0]
    assert q["choices"][q["answer"]] == ("up" if change > 0 else "down")
    assert g(h["dW1"][0, 0]) in q["explanation"] and g(-lr * h["dW1"][0, 0]) in q["explanation"]


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("screen", NETWORKS)
def test_whether_j_falls_at_the_rate_on_screen_and_at_100(screen, rate):
    h, q = by_hand(screen), asked_at(screen, "update", rate)["update.rates"]
    well_formed(q)
    lr = 10.0 if rate is None else float(rate)
    after = [h["J_of"]({k: h["p"][k] - r * h["d" + k] for k in ("W0", "b0", "W1", "b1")}) for r in (lr, 100.0)]
    falls = (after[0] < h["J"], after[1] < h["J"])
    expected = {(True, True): "it falls at both", (True, False): f"it falls at {lr!r} only",
                (False, True): "it falls at 100.0 only", (False, False): "it falls at neither"}[falls]  # fmt: skip
    assert q["choices"][q["answer"]] == expected
    assert all(g(x) in q["explanation"] for x in (h["J"], *after))


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("screen", NETWORKS)
def test_what_w0_becomes_after_one_step(screen, rate):
    h, q = by_hand(screen), asked_at(screen, "update", rate)["update.w0-after"]
    well_formed(q)
    lr = 10.0 if rate is None else float(rate)
    w, d = float(h["p"]["W0"][0, 0]), float(h["dW0"][0, 0])
    right = w - lr * d
    assert abs(float(q["choices"][q["answer"]]) - right) <= 1e-15 * max(abs(right), 1e-300)
    assert all(abs(float(c) - right) > 1e-15 for i, c in enumerate(q["choices"]) if i != q["answer"])
    assert q["choices"][q["answer"]] in q["explanation"] and repr(d) in q["explanation"]


def trained_by_hand(n_h, seed, rate=10.0, steps=1000):
    """The notebook's ANN (cells 33-36) written out here: the log of J every 100 steps and the predictions."""
    rng = np.random.RandomState(seed)
    W0, b0 = rng.randn(n_h, 2) * 0.1, np.full((n_h, 1), 0.1)
    W1, b1 = rng.randn(1, n_h) * 0.1, np.full((1, 1), 0.1)
    A0 = np.array([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]])
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])
    log = []
    for i in range(steps):
        A1 = np.tanh(W0 @ A0 + b0)
        A2 = 1 / (1 + np.exp(-(W1 @ A1 + b1)))
        if i % 100 == 0:
            log.append(0.5 * np.mean((A2 - Y) ** 2))
        dZ2 = (A2 - Y) / 4 * A2 * (1 - A2)
        dZ1 = (W1.T @ dZ2) * (1 - A1**2)
        W1, b1 = W1 - rate * dZ2 @ A1.T, b1 - rate * dZ2.sum(axis=1, keepdims=True)
        W0, b0 = W0 - rate * dZ1 @ A0.T, b0 - rate * dZ1.sum(axis=1, keepdims=True)
    predict = 1 / (1 + np.exp(-(W1 @ np.tanh(W0 @ A0 + b0) + b1)))
    return log, predict


@pytest.mark.parametrize("screen", NETWORKS)
def test_the_first_j_the_ann_prints(screen):
    net = json.loads(screen)
    q = asked(screen, "ann")["ann.first-j"]
    well_formed(q)
    log, _ = trained_by_hand(net["n_h"], net["seed"], steps=1)
    assert abs(float(q["choices"][q["answer"]]) - log[0]) <= 1e-15
    assert q["choices"][q["answer"]] in q["explanation"] and "0.125" in q["choices"]
    if (net["n_h"], net["seed"]) == (2, 2):
        assert q["choices"][q["answer"]] == "0.12519375208599626"  # the notebook's first printed line


@pytest.mark.parametrize("screen", NETWORKS)
def test_how_many_lines_fit_prints(screen):
    net = json.loads(screen)
    q = asked(screen, "ann")["ann.lines"]
    well_formed(q)
    log, _ = trained_by_hand(net["n_h"], net["seed"])
    assert q["choices"][q["answer"]] == str(len(log)) == "10"
    last = float(q["explanation"].rsplit(" ", 1)[1].rstrip("."))
    assert abs(last - log[-1]) <= 1e-9 * log[0] and repr(float(log[0]))[:12] in q["explanation"]


@pytest.mark.parametrize("screen", NETWORKS)
def test_what_predict_gives_for_0_1_after_training(screen):
    net = json.loads(screen)
    q = asked(screen, "ann")["ann.predict"]
    well_formed(q)
    _, predict = trained_by_hand(net["n_h"], net["seed"])
    a = predict[0, 0]  # (0, 1) is A0's first column
    expected = "about 0.5 (undecided)" if abs(a - 0.5) < 0.1 else "close to 1" if a > 0.5 else "close to 0"
    assert q["choices"][q["answer"]] == expected and g(a) in q["explanation"]
    if (net["n_h"], net["seed"]) == (2, 2):
        assert expected == "close to 1"  # the notebook's network learns XOR in 1000 steps
