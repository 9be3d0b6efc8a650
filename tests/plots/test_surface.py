"""The decision surface's image, computed in the worker: grid, colour map and description; oracles worked out
by hand from the geometry."""

import math
import sys

import numpy as np
import pytest

from plots.surface import describe_surface, surface_grid, surface_rgba


def test_import_needs_no_browser():
    assert "js" not in sys.modules or sys.platform == "emscripten"


def test_grid_2x2_pixel_centres_row_major_top_row_is_largest_x2():
    # [0, 2] in 2 pixels: centres at 0.5 and 1.5. Row 0 is the top of the image: x2 = 1.5.
    expected = [[0.5, 1.5, 0.5, 1.5], [1.5, 1.5, 0.5, 0.5]]
    np.testing.assert_array_equal(surface_grid(2, lo=0.0, hi=2.0), expected)


def test_grid_default_range_minus_half_to_one_and_a_half():
    g = surface_grid(4)  # pixel width 0.5: centres -0.25, 0.25, 0.75, 1.25
    assert g.shape == (2, 16)
    image_x1, image_x2 = g[0].reshape(4, 4), g[1].reshape(4, 4)
    np.testing.assert_array_equal(image_x1[0], [-0.25, 0.25, 0.75, 1.25])  # left to right
    np.testing.assert_array_equal(image_x2[:, 0], [1.25, 0.75, 0.25, -0.25])  # top to bottom
    assert (image_x1 == image_x1[0]).all() and (image_x2[:, 0] == image_x2.T).all()


def test_grid_64_spans_the_square_symmetrically():
    g = surface_grid(64)
    half_pixel = 2.0 / 64 / 2
    assert g.shape == (2, 4096)
    assert g.min() == pytest.approx(-0.5 + half_pixel) and g.max() == pytest.approx(1.5 - half_pixel)
    assert g[1, 0] == g.max() and g[1, -1] == g.min()  # first pixel top-left, last bottom-right
    assert g[0, 0] == g.min() and g[0, -1] == g.max()


def test_grid_rejects_zero():
    with pytest.raises(ValueError):
        surface_grid(0)


def test_colour_map_endpoints_midpoint_and_a_stop():
    rgba = surface_rgba([0.0, 0.5, 1.0, 0.25], 2).reshape(4, 4).tolist()
    assert rgba == [
        [179, 88, 6, 255],  # #b35806
        [247, 247, 247, 255],  # #f7f7f7
        [33, 102, 172, 255],  # #2166ac
        [241, 163, 64, 255],
    ]  # #f1a340


def test_colour_map_between_stops_is_linear():
    # 0.125 is half-way from the 0 stop (179, 88, 6) to the 0.25 stop (241, 163, 64):
    # (210, 125.5, 35); 125.5 rounds half to even, 126.
    assert surface_rgba([0.125], 1).reshape(4).tolist() == [210, 126, 35, 255]


def test_colour_map_clips_and_greys_nan_without_error():
    rgba = surface_rgba(np.array([[-3.0, 7.0, np.nan, -np.inf]]), 2).reshape(4, 4).tolist()
    assert rgba == [[179, 88, 6, 255], [33, 102, 172, 255], [150, 150, 150, 255], [179, 88, 6, 255]]


def test_colour_map_shape_dtype_and_out():
    out = np.zeros((3, 3, 4), dtype=np.uint8)
    result = surface_rgba(np.linspace(0, 1, 9).reshape(1, 9), 3, out=out)
    assert result is out and out.dtype == np.uint8 and out.shape == (3, 3, 4)
    assert out[0, 0].tolist() == [179, 88, 6, 255] and out[2, 2].tolist() == [33, 102, 172, 255]
    with pytest.raises(ValueError):
        surface_rgba(np.zeros(8), 3)


def test_colour_map_follows_the_grid_orientation():
    # An "A2" that is x2 rescaled: the top row (largest x2) must be bluest, the bottom row most orange.
    g = surface_grid(8)
    rgba = surface_rgba((g[1] + 0.5) / 2.0, 8)
    assert rgba[0, 0, 2] > rgba[-1, 0, 2] and rgba[0, 0, 0] < rgba[-1, 0, 0]


def test_describe_surface():
    text = describe_surface([[0.9, 0.1, 0.2, 0.8]], [[0.9, 0.8, 0.1, 0.2]], [[1, 1, 0, 0]])
    assert "above 0.5 on 50% of the square" in text and "4 of 4 training points" in text
    text = describe_surface([0.9, 0.9, 0.9, 0.2], [[0.9, 0.8, 0.7, 0.2]], [[1, 1, 0, 0]])
    assert "75%" in text and "3 of 4" in text
    assert "not a number" in describe_surface([math.nan] * 4, [[math.nan] * 4], [[1, 1, 0, 0]])


def test_describe_surface_names_the_datas_extent():
    text = describe_surface([0.9, 0.1], [[0.9, 0.2, 0.7]], [[1, 0, 0]], -1.5, 2.0)
    assert "inputs x1 and x2 from \u22121.5 to 2:" in text and "2 of 3 training points" in text
    assert "from \u22120.5 to 1.5:" in describe_surface([0.9], [[0.9]], [[1]])  # a truth table's square
