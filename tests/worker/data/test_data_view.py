"""The points as the page draws them (worker/data/view.py): extent, ticks, circles in the 1000 x 1000 square,
centres, the description, the link and the CSV's name.

Oracles: positions and path texts worked out by hand, the contract's extent rule (a margin of at least a quarter,
ends on multiples of 0.5), the link's format written out (x1_x2_c joined by ~)."""

import re

import numpy as np
import pytest

from backprop import Config, generate
from worker.data.view import CENTRES_LIMIT, SCALE, data_view, extent, positions, ticks

XOR = [[0.0, 1.0, 1, 0], [1.0, 0.0, 1, 0], [0.0, 0.0, 0, 0], [1.0, 1.0, 0, 0]]
POINTS = Config(data="points")


@pytest.mark.parametrize(
    "points, lo_hi",
    [
        (XOR, (-0.5, 1.5)),
        ([], (-0.5, 1.5)),
        ([[0.3, -1.2, 1, 0], [1.24, 0.0, 0, 1]], (-1.5, 1.5)),  # -1.2 - 0.25 = -1.45 -> -1.5; 1.24 + 0.25 -> 1.5
        ([[0.3, -1.2, 1, 0], [1.26, 0.0, 0, 1]], (-1.5, 2.0)),  # 1.26 + 0.25 = 1.51 -> 2
        ([[2.0, 0.0, 1, 0]], (-0.5, 2.5)),  # 0 - 0.25 -> -0.5; 2 + 0.25 -> 2.5
        ([[0.0, 0.0, 1, 0]], (-0.5, 0.5)),
    ],
)
def test_the_extent_covers_every_point_with_a_margin(points, lo_hi):
    assert extent(points) == lo_hi


@pytest.mark.parametrize(
    "lo_hi, values, texts",
    [
        ((-0.5, 1.5), [0.0, 1.0], ["0", "1"]),
        ((-1.5, 1.5), [-1.0, 0.0, 1.0], ["\u22121", "0", "1"]),
        ((-2.0, 2.0), [-2.0, 0.0, 2.0], ["\u22122", "0", "2"]),
        ((-0.5, 0.5), [-0.5, 0.0, 0.5], ["\u22120.5", "0.0", "0.5"]),
    ],
)
def test_ticks(lo_hi, values, texts):
    assert ticks(*lo_hi) == (values, texts)


def test_positions_in_the_square_with_y_downward():
    X, Y = positions([[0.0, 0.0, 1, 0], [1.5, 1.5, 0, 0], [-0.5, -0.5, 0, 1], [0.7, 1.3, 1, 0]], -0.5, 1.5)
    # (x - lo) / 2 * 1000 and (hi - y) / 2 * 1000
    assert X.tolist() == [250, 1000, 0, 600] and Y.tolist() == [750, 0, 1000, 100]


def circle(x, y, r):
    return f"M{x - r} {y}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0"


def test_the_truth_tables_points_one_path_per_class_and_their_centres():
    view = data_view(XOR, Config(), 3)
    assert view["version"] == 3 and view["extent"] == [-0.5, 1.5] and view["scale"] == SCALE == 1000
    assert view["ticks"] == [0.0, 1.0] and view["tick_texts"] == ["0", "1"]
    assert view["count"] == {"train": 4, "test": 0}
    r = round(view["radius"] * 1000)
    # (0, 1) -> (250, 250), (1, 0) -> (750, 750), (0, 0) -> (250, 750), (1, 1) -> (750, 250)
    assert view["paths"]["train"] == [
        circle(250, 750, r) + circle(750, 250, r),
        circle(250, 250, r) + circle(750, 750, r),
    ]
    assert view["paths"]["test"] == ["", ""]
    assert view["centres"] == [[250, 250, 1, 0], [750, 750, 1, 0], [250, 750, 0, 0], [750, 250, 0, 0]]
    assert view["link"] is None and view["link_note"] is None  # a table is in the link by its settings
    assert view["csv_name"] == "backprop-lab_xor_4-points.csv"
    assert view["label"] == (
        "The XOR truth table: 4 points on the plane from \u22120.5 to 1.5 in x1 and x2, "
        "4 training points (filled: 2 of class 1, 2 of class 0)."
    )


def test_own_points_go_in_the_link_and_test_points_are_drawn_apart():
    points = [[0.25, -0.5, 1, 0], [1.5, 0.75, 0, 1], [0.0, 0.0, 1, 1]]
    view = data_view(points, POINTS, 1)
    assert view["link"] == "0.25_-0.5_1~1.5_0.75_2~0.0_0.0_3" and view["link_note"] is None
    assert view["count"] == {"train": 1, "test": 2}
    lo, hi = view["extent"]
    assert (lo, hi) == (-1.0, 2.0)
    r = round(view["radius"] * 1000)

    def at(x1, x2):
        return round((x1 - lo) / (hi - lo) * 1000), round((hi - x2) / (hi - lo) * 1000)

    assert view["paths"]["train"] == ["", circle(*at(0.25, -0.5), r)]
    assert view["paths"]["test"] == [circle(*at(1.5, 0.75), r), circle(*at(0.0, 0.0), r)]
    assert view["centres"][1] == [*at(1.5, 0.75), 0, 1]
    assert view["label"] == (
        "Your points: 3 points on the plane from \u22121 to 2 in x1 and x2, 1 training point (filled: 1 of class 1, "
        "0 of class 0) and 2 test points (hollow: 1 of class 1, 1 of class 0)."
    )
    assert view["csv_name"] == "backprop-lab_points_3-points.csv"


def test_no_points_yet():
    view = data_view([], POINTS, 7)
    assert view["count"] == {"train": 0, "test": 0} and view["centres"] == []
    assert view["paths"] == {"train": ["", ""], "test": ["", ""]}
    assert view["label"] == "Your points: no points yet. Click on the plot to add a point of the chosen class."


def test_a_generated_set_many_points_no_centres_and_smaller_circles():
    data = generate("spiral", 7, 300, 10, 60)
    config = Config(data="spiral", data_seed=7, data_size=300, noise=10, train_percent=60)
    view = data_view(data.points(), config, 1)
    assert "centres" not in view and view["link"] is None
    assert view["count"] == {"train": 180, "test": 120}
    assert view["radius"] < data_view(XOR, Config(), 1)["radius"]
    r = round(view["radius"] * 1000)
    circles = {
        name: [re.findall(r"M(-?\d+) (-?\d+)a", path) for path in view["paths"][name]] for name in ("train", "test")
    }
    assert [len(c) for c in circles["train"]] == [int((data.Y == 0).sum()), int((data.Y == 1).sum())]
    assert [len(c) for c in circles["test"]] == [int((data.Y_test == 0).sum()), int((data.Y_test == 1).sum())]
    lo, hi = view["extent"]
    # the first training point of class 1, by hand from its coordinates
    x1, x2 = data.A0[:, int(np.flatnonzero(data.Y[0] == 1)[0])]
    expected = (round((x1 - lo) / (hi - lo) * 1000) - r, round((hi - x2) / (hi - lo) * 1000))
    assert tuple(int(v) for v in circles["train"][1][0]) == expected
    assert view["csv_name"] == "backprop-lab_spiral_data7_size300_noise10_train60_300-points.csv"


def test_too_many_points_for_a_link():
    points = [[i / 7, -i / 3, i % 2, 0] for i in range(400)]
    view = data_view(points, POINTS, 1)
    assert view["link"] is None
    assert view["link_note"] == (
        "The link cannot hold 400 points: save the run (JSON) or export the points (CSV) instead."
    )
    assert CENTRES_LIMIT == 64
