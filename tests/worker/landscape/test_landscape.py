"""The cost landscape: J over a plane through the current parameters, and the session's trajectory record.

Oracles: backprop.forward on the perturbed parameters one grid point at a time; the plane's geometry worked
out by hand (the centre pixel, a point placed at a known offset); a linear field's contour at a known place.
"""

import json
import re

import numpy as np
import pytest

from backprop import A0, Run, forward
from backprop.network import unflatten
from worker.lab import session as session_module
from worker.lab.session import Session
from worker.landscape.plot import (
    _LUT,
    LUT_STEPS,
    contour_path,
    directions,
    grid_costs,
    landscape,
    offsets,
    random_directions,
)


@pytest.fixture(scope="module")
def run():
    run = Run({"n_h": 3, "seed": 5})
    run.train(300)
    return run


def J_at(run, theta):
    c = run.config
    return float(forward(unflatten(theta, c.n_h), A0, run.Y, c.activation, c.cost)["J"])


@pytest.mark.parametrize("axes", [["W1[0,0]", "b0[2,0]"], "random"])
def test_J_on_the_grid_is_J_of_the_moved_parameters_one_at_a_time(run, axes):
    R, span = 9, 1.5
    d1, d2, _ = directions(axes, 3)
    J = grid_costs(run, d1, d2, span, R)
    a = offsets(span, R)
    for row, col in [(0, 0), (0, 8), (8, 0), (3, 6), (4, 4)]:
        theta = run.theta + a[col] * d1 + a[::-1][row] * d2  # row 0 is the top: the largest offset along d2
        assert J[row, col] == pytest.approx(J_at(run, theta), rel=1e-12)
    assert J[4, 4] == pytest.approx(run.cost, rel=1e-12)  # an odd grid's centre pixel is the current point


def test_coordinate_axes_move_one_parameter_each(run):
    d1, d2, names = directions(["W1[0,1]", " W0[2, 1] "], 3)
    assert names == ["W1[0,1]", "W0[2,1]"]
    moved = unflatten(d1.copy(), 3)
    assert moved["W1"][0, 1] == 1 and d1.sum() == 1
    assert unflatten(d2.copy(), 3)["W0"][2, 1] == 1 and d2.sum() == 1


def test_random_directions_are_orthonormal_and_the_same_every_time():
    d1, d2 = random_directions(9)
    assert d1 @ d1 == pytest.approx(1) and d2 @ d2 == pytest.approx(1) and abs(d1 @ d2) < 1e-12
    np.testing.assert_array_equal(random_directions(9)[0], d1)


def test_the_landscape_geometry(run):
    size = (400, 360)
    thetas = np.stack(
        [
            run.theta + 0.5 * directions("random", 3)[0] - 0.25 * directions("random", 3)[1],
            run.theta + 10 * directions("random", 3)[0],
            run.theta,
        ]
    )
    L = landscape(run, thetas, "random", 1.0, 32, size)
    image = L.pop("image")
    assert len(image) == 32 * 32 * 4 and L["resolution"] == 32
    left, top, right, bottom = L["area"]
    assert right - left == bottom - top and right <= size[0] and bottom <= size[1]
    side = right - left
    assert L["point"] == [round(left + side / 2, 1), round(top + side / 2, 1)]
    # The first trajectory point is half a span right and a quarter span down from the centre; the second is
    # outside the range (a gap), the third the centre.
    x0, y0 = left + side / 2 + 0.25 * side, top + side / 2 + 0.125 * side
    assert L["start"] == pytest.approx([x0, y0], abs=0.051)
    assert re.fullmatch(r"M[\d.]+ [\d.]+M[\d.]+ [\d.]+", L["trajectory"])
    drawn = [float(v) for v in re.findall(r"[\d.]+", L["trajectory"])]
    assert drawn == pytest.approx([x0, y0, left + side / 2, top + side / 2], abs=0.051)
    assert "2 of the 3 points of the training path" in L["label"]
    json.dumps(L, allow_nan=False)
    assert L["axes"]["x"]["name"] == "direction 1" and L["axes"]["x"]["lo"] == -1.0


def test_the_darkest_pixel_is_the_lowest_J_and_the_brightest_the_highest(run):
    L = landscape(run, None, ["W1[0,0]", "W1[0,1]"], 3.0, 16)
    J = grid_costs(run, *directions(["W1[0,0]", "W1[0,1]"], 3)[:2], 3.0, 16).reshape(-1)
    pixels = np.frombuffer(L["image"], dtype=np.uint8).reshape(-1, 4)
    np.testing.assert_array_equal(pixels[np.argmin(J)], _LUT[0])
    np.testing.assert_array_equal(pixels[np.argmax(J)], _LUT[LUT_STEPS])
    assert L["legend"]["lo"] == pytest.approx(J.min()) and L["legend"]["hi"] == pytest.approx(J.max())
    x_axis = L["axes"]["x"]
    assert x_axis["lo"] == pytest.approx(run.params["W1"][0, 0] - 3) and x_axis["name"] == "W1[0,0]"
    for contour in L["contours"]:
        assert J.min() < contour["level"] < J.max() and contour["path"].startswith("M")


