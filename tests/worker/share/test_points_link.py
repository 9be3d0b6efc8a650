"""A student's points in a link (worker/share/points_link.py): the compact `points=` text, read back bit for bit,
its limit and the note beyond it, and each bad text's message.

Oracles: the data's own floats (compared by their bytes), the characters a URL query carries unencoded (the page's
app/link.py SAFE), and texts and messages written out here.
"""

import struct

import pytest

from backprop import Config, Run
from worker.share.points_link import TEXT_LIMIT, link_and_note, points_from_text, points_text

URL_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


def bits(points):
    return [struct.pack("<dd", p[0], p[1]) + bytes([p[2], p[3]]) for p in points]


@pytest.mark.parametrize(
    "settings",
    [
        {"data": "spiral", "data_size": 40, "noise": 50},
        {"data": "gaussians", "data_size": 20, "noise": 7, "data_seed": 4294967295},
        {"data": "circle", "data_size": 30, "train_percent": 90},
        {},
    ],
)
def test_round_trip_is_exact_and_url_safe(settings):
    points = Run(Config.from_dict(settings)).data.points()
    text, note = link_and_note(points)
    assert note is None and set(text) <= URL_SAFE
    back = points_from_text(text)
    assert bits(back) == bits(points)
    assert all(isinstance(p[2], int) and isinstance(p[3], int) for p in back)


def test_the_text_written_out():
    points = [[0.25, -0.5, 1, 0], [1.5, 0.75, 0, 1], [-0.0, 1e-07, 0, 0], [3e-16, 2.0, 1, 1]]
    assert points_text(points) == "0.25_-0.5_1~1.5_0.75_2~-0.0_1e-07_0~3e-16_2.0_3"
    assert points_text([[1e16, 0.5, 0]]) == "1e16_0.5_0"  # no "+", which a query reads as a space
    assert points_text([[0.5, 0.5, 1]]) == "0.5_0.5_1"  # no test flag: a training point
    assert points_from_text("0.25_-0.5_1~1.5_0.75_2~-0.0_1e-07_0~3e-16_2.0_3") == points
    assert points_from_text(" 1,2,1~3_4_0 ") == [[1.0, 2.0, 1, 0], [3.0, 4.0, 0, 0]]  # commas, spaces at the ends


def test_the_limit_and_the_note():
    short = [[0.25, 0.5, k % 2, 0] for k in range(TEXT_LIMIT // 11)]  # "0.25_0.5_1~" is 11 characters
    text, note = link_and_note(short)
    assert len(text) <= TEXT_LIMIT and note is None
    many = Run(Config(data="spiral", data_size=500)).data.points()
    assert link_and_note(many) == (
        None,
        "The link cannot hold 500 points: save the run (JSON) or export the points (CSV) instead.",
    )
    thousand = [[0.123456789, -0.987654321, 1, 0]] * 1000
    assert link_and_note(thousand)[1] == (
        "The link cannot hold 1,000 points: save the run (JSON) or export the points (CSV) instead."
    )
    with pytest.raises(ValueError, match=r"^points is 4,001 characters long; at most 4,000$"):
        points_from_text("1" * 4001)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "points is empty: it needs at least one point x1_x2_c"),
        ("0.5_0.5", "points: point 1 must be three values x1_x2_c (got '0.5_0.5')"),
        ("0.5_0.5_1~0.5_0.5_1_7", "points: point 2 must be three values x1_x2_c (got '0.5_0.5_1_7')"),
        ("0.5_0.5_1~a_0.5_1", "points: point 2: x1 is not a number (got 'a')"),
        ("0.5_nan_1", "points: point 1: x2 must be a finite number (got 'nan')"),
        ("0.5_inf_1", "points: point 1: x2 must be a finite number (got 'inf')"),
        ("0.5_0.5_4", "points: point 1: its class c must be 0 or 1, or 2 or 3 for a test point (got '4')"),
        ("0.5_0.5_2~1_1_3", "points has no training point (c 0 or 1): at least one is needed"),
        ("2e6_0_1", "points: point 1: x1 must be at most 1e+06 in size (got '2e6')"),
    ],
)
def test_each_bad_text_is_said(text, message):
    with pytest.raises(ValueError) as caught:
        points_from_text(text)
    assert str(caught.value) == message
