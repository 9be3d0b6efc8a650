"""One network on the page, as the worker keeps it: settings, training in slices, and snapshots.

A snapshot is what the page draws, as plain JSON-able values: the step, the cost, the status, A2 and
Y, the parameters (with their exact texts, formatted here by CPython's rules), and on request the
cost chart's geometry for the page's canvas size and the decision surface as RGBA bytes. A number
that is not finite travels as the text "NaN", "Infinity" or "-Infinity", since JSON has no such numbers.
"""

import time

import numpy as np

from backprop import A0, PARAM_NAMES, Config, Run
from plots.cost_chart import chart, run_points
from plots.plain import plain, plain_list
from plots.surface import describe_surface, surface_grid, surface_rgba
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


class Session:
    """The worker's one Run, created by configure() and changed only through these methods.

    version counts every change of what a snapshot shows, so the page can skip a redraw; run_id counts
    new networks (a setting other than the learning rate, or Reset).
    """

    def __init__(self, clock=time.perf_counter):
        self.clock = clock
        self.run = None
        self.version = self.run_id = 0
        self.grid = surface_grid(SURFACE_RESOLUTION)
        self.rgba = np.zeros((SURFACE_RESOLUTION, SURFACE_RESOLUTION, 4), dtype=np.uint8)
        self.unit_pictures = UnitPictures()
        self.seconds_per_step = None
        self._trajectory_steps, self._trajectory = [], []
        self.start_params = None  # a lesson link's starting parameters: new networks and Reset start from them
        self.sweep = None  # the Many seeds view's sweep, once started

    def start_sweep(self, settings, first_seed, count, steps):
        """A new sweep (see worker/sweep/sweep.py) in place of any earlier one; the network on screen stays."""
        self.sweep = None
        self.sweep = Sweep(settings, first_seed, count, steps, clock=self.clock)
        return self.sweep

    def configure(self, settings):
        """Apply settings (a dict, validated by the model). A change of the learning rate alone goes
        on training from here; any other change starts a new network at step 0."""
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
        self._show_run(Run(config, params=self.start_params, history_limit=HISTORY_LIMIT))

    def _show_run(self, run):
        self.run = run
        self.run_id += 1
        self._trajectory_steps, self._trajectory = [], []
        self._record_trajectory()

    def load(self, run):
        """Show run (restored from a saved file, already validated: worker/share/saved_run.py) instead of this one."""
        run.history_limit = HISTORY_LIMIT
        self.start_params = None
        self._show_run(run)
        self.version += 1

    def start_from(self, params):
        """A new network of these settings at step 0 from params ({"W0": ..., ...}, validated for its n_h:
        worker/share/params_link.py); Reset comes back to them until a setting starts another network."""
        Run(self.run.config, params=params)  # validates before anything changes
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
        """(meta, bytes) of every unit's picture (worker/network/pictures.py)."""
        return self.unit_pictures.pictures(self.run)

    def step(self, n=1):
        """Exactly n steps (fewer only once diverged)."""
        self.run.train(int(n))
        self._record_trajectory()
        self.version += 1

    def train_for(self, max_steps, seconds):
        """Train up to max_steps, stopping at the first look at the clock after `seconds`.
        Returns the number of steps taken."""
        run, started, taken = self.run, self.clock(), 0
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

    def snapshot(self, chart_size=None, log_scale=False):
        """The network as plain values; with chart_size (width, height in CSS pixels), the cost chart's
        geometry for that canvas."""
        run = self.run
        snap = {
            "version": self.version,
            "run_id": self.run_id,
            "step": run.step,
            "cost": plain(run.cost),
            "status": run.status,
            "reason": run.reason,
            "solved": run.solved,
            "config": run.config.to_dict(),
            "A2": plain_list(run.A2),
            "Y": plain_list(run.Y),
            "A0": np.asarray(A0, dtype=float).tolist(),
            "params": {name: plain_list(run.params[name]) for name in PARAM_NAMES},
            "params_text": {name: [repr(x) for x in run.params[name].reshape(-1).tolist()] for name in PARAM_NAMES},
        }
        if chart_size is not None:
            width, height = chart_size
            steps, costs = run_points(run)
            snap["chart"] = chart(steps, costs, float(width), float(height), bool(log_scale))
        return snap

    def notebook(self, numeric=True):
        """The Notebook view's sections for this network, with its version (see worker/notebook/sections.py)."""
        sections = notebook(self.run, numeric=numeric)
        sections["version"] = self.version
        return sections

    def surface(self):
        """(RGBA bytes of the R x R decision surface, its description), R = SURFACE_RESOLUTION."""
        A2 = self.run.predict(self.grid)
        surface_rgba(A2, SURFACE_RESOLUTION, out=self.rgba)
        return self.rgba.tobytes(), describe_surface(A2, self.run.A2, self.run.Y)
