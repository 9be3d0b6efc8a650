"""Parameters in a lesson link (worker/share/params_link.py): the compact `params=` text and its validation.

Oracles: backprop.Run's parameters (read back bit for bit), the characters a URL query carries unencoded (the
page's app/link.py SAFE), and messages checked for the words that name the problem.
"""

import numpy as np
import pytest

from backprop import PARAM_NAMES, Run
from worker.share.params_link import params_from_text, params_text

URL_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


@pytest.mark.parametrize(
    "settings, steps",
    [
        ({}, 0),
        ({}, 1000),
        ({"n_h": 1}, 10),
        ({"n_h": 16, "seed": 9}, 300),
        ({"activation": "relu", "cost": "cross_entropy", "n_h": 5}, 50),
    ],
)
def test_round_trip_is_exact_and_url_safe(settings, steps):
    run = Run(settings)
    run.train(steps)
    text = params_text(run)
    assert set(text) <= URL_SAFE
    params = params_from_text(text, run.config.n_h)
    for name in PARAM_NAMES:
        assert params[name].tobytes() == run.params[name].tobytes()
        assert params[name].shape == run.params[name].shape
    assert params_text(run.params) == text  # a dict of arrays works too
    assert Run(run.config, params=params).cost == run.cost


def test_text_is_the_flat_values_in_order_and_short():
    run = Run()
    text = params_text(run)
    values = [float(x) for x in text.split("_")]
    assert values == np.concatenate([run.params[name].ravel() for name in PARAM_NAMES]).tolist()
    assert values[:4] == pytest.approx([-0.04167578, -0.00562668, -0.21361961, 0.16402708], abs=1e-8)  # cell 3
    assert len(text) < 200


def test_small_numbers_and_commas():
    params = {"W0": [[1e-07, -0.0]], "b0": [[2.5e-300]], "W1": [[1e6]], "b1": [[-1e-6]]}
    text = params_text(params)
    assert text == "1e-07_-0.0_2.5e-300_1000000.0_-1e-06"
    read = params_from_text(text.replace("_", ", "), 1)
    assert read["W0"].tolist() == [[1e-07, -0.0]] and np.signbit(read["W0"][0, 1])


@pytest.mark.parametrize(
    "text, n_h, words",
    [
        ("0.1_0.2_0.3", 2, ["3 numbers", "n_h=2 needs 9", "W0 4, b0 2, W1 2, b1 1"]),
        ("", 1, ["no numbers", "needs 5"]),
        ("1_2_3_4_5_6", 1, ["6 numbers", "needs 5"]),
        ("1_2_abc_4_5", 1, ["number 3", "'abc'", "not a number"]),
        ("1_2__4_5", 1, ["number 3", "not a number"]),
        ("1_2_3_nan_5", 1, ["number 4", "not a finite number"]),
        ("1_2_3_4_-inf", 1, ["number 5", "not a finite number"]),
        ("1_2_3_4_1e400", 1, ["number 5", "not a finite number"]),
        ("1_2_3_4_2e6", 1, ["b1[0,0] is 2e+06", "too large"]),
        ("1_" * 3000 + "1", 1, ["characters long", "at most"]),
        (None, 1, ["must be text"]),
    ],
)
def test_bad_text_gets_a_message(text, n_h, words):
    with pytest.raises(ValueError) as err:
        params_from_text(text, n_h)
    for word in words:
        assert word in str(err.value), str(err.value)


def test_parameters_that_are_not_finite_or_too_large_do_not_go_in_a_link():
    run = Run()
    run.params["b0"][1, 0] = np.inf
    with pytest.raises(ValueError, match="only finite parameters"):
        params_text(run)
    run.params["b0"][1, 0] = 5e6
    with pytest.raises(ValueError, match="only finite parameters"):
        params_text(run)
