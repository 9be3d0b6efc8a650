"""The message envelope (py/shared/protocol.py) on CPython: what a worker's answer() writes, the page's read() gets
back; refusals and failures come out as exceptions of their kind; numbers that are not finite and sizes travel one
way. The same module under MicroPython: tests/app_mpy/check_protocol.py."""

import json
import math
import platform

import numpy as np
import pytest

from shared import i18n, protocol
from shared.protocol import Bug, Fatal, Refused, answer, never_refused, number, plain, read, size


def strict(text):
    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    "body", [None, b"\x00\xff" * 8, "a file's text\n", ["<p>one</p>", "<p>two</p>"], "", []], ids=repr
)
def test_data_and_body_make_the_round_trip(body):
    data = {"snapshot": {"step": 3, "cost": 0.125, "config": {"table": "XOR"}}, "taken": 3, "text": "J − 0.1 ✓"}
    sent = answer(lambda: (data, body))
    assert isinstance(sent, list) and len(sent) == 2 and isinstance(sent[0], str) and sent[1] is body
    head = strict(sent[0])
    assert head == ({"data": data} if body is None else {"data": data, "body": True})
    assert read(sent) == (data, body)


@pytest.mark.parametrize("data", [None, 0, "text", [1, 2], {"a": None}])
def test_any_json_data_without_a_body(data):
    assert read(answer(lambda: data)) == (data, None)


def test_a_body_that_did_not_come_is_none_whatever_stands_in_its_place():
    # Pyodide hands a None on as JavaScript's undefined, which MicroPython reads as an object that is not None.
    undefined = object()
    assert read(['{"data": 1}', undefined]) == (1, None)
    assert read(['{"data": 1, "body": true}', b"rgba"]) == (1, b"rgba")


def test_a_value_error_is_refused_with_its_words():
    def work():
        raise ValueError("n_h must be a whole number from 1 to 16 (got 40)")

    sent = answer(work)
    assert strict(sent[0]) == {
        "error": {"kind": "refused", "message": "n_h must be a whole number from 1 to 16 (got 40)"}
    }
    assert sent[1] is None
    with pytest.raises(Refused) as caught:
        read(sent)
    assert str(caught.value) == "n_h must be a whole number from 1 to 16 (got 40)"


@pytest.mark.parametrize(
    ("error", "last_line"),
    [
        (ZeroDivisionError("division by zero"), "ZeroDivisionError: division by zero"),
        (KeyError("missing"), "KeyError: 'missing'"),
        (SystemExit(3), "SystemExit: 3"),
    ],
)
def test_anything_else_is_fatal_with_its_traceback(error, last_line):
    def work():
        raise error

    sent = answer(work)
    head = strict(sent[0])
    assert set(head) == {"error"} and head["error"]["kind"] == "fatal" and sent[1] is None
    message = head["error"]["message"]
    assert message.startswith("Traceback (most recent call last):") and message.rstrip().endswith(last_line)
    assert "in work" in message  # the traceback names where it happened
    with pytest.raises(Fatal) as caught:
        read(sent)
    assert str(caught.value) == message


def test_a_value_error_where_none_may_be_refused_is_fatal():
    def work():
        return never_refused(int, "many")

    sent = answer(work)
    with pytest.raises(Fatal) as caught:
        read(sent)
    assert "invalid literal for int() with base 10: 'many'" in str(caught.value)
    assert str(caught.value).rstrip().endswith("Bug: ValueError: invalid literal for int() with base 10: 'many'")
    assert never_refused(int, "12") == 12
    with pytest.raises(Bug):
        never_refused(never_refused, json.loads, "{")


def test_a_not_finite_float_leaking_into_data_is_a_bug_not_a_refusal():
    with pytest.raises(Fatal) as caught:
        read(answer(lambda: {"cost": float("nan")}))
    assert "Out of range float values are not JSON compliant" in str(caught.value)


def test_the_page_names_its_own_failure_class():
    class ModelError(Fatal):
        pass

    with pytest.raises(ModelError):
        read(protocol.failure("Traceback ...\nRuntimeError: broken"), ModelError)
    with pytest.raises(Refused):  # a refusal is a refusal, whichever worker
        read(protocol.refusal("no"), ModelError)


@pytest.mark.parametrize(
    "sent",
    [
        '{"data": 1}',  # a bare JSON answer
        ['{"fatal": "Traceback"}', None],  # the old shapes
        ['{"error": "n_h must be ..."}', None],
        ['{"snapshot": {}}', None],
        ['{"data": 1, "error": {"kind": "refused", "message": "both"}}', None],
        ["not json", None],
        [None, None],
        [],
        None,
    ],
    ids=repr,
)
def test_an_answer_outside_the_envelope_is_fatal(sent):
    with pytest.raises(Fatal) as caught:
        read(sent)
    assert "outside the message envelope" in str(caught.value)


def test_an_error_of_an_unknown_kind_is_fatal():
    with pytest.raises(Fatal, match="what"):
        read(['{"error": {"kind": "puzzled", "message": "what"}}', None])


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
        (np.float64("nan"), "NaN"),
        (np.float32("-inf"), "-Infinity"),
    ],
)
def test_a_float_that_is_not_finite_travels_as_text_and_comes_back(x, text):
    assert plain(x) == text
    travelled = strict(answer(lambda: {"cost": plain(x)})[0])
    back = number(travelled["data"]["cost"])
    assert type(back) is float and (math.isnan(back) if text == "NaN" else back == float(x))


@pytest.mark.parametrize("x", [0.0, -0.0, 1e-300, 5e-324, 1.7976931348623157e308, 0.1, 3, np.float64(0.46)])
def test_a_finite_float_travels_as_the_very_same_number(x):
    assert type(plain(x)) is float and plain(x) == float(x)
    back = number(read(answer(lambda: [plain(x)]))[0][0])
    assert type(back) is float and back == float(x) and math.copysign(1, back) == math.copysign(1, float(x))
    assert protocol.numbers(["NaN", 2, "-Infinity"])[1:] == [2.0, -math.inf]


def test_sizes_are_width_and_height():
    assert size([640, 400]) == (640.0, 400.0) and size((320.5, 200)) == (320.5, 200.0)
    assert all(type(v) is float for v in size([1, 2]))


@pytest.mark.parametrize(
    "value",
    [
        {"width": 640, "height": 400},
        {"histogram": [400, 250]},
        [640],
        [640, 400, 1],
        [0, 400],
        [640, -1],
        [float("inf"), 400],
        [float("nan"), 400],
        ["wide", 400],
        [True, 400],
        "640x400",
        None,
    ],
    ids=repr,
)
def test_anything_else_is_not_a_size(value):
    with pytest.raises(ValueError):
        size(value)


def test_a_workers_start_puts_the_pages_catalog_in_use_and_names_the_versions():
    catalog = json.dumps({"language": "de", "plural": "n != 1", "messages": {"Train": "Trainieren"}})
    try:
        data, body = protocol.read(protocol.started(catalog, "2.4.6"), protocol.Fatal)
        assert data == {"python": platform.python_version(), "numpy": "2.4.6"} and body is None
        assert (i18n.language(), i18n._("Train")) == ("de", "Trainieren")
        protocol.read(protocol.started("", "2.4.6"), protocol.Fatal)
        assert (i18n.language(), i18n._("Train")) == ("en", "Train")
    finally:
        i18n.load("")
