"""CPython's reading and spelling of floats and of a link's query (app/cpython.py), under CPython: shortest() is
CPython's repr without a trailing ".0", query_pairs() is urllib's parse_qsl with blank values kept, in the link's
order. Under MicroPython, where JavaScript does the work, tests/app_mpy/check_settings.py checks the same texts.

Oracles: CPython's repr and urllib.parse."""

import random
import struct
from urllib.parse import parse_qsl, quote_plus

import pytest

from app.cpython import parse_float, query_pairs, shortest


@pytest.mark.parametrize(
    "query",
    ["", "?", "?n_h=4&seed=7", "n_h=4", "?a=1&a=2&b=", "?=x&&b", "?k=%C3%A9%FF+x", "?%3D=%26&x=a=b", "?a=%zz"],
)
def test_query_pairs_are_parse_qsl_s_in_the_links_order(query):
    assert query_pairs(query) == parse_qsl(query.removeprefix("?"), keep_blank_values=True)


def test_random_queries_read_back_in_order():
    rng = random.Random(3)
    alphabet = "aZ9 +%&=?#é€😀\t"
    for _ in range(500):
        pairs = [
            ("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))), "".join(rng.choices(alphabet, k=3)))
            for _ in range(rng.randint(1, 4))
        ]
        query = "?" + "&".join(quote_plus(key) + "=" + quote_plus(value) for key, value in pairs)
        assert query_pairs(query) == pairs


def test_shortest_is_reprs_digits_and_refuses_what_is_not_finite():
    rng = random.Random(5)
    for _ in range(5000):
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if x == x and abs(x) != float("inf"):
            text = repr(x)
            assert shortest(x) == (text[:-2] if text.endswith(".0") else text)
    for x in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(ValueError, match="is not a finite number"):
            shortest(x)


def test_parse_float_is_cpythons_float():
    for text in ("0.46", " 1e-7 ", "1_0.5", "-0", "inf", "NaN"):
        assert repr(parse_float(text)) == repr(float(text))
    with pytest.raises(ValueError):
        parse_float("ten")
