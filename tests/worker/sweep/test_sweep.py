"""The Many seeds sweep: categories, steps to solve, chunked training and the plots' geometry.

Oracles: backprop.Run trained one seed at a time, a step at a time (solved, diverged, J at steps 800 and
1000, the step from which it stayed solved); one uninterrupted Batch.train; counts and bin edges worked out
from those numbers; fake clocks.
"""

import json
import re

import numpy as np
import pytest

from backprop import Batch, Run
from worker.sweep.sweep import HISTORY_POINTS, Sweep, shares_text

SEEDS = range(40, 80)  # 3 of them get stuck with the default settings
STEPS = 1000
SIZES = {"histogram": [400, 250], "curves": [600, 375], "solve_steps": [400, 250]}


class FakeClock:
    """Each reading moves on by `tick` seconds."""

    def __init__(self, tick):
        self.now, self.tick = 0.0, tick

    def __call__(self):
        self.now += self.tick
        return self.now


def one_at_a_time(settings, seeds, steps):
    """For each seed, by a lone Run stepped once at a time: solved, diverged, J at 80% and 100% of the steps,
    the step from which it has stayed solved (or -1)."""
    rows = []
    for seed in seeds:
        run = Run({**settings, "seed": seed})
        since = 0 if run.solved else -1
        J_80 = None
        for step in range(1, steps + 1):
            run.train(1)
            since = (since if since >= 0 else step) if run.solved else -1
            if step == int(0.8 * steps):
                J_80 = run.cost
        rows.append(
            {
                "seed": seed,
                "solved": run.solved,
                "diverged": run.status == "diverged",
                "J_80": J_80,
                "J": run.cost,
                "since": since,
            }
        )
    return rows


@pytest.fixture(scope="module")
def runs():
    return one_at_a_time({}, SEEDS, STEPS)


@pytest.fixture(scope="module")
def sweep():
    sweep = Sweep({}, SEEDS[0], len(SEEDS), STEPS)
    while not sweep.done:
        sweep.advance(0.012)
    return sweep


def test_the_counts_match_seeds_trained_one_at_a_time(runs, sweep):
    solved = [r["seed"] for r in runs if r["solved"]]
    stuck = [r["seed"] for r in runs if not r["solved"] and not r["diverged"] and r["J"] >= 0.99 * r["J_80"]]
    summary = sweep.summary()
    assert summary["solved"] == len(solved) and summary["seeds"]["solved"] == solved
    assert summary["stuck"] == len(stuck) and summary["seeds"]["stuck"] == stuck
    assert summary["diverged"] == 0
    assert summary["solved"] + summary["stuck"] + summary["diverged"] + summary["training"] == len(SEEDS)
    assert 0 < len(stuck) < len(solved)  # both kinds, so the test tells them apart


def test_the_final_costs_and_steps_to_solve_match_single_runs(runs, sweep):
    assert np.allclose(sweep.batch.costs, [r["J"] for r in runs], rtol=1e-9, atol=0)
    assert sweep.batch.solved_since.tolist() == [r["since"] for r in runs]


def test_chunked_advance_gives_exactly_the_costs_of_one_uninterrupted_batch():
    settings = {"learning_rate": 30, "n_h": 3}
    sweep = Sweep(settings, 7, 12, 150, clock=FakeClock(0.0003))
    calls = 0
    while not sweep.done:
        assert sweep.advance(0.001) >= 1
        calls += 1
    assert calls > 5  # it did stop between chunks
    batch = Batch(settings, range(7, 19))
    columns = []
    for step in range(151):
        if step:
            batch.train(1)
        columns.append(np.where(batch.diverged & (batch.diverged_at < step), np.nan, batch.costs))
    assert sweep.step == 150 and sweep.record_steps.tolist() == list(range(151))
    np.testing.assert_array_equal(sweep.batch.costs, batch.costs)
    np.testing.assert_array_equal(sweep.history, np.stack(columns, axis=1))


def test_the_history_is_bounded_and_evenly_spread():
    sweep = Sweep({}, 0, 10, 10000)
    steps = sweep.record_steps
    assert steps.size == HISTORY_POINTS and steps[0] == 0 and steps[-1] == 10000
    assert set(np.diff(steps).tolist()) == {50}
    assert sweep.history.shape == (10, HISTORY_POINTS)


def test_advance_stops_at_the_first_look_at_the_clock_after_the_deadline():
    sweep = Sweep({}, 0, 10, 1000, clock=FakeClock(0.004))  # every chunk "takes" 4 ms
    taken = sweep.advance(0.010)
    assert 1 <= taken <= 5 and sweep.step == taken and not sweep.done


