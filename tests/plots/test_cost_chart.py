"""Pure functions of the cost chart's geometry (computed in the worker); expected path strings and positions
worked out by hand from the geometry."""

import json
import math
import re
import types

import numpy as np
import pytest

from plots.cost_chart import (
    chart,
    cost_path,
    describe_costs,
    format_cost,
    history_points,
    linear_ticks,
    log_ticks,
    min_max_per_column,
    nice_step,
    plot_area,
    run_points,
    tick_label,
    x_domain,
    y_domain,
)

# A 156 x 124 canvas with margins top 10, right 6, bottom 14, left 50:
# the plot area is x 50..150 and y 10..110, 100 px each way.
W, H, M = 156, 124, (10, 6, 14, 50)


def test_plot_area():
    assert plot_area(W, H, M) == (50.0, 10.0, 150.0, 110.0)


def test_straight_line_corner_to_corner():
    d = cost_path([0, 50, 100], [1.0, 0.5, 0.0], W, H, False, (0, 100), (0, 1), M)
    assert d == "M50.0 10.0L100.0 60.0L150.0 110.0"


def test_non_finite_points_start_a_new_subpath():
    d = cost_path([0, 25, 50, 100], [1.0, math.nan, 0.25, 0.0], W, H, False, (0, 100), (0, 1), M)
    assert d == "M50.0 10.0M100.0 85.0L150.0 110.0"
    d = cost_path([0, 25, 50, 75, 100], [math.inf, 0.75, 0.5, -math.inf, 0.0], W, H, False, (0, 100), (0, 1), M)
    assert d == "M75.0 35.0L100.0 60.0M150.0 110.0"


def test_nothing_drawable_gives_an_empty_path():
    assert cost_path([], [], W, H) == ""
    assert cost_path([0, 1], [math.nan, math.nan], W, H, False, (0, 1), (0, 1), M) == ""


def test_log_scale_decades_are_evenly_spaced():
    # y from 1e-3 (bottom, 110) to 1 (top, 10): 3 decades, 33.33 px each.
    d = cost_path([0, 20, 40, 100], [1.0, 0.1, 0.01, 0.001], W, H, True, (0, 100), (1e-3, 1.0), M)
    assert d == "M50.0 10.0L70.0 43.3L90.0 76.7L150.0 110.0"


def test_log_scale_skips_zero_and_negative_costs():
    d = cost_path([0, 50, 100], [1.0, 0.0, 0.001], W, H, True, (0, 100), (1e-3, 1.0), M)
    assert d == "M50.0 10.0M150.0 110.0"


def test_points_outside_the_ranges_are_clipped_to_the_plot():
    d = cost_path([0, 100], [2.0, -1.0], W, H, False, (0, 100), (0, 1), M)
    assert d == "M50.0 10.0L150.0 110.0"


def test_default_ranges():
    # x 0..10; y 0 .. 0.15 (max 0.125 rounded up to a tick of 0.05):
    # 0.125 -> 110 - 100 * 0.125 / 0.15 = 26.67; 0.05 -> 110 - 100 / 3 = 76.67.
    assert cost_path([0, 10], [0.125, 0.05], W, H, margins=M) == "M50.0 26.7L150.0 76.7"


def test_rounding_to_tenths():
    # x: 50 + 100 * 1/3 = 83.33; y: 110 - 100 * 0.123 = 97.7
    d = cost_path([0, 1, 3], [0.5, 0.123, 0.5], W, H, False, (0, 3), (0, 1), M)
    assert d == "M50.0 60.0L83.3 97.7L150.0 60.0"


def test_lengths_must_match():
    with pytest.raises(ValueError):
        cost_path([0, 1], [1.0], W, H)


def test_two_thousand_points_with_a_gap_make_two_subpaths():
    steps = np.arange(2000.0) * 5
    costs = 0.125 * np.exp(-steps / 3000) + 1e-4 * np.random.default_rng(0).random(2000)
    costs[700] = math.nan
    d = cost_path(steps, costs, 900, 560, True)
    assert d.count("M") == 2 and d.count("L") == 1997


