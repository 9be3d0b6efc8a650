"""The kinds of the settings' rows (app/settings.py's SETTINGS): each reads a value as the link, a field or Python
gives it, clean, or raises the row's error in the words a student can act on (WORDS). Plain Python for MicroPython
and CPython; the model's backprop.Config says the same of the model's settings (tests/app/test_settings.py).
"""

import math

from app.cpython import cpython_repr, parse_float
from shared.i18n import N_, _, ngettext

N_H_MAX = 16  # the most hidden units (the n_h setting's high): the landscape's axes may be any of its parameters
PARAMS_CHARACTERS = "0123456789.-+eE_,"
POINTS_CHARACTERS = "0123456789.-+eE_~"
# What each kind of setting says of a bad value: {name}, {got} (the value as CPython's repr spells it), and the
# row's {low}, {high} and {choices}. Marked for the catalog: Setting.error translates them when it raises. The
# "controls" and "names" kinds count the unknown values, so their words are in controls() and names() (ngettext);
# these entries are their English for one.
WORDS = {
    # Translators: {name} is a setting's name in a link (seed, n_h...), kept as it is; {got} is the value given.
    "whole": N_("{name} must be a whole number from {low} to {high} (got {got})"),
    "number": N_("{name} must be a finite number greater than 0 (got {got})"),
    # Translators: {choices} are the setting's values as a link spells them (tanh, sigmoid, relu), kept as they are.
    "choice": N_("{name} must be one of {choices} (got {got})"),
    # Translators: true and false are the values a link spells, kept as they are.
    "flag": N_("{name} must be true or false (got {got})"),
    "speed": N_("{name} must be one of {choices} steps per frame (got {got})"),
    "span": N_("{name} must be a number greater than 0 and at most {high} (got {got})"),
    # Translators: random is the value a link spells, kept as it is; W1[0,0],W1[0,1] are parameters' names.
    "axes": N_("{name} must be random or two different parameters such as W1[0,0],W1[0,1] (got {got})"),
    "controls": N_("{name}: {unknown} is not a control (the controls: {choices})"),
    # Translators: x1_x2_c and ~ are how a link spells the points, kept as they are.
    "params": N_("{name} must be at most {high} characters of numbers separated by _ (got {got})"),
    "points": N_("{name} must be at most {high} characters of points x1_x2_c joined by ~ (got {got})"),
    "names": N_("{name}: {unknown} is not an exercise of this page, so it is left out (the exercises: {choices})"),
    # Translators: es and de are language codes, kept as they are.
    "language": N_("{name} must be a language code such as es or de (got {got})"),
}
LANGUAGE_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"


