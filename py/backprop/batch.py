"""K networks, one per seed, trained together by gradient descent (the Many seeds view): Run's training with a
leading K axis on every parameter."""

import numpy as np

from .config import SEED_LIMIT, whole_number
from .datasets import make_data
from .network import PARAM_NAMES, backward, forward
from .train import Run, all_right, as_config, pass_key


def _init_batch(n_h, seeds):
    """init_params for every seed, stacked on a leading K axis. Reseeding one RandomState draws the same
    numbers as a new RandomState per seed, about 30 times faster (a new one costs ~0.2 ms)."""
    rng = np.random.RandomState()
    W0, W1 = np.empty((len(seeds), n_h, 2)), np.empty((len(seeds), 1, n_h))
    for k, seed in enumerate(seeds):
        rng.seed(seed)
        W0[k] = rng.randn(n_h, 2)  # init_params' draw order: W0, then W1
        W1[k] = rng.randn(1, n_h)
    b0 = np.full((len(seeds), n_h, 1), 0.1)
    return {"W0": W0 * 0.1, "b0": b0, "W1": W1 * 0.1, "b1": np.full((len(seeds), 1, 1), 0.1)}


class Batch:
    """K networks, one per seed, sharing every other setting, trained together.

    Parameters carry a leading K axis (W0 has shape (K, n_h, 2)). A network that
    diverges, by Run's rule, freezes; the others go on.

    With track_solved, solved_since[k] is the step from which network k has been solved at every
    step up to now, or -1 while it is not solved (so a network that solves, slips and solves again
    counts from the last time); without it, solved_since is None and training costs nothing extra.
    """

    def __init__(self, config=None, seeds=(2,), track_solved=False, points=None):
        self.config = as_config(config)
        self.data = make_data(self.config, points)
        self.A0, self.Y = self.data.A0, self.data.Y
        self.seeds = [whole_number("seed", seed, 0, SEED_LIMIT - 1) for seed in seeds]
        if not self.seeds:
            raise ValueError("seeds must list at least one seed")
        self.params = _init_batch(self.config.n_h, self.seeds)
        self.step = 0
        self.diverged = np.zeros(len(self.seeds), dtype=bool)
        self.diverged_at = np.full(len(self.seeds), -1)  # step at which each network diverged, or -1
        with np.errstate(all="ignore"):
            self.cache = forward(self.params, self.A0, self.Y, self.config.activation, self.config.cost)
            ratio, self._rise_steps = Run.rise_rule(self.config, self.Y.shape[-1])
            self._rise_limit = ratio * self.costs
        self._steps_above = np.zeros(len(self.seeds), dtype=int)
        self.solved_since = np.full(len(self.seeds), -1) if track_solved else None
        self._orders = None  # "shuffled": (pass, each network's order of the examples)
        self._check()

    @property
    def costs(self):
        """J of each network's current parameters, shape (K,)."""
        return self.cache["J"]

    @property
    def solved(self):
        return all_right(self.cache["A2"], self.Y) & ~self.diverged

    def train(self, n=1):
        """Take n steps for every network that has not diverged. Returns the costs."""
        c = self.config
        params, A0 = self.params, self.A0
        with np.errstate(all="ignore"):
            for _ in range(n):
                if self.diverged.all():
                    break
                if c.batch == "full":
                    grads = backward(params, self.cache, A0, self.Y, c.activation, c.cost, c.notebook_mode)
                else:
                    grads = self._one_example_gradients()
                alive = ~self.diverged[:, None, None] if self.diverged.any() else True  # True: no mask, faster
                for name in PARAM_NAMES:
                    np.subtract(params[name], c.learning_rate * grads["d" + name], out=params[name], where=alive)
                self.cache = forward(params, A0, self.Y, c.activation, c.cost)
                self.step += 1
                self._check()
        return self.costs

    def _one_example_gradients(self):
        """Each network's gradient on its step's example (step_examples; "shuffled" draws each seed's order)."""
        c, m = self.config, self.Y.shape[-1]
        if c.batch == "one":
            j = self.step % m
            column = slice(j, j + 1)
            cache = {name: self.cache[name][..., column] for name in ("Z1", "A1", "Z2", "A2")}
            return backward(
                self.params, cache, self.A0[:, column], self.Y[:, column], c.activation, c.cost, c.notebook_mode
            )
        p = self.step // m
        if self._orders is None or self._orders[0] != p:
            rng = np.random.RandomState()
            orders = np.empty((len(self.seeds), m), dtype=np.intp)
            for k, seed in enumerate(self.seeds):  # pass_order's draw, one RandomState reseeded (see _init_batch)
                rng.seed(pass_key(seed, p))
                orders[k] = rng.permutation(m)
            self._orders = (p, orders)
        js = self._orders[1][:, self.step % m]  # (K,): each network's example
        cache = {}
        for name in ("Z1", "A1", "Z2", "A2"):
            rows = self.cache[name].shape[-2]
            cache[name] = np.take_along_axis(
                self.cache[name], np.broadcast_to(js[:, None, None], (len(js), rows, 1)), -1
            )
        inputs = np.ascontiguousarray(self.A0.T[js][:, :, None])  # (K, 2, 1)
        Y = self.Y[0, js][:, None, None]  # (K, 1, 1)
        return backward(self.params, cache, inputs, Y, c.activation, c.cost, c.notebook_mode)

    def _check(self):
        with np.errstate(invalid="ignore"):
            rising = self.costs > self._rise_limit
        self._steps_above = np.where(rising, self._steps_above + 1, 0)
        failed = self._steps_above >= self._rise_steps
        finite = np.isfinite(self.costs) & np.isfinite(self.cache["Z2"]).all(axis=(-2, -1))
        if not (finite.all() and all(np.isfinite(self.params[name]).all() for name in PARAM_NAMES)):
            for name in PARAM_NAMES:  # the slower per-network test only when something is not finite
                finite &= np.isfinite(self.params[name]).all(axis=(-2, -1))
        newly = (failed | ~finite) & ~self.diverged
        if newly.any():
            self.diverged_at[newly] = self.step
            self.diverged |= newly
        if self.solved_since is not None:
            since = np.where(self.solved_since >= 0, self.solved_since, self.step)
            self.solved_since = np.where(self.solved, since, -1)
