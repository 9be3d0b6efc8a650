"""The unrolled sums' terms as HTML (py/worker/notebook/terms.py): every weight, input, bias, sum and
activation a button named with its exact value, whose data-term the page's app/notebook/terms.py reads.

Oracles: the seed notebook's values (W0[1,0], Z1[0,0]), the network diagram's way of saying a value
(app.network.diagram.exact_value), the names of the network's real parameters and entries, and the HTML read back
with html.parser.
"""

import pytest
from notebook_html_tree import check_terms, dicts, n_h_of, tree

from worker.notebook import terms
from worker.notebook.html import forward_html, section_html


@pytest.fixture(scope="module")
def default():
    return dicts()["default"]


def test_values_are_spoken_as_the_diagram_says_them(default):
    from app.network.weights import exact_value

    root = tree(forward_html(default["forward"]))
    for entry in default["forward"]["hidden"] + default["forward"]["output"]:
        for item in [entry["Z"], entry["A"], entry["bias"]] + [t["weight"] for t in entry["terms"]]:
            button = root.find("button", data_term=terms.term_key(item["name"]))
            assert button.attrs["aria-label"] == item["name"] + " = " + exact_value(item["text"])
    assert root.find("button", data_term="W0[1,0]").attrs["aria-label"] == "W0[1,0] = \u22120.21361960956684542"


def test_a_term_is_a_button_named_with_its_value():
    text, button, value = terms.term({"name": "b1[0]", "text": "-inf"})
    assert text == "-inf"
    assert button == (
        '<button type="button" class="term" data-term="b1" aria-label="b1[0] = \u2212infinity">b1[0]</button>'
    )
    assert value == '<span class="term-value">-inf</span>'
    assert terms.term_key("b1[0]") == "b1"
    assert terms.term_key("W0[1,0]") == "W0[1,0]"


def test_a_terms_texts_are_escaped_in_its_attributes():
    _, button, _ = terms.term({"name": "W0[0,0]", "text": "\"'><script>x</script>"})
    element = tree(button).find("button")
    assert element.attrs["aria-label"] == "W0[0,0] = \"'><script>x</script>"
    assert "<script>" not in button
    assert "'>" not in button


def test_a_memo_keeps_each_term_while_its_text_stays():
    memo = {}
    first = terms.term({"name": "W0[0,0]", "text": "0.5"}, memo)
    assert terms.term({"name": "W0[0,0]", "text": "0.5"}, memo) is first
    changed = terms.term({"name": "W0[0,0]", "text": "0.25"}, memo)
    assert changed[0] == "0.25"
    assert memo["W0[0,0]"] is changed


def test_an_entry_is_its_sum_and_its_activation(default):
    for entry in default["forward"]["hidden"][:3] + default["forward"]["output"][:1]:
        root = tree(terms.entries_html([entry]))
        sum_line, activation_line = root.find("li").find_all("p", cls="equation")
        assert sum_line.text() == entry["text"]
        assert activation_line.text() == entry["activation_text"]
        assert tree(terms.entries_html([entry], {})).text() == root.text()  # the memo changes nothing


def test_every_data_term_names_a_real_entry():
    for name, nb in dicts().items():
        n_h = n_h_of(nb)
        names = check_terms(tree(forward_html(nb["forward"])), n_h)
        weights = {f"W0[{i},{k}]" for i in range(n_h) for k in range(2)} | {f"W1[0,{i}]" for i in range(n_h)}
        biases = {f"b0[{i}]" for i in range(n_h)} | {"b1"}
        assert weights | biases <= set(names), name
        assert {f"Z1[{i},{j}]" for i in range(n_h) for j in range(4)} <= set(names)
        assert {f"A2[0,{j}]" for j in range(4)} | {f"A0[{k},{j}]" for k in range(2) for j in range(4)} <= set(names)
        for key in nb["sections"]:
            check_terms(tree(section_html(key, nb)), n_h)
