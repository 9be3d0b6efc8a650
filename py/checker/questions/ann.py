"""The predict-then-see questions before the ANN class exercise (see checker/questions/__init__.py)."""

import functools
import re

import numpy as np

from backprop import A0, Run, forward
from shared.i18n import _, ngettext

from .common import _column, _num, _rate


def _ann_settings(net, settings):
    n_h = net.params["W0"].shape[0]
    try:
        seed = int(settings["seed"])
    except (KeyError, TypeError, ValueError):
        found = re.match(r"\d+", net.seed or "")  # the network on screen's seed (checker/networks.py)
        seed = int(found.group(0)) if found else 2
    return n_h, seed, _rate(settings)


@functools.lru_cache(maxsize=4)
def _trained(n_h, seed, rate):
    """The model's printed log (J at steps 0, 100, ..., 900) and predictions for ANN(2, n_h, seed) fitted 1000 steps
    at rate."""
    run = Run({"n_h": n_h, "seed": seed, "learning_rate": rate})
    costs = [run.cost]
    for _step in range(1000):
        costs.append(run.train(1))
    params = {name: np.array(value) for name, value in run.params.items()}
    return {"log": np.array(costs[0:1000:100]), "predict": forward(params, np.array(A0, dtype=float))["A2"]}


def first_j(net, settings):
    n_h, seed, rate = _ann_settings(net, settings)
    J = float(_trained(n_h, seed, rate)["log"][0])
    right = repr(J)
    choices = list(dict.fromkeys([right, repr(2 * J), repr(J / 2), "0.125"]))
    choices.sort(key=float)
    return {
        "id": "ann.first-j",
        "prompt": _(
            "ANN(2, {n_h}, seed={seed}).fit(A0, Y, {rate}, 1000): which number does it print first, J at step 0?"
        ).format(n_h=n_h, seed=seed, rate=repr(rate)),
        "choices": choices,
        "answer": choices.index(right),
        "explanation": ngettext(
            "Step 0's J comes from __init__ and forward only: 1/2 · mean((A2 - Y)²) = {right} for seed {seed} and "
            "{n_h} hidden unit (without the 1/2 it would be {double}; a network saying 0.5 everywhere has 0.125).",
            "Step 0's J comes from __init__ and forward only: 1/2 · mean((A2 - Y)²) = {right} for seed {seed} and "
            "{n_h} hidden units (without the 1/2 it would be {double}; a network saying 0.5 everywhere has 0.125).",
            n_h,
        ).format(right=right, seed=seed, n_h=n_h, double=repr(2 * J)),
    }


def printed_lines(net, settings):
    n_h, seed, rate = _ann_settings(net, settings)
    log = _trained(n_h, seed, rate)["log"]
    return {
        "id": "ann.lines",
        "prompt": _(
            "fit(A0, Y, learning_rate, 1000) prints J when i % 100 == 0, for i in range(1000). How many lines does it "
            "print?"
        ),
        "choices": ["9", "10", "11", "1000"],
        "answer": ["9", "10", "11", "1000"].index(str(len(log))),
        "explanation": ngettext(
            "i = 0, 100, ..., 900: {lines} lines (1000 is not in range(1000)). For seed {seed}, {n_h} hidden unit "
            "and learning rate {rate} the first is {first} and the last {last}.",
            "i = 0, 100, ..., 900: {lines} lines (1000 is not in range(1000)). For seed {seed}, {n_h} hidden units "
            "and learning rate {rate} the first is {first} and the last {last}.",
            n_h,
        ).format(
            lines=len(log), seed=seed, n_h=n_h, rate=repr(rate), first=repr(float(log[0])), last=repr(float(log[-1]))
        ),
    }


def prediction(net, settings):
    n_h, seed, rate = _ann_settings(net, settings)
    a = float(_trained(n_h, seed, rate)["predict"][0, _column(net, 0, 1)])
    answer = 2 if abs(a - 0.5) < 0.1 else 0 if a > 0.5 else 1
    return {
        "id": "ann.predict",
        "prompt": _(
            "After ANN(2, {n_h}, seed={seed}).fit(A0, Y, {rate}, 1000), what does predict give for the example (0, 1), "
            "whose XOR is 1?"
        ).format(n_h=n_h, seed=seed, rate=repr(rate)),
        "choices": [_("close to 1"), _("close to 0"), _("about 0.5 (undecided)")],
        "answer": answer,
        "explanation": (
            _(
                "predict gives {a} for (0, 1) (rounded: {rounded}); the network learned it. Within 0.1 of 0.5 counts "
                "as undecided."
            )
            if answer == 0
            else _(
                "predict gives {a} for (0, 1) (rounded: {rounded}); 1000 steps at this rate did not learn it. Within "
                "0.1 of 0.5 counts as undecided."
            )
        ).format(a=_num(a), rounded=round(a)),
    }
