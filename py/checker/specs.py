"""How the exercises after forward and backward are checked: each Spec says on what the student's functions are
called (cases: the networks, or arrays made from them), what the model gives there, and which named mistakes a
wrong value is compared with. check.py runs them like the forward and backward exercises, with the same rows."""

import numpy as np

from backprop import relative_error
from backprop.gradcheck import from_A0
from backprop.network import backward as model_backward
from backprop.network import forward as network_forward

from . import networks

SAME = 1e-6  # relative error under which the student's value is a mistake's value computed another way


class NotNumbers:
    """What the student returned for a value, when it is not an array of numbers (check.py's twin)."""

    def __init__(self, value):
        text = repr(value)
        self.text = text if len(text) <= 300 else text[:300] + " ..."

    @classmethod
    def too_big(cls, array):
        made = cls(None)
        made.text = f"an array of {array.size:,} numbers, far more than this network has"
        return made


TOO_MANY = 1_000_000  # numbers in one returned value: more is no value of these networks (and is not copied)


def as_array(value):
    if value is None:
        return None
    if isinstance(value, np.ndarray) and value.size > TOO_MANY:
        return NotNumbers.too_big(value)
    try:
        return np.array(value, dtype=float)
    except Exception:
        return NotNumbers(value)


class Case:
    """Arrays the student's functions are called with, and a label saying where they come from."""

    def __init__(self, label, arrays, quiet=False):
        self.label, self.arrays, self.quiet = label, arrays, quiet

    def copies(self, *names):
        return [np.array(self.arrays[name], dtype=float) for name in names]


def same(value, expected):
    """value is expected, nan and inf where it has them included."""
    if not isinstance(value, np.ndarray) or value.shape != expected.shape:
        return False
    finite = np.isfinite(expected)
    if not np.array_equal(np.isfinite(value), finite):
        return False
    v, e = value[~finite], expected[~finite]
    if not (np.array_equal(np.isnan(v), np.isnan(e)) and (v[~np.isnan(v)] == e[~np.isnan(e)]).all()):
        return False
    if not finite.any():
        return True
    with np.errstate(all="ignore"):
        return bool(relative_error(value[finite], expected[finite]) <= SAME)


class Mistake:
    """A named mistake: its key, its words ({name} is the row) and its value on a case."""

    def __init__(self, key, text, value):
        self.key, self.text, self.value = key, text, value


def named(name, got, cases, mistakes):
    """The first mistake whose value is the student's on every case, as a row's diagnosis, or None."""
    for mistake in mistakes:
        ok = True
        for values, case in zip(got, cases):
            with np.errstate(all="ignore"):
                try:
                    expected = np.asarray(mistake.value(case), dtype=float)
                except (ValueError, TypeError, FloatingPointError):
                    expected = None
            if expected is None or not same(values.get(name), expected):
                ok = False
                break
        if ok:
            return {"mistake": mistake.key, "text": mistake.text.format(name=name)}
    return None


