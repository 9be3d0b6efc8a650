"""The worker's message API, which the page calls through PyScript (py/app/door.py is its one caller).

Arguments are numbers and JSON strings (the page's MicroPython objects cannot cross to the worker);
every answer is a list [snapshot as a JSON string, decision-surface RGBA bytes or None]. `view` is a
JSON object saying what to draw: {"chart": [width, height] or null, "log_scale": bool, "surface": bool}.

An answer never raises into the page: settings the model refuses give {"error": message} (the page
shows it beside the field), anything else {"fatal": traceback} (the page shows its error panel).
"""

import json
import sys
import traceback

import numpy as np

from worker.lab.session import Session
from worker.landscape.plot import landscape as landscape_view
from worker.notebook.html import page
from worker.share.file_names import file_name
from worker.share.ipynb import notebook as notebook_file
from worker.share.params_link import params_from_text, params_text
from worker.share.saved_run import run_from_json, run_to_json
from worker.share.script import script

SESSION = Session()


def _fatal():
    return [json.dumps({"fatal": traceback.format_exc()}), None]


def _answer(change, view_json, refusable=False):
    try:
        try:
            extra = change()
        except ValueError as err:
            if not refusable:
                raise
            return [json.dumps({"error": str(err)}), None]
        view = json.loads(view_json or "{}")
        snap = SESSION.snapshot(view.get("chart"), view.get("log_scale", False))
        if extra:
            snap.update(extra)
        surface = None
        if view.get("surface"):
            surface, snap["surface_label"] = SESSION.surface()
        return [json.dumps(snap), surface]
    except Exception:
        return _fatal()


def start():
    """The versions the page names in its footer."""
    return json.dumps({"python": sys.version.split()[0], "numpy": np.__version__})


def configure(settings_json, view_json=None):
    """Apply every setting of the network (a JSON object); see Session.configure."""
    return _answer(lambda: SESSION.configure(json.loads(settings_json)), view_json, refusable=True)


def reset(view_json=None):
    return _answer(SESSION.reset, view_json)


def step(n=1, view_json=None):
    return _answer(lambda: SESSION.step(n), view_json)


def train_for(max_steps, ms, view_json=None):
    """Train up to max_steps for about ms milliseconds; the snapshot also says how many were "taken"."""
    return _answer(lambda: {"taken": SESSION.train_for(int(max_steps), float(ms) / 1000)}, view_json)


def snapshot(view_json=None):
    return _answer(lambda: None, view_json)


def notebook(numeric=True):
    """The Notebook view for the network on screen, with the numeric gradient checks when numeric:
    [JSON {"version", "run", "keys", "titles"}, None, [each section's HTML, in keys' order]] (worker/notebook/sections.py's
    sections as notebook_html.page writes them; the snapshot version and run summary they describe). The HTML
    travels as plain strings, outside the JSON: MicroPython would take tens of milliseconds to unescape it."""
    try:
        sections = SESSION.notebook(bool(numeric))
        view = page(sections)
        sections_html = view.pop("html")
        html = [sections_html[key] for key in view["keys"]]
        view.update(version=sections["version"], run=sections["run"])
        return [json.dumps(view, allow_nan=False), None, html]
    except Exception:
        return _fatal()


def _plain_json(work):
    """work()'s answer as JSON; {"error"} for input the model refuses, {"fatal"} for anything else."""
    try:
        try:
            answer = work()
        except ValueError as err:
            return json.dumps({"error": str(err)})
        return json.dumps(answer, allow_nan=False)
    except Exception:
        return json.dumps({"fatal": traceback.format_exc()})


def _sweep():
    if SESSION.sweep is None:
        raise ValueError("no sweep has been started")
    return SESSION.sweep


def _load(text):
    """JSON the page wrote: a slip there is the page's fault (fatal), not a refused input."""
    try:
        return json.loads(text)
    except ValueError as err:
        raise RuntimeError(f"the page sent broken JSON: {err}") from None


def _sizes(sizes_json):
    return _load(sizes_json) if sizes_json else None


def _summary(work):
    """[the sweep's summary as JSON, the curves' path strings or None]: the paths (most of the bytes) travel
    outside the JSON, as the notebook's HTML does, since MicroPython takes tens of milliseconds to parse them.
    In the JSON, curves["paths"] then names the categories in the order of the strings, the median's last."""
    try:
        try:
            summary = work()
        except ValueError as err:
            return [json.dumps({"error": str(err)}), None]
        paths, curves = None, summary.get("curves")
        if curves is not None:
            names = list(curves["paths"])
            paths = [curves["paths"][name] for name in names] + [curves.pop("median")]
            curves["paths"] = names
        return [json.dumps(summary, allow_nan=False), paths]
    except Exception:
        return _fatal()


