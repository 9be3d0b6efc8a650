"""The worker's Many seeds and cost landscape exports (py/worker/door.py): JSON in, the envelope out
(shared/protocol.py), never an exception into the page. Oracles: worker.sweep.sweep.Sweep and
worker.landscape.plot.landscape called directly."""

import json

import pytest

from backprop import Run
from shared.protocol import Fatal, Refused, read
from worker import door as exports
from worker.lab.session import Session
from worker.landscape.plot import landscape
from worker.sweep.sweep import Sweep

SIZES = {"histogram": [400, 250], "curves": [600, 375], "solve_steps": [400, 250]}


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    session = Session()
    monkeypatch.setattr(exports, "SESSION", session)
    exports.configure(json.dumps({}))
    return session


def strict(answer):
    """(data, body) of an answer, its head read as the page's json.loads must read it (no NaN or Infinity)."""

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    json.loads(answer[0], parse_constant=refuse)
    return read(answer)


def failed(answer, kind=Refused):
    """The message of an answer that was refused (or failed, kind=Fatal)."""
    with pytest.raises(kind) as caught:
        read(answer)
    assert answer[1] is None
    return str(caught.value)


def summary_of(answer):
    """The summary as the page puts it together (app/door.py's sweep_summary)."""
    summary, paths = strict(answer)
    curves = summary.get("curves")
    if curves is not None:
        assert len(paths) == len(curves["paths"]) + 1 and all(isinstance(path, str) for path in paths)
        curves["median"] = paths[-1]
        curves["paths"] = dict(zip(curves["paths"], paths))
    else:
        assert paths is None
    return summary


def run_to_the_end(sizes=None):
    while True:
        summary = summary_of(exports.sweep_advance(12, json.dumps(sizes) if sizes else None))
        if summary["done"]:
            return summary


def test_a_sweep_through_the_exports_gives_the_sweeps_own_numbers():
    started = summary_of(exports.sweep_start(json.dumps({"learning_rate": 5}), 10, 20, 300))
    assert started["step"] == 0 and started["count"] == 20 and started["first_seed"] == 10
    assert started["histogram"] is None and started["curves"] is None
    summary = run_to_the_end(SIZES)
    direct = Sweep({"learning_rate": 5}, 10, 20, 300)
    while not direct.done:
        direct.advance(0.012)
    expected = json.loads(json.dumps(direct.summary(SIZES)))
    for key in ("step", "solved", "stuck", "diverged", "training", "shares_text", "seeds"):
        assert summary[key] == expected[key], key
    assert summary["histogram"]["bars"] == expected["histogram"]["bars"]
    assert summary["curves"]["paths"] == expected["curves"]["paths"]
    assert summary["curves"]["median"] == expected["curves"]["median"]


def test_the_sweep_leaves_the_network_on_screen_alone(fresh_session):
    before = fresh_session.run
    exports.sweep_start("{}", 0, 10, 100)
    run_to_the_end()
    assert fresh_session.run is before and before.step == 0


def test_stop_keeps_what_was_done():
    exports.sweep_start("{}", 0, 10, 10000)
    summary_of(exports.sweep_advance(5, None))
    stopped = summary_of(exports.sweep_stop(None))
    assert stopped["stopped"] and stopped["done"] and 0 < stopped["step"] < 10000
    again = summary_of(exports.sweep_advance(50, None))
    assert again["step"] == stopped["step"]


def test_pick_answers_the_bar_under_the_pointer_or_null():
    exports.sweep_start("{}", 0, 20, 200)
    summary = run_to_the_end(SIZES)
    bar = summary["histogram"]["bars"][0]
    picked, _ = strict(exports.sweep_pick("histogram", bar["x"] + 1, bar["y"] + 1))
    assert picked["seed"] == bar["seeds"][0] and picked["label"] == bar["label"]
    assert strict(exports.sweep_pick("histogram", 1, 1)) == (None, None)
    assert failed(exports.sweep_pick("pie", 1, 1))


@pytest.mark.parametrize(
    "args, words",
    [
        (("{}", 0, 5, 100), "number of networks"),
        (("{}", 0, 10, 50), "number of steps"),
        (('{"n_h": 99}', 0, 10, 100), "n_h"),
    ],
)
def test_refused_sweeps_say_why(args, words):
    assert words in failed(exports.sweep_start(*args))


def test_no_sweep_yet_is_refused_and_a_broken_argument_is_fatal():
    assert "no sweep" in failed(exports.sweep_advance(12, None))
    assert "no sweep" in failed(exports.sweep_stop(None))
    assert "JSONDecodeError" in failed(exports.sweep_start("not json", 0, 10, 100), Fatal)
    exports.sweep_start("{}", 0, 10, 100)
    assert "a size is" in failed(exports.sweep_advance(12, '{"histogram": {"width": 400}}'), Fatal)


def test_the_landscape_is_the_landscape_of_the_network_on_screen(fresh_session):
    exports.step(30)
    view, image = strict(exports.landscape(json.dumps(["W1[0,0]", "W1[0,1]"]), 1.5, json.dumps([320, 300])))
    _, trajectory = fresh_session.trajectory()
    expected = landscape(fresh_session.run, trajectory, ["W1[0,0]", "W1[0,1]"], 1.5, 64, (320.0, 300.0))
    assert image == expected.pop("image") and len(image) == 64 * 64 * 4
    assert view["label"] == expected["label"] and view["point"] == expected["point"]
    assert view["trajectory"] == expected["trajectory"] and view["version"] == fresh_session.version
    assert len(view["contours"]) == len(expected["contours"])


def test_the_landscape_at_step_0_matches_a_fresh_run():
    view, _ = strict(exports.landscape('"random"', 2, "[300, 300]"))
    assert view["J"] == pytest.approx(Run().cost, rel=1e-15)


@pytest.mark.parametrize(
    "axes, span, words",
    [
        ('["W1[0,0]", "W1[0,0]"]', 2, "two different"),
        ('["W1[0,0]", "W0[5,0]"]', 2, "not in this network"),
        ('"random"', 0, "greater than 0"),
        ('"random"', float("nan"), "greater than 0"),
    ],
)
def test_refused_landscapes_say_why(axes, span, words):
    assert words in failed(exports.landscape(axes, span, "[300, 300]"))


@pytest.mark.parametrize("size", ["{", '{"width": 300, "height": 300}', "[300]", "[0, 300]", '["wide", 300]'])
def test_a_broken_landscape_call_is_fatal_not_raised(size):
    assert failed(exports.landscape('"random"', 2, size), Fatal)