class Spec:
    """One exercise's checks; see check.py's run() and check()."""

    CALLS = {}  # row name -> (function name, argument names)
    MISTAKES = {}  # row name -> [Mistake]

    def cases(self, screen):
        """The cases, the one from the network on screen first."""
        raise NotImplementedError

    def references(self, case):
        """{row name: (the model's value, the numeric gradient or None)}."""
        raise NotImplementedError

    def values(self, box, case):
        """The student's values on case, {row name: array, None or NotNumbers}; None when their code failed."""
        out = {}
        for name, (function, args) in self.CALLS.items():
            fn = box.function(function)
            if fn is None:
                return None
            with np.errstate(all="ignore"):  # e^800 overflows in a right sigmoid: no warning, no error
                ok, value = box.call(fn, *case.copies(*args), then=as_array)
            if not ok:
                return None
            out[name] = value
        return out

    def diagnose(self, name, statuses, got, cases, refs):
        return named(name, got, cases, self.MISTAKES.get(name, ()))

    def shown(self, values):
        """What Run shows of the student's values (the values themselves, unless a spec says otherwise)."""
        return values

    def extra(self, values, case):
        """More of Run's and Check's answer, from the student's values on the first case (None when their code
        failed there)."""
        return {}


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
                "{name} uses e^(+z): that is sigmoid(-z), which falls where the sigmoid rises. Write np.exp(-Z).",
                lambda c: 1 / (1 + np.exp(c.arrays["Z"])),
            ),
            Mistake(
                "overflow",
                "{name} gives nan for large z: e^z / (1 + e^z) is inf / inf there. Write 1 / (1 + np.exp(-Z)).",
                lambda c: np.exp(c.arrays["Z"]) / (1 + np.exp(c.arrays["Z"])),
            ),
        ],
        "tanh": [
            Mistake(
                "overflow",
                "{name} gives nan for large |z|: written from exp it is inf / inf there. Use np.tanh.",
                lambda c: (
                    (np.exp(c.arrays["Z"]) - np.exp(-c.arrays["Z"])) / (np.exp(c.arrays["Z"]) + np.exp(-c.arrays["Z"]))
                ),
            ),
            Mistake(
                "sigmoid_for_tanh",
                "{name} is the sigmoid, not tanh: tanh goes from -1 to 1.",
                lambda c: _sigmoid(c.arrays["Z"]),
            ),
        ],
        "relu": [
            Mistake(
                "np_max",
                "{name} uses np.max(Z, 0), the largest value along axis 0, which drops a dimension. "
                "np.maximum(Z, 0) compares element by element.",
                lambda c: np.max(c.arrays["Z"], 0),
            ),
            Mistake(
                "min_for_max",
                "{name} keeps the negative numbers and zeroes the positive ones: np.minimum where np.maximum is meant.",
                lambda c: np.minimum(c.arrays["Z"], 0),
            ),
        ],
        "sigmoid_prime_from_A": [
            Mistake(
                "sigmoid_of_A",
                "{name} applies the sigmoid again: A is already sigmoid(Z), so the derivative is A * (1 - A) "
                "(the notebook's slip for tanh, made with the sigmoid).",
                lambda c: _sigmoid(c.arrays["A_sigmoid"]) * (1 - _sigmoid(c.arrays["A_sigmoid"])),
            ),
            Mistake(
                "tanh_derivative",
                "{name} is tanh's derivative, 1 - A², not the sigmoid's, A * (1 - A).",
                lambda c: 1 - c.arrays["A_sigmoid"] ** 2,
            ),
        ],
        "tanh_prime_from_A": [
            Mistake(
                "tanh_of_A1",
                "{name} is 1 - tanh(A)**2, the notebook's slip (its cells 30 and 33): A is already tanh(Z), "
                "so tanh's derivative is 1 - A**2.",
                lambda c: 1 - np.tanh(c.arrays["A_tanh"]) ** 2,
            ),
            Mistake(
                "sigmoid_derivative",
                "{name} is the sigmoid's derivative, A * (1 - A), not tanh's, 1 - A².",
                lambda c: c.arrays["A_tanh"] * (1 - c.arrays["A_tanh"]),
            ),
        ],
        "relu_prime": [
            Mistake(
                "relu_itself",
                "{name} returns ReLU itself: its derivative is the slope, 1 where z > 0 and 0 elsewhere.",
                lambda c: np.maximum(c.arrays["Z"], 0),
            ),
            Mistake(
                "flipped",
                "{name} is 1 where z < 0: the slope is 1 on the positive side.",
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
        made = [self._case(f"Z1 and Z2 of {net.label}", np.vstack([net.cache["Z1"], net.cache["Z2"]])) for net in nets]
        return made + [self._case("numbers from -800 to 800", LARGE, quiet=True)]

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


def _J_half(A2, Y):
    return 0.5 * np.mean((A2 - Y) ** 2)


def _J_cross(A2, Y):
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))


def _on(fn):
    """A mistake's value from the case's A2 and Y."""
    return lambda c: fn(c.arrays["A2"], c.arrays["Y"])


M_TEXT = "m is the number of examples, Y.shape[1] = 4 (len(Y) is 1, Y having one row)"


