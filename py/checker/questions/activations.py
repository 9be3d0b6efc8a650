"""The predict-then-see questions before the activations exercise (see checker/questions/__init__.py)."""

import numpy as np

from shared.i18n import _

from .common import _column, _num


def sigmoid_slope(net, settings):
    A2 = net.cache["A2"][0]
    slopes = A2 * (1 - A2)
    return {
        "id": "activations.sigmoid-slope",
        "prompt": _(
            "The sigmoid's slope, written from its output, is A2 * (1 - A2). What is the largest value it can take?"
        ),
        "choices": [
            _("0.25, where A2 = 0.5"),
            _("1, where A2 = 1"),
            _("0.5, where A2 = 0.5"),
            _("it has no largest value"),
        ],
        "answer": 0,
        "explanation": _(
            "A2 * (1 - A2) peaks at A2 = 0.5, where it is 0.25. On screen it is {slopes} for the four examples "
            "(A2 = {A2})."
        ).format(slopes=", ".join(_num(v) for v in slopes), A2=", ".join(_num(v) for v in A2)),
    }


def tanh_slope(net, settings):
    k = _column(net, 1, 1)
    a = net.cache["A1"][0, k]
    right, slip = 1 - a**2, 1 - np.tanh(a) ** 2
    answer = 1 if slip > right else 0 if right > slip else 2
    return {
        "id": "activations.tanh-slope",
        "prompt": _(
            "For hidden unit 0 on the example (1, 1), which is larger: tanh's slope 1 - A1**2, or the notebook's "
            "1 - tanh(A1)**2?"
        ),
        "choices": ["1 - A1**2", _("1 - tanh(A1)**2 (the notebook's)"), _("they are equal")],
        "answer": answer,
        "explanation": _(
            "A1[0] = {a}: 1 - A1**2 = {right} and 1 - tanh(A1)**2 = {slip}. tanh pulls every number towards 0, so the "
            "notebook's slip gives a slope a little too large (equal only at 0)."
        ).format(a=_num(a), right=_num(right), slip=_num(slip)),
    }


def relu_slope(net, settings):
    Z1 = net.cache["Z1"]
    negative = int((Z1 < 0).sum())
    return {
        "id": "activations.relu-slope",
        "prompt": _("ReLU(Z) = max(Z, 0). What is its derivative where Z is negative?"),
        "choices": ["0", "1", _("Z itself"), "-1"],
        "answer": 0,
        "explanation": _(
            "ReLU is flat (0) for Z < 0, so no gradient passes there: with ReLU hidden units, {negative} of the "
            "{size} values of Z1 on screen would pass none back."
        ).format(negative=negative, size=Z1.size),
    }
