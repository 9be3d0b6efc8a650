"""Many seeds: one network per seed, all with the lab's other settings, trained together by backprop.Batch
in slices short enough to keep the page responsive, and summarised as plain values for the page to paint.

Every network is, at the sweep's current step, in exactly one category:

- diverged: by Run's rule (the cost, the output Z2 or a parameter stopped being finite, or the cost stayed
  above 1.5 times its starting value for 20 steps, or 3 times for 20 passes with one example per step); it stops
  training there.
- solved: every training example's prediction A2 on the right side of 0.5 (Batch.solved): the truth table's
  four, or a data set's training points.
- stuck: neither, and J fell by less than STUCK_FALL (1%) of its value over the last STUCK_WINDOW (20%)
  of the steps taken so far (J at the last history point at or before 80% of the current step, against J
  now; a cost that rose counts as not falling). Before the first history point after step 0 none is stuck.
- training: none of these yet (not solved, but J is still falling).

Steps to solve: the step from which a solved network has stayed solved up to now (Batch's solved_since),
so a network that solves, slips back and solves again counts from the last time.

Each network's cost history is kept at HISTORY_POINTS steps at most, spread evenly from step 0 to the last
step (for 1,000 steps: every 5th step); the same steps for every network, so a median curve is a column's
median. Chunked training gives exactly the numbers of one Batch.train(steps): Batch steps one at a time.
"""

import time

import numpy as np

from backprop import Batch, Config
from backprop.config import SEED_LIMIT, whole_number
from plots.cost_chart import format_cost
from shared.i18n import _, ngettext
from shared.limits import SWEEP_LIMITS
from shared.sweep_words import CATEGORIES
from worker.sweep import plots as sweep_plots

HISTORY_POINTS = 201
CHUNK_SECONDS = 0.002  # training between two looks at the clock in advance()
STUCK_WINDOW, STUCK_FALL = 0.2, 0.01
SEEDS_LISTED = 50


