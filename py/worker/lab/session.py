"""One network on the page, as the worker keeps it: settings, training in slices, and snapshots.

A snapshot is what the page draws, as plain JSON-able values: the step, the cost (and the test cost), the status,
the accuracy, A0, A2 and Y while there are at most TABLE_LIMIT points, the parameters (with their exact texts,
formatted here by CPython's rules), the points on screen when the page has not seen them yet (worker/data/view.py),
and on request the cost chart's geometry for the page's canvas size and the decision surface as RGBA bytes. A
number that is not finite travels as the text "NaN", "Infinity" or "-Infinity", since JSON has no such numbers.

The points on screen (Session.points) are the run's data, or the student's own while they edit them: a click, undo,
clear or a new set (worker/data/points.py) goes on training the same network on the new points (Run.set_points).
With no training point left the run stays as it was and waits (snapshot["waiting"]) for a point to train on.
"""

import time

import numpy as np

from backprop import PARAM_NAMES, Config, Run, make_data
from plots.cost_chart import chart, run_points, run_test_costs
from plots.plain import plain, plain_list
from plots.surface import HI, LO, describe_surface, surface_grid, surface_rgba
from shared.i18n import N_, _, ngettext
from worker.data import points as edits
from worker.data.view import data_view, extent
from worker.network.chain import chain_view
from worker.network.edit import parameter_value
from worker.network.pictures import UnitPictures
from worker.network.stages import stages_texts
from worker.notebook.sections import notebook
from worker.sweep.sweep import Sweep

HISTORY_LIMIT = 2000  # cost-curve points kept; older ones are thinned evenly
SURFACE_RESOLUTION = 64
CHUNK_SECONDS = 0.002  # training between two looks at the clock in train_for
TRAJECTORY_LIMIT = 256  # parameter vectors kept along the run (for the cost landscape); thinned evenly
TABLE_LIMIT = 8  # with at most this many points (training and test), the snapshot has A0, Y and A2 for a table
WAITING = N_("Add a point (click on the plot) to train.")
DATA_SETTINGS = ("data", "table", "data_seed", "data_size", "noise", "train_percent")


