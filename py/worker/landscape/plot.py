"""The cost landscape: J over a plane through the current parameters, as plain values for the page to paint.

The plane is spanned by two directions in parameter space (theta: W0, b0, W1, b1 flattened, as Run.theta):
two parameters the student picks ("W1[0,0]", "b0[1,0]"), each moved alone, or two random orthonormal
directions (the same for every call: a fixed seed). J is computed for every pixel of an R x R grid in ONE
forward pass of R*R networks (backprop.forward takes parameters with a leading K axis), coloured by log J;
contour lines, the current point (the centre) and the training trajectory projected onto the plane
(theta - theta_now dotted with each direction) come in canvas pixels for the size asked.
"""

import math
import re

import numpy as np

from backprop import forward, param_shapes
from backprop.config import whole_number
from plots.cost_chart import format_cost, linear_ticks, log_ticks, tick_label
from plots.plain import plain
from plots.surface import LUT_STEPS, colour_table
from shared.i18n import _, ngettext
from shared.limits import SPAN_MAX

MARGINS = (10, 12, 40, 52)  # top, right, bottom, left, CSS pixels
RESOLUTION_RANGE = (2, 128)
ELEMENT_BUDGET = 1 << 20  # numbers in one layer's array (networks x units x examples) of one forward pass
RANDOM_SEED = 0
CONTOURS = 6  # about this many contour levels, at nice steps of log10 J
COORDINATE = re.compile(r"^\s*(W0|b0|W1|b1)\s*\[\s*(\d+)\s*,\s*(\d+)\s*\]\s*$")

# Viridis (dark purple at the lowest J, yellow at the highest): ordered in lightness, readable with the
# common colour-vision deficiencies and in greyscale.
COLOR_STOPS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
COLOR_VALUES = np.array([[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]], dtype=float)
NAN_RGBA = (150, 150, 150, 255)  # J not a number (a diverged network)
_LUT = colour_table(COLOR_STOPS, COLOR_VALUES)


def coordinate(text, n_h):
    """(index into theta, normalised name) of a parameter written like "W1[0,1]"."""
    match = COORDINATE.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(
            _(
                "{text} is not a parameter: write W0[i,j], b0[i,0], W1[0,j] or b1[0,0] (or choose random directions)"
            ).format(text=repr(text))
        )
    name, i, j = match.group(1), int(match.group(2)), int(match.group(3))
    start = 0
    for other, (rows, cols) in param_shapes(n_h).items():
        if other == name:
            if i >= rows or j >= cols:
                raise ValueError(
                    ngettext(
                        "{entry} is not in this network: with {n_h} hidden unit, {name} has rows 0 to {last_row} and "
                        "columns 0 to {last_column}",
                        "{entry} is not in this network: with {n_h} hidden units, {name} has rows 0 to {last_row} and "
                        "columns 0 to {last_column}",
                        n_h,
                    ).format(entry=f"{name}[{i},{j}]", n_h=n_h, name=name, last_row=rows - 1, last_column=cols - 1)
                )
            return start + i * cols + j, f"{name}[{i},{j}]"
        start += rows * cols
    raise AssertionError(f"{name} is not a parameter of the model")  # COORDINATE admits only W0, b0, W1, b1


def random_directions(size, seed=RANDOM_SEED):
    """Two orthonormal directions in a parameter space of `size` dimensions, by Gram-Schmidt on two Gaussian
    vectors from a fixed seed (the same on every machine: no LAPACK sign conventions involved)."""
    g1, g2 = np.random.RandomState(seed).randn(2, size)
    d1 = g1 / np.sqrt(g1 @ g1)
    d2 = g2 - (g2 @ d1) * d1
    return d1, d2 / np.sqrt(d2 @ d2)


def is_random(axes):
    """Whether axes asks for the two random directions: "random" (or ["random"], ["random", "random"])."""
    return axes == "random" or (isinstance(axes, (list, tuple)) and list(axes) in (["random"], ["random", "random"]))


