"""The networks a student's code is checked on: the one on screen and a few others, on the truth table's four
examples, and the one on screen again on the data on screen (a generated set or the student's own points: its
training examples), when the page shows data other than a truth table."""

import copy
import functools
import json
import math

import numpy as np

from backprop import (
    A0,
    GENERATED,
    Config,
    Run,
    forward,
    init_params,
    make_data,
    param_shapes,
    params_from_dict,
    points_data,
    truth_table,
)
from backprop.config import whole_number
from backprop.datasets import DATA_NAMES
from shared.i18n import N_, _, ngettext

DATA_FIELDS = ("data_seed", "data_size", "noise", "train_percent")

# (label, n_h, seed, steps of training at learning rate 10 before the check)
# The labels are marked for the catalog, translated when a check is made (others()).
OTHERS = (
    (N_("seed 0, 1 hidden unit"), 1, 0, 0),
    (N_("seed 1, 3 hidden units"), 3, 1, 0),
    (N_("seed 7, 4 hidden units"), 4, 7, 0),
    (N_("seed 2 after 300 steps"), 2, 2, 300),
)


class Network:
    """Parameters, targets and the model's forward pass of one network, with a label for the student (in the page's
    language). seed: the text of the seed the page gave for the network on screen, else None."""

    def __init__(self, label, params, Y, inputs=None, seed=None):
        self.label, self.params, self.Y, self.seed = label, params, Y, seed
        self.A0 = np.array(A0 if inputs is None else inputs, dtype=float)
        self.cache = forward(params, self.A0, Y)
        self.on_data = None  # the network on screen only: itself on the data on screen (a Network), if any

    def copies(self, *names):
        """Fresh copies of the named arrays (A0, Y, W0 ... A2), so the student's code cannot change ours."""
        pool = {"A0": self.A0, "Y": self.Y, **self.params, **self.cache}
        return [np.array(pool[name], dtype=float) for name in names]


def _numbers(name, texts, count):
    if not isinstance(texts, (list, tuple)) or len(texts) != count:
        raise ValueError(
            _("the network's {name} must be a list of {count} numbers (got {value})").format(
                name=name, count=count, value=repr(texts)
            )
        )
    try:
        return [float(text) for text in texts]
    except (TypeError, ValueError):
        raise ValueError(
            _("the network's {name} holds something that is not a number: {value}").format(name=name, value=repr(texts))
        ) from None


def on_screen(network_json):
    """The network on screen from the page's JSON: {"n_h", "table", "seed", "step", "params": {"W0": [texts
    of the values, row by row], ...}, and "data" (optional, see page_data)}. A ValueError in words when it cannot
    be read. Its on_data is the same network on the data on screen, or None for a truth table."""
    try:
        network = json.loads(network_json) if isinstance(network_json, str) else network_json
    except ValueError as error:
        raise ValueError(_("the network is not valid JSON ({error})").format(error=error)) from None
    if not isinstance(network, dict):
        raise ValueError(_("the network must be a JSON object (got {value})").format(value=repr(network)))
    n_h = whole_number("n_h", network.get("n_h"), 1, 16)
    Y = truth_table(network.get("table", "XOR"))
    flat = network.get("params")
    if not isinstance(flat, dict):
        raise ValueError(_("the network needs params W0, b0, W1, b1 (got {value})").format(value=repr(flat)))
    nested = {}
    for name, (rows, cols) in param_shapes(n_h).items():
        values = _numbers(name, flat.get(name), rows * cols)
        nested[name] = [values[i * cols : (i + 1) * cols] for i in range(rows)]
    params = params_from_dict(nested, n_h)
    if "seed" in network and "step" in network:
        label = _("the network on screen (seed {seed}, step {step})").format(seed=network["seed"], step=network["step"])
    elif "seed" in network:
        label = _("the network on screen (seed {seed})").format(seed=network["seed"])
    elif "step" in network:
        label = _("the network on screen (step {step})").format(step=network["step"])
    else:
        label = _("the network on screen")
    seed = str(network["seed"]) if "seed" in network else None
    screen = Network(label, params, Y, seed=seed)
    found = page_data(network.get("data"))
    if found is not None:
        label, data = found
        screen.on_data = Network(label, params, np.array(data.Y), np.array(data.A0))
    return screen


