"""Naming what went wrong with a gradient: a known mistake (backprop.mistakes), an earlier gradient it
follows from, or the notebook's sign convention."""

import numpy as np

from backprop import relative_error
from backprop.mistakes import MISTAKES, UPSTREAM, backward_with, step
from backprop.network import ACTIVATIONS, linear, sigmoid
from shared.i18n import N_, _

SAME = 1e-6  # relative error under which two arrays are the same value computed two ways

NOTE = N_(
    "Your gradients are the negatives of dJ/d(...): you wrote dA2 = (Y - A2) / m, as the notebook's "
    "cell 32 does. That is the same update written the other way: the notebook adds learning_rate times "
    "each gradient (W1 += learning_rate * dW1) where gradient descent subtracts the true gradient. "
    "They are checked as negatives."
)

TEXTS = {
    "forgot_m": N_(
        "{name} is m = 4 times too big on a truth table (m times on m examples): the mean in J divides "
        "by the number of examples m, so dA2 = (A2 - Y) / m."
    ),
    "sign_flipped": N_(
        "{name} has the opposite sign to your other gradients: check the order of a subtraction or a stray minus sign."
    ),
    "sigma_prime_missing": N_(
        "{name} is missing the activation's derivative: the chain rule multiplies {upstream} by it, element by element."
    ),
    "tanh_of_A1": N_(
        "{name} uses 1 - tanh(A1)**2, the notebook's slip: A1 is already tanh(Z1), so tanh's derivative is 1 - A1**2."
    ),
    "transposed": N_(
        "{name} is transposed: its shape must be that of what it is the gradient of; swap the "
        "order of the product and move the transpose."
    ),
    "wrong_axis": N_(
        "{name} sums over the wrong axis: the examples are the columns, so sum over axis=1 (with keepdims=True)."
    ),
    "no_keepdims": N_(
        "{name} has lost a dimension: np.sum(..., axis=1) gives a flat array; add keepdims=True to keep it a column."
    ),
    "A1_for_A0": N_("{name} uses A1 where this layer's input is A0: dW0 = dZ1 · A0ᵀ."),
}


def same(a, b):
    return a.shape == b.shape and relative_error(a, b) <= SAME


def sign_convention(got, refs, names):
    """-1 when more of the student's gradients match the negative of the true ones (on every network)
    than match the true ones, else +1."""

    def matches(name, sign):
        return all(
            isinstance(g.get(name), np.ndarray)
            and g[name].shape == r[name].shape
            and relative_error(sign * g[name], r[name]) <= SAME
            for g, r in zip(got, refs)
        )

    positive = sum(matches(name, 1) for name in names)
    negative = sum(matches(name, -1) for name in names)
    return -1 if negative > positive else 1


def _words(mistake, name):
    return {"mistake": mistake, "text": _(TEXTS[mistake]).format(name=name, upstream=UPSTREAM.get(name))}


def _follows(name, up):
    return {
        "mistake": "follows",
        "from": up,
        "text": _("{name} follows from {up}: fix that first.").format(name=name, up=up),
    }


def backward(name, statuses, got, nets, refs, conv):
    """The diagnosis of a wrong backward row, or None."""
    up = UPSTREAM[name]

    def mine(g, key):
        value = g.get(key)
        return conv * value if isinstance(value, np.ndarray) else None

    def everywhere(candidates_of):
        """True when the student's value is one of the candidates on every network."""
        for g, net, ref in zip(got, nets, refs):
            value = mine(g, name)
            if value is None or not any(same(value, c) for c in candidates_of(g, net, ref)):
                return False
        return True

    def upstream(g, ref):
        if up is None:
            return None
        return mine(g, up) if mine(g, up) is not None else ref[up]

    if (
        up is not None
        and statuses[up] != "right"
        and all(mine(g, up) is not None for g in got)
        and everywhere(lambda g, net, ref: step(name, mine(g, up), net.params, net.cache, net.A0, net.Y))
    ):
        return _follows(name, up)
    for mistake in MISTAKES:
        if everywhere(
            lambda g, net, ref, mistake=mistake: step(
                name, upstream(g, ref), net.params, net.cache, net.A0, net.Y, mistake
            )
        ):
            return _words(mistake, name)
    for mistake in MISTAKES:
        if everywhere(
            lambda g, net, ref, mistake=mistake: [
                v for v in [backward_with(mistake, net.params, net.cache, net.A0, net.Y)[name]] if v is not None
            ]
        ):
            return _words(mistake, name)
    return None


FORWARD_UPSTREAM = {"Z1": None, "A1": "Z1", "Z2": "A1", "A2": "Z2", "J": None}


def _forward_step(name, u, params):
    with np.errstate(all="ignore"):
        if name == "A1":
            return ACTIVATIONS["tanh"].g(u)
        if name == "Z2":
            return linear(params["W1"], u, params["b1"])
        return sigmoid(u)


def forward(name, statuses, got, nets):
    """A wrong forward value that only follows from a wrong earlier one, or None."""
    up = FORWARD_UPSTREAM[name]
    if up is None or statuses[up] == "right":
        return None
    for g, net in zip(got, nets):
        value, u = g.get(name), g.get(up)
        if not (isinstance(value, np.ndarray) and isinstance(u, np.ndarray)):
            return None
        try:
            expected = np.asarray(_forward_step(name, u, net.params), dtype=float)
        except (ValueError, TypeError):
            return None
        if not same(value, expected):
            return None
    return _follows(name, up)
