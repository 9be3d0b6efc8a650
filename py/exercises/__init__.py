"""The exercises, as plain data: one module each, in the notebook's order.

Imported by the page's MicroPython as well as by the checker's Pyodide worker, so these modules hold
only strings, tuples and dicts. Each defines ID, TITLE, STATEMENT (paragraphs; `backticks` mark code),
FUNCTIONS (what the student defines), STARTER, SOLUTION, CHECKED (the values checked, in order),
FORMULAS {name: formula} and HINTS {name: (nudge, closer, nearly the answer)}; LINES {checked name:
the name whose line in SOLUTION answers it} where that is not the name itself.
"""

from . import activations, ann, backward, cost, forward, numeric, update

NAMES = ("activations", "cost", "numeric", "forward", "backward", "update", "ann")
_MODULES = {
    "activations": activations,
    "cost": cost,
    "numeric": numeric,
    "forward": forward,
    "backward": backward,
    "update": update,
    "ann": ann,
}


def get(name):
    """The exercise module called name (one of NAMES)."""
    if name not in _MODULES:
        raise ValueError("unknown exercise " + repr(name) + "; the exercises are " + ", ".join(NAMES))
    return _MODULES[name]


def reference_line(module, name):
    """The solution's answer for name: the line of module.SOLUTION that assigns it, stripped, else the whole
    `def name(...)` block (None when there is neither)."""
    name = getattr(module, "LINES", {}).get(name, name)
    lines = module.SOLUTION.split("\n")
    for line in lines:
        text = line.strip()
        if text.startswith((name + " =", name + "=")):
            return text
    for i, line in enumerate(lines):
        text = line.lstrip()
        if text.startswith("def " + name + "("):  # a function, or a method (indented)
            indent = len(line) - len(text)
            block = [text]
            for more in lines[i + 1 :]:
                if more.strip() and len(more) - len(more.lstrip()) <= indent:
                    break
                block.append(more[indent:])
            return "\n".join(block).rstrip()
    return None
