"""The cost chart's geometry, computed in the worker: J against the step count, linear or log scale.

The history as (steps, costs), axis domains, nice ticks, tick labels, the curve as ONE SVG path-data
string and the text description, all for a canvas of a given CSS size. `chart` gathers them into the
plain dict that the page's cost chart (py/app/lab/cost_chart.py) paints: the page draws, it computes nothing,
and 2,000 points cost the worker a fraction of a millisecond where MicroPython would take about 15 ms.
"""

import math

import numpy as np

from shared.i18n import _

# Canvas margins around the plot area in CSS pixels: top, right, bottom, left.
MARGINS = (14, 16, 38, 56)
SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def history_points(history, start, stride, step, cost):
    """(steps, costs) as float arrays: history[i] is J at step start + i * stride.

    The current point (step, cost) is appended when the last history point is older, and replaces
    the last point's cost when it is at the same step (the current cost is the one to show).
    """
    costs = np.array(history, dtype=float).reshape(-1)
    steps = start + np.arange(costs.size, dtype=float) * stride
    if step is None:
        return steps, costs
    if costs.size and steps[-1] == step:
        costs[-1] = cost
    elif not costs.size or steps[-1] < step:
        steps = np.append(steps, float(step))
        costs = np.append(costs, float(cost))
    return steps, costs


def nice_step(span, max_ticks=6):
    """The smallest of 1, 2 or 5 times a power of ten giving at most max_ticks ticks over span."""
    if not span > 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(1, max_ticks - 1)
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * power >= raw * (1 - 1e-9):
            return m * power
    return 10.0 * power


def linear_ticks(lo, hi, max_ticks=6, min_step=0.0):
    """Multiples of a nice step (see nice_step, at least min_step) within [lo, hi], as floats."""
    step = max(nice_step(hi - lo, max_ticks), min_step)
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    # Multiply integers by the step (no accumulated error); round off the float noise of e.g. 3 * 0.1.
    return [round(k * step, 12) + 0.0 for k in range(first, last + 1)]


def log_ticks(lo, hi, max_ticks=6):
    """Powers of ten within [lo, hi] (lo, hi > 0); every k-th decade when there would be too many."""
    first = math.ceil(math.log10(lo) - 1e-9)
    last = math.floor(math.log10(hi) + 1e-9)
    if last < first:
        return []
    every = max(1, math.ceil((last - first) / max(1, max_ticks - 1)))
    start = first + (-first) % every  # keep 10^0 on the axis when it is in range
    return [10.0**k for k in range(start, last + 1, every)]


def y_domain(costs, log_scale):
    """(lo, hi) of the y axis for the finite costs (and, on a log scale, the positive ones).

    Linear: from 0 (or a nice value below a negative minimum) to the max rounded up to a nice tick.
    Log: from the decade at or below the smallest cost to the decade at or above the largest.
    """
    c = np.asarray(costs, dtype=float)
    c = c[np.isfinite(c)]
    if log_scale:
        c = c[c > 0]
        if not c.size:
            return 1e-4, 1.0
        lo = math.floor(math.log10(c.min()) + 1e-12)
        hi = math.ceil(math.log10(c.max()) - 1e-12)
        return 10.0**lo, 10.0 ** max(hi, lo + 1)
    if not c.size:
        return 0.0, 1.0
    lo, hi = min(0.0, float(c.min())), float(c.max())
    if hi <= lo:
        hi = lo + 1.0
    step = nice_step(hi - lo)
    return math.floor(lo / step + 1e-9) * step, math.ceil(hi / step - 1e-9) * step


def x_domain(steps):
    """(first, last) step shown on the x axis; at least one step wide."""
    s = np.asarray(steps, dtype=float)
    if not s.size:
        return 0.0, 1.0
    first, last = float(s.min()), float(s.max())
    return first, max(last, first + 1.0)


def tick_label(value, log_scale=False, step=1.0):
    """Text of a tick: 10 to a superscript power on a log axis; on a linear one, as many decimals
    as the tick step needs, and k / M for thousands / millions from 10 000 on."""
    if log_scale:
        return "10" + str(round(math.log10(value))).translate(SUPERSCRIPT)
    if abs(value) >= 1e6 and step >= 1e5:
        return f"{value / 1e6:g}M"
    if abs(value) >= 1e4 and step >= 1e3:
        return f"{value / 1e3:g}k"
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0
    return f"{value:.{decimals}f}"


def plot_area(width, height, margins=MARGINS):
    """(left, top, right, bottom) of the plot area in CSS pixels, y downward."""
    top, right, bottom, left = margins
    return float(left), float(top), float(max(left + 1, width - right)), float(max(top + 1, height - bottom))


def scale_x(steps, x_range, area):
    left, _top, right, _bottom = area
    x0, x1 = x_range
    return left + (np.asarray(steps, dtype=float) - x0) * ((right - left) / (x1 - x0))


