"""The exercise worker's message API, which the page calls through PyScript (py/exercise_worker.py; the page's
door is app/exercises/runner.py).

Arguments are strings and numbers; every answer is shared/protocol.py's envelope [head, None], and no call ever
raises. A request the checker cannot take (bad JSON, an unknown exercise, a network or settings it refuses) is
refused with words; anything unexpected is fatal with its traceback. What the student's code does (raise, loop,
print) is ordinary data: {"output", "error", "stopped", ...} (see checker/check.py and checker/train_mine.py).
"""

import numpy as np

from shared import protocol

from . import check as checking
from . import questions as asking
from .train_mine import train_json


def start(catalog_text=""):
    """The versions the page names, once the page's catalog (its JSON text, "" for English) is in use."""
    return protocol.started(catalog_text, np.__version__)


def run(exercise, code, network_json):
    """The student's code once on the network on screen: {"output", "error", "stopped", "values"}."""
    return protocol.answer(lambda: checking.run(str(exercise), str(code), network_json))


def check(exercise, code, network_json):
    """Every value checked on several networks: {"rows", "right", "total", "summary", ...}."""
    return protocol.answer(lambda: checking.check(str(exercise), str(code), network_json))


def train(code, settings_json, steps=1000, view_json=None):
    """Training with the student's backward beside the model's: {"mine", "reference", "learned", ...}; view_json
    {"chart": [width, height], "log_scale": bool} asks for the chart of both cost curves."""
    return protocol.answer(lambda: train_json(str(code), settings_json, steps, view_json))


def questions(exercise, network_json, settings_json):
    """Predict-then-see questions before the exercise, from the network on screen: {"exercise", "network",
    "questions": [{"id", "prompt", "choices", "answer", "explanation"}]} (none for an exercise without)."""
    return protocol.answer(lambda: asking.questions(str(exercise), network_json, settings_json))


EXPORTS = ["start", "run", "check", "train", "questions"]
