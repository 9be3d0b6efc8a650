"""The network diagram: widths, styles, texts, layout, and that a frame writes only changed attributes."""

import math

import numpy as np
import pytest

import fake_dom
from app import diagram
from app.diagram import (NetworkDiagram, aria_label, exact_value, format_value, layout, param_keys, param_name,
                         param_values, sign_category, stroke_width, tooltip_text)


def test_stroke_width_values():
    assert stroke_width([0.0]).tolist() == [0.5]
    # 0.5 + 5.5 * tanh(1), tanh(1) = 0.7615941559557649
    assert stroke_width([2.0])[0] == pytest.approx(0.5 + 5.5 * 0.7615941559557649)
    assert stroke_width([-2.0])[0] == stroke_width([2.0])[0]
    assert stroke_width([math.nan]).tolist() == [0.5]
    assert stroke_width([math.inf, -math.inf]).tolist() == [6.0, 6.0]


def test_stroke_width_monotone_and_bounded():
    w = np.concatenate([np.linspace(0, 50, 2001), [1e3, 1e300]])
    widths = stroke_width(w)
    assert (np.diff(widths) >= 0).all()
    assert (np.diff(stroke_width(np.linspace(0, 10, 101))) > 0).all()  # strictly where it matters
    assert widths.min() >= 0.5 and widths.max() <= 6.0


def test_sign_category():
    assert sign_category([1.0, 0.0, -2.0, math.nan, -0.0]).tolist() == [0, 0, 1, 2, 0]
    assert diagram.STYLES[1][1] != "none" and diagram.STYLES[0][1] == "none"  # negative is dashed


def test_value_texts():
    assert format_value(-0.2136196104739812) == "\u22120.21361961"
    assert exact_value(-0.2136196104739812) == "\u22120.2136196104739812"
    assert format_value(0.1) == "0.1" and exact_value(0.1) == "0.1"
    assert format_value(math.nan) == "NaN" and exact_value(-math.inf) == "\u2212infinity"


def test_names_and_labels():
    assert param_keys(2) == [("W0", 0, 0), ("W0", 0, 1), ("W0", 1, 0), ("W0", 1, 1),
                             ("W1", 0, 0), ("W1", 0, 1), ("b0", 0, 0), ("b0", 1, 0), ("b1", 0, 0)]
    assert [param_name(k) for k in param_keys(1)] == ["W0[0,0]", "W0[0,1]", "W1[0,0]", "b0[0]", "b1"]
    assert aria_label(("W0", 1, 0), -0.2136196104739812) == \
        "W0[1,0], input x1 to hidden unit A1[1]: \u22120.21361961"
    assert aria_label(("W1", 0, 3), 2.5) == "W1[0,3], hidden unit A1[3] to output A2: 2.5"
    assert aria_label(("b0", 2, 0), 0.1) == "b0[2], bias of hidden unit A1[2]: 0.1"
    assert aria_label(("b1", 0, 0), -1.0) == "b1, bias of output A2: \u22121"
    assert tooltip_text(("W0", 1, 0), -0.2136196104739812) == \
        "W0[1,0] = \u22120.2136196104739812 (negative, dashed): input x1 to hidden unit A1[1]"


def test_param_values_order():
    params = {"W0": np.array([[1.0, 2.0], [3.0, 4.0]]), "b0": np.array([[5.0], [6.0]]),
              "W1": np.array([[7.0, 8.0]]), "b1": np.array([[9.0]])}
    assert param_values(params, 2).tolist() == [1, 2, 3, 4, 7, 8, 5, 6, 9]
    with pytest.raises(ValueError):
        param_values(params, 3)


@pytest.mark.parametrize("n_h", [1, 2, 3, 8, 16])
def test_layout_fits_and_does_not_overlap(n_h):
    geo = layout(n_h)
    ys = [y for _, y in geo["hidden"]]
    assert len(ys) == n_h
    if n_h > 1:
        assert min(np.diff(ys)) >= diagram.NODE_HEIGHT + 6  # room between the pills
    for x, y in geo["hidden"] + geo["input"] + geo["output"]:
        assert 0 < x < geo["width"] and diagram.HEADER < y - diagram.NODE_HEIGHT / 2
        assert y + diagram.NODE_HEIGHT / 2 < geo["legend_y"] < geo["height"]
    # symmetric about the output unit, inputs on either side
    (ox, oy), = geo["output"]
    assert np.mean(ys) == pytest.approx(oy) and np.mean([y for _, y in geo["input"]]) == pytest.approx(oy)
    # every W0[i][k] runs from input k's right edge to hidden i's left edge
    in_right = diagram.COLUMN_X["input"] + diagram.NODE_WIDTH["input"] / 2
    h_left = diagram.COLUMN_X["hidden"] - diagram.NODE_WIDTH["hidden"] / 2
    for i in range(n_h):
        for k in range(2):
            assert geo["W0"][i][k] == (in_right, geo["input"][k][1], h_left, ys[i])
        assert geo["W1"][i][1] == ys[i] and geo["W1"][i][3] == oy


