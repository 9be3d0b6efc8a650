"""CPython's reading and spelling of floats and of a link's query (app/cpython.py), under CPython: shortest() is
CPython's repr without a trailing ".0", query_pairs() is urllib's parse_qsl with blank values kept, in the link's
order, and cpython_repr() (the messages' quoting of a value) is CPython's repr, by str.isprintable or the table.
Under MicroPython, where JavaScript does the work, tests/app_mpy/check_settings.py checks the same texts.

Oracles: CPython's repr and urllib.parse."""

import random
import struct
import unicodedata
from urllib.parse import parse_qsl, quote_plus

import pytest

from app import cpython
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


# --- the repr the messages use ----------------------------------------------------------------------------------------


def test_the_not_printable_table_is_cpythons_isprintable_for_every_assigned_character():
    # MicroPython has no str.isprintable: there the page uses the table, which must agree with CPython's database.
    wrong = [
        hex(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) != "Cn" and cpython.printable_code(code) != chr(code).isprintable()
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "value",
    [
        "",
        "'",
        '"',
        "'\"",
        "it's",
        "a\\b",
        "\t\n\r",
        "\x00\x1f\x7f\x80\x9f\xa0\xad",
        "caf\u00e9",
        "\u2028\u3000\ufeff",
        "\ud800",
        "\U0001f600\U000e0001",
        "\U0010fffd",
        1,
        None,
        True,
        [1, "x"],
        0.46,
        10.0,
        -0.0,
        1e16,
        5e-324,
        float("nan"),
        float("inf"),
    ],
)
def test_repr_is_cpythons(value):
    assert cpython.cpython_repr(value) == repr(value)


def test_repr_by_the_table_matches_cpython(monkeypatch):
    # the same spelling when the table decides instead of str.isprintable, as it does on MicroPython
    monkeypatch.setattr(cpython, "printable", lambda char: cpython.printable_code(ord(char)))
    for value in [
        "caf\u00e9",
        "\x00\x1f\x7f\x80\x9f\xa0\xad",
        "\u2028\u3000\ufeff",
        "\U0001f600\U000e0001",
        "\u0442\u0430\u043d\u0445",
        "x'y\"z",
    ]:
        assert cpython.cpython_repr(value) == repr(value)
