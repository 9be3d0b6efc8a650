"""Each unit's picture (worker/network/pictures.py), and how the door sends them (worker/door.py, view "units").

Oracles: the decision surface's own image (worker/lab/session.py's surface(), plots/surface.py), the hidden units'
values computed here with NumPy from the parameters on the pixel centres, and colours named in the issue's contract
(orange #b35806 at -1, white at 0, blue #2166ac at +1).
"""

import json

import numpy as np
import pytest

from backprop import PARAM_NAMES, Run
from plots.surface import surface_grid, surface_rgba
from shared import protocol
from worker import door as exports
from worker.lab.session import SURFACE_RESOLUTION, Session
from worker.network.pictures import SIDE, UnitPictures

ORANGE, NEAR_WHITE, BLUE = (179, 88, 6, 255), (247, 247, 247, 255), (33, 102, 172, 255)


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    session = Session()
    monkeypatch.setattr(exports, "SESSION", session)
    return session


def images(body, meta):
    side = meta["side"]
    pictures = np.frombuffer(body, dtype=np.uint8)[meta.get("offset", 0) :]
    return pictures.reshape(len(meta["names"]), side, side, 4)


def set_hidden(run, W0, b0):
    params = {name: run.params[name].copy() for name in PARAM_NAMES}
    params["W0"], params["b0"] = np.array(W0, dtype=float), np.array(b0, dtype=float).reshape(-1, 1)
    run.set_params(params)


def test_the_output_picture_is_the_decision_surface_when_the_sides_match(fresh_session):
    fresh_session.configure({"n_h": 3, "seed": 5})
    fresh_session.step(250)
    surface, _ = fresh_session.surface()
    meta, body = UnitPictures(SURFACE_RESOLUTION).pictures(fresh_session.run)
    assert images(body, meta)[-1].tobytes() == surface
    meta, body = UnitPictures().pictures(fresh_session.run)  # and at the diagram's side, the surface's colour map
    A2 = fresh_session.run.predict(surface_grid(SIDE))
    assert images(body, meta)[-1].tobytes() == surface_rgba(A2, SIDE).tobytes()


def test_hidden_units_are_orange_white_blue_from_minus_one_to_one():
    run = Run({"n_h": 4})
    set_hidden(run, [[0, 0], [0, 0], [0, 0], [0, 0]], [0, 20, -20, 0.5])
    meta, body = UnitPictures().pictures(run)
    pictures = images(body, meta)
    assert {tuple(p) for p in pictures[0].reshape(-1, 4)} == {NEAR_WHITE}  # A1 = tanh(0) = 0
    assert {tuple(p) for p in pictures[1].reshape(-1, 4)} == {BLUE}  # tanh(20) = 1
    assert {tuple(p) for p in pictures[2].reshape(-1, 4)} == {ORANGE}  # tanh(-20) = -1
    assert meta["ranges"][:3] == [["0", "0"], ["1", "1"], ["-1", "-1"]]
    # tanh(0.5) = 0.4621: between white and blue, as the surface's colour map is between 0.5 and 1
    assert tuple(pictures[3, 0, 0]) == tuple(surface_rgba([0.5 + np.tanh(0.5) / 2], 1)[0, 0])


def test_the_top_row_is_x2_high_and_x1_grows_to_the_right():
    run = Run({"n_h": 2})
    set_hidden(run, [[0, 3], [3, 0]], [-1.5, -1.5])  # A1[0] = tanh(3·x2 − 1.5), A1[1] = tanh(3·x1 − 1.5)
    meta, body = UnitPictures().pictures(run)
    up, right = images(body, meta)[:2]
    assert tuple(up[0, 5]) != tuple(up[-1, 5]) and np.all(up[0] == up[0, 0]) and tuple(up[-1, 0]) != BLUE
    assert up[0, 0, 2] > up[-1, 0, 2]  # more blue at the top
    assert right[5, -1, 2] > right[5, 0, 2] and np.all(right[:, 3] == right[0, 3])  # more blue on the right


