"""The numeric gradient exercise's checks (see checker/specs/__init__.py)."""

import numpy as np

from backprop import relative_error
from backprop.gradcheck import from_A0
from backprop.network import backward as model_backward
from backprop.network import forward as network_forward
from shared.i18n import N_, _

from .. import networks
from .common import PARAMS, Case, Mistake, NotNumbers, Spec, as_array

H_CHECK = 1e-5  # the step the student's numeric_gradient is called with


def _cost_of(name, params, A0, Y):
    """J as a function of the parameter name alone (a Python float), the others held fixed."""

    def f(P):
        values = dict(params)
        values[name] = np.asarray(P, dtype=float)
        return float(from_A0(A0, values["W0"], values["b0"], values["W1"], values["b1"], Y))

    return f


def _differences(name, case, h, kind):
    """A numeric gradient of J for parameter name on case, written one right way (central) or one wrong way."""
    f = _cost_of(name, case.arrays["params"], case.arrays["A0"], case.arrays["Y"])
    P = np.array(case.arrays["params"][name], dtype=float)
    d = np.zeros(P.shape)
    J = f(P)
    for index in np.ndindex(P.shape):
        saved = P[index]
        P[index] = saved + h
        J_plus = f(P)
        if kind == "one_sided":
            P[index] = saved
            d[index] = (J_plus - J) / h
            continue
        P[index] = saved - h
        J_minus = f(P)
        if kind != "no_restore":
            P[index] = saved
        d[index] = (J_plus - J_minus) / (h if kind == "over_h" else 2 * h)
    return d


def _model_numeric(case, h):
    """The model's central differences with the student's h, all four parameters in one flat array (nan for an
    h that is no step)."""
    if not (h > 0 and np.isfinite(h)):
        return np.full(sum(np.size(case.arrays["params"][name]) for name in PARAMS), np.nan)
    with np.errstate(all="ignore"):
        return np.concatenate([_differences(name, case, h, "central").ravel() for name in PARAMS])


def _numeric_mistakes(name):
    return [
        Mistake(
            "one_sided",
            N_(
                "{name} is a one-sided difference, (f(P + h) - f(P)) / h, as the notebook's cells write it: its "
                "error shrinks like h, the central difference's like h². Compute f at P + h and at P - h."
            ),
            lambda c: _differences(name, c, H_CHECK, "one_sided"),
        ),
        Mistake(
            "no_restore",
            N_(
                "{name} is computed with the entries before it left changed: put P[index] back to its value "
                "after computing f at P - h."
            ),
            lambda c: _differences(name, c, H_CHECK, "no_restore"),
        ),
        Mistake(
            "over_h",
            N_("{name} is twice too big: P + h and P - h are 2h apart, so divide the difference by 2 * h."),
            lambda c: _differences(name, c, H_CHECK, "over_h"),
        ),
    ]


class Numeric(Spec):
    MISTAKES = {"d" + name: _numeric_mistakes(name) for name in PARAMS}

    def cases(self, screen):
        return [Case(net.label, {"params": net.params, "A0": net.A0, "Y": net.Y}) for net in networks.checked(screen)]

    def references(self, case):
        params = case.arrays["params"]
        cache = network_forward(params, case.arrays["A0"], case.arrays["Y"])
        grads = model_backward(params, cache, case.arrays["A0"], case.arrays["Y"])
        refs = {"d" + name: (grads["d" + name], None) for name in PARAMS}
        refs["h"] = (np.concatenate([grads["d" + name].ravel() for name in PARAMS]), None)
        return refs

    def values(self, box, case):
        fn = box.function("numeric_gradient")
        if fn is None:
            return None
        out = {}
        for name in PARAMS:
            f = _cost_of(name, case.arrays["params"], case.arrays["A0"], case.arrays["Y"])
            P = np.array(case.arrays["params"][name], dtype=float)
            ok, value = box.call(fn, f, P, H_CHECK, then=as_array)
            if not ok:
                return None
            out["d" + name] = value
        h = box.namespace.get("h")
        out["_h"] = h
        if h is None:
            out["h"] = None
        elif isinstance(h, bool) or not isinstance(h, (int, float)):
            out["h"] = NotNumbers(h)
        else:
            out["h"] = _model_numeric(case, float(h))
        return out

    def shown(self, values):
        if values is not None and isinstance(values.get("h"), np.ndarray):
            values = dict(values, h=NotNumbers(values["_h"]))  # Run shows the h chosen, as its repr
        return values

    def diagnose(self, name, statuses, got, cases, refs):
        if name != "h":
            return super().diagnose(name, statuses, got, cases, refs)
        h = got[0].get("_h")
        if isinstance(h, bool) or not isinstance(h, (int, float)):
            return None
        errors = []
        for values, ref in zip(got, refs):
            with np.errstate(all="ignore"):
                errors.append(relative_error(values["h"], ref["h"][0]))
        error = max(errors)
        shown = "nan" if not np.isfinite(error) else f"{error:.1e}"
        if not h > 0:
            return {
                "mistake": "not_positive",
                "text": _(
                    "h = {h} is no step: choose a small positive number, between 1e-7 and 1e-4 (1e-5 is the usual "
                    "choice)."
                ).format(h=repr(h)),
            }
        if h > H_CHECK:
            text = _(
                "h = {h} is too large: the central difference is off by about h², here a relative error of "
                "{error} against backpropagation. Choose h between 1e-7 and 1e-4 (1e-5 is the usual choice)."
            ).format(h=repr(h), error=shown)
            return {"mistake": "h_too_large", "text": text}
        text = _(
            "h = {h} is too small: J(P + h) and J(P - h) agree in nearly all their digits and rounding takes "
            "over, here a relative error of {error} against backpropagation. Choose h between 1e-7 and 1e-4 (1e-5 is "
            "the usual choice)."
        ).format(h=repr(h), error=shown)
        return {"mistake": "h_too_small", "text": text}
