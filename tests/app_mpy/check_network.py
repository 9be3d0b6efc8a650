"""The network diagram's texts under the page's MicroPython (app/network/): each weight's value, label, tooltip and
stroke, in the notebook's names. See mpy_checks.py.
"""

from mpy_checks import Checks, equal

from app.network.diagram import layout
from app.network.weights import format_value, param_keys, param_values, stroke_width, tooltip_text

CHECKS = Checks()
check = CHECKS.check


@check("diagram texts")
def _():
    minus = "\u2212"
    equal(format_value(-0.21361960956684542), minus + "0.21361961", "format_value")
    equal(format_value(0.16402708084049886), "0.16402708", "format_value")
    equal(format_value(1e-05), "1e" + minus + "05", "format_value")
    equal(format_value(123456789.0), "1.2345679e+08", "format_value")
    equal(format_value(float("nan")), "NaN", "format_value")
    equal(
        tooltip_text(("W0", 1, 0), -0.21361960956684542, "-0.21361960956684542"),
        "W0[1,0] = " + minus + "0.21361960956684542 (negative, dashed): input x1 to hidden unit A1[1]",
        "tooltip",
    )
    equal("%.1f" % stroke_width(2.0), "4.7", "stroke width")
    equal(param_keys(1), [("W0", 0, 0), ("W0", 0, 1), ("W1", 0, 0), ("b0", 0, 0), ("b1", 0, 0)], "param_keys")
    equal(
        param_values({"W0": [1.0, 2.0], "b0": [3.0], "W1": [4.0], "b1": [5.0]}, 1),
        [1.0, 2.0, 4.0, 3.0, 5.0],
        "param_values",
    )


@check("the diagram's layout: every unit and line end inside the view, for n_h 1 to 16")
def _():
    for n_h in range(1, 17):
        geo = layout(n_h)
        equal(len(geo["hidden"]), n_h, "hidden units")
        points = geo["input"] + geo["hidden"] + geo["output"]
        for line in geo["W1"] + [end for row in geo["W0"] for end in row]:
            points = points + [(line[0], line[1]), (line[2], line[3])]
        inside = [0 <= x <= geo["width"] and 0 <= y <= geo["height"] for x, y in points]
        equal(all(inside), True, "inside the view")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
