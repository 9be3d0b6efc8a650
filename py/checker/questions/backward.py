"""The predict-then-see questions before the backward-pass exercise (see checker/questions/__init__.py)."""

import numpy as np

from backprop import forward
from shared.i18n import N_, _

from .common import SAME, SLOW_RATE, _grads, _num, _sign, signs


def dw1_sign(net, settings):
    g = _grads(net)["dW1"][0, 0]
    if g > 0:
        explanation = _(
            "dW1[0,0] = {g}: a small increase of W1[0,0] makes J rise, so gradient descent moves W1[0,0] the other way."
        )
    elif g < 0:
        explanation = _(
            "dW1[0,0] = {g}: a small increase of W1[0,0] makes J fall, so gradient descent moves W1[0,0] the other way."
        )
    else:
        explanation = _(
            "dW1[0,0] = {g}: a small increase of W1[0,0] makes J stay as it is, so gradient descent moves W1[0,0] the "
            "other way."
        )
    return {
        "id": "backward.dw1-sign",
        "prompt": _("On the network on screen, what sign has dW1[0,0], the slope of J along the weight W1[0,0]?"),
        "choices": signs(),
        "answer": _sign(g),
        "explanation": explanation.format(g=_num(g)),
    }


def big_step(net, settings):
    grads = _grads(net)
    params = {name: net.params[name] - SLOW_RATE * grads["d" + name] for name in net.params}
    before = float(net.cache["J"])
    after = float(forward(params, net.A0, net.Y)["J"])
    answer = 0 if after < before else 1 if after > before else 2
    if answer == 0:
        explanation = _(
            "J falls: from {before} to {after}. Even a step of 100 times the gradient still went downhill from here."
        )
    elif answer == 1:
        explanation = _(
            "J rises: from {before} to {after}. The gradient says which way is down only near the point: a step of "
            "100 times it went past the valley."
        )
    else:
        explanation = _(
            "J stays the same: from {before} to {after}. Even a step of 100 times the gradient still went downhill "
            "from here."
        )
    return {
        "id": "backward.big-step",
        "prompt": _(
            "One step of gradient descent at learning rate 100 from the network on screen: does J fall or rise?"
        ),
        "choices": [_("J falls"), _("J rises"), _("J stays the same")],
        "answer": answer,
        "explanation": explanation.format(before=_num(before), after=_num(after)),
    }


def db1_sum(net, settings):
    grads = _grads(net)
    dZ2 = grads["dZ2"][0]
    return {
        "id": "backward.db1-sum",
        "prompt": _(
            "db1, the gradient of J with respect to the output's bias, is the sum over the four examples of which "
            "value?"
        ),
        "choices": ["dZ2", "dA2", "A2 - Y", "dW1"],
        "answer": 0,
        "explanation": _("b1 is added to every example's Z2, so db1 sums dZ2: {sum} = {db1}.").format(
            sum=" + ".join(_num(v) for v in dZ2), db1=_num(grads["db1"][0, 0])
        ),
    }


SLIP_CHOICES = (
    (N_("dZ1, dW0 and db0"), ("dZ1", "dW0", "db0")),
    (N_("only dZ1"), ("dZ1",)),
    (N_("dW1 and db1"), ("dW1", "db1")),
    (N_("all eight gradients"), ("dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0")),
    (N_("none of them"), ()),
)


def slip(net, settings):
    right, slipped = _grads(net), _grads(net, notebook_mode=True)
    changed = []
    for name in ("dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"):
        scale = max(np.abs(right[name]).max(), np.abs(slipped[name]).max(), 1e-300)
        if np.abs(right[name] - slipped[name]).max() / scale > SAME:
            changed.append(name)
    answer = next((k for k, choice in enumerate(SLIP_CHOICES) if set(choice[1]) == set(changed)), None)
    choices = [_(choice[0]) for choice in SLIP_CHOICES]
    if answer is None:
        choices.append(", ".join(changed))
        answer = len(choices) - 1
    return {
        "id": "backward.slip",
        "prompt": _(
            "The notebook writes dZ1 = dA1 * (1 - np.tanh(A1)**2) where tanh's derivative is 1 - A1**2. Which "
            "gradients does that slip change?"
        ),
        "choices": choices,
        "answer": answer,
        "explanation": (
            _(
                "It changes {changed}: everything computed from dZ1 on. dW0[0,0] is {right} with 1 - A1**2 and "
                "{slipped} with 1 - tanh(A1)**2; dW1[0,0] is {dW1} either way, as it comes before dZ1."
            )
            if changed
            else _(
                "It changes none: everything computed from dZ1 on. dW0[0,0] is {right} with 1 - A1**2 and "
                "{slipped} with 1 - tanh(A1)**2; dW1[0,0] is {dW1} either way, as it comes before dZ1."
            )
        ).format(
            changed=", ".join(changed),
            right=_num(right["dW0"][0, 0]),
            slipped=_num(slipped["dW0"][0, 0]),
            dW1=_num(right["dW1"][0, 0]),
        ),
    }
