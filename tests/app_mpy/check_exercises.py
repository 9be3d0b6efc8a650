"""The Exercises view under the page's MicroPython (app/exercises/, with py/exercises/): the solution's line behind
the hints, and the exercise setting's choices. See mpy_checks.py.
"""

from mpy_checks import Checks, equal

import app.exercises.ann
import app.exercises.results
import app.exercises.runner
import app.exercises.screen
import app.exercises.view
import app.settings
import exercises
from app.link import write_link
from app.settings import DEFAULTS

CHECKS = Checks()
check = CHECKS.check


@check("the exercises: the solution's line behind the hints, the state's choices")
def _():
    equal(exercises.reference_line(exercises.get("backward"), "dZ1"), "dZ1 = dA1 * (1 - A1**2)", "dZ1's line")
    equal(exercises.reference_line(exercises.get("forward"), "A2"), "A2 = sigmoid(Z2)", "A2's line")
    equal(app.settings.CHOICES["exercise"], exercises.NAMES, "exercise choices")
    equal(
        write_link(dict(DEFAULTS, view="exercise", exercise="backward")).split("&")[-2:],
        ["view=exercise", "exercise=backward"],
        "an exercise's link",
    )


@check("the new exercises: a method's block as the solution's answer, a function's block")
def _():
    ann = exercises.get("ann")
    fit = exercises.reference_line(ann, "log")
    equal(fit.split("\n")[0], "def fit(self, A0, Y, learning_rate, steps):", "fit's first line")
    equal(fit.split("\n")[1], "    for i in range(steps):", "fit's body, dedented once")
    equal(exercises.reference_line(exercises.get("activations"), "tanh"), "def tanh(Z):\n    return np.tanh(Z)", "tanh")
    equal(exercises.reference_line(exercises.get("numeric"), "h"), "h = 1e-5", "h's line")
    equal(app.exercises.ann.TrainedNetwork(None, None).show({"trained": None}), None, "no trained network: nothing")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()


@check("the data on screen as the checker takes it: a generated set's parameters, the link's points, no table")
def _():
    class Context:
        settings = {"points": "0.5,0.25,1"}
        snap = {"config": {"data": "spiral", "data_seed": 3, "noise": 0.1, "n_h": 2}}

    equal(app.exercises.screen.data_json(Context), {"kind": "spiral", "data_seed": 3, "noise": 0.1}, "a set")
    Context.snap = {"config": {"data": "points"}}
    equal(app.exercises.screen.data_json(Context), {"kind": "points", "points": "0.5,0.25,1"}, "the points")
    Context.snap = {"config": {"data": "table"}}
    equal(app.exercises.screen.data_json(Context), None, "a truth table")
