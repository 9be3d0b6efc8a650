"""The points on screen as the page draws them: snapshot["data"], sent only when they change.

The plot is a square of the input plane, [lo, hi] in x1 and x2 (the data's extent, backprop's Data.extent), drawn
by the page in a SCALE x SCALE square with y downward: a point (x1, x2) sits at X = (x1 - lo) / (hi - lo) * SCALE,
Y = (hi - x2) / (hi - lo) * SCALE, rounded to integers. Each class's training points (filled) and test points
(hollow) are ONE SVG path of circles, so the page draws hundreds of points with four calls and parses no list of
numbers; with at most CENTRES_LIMIT points their centres come too (the page writes each one's class in it).
"""

import numpy as np

from backprop import Data
from plots.cost_chart import linear_ticks, tick_label
from shared.i18n import N_, _, ngettext
from worker.share.file_names import points_file_name
from worker.share.points_link import link_and_note

SCALE = 1000
CENTRES_LIMIT = 64
KIND_WORDS = {  # the data's name, which begins the description's sentence
    "circle": N_("The circle data"),
    "xor_cloud": N_("The XOR cloud"),
    "gaussians": N_("The two gaussians"),
    "spiral": N_("The spiral"),
    "points": N_("Your points"),
}


def extent(points):
    """(lo, hi) of the square shown for points [[x1, x2, y, test], ...] (Data.extent: (-0.5, 1.5) for none)."""
    xy = np.array([point[:2] for point in points], dtype=float).reshape(-1, 2).T
    return Data(xy, np.zeros((1, xy.shape[1]))).extent()


def ticks(lo, hi):
    """(values, texts): nice values within [lo, hi], about three of them (0 and 1 for a truth table's square),
    the texts with a true minus sign."""
    values = linear_ticks(lo, hi, max_ticks=4)
    step = values[1] - values[0] if len(values) > 1 else 1.0
    return values, [tick_label(value, False, step).replace("-", "\u2212") for value in values]


def radius(count):
    """The points' radius as a fraction of the square's side: large enough for a class digit among few points."""
    if count <= CENTRES_LIMIT:
        return 0.025
    if count <= 200:
        return 0.015
    return 0.011


def positions(points, lo, hi, scale=SCALE):
    """(X, Y) integer arrays of the points in the scale x scale square, y downward."""
    xy = np.array([point[:2] for point in points], dtype=float).reshape(-1, 2)
    k = scale / (hi - lo)
    return np.rint((xy[:, 0] - lo) * k).astype(np.int64), np.rint((hi - xy[:, 1]) * k).astype(np.int64)


def circles(X, Y, r):
    """SVG path data of circles of radius r (integers) at (X[i], Y[i]): two arcs each."""
    if not len(X):
        return ""
    template = "M%d %d" + f"a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0"
    return (template * len(X)) % tuple(np.stack([X - r, Y], axis=1).ravel().tolist())


def _part(points, test):
    """The training (test 0) or the test (test 1) points in words, or None when there are none."""
    classes = [point[2] for point in points if point[3] == test]
    if not classes:
        return None
    ones = sum(classes)
    values = {"n": f"{len(classes):,}", "ones": f"{ones:,}", "zeros": f"{len(classes) - ones:,}"}
    if test:
        return ngettext(
            "{n} test point (hollow: {ones} of class 1, {zeros} of class 0)",
            "{n} test points (hollow: {ones} of class 1, {zeros} of class 0)",
            len(classes),
        ).format(**values)
    return ngettext(
        "{n} training point (filled: {ones} of class 1, {zeros} of class 0)",
        "{n} training points (filled: {ones} of class 1, {zeros} of class 0)",
        len(classes),
    ).format(**values)


def describe(points, lo, hi, what):
    """A sentence for screen readers: how many points, where, of which classes, for training and for testing."""
    lo_text, hi_text = (f"{v:g}".replace("-", "\u2212") for v in (lo, hi))
    if not points:
        return _("{what}: no points yet. Click on the plot to add a point of the chosen class.").format(what=what)
    train, test = _part(points, 0), _part(points, 1)
    values = {"what": what, "n": f"{len(points):,}", "lo": lo_text, "hi": hi_text, "train": train, "test": test}
    if train is not None and test is not None:
        return ngettext(
            "{what}: {n} point on the plane from {lo} to {hi} in x1 and x2, {train} and {test}.",
            "{what}: {n} points on the plane from {lo} to {hi} in x1 and x2, {train} and {test}.",
            len(points),
        ).format(**values)
    values["part"] = train if train is not None else test
    return ngettext(
        "{what}: {n} point on the plane from {lo} to {hi} in x1 and x2, {part}.",
        "{what}: {n} points on the plane from {lo} to {hi} in x1 and x2, {part}.",
        len(points),
    ).format(**values)


def data_view(points, config, version):
    """snapshot["data"] for the points on screen [[x1, x2, y, test], ...] of a run with this config
    (backprop.Config: its data kind names the CSV and the description)."""
    lo, hi = extent(points)
    values, texts = ticks(lo, hi)
    r = radius(len(points))
    X, Y = positions(points, lo, hi)
    r_scaled = max(1, round(r * SCALE))
    classes = np.array([point[2] for point in points], dtype=np.int64)
    tests = np.array([point[3] for point in points], dtype=np.int64)
    paths = {}
    for test, name in ((0, "train"), (1, "test")):
        paths[name] = [
            circles(X[(tests == test) & (classes == y)], Y[(tests == test) & (classes == y)], r_scaled) for y in (0, 1)
        ]
    link, note = link_and_note(points) if config.data == "points" else (None, None)
    if config.data == "table":
        # Translators: {table} is the truth table's name as the settings say it: XOR, AND, OR, XNOR...
        what = _("The {table} truth table").format(table=config.table)
    else:
        what = _(KIND_WORDS[config.data])
    train = int(np.sum(tests == 0))
    view = {
        "version": version,
        "extent": [lo, hi],
        "ticks": values,
        "tick_texts": texts,
        "count": {"train": train, "test": len(points) - train},
        "scale": SCALE,
        "radius": r,
        "paths": paths,
        "link": link,
        "link_note": note,
        "label": describe(points, lo, hi, what),
        "csv_name": points_file_name(config, len(points)),
    }
    if len(points) <= CENTRES_LIMIT:
        view["centres"] = [[int(x), int(y), int(c), int(t)] for x, y, c, t in zip(X, Y, classes, tests)]
    return view