def test_layout_grows_with_n_h():
    heights = [layout(n)["height"] for n in range(1, 17)]
    assert all(b >= a for a, b in zip(heights, heights[1:]))


def params_for(n_h, scale=1.0):
    rng = np.random.default_rng(n_h)
    return {"W0": rng.normal(size=(n_h, 2)) * scale, "b0": rng.normal(size=(n_h, 1)) * scale,
            "W1": rng.normal(size=(1, n_h)) * scale, "b1": rng.normal(size=(1, 1)) * scale}


def test_diagram_writes_only_changes_and_listens_once(monkeypatch):
    document = fake_dom.install(monkeypatch)
    svg, tip = document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div")
    net = NetworkDiagram(svg, tip)
    assert len(svg.listeners) == 5 and tip.attributes["role"] == "tooltip" and tip.hidden is True
    net.build(16)
    net.build(2)
    net.build(16)
    assert len(svg.listeners) == 5  # rebuilding adds no listeners
    focusable = [el for el in svg.walk() if el.attributes.get("tabindex") == "0"]
    assert len(focusable) == 16 * 3 + 17
    assert all(el.attributes.get("role") == "img" for el in focusable)
    labels = {el.textContent for el in svg.walk() if el.tag == "text"}
    assert {"x1", "x2", "A1[0]", "A1[15]", "A2"} <= labels

    params = params_for(16)
    first = net.draw(params, force_labels=True)
    assert first == 65 * (1 + 2 + 1)  # width, colour and dash, aria-label
    assert all("aria-label" in el.attributes for el in focusable)
    assert net.draw(params) == 0
    params["W0"][3, 1] = -params["W0"][3, 1]  # a sign flip: colour and dash; the width stays
    assert net.draw(params) == 2
    params["W1"][0, 0] += 3.0  # a bigger weight: a new width
    assert net.draw(params, force_labels=True) == 1 + 2  # width, plus the two labels not yet current
    w1 = net.items[32]  # W1[0,0] comes after the 32 W0 entries
    assert w1["group"].attributes["aria-label"].startswith("W1[0,0], hidden unit A1[0] to output A2: ")
    assert w1["shape"].attributes["stroke-width"] == f"{stroke_width(params['W1'][0, 0]):.1f}"


def test_draw_builds_for_the_params_size(monkeypatch):
    document = fake_dom.install(monkeypatch)
    net = NetworkDiagram(document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div"))
    net.draw(params_for(3))
    assert net.n_h == 3 and len(net.items) == 4 * 3 + 1
    net.draw(params_for(5))
    assert net.n_h == 5 and len(net.items) == 4 * 5 + 1 and len(net.svg.listeners) == 5


def test_tooltip_follows_focus_and_escape(monkeypatch):
    document = fake_dom.install(monkeypatch)
    svg, tip = document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div")
    net = NetworkDiagram(svg, tip)
    params = params_for(2)
    net.draw(params)
    group = net.items[2]["group"]  # W0[1,0]
    group.props["getBoundingClientRect"] = lambda: type("R", (), {"left": 10, "top": 100, "width": 20,
                                                                  "height": 10, "bottom": 110})()
    group.props["closest"] = lambda selector: group
    group.props["offsetWidth"] = 0
    tip.props["offsetWidth"], tip.props["offsetHeight"] = 120, 20
    handlers = dict(svg.listeners)
    handlers["focusin"](type("E", (), {"target": group})())
    assert tip.hidden is False
    assert tip.textContent == tooltip_text(("W0", 1, 0), params["W0"][1, 0])
    assert group.attributes["aria-describedby"] == tip.id
    params["W0"][1, 0] = -7.25
    net.draw(params)  # the shown value follows the training
    assert tip.textContent.startswith("W0[1,0] = \u22127.25 ")
    handlers["keydown"](type("E", (), {"key": "Escape"})())
    assert tip.hidden is True and "aria-describedby" not in group.attributes


def test_stale_labels_are_caught_up_by_one_timer(monkeypatch):
    document = fake_dom.install(monkeypatch)
    net = NetworkDiagram(document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div"))
    params = params_for(2)
    net.draw(params, force_labels=True)
    for value in (1.5, 2.5, 3.5):  # frames within the label interval: labels wait, one timer is set
        params["b1"][0, 0] = value
        net.draw(params)
    b1 = net.items[-1]["group"]
    assert b1.attributes["aria-label"] != "b1, bias of output A2: 3.5"
    (callback, ms), = document.js.timers
    assert ms == diagram.LABEL_INTERVAL * 1000
    callback()
    assert b1.attributes["aria-label"] == "b1, bias of output A2: 3.5"
