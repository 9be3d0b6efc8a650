"""py/shared's plain modules under the page's own MicroPython: the exact-value text, the sweep's words and the
limits both sides hold to import and say what they say under CPython (tests/shared holds the same values there).

Run by tests/test_app_in_micropython.py through tools/micropython_run.mjs, with py/ on sys.path. Plain asserts.
"""

import sys

import app.network.weights
import app.sweep.view
from shared.exact_text import MINUS, exact_value
from shared.limits import SEED_LIMIT, SPAN_MAX, SWEEP_LIMITS
from shared.sweep_words import CATEGORIES

assert sys.implementation.name == "micropython", sys.implementation.name

# the worker's texts (CPython's repr), written out: MicroPython's own float repr may differ
for text, said in (
    ("-0.21361960956684542", MINUS + "0.21361960956684542"),
    ("0.1", "0.1"),
    ("1e-05", "1e" + MINUS + "05"),
    ("nan", "NaN"),
    ("inf", "infinity"),
    ("-inf", MINUS + "infinity"),
    ("&quot;-&#39;", "&quot;" + MINUS + "&#39;"),
):
    assert exact_value(text) == said, (text, exact_value(text))
assert MINUS == "\u2212"

assert SEED_LIMIT == 4294967296, SEED_LIMIT  # a big int under MicroPython too
assert SPAN_MAX == 100.0
assert SWEEP_LIMITS["sweep_first"] == (0, 4294966296), SWEEP_LIMITS["sweep_first"]
assert SWEEP_LIMITS["sweep_count"] == (10, 1000)
assert SWEEP_LIMITS["sweep_steps"] == (100, 10000)

assert CATEGORIES == ("solved", "training", "stuck", "diverged")

# the page imports them where it uses them
assert app.network.weights.exact_value is exact_value

print("check_shared: ok")
