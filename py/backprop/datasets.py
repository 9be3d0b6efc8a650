"""The examples a network learns: a truth table's four, a generated data set, or a student's own points.

A data set is the training examples (A0 of shape (2, m), Y of shape (1, m)) and the test examples (A0_test, Y_test,
possibly none), held by Data. The generators follow TensorFlow Playground's (its dataset.ts: circle, xor, gauss,
spiral), drawn from np.random.RandomState(data_seed) and scaled by 1/5, so the points lie within about [-1.2, 1.2]
instead of [-6, 6]: inputs of the size of the truth tables' 0 and 1, for which the network's defaults are made.
Class 1 is TensorFlow Playground's label +1 (the inside of the circle, the first gaussian, the first spiral arm),
except for the XOR cloud, where class 1 is where x1 and x2 differ in sign, as the XOR table's 1 is where they differ.

A point is [x1, x2, y] or [x1, x2, y, test] (test 1 for a test point, 0 for a training point), the form points
travel in (the saved run, the page's link, a CSV's rows): points_data reads them, Data.points writes them.
"""

import math

import numpy as np

from shared.i18n import N_, _

from .data import A0 as TABLE_A0
from .data import truth_table

GENERATED = ("circle", "xor_cloud", "gaussians", "spiral")
DATA_KINDS = ("table",) + GENERATED + ("points",)
# The generated sets' names for a student, translated where they are shown: _(DATA_NAMES[kind]).
DATA_NAMES = {
    # Translators: the names of the generated data sets (as in "your data (spiral, 100 training points)").
    "circle": N_("circle"),
    "xor_cloud": N_("XOR cloud"),
    "gaussians": N_("two gaussians"),
    "spiral": N_("spiral"),
}
DATA_SIZE = (20, 500)  # points a generated set may have
NOISE = (0, 50)  # percent
TRAIN_PERCENT = (10, 90)  # the share of a generated set's points that are for training
POINTS_LIMIT = 1000  # points a student's own set may have
COORDINATE_LIMIT = 1e6  # an input larger than this in size is junk
SCALE = 0.2  # TensorFlow Playground's coordinates (radius 5) to ours (radius 1)


class Data:
    """Training examples A0 (2, m), Y (1, m) and test examples A0_test (2, t), Y_test (1, t), read-only arrays."""

    def __init__(self, A0, Y, A0_test=None, Y_test=None):
        self.A0, self.Y = _frozen(A0, 2), _frozen(Y, 1)
        self.A0_test = _frozen(np.zeros((2, 0)) if A0_test is None else A0_test, 2)
        self.Y_test = _frozen(np.zeros((1, 0)) if Y_test is None else Y_test, 1)

    @property
    def m(self):
        return self.Y.shape[-1]

    @property
    def test_m(self):
        return self.Y_test.shape[-1]

    def points(self):
        """Every point as [x1, x2, y, test]: the training points first, then the test points."""
        rows = []
        for A0, Y, test in ((self.A0, self.Y, 0), (self.A0_test, self.Y_test, 1)):
            for x1, x2, y in zip(A0[0].tolist(), A0[1].tolist(), Y[0].tolist()):
                rows.append([x1, x2, int(y), test])
        return rows

    def extent(self):
        """(lo, hi): the square [lo, hi]^2 of the input plane the plots show, covering every point with a margin of
        at least a quarter, its ends on multiples of 0.5 (so a point added inside seldom moves it): [-0.5, 1.5] for
        a truth table's points."""
        both = np.concatenate([self.A0, self.A0_test], axis=1)
        if not both.size:
            return -0.5, 1.5
        lo = math.floor(2 * (float(both.min()) - 0.25)) / 2
        hi = math.ceil(2 * (float(both.max()) + 0.25)) / 2
        return lo, hi


def _frozen(array, rows):
    array = np.array(array, dtype=float).reshape(rows, -1)
    array.flags.writeable = False
    return array


def make_data(config, points=None):
    """The Data of a Config: its truth table's four examples, its generated set, or (config.data "points") the
    points given, checked by points_data. ValueError in words for a student."""
    kind = config.data
    if kind == "table":
        return Data(TABLE_A0, truth_table(config.table))
    if kind == "points":
        if points is None:
            raise ValueError(_("data points needs the points (none were given)"))
        return points_data(points)
    return generate(kind, config.data_seed, config.data_size, config.noise, config.train_percent)


