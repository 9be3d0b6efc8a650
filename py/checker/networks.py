"""The networks a student's code is checked on: the one on screen and a few others."""

import functools
import json

import numpy as np

from backprop import A0, Run, forward, init_params, param_shapes, params_from_dict, truth_table
from backprop.config import whole_number

# (label, n_h, seed, steps of training at learning rate 10 before the check)
OTHERS = (
    ("seed 0, 1 hidden unit", 1, 0, 0),
    ("seed 1, 3 hidden units", 3, 1, 0),
    ("seed 7, 4 hidden units", 4, 7, 0),
    ("seed 2 after 300 steps", 2, 2, 300),
)


class Network:
    """Parameters, targets and the model's forward pass of one network, with a label for the student."""

    def __init__(self, label, params, Y):
        self.label, self.params, self.Y = label, params, Y
        self.A0 = np.array(A0, dtype=float)
        self.cache = forward(params, self.A0, Y)

    def copies(self, *names):
        """Fresh copies of the named arrays (A0, Y, W0 ... A2), so the student's code cannot change ours."""
        pool = {"A0": self.A0, "Y": self.Y, **self.params, **self.cache}
        return [np.array(pool[name], dtype=float) for name in names]


def _numbers(name, texts, count):
    if not isinstance(texts, (list, tuple)) or len(texts) != count:
        raise ValueError(f"the network's {name} must be a list of {count} numbers (got {texts!r})")
    try:
        return [float(text) for text in texts]
    except (TypeError, ValueError):
        raise ValueError(f"the network's {name} holds something that is not a number: {texts!r}") from None


def on_screen(network_json):
    """The network on screen from the page's JSON: {"n_h", "table", "seed", "step", "params": {"W0": [texts
    of the values, row by row], ...}}. A ValueError in words when it cannot be read."""
    try:
        network = json.loads(network_json) if isinstance(network_json, str) else network_json
    except ValueError as error:
        raise ValueError(f"the network is not valid JSON ({error})") from None
    if not isinstance(network, dict):
        raise ValueError(f"the network must be a JSON object (got {network!r})")
    n_h = whole_number("n_h", network.get("n_h"), 1, 16)
    Y = truth_table(network.get("table", "XOR"))
    flat = network.get("params")
    if not isinstance(flat, dict):
        raise ValueError(f"the network needs params W0, b0, W1, b1 (got {flat!r})")
    nested = {}
    for name, (rows, cols) in param_shapes(n_h).items():
        values = _numbers(name, flat.get(name), rows * cols)
        nested[name] = [values[i * cols : (i + 1) * cols] for i in range(rows)]
    params = params_from_dict(nested, n_h)
    words = [
        f"seed {network['seed']}" if "seed" in network else None,
        f"step {network['step']}" if "step" in network else None,
    ]
    detail = ", ".join(word for word in words if word)
    return Network("the network on screen" + (f" ({detail})" if detail else ""), params, Y)


@functools.lru_cache(maxsize=1)
def others():
    """The other networks, on XOR (made once: the student's code only ever gets copies)."""
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
