"""Predict-then-see questions before an exercise, from the network on screen: multiple choice, the right answer and
its explanation computed here with the model (backprop/), the numbers written by CPython. The page shows them and
compares the student's choice with "answer"; it does no maths.

questions(name, network_json, settings_json) -> {"exercise", "network", "questions": [{"id", "prompt",
"choices", "answer", "explanation"}]}; an exercise without questions has none.
"""

import functools
import json
import re

import numpy as np

from backprop import A0, Run, forward
from backprop.gradcheck import relative_error
from backprop.network import COSTS, backward

from . import networks

SLOW_RATE = 100.0  # the learning rate of the "rise or fall" question
SAME = 1e-12  # relative difference under which two gradients count as the same
STEPS_H = (1e-1, 1e-5, 1e-12)  # the steps h of the "which h" question
CHECK_H = 1e-5  # the step of the other numeric questions (the exercise's)


def _num(x):
    return f"{float(x):.6g}"


def _sign(x):
    return 0 if x > 0 else 1 if x < 0 else 2


SIGNS = ("positive", "negative", "zero")


def _column(net, a, b):
    """The column of A0 that holds the example (a, b)."""
    for k in range(net.A0.shape[1]):
        if net.A0[0, k] == a and net.A0[1, k] == b:
            return k
    raise ValueError(f"no example ({a}, {b})")


# --- before the activations -------------------------------------------------------------------------------------


def sigmoid_slope(net, settings):
    A2 = net.cache["A2"][0]
    slopes = A2 * (1 - A2)
    return {
        "id": "activations.sigmoid-slope",
        "prompt": "The sigmoid's slope, written from its output, is A2 * (1 - A2). What is the largest value it "
        "can take?",
        "choices": ["0.25, where A2 = 0.5", "1, where A2 = 1", "0.5, where A2 = 0.5", "it has no largest value"],
        "answer": 0,
        "explanation": "A2 * (1 - A2) peaks at A2 = 0.5, where it is 0.25. On screen it is "
        f"{', '.join(_num(v) for v in slopes)} for the four examples (A2 = {', '.join(_num(v) for v in A2)}).",
    }


def tanh_slope(net, settings):
    k = _column(net, 1, 1)
    a = net.cache["A1"][0, k]
    right, slip = 1 - a**2, 1 - np.tanh(a) ** 2
    answer = 1 if slip > right else 0 if right > slip else 2
    return {
        "id": "activations.tanh-slope",
        "prompt": "For hidden unit 0 on the example (1, 1), which is larger: tanh's slope 1 - A1**2, or the "
        "notebook's 1 - tanh(A1)**2?",
        "choices": ["1 - A1**2", "1 - tanh(A1)**2 (the notebook's)", "they are equal"],
        "answer": answer,
        "explanation": f"A1[0] = {_num(a)}: 1 - A1**2 = {_num(right)} and 1 - tanh(A1)**2 = {_num(slip)}. tanh "
        "pulls every number towards 0, so the notebook's slip gives a slope a little too large (equal only at 0).",
    }


def relu_slope(net, settings):
    Z1 = net.cache["Z1"]
    negative = int((Z1 < 0).sum())
    return {
        "id": "activations.relu-slope",
        "prompt": "ReLU(Z) = max(Z, 0). What is its derivative where Z is negative?",
        "choices": ["0", "1", "Z itself", "-1"],
        "answer": 0,
        "explanation": f"ReLU is flat (0) for Z < 0, so no gradient passes there: with ReLU hidden units, {negative} "
        f"of the {Z1.size} values of Z1 on screen would pass none back.",
    }


# --- before the cost ----------------------------------------------------------------------------------------------


def costs_compared(net, settings):
    Z2, A2 = net.cache["Z2"], net.cache["A2"]
    mse, ce = float(COSTS["half_mse"].J(Z2, A2, net.Y)), float(COSTS["cross_entropy"].J(Z2, A2, net.Y))
    answer = 0 if ce > mse else 1 if mse > ce else 2
    return {
        "id": "cost.compared",
        "prompt": "On the network on screen, which cost is larger: cross-entropy or half the mean squared error?",
        "choices": ["cross-entropy", "half the mean squared error", "they are equal"],
        "answer": answer,
        "explanation": f"Cross-entropy is {_num(ce)} and half-MSE is {_num(mse)}, on the same predictions "
        f"A2 = {', '.join(_num(v) for v in A2[0])}.",
    }


