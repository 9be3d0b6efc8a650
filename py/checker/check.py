"""run() and check(): the student's code on the network on screen (run), and on that network and a few
others with every value checked (check). Reference values are computed before the student's code runs,
and the student's functions get copies of the arrays."""

import math

import numpy as np

import exercises
from backprop import ACTIVATIONS, cost_shares, linear, numeric_gradient, relative_error, sigmoid
from backprop.gradcheck import RIGHT, error_band
from backprop.network import backward as model_backward
from shared.i18n import _, ngettext, pgettext

from . import diagnose, networks, specs
from .runner import Sandbox
from .specs.common import NotNumbers, as_array

RANK = {"right": 0, "wrong": 1, "wrong shape": 2, "missing": 3}
BACKWARD_ARGS = ("A0", "Y", "W0", "b0", "W1", "b1", "Z1", "A1", "Z2", "A2")


def _backward_values(result):
    if not isinstance(result, dict):
        raise TypeError(
            _("backward must return a dict of the eight gradients, like the starter code (it returned {type})").format(
                type=type(result).__name__
            )
        )
    return {name: as_array(result.get(name)) for name in exercises.backward.CHECKED}


def _forward_values(result):
    if isinstance(result, (tuple, list)) and len(result) != 4:
        raise TypeError(
            ngettext(
                "forward must return the four values Z1, A1, Z2, A2 (it returned {n} value)",
                "forward must return the four values Z1, A1, Z2, A2 (it returned {n} values)",
                len(result),
            ).format(n=len(result))
        )
    if not isinstance(result, (tuple, list)):
        raise TypeError(
            _("forward must return the four values Z1, A1, Z2, A2 (it returned {type})").format(
                type=type(result).__name__
            )
        )
    return dict(zip(("Z1", "A1", "Z2", "A2"), (as_array(value) for value in result)))


def call_student(exercise, box, net):
    """The student's values on net as {name: array, None or NotNumbers}, or None when their code failed."""
    if exercise.ID == "backward":
        fn = box.function("backward")
        ok, values = box.call(fn, *net.copies(*BACKWARD_ARGS), then=_backward_values) if fn else (False, None)
        return values if ok else None
    forward, cost = box.function("forward"), box.function("cost")
    if not (forward and cost):
        return None
    ok, values = box.call(forward, *net.copies("A0", "W0", "b0", "W1", "b1"), then=_forward_values)
    if not ok:
        return None
    ok, J = box.call(cost, *net.copies("A2", "Y"), then=as_array)
    if not ok:
        return None
    values["J"] = J
    return values


BY_ROWS = ("Z2", "A1", "Z1")  # values with a column per example, differenced a row at a time on a data set
H = 1e-5  # numeric_gradient's step


def numeric_reference(name, net):
    """dJ/d(name) by central differences on net: backprop.numeric_gradient, or for Z2, A1 and Z1 on more than four
    examples (the data on screen) a row at a time: moving name[i, j] moves example j's term of J alone
    (backprop.cost_shares), so moving row i moves each example's term by its own entry (16 x 1,000 entries in a few
    milliseconds instead of seconds)."""
    if name not in BY_ROWS or net.Y.shape[1] <= 4:
        return numeric_gradient(name, net.params, net.A0, net.Y)
    W1, b1, g = net.params["W1"], net.params["b1"], ACTIVATIONS["tanh"].g

    def shares(x):
        Z2 = x if name == "Z2" else linear(W1, g(x) if name == "Z1" else x, b1)
        return cost_shares({"A2": sigmoid(Z2), "Z2": Z2}, net.Y, "half_mse")[0]

    x = np.array(net.cache[name], dtype=float)
    d = np.zeros_like(x)
    with np.errstate(all="ignore"):
        for i in range(x.shape[0]):
            up, down = x.copy(), x.copy()
            up[i] += H
            down[i] -= H
            d[i] = (shares(up) - shares(down)) / (2 * H)
    return d


def references(exercise, net):
    """{name: (the model's value, the numeric gradient or None)} for net."""
    if exercise.ID == "forward":
        return {name: (np.asarray(net.cache[name], dtype=float), None) for name in exercise.CHECKED}
    grads = model_backward(net.params, net.cache, net.A0, net.Y)
    return {
        "d" + name: (grads["d" + name], numeric_reference(name, net))
        for name in ("A2", "Z2", "W1", "b1", "A1", "Z1", "W0", "b0")
    }


def _compare(value, expected, numeric, sign):
    """(status, relative error or None, the student's shape or None) on one network."""
    if value is None:
        return "missing", None, None
    if isinstance(value, NotNumbers):
        return "wrong", None, None
    if expected.shape == () and value.size == 1:
        value = value.reshape(())
    if value.shape != expected.shape:
        return "wrong shape", None, list(value.shape)
    with np.errstate(all="ignore"):
        to_model = relative_error(sign * value, expected)
        error = to_model if numeric is None else relative_error(sign * value, numeric)
    status = "right" if to_model <= RIGHT else "wrong"
    return status, (error if math.isfinite(error) else None), list(value.shape)


def band(error):
    if error is None:
        return None
    return error_band(error)


