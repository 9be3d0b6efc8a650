"""A weight set by hand (app/network/editing.py): the values a key or a drag asks for, and on the fake page with the
real worker: a typed value becomes the model's parameter (its J is an independent NumPy computation's), the link's
params= holds the edited network, a refused value is said beside the field and changes nothing, ArrowUp nudges, at
most one set_param is in flight (the latest value wins), and Reset goes back to the seed's parameters and clears
params=."""

import asyncio
import types

import numpy as np
import pytest

from app.network.editing import DRAG_THRESHOLD, drag_value, is_drag, nudge_step, nudged, plain
from lab_page import open_page, settle


@pytest.mark.parametrize(
    ("text", "key", "shift", "expected"),
    [
        ("0.1", "ArrowUp", False, "0.2"),
        ("0.2", "ArrowUp", False, "0.3"),  # 0.2 + 0.1 is 0.30000000000000004: ten digits kept
        ("-0.04167578474054706", "ArrowUp", False, "0.05832421526"),
        ("-0.04167578474054706", "ArrowDown", True, "-1.041675785"),
        ("0.1", "ArrowDown", False, "0"),  # not "-0" nor 2.7e-17
        ("2.5", "ArrowDown", True, "1.5"),
        ("0.1", "ArrowLeft", False, None),  # not a nudge key
        ("nan", "ArrowUp", False, None),  # a diverged network's parameter: nothing to nudge from
        ("inf", "ArrowUp", False, None),
    ],
)
def test_nudges(text, key, shift, expected):
    assert nudged(text, key, shift) == expected


def test_nudge_steps_and_plain_zeros():
    assert (nudge_step("ArrowUp", False), nudge_step("ArrowDown", True), nudge_step("Enter", False)) == (
        0.1,
        -1.0,
        None,
    )
    assert (plain("-0.00"), plain("-0"), plain("-0.50"), plain("0.00")) == ("0.00", "0", "-0.50", "0.00")


def test_a_drag_maps_pixels_up_to_a_larger_value_in_hundredths():
    assert drag_value("0.1", -50) == "1.10"  # 50 pixels up: +1
    assert drag_value("0.1", 25) == "-0.40"
    assert drag_value("-0.04167578474054706", 0) == "-0.04"
    assert drag_value("0.004", 0) == "0.00" and drag_value("-0.004", 0) == "0.00"
    assert not is_drag(DRAG_THRESHOLD - 1) and is_drag(DRAG_THRESHOLD) and is_drag(-DRAG_THRESHOLD)


def independent_J(W0, b0, W1, b1):
    """J of the notebook's XOR network (tanh, half MSE) for these parameters, from NumPy here."""
    A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]], dtype=float)
    Y = np.array([[1, 1, 0, 0]], dtype=float)
    A2 = 1 / (1 + np.exp(-(W1 @ np.tanh(W0 @ A0 + b0) + b1)))
    return float(0.5 * np.mean((A2 - Y) ** 2))


def seed_params(seed=2, n_h=2):
    rng = np.random.RandomState(seed)
    W0 = rng.randn(n_h, 2) * 0.1
    W1 = rng.randn(1, n_h) * 0.1
    return W0, np.full((n_h, 1), 0.1), W1, np.full((1, 1), 0.1)


def submit(page):
    for kind, handler in page.elements["chain-edit"].listeners:
        if kind == "submit":
            handler(types.SimpleNamespace(preventDefault=lambda: None))


def test_typed_values_refusals_nudges_and_reset(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch)
    page.element("chain-field").props["select"] = lambda: None
    editing = lab.network.editing

    async def scenario():
        await context.start()
        await settle()
        j = lab.diagram.keys.index(("W1", 0, 1))
        lab.network.open(j, focus_field=True)
        await settle()

        # a typed value: the model's parameter, its J the independent one, the link's params= its text
        page.elements["chain-field"].value = " 2.5 "
        submit(page)
        await settle()
        W0, b0, W1, b1 = seed_params()
        W1[0, 1] = 2.5
        assert float(session.run.params["W1"][0, 1]) == 2.5 and context.snap["params"]["W1"][1] == 2.5
        assert context.snap["cost"] == pytest.approx(independent_J(W0, b0, W1, b1), rel=1e-14)
        assert session.run.step == 0 and editing.edited
        params = [float(x) for x in context.settings["params"].split("_")]
        assert params == W0.ravel().tolist() + b0.ravel().tolist() + W1.ravel().tolist() + b1.ravel().tolist()
        assert window.replaced[-1] == context.link() and "params=" in window.location.search
        assert page.text("chain-edit-message") == ""

        # a refused value: said beside the field, which is marked; the network unchanged
        version = context.snap["version"]
        page.elements["chain-field"].value = "1e9"
        submit(page)
        await settle()
        assert page.text("chain-edit-message") == "W1[0,1] must be at most 1e+06 in size (got '1e9')"
        assert page.elements["chain-field"].attributes["aria-invalid"] == "true"
        assert context.snap["version"] == version and float(session.run.params["W1"][0, 1]) == 2.5

        # ArrowUp on the focused weight: +0.1, and the message goes
        weight = lab.diagram.items[j]["group"]
        for kind, handler in lab.diagram.svg.listeners:
            if kind == "keydown":
                handler(types.SimpleNamespace(target=weight, key="ArrowUp", shiftKey=False, preventDefault=lambda: 0))
        await settle()
        assert float(session.run.params["W1"][0, 1]) == 2.6
        assert "aria-invalid" not in page.elements["chain-field"].attributes

        # three values asked while one is in flight: the first and the last are set, the middle one dropped
        calls = len(page.calls)
        for text in ("1", "2", "3"):
            editing.send("b1", text)
        await settle()
        assert page.calls[calls:].count("set_param") == 2 and float(session.run.params["b1"][0, 0]) == 3.0

        # Reset: the seed's parameters again, and the link without params=
        lab.reset()
        await settle()
        assert context.settings["params"] == "" and "params=" not in window.location.search
        assert np.array_equal(session.run.params["W1"], seed_params()[2]) and not editing.edited

    asyncio.run(scenario())
