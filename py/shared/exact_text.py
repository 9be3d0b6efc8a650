"""A number's exact value as a label says it, on the page (the network diagram) and in the worker's Notebook
HTML alike: the worker's text of the value (CPython's repr) with a real minus sign, read as "minus" where a
hyphen may be skipped, and "infinity" and "NaN" for the values that are not finite."""

from shared.i18n import _

MINUS = "\u2212"


def exact_value(text):
    """repr text as a label says it: "−0.2136196104739812", "1e−05", "−infinity", "NaN"."""
    # Each replace only when needed: under MicroPython an `in` costs half a replace.
    if "-" in text:
        text = text.replace("-", MINUS)
    if "n" in text:
        # Translators: a value that is infinite, as a label says it (minus infinity has a minus sign before it).
        text = text.replace("nan", "NaN").replace("inf", _("infinity"))
    return text
