"""A weight or bias set by hand: its name and the typed text checked, with a message for the student naming it.

Validated like an imported run's parameters (worker/share/saved_run.py): a finite number of at most PARAM_LIMIT in
size.
"""

import math

from backprop import page_name, parse_name
from worker.share.saved_run import PARAM_LIMIT


def parameter_value(name, value_text, n_h):
    """((param, row, col), value) for the parameter `name` of a network of n_h hidden units set to the number
    value_text; ValueError saying what is wrong, in words for the student."""
    parsed = parse_name(name, n_h)
    if parsed is None:
        last = n_h - 1
        raise ValueError(
            f"{str(name)[:40]!r} is not a parameter of this network: with {n_h} hidden unit{'s' if n_h > 1 else ''} "
            f"the parameters are W0[i,k], b0[i] and W1[0,i] for i from 0 to {last} and k 0 or 1, and b1"
        )
    shown = page_name(*parsed)
    typed = value_text if isinstance(value_text, str) else repr(value_text)
    if isinstance(value_text, bool):
        value = None
    else:
        try:
            value = float(value_text.strip() if isinstance(value_text, str) else value_text)
        except (TypeError, ValueError, OverflowError):
            value = None
    if value is None:
        raise ValueError(f"{shown} must be a number (got {typed[:40]!r})")
    if not math.isfinite(value):
        raise ValueError(f"{shown} must be a finite number (got {typed[:40]!r})")
    if abs(value) > PARAM_LIMIT:
        raise ValueError(f"{shown} must be at most {PARAM_LIMIT:g} in size (got {typed[:40]!r})")
    return parsed, value