class Cost(Spec):
    CALLS = {name: (name, ("A2", "Y")) for name in ("half_mse", "half_mse_dA2", "cross_entropy", "cross_entropy_dA2")}
    MISTAKES = {
        "half_mse": [
            Mistake(
                "sum_for_mean",
                "{name} sums the squared errors instead of averaging them: it is m = 4 times too big on a truth table "
                "(m times on m examples). Use np.mean.",
                _on(lambda A2, Y: 0.5 * np.sum((A2 - Y) ** 2)),
            ),
            Mistake(
                "missing_half",
                "{name} is twice too big: the 1/2 in front of the mean is missing.",
                _on(lambda A2, Y: np.mean((A2 - Y) ** 2)),
            ),
        ],
        "half_mse_dA2": [
            Mistake(
                "sign_flipped",
                "{name} is (Y - A2) / m, the negative of dJ/dA2: the notebook writes it so and adds it in its "
                "update (cell 32). The gradient itself is (A2 - Y) / m.",
                _on(lambda A2, Y: (Y - A2) / Y.shape[1]),
            ),
            Mistake(
                "forgot_m",
                "{name} is m = 4 times too big on a truth table (m times on m examples): the mean divides by the "
                "number of examples, so divide by m (" + M_TEXT + ").",
                _on(lambda A2, Y: A2 - Y),
            ),
            Mistake(
                "missing_half",
                "{name} is twice too big: the 1/2 of J cancels the square's 2, so dA2 = (A2 - Y) / m.",
                _on(lambda A2, Y: 2 * (A2 - Y) / Y.shape[1]),
            ),
        ],
        "cross_entropy": [
            Mistake(
                "sum_for_mean",
                "{name} sums over the examples instead of averaging: it is m = 4 times too big on a truth table "
                "(m times on m examples). Use np.mean.",
                _on(lambda A2, Y: -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))),
            ),
            Mistake(
                "missing_minus",
                "{name} is negative: the logarithms of numbers below 1 are negative, so cross-entropy has a "
                "minus in front of the mean.",
                _on(lambda A2, Y: -_J_cross(A2, Y)),
            ),
        ],
        "cross_entropy_dA2": [
            Mistake(
                "sign_flipped",
                "{name} has the opposite sign to dJ/dA2: check the order of a subtraction or the minus in front of J.",
                _on(lambda A2, Y: -(A2 - Y) / (A2 * (1 - A2)) / Y.shape[1]),
            ),
            Mistake(
                "forgot_m",
                "{name} is m = 4 times too big on a truth table (m times on m examples): the mean divides by m "
                "(" + M_TEXT + ").",
                _on(lambda A2, Y: (A2 - Y) / (A2 * (1 - A2))),
            ),
            Mistake(
                "dZ2_for_dA2",
                "{name} is (A2 - Y) / m, which is dZ2 for cross-entropy with a sigmoid output (the sigmoid's "
                "derivative cancels). dA2 still has A2 · (1 - A2) in its denominator.",
                _on(lambda A2, Y: (A2 - Y) / Y.shape[1]),
            ),
        ],
    }

    def cases(self, screen):
        return [
            Case(f"A2 and Y of {net.label}", {"A2": net.cache["A2"], "Y": net.Y}) for net in networks.checked(screen)
        ]

    def references(self, case):
        A2, Y = case.arrays["A2"], case.arrays["Y"]
        m = Y.shape[1]
        values = {
            "half_mse": _J_half(A2, Y),
            "half_mse_dA2": (A2 - Y) / m,
            "cross_entropy": _J_cross(A2, Y),
            "cross_entropy_dA2": (A2 - Y) / (A2 * (1 - A2)) / m,
        }
        return {name: (np.asarray(value, dtype=float), None) for name, value in values.items()}


