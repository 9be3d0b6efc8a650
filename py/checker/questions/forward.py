"""The predict-then-see questions before the forward-pass exercise (see checker/questions/__init__.py)."""

from shared.i18n import _

from .common import SIGNS, _column, _num, _sign, signs


def z1_of_zeros(net, settings):
    k = _column(net, 0, 0)
    z = net.cache["Z1"][0, k]
    b = net.params["b0"][0, 0]
    return {
        "id": "forward.z1-zeros",
        "prompt": _("For the example (0, 0), what sign has Z1[0], the first hidden unit's weighted sum?"),
        "choices": signs(),
        "answer": _sign(z),
        # Translators: {sign} is "positive", "negative" or "zero".
        "explanation": _(
            "With both inputs 0 the weights multiply nothing, so Z1[0] = b0[0] = {b}: {sign} (Z1[0] for (0, 0) is {z})."
        ).format(b=_num(b), sign=_(SIGNS[_sign(z)]), z=_num(z)),
    }


def a2_side(net, settings):
    k = _column(net, 1, 0)
    a2 = net.cache["A2"][0, k]
    z2 = net.cache["Z2"][0, k]
    answer = 0 if a2 > 0.5 else 1 if a2 < 0.5 else 2
    return {
        "id": "forward.a2-side",
        "prompt": _("For the example (1, 0), is the network's prediction A2 above or below 0.5?"),
        "choices": [_("above 0.5 (it says 1)"), _("below 0.5 (it says 0)"), _("exactly 0.5")],
        "answer": answer,
        "explanation": _(
            "Z2 for (1, 0) is {z2}, and the sigmoid is above 0.5 exactly when its input is positive: A2 = "
            "sigmoid({z2}) = {a2}."
        ).format(z2=_num(z2), a2=_num(a2)),
    }


def cost_level(net, settings):
    J = float(net.cache["J"])
    answer = 0 if J < 0.125 else 1 if J > 0.125 else 2
    return {
        "id": "forward.cost-level",
        "prompt": _(
            "A network that says 0.5 for every example has J = 1/2 · mean(0.5²) = 0.125. Is the cost J of the "
            "network on screen below or above 0.125?"
        ),
        "choices": [_("below 0.125"), _("above 0.125"), _("exactly 0.125")],
        "answer": answer,
        "explanation": _("J = {J}, with predictions A2 = {A2} for targets Y = {Y}.").format(
            J=_num(J), A2=", ".join(_num(v) for v in net.cache["A2"][0]), Y=", ".join(_num(v) for v in net.Y[0])
        ),
    }


def a1_range(net, settings):
    A1 = net.cache["A1"]
    return {
        "id": "forward.a1-range",
        "prompt": _("Which range holds every value of A1 = tanh(Z1), whatever the weights?"),
        "choices": [_("between -1 and 1"), _("between 0 and 1"), _("any number at all")],
        "answer": 0,
        "explanation": _(
            "tanh squashes every number into (-1, 1); on screen A1 goes from {low} to {high}, from Z1 between "
            "{z_low} and {z_high}."
        ).format(
            low=_num(A1.min()),
            high=_num(A1.max()),
            z_low=_num(net.cache["Z1"].min()),
            z_high=_num(net.cache["Z1"].max()),
        ),
    }
