"""Pure functions of the cost chart; expected path strings worked out by hand from the geometry."""

import math
import types

import numpy as np
import pytest

from app.cost_chart import (cost_path, describe_costs, format_cost, history_points, linear_ticks, log_ticks,
                            min_max_per_column, nice_step, plot_area, run_points, tick_label, x_domain, y_domain)

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
    assert linear_ticks(0, 2, min_step=1) == [0, 1, 2]     # 0.5 would be a fractional step
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
    assert describe_costs([0, 500, 1000], [0.125, 0.01, 0.000312]) == \
        "Cost J fell from 0.125 at step 0 to 0.000312 at step 1000."
    assert describe_costs([0, 57], [0.125, math.nan]) == \
        "Cost J went from 0.125 at step 0 to NaN at step 57: the training diverged."
    assert describe_costs([0], [0.125]) == "Cost J is 0.125 at step 0."
    assert describe_costs([0, 9], [0.1, 0.2]) == "Cost J rose from 0.1 at step 0 to 0.2 at step 9."
    assert describe_costs([], []) == "Cost J: no steps yet."
    assert format_cost(math.inf) == "infinity" and format_cost(3.12e-5) == "3.12e-05"