PARAMS = ("W0", "b0", "W1", "b1")
H_CHECK = 1e-5  # the step the student's numeric_gradient is called with
H_WORDS = "between 1e-7 and 1e-4 (1e-5 is the usual choice)"


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
            "{name} is a one-sided difference, (f(P + h) - f(P)) / h, as the notebook's cells write it: its "
            "error shrinks like h, the central difference's like h². Compute f at P + h and at P - h.",
            lambda c: _differences(name, c, H_CHECK, "one_sided"),
        ),
        Mistake(
            "no_restore",
            "{name} is computed with the entries before it left changed: put P[index] back to its value "
            "after computing f at P - h.",
            lambda c: _differences(name, c, H_CHECK, "no_restore"),
        ),
        Mistake(
            "over_h",
            "{name} is twice too big: P + h and P - h are 2h apart, so divide the difference by 2 * h.",
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
                "text": f"h = {h!r} is no step: choose a small positive number, {H_WORDS}.",
            }
        if h > H_CHECK:
            text = (
                f"h = {h!r} is too large: the central difference is off by about h², here a relative error of "
                f"{shown} against backpropagation. Choose h {H_WORDS}."
            )
            return {"mistake": "h_too_large", "text": text}
        text = (
            f"h = {h!r} is too small: J(P + h) and J(P - h) agree in nearly all their digits and rounding takes "
            f"over, here a relative error of {shown} against backpropagation. Choose h {H_WORDS}."
        )
        return {"mistake": "h_too_small", "text": text}


RATES = (10.0, 0.5, 3.0, 7.0, 100.0)  # the learning rate of each case: the notebook's on screen, others elsewhere


def _stepped(name, c, grad, sign=-1, rate=True):
    lr = c.arrays["learning_rate"] if rate else 1.0
    return c.arrays[name] + sign * lr * c.arrays[grad]


def _update_mistakes(name):
    mistakes = [
        Mistake(
            "plus",
            "{name} moved with its gradient, uphill: gradient descent subtracts learning_rate * d{name}. (The "
            "notebook adds, but its gradients are the negatives.)",
            lambda c: _stepped(name, c, "d" + name, sign=1),
        ),
        Mistake(
            "no_learning_rate",
            "{name} took a step of the whole gradient: multiply d{name} by the learning rate.",
            lambda c: _stepped(name, c, "d" + name, rate=False),
        ),
        Mistake(
            "not_updated",
            "{name} is unchanged: the update must return the parameter after the step.",
            lambda c: c.arrays[name],
        ),
    ]
    for other in PARAMS:
        if other != name:
            mistakes.append(
                Mistake(
                    "wrong_gradient",
                    "{name} was stepped with d" + other + ", the gradient of another parameter: use d{name}.",
                    lambda c, other=other: _stepped(name, c, "d" + other),
                )
            )
    return mistakes


class Update(Spec):
    ARGS = ("W0", "b0", "W1", "b1", "dW0", "db0", "dW1", "db1")
    MISTAKES = {name: _update_mistakes(name) for name in PARAMS}

    def cases(self, screen):
        made = []
        for net, rate in zip(networks.checked(screen), RATES + (RATES[0],)):  # the data on screen: rate 10
            grads = model_backward(net.params, net.cache, net.A0, net.Y)
            arrays = dict(net.params, learning_rate=rate, **{"d" + name: grads["d" + name] for name in PARAMS})
            made.append(Case(f"{net.label}, learning rate {rate:g}", arrays))
        return made

    def references(self, case):
        return {name: (_stepped(name, case, "d" + name), None) for name in PARAMS}

    def values(self, box, case):
        fn = box.function("update")
        if fn is None:
            return None
        args = case.copies(*self.ARGS) + [float(case.arrays["learning_rate"])]
        ok, result = box.call(fn, *args)
        if not ok:
            return None
        if not isinstance(result, (tuple, list)) or len(result) != 4:
            size = f"{len(result)} values" if isinstance(result, (tuple, list)) else type(result).__name__
            box.error = {
                "kind": "TypeError",
                "message": f"update must return the four parameters W0, b0, W1, b1 (it returned {size})",
                "line": None,
                "text": None,
            }
            return None
        ok, arrays = box.call(lambda: [as_array(value) for value in result])
        return dict(zip(PARAMS, arrays)) if ok else None


SPECS = {"activations": Activations(), "cost": Cost(), "numeric": Numeric(), "update": Update()}


def get(name):
    return SPECS.get(name)


from .ann_check import Ann  # noqa: E402 (ann_check builds on this module's Spec)

SPECS["ann"] = Ann()
