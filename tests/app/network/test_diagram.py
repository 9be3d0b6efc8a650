"""The network diagram: widths, styles, texts, layout, and that a frame writes only changed attributes.

The parameters and their exact texts come from the worker's real snapshots (py/worker/lab/session.py), so the page
is tested on what the worker sends it; oracles are hand-computed values, the notebook's printed weights and
CPython's repr.
"""

import math

import pytest

import fake_dom
from app.network import diagram, weights
from app.network.diagram import NetworkDiagram, layout
from app.network.weights import (
    aria_label,
    format_value,
    param_keys,
    param_name,
    param_values,
    sign_category,
    stroke_width,
    tooltip_text,
)
from shared.exact_text import exact_value
from worker.lab.session import Session

MINUS = "\u2212"


def test_stroke_width_values():
    assert stroke_width(0.0) == 0.5
    # 0.5 + 5.5 * tanh(1), tanh(1) = 0.7615941559557649
    assert stroke_width(2.0) == pytest.approx(0.5 + 5.5 * 0.7615941559557649)
    assert stroke_width(-2.0) == stroke_width(2.0)
    assert stroke_width(math.nan) == 0.5
    assert stroke_width(math.inf) == stroke_width(-math.inf) == 6.0


def test_stroke_width_monotone_and_bounded():
    grid = [k * 0.025 for k in range(2001)] + [1e3, 1e300]
    widths = [stroke_width(w) for w in grid]
    assert all(b >= a for a, b in zip(widths, widths[1:]))
    assert all(b > a for a, b in zip(widths[:401], widths[1:401]))  # strictly where it matters (|w| < 10)
    assert min(widths) >= 0.5 and max(widths) <= 6.0


def test_sign_category():
    assert [sign_category(v) for v in (1.0, 0.0, -2.0, math.nan, -0.0, math.inf, -math.inf)] == [0, 0, 1, 2, 0, 0, 1]
    assert weights.STYLES[1][1] != "none" and weights.STYLES[0][1] == "none"  # negative is dashed


def test_value_texts():
    assert format_value(-0.2136196104739812) == MINUS + "0.21361961"  # the notebook prints W0[1,0] as -0.21361961
    assert exact_value(repr(-0.2136196104739812)) == MINUS + "0.2136196104739812"
    assert format_value(0.1) == "0.1" and exact_value("0.1") == "0.1"
    assert format_value(math.nan) == "NaN" and exact_value(repr(math.nan)) == "NaN"
    assert format_value(-math.inf) == MINUS + "infinity" and exact_value(repr(-math.inf)) == MINUS + "infinity"
    assert format_value(1e-5) == "1e" + MINUS + "05" and exact_value(repr(1e-5)) == "1e" + MINUS + "05"


def test_names_and_labels():
    assert param_keys(2) == [
        ("W0", 0, 0),
        ("W0", 0, 1),
        ("W0", 1, 0),
        ("W0", 1, 1),
        ("W1", 0, 0),
        ("W1", 0, 1),
        ("b0", 0, 0),
        ("b0", 1, 0),
        ("b1", 0, 0),
    ]
    assert [param_name(k) for k in param_keys(1)] == ["W0[0,0]", "W0[0,1]", "W1[0,0]", "b0[0]", "b1"]
    assert aria_label(("W0", 1, 0), -0.2136196104739812) == "W0[1,0], input x1 to hidden unit A1[1]: \u22120.21361961"
    assert aria_label(("W1", 0, 3), 2.5) == "W1[0,3], hidden unit A1[3] to output A2: 2.5"
    assert aria_label(("b0", 2, 0), 0.1) == "b0[2], bias of hidden unit A1[2]: 0.1"
    assert aria_label(("b1", 0, 0), -1.0) == "b1, bias of output A2: \u22121"
    assert (
        tooltip_text(("W0", 1, 0), -0.2136196104739812, "-0.2136196104739812")
        == "W0[1,0] = \u22120.2136196104739812 (negative, dashed): input x1 to hidden unit A1[1]"
    )
    assert tooltip_text(("b1", 0, 0), 0.1, "0.1") == "b1 = 0.1 (positive, solid): bias of output A2"
    assert (
        tooltip_text(("W1", 0, 0), math.nan, "nan")
        == "W1[0,0] = NaN (not a number, dotted): hidden unit A1[0] to output A2"
    )


def test_param_values_order():
    params = {"W0": [1.0, 2.0, 3.0, 4.0], "b0": [5.0, 6.0], "W1": [7.0, 8.0], "b1": [9.0]}
    assert param_values(params, 2) == [1, 2, 3, 4, 7, 8, 5, 6, 9]
    with pytest.raises(ValueError):
        param_values(params, 3)