def da2_sign(net, settings):
    k = _column(net, 0, 1)
    a2, y = net.cache["A2"][0, k], net.Y[0, k]
    d = (a2 - y) / net.Y.shape[1]
    return {
        "id": "cost.da2-sign",
        "prompt": f"For the example (0, 1), whose target Y is {_num(y)}, what sign has dA2 = (A2 - Y) / m for "
        "half-MSE?",
        "choices": list(SIGNS),
        "answer": _sign(d),
        "explanation": f"A2 = {_num(a2)} and Y = {_num(y)}, so dA2 = ({_num(a2)} - {_num(y)}) / 4 = {_num(d)}: "
        "raising A2 would make J " + ("rise." if d > 0 else "fall." if d < 0 else "stay as it is."),
    }


def cost_is_a_mean(net, settings):
    return {
        "id": "cost.mean",
        "prompt": "If every example were given twice (m = 8, the same predictions), what would happen to J?",
        "choices": ["it stays the same", "it doubles", "it halves"],
        "answer": 0,
        "explanation": f"J is a mean over the examples, so repeating all of them keeps it: J = {_num(net.cache['J'])} "
        "either way. A sum instead of a mean would double.",
    }


# --- before the forward pass ------------------------------------------------------------------------------------


def z1_of_zeros(net, settings):
    k = _column(net, 0, 0)
    z = net.cache["Z1"][0, k]
    b = net.params["b0"][0, 0]
    return {
        "id": "forward.z1-zeros",
        "prompt": "For the example (0, 0), what sign has Z1[0], the first hidden unit's weighted sum?",
        "choices": list(SIGNS),
        "answer": _sign(z),
        "explanation": f"With both inputs 0 the weights multiply nothing, so Z1[0] = b0[0] = {_num(b)}: "
        f"{SIGNS[_sign(z)]} (Z1[0] for (0, 0) is {_num(z)}).",
    }


def a2_side(net, settings):
    k = _column(net, 1, 0)
    a2 = net.cache["A2"][0, k]
    z2 = net.cache["Z2"][0, k]
    answer = 0 if a2 > 0.5 else 1 if a2 < 0.5 else 2
    return {
        "id": "forward.a2-side",
        "prompt": "For the example (1, 0), is the network's prediction A2 above or below 0.5?",
        "choices": ["above 0.5 (it says 1)", "below 0.5 (it says 0)", "exactly 0.5"],
        "answer": answer,
        "explanation": f"Z2 for (1, 0) is {_num(z2)}, and the sigmoid is above 0.5 exactly when its input is "
        f"positive: A2 = sigmoid({_num(z2)}) = {_num(a2)}.",
    }


def cost_level(net, settings):
    J = float(net.cache["J"])
    answer = 0 if J < 0.125 else 1 if J > 0.125 else 2
    return {
        "id": "forward.cost-level",
        "prompt": "A network that says 0.5 for every example has J = 1/2 · mean(0.5²) = 0.125. Is the cost J of "
        "the network on screen below or above 0.125?",
        "choices": ["below 0.125", "above 0.125", "exactly 0.125"],
        "answer": answer,
        "explanation": f"J = {_num(J)}, with predictions A2 = {', '.join(_num(v) for v in net.cache['A2'][0])} "
        f"for targets Y = {', '.join(_num(v) for v in net.Y[0])}.",
    }


def a1_range(net, settings):
    A1 = net.cache["A1"]
    return {
        "id": "forward.a1-range",
        "prompt": "Which range holds every value of A1 = tanh(Z1), whatever the weights?",
        "choices": ["between -1 and 1", "between 0 and 1", "any number at all"],
        "answer": 0,
        "explanation": f"tanh squashes every number into (-1, 1); on screen A1 goes from {_num(A1.min())} to "
        f"{_num(A1.max())}, from Z1 between {_num(net.cache['Z1'].min())} and {_num(net.cache['Z1'].max())}.",
    }


# --- before the backward pass -----------------------------------------------------------------------------------


def _grads(net, notebook_mode=False):
    return backward(net.params, net.cache, net.A0, net.Y, notebook_mode=notebook_mode)


def dw1_sign(net, settings):
    g = _grads(net)["dW1"][0, 0]
    direction = "rise" if g > 0 else "fall" if g < 0 else "stay as it is"
    return {
        "id": "backward.dw1-sign",
        "prompt": "On the network on screen, what sign has dW1[0,0], the slope of J along the weight W1[0,0]?",
        "choices": list(SIGNS),
        "answer": _sign(g),
        "explanation": f"dW1[0,0] = {_num(g)}: a small increase of W1[0,0] makes J {direction}, so gradient "
        f"descent moves W1[0,0] the other way.",
    }


