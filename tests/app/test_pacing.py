"""The page's clock, steps-per-second meter and throttle."""

import time

import pytest

from app.pacing import RateMeter, Throttle, clock


def test_rate_meter_reports_steps_per_second_once_a_window_has_passed():
    meter = RateMeter(window=1.0)
    assert meter.add(100, now=10.0) is None
    assert meter.add(100, now=10.5) is None
    assert meter.add(100, now=11.0) == pytest.approx(300 / 1.0)
    assert meter.rate == pytest.approx(300)
    # a new window starts: its steps count from here
    assert meter.add(50, now=11.5) == pytest.approx(300)
    assert meter.add(50, now=12.25) == pytest.approx(100 / 1.25)  # the steps since 11.0 over 1.25 s
    meter.stop()
    assert meter.rate is None
    assert meter.add(10, now=20.0) is None  # after a stop, the first add starts a window


def test_rate_meter_over_a_long_slow_window():
    meter = RateMeter(window=0.5)
    assert meter.add(1, now=0.0) is None
    assert meter.add(1, now=3.0) == pytest.approx(2 / 3.0)


def test_throttle():
    throttle = Throttle(5.0)
    assert [throttle.due(t) for t in (0.0, 1.0, 4.9, 5.0, 6.0, 10.1)] == [True, False, False, True, False, True]


def test_clock_counts_seconds():
    first = clock()
    time.sleep(0.05)
    elapsed = clock() - first
    assert 0.04 <= elapsed < 1.0
