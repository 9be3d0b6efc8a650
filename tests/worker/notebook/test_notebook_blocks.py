"""The Notebook view's HTML blocks (py/worker/notebook/blocks.py): code, prints, notes and matrix tables whose
cells are the entries NumPy printed.

Oracles: the seed notebook's printout (W0, Z1, A2 as printed), NumPy's shape notation, and the tables' structure
read back with html.parser.
"""

import math

import pytest
from notebook_html_tree import check_tables, dicts, tree

from worker.notebook import blocks
from worker.notebook.html import forward_html, section_html, setup_html


@pytest.fixture(scope="module")
def default():
    return dicts()["default"]


def test_every_table_can_be_walked():
    for name, nb in dicts().items():
        for key in nb["sections"]:
            root = tree(section_html(key, nb))
            assert check_tables(root), (name, key)
            assert all(pre.attrs.get("tabindex") == "0" for pre in root.find_all("pre"))  # it may scroll


def test_cells_are_the_notebooks_printed_entries(default):
    tables = check_tables(tree(forward_html(default["forward"])))
    assert tables["A2, shape (1, 4)"] == [["0.51534589", "0.52474844", "0.51842557", "0.52156619"]]
    assert tables["Z1, shape (2, 4)"] == [
        ["0.09437332", "0.05832422", "0.1", "0.05269753"],
        ["0.26402708", "-0.11361961", "0.1", "0.05040747"],
    ]
    tables = check_tables(tree(setup_html(default["setup"])))
    assert tables["W0, shape (2, 2)"] == [["-0.04167578", "-0.00562668"], ["-0.21361961", "0.16402708"]]
    assert tables["Y, shape (4,)"] == [["1", "1", "0", "0"]]
    assert tables["A0, shape (2, 4)"] == [["0", "1", "0", "1"], ["1", "0", "0", "1"]]


def test_a_summarised_matrix_falls_back_to_its_values():
    matrix = {"text": "[[0.1 ... 0.3]]", "values": [[0.1, 0.25, 0.3, math.nan, -math.inf]], "shape": [1, 5]}
    assert blocks.cells(matrix) == ["0.1", "0.25", "0.3", "nan", "-inf"]


@pytest.mark.parametrize(("shape", "text"), [([2, 4], "(2, 4)"), ([4], "(4,)"), ([], "()")])
def test_shapes_are_written_as_numpy_writes_them(shape, text):
    import numpy as np

    assert blocks.shape_text(shape) == text == str(np.zeros(shape).shape)


def test_a_scalar_is_a_line_and_a_1d_array_one_row():
    assert blocks.matrix_table("J", {"text": "0.125", "values": 0.125, "shape": []}) == (
        '<p class="nb-scalar">J = <span class="value">0.125</span></p>'
    )
    root = tree(blocks.printed_matrix("Y", {"text": "[1 1 0 0]", "values": [1.0, 1.0, 0.0, 0.0], "shape": [4]}))
    assert check_tables(root) == {"Y, shape (4,)": [["1", "1", "0", "0"]]}
    assert root.find("samp").text() == "[1 1 0 0]"


def test_blocks_escape_their_texts():
    evil = "<b>'x' & \"y\"</b>"
    for block in (blocks.code_block, blocks.output_block, blocks.note, blocks.heading):
        markup = block(evil)
        assert "<b>" not in markup
        assert "'x'" not in markup
        assert '"y"' not in markup
        assert tree(markup).text() == evil
    root = tree(blocks.matrix_table(evil, {"text": "[[1 <2]]", "values": [[1.0, 2.0]], "shape": [1, 2]}))
    assert root.find("caption").text() == evil + ", shape (1, 2)"
    assert root.find("div").attrs["aria-label"] == evil + ", shape (1, 2)"
