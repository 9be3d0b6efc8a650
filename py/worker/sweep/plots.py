"""The Many seeds view's plots as geometry in CSS pixels, for the page to paint without maths: the histogram
of the final cost (log scale), the cost curves of the networks with their median, and the histogram of the
steps to solve. Each maker returns (geometry, hits): geometry is plain JSON-able values, hits answers
pick(x, y) for a pointer on that plot.
"""

import math

import numpy as np

from plots.cost_chart import (
    MARGINS,
    cost_path,
    describe_costs,
    format_cost,
    linear_ticks,
    log_ticks,
    nice_step,
    plot_area,
    scale_x,
    scale_y,
    tick_label,
    y_domain,
)
from shared.i18n import _, ngettext
from shared.sweep_words import CATEGORIES

FLOOR = 1e-16  # a cost below this (0 included) is drawn and binned as this, so a log axis can show it
SEEDS_PER_BAR = 20
CURVES_SHOWN = 80  # about this many curves drawn (each category gets at least MIN_SHOWN of its own)
MIN_SHOWN = 10
PX_PER_POINT = 5.0  # a drawn curve keeps one point per this many pixels across
PICK_RADIUS = 8.0
LOG_BIN_WIDTHS = (0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)  # in decades


def _r(value):
    return round(float(value), 1)


def polylines(x, ys):
    """SVG path data with one subpath per row of ys (pixels, shape (m, n)) over the columns x (n,); a row
    stops at its first non-finite value. Coordinates in tenths of a pixel, as cost_curve.cost_path writes
    them; a point in the middle of a level run (same y as both neighbours) is left out, as it adds nothing."""
    finite = np.isfinite(ys)
    lengths = np.where(finite.all(axis=1), ys.shape[1], np.argmin(finite, axis=1))
    tenths_y = np.rint(np.where(finite, ys, -1.0) * 10).astype(np.int64)
    keep = np.ones(ys.shape, dtype=bool)
    keep[:, 1:-1] = (tenths_y[:, 1:-1] != tenths_y[:, :-2]) | (tenths_y[:, 1:-1] != tenths_y[:, 2:])
    digits = np.empty(ys.shape + (4,), dtype=np.int64)
    digits[..., 0], digits[..., 1] = np.divmod(np.rint(np.broadcast_to(x, ys.shape) * 10).astype(np.int64), 10)
    digits[..., 2], digits[..., 3] = np.divmod(tenths_y, 10)
    pieces = []
    for row, kept, n in zip(digits, keep, lengths.tolist()):
        if n:
            points = row[:n][kept[:n]]
            pieces.append(("M%d.%d %d.%d" + "L%d.%d %d.%d" * (len(points) - 1)) % tuple(points.ravel().tolist()))
    return "".join(pieces)


def count_words(category, n):
    """A bar's networks of a category, in its description: "3 solved" (the bar's label joins them: "3 solved, 2
    stuck")."""
    if category == "solved":
        return ngettext("{n} solved", "{n} solved", n).format(n=n)
    if category == "training":
        # Translators: networks still training (not solved, J still falling), as a bar of the sweep's histograms
        # counts them.
        return ngettext("{n} training", "{n} training", n).format(n=n)
    if category == "stuck":
        return ngettext("{n} stuck", "{n} stuck", n).format(n=n)
    return ngettext("{n} diverged", "{n} diverged", n).format(n=n)


def _count_ticks(area, largest):
    """(top of the count axis, its ticks as [y, label]) for counts up to largest."""
    _left, top, _right, bottom = area
    step = max(1.0, nice_step(max(largest, 1), 5))
    hi = math.ceil(max(largest, 1) / step - 1e-9) * step
    ticks = linear_ticks(0.0, hi, 5, min_step=step)
    return hi, [[_r(bottom - t * (bottom - top) / hi), tick_label(t, False, step)] for t in ticks]


