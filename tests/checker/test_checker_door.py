"""The exercise worker's API never raises: whatever it is given, it answers JSON."""

import json

import pytest

import exercises
from checker import door as exports

BAD = [
    None,
    "",
    "{",
    "[]",
    "null",
    '{"n_h": 99}',
    '{"n_h": 2, "params": {"W0": ["x", "1", "2", "3"]}}',
    '{"n_h": 2, "params": {"W0": ["nan", "1", "2", "3"], "b0": ["1", "1"], "W1": ["1", "1"], "b1": ["1"]}}',
]


def test_start_names_the_versions():
    versions = json.loads(exports.start())
    assert set(versions) == {"python", "numpy"}


@pytest.mark.parametrize("network", BAD)
@pytest.mark.parametrize("call", [exports.run, exports.check])
def test_a_bad_network_is_a_request_error(call, network):
    result = json.loads(call("backward", exercises.backward.SOLUTION, network))
    assert result["error"]["kind"] == "request" and result["error"]["message"]


@pytest.mark.parametrize("call", [exports.run, exports.check])
def test_an_unknown_exercise_is_a_request_error(call, screen):
    result = json.loads(call("sideways", "", screen))
    assert "unknown exercise" in result["error"]["message"]


@pytest.mark.parametrize(
    "settings, steps, chart",
    [
        ("{", 10, None),
        ('{"n_h": 0}', 10, None),
        ('{"activation": "relu"}', 10, None),
        ("{}", -1, None),
        ("{}", "many", None),
        ("{}", 10, "{"),
        ("{}", 10, '{"width": 100}'),
        ("[]", 10, None),
    ],
)
def test_bad_training_requests_are_request_errors(settings, steps, chart):
    result = json.loads(exports.train(exercises.backward.SOLUTION, settings, steps, chart))
    assert result["error"]["kind"] == "request"


def test_nothing_raises_even_for_odd_arguments(screen):
    for answer in (
        exports.check(None, None, None),
        exports.run(3, object(), screen),
        exports.train(None, None, None, None),
        exports.check("backward", "\x00", screen),
    ):
        assert isinstance(json.loads(answer), dict)
