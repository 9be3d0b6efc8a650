"""train(): gradient descent with the student's backward pass, beside the same network trained with the
model's (backprop.Run), and both cost curves on one chart."""

import json
import math
import time

import numpy as np

from backprop import A0, PARAM_NAMES, Config, Run, forward, init_params, truth_table
from backprop.config import whole_number
from backprop.network import backward as model_backward
from plots.cost_chart import chart, cost_path, format_cost, x_domain, y_domain
from shared.i18n import _
from shared.protocol import size

from . import diagnose
from .check import BACKWARD_ARGS, _backward_values
from .runner import Sandbox

SECONDS = 3.0  # for all the steps of the student's backward together
MAX_STEPS = 5000
SETTINGS = ("n_h", "seed", "learning_rate", "table")


def _settings(settings):
    if not isinstance(settings, dict):
        raise ValueError(_("the settings must be a JSON object (got {value})").format(value=repr(settings)))
    unknown = [key for key in settings if key not in SETTINGS]
    if unknown:
        raise ValueError(
            _("unknown setting {key}; the settings are {settings}").format(
                key=repr(unknown[0]), settings=", ".join(SETTINGS)
            )
        )
    return Config.from_dict(settings)  # tanh and half-MSE, the exercise's network


class Mine:
    """The student's backward pass training one network: its costs, and why it stopped if it did."""

    def __init__(self, code, config, steps):
        self.config, self.Y = config, truth_table(config.table)
        self.params = init_params(config.n_h, config.seed)
        self.box = Sandbox(code, seconds=SECONDS)
        self.costs, self.problem, self.sign = [], None, 1
        self._train(steps)
        if self.box.stopped and self.box.stopped.get("why") == "deadline":
            self.box.stopped = {
                "seconds": SECONDS,
                "message": _(
                    "Stopped after {seconds} s of training: is your backward pass very slow, or does a loop in it not "
                    "end?"
                ).format(seconds=f"{SECONDS:g}"),
                "why": "deadline",
                "line": None,
            }

    def _gradients(self, fn, cache, until):
        values = {"A0": np.array(A0, dtype=float), "Y": np.array(self.Y), **self.params, **cache}
        args = [np.array(values[name], dtype=float) for name in BACKWARD_ARGS]
        ok, grads = self.box.call(fn, *args, seconds=max(until - time.perf_counter(), 0.0), then=_backward_values)
        return grads if ok else None

    def _train(self, steps):
        until = time.perf_counter() + SECONDS
        fn = self.box.function("backward") if self.box.load() else None
        lr = self.config.learning_rate
        with np.errstate(all="ignore"):
            cache = forward(self.params, A0, self.Y)
            self.costs.append(float(cache["J"]))
            for k in range(steps):
                grads = self._gradients(fn, cache, until) if fn else None
                if grads is None:
                    return
                if k == 0:
                    true = model_backward(self.params, cache, A0, self.Y)
                    self.sign = diagnose.sign_convention([grads], [true], tuple(true))
                for name in PARAM_NAMES:
                    grad = grads.get("d" + name)
                    if not isinstance(grad, np.ndarray) or grad.shape != self.params[name].shape:
                        shape = self.params[name].shape
                        self.problem = ("no_gradient", {"step": k, "name": "d" + name, "shape": str(shape)})
                        return
                for name in PARAM_NAMES:
                    self.params[name] = self.params[name] - self.sign * lr * grads["d" + name]
                cache = forward(self.params, A0, self.Y)
                J = float(cache["J"])
                self.costs.append(J)
                if not math.isfinite(J):
                    self.problem = ("cost", {"cost": format_cost(J), "step": k + 1})
                    return
        self.A2 = cache["A2"]

    @property
    def learned(self):
        A2 = getattr(self, "A2", None)
        return A2 is not None and bool(np.where(self.Y > 0.5, A2 > 0.5, A2 < 0.5).all())


