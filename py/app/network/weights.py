"""Each weight and bias of the diagram in words and looks: its name in the notebook's vocabulary (W0[1,0]), its role
(input x1 to hidden unit A1[1]), its sign's colour and dash, its stroke width by magnitude, and the texts of its
label and tooltip. Exact values are the worker's texts (CPython's repr), never formatted here."""

import math

from shared.exact_text import MINUS, exact_value
from shared.i18n import N_, _

POSITIVE = "#2166ac"  # blue, as A2 -> 1 on the decision surface; solid
NEGATIVE = "#b35806"  # orange, as A2 -> 0; dashed
NOT_A_NUMBER = "#6b6b6b"  # grey; dotted
# Per sign category (0 positive or zero, 1 negative, 2 NaN): colour, dash pattern, word.
STYLES = ((POSITIVE, "none", "positive"), (NEGATIVE, "6 4", "negative"), (NOT_A_NUMBER, "2 3", "not a number"))
# The tooltip of a weight, by STYLES's index: its sign and its line's look in words.
TOOLTIPS = (
    # Translators: {name} is a weight's name (W0[1,0]); {value} its exact value; {role} what it connects.
    N_("{name} = {value} (positive, solid): {role}"),
    N_("{name} = {value} (negative, dashed): {role}"),
    N_("{name} = {value} (not a number, dotted): {role}"),
)


def stroke_width(value):
    """Line width for a parameter value: 0.5 + 5.5 * tanh(|w| / 2); monotone in |w|, in [0.5, 6]; NaN -> 0.5."""
    if math.isnan(value):
        return 0.5
    return 0.5 + 5.5 * math.tanh(abs(value) / 2.0)


def sign_category(value):
    """0 for positive or zero, 1 for negative, 2 for NaN (indexes STYLES)."""
    return 2 if math.isnan(value) else 1 if value < 0 else 0


def format_value(value, digits=8):
    """A value for a label: `digits` significant figures, with a real minus sign (read as "minus")."""
    value = float(value)
    if value != value:
        return "NaN"
    text = ("%.{}g".format(digits) % value).replace("-", MINUS)
    # Translators: a value that is infinite, as a label says it (minus infinity has a minus sign before it).
    return text.replace("inf", _("infinity")) if "inf" in text else text


def hidden_name(i):
    return f"A1[{i}]"


def param_keys(n_h):
    """Every weight and bias as (name, row, column), in the order the diagram stores them:
    W0 row by row, then W1, then b0, then b1."""
    keys = [("W0", i, k) for i in range(n_h) for k in range(2)]
    keys += [("W1", 0, i) for i in range(n_h)]
    keys += [("b0", i, 0) for i in range(n_h)]
    keys.append(("b1", 0, 0))
    return keys


def param_values(params, n_h):
    """The values of params (dict of W0, b0, W1, b1, each a flat row-major list) in param_keys order."""
    values = params["W0"] + params["W1"] + params["b0"] + params["b1"]
    if len(values) != 4 * n_h + 1:
        raise ValueError("params hold {} numbers; a 2-{}-1 network has {}".format(len(values), n_h, 4 * n_h + 1))
    return values


def param_name(key):
    """The notebook name of one parameter: "W0[1,0]", "b0[2]", "W1[0,3]" or "b1"."""
    name, row, col = key
    if name == "W0" or name == "W1":
        return f"{name}[{row},{col}]"
    if name == "b0":
        return f"b0[{row}]"
    return "b1"


def param_role(key):
    """What a parameter connects, in words: "input x1 to hidden unit A1[1]"."""
    name, row, col = key
    if name == "W0":
        # Translators: what a weight connects; x1, x2 and A1[0]... are names, kept as they are.
        return _("input {input} to hidden unit {unit}").format(input="x{}".format(col + 1), unit=hidden_name(row))
    if name == "W1":
        return _("hidden unit {unit} to output A2").format(unit=hidden_name(col))
    if name == "b0":
        return _("bias of hidden unit {unit}").format(unit=hidden_name(row))
    return _("bias of output A2")


def aria_label(key, value):
    """e.g. "W0[1,0], input x1 to hidden unit A1[1]: −0.21361961"."""
    # Translators: a weight's accessible name: {name} (W0[1,0]), {role} what it connects, {value} its value.
    return _("{name}, {role}: {value}").format(name=param_name(key), role=param_role(key), value=format_value(value))


def tooltip_text(key, value, text):
    """e.g. "W0[1,0] = −0.2136196104739812 (negative, dashed): input x1 to hidden unit A1[1]", for the
    value and its exact text."""
    words = _(TOOLTIPS[sign_category(value)])
    return words.format(name=param_name(key), value=exact_value(text), role=param_role(key))
