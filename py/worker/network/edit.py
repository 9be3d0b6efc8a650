"""A weight or bias set by hand: its name and the typed text checked, with a message for the student naming it.

Validated like an imported run's parameters (worker/share/saved_run.py): a finite number of at most PARAM_LIMIT in
size.
"""

from backprop import page_name, parse_name
from backprop.datasets import bounded_number, number_refusal
from shared.i18n import ngettext
from worker.share.saved_run import PARAM_LIMIT


def parameter_value(name, value_text, n_h):
    """((param, row, col), value) for the parameter `name` of a network of n_h hidden units set to the number
    value_text; ValueError saying what is wrong, in words for the student."""
    parsed = parse_name(name, n_h)
    if parsed is None:
        last = n_h - 1
        raise ValueError(
            ngettext(
                "{name} is not a parameter of this network: with {n_h} hidden unit the parameters are W0[i,k], b0[i] "
                "and W1[0,i] for i from 0 to {last} and k 0 or 1, and b1",
                "{name} is not a parameter of this network: with {n_h} hidden units the parameters are W0[i,k], b0[i] "
                "and W1[0,i] for i from 0 to {last} and k 0 or 1, and b1",
                n_h,
            ).format(name=repr(str(name)[:40]), n_h=n_h, last=last)
        )
    shown = page_name(*parsed)
    typed = value_text if isinstance(value_text, str) else repr(value_text)
    value, wrong = bounded_number(value_text, PARAM_LIMIT)
    if wrong:
        raise ValueError(number_refusal(wrong, shown, typed[:40], PARAM_LIMIT))
    return parsed, value