def test_a_contour_of_a_linear_field_is_a_straight_line_where_it_should_be():
    x = np.arange(10) * 10.0  # columns at 0, 10, ... 90
    y = np.arange(10) * 10.0
    F = np.tile(np.arange(10.0), (10, 1))  # F grows by 1 per column
    path = contour_path(F, 3.25, x, y)
    points = np.array([float(v) for v in re.findall(r"[\d.]+", path)]).reshape(-1, 2)
    assert len(points) == 2 * 9  # one segment per row of cells
    np.testing.assert_allclose(points[:, 0], 32.5)
    assert sorted(set(points[:, 1].tolist())) == y.tolist()


@pytest.mark.parametrize(
    "axes, message",
    [
        (["W3[0,0]", "W1[0,0]"], "'W3\\[0,0\\]' is not a parameter: write W0\\[i,j\\]"),
        (["W0[3,0]", "W1[0,0]"], "W0\\[3,0\\] is not in this network: with 3 hidden units, W0 has rows 0 to 2"),
        (["b1[0,0]", "b1[0, 0]"], "both axes are b1\\[0,0\\]: choose two different parameters"),
        (["W0[0,0]"], "the axes must be two parameters"),
    ],
)
def test_bad_axes_are_refused_in_plain_words(run, axes, message):
    with pytest.raises(ValueError, match=message):
        landscape(run, None, axes, 1.0)


@pytest.mark.parametrize("span", [0, -1, float("inf"), float("nan"), 101, "wide", None, True])
def test_the_range_must_be_positive_finite_and_at_most_100(run, span):
    with pytest.raises(ValueError, match="the range must be a number greater than 0 and at most 100"):
        landscape(run, None, "random", span)


def test_the_resolution_is_checked(run):
    with pytest.raises(ValueError, match="the resolution must be a whole number from 2 to 128"):
        landscape(run, None, "random", 1.0, 1000)


def test_a_diverged_network_gives_a_grey_landscape():
    run = Run()
    run.theta[0] = np.nan  # W0[0,0], as a diverged run can leave it
    L = landscape(run, None, "random", 1.0, 8)
    assert set(np.frombuffer(L["image"], dtype=np.uint8).reshape(-1, 4)[:, 0].tolist()) == {150}
    assert "not a number anywhere" in L["label"] and L["contours"] == []
    json.dumps({key: value for key, value in L.items() if key != "image"}, allow_nan=False)


def test_the_session_records_a_bounded_trajectory_reset_on_a_new_network(monkeypatch):
    monkeypatch.setattr(session_module, "TRAJECTORY_LIMIT", 8)
    session = Session()
    session.configure({})
    start = session.run.theta.copy()
    for _ in range(20):
        session.step(3)
    steps, thetas = session.trajectory()
    assert len(steps) <= 8 + 1 and steps[0] == 0 and steps[-1] == 60 == session.run.step
    np.testing.assert_array_equal(thetas[0], start)
    np.testing.assert_array_equal(thetas[-1], session.run.theta)
    assert steps == sorted(steps) and thetas.shape == (len(steps), 9)
    session.configure({"learning_rate": 5})  # the same network goes on
    assert session.trajectory()[0][0] == 0 and len(session.trajectory()[0]) > 1
    session.configure({"seed": 3})
    steps, thetas = session.trajectory()
    assert steps == [0] and thetas.shape == (1, 9)


@pytest.mark.parametrize("budget", [1 << 20, 3 * 40 * 7])  # all pixels at once; 7 networks a pass (chunks)
def test_the_landscape_of_a_data_set_is_J_on_its_training_points(monkeypatch, budget):
    from backprop import generate
    from worker.landscape import plot

    monkeypatch.setattr(plot, "ELEMENT_BUDGET", budget)
    points = generate("xor_cloud", 4, 60, 0, 66).points()  # 40 training points, 20 test points
    run = Run({"n_h": 3, "data": "points"}, points=points)
    run.train(30)
    assert run.data.m == 40
    R, span = 9, 1.0
    d1, d2, _ = directions("random", 3)
    J = grid_costs(run, d1, d2, span, R)
    X = np.array([p[:2] for p in points if not p[3]]).T
    Y = np.array([p[2] for p in points if not p[3]], dtype=float)
    a = offsets(span, R)
    for row, col in [(0, 0), (2, 7), (8, 8), (4, 4)]:
        p = unflatten(run.theta + a[col] * d1 + a[::-1][row] * d2, 3)  # NumPy written here: tanh, sigmoid, half MSE
        A2 = 1 / (1 + np.exp(-(p["W1"] @ np.tanh(p["W0"] @ X + p["b0"]) + p["b1"])))
        assert J[row, col] == pytest.approx(0.5 * np.mean((A2 - Y) ** 2), rel=1e-12)
    assert J[4, 4] == pytest.approx(run.cost, rel=1e-12)
