"""One parameter's gradient by the chain rule, term by term (backprop/chain.py).

Oracles: the model's own backward pass (the terms must sum to its gradient, to a few ulps: only the order of the
sum may differ), central differences of the step's cost (backprop.numeric_gradient, an independent derivative),
and each term's product recomputed here from its factors' definitions written out in NumPy.
"""

import math

import numpy as np
import pytest

from backprop import A0, Run, chain_terms, numeric_gradient, page_name, parse_name, truth_table


def all_names(n_h):
    names = [("W0", i, k) for i in range(n_h) for k in range(2)] + [("b0", i, 0) for i in range(n_h)]
    return names + [("W1", 0, i) for i in range(n_h)] + [("b1", 0, 0)]


def close_in_ulps(a, b, terms, ulps=4):
    """a and b within a few ulps of the terms' size: adding them in another order may differ by that much (where
    the terms cancel, many ulps of the sum itself)."""
    scale = sum(abs(term["product"]) for term in terms)
    return a == b or abs(a - b) <= ulps * math.ulp(scale)


SETTINGS = [
    {},
    {"n_h": 3, "activation": "relu", "cost": "cross_entropy", "learning_rate": 1, "seed": 5},
    {"n_h": 4, "activation": "sigmoid", "table": "AND"},
    {"batch": "one"},
    {"batch": "shuffled", "seed": 3, "n_h": 3},
]


@pytest.mark.parametrize("settings", SETTINGS, ids=str)
def test_the_terms_sum_to_the_models_gradient_and_to_finite_differences(settings):
    run = Run(settings)
    run.train(7)
    stages = run.stages()
    examples = stages["examples"]
    c = run.config
    numeric = {
        name: numeric_gradient(
            name, run.params, A0[:, examples], truth_table(c.table)[:, examples], c.activation, c.cost
        )
        for name in ("W0", "b0", "W1", "b1")
    }
    for param, row, col in all_names(c.n_h):
        chain = chain_terms(stages, param, row, col)
        model = stages["backward"]["d" + param][row, col]
        assert chain["gradient"] == model
        assert close_in_ulps(chain["sum"], model, chain["terms"]), (param, row, col, chain["sum"], model)
        assert chain["sum"] == pytest.approx(numeric[param][row, col], rel=1e-6, abs=1e-10)
        assert [term["example"] for term in chain["terms"]] == examples == chain["examples"]
        assert chain["slip"] is False


def test_each_term_is_its_factors_definitions_multiplied():
    run = Run({"n_h": 3, "seed": 4})
    run.train(3)
    stages = run.stages()
    Z1, A1, A2 = (stages["forward"][name] for name in ("Z1", "A1", "A2"))
    Y, W1 = truth_table(), run.params["W1"]
    dZ2 = (A2 - Y) / 4 * A2 * (1 - A2)  # half-MSE, m = 4
    g = 1 - np.tanh(Z1) ** 2  # tanh'(Z1) from its definition, not from A1
    for j in range(4):
        w1 = chain_terms(stages, "W1", 0, 2)["terms"][j]
        assert w1["factors"] == [dZ2[0, j], A1[2, j]]
        assert w1["product"] == dZ2[0, j] * A1[2, j]
        w0 = chain_terms(stages, "W0", 1, 0)["terms"][j]
        assert w0["factors"][:2] == [W1[0, 1], dZ2[0, j]]
        assert w0["factors"][2] == pytest.approx(g[1, j], rel=1e-14)
        assert w0["factors"][3] == A0[0, j]
        assert w0["product"] == pytest.approx(W1[0, 1] * dZ2[0, j] * g[1, j] * A0[0, j], rel=1e-14)
        assert chain_terms(stages, "b1", 0, 0)["terms"][j]["product"] == dZ2[0, j]
        b0 = chain_terms(stages, "b0", 2, 0)["terms"][j]
        assert b0["product"] == stages["backward"]["dZ1"][2, j]  # dZ1[i,j] is W1[0,i] · dZ2[0,j] · g′, in that order


def test_the_factor_names_are_the_notebooks():
    stages = Run({"n_h": 3}).stages()
    assert chain_terms(stages, "W1", 0, 1)["factors"] == ["dZ2[0,j]", "A1[1,j]"]
    assert chain_terms(stages, "b1", 0, 0)["factors"] == ["dZ2[0,j]"]
    assert chain_terms(stages, "W0", 2, 1)["factors"] == ["W1[0,2]", "dZ2[0,j]", "g′(Z1[2,j])", "A0[1,j]"]
    assert chain_terms(stages, "b0", 1, 0)["factors"] == ["W1[0,1]", "dZ2[0,j]", "g′(Z1[1,j])"]
    notebook = Run({"notebook_mode": True}).stages()
    assert chain_terms(notebook, "W0", 0, 0)["factors"][2] == "g′(A1[0,j])"


def test_notebook_mode_sums_to_the_slipped_gradient_and_says_so():
    run = Run({"notebook_mode": True})
    stages = run.stages()
    numeric = numeric_gradient("b0", run.params, A0, truth_table())
    for param, row, col in all_names(2):
        chain = chain_terms(stages, param, row, col)
        assert close_in_ulps(chain["sum"], stages["backward"]["d" + param][row, col], chain["terms"])
        assert chain["slip"] is (param in ("W0", "b0"))
    slipped = chain_terms(stages, "b0", 1, 0)["sum"]
    assert round(slipped, 5) == -0.00058 and round(numeric[1, 0], 5) == -0.00059  # the notebook's cell 31


def test_one_example_per_step_has_one_term():
    run = Run({"batch": "shuffled", "seed": 8})
    run.train(5)
    chain = chain_terms(run.stages(), "W0", 1, 1)
    assert chain["examples"] == run.next_examples() and len(chain["terms"]) == 1
    assert chain["sum"] == chain["terms"][0]["product"] == chain["gradient"]


@pytest.mark.parametrize(
    "name, n_h, parsed",
    [
        ("W0[1,0]", 2, ("W0", 1, 0)),
        ("W1[0,1]", 2, ("W1", 0, 1)),
        ("b0[1]", 2, ("b0", 1, 0)),
        ("b0[1,0]", 2, ("b0", 1, 0)),
        ("b1", 2, ("b1", 0, 0)),
        ("b1[0]", 2, ("b1", 0, 0)),
        ("b1[0,0]", 2, ("b1", 0, 0)),
        ("W0[15,1]", 16, ("W0", 15, 1)),
        ("W0[5,0]", 2, None),
        ("W0[1]", 2, None),
        ("W1[1,0]", 2, None),
        ("W0[0,2]", 2, None),
        ("b1[1]", 2, None),
        ("b2", 2, None),
        ("W0[a,0]", 2, None),
        ("W0[-1,0]", 2, None),
        ("W0[1,0", 2, None),
        ("", 2, None),
        ("W0[١,0]", 2, None),  # an Arabic-Indic digit: not an index
    ],
)
def test_parameter_names(name, n_h, parsed):
    assert parse_name(name, n_h) == parsed
    if parsed is not None:
        assert parse_name(page_name(*parsed), n_h) == parsed
