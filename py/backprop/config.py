"""Settings and parameters to and from plain JSON-able dicts, validated.

Values may arrive straight from a URL query, so numbers may be strings ("10", "2")
and booleans may be "true"/"false"/"1"/"0". Every error is a ValueError that names
the field in words a student can act on.
"""

import dataclasses
import math

import numpy as np

from shared.i18n import _

from .data import TABLE_NAMES
from .datasets import DATA_KINDS, DATA_SIZE, NOISE, TRAIN_PERCENT
from .network import ACTIVATIONS, COSTS, PARAM_NAMES, param_shapes

N_H_MAX = 16
SEED_LIMIT = 2**32
# Examples per step: "full" (the notebook's full batch), "one" (one example a step, in order) or "shuffled" (one
# example a step, each pass over the examples in an order drawn from the seed): see backprop/train.py's step_examples.
BATCHES = ("full", "one", "shuffled")


def _as_number(value):
    """value as an int or float, or None when it is not a number (bools are not numbers)."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            pass
        try:
            return float(text)
        except ValueError:
            return None
    return None


def _finite_float(number):
    """number as a finite float, or None (ints too big for a float count as not finite)."""
    try:
        number = float(number)
    except (OverflowError, TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def whole_number(field, value, low, high):
    number = _as_number(value)
    if isinstance(number, float) and (_finite_float(number) is None or number != int(number)):
        number = None
    if number is None or not low <= number <= high:
        raise ValueError(
            _("{field} must be a whole number from {low} to {high} (got {value})").format(
                field=field, low=low, high=high, value=repr(value)
            )
        )
    return int(number)


def _positive_number(field, value):
    number = _finite_float(_as_number(value))
    if number is None or number <= 0:
        raise ValueError(
            _("{field} must be a finite number greater than 0 (got {value})").format(field=field, value=repr(value))
        )
    return number


def _choice(field, value, choices, normalise):
    if isinstance(value, str) and normalise(value.strip()) in choices:
        return normalise(value.strip())
    raise ValueError(
        _("{field} must be one of {choices} (got {value})").format(
            field=field, choices=", ".join(choices), value=repr(value)
        )
    )


def flag(field, value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    # Translators: true and false are the values a link holds; keep them as they are.
    raise ValueError(_("{field} must be true or false (got {value})").format(field=field, value=repr(value)))


@dataclasses.dataclass(frozen=True)
class Config:
    """What a student can set. Construct with any accepted spelling; fields come out normalised."""

    n_h: int = 2
    activation: str = "tanh"
    cost: str = "half_mse"
    learning_rate: float = 10.0
    seed: int = 2
    table: str = "XOR"
    notebook_mode: bool = False
    batch: str = "full"
    # The examples (backprop/datasets.py): "table" (the truth table's four), a generated set, or "points" (given).
    data: str = "table"
    data_seed: int = 0
    data_size: int = 200
    noise: int = 0
    train_percent: int = 50

    def __post_init__(self):
        clean = {
            "n_h": whole_number("n_h", self.n_h, 1, N_H_MAX),
            "activation": _choice("activation", self.activation, tuple(ACTIVATIONS), str.lower),
            "cost": _choice("cost", self.cost, tuple(COSTS), str.lower),
            "learning_rate": _positive_number("learning_rate", self.learning_rate),
            "seed": whole_number("seed", self.seed, 0, SEED_LIMIT - 1),
            "table": _choice("table", self.table, TABLE_NAMES, str.upper),
            "notebook_mode": flag("notebook_mode", self.notebook_mode),
            "batch": _choice("batch", self.batch, BATCHES, str.lower),
            "data": _choice("data", self.data, DATA_KINDS, str.lower),
            "data_seed": whole_number("data_seed", self.data_seed, 0, SEED_LIMIT - 1),
            "data_size": whole_number("data_size", self.data_size, *DATA_SIZE),
            "noise": whole_number("noise", self.noise, *NOISE),
            "train_percent": whole_number("train_percent", self.train_percent, *TRAIN_PERCENT),
        }
        for field, value in clean.items():
            object.__setattr__(self, field, value)

    @classmethod
    def from_dict(cls, settings):
        """A Config from a dict of settings; missing ones take their defaults."""
        if isinstance(settings, Config):
            return settings
        if not isinstance(settings, dict):
            raise ValueError(_("config must be a dict of settings (got {value})").format(value=repr(settings)))
        known = [f.name for f in dataclasses.fields(cls)]
        for key in settings:
            if key not in known:
                raise ValueError(
                    _("unknown setting {key}; the settings are {settings}").format(
                        key=repr(key), settings=", ".join(known)
                    )
                )
        return cls(**settings)

    def to_dict(self):
        return dataclasses.asdict(self)

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)


def _matrix(name, value, shape, n_h):
    rows, cols = shape
    words = {"name": name, "rows": rows, "cols": cols, "shape": str(shape), "n_h": n_h}
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if not isinstance(value, (list, tuple)) or len(value) != rows:
        raise ValueError(
            _("{name} must be {rows} row(s) of {cols} number(s), shape {shape} for n_h={n_h} (got {value})").format(
                value=repr(value), **words
            )
        )
    for i, row in enumerate(value):
        if not isinstance(row, (list, tuple)) or len(row) != cols:
            raise ValueError(
                _(
                    "{name} must be {rows} row(s) of {cols} number(s), shape {shape} for n_h={n_h} (row {i} is {row})"
                ).format(i=i, row=repr(row), **words)
            )
        for j, x in enumerate(row):
            is_number = isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, bool)
            if not is_number or _finite_float(x) is None:
                raise ValueError(
                    _("{name}[{i},{j}] must be a finite number (got {value})").format(
                        name=name, i=i, j=j, value=repr(x)
                    )
                )
    return np.array(value, dtype=float)


def params_from_dict(params, n_h):
    """{"W0": nested lists, "b0": ..., "W1": ..., "b1": ...} -> dict of float arrays, validated."""
    if not isinstance(params, dict):
        raise ValueError(
            _("params must be a dict with keys {keys} (got {value})").format(
                keys=", ".join(PARAM_NAMES), value=repr(params)
            )
        )
    for key in params:
        if key not in PARAM_NAMES:
            raise ValueError(
                _("unknown parameter {key}; the parameters are {names}").format(
                    key=repr(key), names=", ".join(PARAM_NAMES)
                )
            )
    for key in PARAM_NAMES:
        if key not in params:
            raise ValueError(_("parameter {key} is missing").format(key=key))
    return {name: _matrix(name, params[name], shape, n_h) for name, shape in param_shapes(n_h).items()}


def params_to_dict(params):
    """Parameters as nested lists of floats; a non-finite number (a diverged run) becomes None."""
    return {
        name: [[x if math.isfinite(x) else None for x in row] for row in np.asarray(params[name]).tolist()]
        for name in PARAM_NAMES
    }