def scale_y(costs, y_range, area, log_scale):
    """Costs -> canvas y (y = 0 at the top); non-finite (or, on a log scale, non-positive) -> NaN."""
    _left, top, _right, bottom = area
    c = np.asarray(costs, dtype=float)
    lo, hi = y_range
    with np.errstate(all="ignore"):
        if log_scale:
            c = np.where(c > 0, np.log10(np.where(c > 0, c, 1.0)), np.nan)
            lo, hi = math.log10(lo), math.log10(hi)
        y = bottom - (c - lo) * ((bottom - top) / (hi - lo))
    y[~np.isfinite(y)] = np.nan
    return y


def min_max_per_column(x, y, segment):
    """Indexes (sorted) of the points to keep so that each pixel column of each subpath keeps its lowest
    and highest point, plus every subpath's first and last point: the drawn curve looks the same, with
    at most about two points per column. x must not decrease; segment numbers the subpaths."""
    n = x.size
    column = np.floor(x).astype(np.int64)
    new_group = np.empty(n, dtype=bool)
    new_group[0] = True
    np.not_equal(column[1:], column[:-1], out=new_group[1:])
    new_segment = np.empty(n, dtype=bool)
    new_segment[0] = True
    np.not_equal(segment[1:], segment[:-1], out=new_segment[1:])
    new_group |= new_segment
    starts = np.flatnonzero(new_group)
    ends = np.append(starts[1:], n) - 1
    order = np.lexsort((y, np.cumsum(new_group)))  # by group, then by y within it
    segment_starts = np.flatnonzero(new_segment)
    segment_ends = np.append(segment_starts[1:], n) - 1
    return np.unique(np.concatenate([order[starts], order[ends], segment_starts, segment_ends]))


def cost_path(steps, costs, width, height, log_scale=False, x_range=None, y_range=None, margins=MARGINS, decimate=True):
    """SVG path data for the cost curve in a width x height canvas (CSS pixels, y = 0 at the top).

    Coordinates are rounded to tenths of a pixel and clipped to the plot area inside margins
    (top, right, bottom, left). A point whose cost is not finite (or not positive on a log scale)
    is skipped and the next drawable point starts a new subpath with "M". x_range and y_range
    default to x_domain(steps) and y_domain(costs, log_scale). With more than three points per pixel
    column (and decimate), only each column's lowest and highest points are kept (min_max_per_column).
    Format: "M12.0 34.5L56.7 89.0L...", one "M" per run of drawable points.
    """
    steps = np.asarray(steps, dtype=float).reshape(-1)
    costs = np.asarray(costs, dtype=float).reshape(-1)
    if steps.size != costs.size:
        raise ValueError(f"{steps.size} steps but {costs.size} costs")
    if not steps.size:
        return ""
    area = left, top, right, bottom = plot_area(width, height, margins)
    x = scale_x(steps, x_range or x_domain(steps), area)
    y = scale_y(costs, y_range or y_domain(costs, log_scale), area, log_scale)
    drawable = np.isfinite(x) & np.isfinite(y)
    points = np.flatnonzero(drawable)
    if not points.size:
        return ""
    segment = np.cumsum(~drawable)[points]  # subpath number: how many gaps came before
    x = np.clip(x[points], left, right)
    y = np.clip(y[points], top, bottom)
    if decimate and points.size > 3 * (right - left):  # below that, decimating costs more than it saves
        keep = min_max_per_column(x, y, segment)
        x, y, segment = x[keep], y[keep], segment[keep]
    # Tenths of a pixel as integers, then "%d.%d" formatting: one C-level % per subpath, no per-point Python.
    digits = np.empty((x.size, 4), dtype=np.int64)
    digits[:, 0], digits[:, 1] = np.divmod(np.rint(x * 10).astype(np.int64), 10)
    digits[:, 2], digits[:, 3] = np.divmod(np.rint(y * 10).astype(np.int64), 10)
    firsts = np.flatnonzero(np.concatenate(([True], segment[1:] != segment[:-1]))).tolist() + [x.size]
    pieces = []
    for first, stop in zip(firsts[:-1], firsts[1:]):
        template = "M%d.%d %d.%d" + "L%d.%d %d.%d" * (stop - first - 1)
        pieces.append(template % tuple(digits[first:stop].ravel().tolist()))
    return "".join(pieces)


