"""Each weight and bias of the diagram in words and looks: its name in the notebook's vocabulary (W0[1,0]), its role
(input x1 to hidden unit A1[1]), its sign's colour and dash, its stroke width by magnitude, and the texts of its
label and tooltip. Exact values are the worker's texts (CPython's repr), never formatted here."""

import math

from shared.exact_text import MINUS, exact_value

POSITIVE = "#2166ac"  # blue, as A2 -> 1 on the decision surface; solid
NEGATIVE = "#b35806"  # orange, as A2 -> 0; dashed
NOT_A_NUMBER = "#6b6b6b"  # grey; dotted
# Per sign category (0 positive or zero, 1 negative, 2 NaN): colour, dash pattern, word.
STYLES = ((POSITIVE, "none", "positive"), (NEGATIVE, "6 4", "negative"), (NOT_A_NUMBER, "2 3", "not a number"))


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
    return ("%.{}g".format(digits) % value).replace("-", MINUS).replace("inf", "infinity")


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
        return f"input x{col + 1} to hidden unit {hidden_name(row)}"
    if name == "W1":
        return f"hidden unit {hidden_name(col)} to output A2"
    if name == "b0":
        return f"bias of hidden unit {hidden_name(row)}"
    return "bias of output A2"


def aria_label(key, value):
    """e.g. "W0[1,0], input x1 to hidden unit A1[1]: −0.21361961"."""
    return f"{param_name(key)}, {param_role(key)}: {format_value(value)}"


def tooltip_text(key, value, text):
    """e.g. "W0[1,0] = −0.2136196104739812 (negative, dashed): input x1 to hidden unit A1[1]", for the
    value and its exact text."""
    _colour, _dash, word = STYLES[sign_category(value)]
    look = {"positive": "solid", "negative": "dashed", "not a number": "dotted"}[word]
    return "{} = {} ({}, {}): {}".format(param_name(key), exact_value(text), word, look, param_role(key))
