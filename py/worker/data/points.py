"""The student's points, edited: a click adds or removes a point, undo, clear, and a whole new set.

A point is [x1, x2, y, test] (backprop/datasets.py's form: y 0 or 1, test 1 for a test point). Each edit is a pure
function of the points on screen: it answers (the new points, what it did in words) or raises ValueError (refused,
nothing changed). The session (worker/lab/session.py) keeps the list and the undo steps and trains on the result.

A click comes as the page's fractions of the plot square: fx from the left, fy from the TOP (downward, as the
page's pointer events give them), r the points' radius as a fraction of the side. A point within r of the click
is removed (the nearest); else a training point of the chosen class goes at the plane position the click stands
for, rounded to 2 decimals: x1 = lo + fx (hi - lo), x2 = hi - fy (hi - lo) on the extent [lo, hi].
"""

import math

from backprop import POINTS_LIMIT, points_data
from shared.i18n import _, ngettext

UNDO_LIMIT = 100  # edits that Undo can take back
DECIMALS = 2  # a clicked point's coordinates are rounded to this many decimals
RADIUS_LIMIT = 0.5  # a click's radius, as a fraction of the square's side, is at most this


def has_training_point(points):
    return any(not point[3] for point in points)


def coordinates(x1, x2):
    """ "(0.25, -0.5)": a point's position as CPython writes its numbers."""
    return f"({x1!r}, {x2!r})"


class Said(str):
    """What an edit did, in words, with the sentence Undo says when it takes the edit back (.undone): each a whole
    sentence of the catalog, since a translation cannot be made by changing a letter of the other."""

    def __new__(cls, said, undone):
        text = super().__new__(cls, said)
        text.undone = undone
        return text


def _removed(point):
    """Said for a point removed by a click."""
    values = {"y": point[2], "at": coordinates(point[0], point[1])}
    if point[3]:
        return Said(
            _("Removed the test point of class {y} at {at}.").format(**values),
            _("Undone: removed the test point of class {y} at {at}.").format(**values),
        )
    return Said(
        _("Removed the point of class {y} at {at}.").format(**values),
        _("Undone: removed the point of class {y} at {at}.").format(**values),
    )


def _fraction(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"the click's {name} must be a number (got {value!r:.40})")
    return float(value)


def click(points, at, y, radius, extent):
    """(points, said) after a click at `at` = [fx, fy] with the class toggle on y and the points drawn with radius
    r, on the plot square showing extent (lo, hi)."""
    if not isinstance(at, (list, tuple)) or len(at) != 2:
        raise ValueError(f"a click's place must be [fx, fy] (got {at!r:.80})")
    fx, fy = _fraction(at[0], "fx"), _fraction(at[1], "fy")
    if not (0.0 <= fx <= 1.0 and 0.0 <= fy <= 1.0):
        raise ValueError(f"a click must be on the plot: fx and fy from 0 to 1 (got {fx!r}, {fy!r})")
    r = _fraction(radius, "radius")
    if not 0.0 <= r <= RADIUS_LIMIT:
        raise ValueError(f"a point's radius must be from 0 to {RADIUS_LIMIT} of the plot (got {r!r})")
    lo, hi = extent
    side = hi - lo
    nearest, distance = None, r
    for i, point in enumerate(points):
        d = math.hypot((point[0] - lo) / side - fx, (hi - point[1]) / side - fy)
        if d <= distance:
            nearest, distance = i, d
    if nearest is not None:
        return points[:nearest] + points[nearest + 1 :], _removed(points[nearest])
    if isinstance(y, bool) or y not in (0, 1):
        raise ValueError(f"the class of a new point must be 0 or 1 (got {y!r:.40})")
    if len(points) >= POINTS_LIMIT:
        raise ValueError(
            _("at most {limit} points: remove one (click on it) before adding another").format(
                limit=f"{POINTS_LIMIT:,}"
            )
        )
    x1 = round(lo + fx * side, DECIMALS) + 0.0  # + 0.0: never -0.0
    x2 = round(hi - fy * side, DECIMALS) + 0.0
    point = [x1, x2, int(y), 0]
    values = {"y": point[2], "at": coordinates(x1, x2)}
    said = Said(
        _("Added a point of class {y} at {at}.").format(**values),
        _("Undone: added a point of class {y} at {at}.").format(**values),
    )
    return points + [point], said


