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

from .session import Session

SESSION = Session()


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
        return [json.dumps({"fatal": traceback.format_exc()}), None]


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


EXPORTS = ["start", "configure", "reset", "step", "train_for", "snapshot"]
