"""The lab view's texts under the page's MicroPython (app/lab/): readouts, the predictions, the decision surface,
and the names that link the plots to the notebook's terms (the network diagram's: check_network.py). See
mpy_checks.py.
"""

from mpy_checks import Checks, equal

import app.lab.controls
import app.lab.cost_chart
import app.lab.view
from app.lab.linked import example_of, parameter_of
from app.lab.predictions import bar_width, format_a2, rows
from app.lab.readouts import format_cost, summary, thousands
from app.lab.surface import circles_path, cursor_path, to_canvas
from app.network.weights import param_keys, param_name

CHECKS = Checks()
check = CHECKS.check


@check("readouts: thousands separators and CPython's number formats")
def _():
    for n, text in [
        (1234567, "1,234,567"),
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (-1234567, "-1,234,567"),
        (10**18 + 7, "1,000,000,000,000,000,007"),
        (12345.6, "12,346"),
        (2.5, "2"),
    ]:
        equal(thousands(n), text, "thousands")
    for cost, text, spoken in [
        (0.12519375208599626, "0.1251937521", "Paused. Step 5, cost 0.1252."),
        (0.00018512952151354307, "0.0001851295215", "Paused. Step 5, cost 0.0001851."),
        (0.044109941906362596, "0.04410994191", "Paused. Step 5, cost 0.04411."),
        (0.0015874322882328462, "0.001587432288", "Paused. Step 5, cost 0.001587."),
    ]:
        equal(format_cost(cost), text, "format_cost")
        equal(summary({"step": 5, "cost": cost}, "paused"), spoken, "summary")


@check("predictions texts")
def _():
    equal(
        rows([0.51534589, 0.98, 0.016, float("nan")], [1.0, 1.0, 0.0, 0.0]),
        [
            ("0.5153", "51.5%", "\u2713 right", True),
            ("0.9800", "98.0%", "\u2713 right", True),
            ("0.0160", "1.6%", "\u2713 right", True),
            ("NaN", "0%", "\u2717 wrong", False),
        ],
        "rows",
    )
    # (MicroPython's "%.4f" can round a float within ~1e-16 of a decimal tie the other way, e.g. 0.99995:
    # "0.9999" where CPython says "1.0000"; a trained A2 is practically never that close to a tie.)
    equal(format_a2(0.98765432), "0.9877", "format_a2")
    equal(bar_width(0.12345), "12.3%", "bar_width")
    equal(to_canvas(0, 0, (40.0, 10.0, 348.0)), (127.0, 271.0), "to_canvas")
    equal(circles_path([(10, 20)], 5), "M15.0 20.0A5.0 5.0 0 1 0 5.0 20.0A5.0 5.0 0 1 0 15.0 20.0Z", "circles_path")


@check("links: the parameter or the example a notebook term names")
def _():
    for term, parameter, example in [
        ("W0[1,0]", "W0[1,0]", None),
        ("b0[1]", "b0[1]", None),
        ("b1", "b1", None),
        ("W1[0,1]", "W1[0,1]", None),
        ("A0[0,2]", None, 2),
        ("Z1[1,3]", None, 3),
        ("A1[15,0]", None, 0),
        ("Z2[0,3]", None, 3),
        ("A2[0,1]", None, 1),
    ]:
        equal(parameter_of(term), parameter, "parameter_of " + term)
        equal(example_of(term), example, "example_of " + term)
    # the diagram's names are the notebook's: each weight and bias links to itself
    equal(
        [parameter_of(param_name(key)) for key in param_keys(2)],
        ["W0[0,0]", "W0[0,1]", "W0[1,0]", "W0[1,1]", "W1[0,0]", "W1[0,1]", "b0[0]", "b0[1]", "b1"],
        "param_name",
    )


@check("the settings form's fields and check boxes, and the settings that make a new network")
def _():
    equal(
        app.lab.controls.FIELDS,
        (
            "learning_rate",
            "n_h",
            "activation",
            "cost",
            "seed",
            "data",
            "table",
            "notebook_mode",
            "batch",
            "speed",
            "log_scale",
            "data_seed",
            "data_size",
            "noise",
            "train_percent",
        ),
        "the form's fields, in the page's order",
    )
    equal(app.lab.controls.CHECKBOXES, ("notebook_mode", "log_scale"), "check boxes")
    equal(
        sorted(app.lab.view.NEW_NETWORK),
        [
            "activation",
            "batch",
            "cost",
            "data",
            "data_seed",
            "data_size",
            "n_h",
            "noise",
            "notebook_mode",
            "seed",
            "table",
            "train_percent",
        ],
        "new",
    )


@check("the surface's keyboard cursor drawn: a square around the place, a tick out of each side")
def _():
    equal(
        cursor_path(100, 50, 10.44),
        "M84.6 34.6h30.9v30.9h-30.9ZM84.6 50.0h-6M115.4 50.0h6M100.0 34.6v-6M100.0 65.4v6",
        "the cursor's path",
    )


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