def test_min_max_per_column():
    # five points in column 0, one in column 1: column 0 keeps its lowest (y=1) and highest (y=9)
    # points besides the subpath's first; the last point is kept as the subpath's end.
    x = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 1.5])
    y = np.array([5.0, 1.0, 9.0, 3.0, 4.0, 7.0])
    assert min_max_per_column(x, y, np.zeros(6, dtype=int)).tolist() == [0, 1, 2, 5]
    # a gap after the third point: each subpath keeps its ends
    assert min_max_per_column(x, y, np.array([0, 0, 0, 1, 1, 1])).tolist() == [0, 1, 2, 3, 4, 5]


def test_dense_points_keep_each_columns_extremes():
    # A plot area 2 px wide (x 50..52) with 7 points a third of a pixel apart: more than 2 per column.
    # y = 110 - 100 * cost: 60, 20, 100, 60, 110, 60, 60. Column 50 keeps all three (first, top, bottom);
    # column 51 keeps 51.0 (the first of its tied tops) and 51.3 (bottom), drops 51.7; 52.0 is the end.
    steps, costs = range(7), [0.5, 0.9, 0.1, 0.5, 0.0, 0.5, 0.5]
    d = cost_path(steps, costs, 58, H, False, (0, 6), (0, 1), M)
    assert d == "M50.0 60.0L50.3 20.0L50.7 100.0L51.0 60.0L51.3 110.0L52.0 60.0"
    every = cost_path(steps, costs, 58, H, False, (0, 6), (0, 1), M, decimate=False)
    assert every == "M50.0 60.0L50.3 20.0L50.7 100.0L51.0 60.0L51.3 110.0L51.7 60.0L52.0 60.0"


def test_history_points_with_start_and_stride():
    steps, costs = history_points([0.5, 0.4, 0.3], 10, 5, 22, 0.25)
    assert steps.tolist() == [10, 15, 20, 22] and costs.tolist() == [0.5, 0.4, 0.3, 0.25]
    # the current point at the last history step: its cost is the current one
    steps, costs = history_points([0.5, 0.4, 0.3], 10, 5, 20, 0.29)
    assert steps.tolist() == [10, 15, 20] and costs.tolist() == [0.5, 0.4, 0.29]
    steps, costs = history_points([], 0, 1, 7, 0.1)
    assert steps.tolist() == [7] and costs.tolist() == [0.1]


def test_run_points_with_and_without_stride():
    old = types.SimpleNamespace(history=[0.3, 0.2, 0.1], history_start=0, step=2, cost=0.1)
    assert run_points(old)[0].tolist() == [0, 1, 2]
    new = types.SimpleNamespace(history=[0.3, 0.2, 0.1], history_start=100, history_stride=4, step=109, cost=0.05)
    steps, costs = run_points(new)
    assert steps.tolist() == [100, 104, 108, 109] and costs.tolist() == [0.3, 0.2, 0.1, 0.05]


def test_run_points_of_a_real_run():
    from backprop import Run

    run = Run()
    run.train(3)
    steps, costs = run_points(run)
    assert steps.tolist() == [0, 1, 2, 3] and costs[-1] == run.cost


def test_nice_step():
    assert nice_step(1.0) == pytest.approx(0.2)
    assert nice_step(0.125) == pytest.approx(0.05)
    assert nice_step(1000) == 200
    assert nice_step(7) == 2
    assert nice_step(10, max_ticks=11) == 1
    assert nice_step(0) == 1.0 and nice_step(math.nan) == 1.0


def test_linear_ticks():
    assert linear_ticks(0, 0.15) == pytest.approx([0, 0.05, 0.1, 0.15])
    assert linear_ticks(0, 1000, min_step=1) == [0, 200, 400, 600, 800, 1000]
    assert linear_ticks(0, 3, min_step=1) == [0, 1, 2, 3]
    assert linear_ticks(0, 2, min_step=1) == [0, 1, 2]  # 0.5 would be a fractional step
    assert linear_ticks(3, 17) == [5, 10, 15]
    assert linear_ticks(0, 0.3, max_ticks=4) == [0, 0.1, 0.2, 0.3]  # exactly, not 0.30000000000000004


def test_log_ticks_are_decades():
    assert log_ticks(1e-4, 1) == pytest.approx([1e-4, 1e-3, 1e-2, 1e-1, 1])
    # 12 decades, at most 6 ticks: every 3rd, aligned on 10^0
    assert log_ticks(1e-12, 1) == pytest.approx([1e-12, 1e-9, 1e-6, 1e-3, 1])
    assert log_ticks(1e-11, 10) == pytest.approx([1e-9, 1e-6, 1e-3, 1])
    assert log_ticks(2e-3, 5e-3) == []


