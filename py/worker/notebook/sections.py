"""The Notebook view's data: the seed notebook's sections, worked through for the network on screen.

`notebook(run, numeric=True, log=True)` takes a `backprop.Run` and returns one dict of plain Python values
(no NumPy types), which html.page() turns into the view's HTML in the worker: only "run" crosses to the page as
JSON, so its cost is JSON-safe (plots.plain); elsewhere a float that is not finite is a float (nan, inf). Every
number a student must read exactly also comes as TEXT formatted by CPython's rules (numbers.py): `repr` for
a scalar, `np.array2string` with NumPy's default print options for a matrix (what the notebook's `print`
shows). The run is not changed. The sections are built by forward.py (1, 2), backward.py (3, 4) and
training.py (5, 6).

A "matrix" below is {"text": np.array2string text, "values": nested lists of floats, "shape": [rows, cols]} (and
"cells", its whole text, when print() would summarise it with "...": numbers.matrix);
a "scalar" is {"text": repr text, "value": float}.

    {
      "sections": ["setup", "forward", "backward", "notebook_check", "step", "log"],  # the notebook's
                                     # order; "log" only with log=True
      "run": {"step", "status", "reason", "cost" (number, or "NaN" / "Infinity"), "cost_text",
              "config" (the settings dict), "m" (training examples),
              "data" ("the spiral (data seed 0, ...)", "your points", or None for a truth table)},
      "data": {"table": bool, "words": "the spiral (data seed 0, 200 points, ...)" or "your points" or None,
               "m", "test_m", "unrolled": the examples written out (at most 4),
               "note": the data on screen in a sentence, or None for a truth table},
      "setup": [                     # cell 3: A0, Y, n, m, n_h, n_o, W0, b0, W1, b1, in this order
                                     # (A0 and Y the run's TRAINING examples: a data set's written in as
                                     # CPython's repr, so that the code still makes the values)
        {"name": "W0",
         "code": "np.random.seed(2)\nW0 = np.random.randn(n_h, n) * 0.1",   # the notebook's line(s) with
                                     # this network's seed, n_h and truth table; the items' code joined
                                     # in order is a program that makes these values
         "comment": "Weights between input and hidden layers.",   # the notebook's comment on the line
         "text": "[[-0.04167578 -0.00562668]\n [-0.21361961  0.16402708]]",  # what print() shows
         "values": [[...], ...],     # a number for n, m, n_h, n_o; a flat list for Y (the notebook's Y is 1-D)
         "shape": [2, 2],            # [] for a scalar
         # W0, b0, W1, b1 only: the code makes the initial values; the network on screen may have
         # trained (or been edited) since
         "current": matrix, "changed": bool},
        ...],
      "forward": {                   # cells 4-12, from backprop.unroll
        "activation": "tanh",
        "m": examples, "columns": the examples unrolled (the first 4 at most),
        "note": str or None,         # with more than 4 examples: the sums are the first four's
                                     # (Z1 ... A2 below are those columns; J is over every example)
        "hidden": [entry, ...],      # Z1[i,j], example by example (j), neuron by neuron (i)
        "output": [entry, ...],      # Z2[0,j]
        "Z1", "A1", "Z2", "A2": matrix,   # the unrolled sums and their activations
        "J": scalar,                 # the cost in use, of the unrolled A2
        "matrix": [                  # cell 13: the same pass as matrix products; each line was executed
                                     # as shown to get its value
          {"name": "Z1", "code": "Z1 = np.dot(W0, A0) + b0", "text", "values", "shape",
           "matches_unrolled": bool},    # np.allclose(line's value, unrolled, rtol=1e-9, atol=1e-12)
          ... A1 (the activation in use), Z2, A2, J (the cost in use; "shape": [])]},
      "backward": {                  # cells 16-31 and 32
        "notebook_mode": bool,
        "notebook_note": str or None,   # in notebook mode: the notebook's 1 - tanh(A1)**2 slip explained
        "kink_units": ["Z1[0,2]", ...], # hidden sums within h of relu's kink at 0 ([] unless relu)
        "gradients": [               # dA2, dZ2, dW1, db1, dA1, dZ1, dW0, db0, in this order
          {"name": "dZ1", "of": "Z1",
           "formula": "<math ...>...</math>",   # presentation MathML of the chain rule
           "formula_text": "dZ1 = dA1 ⊙ g′(Z1) = dA1 ⊙ (1 − A1²)",
           "code": "dZ1 = dA1 * act.g_prime(Z1, A1)\nlambda Z, A: 1.0 - A**2",  # code_lines joined
           "code_lines": [{"code": ..., "source": "backprop/network.py: backward"}, ...],  # each line
                                     # verbatim from the model's source (inspect.getsource)
           "analytic": matrix,       # run.gradients(), as training uses them
           # only with numeric=True:
           "numeric": matrix,        # central differences, backprop.numeric_gradient, h = 1e-5
           "h": 1e-05, "h_text": "1e-05",
           "relative_error": number, "relative_error_text": repr text,
           "verdict": "right" (<= 1e-7) | "suspicious" (<= 1e-4) | "wrong" (> 1e-4)
                      | "undefined" (the error is not a finite number: a diverged network),
           "kink": bool,             # relu, a hidden Z1 within h of 0, and this gradient's numeric
                                     # derivative goes through relu (dZ1, dW0, db0)
           "verdict_text": str},     # the verdict in words (says when the kink may explain it)
          ...]},
      "notebook_check": {            # cells 16-31 as the notebook printed them
        "delta": 1e-09, "delta_text": "1e-09", "decimals": 5,
        "note": str,
        "gradients": [               # the same eight, same order
          {"name": "db0", "of": "b0", "numeric_cell": 30, "analytic_cell": 31,
           "numeric_code": str, "analytic_code": str,   # the notebook's cells' code
           "analytic": matrix,       # np.round(gradient, 5)
           # only with numeric=True:
           "numeric": matrix,        # forward differences: np.round((J(x + delta) - J(x)) / delta, 5)
           "agree": bool},           # the two printed texts are equal
          ...]},
      "step": {                      # one gradient-descent step, computed on copies
        "learning_rate": number, "learning_rate_text": repr text,
        "code": ["grad *= c.learning_rate", "theta -= grad"],  # verbatim from backprop.Run.train
        "params": [{"name": "W0", "formula_text": "W0 ← W0 − learning_rate · dW0",
                    "before": matrix, "gradient": matrix, "update": matrix (learning_rate × gradient),
                    "after": matrix}, ... W0, b0, W1, b1],
        "J_before": scalar, "J_after": scalar, "J_change": scalar,
        "examples": [the columns of A0 the step's gradient takes], "one_example_note": text or None},
                                     # one example per step: the step's gradients are its example's
      "log": {                       # only with log=True: cell 35's loop for a fresh run of these settings
        "learning_rate", "learning_rate_text", "steps": 1000, "every": 100,
        "lines": [{"step": 0, "J": number, "text": "0.12519375208599626"}, ... 100, ..., 900],
                                     # J before update i, i = 0, 100, ..., 900, as cell 35 prints it;
                                     # fewer when the run diverges first
        "predictions": {"step": 999, "code": ..., "text": "[0.98  0.98  0.016 0.016]", "values": [...],
                        "Y_text": "[1 1 0 0]",    # cell 36: np.round(A2.squeeze(), 3) after the loop
                        "cells", "Y_cells"},      # the same without NumPy's "..." (over 1000 examples)
        "status": "ready" | "diverged", "reason": str or None}
    }

A forward entry: {"layer": 1, "example": j, "neuron": i, "name": "Z1[i,j]",
"equation": "Z1[0,0] = W0[0,0]·A0[0,0] + W0[0,1]·A0[1,0] + b0[0]", "numbers": "(w)·(a) + (w)·(a) + b",
"text": equation + " = " + numbers + " = " + Z's text, "terms": [{"weight": {"name", "value", "text"},
"input": {"name", "value", "text"}, "product": {"value", "text"}}, ...], "bias": {"name", "value", "text"},
"Z": {"name", "value", "text"}, "A": {"name", "value", "text", "function"},
"activation_text": "A1[0,0] = tanh(Z1[0,0]) = tanh(0.094...) = 0.094..."}. The inputs A0 are printed as
the notebook's integers (0, 1).
"""

