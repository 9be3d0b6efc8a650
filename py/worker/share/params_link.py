"""Parameters in a lesson link: `params=` holds W0, b0, W1, b1 flattened row by row, in that order,
as CPython writes floats (exact, shortest), separated by "_".

"_", ".", "-" and digits pass through a URL unencoded; an exponent is written without its "+"
(1e16, not 1e+16, since "+" in a query means a space). Commas are read as separators too, for links
typed by hand. For n_h hidden units there are 4 * n_h + 1 numbers: W0 2 * n_h, b0 n_h, W1 n_h, b1 1.
"""

import math

import numpy as np

from backprop import PARAM_NAMES, param_shapes
from shared.i18n import _, ngettext
from worker.share.saved_run import PARAM_LIMIT, check_params

TEXT_LIMIT = 4000  # characters; 16 hidden units need 65 numbers of at most about 24 characters


def _counts(n_h):
    return {name: rows * cols for name, (rows, cols) in param_shapes(n_h).items()}


def params_text(params):
    """The compact text of a Run's parameters (or of a {"W0": ..., ...} dict of arrays).

    Raises ValueError when a parameter is not finite or larger than a link allows (a diverged run)."""
    params = getattr(params, "params", params)
    values = np.concatenate([np.asarray(params[name], dtype=float).reshape(-1) for name in PARAM_NAMES])
    for x in values.tolist():
        if not math.isfinite(x) or abs(x) > PARAM_LIMIT:
            raise ValueError(
                _("a parameter is {value}: only finite parameters of at most {limit} in size can go in a link").format(
                    value=repr(x), limit=f"{PARAM_LIMIT:g}"
                )
            )
    return "_".join(repr(x).replace("e+", "e") for x in values.tolist())


def params_from_text(text, n_h):
    """{"W0", "b0", "W1", "b1"} float arrays for n_h hidden units from params_text's text (validated like a
    saved run's parameters); ValueError naming what is wrong."""
    counts = _counts(n_h)
    needed = sum(counts.values())
    if not isinstance(text, str):
        raise ValueError(_("params must be text (got {kind})").format(kind=type(text).__name__))
    if len(text) > TEXT_LIMIT:
        raise ValueError(
            _("params is {count} characters long; at most {limit}").format(count=len(text), limit=TEXT_LIMIT)
        )
    pieces = text.replace(",", "_").split("_")
    if len(pieces) != needed:
        parts = ", ".join(f"{name} {count}" for name, count in counts.items())
        values = {"count": len(pieces), "n_h": n_h, "needed": needed, "parts": parts}
        if not text.strip():
            raise ValueError(
                _("params has no numbers; n_h={n_h} needs {needed} ({parts}), separated by _").format(**values)
            )
        raise ValueError(
            ngettext(
                "params has {count} number; n_h={n_h} needs {needed} ({parts}), separated by _",
                "params has {count} numbers; n_h={n_h} needs {needed} ({parts}), separated by _",
                len(pieces),
            ).format(**values)
        )
    values = []
    for i, piece in enumerate(pieces, start=1):
        try:
            x = float(piece.strip())
        except ValueError:
            raise ValueError(
                _("params: number {i} ({piece}) is not a number").format(i=i, piece=repr(piece[:30]))
            ) from None
        if not math.isfinite(x):
            raise ValueError(
                _("params: number {i} ({piece}) is not a finite number").format(i=i, piece=repr(piece[:30]))
            )
        values.append(x)
    params, start = {}, 0
    for name, (rows, cols) in param_shapes(n_h).items():
        flat = values[start : start + rows * cols]
        params[name] = [flat[r * cols : (r + 1) * cols] for r in range(rows)]
        start += rows * cols
    try:
        return check_params(params, n_h)
    except ValueError as err:
        # Translators: {problem} is what is wrong with a link's params= (a sentence of the saved run's checks).
        raise ValueError(_("params: {problem}").format(problem=err)) from None
