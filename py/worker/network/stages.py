"""A step in slow motion, as the page shows it: backprop/stages.py's numbers written as CPython's repr texts.

{"step", "examples", "batch", "m", "n_h", "activation", "cost_function", "notebook_mode", "learning_rate",
"A0", "Y", "forward": {Z1, A1, Z2, A2}, "cost": {"J", "error", "share"}, "backward": {dZ2, dW1, db1, dA1, dZ1, dW0,
db0}, "update": {W0, b0, W1, b1: {"before", "change", "after"}}, "after": {"J"}, "slip", "shown", "backward_shown",
"limit"}: every number a text (repr(float(x)): 'nan' and 'inf' as repr writes them), every matrix a list of rows.

A data set has hundreds of examples; the page shows at most SHOWN of them (its tables, its example picker), so only
their columns travel: "shown" lists the examples whose columns A0, Y, forward and cost hold, in order (the first
SHOWN, and the step's one example in one-example mode wherever it is), "backward_shown" those of the backward pass's
per-example columns (dZ2, dA1, dZ1; the step's examples that are shown, in the step's order), "limit" is SHOWN when
some examples were left out, else None. J, the gradients and the update are over every example of the step.
"""

import numpy as np

BACKWARD = ("dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0")  # in the order backprop computes them
PER_EXAMPLE = ("dZ2", "dA1", "dZ1")  # the backward numbers with a column per example of the step
SHOWN = 8  # examples the page shows of a data set (TABLE_LIMIT of the predictions panel)


def text(x):
    return repr(float(x))


def texts(matrix):
    """A matrix (or a row, a number) as a list of rows of texts."""
    return [[text(x) for x in row] for row in np.asarray(matrix, dtype=float).reshape(np.shape(matrix)[0], -1)]


def shown_examples(m, examples, limit=SHOWN):
    """The examples the page shows of m: the first `limit`, and the step's examples too when they are few (one
    example per step), in order."""
    examples = [int(j) for j in examples]
    extra = examples if len(examples) <= limit else []
    return sorted(set(range(min(m, limit))) | set(extra))


def stages_texts(stages, limit=SHOWN):
    """The stages dict (backprop.step_stages) as JSON-able texts, as the worker's stages() export answers, with the
    columns of the examples shown only (see the module's docstring)."""
    m, examples = stages["m"], [int(j) for j in stages["examples"]]
    shown = shown_examples(m, examples, limit)
    kept = [e for e, j in enumerate(examples) if j in set(shown)]  # the backward pass's columns shown

    def columns(matrix, picked):
        return texts(np.asarray(matrix, dtype=float)[:, picked])

    per_example = {name: columns(stages["backward"][name], kept) for name in PER_EXAMPLE}
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
        "A0": columns(stages["A0"], shown),
        "Y": columns(stages["Y"], shown),
        "forward": {name: columns(value, shown) for name, value in stages["forward"].items()},
        "cost": {
            "J": text(stages["cost"]["J"]),
            "error": columns(stages["cost"]["error"], shown),
            "share": columns(stages["cost"]["share"], shown),
        },
        "backward": {
            name: per_example[name] if name in per_example else texts(stages["backward"][name]) for name in BACKWARD
        },
        "update": {
            name: {part: texts(value) for part, value in parts.items()} for name, parts in stages["update"].items()
        },
        "after": {"J": text(stages["after"]["J"])},
        "slip": list(stages["slip"]),
        "shown": shown,
        "backward_shown": [examples[e] for e in kept],
        "limit": limit if len(shown) < m else None,
    }
