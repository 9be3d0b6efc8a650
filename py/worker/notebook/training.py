"""The Notebook view's sections 5 and 6: one gradient-descent step from the network on screen, computed on
copies, and the training log of cells 34-36 for a fresh run of its settings. See sections.py for the dict."""

import functools
import sys

import numpy as np

from backprop import PARAM_NAMES, Run, forward
from shared.i18n import _
from worker.notebook.forward import notebook_Y
from worker.notebook.numbers import matrix, repr_text, scalar, values
from worker.notebook.source import update_lines

LOG_STEPS, LOG_EVERY = 1000, 100  # cell 35


# ---------------------------------------------------------------- 5. one step of gradient descent


def step_section(run, grads):
    """The next step from the network on screen: grads are that step's gradients (the full batch's, or for one
    example per step its example's, as Run.stages() gives them), so the step is exactly the lab's Step."""
    c = run.config
    lr = c.learning_rate
    after = {}
    params = []
    for name in PARAM_NAMES:
        before = np.array(run.params[name])
        gradient = np.array(grads["d" + name])
        update = gradient * lr  # as Run.train: grad *= learning_rate; theta -= grad
        after[name] = before - update
        params.append(
            {
                "name": name,
                "formula_text": f"{name} ← {name} − learning_rate · d{name}",
                "before": matrix(before),
                "gradient": matrix(gradient),
                "update": matrix(update),
                "after": matrix(after[name]),
            }
        )
    J_after = forward(after, run.A0, run.Y, c.activation, c.cost)["J"]
    return {
        "learning_rate": float(lr),
        "learning_rate_text": repr(lr),
        "code": list(update_lines()),
        "params": params,
        "J_before": scalar(run.cost),
        "J_after": scalar(J_after),
        "J_change": scalar(J_after - run.cost),
        "examples": run.next_examples(),
        "one_example_note": one_example_note(run),
    }


def one_example_note(run):
    """For one example per step, what this step's gradient is (None for the notebook's full batch)."""
    if run.config.batch == "full":
        return None
    j = run.next_examples()[0]
    values = {"step": run.step, "j": j, "m": run.Y.shape[-1]}
    if run.config.batch == "one":
        return _(
            "One example per step (in order): step {step}'s gradients are those of example {j} alone "
            "(column {j} of A0, m = 1), not the full batch's of the sections above; J stays the cost over all "
            "{m} examples."
        ).format(**values)
    return _(
        "One example per step (shuffled by the seed): step {step}'s gradients are those of example {j} alone "
        "(column {j} of A0, m = 1), not the full batch's of the sections above; J stays the cost over all "
        "{m} examples."
    ).format(**values)


# ---------------------------------------------------------------- 6. the training log (cells 34-36)


def points_key(run):
    """The run's own points as log_section takes them (a tuple of tuples, for its cache), or None when its data
    comes from its settings (a truth table, a generated set)."""
    if run.config.data != "points":
        return None
    return tuple(tuple(point) for point in run.data.points())


def _full_text(x):
    """print()'s text of x without NumPy's summary ("..." above 1000 entries): one text per entry."""
    return np.array2string(x, threshold=sys.maxsize)


@functools.lru_cache(maxsize=16)  # a fresh run's log depends on the settings (and own points) alone
def log_section(config, points=None):
    """Cells 34-36 for a fresh run of config, on its points (points_key) when its data is the student's own."""
    fresh = Run(config, points=None if points is None else [list(point) for point in points])
    lines = [{"step": 0, "J": float(fresh.cost), "text": repr_text(fresh.cost)}]
    for target in range(LOG_EVERY, LOG_STEPS, LOG_EVERY):
        fresh.train(target - fresh.step)
        if fresh.step != target:  # diverged: training stopped
            break
        lines.append({"step": target, "J": float(fresh.cost), "text": repr_text(fresh.cost)})
    # The notebook's A2 is that of its last forward pass, before update 999.
    fresh.train(LOG_STEPS - 1 - fresh.step)
    A2 = np.round(np.asarray(fresh.A2).squeeze(), 3)
    Y = notebook_Y(fresh)
    return {
        "learning_rate": float(config.learning_rate),
        "learning_rate_text": repr(config.learning_rate),
        "steps": LOG_STEPS,
        "every": LOG_EVERY,
        "lines": lines,
        "predictions": {
            "step": fresh.step,
            "code": 'print("A2 =", np.round(nn.A2.squeeze(), 3))',
            "text": np.array2string(A2),
            "values": values(A2),
            "Y_text": np.array2string(Y),
            "cells": _full_text(A2),  # every entry, when print() summarises (more than 1000 examples)
            "Y_cells": _full_text(Y),
        },
        "status": fresh.status,
        "reason": fresh.reason,
    }