def generate(kind, data_seed, size, noise, train_percent):
    """A generated set of `size` points (kind one of GENERATED), noise in percent, train_percent of the points (at
    least one) for training, drawn in the order of RandomState(data_seed) and split by its permutation."""
    rng = np.random.RandomState(data_seed)
    x1, x2, y = _GENERATORS[kind](rng, int(size), noise / 100.0)
    order = rng.permutation(len(y))
    n_train = max(1, min(len(y), round(len(y) * train_percent / 100.0)))
    train, test = order[:n_train], order[n_train:]
    A0 = np.stack([x1, x2]) * SCALE
    return Data(A0[:, train], y[train], A0[:, test], y[test])


def _circle(rng, n, noise):
    radius = 5.0
    x1, x2, y = np.empty(n), np.empty(n), np.empty(n)
    inner = n // 2
    for i in range(n):
        r = rng.uniform(0, radius * 0.5) if i < inner else rng.uniform(radius * 0.7, radius)
        sin, cos = sin_cos(rng.uniform(0, 2 * math.pi))
        x, z = r * sin, r * cos
        nx, nz = rng.uniform(-radius, radius) * noise, rng.uniform(-radius, radius) * noise
        x1[i], x2[i] = x, z
        # the label of the point moved by the noise (squared distances: no square root to round)
        y[i] = 1.0 if (x + nx) ** 2 + (z + nz) ** 2 < (radius * 0.5) ** 2 else 0.0
    return x1, x2, y


def _xor_cloud(rng, n, noise):
    padding = 0.3
    x1, x2, y = np.empty(n), np.empty(n), np.empty(n)
    for i in range(n):
        x = rng.uniform(-5, 5)
        x += padding if x > 0 else -padding
        z = rng.uniform(-5, 5)
        z += padding if z > 0 else -padding
        nx, nz = rng.uniform(-5, 5) * noise, rng.uniform(-5, 5) * noise
        x1[i], x2[i] = x, z
        y[i] = 1.0 if (x + nx) * (z + nz) < 0 else 0.0  # the signs differ: XOR's 1
    return x1, x2, y


def _gaussians(rng, n, noise):
    sd = math.sqrt(0.5 + noise * (4.0 - 0.5) / 0.5)  # TensorFlow Playground's variance, 0.5 to 4 as noise goes to 50 %
    half = n // 2
    y = np.concatenate([np.ones(half), np.zeros(n - half)])
    centre = np.where(y > 0.5, 2.0, -2.0)
    x1 = centre + sd * rng.standard_normal(n)
    x2 = centre + sd * rng.standard_normal(n)
    return x1, x2, y


def _spiral(rng, n, noise):
    half = n // 2
    x1, x2, y = np.empty(n), np.empty(n), np.empty(n)
    for i in range(n):
        arm, k, count = (0, i, half) if i < half else (1, i - half, n - half)
        r = k / count * 5
        sin, cos = sin_cos(1.75 * k / count * 2 * math.pi + arm * math.pi)
        x1[i] = r * sin + rng.uniform(-1, 1) * noise
        x2[i] = r * cos + rng.uniform(-1, 1) * noise
        y[i] = 1.0 - arm
    return x1, x2, y


def sin_cos(t):
    """(sin t, cos t) for t >= 0 in additions and multiplications only, so that they are the same bits in every
    runtime: math.sin differs in the last bit between CPython's C library and Pyodide's, and a data seed must give
    the same points in the browser and in a script. Within 1e-14 of math.sin and math.cos for t up to 25."""
    quarter = round(t / (math.pi / 2))
    r = t - quarter * (math.pi / 2)  # |r| <= pi/4
    r2 = r * r
    sin, cos, term_s, term_c = r, 1.0, r, 1.0
    for n in range(1, 12):
        term_s *= -r2 / ((2 * n) * (2 * n + 1))
        term_c *= -r2 / ((2 * n - 1) * (2 * n))
        sin, cos = sin + term_s, cos + term_c
    return ((sin, cos), (cos, -sin), (-sin, -cos), (-cos, sin))[quarter % 4]


_GENERATORS = {"circle": _circle, "xor_cloud": _xor_cloud, "gaussians": _gaussians, "spiral": _spiral}


