"""Frame pacing: the budget caps steps per frame, the speed setting caps it too."""

import pytest

from app.pacing import Pacer, RateMeter, Throttle


def test_the_first_frame_takes_one_step_to_measure():
    assert Pacer().steps(speed=1000) == 1


@pytest.mark.parametrize("seconds_per_step, speed, expected", [
    (100e-6, 1000, 80),   # 8 ms budget / 100 µs a step
    (100e-6, 20, 20),     # the speed asked for, when it fits
    (0.020, 1000, 1),     # a step slower than the budget still makes progress
])
def test_steps_fit_the_budget_and_the_speed(seconds_per_step, speed, expected):
    pacer = Pacer(budget=0.008)
    pacer.observe(10, 10 * seconds_per_step)
    assert pacer.steps(speed) == expected


def test_one_slow_chunk_does_not_halve_the_pace():
    pacer = Pacer(budget=0.008)
    pacer.observe(100, 100 * 100e-6)
    pacer.observe(100, 100 * 200e-6)  # a garbage-collection pause, say
    assert 50 < pacer.steps(1000) < 80


def test_rate_meter_reports_steps_per_second_once_a_window_has_passed():
    meter = RateMeter(window=1.0)
    assert meter.add(100, now=10.0) is None
    assert meter.add(100, now=10.5) is None
    assert meter.add(100, now=11.0) == pytest.approx(300 / 1.0)
    meter.stop()
    assert meter.rate is None


def test_throttle():
    throttle = Throttle(5.0)
    assert [throttle.due(t) for t in (0.0, 1.0, 4.9, 5.0, 6.0, 10.1)] == [True, False, False, True, False, True]
