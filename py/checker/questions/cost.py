"""The predict-then-see questions before the cost exercise (see checker/questions/__init__.py)."""

from backprop.network import COSTS
from shared.i18n import _

from .common import _column, _num, _sign, signs


def costs_compared(net, settings):
    Z2, A2 = net.cache["Z2"], net.cache["A2"]
    mse, ce = float(COSTS["half_mse"].J(Z2, A2, net.Y)), float(COSTS["cross_entropy"].J(Z2, A2, net.Y))
    answer = 0 if ce > mse else 1 if mse > ce else 2
    return {
        "id": "cost.compared",
        "prompt": _("On the network on screen, which cost is larger: cross-entropy or half the mean squared error?"),
        "choices": [_("cross-entropy"), _("half the mean squared error"), _("they are equal")],
        "answer": answer,
        "explanation": _("Cross-entropy is {ce} and half-MSE is {mse}, on the same predictions A2 = {A2}.").format(
            ce=_num(ce), mse=_num(mse), A2=", ".join(_num(v) for v in A2[0])
        ),
    }


def da2_sign(net, settings):
    k = _column(net, 0, 1)
    a2, y = net.cache["A2"][0, k], net.Y[0, k]
    d = (a2 - y) / net.Y.shape[1]
    return {
        "id": "cost.da2-sign",
        "prompt": _(
            "For the example (0, 1), whose target Y is {y}, what sign has dA2 = (A2 - Y) / m for half-MSE?"
        ).format(y=_num(y)),
        "choices": signs(),
        "answer": _sign(d),
        "explanation": _da2_explanation(d).format(a2=_num(a2), y=_num(y), d=_num(d)),
    }


def _da2_explanation(d):
    if d > 0:
        return _("A2 = {a2} and Y = {y}, so dA2 = ({a2} - {y}) / 4 = {d}: raising A2 would make J rise.")
    if d < 0:
        return _("A2 = {a2} and Y = {y}, so dA2 = ({a2} - {y}) / 4 = {d}: raising A2 would make J fall.")
    return _("A2 = {a2} and Y = {y}, so dA2 = ({a2} - {y}) / 4 = {d}: raising A2 would make J stay as it is.")


def cost_is_a_mean(net, settings):
    return {
        "id": "cost.mean",
        "prompt": _("If every example were given twice (m = 8, the same predictions), what would happen to J?"),
        "choices": [_("it stays the same"), _("it doubles"), _("it halves")],
        "answer": 0,
        "explanation": _(
            "J is a mean over the examples, so repeating all of them keeps it: J = {J} either way. A sum instead of a "
            "mean would double."
        ).format(J=_num(net.cache["J"])),
    }