def format_cost(value):
    """A cost to 3 significant figures for text ("0.125", "0.000312", "NaN", "infinity")."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return _("infinity") if value > 0 else _("minus infinity")
    return f"{value:.3g}"


def describe_costs(steps, costs, name=None):
    """A sentence for the chart's aria-label, e.g. "Cost J fell from 0.125 at step 0 to 0.000312 at step 1000."
    (name "The test cost J" for the test curve; "Cost J" when None), in the page's language."""
    steps = np.asarray(steps, dtype=float).reshape(-1)
    costs = np.asarray(costs, dtype=float).reshape(-1)
    if name is None:
        # Translators: the subject of the cost chart's descriptions ("Cost J fell from 0.125 at step 0 to ...").
        name = _("Cost J")
    if not costs.size:
        # Translators: in the descriptions of a cost curve, {name} is the curve ("Cost J", "The training cost J",
        # "The test cost J", "the median cost J"), {cost}, {first} and {last} are costs, the steps are step numbers.
        return _("{name}: no steps yet.").format(name=name)
    finite = np.flatnonzero(np.isfinite(costs))
    last_step, last = int(steps[-1]), float(costs[-1])
    if not finite.size:
        return _("{name} is {cost} at step {step}: the training diverged.").format(
            name=name, cost=format_cost(last), step=last_step
        )
    first_step, first = int(steps[finite[0]]), float(costs[finite[0]])
    values = {
        "name": name,
        "first": format_cost(first),
        "first_step": first_step,
        "last": format_cost(last),
        "last_step": last_step,
    }
    if not math.isfinite(last):
        return _(
            "{name} went from {first} at step {first_step} to {last} at step {last_step}: the training diverged."
        ).format(**values)
    if last_step == first_step:
        return _("{name} is {cost} at step {step}.").format(name=name, cost=format_cost(last), step=last_step)
    if format_cost(last) == format_cost(first):
        return _("{name} stayed at {last} from step {first_step} to step {last_step}.").format(**values)
    if last < first:
        return _("{name} fell from {first} at step {first_step} to {last} at step {last_step}.").format(**values)
    return _("{name} rose from {first} at step {first_step} to {last} at step {last_step}.").format(**values)


def run_points(run):
    """(steps, costs) of a Run: its history (start and stride when the Run keeps them) and current point."""
    return history_points(
        run.history, getattr(run, "history_start", 0), getattr(run, "history_stride", 1), run.step, run.cost
    )


def run_test_costs(run):
    """The test costs of a Run at run_points' steps (NaN where it had no test points yet), or None when it has no
    test curve (no test points: an empty test_history)."""
    if not getattr(run, "test_history", None):
        return None
    start, stride = getattr(run, "history_start", 0), getattr(run, "history_stride", 1)
    return history_points(run.test_history, start, stride, run.step, run.test_cost())[1]


def chart(steps, costs, width, height, log_scale=False, test_costs=None):
    """Everything the page paints for a width x height (CSS pixels) cost chart, as plain values:

    area [left, top, right, bottom]; x_ticks and y_ticks as [position, label] pairs; the y-axis title;
    path, the curve's SVG path data; point, the current point [x, y] clamped into the area, or None
    when the last cost cannot be drawn; alert, a note for a last cost that is not finite; label, the
    chart's description for its aria-label. With test_costs (the test cost at each of steps), test_path is the
    test curve's path data on the same axes (the y axis covering both curves) and legend names the two curves;
    without, both are None.
    """
    steps = np.asarray(steps, dtype=float).reshape(-1)
    costs = np.asarray(costs, dtype=float).reshape(-1)
    area = left, top, right, bottom = plot_area(width, height)
    both = costs if test_costs is None else np.concatenate([costs, np.asarray(test_costs, dtype=float).reshape(-1)])
    x_range, y_range = x_domain(steps), y_domain(both, log_scale)
    x_ticks = linear_ticks(*x_range, max_ticks=max(2, min(7, int((right - left) // 70))), min_step=1.0)
    x_step = (x_ticks[1] - x_ticks[0]) if len(x_ticks) > 1 else 1.0
    y_ticks = log_ticks(*y_range) if log_scale else linear_ticks(*y_range, max_ticks=6)
    y_step = (y_ticks[1] - y_ticks[0]) if len(y_ticks) > 1 else 1.0
    xs = scale_x(x_ticks, x_range, area).tolist()
    ys = scale_y(y_ticks, y_range, area, log_scale).tolist()
    point = alert = None
    if steps.size:
        last_x = float(scale_x(steps[-1:], x_range, area)[0])
        last_y = float(scale_y(costs[-1:], y_range, area, log_scale)[0])
        if math.isfinite(last_y):
            point = [round(min(last_x, right), 1), round(min(max(last_y, top), bottom), 1)]
        elif not math.isfinite(costs[-1]):
            alert = _("J is {cost} at step {step}").format(cost=format_cost(float(costs[-1])), step=int(steps[-1]))
    test_path = legend = None
    if test_costs is None:
        label = describe_costs(steps, costs)
    else:
        test_costs = np.asarray(test_costs, dtype=float).reshape(-1)
        test_path = cost_path(steps, test_costs, width, height, log_scale, x_range, y_range)
        legend = [_("train cost J"), _("test cost J")]
        known = np.flatnonzero(~np.isnan(test_costs))  # NaN: no test points yet at that step
        since = known[0] if known.size else test_costs.size
        label = describe_costs(steps, costs, _("The training cost J")) + " "
        label += describe_costs(steps[since:], test_costs[since:], _("The test cost J"))
    return {
        "area": list(area),
        "x_ticks": [[round(x, 1), tick_label(value, False, x_step)] for x, value in zip(xs, x_ticks)],
        "y_ticks": [[round(y, 1), tick_label(value, log_scale, y_step)] for y, value in zip(ys, y_ticks)],
        "y_title": _("cost J (log)") if log_scale else _("cost J"),
        "path": cost_path(steps, costs, width, height, log_scale, x_range, y_range),
        "test_path": test_path,
        "legend": legend,
        "point": point,
        "alert": alert,
        "label": label + (" " + _("Log scale.") if log_scale else ""),
    }
