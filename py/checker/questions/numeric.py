"""The predict-then-see questions before the numeric-gradient exercise (see checker/questions/__init__.py)."""

import numpy as np

from backprop import forward
from backprop.gradcheck import relative_error
from shared.i18n import _

from .common import CHECK_H, STEPS_H, _grads, _num, _sign, signs


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
        "prompt": _(
            "Central differences of J along every entry of W0, compared with backpropagation's dW0: which step h "
            "gives the smallest relative error?"
        ),
        "choices": [repr(h) for h in STEPS_H],
        "answer": answer,
        "explanation": _(
            "The relative error ||dW0 - numeric|| / (||dW0|| + ||numeric||) on screen is {errors}. A large h is off by "
            "about h², a tiny one loses the digits J(P + h) and J(P - h) share."
        ).format(
            # Translators: one item of a list, "3.2e-05 with h = 0.1".
            errors=", ".join(
                _("{error} with h = {h}").format(error=_num(e), h=repr(h)) for h, e in zip(STEPS_H, errors)
            )
        ),
    }


def one_sided(net, settings):
    analytic = _grads(net)["dW1"]
    central = relative_error(analytic, _differences(net, "W1", CHECK_H))
    forward_only = relative_error(analytic, _differences(net, "W1", CHECK_H, central=False))
    answer = 0 if forward_only > central else 1 if forward_only < central else 2
    return {
        "id": "numeric.one-sided",
        "prompt": _(
            "With h = {h}, the one-sided difference (J(P + h) - J(P)) / h instead of the central one "
            "(J(P + h) - J(P - h)) / (2h), for W1: is its relative error against backpropagation larger or smaller?"
        ).format(h=repr(CHECK_H)),
        # Translators: the answers to "is its relative error larger or smaller?".
        "choices": [_("larger"), _("smaller"), _("the same")],
        "answer": answer,
        "explanation": _(
            "For dW1 the one-sided difference's relative error is {one_sided} and the central one's {central}: a "
            "one-sided difference is off by about h (times the second derivative), a central one by about h²."
        ).format(one_sided=_num(forward_only), central=_num(central)),
    }


def numeric_sign(net, settings):
    numeric = _differences(net, "W1", CHECK_H)[0, 0]
    analytic = _grads(net)["dW1"][0, 0]
    return {
        "id": "numeric.dw1-sign",
        "prompt": _(
            "The central difference of J along W1[0,0] with h = {h}, on the network on screen: what sign has it?"
        ).format(h=repr(CHECK_H)),
        "choices": signs(),
        "answer": _sign(numeric),
        "explanation": _(
            "(J(W1[0,0] + h) - J(W1[0,0] - h)) / (2h) = {numeric}, and backpropagation's dW1[0,0] = {analytic}: the "
            "same slope, found two ways."
        ).format(numeric=_num(numeric), analytic=_num(analytic)),
    }