def snapshot(n_h=2, seed=2, steps=0):
    session = Session()
    session.configure({"n_h": n_h, "seed": seed})
    session.step(steps)
    snap = session.snapshot()
    return snap["params"], snap["params_text"], session


def test_param_values_of_a_snapshot_match_param_keys():
    # Each key names the entry of the worker's matrices that the diagram shows under that name.
    params, texts, session = snapshot(n_h=3, seed=4, steps=7)
    values = param_values(params, 3)
    for (name, row, col), value, text in zip(param_keys(3), values, param_values(texts, 3)):
        exact = float(session.run.params[name][row, col])
        assert value == exact and text == repr(exact)


def test_the_notebooks_weights_are_labelled_by_name():
    params, _texts, _ = snapshot()  # the default network is the notebook's (seed 2)
    labels = dict(
        zip(
            (param_name(k) for k in param_keys(2)),
            (aria_label(k, v) for k, v in zip(param_keys(2), param_values(params, 2))),
        )
    )
    # cell 3: W0 = [[-0.04167578, -0.00562668], [-0.21361961, 0.16402708]], W1 = [[-0.17934356, -0.08417474]]
    assert labels["W0[1,0]"].endswith(MINUS + "0.21361961")
    assert labels["W0[1,1]"].endswith(": 0.16402708")
    assert labels["W1[0,0]"].endswith(MINUS + "0.17934356")
    assert labels["b0[1]"] == "b0[1], bias of hidden unit A1[1]: 0.1"


@pytest.mark.parametrize("n_h", range(1, 17))
def test_layout_fits_and_does_not_overlap(n_h):
    geo = layout(n_h)
    ys = [y for _, y in geo["hidden"]]
    assert len(ys) == n_h
    (hw, hh), (ow, oh), (iw, ih) = geo["boxes"]["hidden"], geo["boxes"]["output"], geo["boxes"]["input"]
    if n_h > 1:
        assert min(b - a for a, b in zip(ys, ys[1:])) >= 2 * hh + 4  # room between the boxes
    centres = [(c, hw, hh) for c in geo["hidden"]] + [(c, iw, ih) for c in geo["input"]]
    for (x, y), w, h in centres + [(geo["output"][0], ow, oh)]:
        assert x - w > 0 and x + w < geo["width"] and y - h > diagram.HEADER
        assert y + h < geo["legend_y"] < geo["height"]
    # the columns do not touch: inputs, hidden boxes and the output, left to right
    assert geo["input"][0][0] + iw < geo["hidden"][0][0] - hw - 40
    assert geo["hidden"][0][0] + hw < geo["output"][0][0] - ow - 40
    # symmetric about the output unit, inputs on either side
    ((ox, oy),) = geo["output"]
    assert sum(ys) / n_h == pytest.approx(oy) and sum(y for _, y in geo["input"]) / 2 == pytest.approx(oy)
    # every W0[i][k] runs from input k's right edge to hidden i's left edge; W1[i] from its right edge to the output
    hx = geo["hidden"][0][0]
    for i in range(n_h):
        for k in range(2):
            assert geo["W0"][i][k] == (geo["input"][k][0] + iw, geo["input"][k][1], hx - hw, ys[i])
        assert geo["W1"][i] == (hx + hw, ys[i], ox - ow, oy)


@pytest.mark.parametrize("n_h", range(1, 17))
def test_each_unit_has_a_square_picture_inside_its_box_left_of_its_name(n_h):
    geo = layout(n_h)
    pictures = geo["pictures"]
    assert len(pictures) == n_h + 1  # hidden units, then the output
    units = [(c, geo["boxes"]["hidden"]) for c in geo["hidden"]] + [(geo["output"][0], geo["boxes"]["output"])]
    for (x, y, side), ((cx, cy), (w, h)) in zip(pictures, units):
        assert 26 <= side <= 80
        assert cx - w < x and x + side < cx + w and cy - h < y and y + side < cy + h  # inside its box
        assert y + side / 2 == pytest.approx(cy)  # centred on the unit's line
        assert (cx + w) - (x + side) >= 26  # room for the unit's name right of it
    if n_h > 1:  # the pictures never overlap
        assert all(b[1] - a[1] >= a[2] + 4 for a, b in zip(pictures[:n_h], pictures[1:n_h]))
    sides = [side for _, _, side in pictures[:n_h]]
    assert len(set(sides)) == 1 and pictures[-1][2] >= sides[0]  # one size for the hidden units, the output's as big


