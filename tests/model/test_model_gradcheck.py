"""Backprop against central differences: every parameter and every intermediate."""

import warnings

import numpy as np
import pytest

from backprop import (
    A0,
    COSTS,
    GRADIENT_NAMES,
    backward,
    forward,
    gradient_check,
    init_params,
    numeric_gradient,
    relative_error,
    truth_table,
)


@pytest.mark.parametrize("cost", ["half_mse", "cross_entropy"])
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
@pytest.mark.parametrize("n_h", [1, 2, 5, 16])
@pytest.mark.parametrize("seed", [0, 2, 7, 2024])
def test_correct_mode_gradients_agree_with_numeric(seed, n_h, activation, cost):
    table = ["XOR", "AND", "NOR", "XNOR"][seed % 4]
    report = gradient_check(init_params(n_h, seed), A0, truth_table(table), activation, cost)
    assert set(report) == set(GRADIENT_NAMES)
    for name, entry in report.items():
        assert entry["relative_error"] < 1e-6, (name, entry["relative_error"])
        assert entry["numeric"].shape == entry["analytic"].shape


@pytest.mark.parametrize("seed", [0, 2, 7])
def test_notebook_mode_tanh_slip_fails_the_check_from_dZ1_down(seed):
    report = gradient_check(init_params(2, seed), A0, truth_table("XOR"), notebook_mode=True)
    for name in ("A2", "Z2", "W1", "b1", "A1"):
        assert report[name]["relative_error"] < 1e-6
    for name in ("Z1", "W0", "b0"):
        assert report[name]["relative_error"] > 1e-6


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_notebook_mode_generalises_as_the_derivative_taken_at_A1(activation):
    params, Y = init_params(3, 4), truth_table("XOR")
    cache = forward(params, A0, Y, activation)
    slip = backward(params, cache, A0, Y, activation, notebook_mode=True)
    if activation == "sigmoid":
        s = 1 / (1 + np.exp(-cache["A1"]))
        expected = slip["dA1"] * (s * (1 - s))
        assert relative_error(slip["dZ1"], backward(params, cache, A0, Y, activation)["dZ1"]) > 1e-6
    else:
        expected = slip["dA1"] * (cache["Z1"] > 0)  # relu'(A1) = relu'(Z1): notebook mode changes nothing
        np.testing.assert_array_equal(slip["dZ1"], backward(params, cache, A0, Y, activation)["dZ1"])
    np.testing.assert_array_equal(slip["dZ1"], expected)


def test_numeric_gradient_of_an_intermediate_holds_upstream_fixed():
    # For Z2 the cost depends on Z2 alone: dJ/dZ2 = (A2 - Y) * A2 * (1 - A2) / m, element by element.
    params, Y = init_params(2, 2), truth_table("XOR")
    A2 = forward(params, A0, Y)["A2"]
    np.testing.assert_allclose(numeric_gradient("Z2", params, A0, Y), (A2 - Y) * A2 * (1 - A2) / 4, rtol=1e-8)


def test_relative_error_is_norm_based_and_safe_at_zero():
    assert relative_error([0.0, 0.0], [0.0, 0.0]) == 0.0
    assert relative_error([3.0, 4.0], [3.0, 4.0]) == 0.0
    assert relative_error([1.0, 0.0], [0.0, 0.0]) == 1.0
    assert relative_error([3.0, 4.0], [0.0, 0.0]) == 1.0
    assert relative_error([1.0], [3.0]) == pytest.approx(0.5)


def test_unknown_gradient_name_is_a_readable_error():
    with pytest.raises(ValueError, match="no gradient for 'Q'"):
        numeric_gradient("Q", init_params(), A0, truth_table())


def test_cross_entropy_cost_is_stable_when_saturated():
    Z2 = np.array([[-1e4, 800.0, 1e4, -800.0]])  # every output saturated, two of them wrong
    Y = truth_table("XOR")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        J = COSTS["cross_entropy"].from_Z2(Z2, Y)
    assert pytest.approx((1e4 + 0.0 + 1e4 + 0.0) / 4) == J