def _chart(reference, mine, chart_size, log_scale):
    width, height = chart_size
    steps = np.arange(len(reference), dtype=float)
    mine_steps = np.arange(len(mine), dtype=float)
    both_steps = np.concatenate([steps, mine_steps])
    both_costs = np.concatenate([reference, mine])
    # One pair of axes for both curves: chart() of all the points gives the axes, cost_path each curve.
    view = chart(both_steps, both_costs, width, height, log_scale)
    ranges = x_domain(both_steps), y_domain(both_costs, log_scale)
    view["path"] = cost_path(steps, reference, width, height, log_scale, *ranges)
    view["mine_path"] = cost_path(mine_steps, mine, width, height, log_scale, *ranges)
    view["point"] = None
    # Translators: the two cost curves' names in the chart's legend.
    view["labels"] = {"path": _("the model's backward pass"), "mine_path": _("your backward pass")}
    words = {"first": format_cost(mine[0]), "last": format_cost(mine[-1]), "reference": format_cost(reference[-1])}
    if log_scale:
        view["label"] = _(
            "Cost J against the step: your backward pass from {first} to {last}, the model's to {reference}. Log scale."
        ).format(**words)
    else:
        view["label"] = _(
            "Cost J against the step: your backward pass from {first} to {last}, the model's to {reference}."
        ).format(**words)
    return view


def _stopped_verdict(mine, taken):
    """Why training with the student's backward pass stopped early, in one sentence."""
    if mine.problem and mine.problem[0] == "no_gradient":
        return _(
            "Training with your backward pass stopped after {taken} steps: at step {step} your backward returned no "
            "usable {name} (it must be an array of shape {shape})."
        ).format(taken=taken, **mine.problem[1])
    if mine.problem:
        return _(
            "Training with your backward pass stopped after {taken} steps: the cost became {cost} at step {step}."
        ).format(taken=taken, **mine.problem[1])
    if mine.box.error:
        return _(
            "Training with your backward pass stopped after {taken} steps: your code stopped with an error."
        ).format(taken=taken)
    return _("Training with your backward pass stopped after {taken} steps: it ran out of time.").format(taken=taken)


def train(code, settings, steps, chart_size=None, log_scale=False):
    config = _settings(settings)
    steps = whole_number("steps", steps, 1, MAX_STEPS)
    reference = Run(config)
    reference.train(steps)
    ref_costs = [float(c) for c in reference.history]
    mine = Mine(code, config, steps)
    first, last = mine.costs[0], mine.costs[-1]
    taken = len(mine.costs) - 1
    words = {
        "first": format_cost(first),
        "last": format_cost(last),
        "steps": steps,
        "reference": format_cost(reference.cost),
    }
    if mine.box.failed or mine.problem or taken < steps:
        verdict = _stopped_verdict(mine, taken)
    elif mine.learned:
        verdict = _(
            "Your backward pass trains the network: J fell from {first} to {last} in {steps} steps (the model's: "
            "{reference})."
        ).format(**words)
    else:
        verdict = _(
            "Your backward pass did not learn: J went from {first} to {last} in {steps} steps, where the model's "
            "reached {reference}."
        ).format(**words)
    return {
        "mine": last if math.isfinite(last) else None,
        "reference": reference.cost if math.isfinite(reference.cost) else None,
        "learned": mine.learned and taken == steps,
        "verdict": verdict,
        "note": _(diagnose.NOTE) if mine.sign < 0 else None,
        "chart": _chart(ref_costs, mine.costs, chart_size, log_scale) if chart_size else None,
        **mine.box.report(),
    }


def train_json(code, settings_json, steps, view_json):
    """train() as the page asks: settings as JSON, view_json {"chart": [width, height] or null, "log_scale": bool}."""
    try:
        settings = json.loads(settings_json) if settings_json else {}
        view = json.loads(view_json) if view_json else {}
    except ValueError as error:
        raise ValueError(
            _("the settings or the chart's view are not valid JSON ({error})").format(error=error)
        ) from None
    if not isinstance(view, dict) or not set(view) <= {"chart", "log_scale"}:
        raise ValueError(
            _('the chart\'s view must be {{"chart": [width, height], "log_scale"}} (got {value})').format(
                value=repr(view)
            )
        )
    wanted = view.get("chart")
    return train(code, settings, steps, None if wanted is None else size(wanted), bool(view.get("log_scale", False)))
