"""The chain-rule panel on a data set (issue 20): the worker sends the terms of the first 8 examples, "count" and a
note; the caption carries the note and the sum is labelled as over all the products. snap["chain"] written by hand in
the contract's shape (py/worker/network/chain.py)."""

from app.network.chain_panel import caption, rows, totals

NOTE = "The terms of the first 8 of the 50 examples; the sum and db1 are over all 50."
CHAIN = {
    "name": "b1",
    "param": "b1",
    "row": 0,
    "col": 0,
    "value": "0.1",
    "gradient": "0.25",
    "step": 3,
    "examples": list(range(8)),
    "count": 50,
    "note": NOTE,
    "formula": "db1 = Σⱼ dZ2[0,j]",
    "definitions": ["dZ2[0,j] = (A2[0,j] − Y[0,j]) / m", "m = 50: the examples this step's gradient sums over"],
    "factors": ["dZ2[0,j]"],
    "terms": [{"example": j, "factors": ["0.005"], "product": "0.005"} for j in range(8)],
    "sum": "0.25",
    "slip": False,
}


def test_the_caption_says_which_terms_the_table_shows():
    assert caption(CHAIN) == "Each example j's term of db1: dZ2[0,j]. " + NOTE
    assert [row[0] for row in rows(CHAIN)] == [str(j) for j in range(8)]


def test_the_sum_is_over_all_the_products():
    assert totals(CHAIN) == [("sum of all 50 products", "0.25"), ("= db1", "0.25")]


def test_a_chain_with_every_term_is_as_before():
    four = dict(CHAIN, count=4, note=None, terms=CHAIN["terms"][:4], examples=[0, 1, 2, 3])
    assert caption(four) == "Each example j's term of db1: dZ2[0,j]"
    assert totals(four)[0] == ("sum of the products", "0.25")