def test_pictures_shrink_as_units_are_added_and_the_diagram_stays_a_phone_screen_tall():
    sides = [layout(n)["pictures"][0][2] for n in range(1, 17)]
    assert sides[0] == 80 and sides[-1] == 26 and all(b <= a for a, b in zip(sides, sides[1:]))
    geo = layout(16)
    assert geo["height"] / geo["width"] < 1.4  # 360 px wide: under 500 px tall


def test_layout_grows_with_n_h():
    heights = [layout(n)["height"] for n in range(1, 17)]
    assert all(b >= a for a, b in zip(heights, heights[1:]))


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(diagram, "clock", fake)
    return fake


def set_param(params, texts, name, index, value):
    params[name][index] = value
    texts[name][index] = repr(value)


def test_diagram_writes_only_changes_and_listens_once(monkeypatch, clock):
    document = fake_dom.install(monkeypatch)
    svg, tip = document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div")
    net = NetworkDiagram(svg, tip)
    assert len(svg.listeners) == 5 and tip.attributes["role"] == "tooltip" and tip.hidden is True
    assert {event for event, _ in svg.listeners} == {"mouseover", "mouseout", "focusin", "focusout", "keydown"}
    net.build(16)
    net.build(2)
    net.build(16)
    assert len(svg.listeners) == 5  # rebuilding adds no listeners
    reachable = [el for el in svg.walk() if el.attributes.get("tabindex") == "0"]
    focusable = [el for el in reachable if "data-param" in el.attributes]  # the weights and biases
    pictures = [el for el in reachable if "data-unit" in el.attributes]  # each unit's picture
    assert len(focusable) == 16 * 3 + 17 and len(pictures) == 17 and len(reachable) == len(focusable) + 17
    assert all(el.attributes.get("role") == "img" for el in reachable)
    assert [el.attributes["data-unit"] for el in pictures] == [str(k) for k in range(17)]
    assert len(net.picture_slots) == 17 and net.picture_slots[16]["name"] == "A2"
    labels = {el.textContent for el in svg.walk() if el.tag == "text"}
    assert {"x1", "x2", "A1[0]", "A1[15]", "A2"} <= labels

    params, texts, _ = snapshot(n_h=16, seed=3)
    first = net.draw(params, texts, force_labels=True)
    assert first == 65 * (1 + 2 + 1)  # width, colour and dash, aria-label
    assert all("aria-label" in el.attributes for el in focusable)
    assert net.draw(params, texts) == 0
    set_param(params, texts, "W0", 7, -params["W0"][7])  # a sign flip: colour and dash; the width stays
    assert net.draw(params, texts) == 2
    set_param(params, texts, "b1", 0, 3.1)  # a bigger bias, same sign: a new width
    assert net.draw(params, texts, force_labels=True) == 1 + 2  # width, plus the two labels not yet current
    b1 = net.items[64]  # after the 32 W0, 16 W1 and 16 b0 entries
    assert b1["group"].attributes["aria-label"] == "b1, bias of output A2: 3.1"
    assert b1["shape"].attributes["stroke-width"] == "%.1f" % (0.5 + 5.5 * math.tanh(3.1 / 2))  # 5.5
    w1 = net.items[32]  # W1[0,0] comes after the 32 W0 entries
    assert w1["group"].attributes["aria-label"] == aria_label(("W1", 0, 0), params["W1"][0])
    flipped = net.items[7]["shape"].attributes  # W0[3,1]
    expected = weights.NEGATIVE if params["W0"][7] < 0 else weights.POSITIVE
    assert flipped["stroke"] == expected


