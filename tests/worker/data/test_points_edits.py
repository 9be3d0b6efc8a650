"""The points' edits (worker/data/points.py): a click adds or removes a point, clear, set, undo.

Oracles: positions worked out by hand on the plot square (fx to the right, fy downward, extent [lo, hi]),
distances by hand, and the model's own messages for a bad set (backprop.points_data)."""

import pytest

from backprop import POINTS_LIMIT
from worker.data import points as edits

TABLE = (-0.5, 1.5)
XOR = [[0.0, 1.0, 1, 0], [1.0, 0.0, 1, 0], [0.0, 0.0, 0, 0], [1.0, 1.0, 0, 0]]


def click(points, fx, fy, y=1, r=0.025, extent=TABLE):
    return edits.click(points, [fx, fy], y, r, extent)


@pytest.mark.parametrize(
    "fx, fy, extent, x1, x2",
    [
        (0.25, 0.75, TABLE, 0.0, 0.0),  # a quarter of 2 from -0.5 across; three quarters of 2 down from 1.5
        (0.6, 0.1, TABLE, 0.7, 1.3),  # -0.5 + 1.2, 1.5 - 0.2
        (0.0, 0.0, (-1.5, 1.5), -1.5, 1.5),  # the top left corner
        (1.0, 1.0, (-1.5, 1.5), 1.5, -1.5),  # the bottom right corner
        (0.123456, 0.5, (-2.0, 2.0), -1.51, 0.0),  # -2 + 0.493824 -> -1.51 (2 decimals); the middle is 0, not -0
        (0.5, 0.4987, (-2.0, 2.0), 0.0, 0.01),  # 2 - 1.9948 = 0.0052 -> 0.01
    ],
)
def test_a_click_away_from_the_points_adds_a_training_point_where_it_is(fx, fy, extent, x1, x2):
    points, said = edits.click([], [fx, fy], 0, 0.025, extent)
    assert points == [[x1, x2, 0, 0]]
    assert repr(points[0][0]) == repr(x1) and repr(points[0][1]) == repr(x2)  # never -0.0
    assert said == f"Added a point of class 0 at ({x1!r}, {x2!r})."


def test_the_example_of_the_contract():
    points, said = click(XOR[:1], 0.5, 0.5, y=1)
    assert points == [XOR[0], [0.5, 0.5, 1, 0]]
    assert said == "Added a point of class 1 at (0.5, 0.5)."


def test_a_click_on_a_point_removes_it_and_the_list_on_screen_is_not_changed():
    before = [list(p) for p in XOR]
    # (0, 0) is at fx = 0.25, fy = 0.75; a click 0.02 away (r = 0.025) removes it
    points, said = click(XOR, 0.25 + 0.012, 0.75 - 0.016, y=1)
    assert points == [XOR[0], XOR[1], XOR[3]]
    assert said == "Removed the point of class 0 at (0.0, 0.0)."
    assert before == XOR


def test_a_click_just_beyond_the_radius_adds_instead():
    points, _ = click(XOR, 0.25 + 0.018, 0.75 - 0.024, y=1)  # 0.03 away
    assert len(points) == 5 and points[-1] == [0.04, 0.05, 1, 0]


def test_the_nearest_point_within_the_radius_goes():
    points = [[0.0, 0.0, 0, 0], [0.04, 0.0, 1, 1]]  # fx 0.25 and 0.27, both at fy 0.75
    kept, said = click(points, 0.262, 0.75, r=0.05)  # 0.012 from the first, 0.008 from the second
    assert kept == [[0.0, 0.0, 0, 0]]
    assert said == "Removed the test point of class 1 at (0.04, 0.0)."