def directions(axes, n_h):
    """(d1, d2, [name 1, name 2]) for axes: "random", or two parameters like ["W1[0,0]", "W1[0,1]"]."""
    size = sum(rows * cols for rows, cols in param_shapes(n_h).values())
    if is_random(axes):
        d1, d2 = random_directions(size)
        # Translators: the axes of the cost landscape along two random directions in parameter space.
        return d1, d2, [_("direction 1"), _("direction 2")]
    if not isinstance(axes, (list, tuple)) or len(axes) != 2:
        raise ValueError(
            _("the axes must be two parameters like W1[0,0] and W1[0,1], or random (got {axes})").format(
                axes=repr(axes)
            )
        )
    (i1, name1), (i2, name2) = coordinate(axes[0], n_h), coordinate(axes[1], n_h)
    if i1 == i2:
        raise ValueError(_("both axes are {name}: choose two different parameters").format(name=name1))
    d1, d2 = np.zeros(size), np.zeros(size)
    d1[i1] = d2[i2] = 1.0
    return d1, d2, [name1, name2]


def check_span(span):
    try:
        value = float(span)
    except (TypeError, ValueError):
        value = math.nan
    if isinstance(span, bool) or not (math.isfinite(value) and 0 < value <= SPAN_MAX):
        raise ValueError(
            _("the range must be a number greater than 0 and at most {limit} (got {span})").format(
                limit=f"{SPAN_MAX:g}", span=repr(span)
            )
        )
    return value


def unflatten_batch(thetas, n_h):
    """W0, b0, W1, b1 with a leading K axis from parameter vectors of shape (K, P)."""
    params, start = {}, 0
    for name, (rows, cols) in param_shapes(n_h).items():
        params[name] = thetas[:, start : start + rows * cols].reshape(-1, rows, cols)
        start += rows * cols
    return params


def offsets(span, resolution):
    """Pixel centres along one axis from -span to span, in order."""
    return -span + (np.arange(resolution) + 0.5) * (2 * span / resolution)