def big_step(net, settings):
    grads = _grads(net)
    params = {name: net.params[name] - SLOW_RATE * grads["d" + name] for name in net.params}
    before = float(net.cache["J"])
    after = float(forward(params, net.A0, net.Y)["J"])
    answer = 0 if after < before else 1 if after > before else 2
    verdict = ("falls", "rises", "stays the same")[answer]
    return {
        "id": "backward.big-step",
        "prompt": "One step of gradient descent at learning rate 100 from the network on screen: does J fall or rise?",
        "choices": ["J falls", "J rises", "J stays the same"],
        "answer": answer,
        "explanation": f"J {verdict}: from {_num(before)} to {_num(after)}. "
        + (
            "The gradient says which way is down only near the point: a step of 100 times it went past the valley."
            if after > before
            else "Even a step of 100 times the gradient still went downhill from here."
        ),
    }


def db1_sum(net, settings):
    grads = _grads(net)
    dZ2 = grads["dZ2"][0]
    return {
        "id": "backward.db1-sum",
        "prompt": "db1, the gradient of J with respect to the output's bias, is the sum over the four examples of "
        "which value?",
        "choices": ["dZ2", "dA2", "A2 - Y", "dW1"],
        "answer": 0,
        "explanation": f"b1 is added to every example's Z2, so db1 sums dZ2: {' + '.join(_num(v) for v in dZ2)} "
        f"= {_num(grads['db1'][0, 0])}.",
    }


SLIP_CHOICES = (
    ("dZ1, dW0 and db0", ("dZ1", "dW0", "db0")),
    ("only dZ1", ("dZ1",)),
    ("dW1 and db1", ("dW1", "db1")),
    ("all eight gradients", ("dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0")),
    ("none of them", ()),
)


def slip(net, settings):
    right, slipped = _grads(net), _grads(net, notebook_mode=True)
    changed = []
    for name in ("dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"):
        scale = max(np.abs(right[name]).max(), np.abs(slipped[name]).max(), 1e-300)
        if np.abs(right[name] - slipped[name]).max() / scale > SAME:
            changed.append(name)
    answer = next((k for k, (_, names) in enumerate(SLIP_CHOICES) if set(names) == set(changed)), None)
    choices = [text for text, _ in SLIP_CHOICES]
    if answer is None:
        choices.append(", ".join(changed))
        answer = len(choices) - 1
    return {
        "id": "backward.slip",
        "prompt": "The notebook writes dZ1 = dA1 * (1 - np.tanh(A1)**2) where tanh's derivative is 1 - A1**2. "
        "Which gradients does that slip change?",
        "choices": choices,
        "answer": answer,
        "explanation": f"It changes {', '.join(changed) or 'none'}: everything computed from dZ1 on. dW0[0,0] is "
        f"{_num(right['dW0'][0, 0])} with 1 - A1**2 and {_num(slipped['dW0'][0, 0])} with 1 - tanh(A1)**2; "
        f"dW1[0,0] is {_num(right['dW1'][0, 0])} either way, as it comes before dZ1.",
    }


# --- before the numeric gradient --------------------------------------------------------------------------------


def _cost_of(net, name):
    """J as a function of parameter name, the others held at the network on screen's values."""

    def J(P):
        return float(forward({**net.params, name: P}, net.A0, net.Y)["J"])

    return J


def _differences(net, name, h, central=True):
    """The numeric gradient of J along parameter name: central differences, or one-sided (J(P + h) - J(P)) / h."""
    J = _cost_of(net, name)
    P = np.array(net.params[name], dtype=float)
    here = J(P)
    d = np.zeros(P.shape)
    for index in np.ndindex(P.shape):
        saved = P[index]
        P[index] = saved + h
        J_plus = J(P)
        P[index] = saved - h
        J_minus = J(P) if central else here
        P[index] = saved
        d[index] = (J_plus - J_minus) / (2 * h) if central else (J_plus - J_minus) / h
    return d


def best_h(net, settings):
    analytic = _grads(net)["dW0"]
    errors = [relative_error(analytic, _differences(net, "W0", h)) for h in STEPS_H]
    answer = int(np.argmin(errors))
    return {
        "id": "numeric.best-h",
        "prompt": "Central differences of J along every entry of W0, compared with backpropagation's dW0: which step "
        "h gives the smallest relative error?",
        "choices": [repr(h) for h in STEPS_H],
        "answer": answer,
        "explanation": "The relative error ||dW0 - numeric|| / (||dW0|| + ||numeric||) on screen is "
        + ", ".join(f"{_num(e)} with h = {h!r}" for h, e in zip(STEPS_H, errors))
        + ". A large h is off by about h², a tiny one loses the digits J(P + h) and J(P - h) share.",
    }