def test_y_domain():
    lo, hi = y_domain([0.125, 0.05, math.nan], False)
    assert lo == 0 and hi == pytest.approx(0.15)
    assert y_domain([0.125, 3e-4], True) == (1e-4, 1.0)
    assert y_domain([0.01, 0.1], True) == pytest.approx((0.01, 0.1))
    assert y_domain([0.01], True) == pytest.approx((0.01, 0.1))
    assert y_domain([math.nan], False) == (0.0, 1.0)
    assert y_domain([0.0, math.inf], True) == (1e-4, 1.0)
    assert y_domain([0.0, 0.0], False) == (0.0, 1.0)


def test_x_domain():
    assert x_domain([5, 10, 20]) == (5, 20)
    assert x_domain([7]) == (7, 8)
    assert x_domain([]) == (0, 1)


def test_tick_labels():
    assert tick_label(0.05, False, 0.05) == "0.05"
    assert tick_label(0.1, False, 0.05) == "0.10"
    assert tick_label(0.0, False, 0.2) == "0.0"
    assert tick_label(200, False, 200) == "200"
    assert tick_label(20000, False, 5000) == "20k"
    assert tick_label(1.5e6, False, 5e5) == "1.5M"
    assert tick_label(1e-3, True) == "10\u207b\u00b3"
    assert tick_label(1.0, True) == "10\u2070"
    assert tick_label(1e-12, True) == "10\u207b\u00b9\u00b2"


def test_descriptions():
    assert (
        describe_costs([0, 500, 1000], [0.125, 0.01, 0.000312])
        == "Cost J fell from 0.125 at step 0 to 0.000312 at step 1000."
    )
    assert (
        describe_costs([0, 57], [0.125, math.nan])
        == "Cost J went from 0.125 at step 0 to NaN at step 57: the training diverged."
    )
    assert describe_costs([0], [0.125]) == "Cost J is 0.125 at step 0."
    assert describe_costs([0, 9], [0.1, 0.2]) == "Cost J rose from 0.1 at step 0 to 0.2 at step 9."
    assert describe_costs([], []) == "Cost J: no steps yet."
    assert format_cost(math.inf) == "infinity" and format_cost(3.12e-5) == "3.12e-05"


