"""The chain-rule panel (app/network/chain_panel.py and its wiring in app/network/panel.py): its texts and table from a
contract-shaped snap["chain"] written by hand, then on the fake page with the real worker: Enter on W1[0,1] opens it,
the lab asks for its chain with the plots, and its numbers are those of an independent NumPy computation of the
notebook's network; it follows a Step, Escape closes it and gives the focus back to the weight."""

import asyncio
import types

import numpy as np

from app.network.chain_panel import (
    caption,
    field_label,
    gradient_name,
    headers,
    heading,
    rows,
    slip_text,
    step_text,
    totals,
    value_lines,
)
from lab_page import open_page, settle

MINUS = "\u2212"
CHAIN = {  # the contract's shape, numbers made up (two examples, one step: a "one example" run would have one)
    "name": "W0[1,0]",
    "param": "W0",
    "row": 1,
    "col": 0,
    "value": "-0.25",
    "gradient": "0.0030000000000000001",
    "step": 7,
    "examples": [2, 3],
    "formula": "dW0[1,0] = Σⱼ W1[0,1] · dZ2[0,j] · g′(A1[1,j]) · A0[0,j]",
    "definitions": ["dZ2[0,j] = (A2[0,j] − Y[0,j]) / m", "m = 2: the examples this step's gradient sums over"],
    "factors": ["W1[0,1]", "dZ2[0,j]", "g′(A1[1,j])", "A0[0,j]"],
    "terms": [
        {"example": 2, "factors": ["0.5", "-0.1", "0.9", "0.0"], "product": "-0.0"},
        {"example": 3, "factors": ["0.5", "0.01", "0.6", "1.0"], "product": "0.003"},
    ],
    "sum": "0.003",
    "slip": True,
}


def test_the_texts_name_the_parameter_its_gradient_and_the_step():
    assert heading("W1[0,1]") == "Chain rule for W1[0,1]"
    assert field_label("b1") == "Value of b1"
    assert gradient_name("b0[1]") == "db0[1]"
    assert step_text(0) == "The gradient at step 0, which step 1 uses (the parameters now, before that step)."
    assert value_lines(CHAIN) == [("W0[1,0]", MINUS + "0.25"), ("dW0[1,0]", "0.0030000000000000001")]
    assert caption(CHAIN) == "Each example j's term of dW0[1,0]: W1[0,1] · dZ2[0,j] · g′(A1[1,j]) · A0[0,j]"
    assert "notebook's slip" in slip_text(CHAIN) and slip_text(dict(CHAIN, slip=False)) == ""


def test_the_table_has_a_row_per_example_with_each_factor_then_the_sum_and_the_gradient():
    assert headers(CHAIN) == ["example j", "W1[0,1]", "dZ2[0,j]", "g′(A1[1,j])", "A0[0,j]", "product"]
    assert rows(CHAIN) == [
        ["2", "0.5", MINUS + "0.1", "0.9", "0.0", MINUS + "0.0"],
        ["3", "0.5", "0.01", "0.6", "1.0", "0.003"],
    ]
    foot = totals(CHAIN)
    assert foot[:2] == [("sum of the products", "0.003"), ("= dW0[1,0]", "0.0030000000000000001")]
    assert len(foot) == 3 and "last digits" in foot[2][1]  # the two texts differ: said why
    assert len(totals(dict(CHAIN, gradient="0.003"))) == 2  # the same: nothing to explain


def independent_dW1(n_h=2, seed=2):
    """dW1 of the notebook's network at step 0 and each example's term (XOR, tanh, half MSE), from NumPy here."""
    rng = np.random.RandomState(seed)
    W0, W1 = rng.randn(n_h, 2) * 0.1, None
    W1 = rng.randn(1, n_h) * 0.1
    b0, b1 = np.full((n_h, 1), 0.1), np.full((1, 1), 0.1)
    A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]], dtype=float)
    Y = np.array([[1, 1, 0, 0]], dtype=float)
    A1 = np.tanh(W0 @ A0 + b0)
    A2 = 1 / (1 + np.exp(-(W1 @ A1 + b1)))
    dZ2 = (A2 - Y) / 4 * A2 * (1 - A2)
    return dZ2 @ A1.T, dZ2, A1


def key(page_element, name, **more):
    return types.SimpleNamespace(target=page_element, key=name, shiftKey=False, preventDefault=lambda: None, **more)


def svg_handlers(lab, event):
    return [handler for kind, handler in lab.diagram.svg.listeners if kind == event]


def test_enter_on_a_weight_opens_its_chain_rule_with_the_models_numbers(monkeypatch, session):
    page, _window, context, lab = open_page(monkeypatch)
    focused = []

    page.element("chain-field").props["select"] = lambda: None

    async def scenario():
        await context.start()
        await settle()
        j = next(i for i, k in enumerate(lab.diagram.keys) if k == ("W1", 0, 1))
        weight = lab.diagram.items[j]["group"]
        weight.props["focus"] = lambda: focused.append("W1[0,1]")
        for handler in svg_handlers(lab, "keydown"):
            handler(key(weight, "Enter"))
        await settle()
        panel = lab.network.chain
        assert panel.name == "W1[0,1]" and page.elements["chain-panel"].hidden is False
        assert page.text("chain-heading") == "Chain rule for W1[0,1]"
        assert page.text("chain-field-label") == "Value of W1[0,1]"
        assert page.text("chain-at").startswith("The gradient at step 0, which step 1 uses")
        dW1, dZ2, A1 = independent_dW1()
        cells = [[cell.textContent for cell in row] for row in panel.cells]
        assert [row[0] for row in cells] == ["0", "1", "2", "3"]
        for j, row in enumerate(cells):
            numbers = [float(text.replace(MINUS, "-")) for text in row[1:]]
            assert np.allclose(numbers, [dZ2[0, j], A1[1, j], dZ2[0, j] * A1[1, j]], rtol=1e-12, atol=0)
        foot = [[cell.textContent for cell in row.children] for row in page.elements["chain-foot"].children]
        assert foot[1][0] == "= dW1[0,1]"
        assert abs(float(foot[1][1].replace(MINUS, "-")) - dW1[0, 1]) <= 1e-15
        assert page.elements["chain-field"].value == repr(float(session.run.params["W1"][0, 1]))

        lab.step()  # the panel follows: now the gradient at step 1
        await settle()
        assert page.text("chain-at").startswith("The gradient at step 1, which step 2 uses")

        close = [h for kind, h in page.elements["chain-panel"].listeners if kind == "keydown"]
        for handler in close:
            handler(key(page.elements["chain-panel"], "Escape"))
        assert panel.name is None and page.elements["chain-panel"].hidden is True
        assert focused == ["W1[0,1]"]
        assert '"chain": null' in lab.request()

    asyncio.run(scenario())