def _bars(index, category, seeds, n_bins, area, describe_bin):
    """Bars of a histogram: index[k] is network k's bin (or -1: not shown), stacked by category."""
    left, top, right, bottom = area
    shown = index >= 0
    counts = np.bincount(index[shown] * len(CATEGORIES) + category[shown], minlength=n_bins * len(CATEGORIES)).reshape(
        n_bins, len(CATEGORIES)
    )
    totals = counts.sum(axis=1)
    hi, y_ticks = _count_ticks(area, int(totals.max(initial=0)))
    per_count = (bottom - top) / hi
    width = (right - left) / n_bins
    gap = 1.0 if width >= 4 else 0.0
    members = np.flatnonzero(shown)
    members = members[np.argsort(index[members], kind="stable")]  # by bin, seeds ascending within each
    starts = np.searchsorted(index[members], np.arange(n_bins))
    bars = []
    for i in np.flatnonzero(totals).tolist():
        parts, base = [], bottom
        for c, name in enumerate(CATEGORIES):
            n = int(counts[i, c])
            if n:
                parts.append([name, _r(base - n * per_count), _r(n * per_count)])
                base -= n * per_count
        words = ", ".join(count_words(name, int(counts[i, c])) for c, name in enumerate(CATEGORIES) if counts[i, c])
        total = int(totals[i])
        x = left + i * width
        bars.append(
            {
                "x": _r(x),
                "y": _r(bottom - total * per_count),
                "w": _r(width - gap),
                "h": _r(total * per_count),
                "x1": _r(x + width),
                "count": total,
                "parts": parts,
                "seeds": seeds[members[starts[i] : starts[i] + min(total, SEEDS_PER_BAR)]].tolist(),
                "label": ngettext("{bin}: {n} network ({counts})", "{bin}: {n} networks ({counts})", total).format(
                    bin=describe_bin(i), n=total, counts=words
                ),
            }
        )
    return bars, y_ticks


class BarHits:
    """pick() for a histogram: the bar whose bin is under x, anywhere from the plot's top to its bottom."""

    def __init__(self, bars, area):
        self.bars, self.area = bars, area

    def pick(self, x, y):
        _left, top, _right, bottom = self.area
        if not top <= y <= bottom:
            return None
        for bar in self.bars:
            if bar["x"] <= x < bar["x1"]:
                return {"seed": bar["seeds"][0], "seeds": bar["seeds"], "label": bar["label"]}
        return None


def _histogram(index, category, seeds, n_bins, width, height, describe_bin, x_ticks, x_title, describe, note):
    """describe(shown, tallest) -> the histogram's description: shown networks, the tallest bar's label (None when
    there are no bars)."""
    area = plot_area(width, height, MARGINS)
    bars, y_ticks = _bars(index, category, seeds, n_bins, area, describe_bin)
    shown = int(np.count_nonzero(index >= 0))
    if bars:
        tallest = max(bars, key=lambda bar: bar["count"])
        label = describe(shown, tallest["label"])
    else:
        label = describe(shown, None)
    geometry = {
        "area": [_r(v) for v in area],
        "bars": bars,
        "x_ticks": x_ticks,
        "y_ticks": y_ticks,
        "x_title": x_title,
        # Translators: the title of the count axis of the sweep's histograms.
        "y_title": _("networks"),
        "note": note,
        "label": label + (f" {note}." if note else ""),
    }
    return geometry, BarHits(bars, area)


