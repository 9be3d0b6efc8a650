"""What the checks of every exercise after forward and backward share: the student's values as arrays, the cases
their functions are called on, the named mistakes and the Spec each exercise's checks build on
(see checker/specs/__init__.py)."""

import numpy as np

from backprop import relative_error
from shared.i18n import _, ngettext

SAME = 1e-6  # relative error under which the student's value is a mistake's value computed another way


class NotNumbers:
    """What the student returned for a value, when it is not an array of numbers (check.py's twin)."""

    def __init__(self, value):
        text = repr(value)
        self.text = text if len(text) <= 300 else text[:300] + " ..."

    @classmethod
    def too_big(cls, array):
        made = cls(None)
        made.text = ngettext(
            "an array of {n} number, far more than this network has",
            "an array of {n} numbers, far more than this network has",
            array.size,
        ).format(n=f"{array.size:,}")
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
    """A named mistake: its key, its words (marked with N_, translated when shown: {name} is the row, and fields the
    other placeholders) and its value on a case."""

    def __init__(self, key, text, value, **fields):
        self.key, self.text, self.value, self.fields = key, text, value, fields

    def words(self, name):
        """The mistake in the page's language for the row name."""
        return _(self.text).format(name=name, **self.fields)


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
            return {"mistake": mistake.key, "text": mistake.words(name)}
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


PARAMS = ("W0", "b0", "W1", "b1")
