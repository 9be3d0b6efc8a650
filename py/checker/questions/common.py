"""What the questions of every exercise share: their constants and small helpers."""

import numpy as np

from backprop.network import backward
from shared.i18n import N_, _

SLOW_RATE = 100.0  # the learning rate of the "rise or fall" question
SAME = 1e-12  # relative difference under which two gradients count as the same
STEPS_H = (1e-1, 1e-5, 1e-12)  # the steps h of the "which h" question
CHECK_H = 1e-5  # the step of the other numeric questions (the exercise's)


def _num(x):
    return f"{float(x):.6g}"


def _sign(x):
    return 0 if x > 0 else 1 if x < 0 else 2


# Translators: the answers to "what sign has it?".
SIGNS = (N_("positive"), N_("negative"), N_("zero"))


def signs():
    """SIGNS in the page's language, as a question's choices."""
    return [_(sign) for sign in SIGNS]


def _column(net, a, b):
    """The column of A0 that holds the example (a, b)."""
    for k in range(net.A0.shape[1]):
        if net.A0[0, k] == a and net.A0[1, k] == b:
            return k
    raise ValueError(f"no example ({a}, {b})")


def _grads(net, notebook_mode=False):
    return backward(net.params, net.cache, net.A0, net.Y, notebook_mode=notebook_mode)


def _rate(settings):
    """The learning rate on screen (the settings'), the notebook's 10 when there is none to read."""
    try:
        rate = float(settings.get("learning_rate", 10.0))
    except (TypeError, ValueError):
        return 10.0
    return rate if np.isfinite(rate) and rate > 0 else 10.0