def grid_costs(run, d1, d2, span, resolution):
    """J on run's training examples (run.A0, run.Y) at theta + a*d1 + b*d2 for each pixel: shape (R, R), row 0
    the top (the largest b), column 0 the left (the smallest a). Forward passes of many networks at once, as many
    as keep each layer's array within ELEMENT_BUDGET numbers (all R*R of them for a truth table)."""
    R, c = resolution, run.config
    a = np.tile(offsets(span, R), R)
    b = np.repeat(offsets(span, R)[::-1], R)
    thetas = run.theta[None, :] + a[:, None] * d1[None, :] + b[:, None] * d2[None, :]
    chunk = max(1, ELEMENT_BUDGET // (c.n_h * run.Y.shape[-1]))
    J = np.empty(R * R)
    with np.errstate(all="ignore"):
        for start in range(0, R * R, chunk):
            params = unflatten_batch(thetas[start : start + chunk], c.n_h)
            J[start : start + chunk] = forward(params, run.A0, run.Y, c.activation, c.cost)["J"]
    return J.reshape(R, R)


def colour(log_J, lo, hi):
    """RGBA bytes of log10 J on the colour scale from lo to hi (NaN grey)."""
    nan = ~np.isfinite(log_J)
    t = np.clip((np.where(nan, lo, log_J) - lo) / (hi - lo), 0.0, 1.0) if hi > lo else np.full(log_J.shape, 0.5)
    rgba = np.take(_LUT, np.rint(t * LUT_STEPS).astype(np.intp).reshape(-1), axis=0)
    rgba[nan.reshape(-1)] = NAN_RGBA
    return rgba.tobytes()


def square_area(width, height):
    """(left, top, side) of the largest square plot area inside the margins."""
    top, right, bottom, left = MARGINS
    side = max(1.0, min(width - left - right, height - top - bottom))
    return float(left), float(top), float(side)


def _path(x, y):
    """SVG path data through the points, a new subpath after each non-finite one."""
    pieces, pen_down = [], False
    for px, py in zip(x.tolist(), y.tolist()):
        if math.isfinite(px) and math.isfinite(py):
            pieces.append(f"{'L' if pen_down else 'M'}{px:.1f} {py:.1f}")
            pen_down = True
        else:
            pen_down = False
    return "".join(pieces)


# Marching squares: which cell edges a contour joins for each case (corners above the level: top-left 8,
# top-right 4, bottom-right 2, bottom-left 1); the saddles 5 and 10 get two segments.
EDGE_PAIRS = {
    ("left", "bottom"): (1, 14, 10),
    ("bottom", "right"): (2, 13, 5),
    ("left", "right"): (3, 12),
    ("top", "right"): (4, 11, 10),
    ("top", "bottom"): (6, 9),
    ("top", "left"): (7, 8, 5),
}
_PAIR_CASES = {pair: np.isin(np.arange(16), cases) for pair, cases in EDGE_PAIRS.items()}  # case -> bool


def contour_path(F, level, x, y):
    """SVG path data of the level set F = level, one "M..L.." segment per grid cell crossed. F has shape (R, R);
    x (R,) and y (R,) are the canvas coordinates of its columns and rows."""
    with np.errstate(invalid="ignore"):
        above = level < F
    case = above[:-1, :-1] * 8 + above[:-1, 1:] * 4 + above[1:, 1:] * 2 + above[1:, :-1] * 1
    with np.errstate(all="ignore"):

        def cross(Fa, Fb):
            return (level - Fa) / (Fb - Fa)

        X, Y = np.meshgrid(x, y)
        edges = {
            "top": (X[:-1, :-1] + cross(F[:-1, :-1], F[:-1, 1:]) * np.diff(x)[None, :], Y[:-1, :-1]),
            "bottom": (X[1:, :-1] + cross(F[1:, :-1], F[1:, 1:]) * np.diff(x)[None, :], Y[1:, :-1]),
            "left": (X[:-1, :-1], Y[:-1, :-1] + cross(F[:-1, :-1], F[1:, :-1]) * np.diff(y)[:, None]),
            "right": (X[:-1, 1:], Y[:-1, 1:] + cross(F[:-1, 1:], F[1:, 1:]) * np.diff(y)[:, None]),
        }
    segments = []
    for (a, b), in_case in _PAIR_CASES.items():
        cells = in_case[case]
        points = np.stack([edges[a][0][cells], edges[a][1][cells], edges[b][0][cells], edges[b][1][cells]], axis=1)
        segments.append(points[np.isfinite(points).all(axis=1)])
    points = np.concatenate(segments)
    tenths = np.rint(points * 10).astype(np.int64)
    digits = np.stack(np.divmod(tenths, 10), axis=2)  # x, y, x, y as (whole, tenth) pairs
    return ("M%d.%d %d.%dL%d.%d %d.%d" * len(digits)) % tuple(digits.ravel().tolist())


def _axis(name, centre, span, lo_px, hi_px):
    """An axis from centre - span (at lo_px) to centre + span (at hi_px), with nice ticks."""
    lo, hi = centre - span, centre + span
    ticks = linear_ticks(lo, hi, 5)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else span
    return {
        "name": name,
        "lo": lo,
        "hi": hi,
        "ticks": [
            [round(lo_px + (t - lo) / (hi - lo) * (hi_px - lo_px), 1), tick_label(t, False, step)] for t in ticks
        ],
    }


def landscape(run, trajectory=None, axes="random", span=1.0, resolution=64, size=(320, 320)):
    """J over the plane through run's parameters, for a canvas of size (width, height) CSS pixels.

    trajectory: parameter vectors along the training, shape (T, P) (Session.trajectory()'s second value),
    or None. Returns {"image": RGBA bytes, R*R*4, row 0 the top; "resolution"; "area": [left, top, right,
    bottom] (square) where the image goes; "legend": {"lo", "hi", "stops": [[fraction, "#rrggbb"]], "ticks":
    [[fraction, label]], "title"}; "contours": [{"level", "label", "path"}]; "point": [x, y]; "J": J there;
    "trajectory": path data; "start": [x, y] of its first point or None; "axes": {"x": {...}, "y": {...}}
    with name, lo, hi and ticks [[pixel, label]]; "label": a sentence for the canvas's aria-label}.
    """
    span = check_span(span)
    R = whole_number("the resolution", resolution, *RESOLUTION_RANGE)
    d1, d2, names = directions(axes, run.config.n_h)
    J = grid_costs(run, d1, d2, span, R)
    with np.errstate(all="ignore"):
        log_J = np.log10(J)
    finite = np.isfinite(log_J)
    lo, hi = (float(log_J[finite].min()), float(log_J[finite].max())) if finite.any() else (0.0, 0.0)

    left, top, side = square_area(*size)
    centres = (np.arange(R) + 0.5) * (side / R)
    px, py = left + centres, top + centres
    levels = [v for v in linear_ticks(lo, hi, CONTOURS) if lo < v < hi] if hi > lo else []
    contours = [
        {"level": 10.0**v, "label": "J = " + format_cost(10.0**v), "path": contour_path(log_J, v, px, py)}
        for v in levels
    ]

    centre_x, centre_y = left + side / 2, top + side / 2
    thetas = np.empty((0, run.theta.size)) if trajectory is None else np.asarray(trajectory, dtype=float)
    thetas = thetas.reshape(-1, run.theta.size)
    with np.errstate(all="ignore"):
        a, b = (thetas - run.theta) @ d1, (thetas - run.theta) @ d2
        tx, ty = centre_x + a / span * side / 2, centre_y - b / span * side / 2
    inside = (np.abs(a) <= span) & (np.abs(b) <= span)
    tx, ty = np.where(inside, tx, np.nan), np.where(inside, ty, np.nan)
    start = [round(float(tx[0]), 1), round(float(ty[0]), 1)] if thetas.size and inside[0] else None

    x_centre, y_centre = (
        (0.0, 0.0) if is_random(axes) else (float(run.theta[d1.argmax()]), float(run.theta[d2.argmax()]))
    )
    axes_out = {
        "x": _axis(names[0], x_centre, span, left, left + side),
        "y": _axis(names[1], y_centre, span, top + side, top),
    }
    legend_ticks = (
        [[(math.log10(v) - lo) / (hi - lo), tick_label(v, True)] for v in log_ticks(10**lo, 10**hi)] if hi > lo else []
    )
    if len(legend_ticks) < 2:
        legend_ticks = [[0.0, format_cost(10**lo)], [1.0, format_cost(10**hi)]] if finite.any() else []
    return {
        "image": colour(log_J, lo, hi),
        "resolution": R,
        "area": [left, top, left + side, top + side],
        "legend": {
            "lo": 10**lo if finite.any() else None,
            "hi": 10**hi if finite.any() else None,
            "stops": [
                [float(s), "#%02x%02x%02x" % tuple(int(c) for c in v)] for s, v in zip(COLOR_STOPS, COLOR_VALUES)
            ],
            "ticks": [[round(f, 4), text] for f, text in legend_ticks],
            "title": _("cost J (log scale)"),
        },
        "contours": contours,
        "point": [round(centre_x, 1), round(centre_y, 1)],
        "J": plain(run.cost),
        "trajectory": _path(tx, ty),
        "start": start,
        "axes": axes_out,
        "label": describe(names, axes_out, J, run.cost, int(inside.sum()), len(thetas)),
    }


def describe(names, axes, J, J_now, inside, total):
    """A sentence or three for the landscape's aria-label."""
    x, y = axes["x"], axes["y"]
    values = {
        "x": names[0],
        "x_lo": f"{x['lo']:.3g}",
        "x_hi": f"{x['hi']:.3g}",
        "y": names[1],
        "y_lo": f"{y['lo']:.3g}",
        "y_hi": f"{y['hi']:.3g}",
    }
    finite = np.isfinite(J)
    if not finite.any():
        return _(
            "Cost landscape: J over {x} from {x_lo} to {x_hi} (across) and {y} from {y_lo} to {y_hi} (up): J is not a "
            "number anywhere here (the training diverged), shown in grey."
        ).format(**values)
    low = np.unravel_index(np.argmin(np.where(finite, J, np.inf)), J.shape)
    R = J.shape[0]
    at_x = x["lo"] + (low[1] + 0.5) / R * (x["hi"] - x["lo"])
    at_y = y["hi"] - (low[0] + 0.5) / R * (y["hi"] - y["lo"])
    text = _(
        "Cost landscape: J over {x} from {x_lo} to {x_hi} (across) and {y} from {y_lo} to {y_hi} (up), coloured on a "
        "log scale from dark (J {low}) to yellow (J {high}). The current parameters, at the centre, have J {now}; the "
        "lowest J on the grid is at {x} {at_x}, {y} {at_y}."
    ).format(
        low=format_cost(float(J[finite].min())),
        high=format_cost(float(J[finite].max())),
        now=format_cost(float(J_now)),
        at_x=f"{at_x:.3g}",
        at_y=f"{at_y:.3g}",
        **values,
    )
    if total:
        text += " " + ngettext(
            "{inside} of the {total} point of the training path lies in this range.",
            "{inside} of the {total} points of the training path lie in this range.",
            total,
        ).format(inside=inside, total=total)
    return text
