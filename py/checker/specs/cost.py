"""The cost exercise's checks (see checker/specs/__init__.py)."""

import numpy as np

from shared.i18n import N_, _

from .. import networks
from .common import Case, Mistake, Spec


def _J_half(A2, Y):
    return 0.5 * np.mean((A2 - Y) ** 2)


def _J_cross(A2, Y):
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))


def _on(fn):
    """A mistake's value from the case's A2 and Y."""
    return lambda c: fn(c.arrays["A2"], c.arrays["Y"])


class Cost(Spec):
    CALLS = {name: (name, ("A2", "Y")) for name in ("half_mse", "half_mse_dA2", "cross_entropy", "cross_entropy_dA2")}
    MISTAKES = {
        "half_mse": [
            Mistake(
                "sum_for_mean",
                N_(
                    "{name} sums the squared errors instead of averaging them: it is m = 4 times too big on a truth "
                    "table "
                    "(m times on m examples). Use np.mean."
                ),
                _on(lambda A2, Y: 0.5 * np.sum((A2 - Y) ** 2)),
            ),
            Mistake(
                "missing_half",
                N_("{name} is twice too big: the 1/2 in front of the mean is missing."),
                _on(lambda A2, Y: np.mean((A2 - Y) ** 2)),
            ),
        ],
        "half_mse_dA2": [
            Mistake(
                "sign_flipped",
                N_(
                    "{name} is (Y - A2) / m, the negative of dJ/dA2: the notebook writes it so and adds it in its "
                    "update (cell 32). The gradient itself is (A2 - Y) / m."
                ),
                _on(lambda A2, Y: (Y - A2) / Y.shape[1]),
            ),
            Mistake(
                "forgot_m",
                N_(
                    "{name} is m = 4 times too big on a truth table (m times on m examples): the mean divides by the "
                    "number of examples, so divide by m (m is the number of examples, Y.shape[1] = 4 (len(Y) is 1, Y "
                    "having one row))."
                ),
                _on(lambda A2, Y: A2 - Y),
            ),
            Mistake(
                "missing_half",
                N_("{name} is twice too big: the 1/2 of J cancels the square's 2, so dA2 = (A2 - Y) / m."),
                _on(lambda A2, Y: 2 * (A2 - Y) / Y.shape[1]),
            ),
        ],
        "cross_entropy": [
            Mistake(
                "sum_for_mean",
                N_(
                    "{name} sums over the examples instead of averaging: it is m = 4 times too big on a truth table "
                    "(m times on m examples). Use np.mean."
                ),
                _on(lambda A2, Y: -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))),
            ),
            Mistake(
                "missing_minus",
                N_(
                    "{name} is negative: the logarithms of numbers below 1 are negative, so cross-entropy has a "
                    "minus in front of the mean."
                ),
                _on(lambda A2, Y: -_J_cross(A2, Y)),
            ),
        ],
        "cross_entropy_dA2": [
            Mistake(
                "sign_flipped",
                N_(
                    "{name} has the opposite sign to dJ/dA2: check the order of a subtraction or the minus in front "
                    "of J."
                ),
                _on(lambda A2, Y: -(A2 - Y) / (A2 * (1 - A2)) / Y.shape[1]),
            ),
            Mistake(
                "forgot_m",
                N_(
                    "{name} is m = 4 times too big on a truth table (m times on m examples): the mean divides by m "
                    "(m is the number of examples, Y.shape[1] = 4 (len(Y) is 1, Y having one row))."
                ),
                _on(lambda A2, Y: (A2 - Y) / (A2 * (1 - A2))),
            ),
            Mistake(
                "dZ2_for_dA2",
                N_(
                    "{name} is (A2 - Y) / m, which is dZ2 for cross-entropy with a sigmoid output (the sigmoid's "
                    "derivative cancels). dA2 still has A2 · (1 - A2) in its denominator."
                ),
                _on(lambda A2, Y: (A2 - Y) / Y.shape[1]),
            ),
        ],
    }

    def cases(self, screen):
        return [
            Case(_("A2 and Y of {network}").format(network=net.label), {"A2": net.cache["A2"], "Y": net.Y})
            for net in networks.checked(screen)
        ]

    def references(self, case):
        A2, Y = case.arrays["A2"], case.arrays["Y"]
        m = Y.shape[1]
        values = {
            "half_mse": _J_half(A2, Y),
            "half_mse_dA2": (A2 - Y) / m,
            "cross_entropy": _J_cross(A2, Y),
            "cross_entropy_dA2": (A2 - Y) / (A2 * (1 - A2)) / m,
        }
        return {name: (np.asarray(value, dtype=float), None) for name, value in values.items()}
