"""The message envelope (py/shared/protocol.py) under the page's own MicroPython: it reads answers as they reach
the page (JavaScript arrays, a body that did not come as JavaScript's undefined), writes them as the workers do,
and carries numbers that are not finite and sizes one way. Plain asserts; tests/test_protocol.py is the CPython
side."""

import json

import js

from shared import protocol
from shared.protocol import Fatal, Refused, answer, never_refused, number, plain, read, size


def raises(kind, call, *args):
    try:
        call(*args)
    except kind as err:
        return str(err)
    raise AssertionError("no {} from {}".format(kind.__name__, args))


# Answers as PyScript hands them to the page: JavaScript arrays; a None body arrives as undefined, not None.
came = js.eval('["{\\"data\\": {\\"step\\": 3}}", undefined]')
assert came[1] is not None  # the reason the head says whether a body came
assert read(came) == ({"step": 3}, None)
HEAD = json.dumps(json.dumps({"data": {"label": "L"}, "body": True}))  # as a JavaScript string literal
data, rgba = read(js.eval("[" + HEAD + ", new Uint8Array([1, 2, 255])]"))
assert data == {"label": "L"} and bytes(rgba) == b"\x01\x02\xff"
data, html = read(js.eval("[" + HEAD + ', ["<p>a</p>", "<p>b</p>"]]'))
assert [html[i] for i in range(html.length)] == ["<p>a</p>", "<p>b</p>"]

# Errors of each kind, and answers outside the envelope.
REFUSAL = json.dumps(json.dumps({"error": {"kind": "refused", "message": "no"}}))
assert raises(Refused, read, js.eval("[" + REFUSAL + ", undefined]")) == "no"
assert raises(Fatal, read, ['{"error": {"kind": "fatal", "message": "Traceback\\nKeyError: 1"}}', None]).endswith("1")


class ModelError(Fatal):
    pass


raises(ModelError, read, ['{"error": {"kind": "fatal", "message": "x"}}', None], ModelError)
for outside in ('{"data": 1}', ['{"fatal": "x"}', None], ['{"error": "x"}', None], ["{", None], [], None):
    assert "outside the message envelope" in raises(Fatal, read, outside)

# The worker's side runs here too: round trips, refusals, and a failure's traceback (sys.print_exception).
for body in (None, b"\x00\x01", "text", ["a", "b"]):
    sent = answer(lambda body=body: ({"n": 1, "word": "J − 0.1"}, body))
    assert read(sent) == ({"n": 1, "word": "J − 0.1"}, body)
    assert json.loads(sent[0]).get("body") is (None if body is None else True)
assert read(answer(lambda: [1, None])) == ([1, None], None)


def refuses():
    raise ValueError("n_h must be a whole number from 1 to 16 (got 40)")


def fails():
    return {}["missing"]


assert raises(Refused, read, answer(refuses)) == "n_h must be a whole number from 1 to 16 (got 40)"
message = raises(Fatal, read, answer(fails))
assert message.startswith("Traceback (most recent call last):") and message.rstrip().endswith("KeyError: missing")
assert "Bug" in raises(Fatal, read, answer(lambda: never_refused(int, "many")))

# Numbers that are not finite travel as text, and come back as floats.
for x, text in ((float("nan"), "NaN"), (float("inf"), "Infinity"), (float("-inf"), "-Infinity")):
    assert plain(x) == text
    travelled = json.loads(json.dumps({"cost": plain(x)}))["cost"]
    back = number(travelled)
    assert isinstance(back, float)
    assert back != back if text == "NaN" else back == x
assert plain(0.25) == 0.25 and number(3) == 3.0 and isinstance(number(3), float)
assert protocol.numbers(["-Infinity", 1]) == [float("-inf"), 1.0]

# Sizes: [width, height], nothing else.
assert size([640, 400]) == (640.0, 400.0)
for bad in ({"width": 640, "height": 400}, [640], [0, 400], ["wide", 400], [True, 1], None):
    raises(ValueError, size, bad)

print("check_protocol: every check passed")