class Sweep:
    """count networks, seeds first_seed to first_seed + count - 1, each trained for `steps` steps.

    settings: backprop.Config's fields as a dict (its seed is ignored). clock: seconds, as time.perf_counter.
    points: the student's own points ([[x1, x2, y, test], ...]) for data "points", else None.
    """

    def __init__(self, settings, first_seed, count, steps, clock=time.perf_counter, points=None):
        self.config = Config.from_dict(settings)
        self.count = whole_number(_("the number of networks"), count, *SWEEP_LIMITS["sweep_count"])
        self.steps = whole_number(_("the number of steps"), steps, *SWEEP_LIMITS["sweep_steps"])
        self.first_seed = whole_number(_("the first seed"), first_seed, 0, SEED_LIMIT - self.count)
        self.seeds = np.arange(self.first_seed, self.first_seed + self.count)
        self.clock = clock
        self.batch = Batch(self.config, self.seeds.tolist(), track_solved=True, points=points)
        self.record_steps = np.unique(np.rint(np.linspace(0, self.steps, min(HISTORY_POINTS, self.steps + 1))))
        self.record_steps = self.record_steps.astype(np.int64)
        self.history = np.full((self.count, self.record_steps.size), np.nan)
        self.medians = np.full(self.record_steps.size, np.nan)  # the median J of each history column
        self.recorded = 0  # history columns filled
        self._record()
        self.stopped = False
        self.seconds_per_step = None
        self._started = self._last = None  # clock at the first advance() and at the end of the latest
        self._plots = {}  # the latest geometry of each plot, for pick()

    @property
    def step(self):
        return self.batch.step

    @property
    def done(self):
        return self.stopped or self.batch.step >= self.steps or bool(self.batch.diverged.all())

    def stop(self):
        """Train no further; everything done so far stays."""
        self.stopped = True

    def advance(self, seconds):
        """Train every network until the first look at the clock after `seconds` (or the end).
        Returns the number of steps taken."""
        batch, started = self.batch, self.clock()
        if self._started is None:
            self._started = started
        first = batch.step
        while not self.done:
            per_step = self.seconds_per_step
            room = int(self.record_steps[self.recorded]) - batch.step  # steps to the next history point
            # No estimate yet, or a clock too coarse to time a chunk: one step at a time (as Session.train_for).
            chunk = 1 if not per_step else max(1, min(room, int(CHUNK_SECONDS / per_step)))
            before, at = self.clock(), batch.step
            batch.train(chunk)
            now = self.clock()
            if batch.step == self.record_steps[self.recorded]:
                self._record()
            if batch.step > at:
                measured = (now - before) / (batch.step - at)
                self.seconds_per_step = measured if per_step is None else 0.8 * per_step + 0.2 * measured
            if now - started >= seconds:
                break
        self._last = self.clock()
        return batch.step - first

    def _record(self):
        costs = self._costs()
        self.history[:, self.recorded] = costs
        self.medians[self.recorded] = _median(costs)
        self.recorded += 1

    def _costs(self):
        """J of every network now, NaN for one that diverged at an earlier step (it stopped there)."""
        batch = self.batch
        return np.where(batch.diverged & (batch.diverged_at < batch.step), np.nan, batch.costs)

    def eta_seconds(self):
        """Seconds left at the pace so far (steps per second of the clock since the first advance), or None."""
        if self.done:
            return 0.0
        if not self.batch.step or self._last is None or self._last <= self._started:
            return None
        return (self.steps - self.batch.step) * (self._last - self._started) / self.batch.step

    def points(self):
        """(steps, costs, medians): the history's steps so far, each network's J there (shape (count, n)) and
        their median, with the current step appended when it is not a history point. A diverged network's J
        after the step at which it diverged is NaN; the median counts it as infinite."""
        n = self.recorded
        steps, costs, medians = self.record_steps[:n], self.history[:, :n], self.medians[:n]
        if steps[-1] != self.batch.step:
            now = self._costs()
            steps = np.append(steps, self.batch.step)
            costs = np.concatenate([costs, now[:, None]], axis=1)
            medians = np.append(medians, _median(now))
        return steps, costs, medians

    def categories(self):
        """Each network's category as an index into CATEGORIES, shape (count,)."""
        batch = self.batch
        category = np.full(self.count, CATEGORIES.index("training"))
        then = np.flatnonzero(self.record_steps[: self.recorded] <= (1 - STUCK_WINDOW) * batch.step)
        if batch.step and then.size and self.record_steps[then[-1]] < batch.step:
            before, now = self.history[:, then[-1]], batch.costs
            with np.errstate(all="ignore"):
                falling = now < before * (1 - STUCK_FALL)
            category[~falling] = CATEGORIES.index("stuck")
        category[batch.solved] = CATEGORIES.index("solved")
        category[batch.diverged] = CATEGORIES.index("diverged")
        return category

    def summary(self, sizes=None):
        """Everything the page shows, as plain values (see the module docstring for the categories).

        sizes: {"histogram": [w, h], "curves": [w, h], "solve_steps": [w, h]} in CSS pixels; a plot whose
        size is missing (or None) comes back as None.
        """
        sizes = sizes or {}
        category = self.categories()
        counts = {name: int(np.count_nonzero(category == i)) for i, name in enumerate(CATEGORIES)}
        step = self.batch.step
        summary = {
            "step": step,
            "steps": self.steps,
            "count": self.count,
            "first_seed": self.first_seed,
            "last_seed": int(self.seeds[-1]),
            "settings": self.config.to_dict(),
            "done": self.done,
            "stopped": self.stopped,
            "progress": step / self.steps,
            "eta_seconds": self.eta_seconds(),
            **counts,
            "shares_text": shares_text(counts, self.count),
            "seeds": {name: self.seeds[category == i][:SEEDS_LISTED].tolist() for i, name in enumerate(CATEGORIES)},
        }
        solved_since = self.batch.solved_since
        makers = {
            "histogram": lambda w, h: sweep_plots.cost_histogram(self.batch.costs, category, self.seeds, w, h),
            "curves": lambda w, h: sweep_plots.curves(
                *self.points(), category, self.seeds, self.steps, w, h, lambda k: self.describe(k, category)
            ),
            "solve_steps": lambda w, h: sweep_plots.solve_histogram(
                solved_since, category, self.seeds, self.steps, w, h
            ),
        }
        for plot, make in makers.items():
            size = sizes.get(plot)
            if size is None:
                summary[plot] = None
                continue
            geometry, self._plots[plot] = make(float(size[0]), float(size[1]))
            summary[plot] = geometry
        return summary

    def describe(self, k, category=None):
        """Network k (its index, seed first_seed + k) as pick() answers: {"seed", "seeds", "category", "label"}."""
        batch = self.batch
        name = CATEGORIES[(self.categories() if category is None else category)[k]]
        seed, J = int(self.seeds[k]), format_cost(float(batch.costs[k]))
        values = {"seed": seed, "J": J, "step": batch.step}
        if name == "diverged":
            label = _("Seed {seed}: diverged at step {at}.").format(at=int(batch.diverged_at[k]), **values)
        elif name == "solved":
            label = _("Seed {seed}: solved since step {since}; J is {J} at step {step}.").format(
                since=int(batch.solved_since[k]), **values
            )
        elif name == "stuck":
            label = _("Seed {seed}: stuck; J is {J} at step {step}.").format(**values)
        else:
            label = _("Seed {seed}: not solved yet, still improving; J is {J} at step {step}.").format(**values)
        return {"seed": seed, "seeds": [seed], "category": name, "label": label}

    def pick(self, plot, x, y):
        """What is under the pixel (x, y) of a plot as the latest summary drew it: in "curves", the drawn
        network nearest to it; in "histogram" or "solve_steps", the bar's networks. Returns
        {"seed", "seeds", "label"} (curves also "category" and "path", the network's curve alone), or None."""
        if plot not in ("histogram", "curves", "solve_steps"):
            raise ValueError(f"plot must be histogram, curves or solve_steps (got {plot!r})")
        hits = self._plots.get(plot)
        if hits is None:
            return None
        return hits.pick(float(x), float(y))


def _median(costs):
    return float(np.median(np.where(np.isnan(costs), np.inf, costs)))


def shares_text(counts, total):
    """E.g. "142 of 200 solved (71%), 50 stuck (25%), 8 diverged (4%)", then those still improving, if any."""

    def percent(n):
        return f"{100 * n / total:.0f}"

    solved, stuck, diverged, training = (counts[name] for name in ("solved", "stuck", "diverged", "training"))
    parts = [
        ngettext("{n} of {total} solved ({percent}%)", "{n} of {total} solved ({percent}%)", total).format(
            n=solved, total=total, percent=percent(solved)
        ),
        ngettext("{n} stuck ({percent}%)", "{n} stuck ({percent}%)", stuck).format(n=stuck, percent=percent(stuck)),
        ngettext("{n} diverged ({percent}%)", "{n} diverged ({percent}%)", diverged).format(
            n=diverged, percent=percent(diverged)
        ),
    ]
    if training:
        parts.append(
            ngettext("{n} still improving ({percent}%)", "{n} still improving ({percent}%)", training).format(
                n=training, percent=percent(training)
            )
        )
    return ", ".join(parts)