def _decoded(text):
    """[[x1, x2, y, test], ...] from a link's points= text (x1_x2_c joined by "~", c = y + 2 * test, as
    worker/share/points_link.py writes it); ValueError naming the point."""
    points = []
    for i, piece in enumerate(str(text).strip().split("~"), start=1):
        values = piece.split("_")
        if len(values) != 3 or values[2] not in ("0", "1", "2", "3"):
            raise ValueError(
                _("the data's point {i} must be x1_x2_c with c 0 to 3 (got {value})").format(
                    i=i, value=repr(piece[:40])
                )
            )
        try:
            x1, x2 = float(values[0]), float(values[1])
        except ValueError:
            raise ValueError(
                _("the data's point {i} holds something that is not a number: {value}").format(
                    i=i, value=repr(piece[:40])
                )
            ) from None
        points.append([x1, x2, int(values[2]) % 2, int(values[2]) // 2])
    return points


def _from_csv(text):
    """[[x1, x2, y, test], ...] from the points' CSV as the model's worker exports it (a header x1,x2,y and an
    optional split column, train or test)."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    if not lines:
        raise ValueError(_("the data's CSV is empty"))
    header = [cell.strip().lower() for cell in lines[0].split(",")]
    if header[:3] != ["x1", "x2", "y"]:
        raise ValueError(
            _("the data's CSV must start with the header x1,x2,y (got {value})").format(value=repr(lines[0][:40]))
        )
    points = []
    for n, line in enumerate(lines[1:], start=2):
        cells = [cell.strip() for cell in line.split(",")]
        try:
            x1, x2, y = float(cells[0]), float(cells[1]), int(float(cells[2]))
        except (ValueError, IndexError):
            raise ValueError(
                _("the data's CSV, line {n}: not three numbers x1,x2,y (got {value})").format(
                    n=n, value=repr(line[:40])
                )
            ) from None
        test = 1 if len(cells) > 3 and cells[3].lower() == "test" else 0
        points.append([x1, x2, y, test])
    return points


def page_data(spec):
    """(label, backprop.Data) of the data on screen, from the network JSON's "data": {"kind": "spiral",
    "data_seed", "data_size", "noise", "train_percent"} for a generated set (made again from its parameters: the
    same points as the page's), {"kind": "points", "points": a link's points= text or a list [[x1, x2, y, test],
    ...]} or {"kind": "points", "csv": the points' CSV text} for the student's own; None for a truth table, for
    no "data", and for data without a training point. The label names the data for the student: "your data
    (spiral, 100 training points)". A ValueError in words when it cannot be read."""
    if spec is None:
        return None
    if not isinstance(spec, dict):
        raise ValueError(_("the network's data must be a JSON object (got {value})").format(value=repr(spec)))
    kind = spec.get("kind", "table")
    if kind == "table":
        return None
    if kind in GENERATED:
        fields = {name: spec[name] for name in DATA_FIELDS if name in spec}
        data = make_data(Config(data=kind, **fields))
        name = _(DATA_NAMES[kind])
    elif kind == "points":
        points = spec.get("points")
        if isinstance(points, str):
            points = _decoded(points) if points.strip() else None
        if points is None and isinstance(spec.get("csv"), str):
            points = _from_csv(spec["csv"])
        if not points or all(len(p) > 3 and p[3] for p in points if isinstance(p, (list, tuple))):
            return None  # no point, or no training point, on screen: nothing more to check on
        data = points_data(points)
        name = None
    else:
        raise ValueError(
            _("the network's data kind must be table, points or one of {kinds} (got {value})").format(
                kinds=", ".join(GENERATED), value=repr(kind)
            )
        )
    m = data.m
    if m == 0 or not all(math.isfinite(x) for x in np.asarray(data.A0).ravel()):
        return None
    if name is None:
        label = ngettext("your data ({n} training point)", "your data ({n} training points)", m).format(n=m)
    else:
        # Translators: {name} is a data set's name ("spiral").
        label = ngettext("your data ({name}, {n} training point)", "your data ({name}, {n} training points)", m)
        label = label.format(name=name, n=m)
    return label, data


def checked(screen):
    """The networks a value is checked on: the one on screen, the others, then the one on screen on the data on
    screen (when there is one)."""
    return [screen, *others()] + ([screen.on_data] if screen.on_data is not None else [])


@functools.lru_cache(maxsize=1)
def _other_networks():
    """The other networks, on XOR, labelled in English (made once: the student's code only ever gets copies)."""
    nets = []
    for label, n_h, seed, steps in OTHERS:
        if steps:
            run = Run({"n_h": n_h, "seed": seed})
            run.train(steps)
            params = {name: np.array(value) for name, value in run.params.items()}
        else:
            params = init_params(n_h, seed)
        nets.append(Network(label, params, truth_table("XOR")))
    return tuple(nets)


def others():
    """The other networks, on XOR, their labels in the page's language (the same arrays every time)."""
    made = []
    for net in _other_networks():
        other = copy.copy(net)
        other.label = _(net.label)
        made.append(other)
    return tuple(made)