def sweep_start(settings_json, first, count, steps):
    """Start the Many seeds sweep: count networks, seeds first..first+count-1, `steps` steps each, with the
    settings (a JSON object of backprop.Config's fields; its seed is ignored). Answers its summary, no plots."""

    def work():
        return SESSION.start_sweep(_load(settings_json), int(first), int(count), int(steps)).summary()

    return _summary(work)


def sweep_advance(ms, sizes_json=None):
    """Train the sweep for about ms milliseconds; its summary with the plots sized as sizes_json asks
    ({"histogram": [w, h], "curves": [w, h], "solve_steps": [w, h]}, or null for none)."""

    def work():
        sweep = _sweep()
        sweep.advance(float(ms) / 1000)
        return sweep.summary(_sizes(sizes_json))

    return _summary(work)


def sweep_stop(sizes_json=None):
    """Stop the sweep, keeping what was done; its summary."""

    def work():
        sweep = _sweep()
        sweep.stop()
        return sweep.summary(_sizes(sizes_json))

    return _summary(work)


def sweep_pick(plot, x, y):
    """The network(s) under pixel (x, y) of a plot as last drawn: {"seed", "seeds", "label", ...} or null."""
    return _plain_json(lambda: _sweep().pick(str(plot), float(x), float(y)))


def landscape(axes_json, span, size_json):
    """The cost landscape around the network on screen (worker/landscape/plot.py): [JSON without the image, the
    image's RGBA bytes]. axes_json: "random" or ["W1[0,0]", "W1[0,1]"]; size_json: [width, height]."""
    try:
        try:
            axes, size = _load(axes_json), tuple(float(v) for v in _load(size_json))
            _, trajectory = SESSION.trajectory()
            view = landscape_view(SESSION.run, trajectory, axes, span, 64, size)
        except ValueError as err:
            return [json.dumps({"error": str(err)}), None]
        image = view.pop("image")
        view["version"] = SESSION.version
        return [json.dumps(view, allow_nan=False), image]
    except Exception:
        return _fatal()


# --- saving, importing and lesson links ---------------------------------------------------------------

FILE_MAKERS = {"json": run_to_json, "py": script, "ipynb": notebook_file}


def export_file(kind):
    """The network on screen as a file: [JSON {"name"}, None, the file's text] for kind "json", "py" or "ipynb";
    for "png" only the name (the page draws the picture); for "params" the text of a lesson link's params=, or
    {"error"} for a run whose parameters cannot go in a link. The text travels outside the JSON, as a plain
    string: MicroPython would take long to unescape a big file."""
    try:
        run = SESSION.run
        if kind == "params":
            try:
                return [json.dumps({"name": ""}), None, params_text(run)]
            except ValueError as err:
                return [json.dumps({"error": str(err)}), None, ""]
        if kind != "png" and kind not in FILE_MAKERS:
            return [json.dumps({"error": f"there is no export of kind {kind!r}"}), None, ""]
        text = FILE_MAKERS[kind](run) if kind in FILE_MAKERS else ""
        return [json.dumps({"name": file_name(run.config, run.step, kind)}), None, text]
    except Exception:
        return _fatal() + [""]


def _saved_run(text):
    """run_from_json's Run, or ValueError: whatever a file holds is the file's fault, never the page's."""
    try:
        return run_from_json(text)
    except ValueError:
        raise
    except Exception as err:  # run_from_json means to say ValueError for every bad file; this is the net below it
        raise ValueError(f"The file is not a saved run ({type(err).__name__})") from None


def import_run(text, view_json=None):
    """Replace the run with the saved one in text (worker/share/saved_run.py's JSON): a snapshot with "learning_rate_text"
    (the page shows the exact rate), or {"error": what is wrong with the file}, with the run on screen unchanged."""

    def load():
        SESSION.load(_saved_run(text))
        return {"learning_rate_text": repr(SESSION.run.config.learning_rate)}

    return _answer(load, view_json, refusable=True)


def start_from(text, view_json=None):
    """A new network of the current settings at step 0 from a lesson link's params= text (worker/share/params_link.py),
    or {"error": what is wrong with it}, with the run on screen unchanged."""
    return _answer(
        lambda: SESSION.start_from(params_from_text(text, SESSION.run.config.n_h)), view_json, refusable=True
    )


EXPORTS = [
    "start",
    "configure",
    "reset",
    "step",
    "train_for",
    "snapshot",
    "notebook",
    "sweep_start",
    "sweep_advance",
    "sweep_stop",
    "sweep_pick",
    "landscape",
    "export_file",
    "import_run",
    "start_from",
]
