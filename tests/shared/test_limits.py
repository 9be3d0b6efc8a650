"""The limits both sides of the page/worker boundary hold to (py/shared/limits.py): the page refuses a link's
value outside them with the same numbers as the worker.

Oracles: the ranges the page has always offered (a landscape range up to 100, sweeps of 10 to 1,000 networks
for 100 to 10,000 steps, seeds below 2**32), written out here.
"""

import pytest

from app import settings
from shared.limits import SEED_LIMIT, SPAN_MAX, SWEEP_LIMITS


def test_the_limits():
    assert SEED_LIMIT == 2**32
    assert SPAN_MAX == 100.0
    assert SWEEP_LIMITS == {
        "sweep_first": (0, 2**32 - 1000),
        "sweep_count": (10, 1000),
        "sweep_steps": (100, 10000),
    }


def test_the_largest_sweep_from_the_last_first_seed_stays_below_the_seed_limit():
    last_first, largest = SWEEP_LIMITS["sweep_first"][1], SWEEP_LIMITS["sweep_count"][1]
    assert last_first + largest - 1 == SEED_LIMIT - 1


def test_the_page_validates_with_them():
    assert settings.SPAN_MAX is SPAN_MAX
    assert settings.SWEEP_LIMITS is SWEEP_LIMITS
    assert settings.SEED_LIMIT == SEED_LIMIT
    assert settings.validate("landscape_span", "100") == 100.0
    for name, (low, high) in SWEEP_LIMITS.items():
        assert settings.validate(name, str(low)) == low
        assert settings.validate(name, str(high)) == high
        for outside in (low - 1, high + 1):
            with pytest.raises(ValueError, match=f"from {low} to {high} "):
                settings.validate(name, str(outside))
