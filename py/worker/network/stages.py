"""A step in slow motion, as the page shows it: backprop/stages.py's numbers written as CPython's repr texts.

{"step", "examples", "batch", "m", "n_h", "activation", "cost_function", "notebook_mode", "learning_rate",
"A0", "Y", "forward": {Z1, A1, Z2, A2}, "cost": {"J", "error", "share"}, "backward": {dZ2, dW1, db1, dA1, dZ1, dW0,
db0}, "update": {W0, b0, W1, b1: {"before", "change", "after"}}, "after": {"J"}, "slip"}: every number a text
(repr(float(x)): 'nan' and 'inf' as repr writes them), every matrix a list of rows.
"""

import numpy as np

BACKWARD = ("dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0")  # in the order backprop computes them


def text(x):
    return repr(float(x))


def texts(matrix):
    """A matrix (or a row, a number) as a list of rows of texts."""
    return [[text(x) for x in row] for row in np.asarray(matrix, dtype=float).reshape(np.shape(matrix)[0], -1)]


def stages_texts(stages):
    """The stages dict (backprop.step_stages) as JSON-able texts, as the worker's stages() export answers."""
    return {
        "step": stages["step"],
        "examples": list(stages["examples"]),
        "batch": stages["batch"],
        "m": stages["m"],
        "n_h": stages["n_h"],
        "activation": stages["activation"],
        "cost_function": stages["cost_function"],
        "notebook_mode": stages["notebook_mode"],
        "learning_rate": text(stages["learning_rate"]),
        "A0": texts(stages["A0"]),
        "Y": texts(stages["Y"]),
        "forward": {name: texts(value) for name, value in stages["forward"].items()},
        "cost": {
            "J": text(stages["cost"]["J"]),
            "error": texts(stages["cost"]["error"]),
            "share": texts(stages["cost"]["share"]),
        },
        "backward": {name: texts(stages["backward"][name]) for name in BACKWARD},
        "update": {
            name: {part: texts(value) for part, value in parts.items()} for name, parts in stages["update"].items()
        },
        "after": {"J": text(stages["after"]["J"])},
        "slip": list(stages["slip"]),
    }
