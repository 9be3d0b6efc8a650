"""The network panel's texts under the page's MicroPython (app/network/): each weight's value, label, tooltip and
stroke, in the notebook's names; the units' pictures' texts and places; the chain rule's table; the values a key or
a drag asks for. See mpy_checks.py.
"""

from mpy_checks import Checks, equal

import app.network.panel
from app.network.chain_panel import headers, rows, step_text, totals
from app.network.diagram import layout
from app.network.editing import drag_value, nudged
from app.network.layout import picture_size
from app.network.pictures import image_start, picture_label, popup_place, range_text
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
    equal([picture_size(n_h) for n_h in (1, 4, 5, 8, 16)], [80.0, 80.0, 64.0, 40.0, 26.0], "picture sizes")
    for n_h in range(1, 17):
        geo = layout(n_h)
        equal(len(geo["hidden"]), n_h, "hidden units")
        points = geo["input"] + geo["hidden"] + geo["output"]
        for line in geo["W1"] + [end for row in geo["W0"] for end in row]:
            points = points + [(line[0], line[1]), (line[2], line[3])]
        inside = [0 <= x <= geo["width"] and 0 <= y <= geo["height"] for x, y in points]
        equal(all(inside), True, "inside the view")


@check("the units' pictures: where each image starts, its range's text, the enlarged picture's place")
def _():
    minus = "\u2212"
    equal(image_start(16384, 32, 2), 16384 + 2 * 4096, "image_start")
    equal(range_text("A1[0]", "-0.96", "0.97"), "A1[0]: from " + minus + "0.96 to 0.97", "range_text")
    equal(picture_label("A2", "0.511", "0.529")[-19:], "from 0.511 to 0.529", "picture_label")
    equal(popup_place((100, 200, 150, 250), (176, 200), 1024), (158, 125.0), "popup_place right")
    equal(popup_place((300, 200, 350, 250), (176, 200), 360), (116, 125.0), "popup_place left")


@check("the chain rule's table and the values of a nudge and a drag")
def _():
    minus = "\u2212"
    chain = {
        "name": "b1",
        "value": "0.1",
        "gradient": "0.0030000000000000001",
        "factors": ["dZ2[0,j]"],
        "terms": [{"example": 0, "factors": ["-0.5"], "product": "-0.5"}],
        "sum": "0.003",
        "step": 4,
    }
    equal(headers(chain), ["example j", "dZ2[0,j]", "product"], "headers")
    equal(rows(chain), [["0", minus + "0.5", minus + "0.5"]], "rows")
    equal(totals(chain)[1], ("= db1", "0.0030000000000000001"), "totals")
    equal(step_text(4)[:40], "The gradient at step 4, which step 5 use", "step_text")
    equal(nudged("0.2", "ArrowUp", False), "0.3", "nudge: ten digits")
    equal(nudged("-0.04167578474054706", "ArrowDown", True), "-1.041675785", "nudge by 1")
    equal(nudged("0.1", "ArrowDown", False), "0", "nudge to zero")
    equal(drag_value("0.1", -50), "1.10", "drag up")
    equal(drag_value("0.004", 0), "0.00", "drag: no minus on zero")
    equal(app.network.panel.OPEN_KEYS, ("Enter", " "), "the keys that open the chain rule")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