# --- chart(): everything the page's cost chart paints -------------------------------------------------------------
# With the default margins (top 14, right 16, bottom 38, left 56), a 172 x 152 canvas has the plot area
# x 56..156 and y 14..114: 100 px each way, so positions can be worked out by hand.
CW, CH = 172, 152
SUPERSCRIPT_DIGITS = dict(zip("\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "-0123456789"))


def tick_value(label):
    """The number a tick label names: "0.02", "20k", "1.5M", "10⁻³" (independent of tick_label)."""
    if label.startswith("10") and any(c in SUPERSCRIPT_DIGITS for c in label[2:]) and label[2:]:
        return 10.0 ** int("".join(SUPERSCRIPT_DIGITS[c] for c in label[2:]))
    scale = {"k": 1e3, "M": 1e6}.get(label[-1:], 1.0)
    return float(label[:-1] if scale != 1.0 else label) * scale


def test_chart_of_a_straight_line_worked_out_by_hand():
    c = chart([0, 50, 100], [0.1, 0.05, 0.0], CW, CH)
    assert c["area"] == [56.0, 14.0, 156.0, 114.0]
    # x: 100 px wide, at most max(2, 100 // 70) = 2 ticks: 0 and 100 at the area's edges
    assert c["x_ticks"] == [[56.0, "0"], [156.0, "100"]]
    # y: 0 .. 0.1 in steps of 0.02, 20 px apart, with the 2 decimals the step needs
    assert c["y_ticks"] == [
        [114.0, "0.00"],
        [94.0, "0.02"],
        [74.0, "0.04"],
        [54.0, "0.06"],
        [34.0, "0.08"],
        [14.0, "0.10"],
    ]
    assert c["path"] == "M56.0 14.0L106.0 64.0L156.0 114.0"
    assert c["point"] == [156.0, 114.0]  # (100, 0.0): the bottom-right corner
    assert c["alert"] is None
    assert c["y_title"] == "cost J"
    assert c["label"] == "Cost J fell from 0.1 at step 0 to 0 at step 100."


def test_chart_point_is_the_last_step_and_cost_mapped():
    c = chart([0, 40, 100], [0.1, 0.02, 0.05], CW, CH)
    # y range 0 .. 0.1: 0.05 is half-way up the 100 px
    assert c["point"] == [156.0, 64.0]
    c = chart([0, 25, 75], [0.1, 0.06, 0.03], CW, CH)
    # x range 0 .. 75: the last step is at the right edge; y: 114 - 100 * 0.03 / 0.1 = 84
    assert c["point"] == [156.0, 84.0]


def test_chart_on_a_log_scale():
    c = chart([0, 50, 100], [1.0, 0.1, 0.01], CW, CH, log_scale=True)
    # decades 10^-2 .. 10^0 over 100 px: 50 px a decade
    assert c["path"] == "M56.0 14.0L106.0 64.0L156.0 114.0"
    assert c["y_ticks"] == [[114.0, "10\u207b\u00b2"], [64.0, "10\u207b\u00b9"], [14.0, "10\u2070"]]
    assert c["point"] == [156.0, 114.0]
    assert c["y_title"] == "cost J (log)"
    assert c["label"] == "Cost J fell from 1 at step 0 to 0.01 at step 100. Log scale."
    linear = chart([0, 50, 100], [1.0, 0.1, 0.01], CW, CH)
    assert linear["y_title"] == "cost J" and not linear["label"].endswith("Log scale.")


@pytest.mark.parametrize("bad, words", [(math.nan, "NaN"), (math.inf, "infinity"), (-math.inf, "minus infinity")])
def test_chart_alerts_when_the_last_cost_is_not_finite(bad, words):
    for log_scale in (False, True):
        c = chart([0, 1, 2], [0.1, 0.05, bad], CW, CH, log_scale)
        assert c["point"] is None
        assert c["alert"] == f"J is {words} at step 2"
        assert "the training diverged" in c["label"]
        assert c["path"].count("M") == 1 and c["path"].count("L") == 1  # the two finite points still drawn
        json.dumps(c, allow_nan=False)  # travels to the page as JSON


def test_chart_no_alert_for_a_finite_cost_that_a_log_scale_cannot_show():
    c = chart([0, 1], [0.1, 0.0], CW, CH, log_scale=True)
    assert c["point"] is None and c["alert"] is None


def test_chart_of_no_steps():
    c = chart([], [], CW, CH)
    assert (c["path"], c["point"], c["alert"], c["label"]) == ("", None, None, "Cost J: no steps yet.")
    assert c["x_ticks"] == [[56.0, "0"], [156.0, "1"]]


def in_area(x, y, area):
    left, top, right, bottom = area
    return left <= x <= right and top <= y <= bottom


LONG_STEPS = np.arange(0, 25001, 25.0)
LONG_COSTS = 0.125 * np.exp(-LONG_STEPS / 4000) + 1e-4


@pytest.mark.parametrize("width, height", [(640, 400), (300, 187.5), (1200, 750), (90, 60)])
@pytest.mark.parametrize("log_scale", [False, True])
def test_chart_area_ticks_and_path_stay_inside_the_canvas(width, height, log_scale):
    c = chart(LONG_STEPS, LONG_COSTS, width, height, log_scale)
    left, top, right, bottom = c["area"]
    assert 0 <= left < right <= width and 0 <= top < bottom <= height
    assert len(c["x_ticks"]) >= (2 if width >= 300 else 1) and len(c["y_ticks"]) >= 2
    for x, label in c["x_ticks"]:
        assert left <= x <= right and label
        # the label names the step at its position
        assert x == pytest.approx(left + tick_value(label) / 25000 * (right - left), abs=0.06)
    y_lo, y_hi = y_domain(LONG_COSTS, log_scale)
    for y, label in c["y_ticks"]:
        assert top <= y <= bottom and label
        v = tick_value(label)
        if log_scale:
            share = (math.log10(v) - math.log10(y_lo)) / (math.log10(y_hi) - math.log10(y_lo))
            expected = bottom - share * (bottom - top)
        else:
            expected = bottom - (v - y_lo) / (y_hi - y_lo) * (bottom - top)
        assert y == pytest.approx(expected, abs=0.06)
    xs = [float(v) for v in re.findall(r"[ML]([0-9.]+) ", c["path"])]
    ys = [float(v) for v in re.findall(r" ([0-9.]+)", c["path"])]
    assert xs and len(xs) == len(ys) and all(in_area(x, y, c["area"]) for x, y in zip(xs, ys))
    assert in_area(*c["point"], c["area"])
    # the path is the cost curve over the same ranges as the ticks
    assert c["path"] == cost_path(LONG_STEPS, LONG_COSTS, width, height, log_scale, x_domain(LONG_STEPS), (y_lo, y_hi))
    json.dumps(c, allow_nan=False)


def test_chart_ticks_are_increasing_and_labels_distinct():
    c = chart(LONG_STEPS, LONG_COSTS, 640, 400)
    xs, labels = zip(*c["x_ticks"])
    assert list(xs) == sorted(xs) and len(set(labels)) == len(labels)
    ys, labels = zip(*c["y_ticks"])
    assert list(ys) == sorted(ys, reverse=True) and len(set(labels)) == len(labels)  # larger costs higher up


def test_chart_of_a_real_run_ends_at_its_cost():
    from backprop import Run

    run = Run()
    run.train(30)
    steps, costs = run_points(run)
    c = chart(steps, costs, CW, CH)
    x, y = c["point"]
    y_lo, y_hi = y_domain([0.12519375208599626], False)  # the notebook's first cost sets the top of the range
    assert x == 156.0
    assert y == round(114 - 100 * (run.cost - y_lo) / (y_hi - y_lo), 1)


# --- the test curve --------------------------------------------------------------------------------------------------


def test_chart_with_a_test_curve_worked_out_by_hand():
    # train 0.05 -> 0.0, test 0.1 -> 0.08: the y axis 0 .. 0.1 covers both (the test curve is the higher)
    c = chart([0, 50, 100], [0.05, 0.02, 0.0], CW, CH, test_costs=[0.1, 0.09, 0.08])
    assert c["y_ticks"][-1] == [14.0, "0.10"] and c["y_ticks"][0] == [114.0, "0.00"]
    assert c["path"] == "M56.0 64.0L106.0 94.0L156.0 114.0"
    assert c["test_path"] == "M56.0 14.0L106.0 24.0L156.0 34.0"
    assert c["legend"] == ["train cost J", "test cost J"]
    assert c["label"] == (
        "The training cost J fell from 0.05 at step 0 to 0 at step 100. "
        "The test cost J fell from 0.1 at step 0 to 0.08 at step 100."
    )


def test_a_test_curve_that_starts_later_has_a_gap_and_is_described_from_its_start():
    c = chart([0, 50, 100], [0.1, 0.05, 0.0], CW, CH, test_costs=[math.nan, 0.1, 0.06])
    assert c["test_path"] == "M106.0 14.0L156.0 54.0"  # from step 50: (50, 0.1) and (100, 0.06)
    assert c["label"].endswith("The test cost J fell from 0.1 at step 50 to 0.06 at step 100.")


def test_without_a_test_curve_nothing_changes():
    plain = chart([0, 50, 100], [0.1, 0.05, 0.0], CW, CH)
    assert plain["test_path"] is None and plain["legend"] is None
    assert plain["label"] == "Cost J fell from 0.1 at step 0 to 0 at step 100."


def test_run_test_costs_follow_the_history_and_the_current_test_cost():
    from backprop import Run, generate
    from plots.cost_chart import run_test_costs

    assert run_test_costs(Run()) is None  # a truth table has no test points
    points = generate("gaussians", 1, 40, 0, 50).points()
    run = Run({"data": "points"}, points=points, history_limit=4)
    run.train(9)
    steps, _ = run_points(run)
    test = run_test_costs(run)
    assert test.shape == steps.shape and test[-1] == run.test_cost()
    # each one J on the test points at its step, from a Run stepped there independently
    for step, value in zip(steps.tolist(), test.tolist()):
        lone = Run({"data": "points"}, points=points)
        lone.train(int(step))
        assert value == pytest.approx(lone.test_cost(), rel=1e-12)