def cost_histogram(costs, category, seeds, width, height):
    """The final cost J of every network that has not diverged, binned on a log scale."""
    area = left, _top, right, _bottom = plot_area(width, height, MARGINS)
    diverged = category == CATEGORIES.index("diverged")
    logs = np.log10(np.maximum(np.where(diverged, 1.0, costs), FLOOR))
    lo, hi = (round(math.log10(v)) for v in y_domain(np.power(10.0, logs[~diverged]), True))
    max_bins = max(1, min(40, int((right - left) // 8)))
    bin_width = next((w for w in LOG_BIN_WIDTHS if (hi - lo) / w <= max_bins + 1e-9), LOG_BIN_WIDTHS[-1])
    n_bins = max(1, math.ceil((hi - lo) / bin_width - 1e-9))
    index = np.clip(np.floor((logs - lo) / bin_width + 1e-9).astype(np.intp), 0, n_bins - 1)
    index[diverged] = -1
    x_range = (lo, lo + n_bins * bin_width)
    decades = [math.log10(v) for v in log_ticks(10.0**lo, 10.0 ** x_range[1], max(2, int((right - left) // 60)))]
    x_ticks = [[_r(x), tick_label(10.0**d, True)] for x, d in zip(scale_x(decades, x_range, area), decades)]

    def describe_bin(i):
        low, high = 10.0 ** (lo + i * bin_width), 10.0 ** (lo + (i + 1) * bin_width)
        return _("J from {low} to {high}").format(low=format_cost(low), high=format_cost(high))

    def describe(shown, tallest):
        if tallest is None:
            return _("Histogram of the final cost J (log scale): no networks to show yet.")
        return ngettext(
            "Histogram of the final cost J (log scale) of {n} network; the tallest bar is {tallest}.",
            "Histogram of the final cost J (log scale) of {n} networks; the tallest bar is {tallest}.",
            shown,
        ).format(n=shown, tallest=tallest)

    n_diverged = int(np.count_nonzero(diverged))
    note = None
    if n_diverged:
        note = ngettext("{n} diverged network is not shown", "{n} diverged networks are not shown", n_diverged).format(
            n=n_diverged
        )
    return _histogram(
        index,
        category,
        seeds,
        n_bins,
        width,
        height,
        describe_bin,
        x_ticks,
        _("final cost J (log scale)"),
        describe,
        note,
    )


def solve_histogram(solved_since, category, seeds, steps, width, height):
    """The step from which each solved network has stayed solved, binned over 0 to steps."""
    left, _top, right, _bottom = area = plot_area(width, height, MARGINS)
    solved = category == CATEGORIES.index("solved")
    max_bins = max(1, min(40, int((right - left) // 8)))
    bin_width = max(1, int(nice_step(steps, max_bins + 1)))
    n_bins = max(1, math.ceil(steps / bin_width))
    index = np.where(solved, np.clip(solved_since // bin_width, 0, n_bins - 1), -1).astype(np.intp)
    x_range = (0.0, float(n_bins * bin_width))
    ticks = linear_ticks(0.0, float(steps), max(2, min(7, int((right - left) // 70))), min_step=1.0)
    tick_step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    x_ticks = [[_r(x), tick_label(t, False, tick_step)] for x, t in zip(scale_x(ticks, x_range, area), ticks)]

    def describe_bin(i):
        return _("solved from step {first} to {last}").format(
            first=i * bin_width, last=min(steps, (i + 1) * bin_width - 1)
        )

    def describe(shown, tallest):
        if tallest is None:
            return _("Histogram of the steps to solve: no networks to show yet.")
        return ngettext(
            "Histogram of the steps to solve of {n} network; the tallest bar is {tallest}.",
            "Histogram of the steps to solve of {n} networks; the tallest bar is {tallest}.",
            shown,
        ).format(n=shown, tallest=tallest)

    unsolved = int(np.count_nonzero(~solved))
    note = None
    if unsolved:
        note = ngettext(
            "{n} network not solved is not shown", "{n} networks not solved are not shown", unsolved
        ).format(n=unsolved)
    return _histogram(
        index,
        np.zeros_like(index),
        seeds,
        n_bins,
        width,
        height,
        describe_bin,
        x_ticks,
        _("steps to solve"),
        describe,
        note,
    )


def _shown(category):
    """Indexes of the networks whose curves are drawn: evenly spread over each category's seeds."""
    total, picked = category.size, []
    for c in range(len(CATEGORIES)):
        members = np.flatnonzero(category == c)
        if members.size:
            quota = min(members.size, max(MIN_SHOWN, round(CURVES_SHOWN * members.size / total)))
            picked.append(members[np.unique(np.rint(np.linspace(0, members.size - 1, quota)).astype(np.int64))])
    return np.sort(np.concatenate(picked))


class CurveHits:
    """pick() for the curves: the drawn network whose polyline passes nearest (x, y), within PICK_RADIUS."""

    def __init__(self, x, ys, rows, describe):
        self.x, self.ys, self.rows, self.describe = x, ys, rows, describe

    def pick(self, x, y):
        if not self.rows.size or self.x.size < 1:
            return None
        x0, y0 = self.x[None, :-1], self.ys[:, :-1]
        dx, dy = np.diff(self.x)[None, :], np.diff(self.ys, axis=1)
        with np.errstate(all="ignore"):
            t = np.clip(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
            distance = np.hypot(x0 + t * dx - x, y0 + t * dy - y)
        if self.x.size == 1:
            distance = np.hypot(self.x[0] - x, self.ys[:, :1] - y)
        distance = np.where(np.isfinite(distance), distance, np.inf)
        nearest = np.unravel_index(np.argmin(distance), distance.shape)
        if not distance[nearest] <= PICK_RADIUS:
            return None
        return self.describe(int(self.rows[nearest[0]]))


def curves(steps, costs, medians, category, seeds, total_steps, width, height, describe_network):
    """Every network's J against the step (log scale), thinned: about CURVES_SHOWN curves drawn, grouped
    into one path per category; the median of all networks on top (a diverged one counts as infinite).
    describe_network(k) -> pick()'s answer for network k."""
    area = left, top, right, bottom = plot_area(width, height, MARGINS)
    x_range = (0.0, float(total_steps))
    x = scale_x(steps, x_range, area)
    bucket = np.floor((x - left) / PX_PER_POINT)
    columns = np.unique(np.append(np.unique(bucket, return_index=True)[1], x.size - 1))
    rows = _shown(category)
    drawn = np.maximum(costs[rows][:, columns], FLOOR)
    y_range = y_domain(np.concatenate([drawn.ravel(), medians]), True)
    with np.errstate(invalid="ignore"):
        ys = np.clip(scale_y(drawn, y_range, area, True), top, bottom)
    xs = x[columns]
    paths = {name: polylines(xs, ys[category[rows] == c]) for c, name in enumerate(CATEGORIES)}
    median = medians
    ticks = linear_ticks(*x_range, max_ticks=max(2, min(7, int((right - left) // 70))), min_step=1.0)
    tick_step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    y_ticks = log_ticks(*y_range)
    # Translators: the subject of a sentence that follows a semicolon ("...; the median cost J fell from ...").
    description = describe_costs(steps, median, _("the median cost J"))
    geometry = {
        "area": [_r(v) for v in area],
        "x_ticks": [[_r(p), tick_label(t, False, tick_step)] for p, t in zip(scale_x(ticks, x_range, area), ticks)],
        "y_ticks": [[_r(p), tick_label(t, True)] for p, t in zip(scale_y(y_ticks, y_range, area, True), y_ticks)],
        # Translators: the title of the step axis of a cost chart.
        "x_title": _("step"),
        "y_title": _("cost J (log)"),
        "paths": paths,
        "median": cost_path(steps, np.maximum(median, FLOOR), width, height, True, x_range, y_range, decimate=False),
        "shown": int(rows.size),
        "label": ngettext(
            "Cost curves of {count} network, J on a log scale against the step; {median} {drawn} of {count} curves "
            "are drawn.",
            "Cost curves of {count} networks, J on a log scale against the step; {median} {drawn} of {count} curves "
            "are drawn.",
            category.size,
        ).format(count=category.size, median=description, drawn=rows.size),
    }

    def describe(k):
        answer = describe_network(k)
        answer["path"] = cost_path(
            steps, np.maximum(costs[k], FLOOR), width, height, True, x_range, y_range, decimate=False
        )
        return answer

    return geometry, CurveHits(xs, ys, rows, describe)
