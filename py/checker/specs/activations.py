"""The activations exercise's checks (see checker/specs/__init__.py)."""

import numpy as np

from shared.i18n import N_, _

from .. import networks
from .common import Case, Mistake, Spec


def _sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


LARGE = np.array([[-800.0, -40.0, -5.0, -0.5, -1e-3, 1e-3, 0.5, 5.0, 40.0, 800.0]])


class Activations(Spec):
    CALLS = {
        "sigmoid": ("sigmoid", ("Z",)),
        "tanh": ("tanh", ("Z",)),
        "relu": ("relu", ("Z",)),
        "sigmoid_prime_from_A": ("sigmoid_prime_from_A", ("A_sigmoid",)),
        "tanh_prime_from_A": ("tanh_prime_from_A", ("A_tanh",)),
        "relu_prime": ("relu_prime", ("Z",)),
    }
    MISTAKES = {
        "sigmoid": [
            Mistake(
                "plus_z",
                N_("{name} uses e^(+z): that is sigmoid(-z), which falls where the sigmoid rises. Write np.exp(-Z)."),
                lambda c: 1 / (1 + np.exp(c.arrays["Z"])),
            ),
            Mistake(
                "overflow",
                N_("{name} gives nan for large z: e^z / (1 + e^z) is inf / inf there. Write 1 / (1 + np.exp(-Z))."),
                lambda c: np.exp(c.arrays["Z"]) / (1 + np.exp(c.arrays["Z"])),
            ),
        ],
        "tanh": [
            Mistake(
                "overflow",
                N_("{name} gives nan for large |z|: written from exp it is inf / inf there. Use np.tanh."),
                lambda c: (
                    (np.exp(c.arrays["Z"]) - np.exp(-c.arrays["Z"])) / (np.exp(c.arrays["Z"]) + np.exp(-c.arrays["Z"]))
                ),
            ),
            Mistake(
                "sigmoid_for_tanh",
                N_("{name} is the sigmoid, not tanh: tanh goes from -1 to 1."),
                lambda c: _sigmoid(c.arrays["Z"]),
            ),
        ],
        "relu": [
            Mistake(
                "np_max",
                N_(
                    "{name} uses np.max(Z, 0), the largest value along axis 0, which drops a dimension. "
                    "np.maximum(Z, 0) compares element by element."
                ),
                lambda c: np.max(c.arrays["Z"], 0),
            ),
            Mistake(
                "min_for_max",
                N_(
                    "{name} keeps the negative numbers and zeroes the positive ones: np.minimum where np.maximum is "
                    "meant."
                ),
                lambda c: np.minimum(c.arrays["Z"], 0),
            ),
        ],
        "sigmoid_prime_from_A": [
            Mistake(
                "sigmoid_of_A",
                N_(
                    "{name} applies the sigmoid again: A is already sigmoid(Z), so the derivative is A * (1 - A) "
                    "(the notebook's slip for tanh, made with the sigmoid)."
                ),
                lambda c: _sigmoid(c.arrays["A_sigmoid"]) * (1 - _sigmoid(c.arrays["A_sigmoid"])),
            ),
            Mistake(
                "tanh_derivative",
                N_("{name} is tanh's derivative, 1 - A², not the sigmoid's, A * (1 - A)."),
                lambda c: 1 - c.arrays["A_sigmoid"] ** 2,
            ),
        ],
        "tanh_prime_from_A": [
            Mistake(
                "tanh_of_A1",
                N_(
                    "{name} is 1 - tanh(A)**2, the notebook's slip (its cells 30 and 33): A is already tanh(Z), "
                    "so tanh's derivative is 1 - A**2."
                ),
                lambda c: 1 - np.tanh(c.arrays["A_tanh"]) ** 2,
            ),
            Mistake(
                "sigmoid_derivative",
                N_("{name} is the sigmoid's derivative, A * (1 - A), not tanh's, 1 - A²."),
                lambda c: c.arrays["A_tanh"] * (1 - c.arrays["A_tanh"]),
            ),
        ],
        "relu_prime": [
            Mistake(
                "relu_itself",
                N_("{name} returns ReLU itself: its derivative is the slope, 1 where z > 0 and 0 elsewhere."),
                lambda c: np.maximum(c.arrays["Z"], 0),
            ),
            Mistake(
                "flipped",
                N_("{name} is 1 where z < 0: the slope is 1 on the positive side."),
                lambda c: (c.arrays["Z"] < 0) * 1.0,
            ),
        ],
    }

    @staticmethod
    def _case(label, Z, quiet=False):
        with np.errstate(over="ignore"):
            return Case(label, {"Z": Z, "A_sigmoid": _sigmoid(Z), "A_tanh": np.tanh(Z)}, quiet)

    def cases(self, screen):
        nets = networks.checked(screen)
        made = [
            self._case(
                _("Z1 and Z2 of {network}").format(network=net.label), np.vstack([net.cache["Z1"], net.cache["Z2"]])
            )
            for net in nets
        ]
        # Translators: what a value was checked on, as in "wrong (on numbers from -800 to 800)".
        return made + [self._case(_("numbers from -800 to 800"), LARGE, quiet=True)]

    def references(self, case):
        Z, As, At = case.arrays["Z"], case.arrays["A_sigmoid"], case.arrays["A_tanh"]
        values = {
            "sigmoid": As,
            "tanh": At,
            "relu": np.maximum(Z, 0.0),
            "sigmoid_prime_from_A": As * (1 - As),
            "tanh_prime_from_A": 1 - At**2,
            "relu_prime": (Z > 0) * 1.0,
        }
        return {name: (np.asarray(value, dtype=float), None) for name, value in values.items()}
