"""The model's worker says its words in the page's language: a catalog loaded after every module was imported (as
the worker's start() loads it) is used where the words are made, and English is the catalog's absence.

Oracle: a made-up catalog whose translations are the English in capitals, so that each translated text is known.
"""

import json

import pytest

from backprop import Config
from plots.cost_chart import describe_costs
from shared import i18n
from worker.data import points as edits
from worker.lab.session import Session
from worker.notebook.html import page
from worker.share.params_link import params_from_text

MESSAGES = [
    "Add a point (click on the plot) to train.",
    "1. Setup",
    "{name} fell from {first} at step {first_step} to {last} at step {last_step}.",
    "Added a point of class {y} at {at}.",
    "Undone: added a point of class {y} at {at}.",
    "params: number {i} ({piece}) is not a number",
]


@pytest.fixture
def capitals():
    catalog = {"language": "xx", "name": "Capitals", "plural": "n != 1", "messages": {}}
    for message in MESSAGES:  # in capitals, but the placeholders keep their names
        translated = message.upper()
        for name in ("name", "first", "first_step", "last", "last_step", "y", "at", "i", "piece"):
            translated = translated.replace("{" + name.upper() + "}", "{" + name + "}")
        catalog["messages"][message] = translated
    catalog["messages"]["Cleared {n} point."] = ["CLEARED {n} POINT.", "CLEARED {n} POINTS."]
    i18n.load(json.dumps(catalog))
    yield
    i18n.load("")


def test_the_words_come_from_the_catalog_loaded_after_import(capitals):
    session = Session()
    session.configure(Config(data="points").to_dict())
    session.edit_points({"op": "clear"})
    assert session.snapshot()["waiting"] == "ADD A POINT (CLICK ON THE PLOT) TO TRAIN."
    assert page(session.notebook(False))["titles"]["setup"] == "1. SETUP"
    assert describe_costs([0, 10], [0.5, 0.25]) == "Cost J FELL FROM 0.5 AT STEP 0 TO 0.25 AT STEP 10."


def test_an_edit_and_its_undo_are_whole_sentences_of_the_catalog(capitals):
    points, said = edits.click([], [0.5, 0.5], 1, 0.02, (0.0, 1.0))
    assert said == "ADDED A POINT OF CLASS 1 AT (0.5, 0.5)."
    undo = edits.Undo()
    undo.push([], said)
    assert undo.pop() == ([], "UNDONE: ADDED A POINT OF CLASS 1 AT (0.5, 0.5).")
    assert edits.clear(points * 3)[1] == "CLEARED 3 POINTS."  # the plural form the catalog's rule picks


def test_a_refusal_is_the_catalogs_sentence_with_its_values(capitals):
    with pytest.raises(ValueError) as caught:
        params_from_text("0.1_x_0.1_0.1_0.1_0.1_0.1_0.1_0.1", 2)
    assert str(caught.value) == "PARAMS: NUMBER 2 ('x') IS NOT A NUMBER"


def test_english_without_a_catalog():
    assert i18n.language() == "en"
    assert edits.clear([[0.0, 0.0, 1, 0]])[1] == "Cleared 1 point."
