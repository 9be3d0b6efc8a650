"""The exercise worker's API never raises: whatever it is given, it answers in the envelope (shared/protocol.py).
A request it cannot take is refused with words; what the student's code does is ordinary data."""

import platform

import numpy as np
import pytest

import exercises
from checker import door as exports
from shared.protocol import Refused, read

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


def refused(answer):
    with pytest.raises(Refused) as caught:
        read(answer)
    assert answer[1] is None
    return str(caught.value)


def test_start_names_the_versions():
    assert read(exports.start()) == ({"python": platform.python_version(), "numpy": np.__version__}, None)


@pytest.mark.parametrize("network", BAD)
@pytest.mark.parametrize("call", [exports.run, exports.check])
def test_a_bad_network_is_refused(call, network):
    assert refused(call("backward", exercises.backward.SOLUTION, network))


@pytest.mark.parametrize("call", [exports.run, exports.check])
def test_an_unknown_exercise_is_refused(call, screen):
    assert "unknown exercise" in refused(call("sideways", "", screen))


@pytest.mark.parametrize(
    "settings, steps, view",
    [
        ("{", 10, None),
        ('{"n_h": 0}', 10, None),
        ('{"activation": "relu"}', 10, None),
        ("{}", -1, None),
        ("{}", "many", None),
        ("{}", 10, "{"),
        ("{}", 10, "[480, 220]"),
        ("{}", 10, '{"chart": [100]}'),
        ("{}", 10, '{"chart": {"width": 100, "height": 50}}'),
        ("[]", 10, None),
    ],
)
def test_bad_training_requests_are_refused(settings, steps, view):
    assert refused(exports.train(exercises.backward.SOLUTION, settings, steps, view))


def test_the_students_own_error_is_data_not_a_refusal(screen):
    code = exercises.backward.SOLUTION.replace("    m = Y.shape[1]", "    m = Y.shape[1]\n    raise ValueError('mine')")
    result, body = read(exports.run("backward", code, screen))
    assert body is None and result["error"]["kind"] == "ValueError" and result["error"]["message"] == "mine"


def test_nothing_raises_even_for_odd_arguments(screen):
    for answer in (
        exports.check(None, None, None),
        exports.run(3, object(), screen),
        exports.train(None, None, None, None),
        exports.check("backward", "\x00", screen),
    ):
        try:
            data, _ = read(answer)
        except Refused:
            continue
        assert isinstance(data, dict)