def test_stop_keeps_what_was_done_and_trains_no_further():
    sweep = Sweep({}, 0, 10, 1000)
    sweep.advance(0.005)
    step = sweep.step
    sweep.stop()
    assert sweep.done and sweep.advance(1.0) == 0 and sweep.step == step
    summary = sweep.summary(SIZES)
    assert summary["done"] and summary["stopped"] and summary["progress"] == step / 1000
    assert summary["eta_seconds"] == 0.0
    json.dumps(summary)


def test_progress_and_time_left():
    sweep = Sweep({}, 0, 10, 1000, clock=FakeClock(0.001))
    assert sweep.summary()["eta_seconds"] is None and sweep.summary()["progress"] == 0
    sweep.advance(0.02)
    summary = sweep.summary()
    step = summary["step"]
    # The fake clock: the time elapsed between the first advance's start and its end, per step so far.
    elapsed = sweep._last - sweep._started
    assert summary["eta_seconds"] == pytest.approx((1000 - step) * elapsed / step)
    assert summary["progress"] == step / 1000


def test_diverged_networks_are_counted_and_their_curves_stop():
    settings = {"learning_rate": 200, "activation": "relu", "n_h": 4}
    sweep = Sweep(settings, 0, 20, 200)
    while not sweep.done:
        sweep.advance(0.012)
    single = [Run({**settings, "seed": seed}) for seed in range(20)]
    for run in single:
        run.train(200)
    diverged = [seed for seed, run in enumerate(single) if run.status == "diverged"]
    summary = sweep.summary(SIZES)
    assert summary["seeds"]["diverged"] == diverged and summary["diverged"] == len(diverged) > 0
    assert summary["histogram"]["note"].startswith(f"{len(diverged)} diverged network")
    assert sum(bar["count"] for bar in summary["histogram"]["bars"]) == 20 - len(diverged)
    steps, costs, _ = sweep.points()
    k = diverged[0]
    assert np.isnan(costs[k, steps > sweep.batch.diverged_at[k]]).all()
    assert summary["curves"]["paths"]["diverged"].count("M") == len(diverged)


def test_the_summary_is_plain_json_with_every_part(sweep):
    summary = sweep.summary(SIZES)
    text = json.dumps(summary, allow_nan=False)
    assert json.loads(text) == summary
    assert summary["step"] == summary["steps"] == STEPS and summary["done"] and summary["progress"] == 1
    assert summary["count"] == 40 and summary["first_seed"] == 40 and summary["last_seed"] == 79
    assert summary["shares_text"].startswith(f"{summary['solved']} of 40 solved (")
    for plot in ("histogram", "curves", "solve_steps"):
        assert summary[plot]["label"]
    assert sweep.summary({"curves": [600, 375]})["histogram"] is None


def test_shares_text():
    counts = {"solved": 142, "stuck": 50, "diverged": 8, "training": 0}
    assert shares_text(counts, 200) == "142 of 200 solved (71%), 50 stuck (25%), 8 diverged (4%)"
    counts = {"solved": 1, "stuck": 0, "diverged": 0, "training": 9}
    assert shares_text(counts, 10) == "1 of 10 solved (10%), 0 stuck (0%), 0 diverged (0%), 9 still improving (90%)"


def test_the_cost_histogram_puts_each_network_in_its_log_bin(runs, sweep):
    histogram = sweep.summary(SIZES)["histogram"]
    left, _top, right, bottom = histogram["area"]
    assert sum(bar["count"] for bar in histogram["bars"]) == 40
    J = {r["seed"]: r["J"] for r in runs}
    for bar in histogram["bars"]:
        low, high = (float(v) for v in re.match(r"J from (\S+) to (\S+):", bar["label"]).groups())
        assert all(low * 0.99 <= J[seed] <= high * 1.01 for seed in bar["seeds"])
        assert left - 0.1 <= bar["x"] and bar["x"] + bar["w"] <= right + 0.1
        assert bar["y"] + bar["h"] == pytest.approx(bottom, abs=0.1)
        assert sum(part[2] for part in bar["parts"]) == pytest.approx(bar["h"], abs=0.3)
        assert bar["seeds"] == sorted(bar["seeds"]) and len(bar["seeds"]) == min(bar["count"], 20)
    bar = histogram["bars"][0]
    picked = sweep.pick("histogram", bar["x"] + bar["w"] / 2, bottom - 1)
    assert picked == {"seed": bar["seeds"][0], "seeds": bar["seeds"], "label": bar["label"]}
    assert sweep.pick("histogram", left - 20, bottom - 1) is None
    assert sweep.pick("histogram", bar["x"] + 1, bottom + 10) is None


