"""Each unit's picture on the diagram (app/network/pictures.py): where each image's bytes start, the texts that
name a unit's range, where the enlarged picture goes, and that a frame copies each unit's bytes into its own canvas.

The pictures are the real worker's (py/worker/door.py with units asked for); the oracles are the answer's body cut
by hand at offset + k * side * side * 4, and the contract's example texts."""

import json
import types

import fake_dom
from app.network import diagram
from app.network.diagram import NetworkDiagram
from app.network.pictures import (
    UnitPictures,
    image_start,
    part_of,
    picture_label,
    popup_place,
    range_text,
)
from shared import protocol
from worker import door

MINUS = "\u2212"


def units_answer(n_h=2, seed=2):
    """(snapshot, body) of the worker's answer to configure with the units' pictures asked for."""
    answer = door.configure(json.dumps({"n_h": n_h, "seed": seed}), json.dumps({"units": True, "surface": True}))
    data, body = protocol.read(answer, AssertionError)
    units = data["snapshot"]["units"]
    units["rgba"] = body
    return data["snapshot"], units


def test_each_image_starts_after_the_surface_and_the_units_before_it():
    assert image_start(0, 32, 0) == 0
    assert image_start(16384, 32, 1) == 16384 + 4096
    assert image_start(100, 2, 3) == 100 + 3 * 16


def test_range_and_label_texts_use_a_real_minus_sign():
    assert range_text("A1[0]", "-0.96", "0.97") == "A1[0]: from " + MINUS + "0.96 to 0.97"  # the contract's example
    assert picture_label("A1[3]", "-0.283", "0.415") == (
        "Picture of hidden unit A1[3]: its output over the input square, from " + MINUS + "0.283 to 0.415"
    )
    assert picture_label("A2") == "Picture of the output A2: its output over the input square (not drawn yet)"
    assert picture_label("A2", "nan", "nan").endswith("from NaN to NaN")


def test_the_enlarged_picture_goes_right_of_the_unit_then_left_then_under_it():
    # right of the box, centred on it
    assert popup_place((100, 200, 150, 250), (176, 200), 1024) == (158, 125)
    # no room on the right (a phone): on the left
    assert popup_place((300, 200, 350, 250), (176, 200), 360) == (116, 125)
    # no room on either side: under the box, inside the screen
    assert popup_place((100, 200, 150, 250), (176, 200), 300) == (100, 258)
    # never above the top edge
    assert popup_place((100, 10, 150, 40), (176, 200), 1024) == (158, 4)


def test_part_of_cuts_bytes_here_and_views_a_typed_array_on_the_page():
    assert part_of(b"abcdef", 2, 3) == b"cde"
    calls = []
    typed = types.SimpleNamespace(subarray=lambda start, end: calls.append((start, end)) or "view")
    assert part_of(typed, 16384, 4096) == "view" and calls == [(16384, 20480)]


def make_pictures(monkeypatch, n_h):
    document = fake_dom.install(monkeypatch)
    svg = document.createElementNS(diagram.SVG_NS, "svg")
    net = NetworkDiagram(svg, document.createElement("div"))
    net.build(n_h)
    popup, canvas, text = document.createElement("div"), document.createElement("canvas"), document.createElement("p")
    return net, UnitPictures(net, popup, canvas, text)


def test_a_frame_copies_each_units_bytes_into_its_own_canvas_and_names_its_range(monkeypatch, session):
    net, pictures = make_pictures(monkeypatch, 3)
    _snap, units = units_answer(n_h=3)
    assert units["names"] == ["A1[0]", "A1[1]", "A1[2]", "A2"] and units["side"] == 32
    assert pictures.draw(units) == 4
    body, size = units["rgba"], 32 * 32 * 4
    for k, slot in enumerate(net.picture_slots):
        canvas = slot["canvas"]
        assert (canvas.width, canvas.height) == (32, 32)
        ((image, x, y),) = canvas.context.called("putImageData")
        assert (x, y) == (0, 0)
        assert image.data.bytes == body[units["offset"] + k * size : units["offset"] + (k + 1) * size]
        low, high = units["ranges"][k]
        assert slot["group"].attributes["aria-label"] == picture_label(units["names"][k], low, high)
    # the output's picture is the decision surface's colours: a blue-ish or orange-ish square, not empty
    a2 = net.picture_slots[3]["canvas"].context.called("putImageData")[0][0].data.bytes
    assert len({a2[i : i + 4] for i in range(0, size, 4)}) > 1
    # a picture set for another network size is not drawn into this one's slots
    _, other = units_answer(n_h=5)
    assert pictures.draw(other) == 0 and pictures.draw(None) == 0


def test_a_rebuilt_diagram_gets_new_images_and_focus_shows_the_enlarged_picture(monkeypatch, session):
    net, pictures = make_pictures(monkeypatch, 2)
    _, units = units_answer(n_h=2)
    pictures.draw(units)
    group = net.picture_slots[1]["group"]
    group.props["getBoundingClientRect"] = lambda: types.SimpleNamespace(left=100, top=200, right=150, bottom=250)
    pictures.popup.props.update(offsetWidth=176, offsetHeight=200)
    focus = [handler for event, handler in net.svg.listeners if event == "focusin"]
    for handler in focus:
        handler(types.SimpleNamespace(target=group))
    assert pictures.popup.hidden is False
    low, high = units["ranges"][1]
    assert pictures.popup_text.textContent == range_text("A1[1]", low, high)
    assert pictures.popup_canvas.context.called("putImageData")[-1][0] is pictures.images[1]
    assert (pictures.popup.style.left, pictures.popup.style.top) == ("158px", "125px")
    for event, handler in net.svg.listeners:
        if event == "keydown":
            handler(types.SimpleNamespace(key="Escape", target=group))
    assert pictures.popup.hidden is True

    net.build(4)  # a new network size: new slots, new images
    _, units4 = units_answer(n_h=4)
    assert pictures.draw(units4) == 5 and len(pictures.images) == 5
