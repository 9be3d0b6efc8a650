"""The model worker's message API, which the page calls through PyScript (py/app/door.py is its one caller).

Arguments are numbers and JSON strings (the page's MicroPython objects cannot cross to the worker). Every answer is
shared/protocol.py's envelope [head, body], made by protocol.answer: never an exception into the page. A call that
shows the network answers data {"snapshot": {...}} (plus "taken" for train_for, "learning_rate_text" for
import_run, "edit" for edit_points, and "surface": {"label"} when the surface's RGBA bytes are the body). `view` is a
JSON object saying what to draw: {"chart": [width, height] or null, "log_scale": bool, "surface": bool,
"data_version": the points' version the page last got, or null}; the snapshot has "data" (the points) only when
data_version is not the session's.
"""

import json

import numpy as np

from shared import protocol
from shared.i18n import _
from worker.lab.session import Session
from worker.landscape.plot import landscape as landscape_view
from worker.notebook.html import page
from worker.share.csv_points import parse_points, points_csv
from worker.share.file_names import file_name, points_file_name
from worker.share.ipynb import notebook as notebook_file
from worker.share.params_link import params_from_text, params_text
from worker.share.points_link import points_from_text
from worker.share.saved_run import run_from_json, run_to_json
from worker.share.script import script

SESSION = Session()


def _load(text):
    """JSON the page wrote: a slip there is the page's fault (fatal), not a refused input."""
    return protocol.never_refused(json.loads, text)


def _show(view_json, extras=None):
    """The network on screen as `view` asks: (data, the surface's bytes or None)."""
    view = _load(view_json or "{}")
    chart = view.get("chart")
    size = None if chart is None else protocol.size(chart)
    snap = SESSION.snapshot(size, view.get("log_scale", False), view.get("data_version"))
    data = dict(extras or {}, snapshot=snap)
    if view.get("chain") is not None:
        snap["chain"] = SESSION.chain(str(view["chain"]))
    body = None
    if view.get("surface"):
        body, label = SESSION.surface()
        data["surface"] = {"label": label}
    if view.get("units"):
        meta, pictures = SESSION.units()
        meta["offset"] = 0 if body is None else len(body)
        snap["units"] = meta
        body = pictures if body is None else body + pictures
    return data, body


def _shown(change, view_json, refusable=False):
    """change() (refused when it raises ValueError and refusable), then the network as `view` asks; change's
    dict of extras goes into data beside the snapshot. A ValueError after the change is a bug."""

    def work():
        extras = change() if refusable else protocol.never_refused(change)
        return protocol.never_refused(_show, view_json, extras)

    return protocol.answer(work)


def start(catalog_text=""):
    """The versions the page names in its footer, once the page's catalog (its JSON text, "" for English) is in use."""
    return protocol.started(catalog_text, np.__version__)


def configure(settings_json, view_json=None):
    """Apply every setting of the network (a JSON object); see Session.configure."""
    return _shown(lambda: SESSION.configure(_load(settings_json)), view_json, refusable=True)


def reset(view_json=None):
    return _shown(SESSION.reset, view_json)


def step(n=1, view_json=None):
    return _shown(lambda: SESSION.step(n), view_json)


def train_for(max_steps, ms, view_json=None):
    """Train up to max_steps for about ms milliseconds; data also says how many steps were "taken"."""
    return _shown(lambda: {"taken": SESSION.train_for(int(max_steps), float(ms) / 1000)}, view_json)


def snapshot(view_json=None):
    return _shown(lambda: None, view_json)


def edit_points(edit_json, view_json=None):
    """Edit the points on screen (Session.edit_points): {"op": "click", "at": [fx, fy], "y": 0 or 1, "radius": r},
    {"op": "undo"}, {"op": "clear"} or {"op": "set", "points": [[x1, x2, y(, test)], ...]}; shown with data
    {"edit": {"said", "can_undo", "count"}} beside the snapshot, or refused (over 1,000 points, a bad set, nothing
    to undo), the points unchanged."""
    return _shown(lambda: {"edit": SESSION.edit_points(_load(edit_json))}, view_json, refusable=True)


def notebook(numeric=True):
    """The Notebook view for the network on screen, with the numeric gradient checks when numeric: data
    {"version", "run", "keys", "titles"}, body [each section's HTML, in keys' order] (worker/notebook/sections.py's
    sections as notebook/html.page writes them). The HTML travels outside the JSON: MicroPython would take tens of
    milliseconds to unescape it."""

    def work():
        sections = SESSION.notebook(bool(numeric))
        view = page(sections)
        sections_html = view.pop("html")
        view.update(version=sections["version"], run=sections["run"])
        return view, [sections_html[key] for key in view["keys"]]

    return protocol.answer(lambda: protocol.never_refused(work))


def _sweep():
    if SESSION.sweep is None:
        raise ValueError("no sweep has been started")
    return SESSION.sweep


def _sizes(sizes_json):
    """{plot: (width, height)} from the page's {plot: [width, height]}, or None."""
    sizes = _load(sizes_json) if sizes_json else None
    if not sizes:
        return None
    return {plot: protocol.never_refused(protocol.size, value) for plot, value in sizes.items()}


def _summary(work):
    """data: the sweep's summary; body: the curves' path strings or None. The paths (most of the bytes) travel
    outside the JSON, as the notebook's HTML does, since MicroPython takes tens of milliseconds to parse them.
    In the JSON, curves["paths"] then names the categories in the order of the strings, the median's last."""

    def answer():
        summary = work()
        paths, curves = None, summary.get("curves")
        if curves is not None:
            names = list(curves["paths"])
            paths = [curves["paths"][name] for name in names] + [curves.pop("median")]
            curves["paths"] = names
        return summary, paths

    return protocol.answer(answer)


