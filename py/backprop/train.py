"""Gradient descent on one network (Run; K networks at once are backprop/batch.py's Batch).

Cost semantics: the cost at step k is J of the parameters after k updates, so step 0's
is the cost of the initial network (the notebook prints the same: J before update i). The forward pass that
gives step k+1's cost is also the one whose intermediates the next backward pass uses: one forward, one backward
per step.

Examples per step (Config.batch): "full", the notebook's, takes every step's gradient on all m examples; "one" and
"shuffled" take step k's gradient on one example (step_examples), the gradient of that example's own cost (the cost
with m = 1). The cost J (history, status) stays J over all the examples.
"""

import math

import numpy as np

from shared.i18n import _

from .config import Config, params_from_dict, params_to_dict, whole_number
from .datasets import accuracy, make_data
from .network import PARAM_NAMES, backward, forward, init_params, unflatten


def as_config(config):
    if config is None:
        return Config()
    return config if isinstance(config, Config) else Config.from_dict(config)


def all_right(A2, Y):
    """Every prediction on the right side of 0.5 (per network, for a batch)."""
    return np.where(Y > 0.5, A2 > 0.5, A2 < 0.5).all(axis=(-2, -1))


_ORDER_RNG = np.random.RandomState()  # private: the global RandomState is never touched


def pass_order(seed, p, m):
    """The order of the examples in pass p of "shuffled" (steps p*m to p*m + m - 1): a permutation of range(m)
    drawn from np.random.RandomState([seed, p]), so it depends on (seed, p) only."""
    _ORDER_RNG.seed(pass_key(seed, p))  # reseeding draws as a new RandomState(key) does, without making one
    return _ORDER_RNG.permutation(m)