def test_draw_builds_for_the_params_size(monkeypatch, clock):
    document = fake_dom.install(monkeypatch)
    net = NetworkDiagram(document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div"))
    net.draw(*snapshot(n_h=3)[:2])
    assert net.n_h == 3 and len(net.items) == 4 * 3 + 1
    net.draw(*snapshot(n_h=5)[:2])
    assert net.n_h == 5 and len(net.items) == 4 * 5 + 1 and len(net.svg.listeners) == 5


def test_build_keeps_its_geometry_and_an_empty_overlay_last(monkeypatch, clock):
    document = fake_dom.install(monkeypatch)
    svg = document.createElementNS(diagram.SVG_NS, "svg")
    net = NetworkDiagram(svg, document.createElement("div"))
    assert net.geometry is None and net.overlay is None
    net.build(3)
    first = net.overlay
    assert net.geometry == layout(3)
    (fragment,) = svg.children  # the fake's replaceChildren keeps the fragment; a browser moves its children
    assert fragment.lastChild is first and first.tag == "g" and first.attributes["class"] == "diagram-overlay"
    assert first.children == []
    net.build(5)
    assert net.geometry == layout(5) and net.overlay is not first  # a rebuild: a new overlay to write into


def test_a_diverged_network_is_drawn_dotted_grey(monkeypatch, clock):
    document = fake_dom.install(monkeypatch)
    net = NetworkDiagram(document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div"))
    params, texts, _ = snapshot()
    set_param(params, texts, "b1", 0, math.nan)
    net.draw(params, texts, force_labels=True)
    b1 = net.items[-1]
    assert b1["shape"].attributes["stroke"] == weights.NOT_A_NUMBER
    assert b1["shape"].attributes["stroke-width"] == "0.5"
    assert b1["group"].attributes["aria-label"] == "b1, bias of output A2: NaN"


def test_tooltip_follows_focus_and_escape(monkeypatch, clock):
    document = fake_dom.install(monkeypatch)
    svg, tip = document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div")
    net = NetworkDiagram(svg, tip)
    params, texts, _ = snapshot()
    net.draw(params, texts)
    group = net.items[2]["group"]  # W0[1,0]
    group.props["getBoundingClientRect"] = lambda: type(
        "R", (), {"left": 10, "top": 100, "width": 20, "height": 10, "bottom": 110}
    )()
    group.props["closest"] = lambda selector: group
    tip.props["offsetWidth"], tip.props["offsetHeight"] = 120, 20
    handlers = dict(svg.listeners)
    handlers["focusin"](type("E", (), {"target": group})())
    assert tip.hidden is False
    # the notebook's W0[1,0], with the worker's exact text (CPython's repr)
    assert tip.textContent == (
        "W0[1,0] = " + MINUS + texts["W0"][2][1:] + " (negative, dashed): input x1 to hidden unit A1[1]"
    )
    assert round(float(texts["W0"][2]), 8) == -0.21361961
    assert group.attributes["aria-describedby"] == tip.id
    # placed above the element, centred on it: left = 10 + 20 / 2 - 120 / 2 clamped to 4; top = 100 - 6 - 20
    assert (tip.style.left, tip.style.top) == ("4px", "74px")
    set_param(params, texts, "W0", 2, -7.25)
    net.draw(params, texts)  # the shown value follows the training
    assert tip.textContent.startswith("W0[1,0] = \u22127.25 ")
    handlers["keydown"](type("E", (), {"key": "Escape"})())
    assert tip.hidden is True and "aria-describedby" not in group.attributes


def test_stale_labels_are_caught_up_by_one_timer(monkeypatch, clock):
    document = fake_dom.install(monkeypatch)
    net = NetworkDiagram(document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div"))
    params, texts, _ = snapshot()
    net.draw(params, texts, force_labels=True)
    for value in (1.5, 2.5, 3.5):  # frames within the label interval: labels wait, one timer is set
        clock.now += 0.1
        set_param(params, texts, "b1", 0, value)
        net.draw(params, texts)
    b1 = net.items[-1]["group"]
    assert b1.attributes["aria-label"] == "b1, bias of output A2: 0.1"  # still the first frame's
    ((callback, ms),) = document.js.timers
    assert ms == diagram.LABEL_INTERVAL * 1000
    callback()
    assert b1.attributes["aria-label"] == "b1, bias of output A2: 3.5"


def test_labels_refresh_with_a_frame_after_the_interval(monkeypatch, clock):
    document = fake_dom.install(monkeypatch)
    net = NetworkDiagram(document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div"))
    params, texts, _ = snapshot()
    net.draw(params, texts, force_labels=True)
    set_param(params, texts, "b1", 0, 2.0)
    clock.now += diagram.LABEL_INTERVAL
    net.draw(params, texts)
    assert net.items[-1]["group"].attributes["aria-label"] == "b1, bias of output A2: 2"
    assert document.js.timers == []


def test_the_diagram_follows_training(monkeypatch, clock):
    # Snapshots of a network in training: each frame writes at most what changed, and the final labels
    # are the final parameters'.
    document = fake_dom.install(monkeypatch)
    net = NetworkDiagram(document.createElementNS(diagram.SVG_NS, "svg"), document.createElement("div"))
    session = Session()
    session.configure({})
    for _ in range(20):
        session.step(50)
        snap = session.snapshot()
        clock.now += 1.0
        assert net.draw(snap["params"], snap["params_text"]) <= 9 * 4
    for item, key, value in zip(net.items, param_keys(2), param_values(snap["params"], 2)):
        assert item["group"].attributes["aria-label"] == aria_label(key, value)
        assert item["shape"].attributes["stroke-width"] == "%.1f" % (0.5 + 5.5 * math.tanh(abs(value) / 2))