def _number(value):
    """value as an int or float, or None when it is not a number (bools are not numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        text = value.strip()
        for kind in (int, parse_float):
            try:
                return kind(text)
            except (ValueError, OverflowError):
                pass
    return None


def _finite(number):
    try:
        number = float(number)
    except (OverflowError, TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def whole(setting, value):
    number = _number(value)
    if isinstance(number, float) and (_finite(number) is None or number != int(number)):
        number = None
    if number is None or not setting.low <= number <= setting.high:
        raise setting.error(value, "whole")
    return int(number)


def positive(setting, value):
    number = _finite(_number(value))
    if number is None or number <= 0:
        raise setting.error(value, "number")
    return number


def choice(setting, value):
    """One of the choices, in their case (the truth tables' upper, the others' lower)."""
    if isinstance(value, str):
        text = value.strip()
        text = text.upper() if setting.choices[0].isupper() else text.lower()
        if text in setting.choices:
            return text
    raise setting.error(value)


def flag(setting, value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise setting.error(value)


def speed(setting, value):
    steps = whole(setting, value)
    if steps not in setting.choices:
        raise setting.error(value)
    return steps


def span(setting, value):
    number = positive(setting, value)
    if number > setting.high:
        raise setting.error(value)
    return number


def parameter_names(n_h):
    """The parameters of a 2-n_h-1 network as the landscape names them: W0[0,0], W0[0,1], ..., b1[0,0]."""
    shapes = (("W0", n_h, 2), ("b0", n_h, 1), ("W1", 1, n_h), ("b1", 1, 1))
    return ["{}[{},{}]".format(name, i, j) for name, rows, cols in shapes for i in range(rows) for j in range(cols)]


def axes(setting, value):
    """ "random", or two different parameters of the largest network, as "W1[0,0],W1[0,1]"."""
    text = str(value).replace(" ", "")
    if text.lower() == "random":
        return "random"
    cut = text.find("],") + 1
    first, second = text[:cut], text[cut + 1 :]
    known = parameter_names(N_H_MAX)
    if cut and first in known and second in known and first != second:
        return first + "," + second
    raise setting.error(value)


def controls(setting, value):
    """A lesson's list of controls ("seed,table"), in LESSON_CONTROLS's order; the error names the unknown ones."""
    names, unknown = [], []
    for part in str(value).split(","):
        part = part.strip().lower()
        if part and part not in setting.choices:
            unknown.append(cpython_repr(part))
        elif part:
            names.append(part)
    if unknown:
        words = ngettext(
            "{name}: {unknown} is not a control (the controls: {choices})",
            "{name}: {unknown} are not controls (the controls: {choices})",
            len(unknown),
        )
        raise setting.error(value, words=words, unknown=", ".join(unknown))
    return ",".join(control for control in setting.choices if control in names)


def params(setting, value):
    """A lesson's starting parameters as the link spells them; the worker checks the numbers and their count."""
    text = str(value).strip()
    if len(text) > setting.high or [char for char in text if char not in PARAMS_CHARACTERS]:
        raise setting.error(value, got=cpython_repr(text[:40] + ("…" if len(text) > 40 else "")))
    return text


class Partial(ValueError):
    """A value read in part: str() names what was left out, .value is the rest (read_link keeps it); .detail is the
    message without the setting's name before it."""

    def __init__(self, message, value, detail=None):
        super().__init__(message)
        self.value = value
        self.detail = message if detail is None else detail


def names(setting, value):
    """An instructor's list of exercises ("forward,backward"), in the link's order, each once; "" is all of them.
    Unknown names raise Partial, which names them and carries the rest."""
    chosen, unknown = [], []
    for part in str(value).split(","):
        part = part.strip().lower()
        if part and part not in setting.choices:
            unknown.append(cpython_repr(part))
        elif part and part not in chosen:
            chosen.append(part)
    text = ",".join(chosen)
    if unknown:
        detail = ngettext(
            "{unknown} is not an exercise of this page, so it is left out (the exercises: {choices})",
            "{unknown} are not exercises of this page, so they are left out (the exercises: {choices})",
            len(unknown),
        ).format(unknown=", ".join(unknown), choices=", ".join(setting.choices))
        # Translators: a setting's name in a link (exercises), kept as it is, then what is wrong with its value.
        error = setting.error(value, words=_("{name}: {detail}"), detail=detail)
        raise Partial(str(error), text, detail)
    return text


def points(setting, value):
    """The student's own points as the link spells them ("0.5_-1_1~0.25_0.5_2": x1_x2_c, c = y + 2 * test); the
    worker checks the numbers and the classes."""
    text = str(value).strip()
    if len(text) > setting.high or [char for char in text if char not in POINTS_CHARACTERS]:
        raise setting.error(value, got=cpython_repr(text[:40] + ("…" if len(text) > 40 else "")))
    return text


def language(setting, value):
    """A language code such as "de" or "pt-BR" (static/js/i18n.js picks the catalog, English when there is none)."""
    text = str(value).strip()
    if len(text) > setting.high or [char for char in text if char not in LANGUAGE_CHARACTERS]:
        raise setting.error(value)
    return text


KINDS = {
    "whole": whole,
    "number": positive,
    "choice": choice,
    "flag": flag,
    "speed": speed,
    "span": span,
    "axes": axes,
    "controls": controls,
    "params": params,
    "points": points,
    "names": names,
    "language": language,
}