def sweep_start(settings_json, first, count, steps):
    """Start the Many seeds sweep: count networks, seeds first..first+count-1, `steps` steps each, with the
    settings (a JSON object of backprop.Config's fields; its seed is ignored). Answers its summary, no plots."""
    return _summary(lambda: SESSION.start_sweep(_load(settings_json), int(first), int(count), int(steps)).summary())


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
    return protocol.answer(lambda: _sweep().pick(str(plot), float(x), float(y)))


def landscape(axes_json, span, size_json):
    """The cost landscape around the network on screen (worker/landscape/plot.py): data without the image, body the
    image's RGBA bytes. axes_json: "random" or ["W1[0,0]", "W1[0,1]"]; size_json: [width, height]."""

    def work():
        axes, size = _load(axes_json), protocol.never_refused(protocol.size, _load(size_json))
        trajectory = SESSION.trajectory()[1]
        view = landscape_view(SESSION.run, trajectory, axes, span, 64, size)
        image = view.pop("image")
        view["version"] = SESSION.version
        return view, image

    return protocol.answer(work)


# --- saving, importing and lesson links ---------------------------------------------------------------

FILE_MAKERS = {"json": run_to_json, "py": script, "ipynb": notebook_file}


def export_file(kind):
    """The network on screen as a file: data {"name"}, body the file's text, for kind "json", "py" or "ipynb"; for
    "png" only the name (the page draws the picture); for "params" the text of a lesson link's params= (name ""),
    refused for a run whose parameters cannot go in a link. The text travels outside the JSON: MicroPython would
    take long to unescape a big file."""

    def work():
        run = SESSION.run
        if kind == "params":
            return {"name": ""}, params_text(run)
        if kind != "png" and kind not in FILE_MAKERS:
            raise ValueError(f"there is no export of kind {kind!r}")
        text = protocol.never_refused(FILE_MAKERS[kind], run) if kind in FILE_MAKERS else None
        return {"name": file_name(run.config, run.step, kind)}, text

    return protocol.answer(work)


def _saved_run(text):
    """run_from_json's Run, or ValueError: whatever a file holds is the file's fault, never the page's."""
    try:
        return run_from_json(text)
    except ValueError:
        raise
    except Exception as err:  # run_from_json means to say ValueError for every bad file; this is the net below it
        raise ValueError(_("The file is not a saved run ({error})").format(error=type(err).__name__)) from None


def import_run(text, view_json=None):
    """Replace the run with the saved one in text (worker/share/saved_run.py's JSON): the snapshot and beside it
    "learning_rate_text" (the page shows the exact rate), or refused with what is wrong with the file, the run on
    screen unchanged."""

    def load():
        SESSION.load(_saved_run(text))
        return {"learning_rate_text": repr(SESSION.run.config.learning_rate)}

    return _shown(load, view_json, refusable=True)


def start_from(text, view_json=None):
    """A new network of the current settings at step 0 from a lesson link's params= text (worker/share/params_link.py),
    or refused with what is wrong with it, the run on screen unchanged."""
    return _shown(lambda: SESSION.start_from(params_from_text(text, SESSION.run.config.n_h)), view_json, refusable=True)


def _set_points(read, text):
    """edit_points's "set" with the points read(text) gives: data {"edit"}; refused naming what is wrong (for a CSV,
    the line), the points on screen unchanged."""
    return {"edit": SESSION.edit_points({"op": "set", "points": read(text)})}


def import_points_csv(text, view_json=None):
    """The points of a CSV file (worker/share/csv_points.py: x1,x2,y and optionally split) become the points on
    screen, the network going on from its parameters and step on them (as edit_points "set"); or refused with the
    file's line and what is wrong with it, the points on screen unchanged."""
    return _shown(lambda: _set_points(parse_points, text), view_json, refusable=True)


def points_from_link(text, view_json=None):
    """The points of a link's points= text (worker/share/points_link.py) become the points on screen, as
    import_points_csv; or refused with what is wrong with the text, the points on screen unchanged."""
    return _shown(lambda: _set_points(points_from_text, text), view_json, refusable=True)


def export_points_csv():
    """The points on screen as a CSV file: data {"name"}, body the text (x1,x2,y,split, exact numbers); refused when
    there are none."""

    def work():
        points = SESSION.points
        if not points:
            raise ValueError(_("there are no points on screen: add a point (click on the plot) first"))
        name = points_file_name(SESSION.run.config, len(points))
        return {"name": name}, protocol.never_refused(points_csv, points)

    return protocol.answer(work)


# --- the network: a step in slow motion, a weight set by hand -------------------------------------------


def stages():
    """The next step of the network on screen in slow motion, every number a CPython text: data {"stages": {...}}
    (worker/network/stages.py). Nothing changes: the page then calls step() for the step itself."""
    return protocol.answer(lambda: {"stages": protocol.never_refused(SESSION.stages)})


def set_param(name, value_text, view_json=None):
    """Set one weight or bias ("W0[1,0]", "b0[1]", "W1[0,1]", "b1") to the number in value_text: shown, or refused
    (the run unchanged) naming the parameter when the name is not one of this network's or the value is not a
    finite number of at most 1e6 in size."""
    return _shown(lambda: SESSION.set_param(name, value_text), view_json, refusable=True)


EXPORTS = [
    "start",
    "configure",
    "reset",
    "step",
    "train_for",
    "snapshot",
    "edit_points",
    "notebook",
    "sweep_start",
    "sweep_advance",
    "sweep_stop",
    "sweep_pick",
    "landscape",
    "export_file",
    "import_run",
    "start_from",
    "import_points_csv",
    "points_from_link",
    "export_points_csv",
    "stages",
    "set_param",
]