def one_sided(net, settings):
    analytic = _grads(net)["dW1"]
    central = relative_error(analytic, _differences(net, "W1", CHECK_H))
    forward_only = relative_error(analytic, _differences(net, "W1", CHECK_H, central=False))
    answer = 0 if forward_only > central else 1 if forward_only < central else 2
    return {
        "id": "numeric.one-sided",
        "prompt": f"With h = {CHECK_H!r}, the one-sided difference (J(P + h) - J(P)) / h instead of the central one "
        "(J(P + h) - J(P - h)) / (2h), for W1: is its relative error against backpropagation larger or smaller?",
        "choices": ["larger", "smaller", "the same"],
        "answer": answer,
        "explanation": f"For dW1 the one-sided difference's relative error is {_num(forward_only)} and the central "
        f"one's {_num(central)}: a one-sided difference is off by about h (times the second derivative), a central "
        "one by about h².",
    }


def numeric_sign(net, settings):
    numeric = _differences(net, "W1", CHECK_H)[0, 0]
    analytic = _grads(net)["dW1"][0, 0]
    return {
        "id": "numeric.dw1-sign",
        "prompt": f"The central difference of J along W1[0,0] with h = {CHECK_H!r}, on the network on screen: what "
        "sign has it?",
        "choices": list(SIGNS),
        "answer": _sign(numeric),
        "explanation": f"(J(W1[0,0] + h) - J(W1[0,0] - h)) / (2h) = {_num(numeric)}, and backpropagation's dW1[0,0] "
        f"= {_num(analytic)}: the same slope, found two ways.",
    }


# --- before the update ------------------------------------------------------------------------------------------


def _rate(settings):
    """The learning rate on screen (the settings'), the notebook's 10 when there is none to read."""
    try:
        rate = float(settings.get("learning_rate", 10.0))
    except (TypeError, ValueError):
        return 10.0
    return rate if np.isfinite(rate) and rate > 0 else 10.0


def _stepped(net, rate):
    grads = _grads(net)
    return {name: net.params[name] - rate * grads["d" + name] for name in net.params}


def change_sign(net, settings):
    rate = _rate(settings)
    g = _grads(net)["dW1"][0, 0]
    change = -rate * g
    return {
        "id": "update.w1-change",
        "prompt": f"One gradient-descent step at learning rate {rate!r} from the network on screen: does W1[0,0] "
        "go up, down or stay?",
        "choices": ["up", "down", "it stays"],
        "answer": _sign(change),
        "explanation": f"W1[0,0] changes by -learning_rate · dW1[0,0] = -{rate!r} × {_num(g)} = {_num(change)}: "
        "against the slope, whichever sign it has.",
    }


def rates_compared(net, settings):
    rate = _rate(settings)
    before = float(net.cache["J"])
    after = [float(forward(_stepped(net, r), net.A0, net.Y)["J"]) for r in (rate, SLOW_RATE)]
    falls = [a < before for a in after]
    choices = [
        "it falls at both",
        f"it falls at {rate!r} only",
        f"it falls at {SLOW_RATE!r} only",
        "it falls at neither",
    ]
    answer = {(True, True): 0, (True, False): 1, (False, True): 2, (False, False): 3}[tuple(falls)]
    return {
        "id": "update.rates",
        "prompt": f"One step from the network on screen, at the learning rate on screen ({rate!r}) and at "
        f"{SLOW_RATE!r}: at which does J fall?",
        "choices": choices if rate != SLOW_RATE else ["it falls", "it does not fall"],
        "answer": answer if rate != SLOW_RATE else 0 if falls[0] else 1,
        "explanation": f"J is {_num(before)} on screen; after one step at {rate!r} it is {_num(after[0])}, at "
        f"{SLOW_RATE!r} it is {_num(after[1])}. A step far longer than the gradient is reliable for can overshoot.",
    }


def w0_after(net, settings):
    rate = _rate(settings)
    w, g = net.params["W0"][0, 0], _grads(net)["dW0"][0, 0]
    right = w - rate * g
    values = {"right": right, "plus": w + rate * g, "no rate": w - g, "unchanged": w}
    choices = list(dict.fromkeys(repr(float(v)) for v in sorted(values.values())))
    return {
        "id": "update.w0-after",
        "prompt": f"W0[0,0] is {float(w)!r} and dW0[0,0] is {float(g)!r}. What is W0[0,0] after one step at "
        f"learning rate {rate!r}?",
        "choices": choices,
        "answer": choices.index(repr(float(right))),
        "explanation": f"W0[0,0] - learning_rate · dW0[0,0] = {float(w)!r} - {rate!r} × {float(g)!r} = "
        f"{float(right)!r}. Adding the step ({float(values['plus'])!r}) climbs the cost; without the learning "
        f"rate it is {float(values['no rate'])!r}.",
    }