@pytest.mark.parametrize(
    "at, y, r, message",
    [
        ([1.2, 0.5], 1, 0.02, "a click must be on the plot"),
        ([0.5, -0.01], 1, 0.02, "a click must be on the plot"),
        ([0.5], 1, 0.02, "a click's place must be [fx, fy]"),
        (None, 1, 0.02, "a click's place must be [fx, fy]"),
        (["a", 0.5], 1, 0.02, "the click's fx must be a number"),
        ([0.5, float("nan")], 1, 0.02, "the click's fy must be a number"),
        ([0.5, 0.5], 2, 0.02, "the class of a new point must be 0 or 1"),
        ([0.5, 0.5], True, 0.02, "the class of a new point must be 0 or 1"),
        ([0.5, 0.5], 1, -0.1, "a point's radius must be from 0 to 0.5"),
    ],
)
def test_a_bad_click_is_refused(at, y, r, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        edits.click(XOR, at, y, r, TABLE)


def test_no_point_beyond_the_limit():
    full = [[i / 1000, 0.0, i % 2, 0] for i in range(POINTS_LIMIT)]
    with pytest.raises(ValueError, match="at most 1,000 points: remove one"):
        edits.click(full, [0.9, 0.1], 1, 0.001, (-1.0, 2.0))
    # removing one still works at the limit
    points, _ = edits.click(full, [1 / 3, 2 / 3], 1, 0.001, (-1.0, 2.0))  # the point (0, 0)
    assert len(points) == POINTS_LIMIT - 1 and [0.0, 0.0, 0, 0] not in points


def test_clear():
    assert edits.clear(XOR) == ([], "Cleared 4 points.")
    assert edits.clear(XOR[:1]) == ([], "Cleared 1 point.")
    with pytest.raises(ValueError, match="no points to clear"):
        edits.clear([])


def test_set_checks_the_points_and_keeps_their_order():
    points, said = edits.replace([[1, "2.5", 1.0, 1], [" -0.5", 0, 0], [0.25, -0.0, "1", 0]])
    assert points == [[1.0, 2.5, 1, 1], [-0.5, 0.0, 0, 0], [0.25, 0.0, 1, 0]]
    assert [type(v) for v in points[0]] == [float, float, int, int]
    assert repr(points[2][1]) == "0.0"
    assert said == "Now 3 points: 2 for training, 1 for testing."
    assert edits.replace(XOR)[1] == "Now 4 points."


@pytest.mark.parametrize(
    "points, message",
    [
        ([[0, 0, 1, 1]], "the points need at least one training point"),
        ([[0, "abc", 1]], "point 1: x2 is not a number (got 'abc')"),
        ([[0, 0, 1], [0, 0, 2]], "point 2: the class y must be 0 or 1 (got 2)"),
        ([[0, float("inf"), 1]], "point 1: x2 must be a finite number"),
        ([[0, 0]], "point 1 must be [x1, x2, y] or [x1, x2, y, test]"),
        ([[0, 0, 1]] * 1001, "at most 1000 points (got 1001)"),
        ("0_0_1", "points must be a list of [x1, x2, y]"),
        (None, "points must be a list of [x1, x2, y]"),
    ],
)
def test_a_bad_set_is_refused_with_the_models_words(points, message):
    with pytest.raises(ValueError) as caught:
        edits.replace(points)
    assert str(caught.value).startswith(message)


def test_undo_gives_back_the_points_before_each_edit_in_turn():
    undo = edits.Undo(limit=3)
    assert not undo
    with pytest.raises(ValueError, match="no edit of the points to undo"):
        undo.pop()
    for k in range(5):
        undo.push([[float(k), 0.0, 0, 0]], f"Added a point of class 0 at ({k}.0, 0.0).")
    assert undo.last() == [[4.0, 0.0, 0, 0]]
    assert undo.pop() == ([[4.0, 0.0, 0, 0]], "Undone: added a point of class 0 at (4.0, 0.0).")
    assert undo.pop()[0] == [[3.0, 0.0, 0, 0]]
    assert undo.pop()[0] == [[2.0, 0.0, 0, 0]]  # the limit: the two oldest are gone
    assert not undo
    assert edits.UNDO_LIMIT == 100


@pytest.mark.parametrize(
    "edit, message",
    [
        ({"op": "paint"}, "an edit's op must be click, undo, clear or set (got 'paint')"),
        ({}, "an edit's op must be click, undo, clear or set (got None)"),
        ([1, 2], "an edit of the points must be an object with its op"),
    ],
)
def test_an_unknown_edit_is_refused(edit, message):
    with pytest.raises(ValueError) as caught:
        edits.apply(edit, XOR, TABLE)
    assert str(caught.value).startswith(message)


def test_a_click_may_name_the_square_the_page_showed():
    points, said = edits.apply({"op": "click", "at": [0.25, 0.75], "y": 1, "radius": 0.0, "extent": [-2, 2]}, [], TABLE)
    assert points == [[-1.0, -1.0, 1, 0]]  # -2 + 0.25 * 4, 2 - 0.75 * 4: the square given, not the one on screen
    assert said == "Added a point of class 1 at (-1.0, -1.0)."
    assert edits.apply({"op": "click", "at": [0.25, 0.75], "y": 1, "radius": 0.0}, [], TABLE)[0] == [[0.0, 0.0, 1, 0]]
    for bad in ([1, 1], [2, 1], [0], "big", [0, float("inf")]):
        with pytest.raises(ValueError, match="extent"):
            edits.apply({"op": "click", "at": [0.5, 0.5], "y": 1, "radius": 0.0, "extent": bad}, [], TABLE)
