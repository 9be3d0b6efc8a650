"""The worker's message API, which the page calls through PyScript (py/app/model.py is its one caller).

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

from .notebook_html import page
from .session import Session

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
    [JSON {"version", "run", "keys", "titles"}, None, [each section's HTML, in keys' order]] (worker/notebook.py's
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


EXPORTS = ["start", "configure", "reset", "step", "train_for", "snapshot", "notebook"]