# --- before the ANN class ---------------------------------------------------------------------------------------


def _ann_settings(net, settings):
    n_h = net.params["W0"].shape[0]
    try:
        seed = int(settings["seed"])
    except (KeyError, TypeError, ValueError):
        found = re.search(r"seed (\d+)", net.label)
        seed = int(found.group(1)) if found else 2
    return n_h, seed, _rate(settings)


@functools.lru_cache(maxsize=4)
def _trained(n_h, seed, rate):
    """The model's printed log (J at steps 0, 100, ..., 900) and predictions for ANN(2, n_h, seed) fitted 1000 steps
    at rate."""
    run = Run({"n_h": n_h, "seed": seed, "learning_rate": rate})
    costs = [run.cost]
    for _ in range(1000):
        costs.append(run.train(1))
    params = {name: np.array(value) for name, value in run.params.items()}
    return {"log": np.array(costs[0:1000:100]), "predict": forward(params, np.array(A0, dtype=float))["A2"]}


def first_j(net, settings):
    n_h, seed, rate = _ann_settings(net, settings)
    J = float(_trained(n_h, seed, rate)["log"][0])
    right = repr(J)
    choices = list(dict.fromkeys([right, repr(2 * J), repr(J / 2), "0.125"]))
    choices.sort(key=float)
    return {
        "id": "ann.first-j",
        "prompt": f"ANN(2, {n_h}, seed={seed}).fit(A0, Y, {rate!r}, 1000): which number does it print first, J at "
        "step 0?",
        "choices": choices,
        "answer": choices.index(right),
        "explanation": f"Step 0's J comes from __init__ and forward only: 1/2 · mean((A2 - Y)²) = {right} for "
        f"seed {seed} and {n_h} hidden units (without the 1/2 it would be {2 * J!r}; a network saying 0.5 "
        "everywhere has 0.125).",
    }


def printed_lines(net, settings):
    n_h, seed, rate = _ann_settings(net, settings)
    log = _trained(n_h, seed, rate)["log"]
    return {
        "id": "ann.lines",
        "prompt": "fit(A0, Y, learning_rate, 1000) prints J when i % 100 == 0, for i in range(1000). How many lines "
        "does it print?",
        "choices": ["9", "10", "11", "1000"],
        "answer": ["9", "10", "11", "1000"].index(str(len(log))),
        "explanation": f"i = 0, 100, ..., 900: {len(log)} lines (1000 is not in range(1000)). For seed {seed}, "
        f"{n_h} hidden units and learning rate {rate!r} the first is {float(log[0])!r} and the last "
        f"{float(log[-1])!r}.",
    }


def prediction(net, settings):
    n_h, seed, rate = _ann_settings(net, settings)
    a = float(_trained(n_h, seed, rate)["predict"][0, _column(net, 0, 1)])
    answer = 2 if abs(a - 0.5) < 0.1 else 0 if a > 0.5 else 1
    return {
        "id": "ann.predict",
        "prompt": f"After ANN(2, {n_h}, seed={seed}).fit(A0, Y, {rate!r}, 1000), what does predict give for the "
        "example (0, 1), whose XOR is 1?",
        "choices": ["close to 1", "close to 0", "about 0.5 (undecided)"],
        "answer": answer,
        "explanation": f"predict gives {_num(a)} for (0, 1) (rounded: {round(a)}); "
        + ("the network learned it." if answer == 0 else "1000 steps at this rate did not learn it.")
        + " Within 0.1 of 0.5 counts as undecided.",
    }


QUESTIONS = {
    "activations": (sigmoid_slope, tanh_slope, relu_slope),
    "cost": (costs_compared, da2_sign, cost_is_a_mean),
    "numeric": (best_h, one_sided, numeric_sign),
    "forward": (z1_of_zeros, a2_side, cost_level, a1_range),
    "backward": (dw1_sign, big_step, db1_sum, slip),
    "update": (change_sign, rates_compared, w0_after),
    "ann": (first_j, printed_lines, prediction),
}


def questions(name, network_json, settings_json=None):
    """The questions before exercise name on the network on screen (see the module's docstring)."""
    net = networks.on_screen(network_json)
    try:
        settings = json.loads(settings_json) if isinstance(settings_json, str) else dict(settings_json or {})
    except ValueError as error:
        raise ValueError(f"the settings are not valid JSON ({error})") from None
    made = [make(net, settings) for make in QUESTIONS.get(str(name), ())]
    return {"exercise": str(name), "network": net.label, "questions": made}