def _row(name, got, nets, refs, sign):
    worst = None
    errors = []
    for k, (net, ref) in enumerate(zip(nets, refs)):
        expected, numeric = ref[name]
        value = got[k].get(name) if k < len(got) else None
        status, error, got_shape = _compare(value, expected, numeric, sign)
        if error is not None:
            errors.append(error)
        key = (RANK[status], -1 if error is None else error)
        if worst is None or key > worst[0]:
            worst = (key, status, net.label, list(expected.shape), got_shape)
    status, label, shape, got_shape = worst[1:]
    error = max(errors) if errors else None
    row = {
        "name": name,
        "status": status,
        "shape": shape,
        "got_shape": got_shape,
        "error": error,
        "band": band(error),
        "network": label,
        "diagnosis": None,
    }
    row.update(row_texts(row))
    return row


def row_texts(row):
    """What the page shows of a row, as CPython writes it: its result and its relative error with the band."""
    status = row["status"]
    words = {"name": row["name"], "shape": _shape_text(row["shape"]), "network": row["network"]}
    if status == "wrong shape" and row["got_shape"] is None:
        result = _("wrong shape: {name} must have shape {shape}, not no array").format(**words)
    elif status == "wrong shape":
        result = _("wrong shape: {name} must have shape {shape}, not shape {got}").format(
            got=_shape_text(row["got_shape"]), **words
        )
    elif status == "wrong":
        # Translators: a checked value's result; {network} names the network it was wrong on.
        result = _("wrong (on {network})").format(**words)
    elif status == "right":
        # Translators: a checked value's result.
        result = pgettext("result", "right")
    elif status == "missing":
        # Translators: a checked value's result: the student's code gave no value.
        result = pgettext("result", "missing")
    else:
        result = status
    return {"result_text": result, "error_text": _error_text(row["error"], row["band"])}


def _error_text(error, band):
    """A relative error as CPython writes it, with its band's word: "3.2e-09 (right)"."""
    if error is None:
        return ""
    if band == "right":
        # Translators: the band of a gradient's relative error (CS231n's): at most 1e-7.
        word = pgettext("band", "right")
    elif band == "suspicious":
        # Translators: the band of a gradient's relative error: between 1e-7 and 1e-4.
        word = pgettext("band", "suspicious")
    else:
        # Translators: the band of a gradient's relative error: above 1e-4.
        word = pgettext("band", "wrong")
    # Translators: a relative error and its band's word, "3.2e-09 (right)".
    return _("{error} ({band})").format(error=f"{error:.1e}", band=word)


def _shape_text(shape):
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def _values_text(values, names):
    out = []
    for name in names:
        value = values.get(name) if values else None
        if isinstance(value, np.ndarray):
            text = np.array2string(value, precision=5, threshold=40, max_line_width=80)
            out.append({"name": name, "text": text, "shape": list(value.shape)})
        else:
            text = value.text if isinstance(value, NotNumbers) else "None"
            out.append({"name": name, "text": text, "shape": None})
    return out


def run(exercise_name, code, network_json):
    """The student's code once, on the network on screen: what it printed, raised and returned."""
    exercise = exercises.get(exercise_name)
    spec = specs.get(exercise.ID)
    net = networks.on_screen(network_json)
    box = Sandbox(code)
    extra = {}
    if spec is not None:
        case = spec.cases(net)[0]
        raw = spec.values(box, case) if box.load() else None
        values, extra = spec.shown(raw), spec.extra(raw, case)
    else:
        values = call_student(exercise, box, net) if box.load() else None
    return {**box.report(), "values": _values_text(values, exercise.CHECKED), **extra}


def check(exercise_name, code, network_json):
    """Every value of the student's code checked on the network on screen and the other networks."""
    exercise = exercises.get(exercise_name)
    spec = specs.get(exercise.ID)
    screen = networks.on_screen(network_json)
    nets = spec.cases(screen) if spec else networks.checked(screen)
    refs = [spec.references(net) if spec else references(exercise, net) for net in nets]  # before the student's code
    box = Sandbox(code)
    got = []
    if box.load():
        for k, net in enumerate(nets):
            box.show = k == 0
            values = spec.values(box, net) if spec else call_student(exercise, box, net)
            if values is None:
                if box.error is not None and k > 0:
                    box.error["network"] = net.label
                break
            got.append(values)
    report = box.report()
    backward = exercise.ID == "backward"
    sign = 1
    if backward and got:
        sign = diagnose.sign_convention(got, [{n: r[n][0] for n in r} for r in refs[: len(got)]], exercise.CHECKED)
    rows = [_row(name, got, nets, refs, sign) for name in exercise.CHECKED]
    statuses = {row["name"]: row["status"] for row in rows}
    complete = len(got) == len(nets)
    for row in rows:
        if row["status"] in ("wrong", "wrong shape") and complete:
            if spec is not None:
                row["diagnosis"] = spec.diagnose(row["name"], statuses, got, nets, refs)
            elif backward:
                analytic = [{n: r[n][0] for n in r} for r in refs]
                row["diagnosis"] = diagnose.backward(row["name"], statuses, got, nets, analytic, sign)
            else:
                row["diagnosis"] = diagnose.forward(row["name"], statuses, got, nets)
    right = sum(row["status"] == "right" for row in rows)
    first_wrong = next((row["name"] for row in rows if row["status"] != "right"), None)
    return {
        "rows": rows,
        "right": right,
        "total": len(rows),
        "summary": ngettext("{right} of {total} right", "{right} of {total} right", len(rows)).format(
            right=right, total=len(rows)
        ),
        "first_wrong": first_wrong,
        "formula": exercise.FORMULAS.get(first_wrong) if first_wrong else None,
        "note": _(diagnose.NOTE) if sign < 0 else None,
        "networks": [net.label for net in nets],
        **report,
        **(spec.extra(got[0] if got else None, nets[0]) if spec is not None else {}),
    }
