"""The predict-then-see questions before the backward-pass exercise (see checker/questions/__init__.py)."""

import numpy as np

from backprop import forward

from .common import SAME, SIGNS, SLOW_RATE, _grads, _num, _sign


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
