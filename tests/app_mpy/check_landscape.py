"""The cost landscape panel under the page's MicroPython (app/landscape/): its axes, range, legend and
parameters. See mpy_checks.py.
"""

from mpy_checks import Checks, equal

import app.landscape.plot
import app.landscape.view
import app.setting_kinds
from app.link import write_link
from app.settings import DEFAULTS, validate

CHECKS = Checks()
check = CHECKS.check


@check("the landscape's axes, range, legend and parameters")
def _():
    equal(app.setting_kinds.parameter_names(1), ["W0[0,0]", "W0[0,1]", "b0[0,0]", "W1[0,0]", "b1[0,0]"], "parameters")
    equal(len(app.setting_kinds.parameter_names(16)), 16 * 4 + 1, "16 hidden units")
    equal(validate("landscape_axes", " W1[0,0], b0[1,0] "), "W1[0,0],b0[1,0]", "axes")
    equal(validate("landscape_axes", "Random"), "random", "random axes")
    for bad in ("W1[0,0],W1[0,0]", "W1[0,0]", "W2[0,0],W1[0,0]", "W0[16,0],W1[0,0]"):
        try:
            validate("landscape_axes", bad)
        except ValueError as err:
            message = str(err)
        else:
            raise AssertionError("accepted " + bad)
        assert message.startswith("landscape_axes must be random or two different parameters"), message
    equal(validate("landscape_span", "0.5"), 0.5, "span")
    try:
        validate("landscape_span", "101")
    except ValueError as err:
        equal(str(err), "landscape_span must be a number greater than 0 and at most 100 (got '101')", "message")
    equal(app.landscape.view.axes_request("W1[0,0],b0[1,0]"), ["W1[0,0]", "b0[1,0]"], "request")
    equal(app.landscape.view.axes_request("random"), "random", "random request")
    equal(app.landscape.view.axes_setting("random", "W1[0,0]"), "random", "either random")
    equal(app.landscape.view.other_parameter(["a", "b", "c"], "c"), "a", "the other parameter")
    equal(
        app.landscape.plot.legend_gradient([[0.0, "#440154"], [0.25, "#3b528b"], [1.0, "#fde725"]]),
        "linear-gradient(to right, #440154 0%, #3b528b 25%, #fde725 100%)",
        "legend",
    )
    equal(
        app.landscape.plot.contour_text([{"label": "J = 0.01"}, {"label": "J = 0.1"}]),
        "White contour lines at J = 0.01, J = 0.1.",
        "contours",
    )
    equal(write_link(dict(DEFAULTS, landscape_span=0.25)).split("&")[-1], "landscape_span=0.25", "link")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