NOT_A_NUMBER, NOT_FINITE, TOO_LARGE = "not_a_number", "not_finite", "too_large"  # what bounded_number finds wrong


def bounded_number(value, limit):
    """(value as a float, None) for a finite number (or a text of one) of at most limit in size, else (None, what is
    wrong: NOT_A_NUMBER, NOT_FINITE or TOO_LARGE), which number_refusal() puts in words."""
    if isinstance(value, (bool, np.bool_)):
        return None, NOT_A_NUMBER
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError, OverflowError):
        return None, NOT_A_NUMBER
    if not math.isfinite(number):
        return None, NOT_FINITE
    if abs(number) > limit:
        return None, TOO_LARGE
    return number, None


def number_refusal(wrong, name, value, limit, where=None):
    """The sentence for a student saying what bounded_number() found wrong (wrong) with the number value typed for
    name ("x1", "W0[0,1]"), where (if given) saying where it is ("point 3", "line 5")."""
    words = {"name": name, "value": repr(value), "limit": f"{limit:g}", "where": where}
    if where is None:
        if wrong == NOT_A_NUMBER:
            return _("{name} is not a number (got {value})").format(**words)
        if wrong == NOT_FINITE:
            return _("{name} must be a finite number (got {value})").format(**words)
        return _("{name} must be at most {limit} in size (got {value})").format(**words)
    if wrong == NOT_A_NUMBER:
        # Translators: {where} is "point 3" or "line 5", {name} x1 or x2.
        return _("{where}: {name} is not a number (got {value})").format(**words)
    if wrong == NOT_FINITE:
        return _("{where}: {name} must be a finite number (got {value})").format(**words)
    return _("{where}: {name} must be at most {limit} in size (got {value})").format(**words)


def check_point(x1, x2, y, where):
    """(x1, x2, y) as floats, or ValueError naming `where` ("point 3", "line 5", in the page's language) and what is
    wrong."""
    values = []
    for name, value in (("x1", x1), ("x2", x2)):
        number, wrong = bounded_number(value, COORDINATE_LIMIT)
        if wrong:
            raise ValueError(number_refusal(wrong, name, value, COORDINATE_LIMIT, where))
        values.append(number)
    label = bounded_number(y, 1)[0]
    if label not in (0.0, 1.0):
        raise ValueError(_("{where}: the class y must be 0 or 1 (got {value})").format(where=where, value=repr(y)))
    return values[0], values[1], label


def points_data(points):
    """Data from a list of points [x1, x2, y] or [x1, x2, y, test], checked: at most POINTS_LIMIT, every number
    finite, every class 0 or 1, at least one training point. ValueError naming the point (counted from 1)."""
    if not isinstance(points, (list, tuple)):
        raise ValueError(_("points must be a list of [x1, x2, y] (got {value})").format(value=repr(points)[:80]))
    if len(points) > POINTS_LIMIT:
        raise ValueError(_("at most {limit} points (got {n})").format(limit=POINTS_LIMIT, n=len(points)))
    train, test = [], []
    for i, point in enumerate(points, 1):
        if not isinstance(point, (list, tuple)) or len(point) not in (3, 4):
            raise ValueError(
                _("point {i} must be [x1, x2, y] or [x1, x2, y, test] (got {value})").format(
                    i=i, value=repr(point)[:80]
                )
            )
        # Translators: where a wrong number is, as in "point 3: x1 is not a number".
        row = check_point(point[0], point[1], point[2], _("point {i}").format(i=i))
        is_test = point[3] if len(point) == 4 else 0
        if is_test not in (0, 1):
            raise ValueError(
                _("point {i}: test must be 0 (a training point) or 1 (a test point) (got {value})").format(
                    i=i, value=repr(is_test)
                )
            )
        (test if is_test else train).append(row)
    if not train:
        raise ValueError(_("the points need at least one training point"))
    train_array = np.array(train, dtype=float).T
    test_array = np.array(test, dtype=float).reshape(-1, 3).T
    return Data(train_array[:2], train_array[2:], test_array[:2], test_array[2:])


def accuracy(A2, Y):
    """(right, total): the examples whose prediction A2 is on Y's side of 0.5."""
    right = np.where(Y > 0.5, A2 > 0.5, A2 < 0.5)
    return int(right.sum()), int(Y.shape[-1])
