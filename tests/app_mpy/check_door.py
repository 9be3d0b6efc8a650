"""The door to the model's worker under the page's MicroPython (app/door.py): the worker's answers read, and the
settings sent as CPython reads them back. See mpy_checks.py.
"""

import json

from mpy_checks import Checks, equal, from_bits

import app.door
from app.door import ModelError, Refused, decode, settings_json

CHECKS = Checks()
check = CHECKS.check


@check("app.door.decode turns the worker's NaN and Infinity texts into floats")
def _():
    data, body = app.door.read(
        [
            '{"data": {"snapshot": {"version": 3, "run_id": 1, "step": 1, "cost": "NaN", "status": "diverged", '
            '"reason": "r", "A2": [1.0, "NaN", 0.5, 1e-300], "Y": [1.0, 1.0, 0.0, 0.0], '
            '"A0": [[0, 1, 0, 1], [1, 0, 0, 1]], '
            '"params": {"W0": ["Infinity", "-Infinity"], "b0": [0.1], "W1": [-2], "b1": ["NaN"]}, '
            '"params_text": {"W0": ["inf", "-inf"], "b0": ["0.1"], "W1": ["-2.0"], "b1": ["nan"]}}}}',
            None,
        ]
    )
    assert body is None
    snap = decode(data["snapshot"])
    cost = snap["cost"]
    assert isinstance(cost, float) and cost != cost, "cost is NaN"
    assert snap["A2"][1] != snap["A2"][1] and snap["A2"][0] == 1.0
    equal(snap["params"]["W0"], [float("inf"), float("-inf")], "W0")
    assert isinstance(snap["params"]["W1"][0], float)
    b1 = snap["params"]["b1"][0]
    assert b1 != b1, "b1 is NaN"
    equal(snap["params_text"]["W0"], ["inf", "-inf"], "texts stay texts")
    for text, kind in [
        ('{"error": {"kind": "fatal", "message": "Traceback ...\\nZeroDivisionError: division by zero"}}', ModelError),
        ('{"error": {"kind": "refused", "message": "n_h must be a whole number from 1 to 16 (got 40)"}}', Refused),
    ]:
        try:
            app.door.read([text, None])
        except kind as err:
            message = str(err)
        else:
            raise AssertionError("read accepted " + text)
        assert message.endswith("division by zero" if kind is ModelError else "(got 40)"), message


@check("app.door.settings_json sends floats as CPython reads them back")
def _():
    sent = json.loads(settings_json({"learning_rate": 0.46, "n_h": 3, "notebook_mode": True, "table": "OR"}))
    equal(sent, {"learning_rate": "0.46", "n_h": 3, "notebook_mode": True, "table": "OR"}, "settings JSON")
    equal(
        json.loads(settings_json({"learning_rate": from_bits(4623697889580987650)}))["learning_rate"],
        "13.337369477691485",
        "settings JSON",
    )


@check("app.door: the view asks for units and a chain rule; the body is cut for the surface and kept for the pictures")
def _():
    equal(
        json.loads(app.door.view_request([640, 400], True, True, True, "W1[0,1]")),
        {
            "chart": [640, 400],
            "log_scale": True,
            "surface": True,
            "units": True,
            "chain": "W1[0,1]",
            "data_version": None,
        },
        "view",
    )
    equal(json.loads(app.door.view_request(data_version=7))["data_version"], 7, "the data's version")
    equal(json.loads(app.door.view_request())["units"], False, "no pictures unless asked")
    body = bytes(range(10)) + bytes(20)
    data = {"snapshot": {"units": {"side": 1, "names": ["A1[0]", "A2"], "offset": 10}}, "surface": {"label": "L"}}
    surface = app.door.shown_body(data, body)
    equal(surface, (bytes(range(10)), "L"), "the surface's own bytes")
    equal(data["snapshot"]["units"]["rgba"], body, "the whole body for the pictures")
    data = {"snapshot": {"units": {"side": 1, "names": ["A2"], "offset": 0}}}
    equal(app.door.shown_body(data, b"abcd"), None, "no surface asked")
    equal(data["snapshot"]["units"]["rgba"], b"abcd", "pictures alone")
    equal(app.door.shown_body({"snapshot": {}, "surface": {"label": "M"}}, b"xy"), (b"xy", "M"), "surface alone")
    equal(app.door.head_bytes(bytearray(b"abcdef"), 3), b"abc", "bytearray")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