def test_each_units_values_and_range_on_the_grid():
    run = Run({"n_h": 3, "activation": "relu", "seed": 12})
    run.train(40)
    meta, body = UnitPictures().pictures(run)
    grid = surface_grid(SIDE)  # pixel centres over [-0.5, 1.5]², row 0 at the top
    A1 = np.maximum(run.params["W0"] @ grid + run.params["b0"], 0)
    A2 = 1 / (1 + np.exp(-(run.params["W1"] @ A1 + run.params["b1"])))
    for i in range(3):
        assert meta["ranges"][i] == ["%.3g" % A1[i].min(), "%.3g" % A1[i].max()]
        t = (np.clip(A1[i], -1, 1) + 1) / 2
        assert images(body, meta)[i].tobytes() == surface_rgba(t, SIDE).tobytes()
    assert meta["ranges"][3] == ["%.3g" % A2.min(), "%.3g" % A2.max()]
    assert meta["names"] == ["A1[0]", "A1[1]", "A1[2]", "A2"] and meta["side"] == 32


def test_sixteen_hidden_units():
    run = Run({"n_h": 16, "seed": 3})
    meta, body = UnitPictures().pictures(run)
    assert len(body) == 17 * 32 * 32 * 4 and len(meta["ranges"]) == 17
    assert meta["names"][0] == "A1[0]" and meta["names"][15] == "A1[15]" and meta["names"][16] == "A2"


def test_a_diverged_network_is_grey_with_nan_ranges():
    run = Run({"n_h": 2})
    run.theta[:] = np.nan
    meta, body = UnitPictures().pictures(run)
    assert {tuple(p) for p in images(body, meta).reshape(-1, 4)} == {(150, 150, 150, 255)}
    assert meta["ranges"] == [["nan", "nan"]] * 3


def view(**asked):
    return json.dumps(dict({"chart": None, "log_scale": False, "surface": False}, **asked))


def test_the_door_sends_the_pictures_after_the_surface(fresh_session):
    head, body = exports.configure(json.dumps({"n_h": 3}), view(surface=True, units=True))
    data, body = protocol.read([head, body], protocol.Fatal)
    units = data["snapshot"]["units"]
    surface, _ = fresh_session.surface()
    assert units["offset"] == len(surface) == 64 * 64 * 4
    assert body[: units["offset"]] == surface
    meta, pictures = fresh_session.units()
    assert body[units["offset"] :] == pictures and len(pictures) == 4 * 32 * 32 * 4
    assert {key: units[key] for key in ("side", "names", "ranges")} == meta
    data, alone = protocol.read(exports.step(3, view(units=True)), protocol.Fatal)
    assert data["snapshot"]["units"]["offset"] == 0 and "surface" not in data
    assert alone == fresh_session.units()[1]
    data, none = protocol.read(exports.snapshot(view()), protocol.Fatal)
    assert "units" not in data["snapshot"] and none is None


def test_the_pictures_change_while_training(fresh_session):
    fresh_session.configure({})
    before = fresh_session.units()[1]
    fresh_session.step(50)
    assert fresh_session.units()[1] != before


def test_the_pictures_cover_the_datas_extent_as_the_surface_does(fresh_session):
    fresh_session.configure({"data": "spiral", "data_size": 100, "n_h": 3})
    fresh_session.step(20)
    assert fresh_session.extent == (-1.5, 1.5)
    surface, _ = fresh_session.surface()
    picture_meta, body = UnitPictures(SURFACE_RESOLUTION).pictures(fresh_session.run, fresh_session.extent)
    assert images(body, picture_meta)[-1].tobytes() == surface
    # one hidden unit by hand: A1[0] = tanh(W0[0] @ x + b0[0]) at the top-left pixel's centre (-1.5 + h, 1.5 - h)
    run, side = fresh_session.run, picture_meta["side"]
    h = 3.0 / side / 2
    W0, b0 = run.params["W0"], run.params["b0"]
    a = float(np.tanh(W0[0, 0] * (-1.5 + h) + W0[0, 1] * (1.5 - h) + b0[0, 0]))
    top_left = images(body, picture_meta)[0, 0, 0]
    assert tuple(top_left) == tuple(surface_rgba([(np.clip(a, -1, 1) + 1) / 2], 1)[0, 0])
    meta, _ = fresh_session.units()  # the session's own pictures follow the data too
    assert fresh_session.unit_pictures.extent == (-1.5, 1.5) and meta["side"] == SIDE
