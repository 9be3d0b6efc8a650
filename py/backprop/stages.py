"""One gradient-descent step, stage by stage: the numbers a student follows through the network.

forward (every example, the current parameters), cost (J over every example, each example's error and share of
J), backward (the step's examples: all of them for the full batch, one for one example per step), update (each
parameter before, the change learning_rate * gradient, and after) and the cost after the update. The arithmetic is
Run.train's, operation for operation, so "after" is bit for bit the parameters train(1) leaves.
"""

import numpy as np

from .data import A0 as TRAINING_A0
from .network import COSTS, PARAM_NAMES, backward, forward, unflatten

# The numbers the notebook's slip changes (its hidden derivative taken at A1): dZ1 and what is made of it.
SLIPPED = ("dZ1", "dW0", "db0")


def slipped(config):
    """Whether the notebook's slip changes this network's numbers: notebook mode, with an activation whose derivative
    at A1 differs from its derivative at Z1 (not ReLU's: A1 > 0 exactly where Z1 > 0)."""
    return bool(config.notebook_mode) and config.activation != "relu"


def cost_shares(cache, Y, cost):
    """Each example's term of J, shape (1, m): they sum to J (up to the order of the sum)."""
    m = Y.shape[-1]
    if COSTS[cost].name == "half_mse":
        return 0.5 * (cache["A2"] - Y) ** 2 / m
    Z2 = cache["Z2"]
    return (np.logaddexp(0.0, Z2) - Y * Z2) / m


def step_stages(params, Y, config, examples, step=0, cache=None, A0=TRAINING_A0):
    """The stages of step `step` -> step + 1 from params (a dict of arrays, left unchanged) for the examples
    (columns of A0) the step's gradient takes. cache: the forward pass at params, when it is at hand (a Run's).

    Returns {"step", "examples", "batch", "m", "n_h", "activation", "cost_function", "notebook_mode",
    "learning_rate", "A0", "Y", "forward": {Z1, A1, Z2, A2}, "cost": {"J", "error", "share"},
    "backward": {dZ2, dW1, db1, dA1, dZ1, dW0, db0} (columns in the order of examples), "update": {name: {"before",
    "change", "after"}}, "after": {"J", "params"}, "slip": the names the notebook's slip changes, or []}.
    """
    c = config
    examples = [int(j) for j in examples]
    with np.errstate(all="ignore"):
        if cache is None:
            cache = forward(params, A0, Y, c.activation, c.cost)
        # As Run.train: the gradient written into views of one vector, on all the columns or a slice of one.
        if examples == list(range(Y.shape[-1])):
            columns, inputs, targets = cache, A0, Y
        else:
            pick = examples if len(examples) > 1 else slice(examples[0], examples[0] + 1)
            columns = {name: cache[name][:, pick] for name in ("Z1", "A1", "Z2", "A2")}
            inputs, targets = A0[:, pick], Y[:, pick]
        theta = np.concatenate([np.asarray(params[name], dtype=float).ravel() for name in PARAM_NAMES])
        grad = np.empty_like(theta)
        out = {"d" + name: view for name, view in unflatten(grad, c.n_h).items()}
        grads = backward(params, columns, inputs, targets, c.activation, c.cost, c.notebook_mode, out=out)
        gradients = {name: grads["d" + name].copy() for name in PARAM_NAMES}
        grad *= c.learning_rate
        changes = unflatten(grad, c.n_h)
        before = unflatten(theta.copy(), c.n_h)
        theta -= grad
        after = unflatten(theta, c.n_h)
        update = {name: {"before": before[name], "change": changes[name], "after": after[name]} for name in PARAM_NAMES}
        after_cache = forward(after, A0, Y, c.activation, c.cost)
    return {
        "step": int(step),
        "examples": examples,
        "batch": c.batch,
        "m": int(Y.shape[-1]),
        "n_h": c.n_h,
        "activation": c.activation,
        "cost_function": c.cost,
        "notebook_mode": c.notebook_mode,
        "learning_rate": c.learning_rate,
        "A0": np.asarray(A0, dtype=float),
        "Y": np.asarray(Y, dtype=float),
        "forward": {name: cache[name] for name in ("Z1", "A1", "Z2", "A2")},
        "cost": {"J": float(cache["J"]), "error": cache["A2"] - Y, "share": cost_shares(cache, Y, c.cost)},
        "backward": dict(
            {name: grads[name] for name in ("dZ2", "dA1", "dZ1")}, **{"d" + n: g for n, g in gradients.items()}
        ),
        "update": update,
        "after": {"J": float(after_cache["J"]), "params": after},
        "slip": list(SLIPPED) if slipped(c) else [],
    }