def pass_key(seed, p):
    """RandomState's seed words for pass p of seed (each word is 32 bits)."""
    return [seed, p] if p < 2**32 else [seed, p % 2**32, p // 2**32]


def step_examples(config, step, m=4):
    """The examples (columns of A0) whose gradient step `step` -> step + 1 takes: all m for "full", else one: in
    order 0, 1, ..., m - 1, 0, ... for "one", in pass_order(seed, step // m, m) for "shuffled"."""
    if config.batch == "full":
        return list(range(m))
    if config.batch == "one":
        return [step % m]
    return [int(pass_order(config.seed, step // m, m)[step % m])]


def _nan_or_infinite(x):
    return "NaN" if np.isnan(x).any() else "infinite"


class Run:
    """One network being trained: step count, parameters, cost history and status.

    status is "ready", or "diverged" once training has visibly failed; reason then says
    why, and train() does nothing more. Diverged means the cost, the output Z2 or a parameter
    stopped being a finite number, or the cost stayed above RISE_RATIO times its reference (its
    value when training started or the learning rate last changed) for RISE_STEPS steps
    in a row: gradient descent with a small enough learning rate never does that. With one example per step the
    cost over all the examples may rise for a while and fall again (seed 5 shuffled at learning rate 10 stays near
    twice its start for some 100 steps), so there the rule is looser: ONE_EXAMPLE_RISE_RATIO times, for
    RISE_STEPS passes over the examples (rise_rule).

    history[i] is the cost at step history_start + i * history_stride. With a
    history_limit, the history is thinned to every other point whenever it grows past the
    limit (the stride doubles), so a long run keeps a bounded, evenly spaced curve.
    """

    RISE_RATIO, RISE_STEPS = 1.5, 20
    ONE_EXAMPLE_RISE_RATIO = 3.0

    @classmethod
    def rise_rule(cls, config, m):
        """(ratio, steps) of the rise rule for this config's examples per step, m examples."""
        if config.batch == "full":
            return cls.RISE_RATIO, cls.RISE_STEPS
        return cls.ONE_EXAMPLE_RISE_RATIO, cls.RISE_STEPS * m

    def __init__(self, config=None, params=None, step=0, history_limit=None, points=None):
        self.config = as_config(config)
        self.data = make_data(self.config, points)  # the examples: A0, Y for training, A0_test, Y_test
        self.A0, self.Y = self.data.A0, self.data.Y
        n_h = self.config.n_h
        start = init_params(n_h, self.config.seed) if params is None else params_from_dict(params, n_h)
        # The parameters live in one vector, so that one update and one finiteness test cover them all.
        self.theta = np.concatenate([start[name].ravel() for name in PARAM_NAMES])
        self.params = unflatten(self.theta, n_h)
        self._grad = np.empty_like(self.theta)
        self._grads_out = {"d" + name: view for name, view in unflatten(self._grad, n_h).items()}
        self.step = whole_number("step", step, 0, 2**63 - 1)
        if history_limit is not None and whole_number("history_limit", history_limit, 2, 2**31) % 2:
            raise ValueError("history_limit must be even, so that thinning keeps the curve evenly spaced")
        self.history_limit, self.history_start, self.history_stride = history_limit, self.step, 1
        self.status, self.reason = "ready", None
        self._order = None  # "shuffled": (pass, its order of the examples), as last drawn
        with np.errstate(all="ignore"):
            self.cache = forward(self.params, self.A0, self.Y, self.config.activation, self.config.cost)
        self.cost = float(self.cache["J"])  # J of the current parameters
        self._test_cache = None  # the forward pass on the test examples at the current parameters, once made
        self.history = [self.cost]
        # test_history[i]: J on the test examples at history's step i (empty when there are none)
        self.test_history = [self.test_cost()] if self.data.test_m else []
        self._watch_from_here()
        self._check()

    @property
    def A2(self):
        """Predictions for the training examples, shape (1, m)."""
        return self.cache["A2"]

    def _test_forward(self):
        """The forward pass on the test examples at the current parameters, made once for them: the test history,
        test_cost and accuracy (each frame's snapshot asks for both) share it."""
        if self._test_cache is None:
            c = self.config
            with np.errstate(all="ignore"):
                self._test_cache = forward(self.params, self.data.A0_test, self.data.Y_test, c.activation, c.cost)
        return self._test_cache

    def test_cost(self):
        """J on the test examples (NaN when there are none)."""
        return float(self._test_forward()["J"]) if self.data.test_m else math.nan

    def accuracy(self):
        """{"train": (right, m), "test": (right, t)}: the examples on the right side of 0.5."""
        return {"train": accuracy(self.A2, self.Y), "test": accuracy(self._test_forward()["A2"], self.data.Y_test)}

    @property
    def solved(self):
        return self.status != "diverged" and bool(all_right(self.cache["A2"], self.Y))

    def set_params(self, params):
        """Overwrite the parameters in place (validated, e.g. a weight the student edited).

        The cost at the current step becomes that of the new parameters. Assign through
        this (or in place): params' arrays are views into theta, which training updates.
        """
        new = params_from_dict(params, self.config.n_h)
        for name in PARAM_NAMES:
            self.params[name][...] = new[name]
        self._go_on_from_here()

    def set_points(self, points):
        """Go on training from here on these points (a student's own, checked as datasets.points_data checks them):
        the parameters and the step stay, config.data becomes "points", and the cost at the current step becomes
        J on the new training points (the cost history keeps what came before)."""
        data = make_data(self.config.replace(data="points"), points)
        self.config = self.config.replace(data="points")
        self.data, self.A0, self.Y = data, data.A0, data.Y
        self._order = None
        # The test curve: NaN where there were no test points, none when there are none now.
        self.test_history = self.test_history + [math.nan] * (len(self.history) - len(self.test_history))
        if not data.test_m:
            self.test_history = []
        self._go_on_from_here()

    def _go_on_from_here(self):
        """After the parameters or the examples changed: the cost at the current step is the new one (in the history
        too), and the divergence watch starts again."""
        self._test_cache = None
        self.status, self.reason = "ready", None
        with np.errstate(all="ignore"):
            self.cache = forward(self.params, self.A0, self.Y, self.config.activation, self.config.cost)
        self.cost = float(self.cache["J"])
        if self._on_history_grid():
            self.history[-1] = self.cost
            if self.test_history:
                self.test_history[-1] = self.test_cost()
        self._watch_from_here()
        self._check()

    def set_learning_rate(self, learning_rate):
        """Go on training from here with another learning rate (validated like the config's)."""
        self.config = self.config.replace(learning_rate=learning_rate)
        self._watch_from_here()

    def gradients(self):
        """Analytic gradients at the current parameters (dA2 ... db0) over all the examples, as the full batch's
        training uses them (the next step's own, for one example per step, are in stages())."""
        c = self.config
        with np.errstate(all="ignore"):
            return backward(self.params, self.cache, self.A0, self.Y, c.activation, c.cost, c.notebook_mode)

    def next_examples(self):
        """The examples (columns of A0) the next step's gradient sums over: all of them for the full batch."""
        if self.config.batch == "shuffled":
            return [self._shuffled_example(self.step)]
        return step_examples(self.config, self.step, self.Y.shape[-1])

    def _shuffled_example(self, step):
        """step_examples' example for "shuffled", the pass's order kept (a RandomState costs about 0.2 ms)."""
        m = self.Y.shape[-1]
        p = step // m
        if self._order is None or self._order[0] != p:
            self._order = (p, pass_order(self.config.seed, p, m))
        return int(self._order[1][step % m])

    def stages(self):
        """The numbers of the next step, stage by stage (backprop/stages.py's step_stages), without taking it:
        the update's "after" is what train(1) gives."""
        from .stages import step_stages

        return step_stages(self.params, self.Y, self.config, self.next_examples(), self.step, self.cache, self.A0)

    def train(self, n=1):
        """Take up to n steps of gradient descent (none once diverged). Returns the current cost."""
        c = self.config
        params, theta, grad, grads_out, A0 = self.params, self.theta, self._grad, self._grads_out, self.A0
        one_example = c.batch != "full"
        with np.errstate(all="ignore"):
            for _step in range(n):
                if self.status == "diverged":
                    break
                if one_example:  # the gradient on step_examples' example j alone: A0's, Y's and the cache's column j
                    j = self.next_examples()[0]
                    column = slice(j, j + 1)
                    cache = {name: self.cache[name][:, column] for name in ("Z1", "A1", "Z2", "A2")}
                    inputs, Y = A0[:, column], self.Y[:, column]
                else:
                    cache, inputs, Y = self.cache, A0, self.Y
                backward(params, cache, inputs, Y, c.activation, c.cost, c.notebook_mode, out=grads_out)
                grad *= c.learning_rate
                theta -= grad
                self._test_cache = None
                self.cache = forward(params, A0, self.Y, c.activation, c.cost)
                self.step += 1
                self.cost = float(self.cache["J"])
                if self._on_history_grid():
                    self._record()
                self._check()
        return self.cost

    def _on_history_grid(self):
        return (self.step - self.history_start) % self.history_stride == 0

    def _record(self):
        self.history.append(self.cost)
        if self.test_history:
            self.test_history.append(self.test_cost())
        if self.history_limit is not None and len(self.history) > self.history_limit:
            del self.history[1::2]
            if self.test_history:
                del self.test_history[1::2]
            self.history_stride *= 2

    def _watch_from_here(self):
        self._rise_ratio, self._rise_steps = self.rise_rule(self.config, self.Y.shape[-1])
        self._rise_limit = self._rise_ratio * self.cost
        self._steps_above = 0

    def _check(self):
        J, Z2 = self.cost, self.cache["Z2"]
        if not math.isfinite(J):
            if np.isnan(J):
                self._diverge(
                    _(
                        "the cost became NaN at step {step} — the learning rate {rate} is too large for this network; "
                        "try a smaller one"
                    )
                )
            else:
                self._diverge(
                    _(
                        "the cost became infinite at step {step} — the learning rate {rate} is too large for this "
                        "network; try a smaller one"
                    )
                )
        # An overflowed output saturates the sigmoid, so J can stay finite; whether the overflow reads as
        # infinite or NaN (inf - inf) depends on the BLAS kernel's order of sums.
        elif not np.isfinite(Z2).all():
            if _nan_or_infinite(Z2) == "NaN":
                self._diverge(
                    _(
                        "the output Z2 became NaN at step {step} — the learning rate {rate} is too large for this "
                        "network; try a smaller one"
                    )
                )
            else:
                self._diverge(
                    _(
                        "the output Z2 became infinite at step {step} — the learning rate {rate} is too large for this "
                        "network; try a smaller one"
                    )
                )
        # theta·theta is finite only if every parameter is; only when it is not is the exact test needed.
        elif not math.isfinite(self.theta.dot(self.theta)) and not np.isfinite(self.theta).all():
            bad = next(name for name in PARAM_NAMES if not np.isfinite(self.params[name]).all())
            if _nan_or_infinite(self.params[bad]) == "NaN":
                message = _(
                    "parameter {name} became NaN at step {step} — the learning rate {rate} is too large for this "
                    "network; try a smaller one"
                )
            else:
                message = _(
                    "parameter {name} became infinite at step {step} — the learning rate {rate} is too large for this "
                    "network; try a smaller one"
                )
            self._diverge(message, name=bad)
        elif self._rise_limit < J:
            self._steps_above += 1
            if self._steps_above >= self._rise_steps:
                self._diverge(
                    _(
                        "the cost rose from {start} to {cost} and stayed above {ratio} times that for {steps} steps at "
                        "step {step} — the learning rate {rate} is too large for this network; try a smaller one"
                    ),
                    start=f"{self._rise_limit / self._rise_ratio:.4g}",
                    cost=f"{J:.4g}",
                    ratio=f"{self._rise_ratio:g}",
                    steps=self._rise_steps,
                )
        else:
            self._steps_above = 0

    def _diverge(self, message, **values):
        """Diverged: reason is message (translated, whole) with the step, the learning rate and values put in."""
        self.status = "diverged"
        self.reason = message.format(step=self.step, rate=f"{self.config.learning_rate:g}", **values)

    def predict(self, inputs):
        """A2 for any inputs of shape (2, N), e.g. a grid for a decision surface."""
        with np.errstate(all="ignore"):
            return forward(self.params, np.asarray(inputs, dtype=float), activation=self.config.activation)["A2"]

    def to_dict(self):
        """Config, parameters and step count as a JSON-able dict (non-finite numbers become None), and the points
        when they are a student's own (config.data "points"; the others are made again from the config)."""
        state = {"config": self.config.to_dict(), "params": params_to_dict(self.params), "step": self.step}
        if self.config.data == "points":
            state["points"] = self.data.points()
        return state

    @classmethod
    def from_dict(cls, state):
        """A Run from to_dict()'s output, validated; its history starts at the saved step."""
        if not isinstance(state, dict):
            raise ValueError(
                _("a saved run must be a dict with config, params and step (got {value})").format(value=repr(state))
            )
        for key in state:
            if key not in ("config", "params", "step", "points"):
                raise ValueError(
                    _("unknown key {key} in a saved run; the keys are config, params, step, points").format(
                        key=repr(key)
                    )
                )
        for key in ("config", "params"):
            if key not in state:
                raise ValueError(_("a saved run needs {key}").format(key=key))
        return cls(Config.from_dict(state["config"]), state["params"], state.get("step", 0), points=state.get("points"))
