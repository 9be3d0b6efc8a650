"""The exercise worker's API, which the page calls through PyScript (py/exercise_worker.py).

Arguments are strings and numbers; every answer is a JSON string, and no call ever raises: a request the
checker cannot read (bad JSON, an unknown exercise, a network or settings it refuses) answers
{"error": {"kind": "request", "message": words, "line": null, "text": null}, "output": "", "stopped": null},
anything unexpected {"fatal": traceback text}. What the student's code does (raise, loop, print) is part
of a normal answer (see checker/check.py and checker/train_mine.py).
"""

import json
import sys
import traceback

import numpy as np

from . import check as checking
from .train_mine import train_json


def _answer(work):
    try:
        try:
            result = work()
        except ValueError as error:  # the request, not the student's code (that never raises out of here)
            result = {
                "error": {"kind": "request", "message": str(error), "line": None, "text": None},
                "output": "",
                "stopped": None,
            }
        return json.dumps(result, allow_nan=False)
    except BaseException:
        return json.dumps({"fatal": traceback.format_exc()})


def start():
    """The versions the page names."""
    return _answer(lambda: {"python": sys.version.split()[0], "numpy": np.__version__})


def run(exercise, code, network_json):
    """The student's code once on the network on screen: {"output", "error", "stopped", "values"}."""
    return _answer(lambda: checking.run(str(exercise), str(code), network_json))


def check(exercise, code, network_json):
    """Every value checked on several networks: {"rows", "right", "total", "summary", ...}."""
    return _answer(lambda: checking.check(str(exercise), str(code), network_json))


def train(code, settings_json, steps=1000, chart_json=None):
    """Training with the student's backward beside the model's: {"mine", "reference", "learned", ...}."""
    return _answer(lambda: train_json(str(code), settings_json, steps, chart_json))


EXPORTS = ["start", "run", "check", "train"]
