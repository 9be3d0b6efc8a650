"""How the Notebook view's numbers are written: as the seed notebook's print() writes them, by CPython's and
NumPy's rules, never by the page's MicroPython (whose float repr differs in the last digits).

A "matrix" is {"text": np.array2string text (NumPy's default print options, as print() shows an array),
"values": nested lists of floats, "shape": [rows, cols]}; a "scalar" is {"text": repr text, "value": float}.
A float that is not finite stays a float (nan, inf): the sections become HTML in the worker and never cross
to the page as JSON.
"""

import sys

import numpy as np


def values(x):
    """An array as nested lists of floats; a 0-d array as a float."""
    return np.asarray(x, dtype=float).tolist()


CELLS_LIMIT = 4000  # entries of a matrix whose whole text NumPy writes for its table (A0 of 1,000 points: 2,000)


def matrix(x):
    """print()'s text of x; above NumPy's threshold (1000 entries: A0 of a large data set) print() shows a summary
    with "...", so "cells" then holds the whole array's text, every entry written as NumPy writes them, up to
    CELLS_LIMIT entries (NumPy takes about 0.2 s for 16 x 1,000; beyond, blocks.cells writes the values itself)."""
    x = np.asarray(x)
    out = {"text": np.array2string(x), "values": values(x), "shape": list(x.shape)}
    if np.get_printoptions()["threshold"] < x.size <= CELLS_LIMIT:
        out["cells"] = np.array2string(x, threshold=sys.maxsize)
    return out


def repr_text(x):
    """A scalar as the notebook prints it: CPython's repr of the float."""
    return repr(float(x))


def scalar(x):
    return {"text": repr_text(x), "value": float(x)}


def number_text(x, integer=False):
    """repr of a float, or of an int for the notebook's integer inputs (A0 is an array of ints)."""
    x = float(x)
    return repr(int(x)) if integer and x.is_integer() else repr(x)