def test_the_steps_to_solve_histogram_counts_the_solved(runs, sweep):
    plot = sweep.summary(SIZES)["solve_steps"]
    solved = [r for r in runs if r["solved"]]
    assert sum(bar["count"] for bar in plot["bars"]) == len(solved)
    since = {r["seed"]: r["since"] for r in solved}
    for bar in plot["bars"]:
        low, high = (int(v) for v in re.match(r"solved from step (\d+) to (\d+):", bar["label"]).groups())
        assert all(low <= since[seed] <= high for seed in bar["seeds"])
    assert plot["note"] == f"{40 - len(solved)} networks not solved are not shown"


def test_the_curves_are_one_subpath_per_drawn_network_and_a_click_finds_it(sweep):
    summary = sweep.summary(SIZES)
    curves = summary["curves"]
    left, _top, right, bottom = curves["area"]
    drawn = sum(path.count("M") for path in curves["paths"].values())
    assert drawn == curves["shown"] == 40  # fewer than the cap: every network is drawn
    assert curves["paths"]["solved"].count("M") == summary["solved"]
    numbers = [float(v) for v in re.findall(r"[\d.]+", "".join(curves["paths"].values()) + curves["median"])]
    assert min(numbers[0::2]) >= left - 0.05 and max(numbers[0::2]) <= right + 0.05
    assert all(re.fullmatch(r"\d+\.\d", v) for v in re.findall(r"[\d.]+", curves["median"]))
    # Subpaths come in seed order within a category. A click beside the point of a curve that lies
    # farthest from every other curve's point in its pixel column picks that curve's network.
    subpaths = [
        (seed, {float(x): float(y) for x, y in re.findall(r"([\d.]+) ([\d.]+)", sub)})
        for name in ("solved", "stuck")
        for seed, sub in zip(summary["seeds"][name], curves["paths"][name].split("M")[1:])
    ]

    def isolation(seed, x, y):
        return min((abs(points[x] - y) for other, points in subpaths if other != seed and x in points), default=0)

    gap, seed, x, y = max((isolation(seed, x, y), seed, x, y) for seed, points in subpaths for x, y in points.items())
    assert gap > 3
    picked = sweep.pick("curves", x, y + 0.5)
    assert picked["seed"] == seed and picked["seeds"] == [seed]
    assert picked["label"].startswith(f"Seed {seed}: ") and picked["path"].startswith("M")
    first_solved = summary["seeds"]["solved"][0]
    k = first_solved - sweep.first_seed
    described = sweep.describe(k)
    assert described["category"] == "solved"
    assert described["label"] == (
        f"Seed {first_solved}: solved since step {sweep.batch.solved_since[k]}; "
        f"J is {sweep.batch.costs[k]:.3g} at step 1000."
    )
    assert sweep.pick("curves", right + 200, bottom + 200) is None


def test_many_networks_draw_a_bounded_sample():
    sweep = Sweep({}, 0, 300, 100)
    while not sweep.done:
        sweep.advance(0.012)
    curves = sweep.summary({"curves": [500, 300]})["curves"]
    assert 80 <= curves["shown"] <= 120
    assert sum(path.count("M") for path in curves["paths"].values()) == curves["shown"]


def test_pick_needs_a_known_plot_and_a_drawn_one():
    sweep = Sweep({}, 0, 10, 100)
    assert sweep.pick("curves", 10, 10) is None
    with pytest.raises(ValueError, match="plot must be"):
        sweep.pick("surface", 10, 10)


@pytest.mark.parametrize(
    "first, count, steps, message",
    [
        (0, 5, 1000, "the number of networks must be a whole number from 10 to 1000"),
        (0, 1001, 1000, "the number of networks"),
        (0, 10, 99, "the number of steps must be a whole number from 100 to 10000"),
        (0, 10, 10001, "the number of steps"),
        (-1, 10, 1000, "the first seed must be a whole number from 0 to"),
        (2**32 - 5, 10, 1000, "the first seed must be a whole number from 0 to 4294967286"),
    ],
)
def test_the_sweeps_size_is_checked(first, count, steps, message):
    with pytest.raises(ValueError, match=message):
        Sweep({}, first, count, steps)


def test_the_settings_are_checked_by_the_model():
    with pytest.raises(ValueError, match="learning_rate"):
        Sweep({"learning_rate": -1}, 0, 10, 100)
