"""The known mistakes of a hand-written backward pass, as variants of the reference one.

The checker compares a student's gradients with these to name a mistake in words. A backward pass is
eight steps, each computing one gradient from the one before it (UPSTREAM); a mistake changes one or
more steps. step() computes one gradient from a given upstream value, with or without a mistake, so that
a slip can be recognised whatever the student's other lines hold; backward_with() chains the steps with
one mistake applied, propagated downstream as it would be in the student's code.

Half-MSE cost, tanh hidden layer, sigmoid output, one network (2-D arrays), examples as columns.
"""

import numpy as np

MISTAKES = (
    "forgot_m",
    "sign_flipped",
    "sigma_prime_missing",
    "tanh_of_A1",
    "transposed",
    "wrong_axis",
    "no_keepdims",
    "A1_for_A0",
)

ORDER = ("dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0")
UPSTREAM = {
    "dA2": None,
    "dZ2": "dA2",
    "dW1": "dZ2",
    "db1": "dZ2",
    "dA1": "dZ2",
    "dZ1": "dA1",
    "dW0": "dZ1",
    "db0": "dZ1",
}


def _right(name, u, W1, A0, A1, A2, Y):
    """The reference step: name's gradient from its upstream gradient u."""
    if name == "dA2":
        return (A2 - Y) / Y.shape[1]
    if name == "dZ2":
        return u * A2 * (1 - A2)
    if name in ("dW1", "dW0"):
        return u @ (A1 if name == "dW1" else A0).T
    if name in ("db1", "db0"):
        return u.sum(axis=1, keepdims=True)
    if name == "dA1":
        return W1.T @ u
    if name == "dZ1":
        return u * (1 - A1**2)
    raise ValueError(f"no gradient {name!r}; the gradients are {', '.join(ORDER)}")


def _variants(mistake, name, u, W1, A0, A1, A2, Y):
    """The ways of making mistake in name's step, as a list of functions (empty: it cannot happen there)."""
    table = {
        "forgot_m": {"dA2": [lambda: A2 - Y]},
        "sign_flipped": {n: [lambda: -_right(name, u, W1, A0, A1, A2, Y)] for n in ORDER},
        "sigma_prime_missing": {"dZ2": [lambda: u], "dZ1": [lambda: u]},
        "tanh_of_A1": {"dZ1": [lambda: u * (1 - np.tanh(A1) ** 2)]},
        "transposed": {"dW1": [lambda: A1 @ u.T], "dW0": [lambda: A0 @ u.T], "dA1": [lambda: u.T @ W1]},
        "wrong_axis": {
            n: [
                lambda: u.sum(axis=0, keepdims=True),
                lambda: u.sum(axis=0),
                lambda: u.sum(keepdims=True),
                lambda: u.sum(),
            ]
            for n in ("db1", "db0")
        },
        "no_keepdims": {n: [lambda: u.sum(axis=1), lambda: u.sum()] for n in ("db1", "db0")},
        "A1_for_A0": {"dW0": [lambda: u @ A1.T]},
    }
    if mistake not in table:
        raise ValueError(f"unknown mistake {mistake!r}; the mistakes are {', '.join(MISTAKES)}")
    return table[mistake].get(name, [])


def _values(params, cache, A0):
    return params["W1"], np.asarray(A0, dtype=float), cache["A1"], cache["A2"]


def step(name, upstream, params, cache, A0, Y, mistake=None):
    """name's gradient from the upstream gradient (UPSTREAM[name]; None for dA2), computed right or with
    mistake: a list of candidate values, one per way of making the mistake (empty when the mistake does
    not touch this step; a candidate whose shapes do not fit is left out)."""
    W1, A0, A1, A2 = _values(params, cache, A0)
    u = None if upstream is None else np.asarray(upstream, dtype=float)
    if mistake is None:
        makers = [lambda: _right(name, u, W1, A0, A1, A2, Y)]
    else:
        makers = _variants(mistake, name, u, W1, A0, A1, A2, Y)
    values = []
    with np.errstate(all="ignore"):
        for make in makers:
            try:
                values.append(np.asarray(make(), dtype=float))
            except (ValueError, TypeError, AttributeError):
                pass  # e.g. a product whose shapes do not fit: the student's code would have raised
    return values


def backward_with(mistake, params, cache, A0, Y):
    """All eight gradients with mistake applied at every step it touches (its first way of being made),
    each computed from the mistaken upstream one; a gradient that could not be computed is None."""
    grads = {}
    for name in ORDER:
        up = UPSTREAM[name]
        if up is not None and grads[up] is None:
            grads[name] = None
            continue
        upstream = None if up is None else grads[up]
        values = step(name, upstream, params, cache, A0, Y, mistake) or step(name, upstream, params, cache, A0, Y)
        grads[name] = values[0] if values else None
    return grads