import numpy as np

from plots.plain import plain
from worker.notebook.backward import backward_section, notebook_check_section
from worker.notebook.forward import data_section, data_words, forward_section, setup_section
from worker.notebook.numbers import repr_text
from worker.notebook.training import log_section, points_key, step_section

SECTION_KEYS = ("setup", "forward", "backward", "notebook_check", "step", "log")  # the notebook's order


def notebook(run, numeric=True, log=True):
    """The notebook's sections for this run, as one dict (see the module's docstring).

    numeric=False leaves out the numeric derivatives (the costly part with the log); log=False leaves
    out the training log (1000 steps of a fresh run). The run is not changed.
    """
    with np.errstate(all="ignore"):
        grads = run.gradients()
        result = {
            "sections": list(SECTION_KEYS if log else SECTION_KEYS[:-1]),
            "run": {
                "step": run.step,
                "status": run.status,
                "reason": run.reason,
                "cost": plain(run.cost),  # the page reads it as JSON (worker/door.py)
                "cost_text": repr_text(run.cost),
                "config": run.config.to_dict(),
                "m": run.data.m,
                "data": data_words(run),  # the data set in words, or None for a truth table
            },
            "data": data_section(run),
            "setup": setup_section(run),
            "forward": forward_section(run),
            "backward": backward_section(run, grads, numeric),
            "notebook_check": notebook_check_section(run, grads, numeric),
            "step": step_section(run, grads if run.config.batch == "full" else run.stages()["backward"]),
        }
        if log:
            result["log"] = log_section(run.config, points_key(run))
    return result