class Session:
    """The worker's one Run, created by configure() and changed only through these methods.

    version counts every change of what a snapshot shows, so the page can skip a redraw; run_id counts
    new networks (a setting other than the learning rate, or Reset); data_version counts changes of the points on
    screen (self.points, [[x1, x2, y, test], ...]), which the snapshot sends only to a page that has not seen them.
    """

    def __init__(self, clock=time.perf_counter):
        self.clock = clock
        self.run = None
        self.version = self.run_id = 0
        self.points, self.data_version, self.extent = [], 0, (LO, HI)
        self.waiting = False  # True while the points on screen have no training point: the run waits for one
        self._data_key = None  # the data settings of the points on screen
        self.undo = edits.Undo()
        self._data_view = None  # (data_version, snapshot["data"] for it): made once per set of points
        self.grid = surface_grid(SURFACE_RESOLUTION)
        self.rgba = np.zeros((SURFACE_RESOLUTION, SURFACE_RESOLUTION, 4), dtype=np.uint8)
        self.unit_pictures = UnitPictures()
        self.seconds_per_step = None
        self._trajectory_steps, self._trajectory = [], []
        self.start_params = None  # a lesson link's starting parameters: new networks and Reset start from them
        self.sweep = None  # the Many seeds view's sweep, once started

    def start_sweep(self, settings, first_seed, count, steps):
        """A new sweep (see worker/sweep/sweep.py) in place of any earlier one; the network on screen stays. With
        data "points" its networks learn the points the run on screen learns (other data come from the settings)."""
        self.sweep = None
        points = self.run.data.points() if self.run is not None else None
        self.sweep = Sweep(settings, first_seed, count, steps, clock=self.clock, points=points)
        return self.sweep

    def configure(self, settings):
        """Apply settings (a dict, validated by the model). A change of the learning rate alone goes
        on training from here; any other change starts a new network at step 0. Data "points" starts from the
        points on screen (a truth table's or a generated set's, test points kept, or the student's own)."""
        config = Config.from_dict(settings)
        run = self.run
        if run is not None and config == run.config:
            return
        if run is not None and config == run.config.replace(learning_rate=config.learning_rate):
            run.set_learning_rate(config.learning_rate)
        else:
            self.start_params = None  # they were for the network they set up
            self._new_run(config)
        self.version += 1

    def reset(self):
        self._new_run(self.run.config)
        self.version += 1

    def _new_run(self, config):
        points = shown = None
        if config.data == "points":
            if self.run is None:  # nothing on screen yet: the truth table's points
                shown = make_data(config.replace(data="table")).points()
            else:
                shown = self.points
            # waiting (no training point on screen): the new network learns the points the run learnt
            points = shown if edits.has_training_point(shown) else self.run.data.points()
        self._show_run(Run(config, params=self.start_params, history_limit=HISTORY_LIMIT, points=points), shown)

    def _show_run(self, run, points=None):
        """Show run, a new network, and its points (run.data's when points is None)."""
        self.run = run
        self.run_id += 1
        self._trajectory_steps, self._trajectory = [], []
        self._record_trajectory()
        self._show_points(run.data.points() if points is None else points)

    def _show_points(self, points, edited=False):
        """The points on screen become points; a data set that does not come from an edit has no undo. The page
        gets them again (a new data_version) when they or the data settings that name them have changed."""
        key = tuple(getattr(self.run.config, name) for name in DATA_SETTINGS)
        if points == self.points and key == self._data_key:
            return
        self.points, self._data_key = points, key
        self.waiting = not edits.has_training_point(points)
        self.data_version += 1
        if not edited:
            self.undo.clear()
        lo_hi = extent(points)
        if lo_hi != self.extent:
            self.extent = lo_hi
            self.grid = surface_grid(SURFACE_RESOLUTION, *lo_hi)

    def edit_points(self, edit):
        """A click, undo, clear or a new set of points (worker/data/points.py; ValueError when refused, nothing
        changed): the network goes on training from its parameters and step on the new points (data "points"),
        or, with no training point left, stays as it was and waits. Returns {"said", "can_undo", "count"}."""
        undoing = isinstance(edit, dict) and edit.get("op") == "undo"
        if undoing:
            points = self.undo.last()
        else:
            points, said = edits.apply(edit, self.points, self.extent)
        if edits.has_training_point(points):
            self.run.set_points(points)  # checks them before anything changes
            self._record_trajectory()
        elif self.run.config.data != "points":  # data "points" while it waits, the run as it was
            self.run.set_points(self.run.data.points())
        if undoing:
            points, said = self.undo.pop()
        else:
            self.undo.push(self.points, said)
        self._show_points(points, edited=True)
        self.version += 1
        return {"said": str(said), "can_undo": bool(self.undo), "count": len(self.points)}

    def load(self, run):
        """Show run (restored from a saved file, already validated: worker/share/saved_run.py) instead of this one."""
        run.history_limit = HISTORY_LIMIT
        self.start_params = None
        self._show_run(run)
        self.version += 1

    def start_from(self, params):
        """A new network of these settings at step 0 from params ({"W0": ..., ...}, validated for its n_h:
        worker/share/params_link.py); Reset comes back to them until a setting starts another network."""
        Run(self.run.config, params=params, points=self.run.data.points())  # validates before anything changes
        self.start_params = params
        self._new_run(self.run.config)
        self.version += 1

    def set_param(self, name, value_text):
        """Set one weight or bias ("W0[1,0]", "b0[1]", "W1[0,1]", "b1") to the number value_text, or ValueError
        naming it (worker/network/edit.py). Training goes on from the edited parameters at the same step; a lesson
        link's starting parameters are dropped, so Reset goes back to the seed's."""
        run = self.run
        (param, row, col), value = parameter_value(name, value_text, run.config.n_h)
        params = {key: run.params[key].copy() for key in PARAM_NAMES}
        params[param][row, col] = value
        run.set_params(params)
        self.start_params = None
        if self._trajectory_steps and self._trajectory_steps[-1] == run.step:
            self._trajectory[-1] = run.theta.copy()  # the landscape's point: where the network is now
        else:
            self._record_trajectory()
        self.version += 1

    def stages(self):
        """The next step in slow motion, as texts (worker/network/stages.py): nothing changes."""
        return stages_texts(self.run.stages())

    def chain(self, name):
        """The chain rule of the parameter `name`'s gradient for the next step, as texts, or None when this network
        has no such parameter (worker/network/chain.py)."""
        return chain_view(self.run.stages(), name)

    def units(self):
        """(meta, bytes) of every unit's picture (worker/network/pictures.py), over the data's extent."""
        return self.unit_pictures.pictures(self.run, self.extent)

    def step(self, n=1):
        """Exactly n steps (fewer only once diverged; none while waiting for a training point)."""
        n = int(n)
        if self.waiting:
            return
        self.run.train(n)
        self._record_trajectory()
        self.version += 1

    def train_for(self, max_steps, seconds):
        """Train up to max_steps, stopping at the first look at the clock after `seconds`.
        Returns the number of steps taken."""
        run, started, taken = self.run, self.clock(), 0
        if self.waiting:
            return 0
        while taken < max_steps and run.status != "diverged":
            per_step = self.seconds_per_step
            # A clock too coarse to time a chunk (performance.now() in a worker may tick every 0.1 or 1 ms)
            # measures 0 s: no estimate yet, so one step at a time until it ticks (no division by zero).
            chunk = 1 if not per_step else max(1, int(min(max_steps - taken, CHUNK_SECONDS / per_step)))
            before = self.clock()
            run.train(chunk)
            now = self.clock()
            self._record_trajectory()
            taken += chunk
            measured = (now - before) / chunk
            self.seconds_per_step = measured if per_step is None else 0.8 * per_step + 0.2 * measured
            if now - started >= seconds:
                break
        if taken:
            self.version += 1
        return taken

    def _record_trajectory(self):
        run = self.run
        if self._trajectory_steps and self._trajectory_steps[-1] == run.step:
            return
        self._trajectory_steps.append(run.step)
        self._trajectory.append(run.theta.copy())
        if len(self._trajectory) > TRAJECTORY_LIMIT:  # keep every other one, the first included
            del self._trajectory_steps[1::2], self._trajectory[1::2]

    def trajectory(self):
        """(steps, thetas): the run's parameter vectors (W0, b0, W1, b1 flattened, as Run.theta) recorded
        as it trained, at most TRAJECTORY_LIMIT of them, shape (T, P); the current one last."""
        if self._trajectory_steps[-1] != self.run.step:
            self._record_trajectory()
        return list(self._trajectory_steps), np.array(self._trajectory)

    def snapshot(self, chart_size=None, log_scale=False, data_version=None):
        """The network as plain values; with chart_size (width, height in CSS pixels), the cost chart's
        geometry for that canvas; "data" (the points on screen) unless data_version is the session's."""
        run = self.run
        test_m = run.data.test_m
        snap = {
            "version": self.version,
            "run_id": self.run_id,
            "step": run.step,
            "cost": plain(run.cost),
            "test_cost": plain(run.test_cost()) if test_m else None,
            "status": run.status,
            "reason": run.reason,
            "solved": run.solved,
            "waiting": _(WAITING) if self.waiting else None,
            "config": run.config.to_dict(),
            "accuracy": accuracy_view(run.accuracy(), test_m),
            "params": {name: plain_list(run.params[name]) for name in PARAM_NAMES},
            "params_text": {name: [repr(x) for x in run.params[name].reshape(-1).tolist()] for name in PARAM_NAMES},
        }
        if run.data.m + test_m <= TABLE_LIMIT:
            snap.update(A2=plain_list(run.A2), Y=plain_list(run.Y), A0=np.asarray(run.A0, dtype=float).tolist())
        if data_version != self.data_version:
            snap["data"] = self.data()
        if chart_size is not None:
            width, height = chart_size
            steps, costs = run_points(run)
            test_costs = run_test_costs(run)
            snap["chart"] = chart(steps, costs, float(width), float(height), bool(log_scale), test_costs)
        return snap

    def data(self):
        """The points on screen as the page draws them (worker/data/view.py), made once per data_version."""
        if self._data_view is None or self._data_view[0] != self.data_version:
            self._data_view = (self.data_version, data_view(self.points, self.run.config, self.data_version))
        return self._data_view[1]

    def notebook(self, numeric=True):
        """The Notebook view's sections for this network, with its version (see worker/notebook/sections.py)."""
        sections = notebook(self.run, numeric=numeric)
        sections["version"] = self.version
        return sections

    def surface(self):
        """(RGBA bytes of the R x R decision surface over the data's extent, its description), R the resolution."""
        A2 = self.run.predict(self.grid)
        surface_rgba(A2, SURFACE_RESOLUTION, out=self.rgba)
        return self.rgba.tobytes(), describe_surface(A2, self.run.A2, self.run.Y, *self.extent)


def _share(right, total):
    """The numbers of a share's sentence, as the page has always written them: 1,234 and 61.7."""
    return {"right": f"{right:,}", "total": f"{total:,}", "percent": f"{100.0 * right / total:.1f}"}


def accuracy_view(accuracy, test_m):
    """snapshot["accuracy"] from Run.accuracy(): {"train": [right, m], "test": [right, t] or None, "text"}."""
    train = list(accuracy["train"])
    test = list(accuracy["test"]) if test_m else None
    text = ngettext(
        "Train: {right} of {total} right ({percent} %).", "Train: {right} of {total} right ({percent} %).", train[1]
    ).format(**_share(*train))
    if test is not None:
        text += " " + ngettext(
            "Test: {right} of {total} right ({percent} %).", "Test: {right} of {total} right ({percent} %).", test[1]
        ).format(**_share(*test))
    return {"train": train, "test": test, "text": text}
