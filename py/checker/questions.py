"""Predict-then-see questions before an exercise, from the network on screen: multiple choice, the right answer and
its explanation computed here with the model (backprop/), the numbers written by CPython. The page shows them and
compares the student's choice with "answer"; it does no maths.

questions(name, network_json, settings_json) -> {"exercise", "network", "questions": [{"id", "prompt",
"choices", "answer", "explanation"}]}; an exercise without questions has none.
"""

import json

import numpy as np

from backprop import forward
from backprop.network import COSTS, backward

from . import networks

SLOW_RATE = 100.0  # the learning rate of the "rise or fall" question
SAME = 1e-12  # relative difference under which two gradients count as the same


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


QUESTIONS = {
    "activations": (sigmoid_slope, tanh_slope, relu_slope),
    "cost": (costs_compared, da2_sign, cost_is_a_mean),
    "forward": (z1_of_zeros, a2_side, cost_level, a1_range),
    "backward": (dw1_sign, big_step, db1_sum, slip),
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
