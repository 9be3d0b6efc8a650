"""backprop.mistakes against the model's backward pass and the notebook's own class (tests/model)."""

import numpy as np
import pytest

from backprop import A0, backward, forward, init_params, truth_table
from backprop.mistakes import MISTAKES, ORDER, backward_with, step

Y = truth_table("XOR")


@pytest.fixture
def net():
    params = init_params(3, 5)
    return params, forward(params, A0, Y)


def test_the_right_steps_chain_to_the_models_backward(net):
    params, cache = net
    grads, model = {}, backward(params, cache, A0, Y)
    for name, up in zip(ORDER, (None, "dA2", "dZ2", "dZ2", "dZ2", "dA1", "dZ1", "dZ1")):
        (grads[name],) = step(name, grads.get(up), params, cache, A0, Y)
        np.testing.assert_allclose(grads[name], model[name], rtol=1e-12)


def test_forgetting_m_makes_every_gradient_m_times_too_big(net):
    params, cache = net
    wrong, right = backward_with("forgot_m", params, cache, A0, Y), backward(params, cache, A0, Y)
    for name in ORDER:
        np.testing.assert_allclose(wrong[name], 4 * right[name], rtol=1e-12)


def test_the_tanh_slip_is_the_notebooks(net):
    params, cache = net
    slipped = backward_with("tanh_of_A1", params, cache, A0, Y)
    notebook = backward(params, cache, A0, Y, notebook_mode=True)
    for name in ORDER:
        np.testing.assert_allclose(slipped[name], notebook[name], rtol=1e-12)


def test_every_mistake_changes_something(net):
    params, cache = net
    right = backward(params, cache, A0, Y)
    for mistake in MISTAKES:
        wrong = backward_with(mistake, params, cache, A0, Y)
        assert any(
            wrong[n] is None or wrong[n].shape != right[n].shape or not np.allclose(wrong[n], right[n]) for n in ORDER
        ), mistake


def test_an_unknown_mistake_is_refused(net):
    with pytest.raises(ValueError, match="unknown mistake"):
        step("dA2", None, *net, A0, Y, mistake="typo")
