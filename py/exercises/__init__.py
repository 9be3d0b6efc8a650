"""The exercises, as plain data: one module each (forward.py, backward.py).

Imported by the page's MicroPython as well as by the checker's Pyodide worker, so these modules hold
only strings, tuples and dicts. Each defines ID, TITLE, STATEMENT (paragraphs; `backticks` mark code),
FUNCTIONS (what the student defines), STARTER, SOLUTION, CHECKED (the values checked, in order),
FORMULAS {name: formula} and HINTS {name: (nudge, closer, nearly the answer)}.
"""

from . import backward, forward

NAMES = ("forward", "backward")
_MODULES = {"forward": forward, "backward": backward}


def get(name):
    """The exercise module called name ("forward" or "backward")."""
    if name not in _MODULES:
        raise ValueError("unknown exercise " + repr(name) + "; the exercises are " + ", ".join(NAMES))
    return _MODULES[name]


def reference_line(module, name):
    """The line of module.SOLUTION that assigns name, stripped (None when there is none)."""
    for line in module.SOLUTION.split("\n"):
        text = line.strip()
        if text.startswith((name + " =", name + "=")):
            return text
    return None