def clear(points):
    """([], said)."""
    if not points:
        raise ValueError(_("there are no points to clear"))
    count = len(points)
    said = Said(
        ngettext("Cleared {n} point.", "Cleared {n} points.", count).format(n=f"{count:,}"),
        ngettext("Undone: cleared {n} point.", "Undone: cleared {n} points.", count).format(n=f"{count:,}"),
    )
    return [], said


def replace(points):
    """(the points given, checked as backprop.points_data checks them and written [x1, x2, y, test] with floats and
    ints, in their order; said)."""
    data = points_data(points)  # ValueError naming the point; at least one training point
    rows = [[float(p[0]), float(p[1]), int(float(p[2])), int(p[3]) if len(p) == 4 else 0] for p in points]
    rows = [[x1 + 0.0, x2 + 0.0, y, test] for x1, x2, y, test in rows]
    count, test = len(rows), data.test_m
    values = {"n": f"{count:,}", "train": f"{data.m:,}", "test": f"{test:,}"}
    if test:
        said = Said(
            ngettext(
                "Now {n} point: {train} for training, {test} for testing.",
                "Now {n} points: {train} for training, {test} for testing.",
                count,
            ).format(**values),
            ngettext(
                "Undone: now {n} point: {train} for training, {test} for testing.",
                "Undone: now {n} points: {train} for training, {test} for testing.",
                count,
            ).format(**values),
        )
    else:
        said = Said(
            ngettext("Now {n} point.", "Now {n} points.", count).format(**values),
            ngettext("Undone: now {n} point.", "Undone: now {n} points.", count).format(**values),
        )
    return rows, said


class Undo:
    """The points before each of the latest edits (at most UNDO_LIMIT), with what each edit did."""

    def __init__(self, limit=UNDO_LIMIT):
        self.limit, self.steps = limit, []

    def __bool__(self):
        return bool(self.steps)

    def push(self, points, said):
        self.steps.append((points, said))
        if len(self.steps) > self.limit:
            del self.steps[0]

    def last(self):
        """The points before the latest edit, or ValueError."""
        if not self.steps:
            raise ValueError(_("there is no edit of the points to undo"))
        return self.steps[-1][0]

    def pop(self):
        """(the points before the latest edit, "Undone: ..." saying what is undone), or ValueError."""
        if not self.steps:
            raise ValueError(_("there is no edit of the points to undo"))
        points, said = self.steps.pop()
        undone = getattr(said, "undone", None)
        if undone is None:  # a text that is not an edit's Said (English only): the edit's words after "Undone: "
            undone = "Undone: " + said[:1].lower() + said[1:]
        return points, str(undone)

    def clear(self):
        self.steps = []


def _extent(edit, extent):
    """The click's own "extent" [lo, hi] when it names the square the page showed (a click sent before the answer
    to the one before it came back), else the extent on screen."""
    given = edit.get("extent")
    if given is None:
        return extent
    if not isinstance(given, (list, tuple)) or len(given) != 2:
        raise ValueError(f"a click's extent must be [lo, hi] (got {given!r:.80})")
    lo, hi = _fraction(given[0], "extent"), _fraction(given[1], "extent")
    if not lo < hi:
        raise ValueError(f"a click's extent must be [lo, hi] with lo < hi (got {given!r:.80})")
    return lo, hi


def apply(edit, points, extent):
    """(points, said) for an edit other than undo: {"op": "click", "at": [fx, fy], "y": 0 or 1, "radius": r} (and
    optionally "extent": [lo, hi], the square the page showed), {"op": "clear"} or {"op": "set", "points": [...]}."""
    if not isinstance(edit, dict):
        raise ValueError(f"an edit of the points must be an object with its op (got {edit!r:.80})")
    op = edit.get("op")
    if op == "click":
        return click(points, edit.get("at"), edit.get("y"), edit.get("radius", 0.0), _extent(edit, extent))
    if op == "clear":
        return clear(points)
    if op == "set":
        return replace(edit.get("points"))
    raise ValueError(f"an edit's op must be click, undo, clear or set (got {op!r:.40})")
