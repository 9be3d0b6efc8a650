"""The page layer's words come from the catalog: a message shown is translated when it is shown (not when its
module was imported), counts take their plural form, and what the page compares stays language-free."""

import json

import pytest

import exercises
from app.exercises import path
from app.lab.readouts import summary
from app.link import read_link
from app.network.weights import tooltip_text
from app.setting_kinds import WORDS
from shared import i18n


@pytest.fixture
def catalog():
    """Install a small catalog ("xx", one plural form for 1, another for the rest); English again afterwards."""

    def install(messages):
        i18n.load(json.dumps({"language": "xx", "name": "Test", "plural": "n != 1", "messages": messages}))

    yield install
    i18n.load("")


def test_a_link_message_is_translated_when_the_link_is_read(catalog):
    catalog(
        {
            "The link's {key} was ignored, so it is {default}: {error}.": "LINK {key} -> {default}: {error}",
            WORDS["whole"]: "{name} NOT WHOLE {low}..{high} ({got})",
        }
    )
    settings, messages = read_link("?seed=x")
    assert settings["seed"] == 2
    assert messages == ["LINK seed -> 2: seed NOT WHOLE 0..4294967295 ('x')"]


def test_unknown_exercises_are_counted_in_whole_sentences(catalog):
    one, several = read_link("?exercises=zz")[1], read_link("?exercises=zz,yy")[1]
    assert "'zz' is not an exercise of this page, so it is left out" in one[0]
    assert "'zz', 'yy' are not exercises of this page, so they are left out" in several[0]
    catalog(
        {
            "{unknown} is not an exercise of this page, so it is left out (the exercises: {choices})": [
                "ONE {unknown}",
                "MANY {unknown}",
            ]
        }
    )
    assert read_link("?exercises=zz,yy")[1] == ["The link's exercises: MANY 'zz', 'yy'."]


def test_the_link_notes_are_kept_by_their_setting_not_by_their_words(catalog):
    catalog({"The link's {error}.": "NOTE {error}"})
    notes = {}
    read_link("?exercises=zz&seed=x&zeta=1", notes)
    assert sorted(notes) == ["", "exercises", "seed"]
    assert notes["exercises"][0].startswith("NOTE exercises: ")


def test_a_constant_is_translated_where_it_is_shown_not_where_it_is_defined(catalog):
    snap = {"step": 7, "cost": 0.25}
    assert summary(snap, "paused") == "Paused. Step 7, cost 0.25."
    catalog({"Paused. Step {step}, cost {cost}.": "PAUSA {step} {cost}"})
    assert summary(snap, "paused") == "PAUSA 7 0.25"
    catalog({"{name} = {value} (negative, dashed): {role}": "{role} / {name} / {value}"})
    assert tooltip_text(("b1", 0, 0), -1.5, "-1.5") == "bias of output A2 / b1 / \u22121.5"


def test_the_path_says_each_exercise_by_its_subject():
    for name in exercises.NAMES:
        title = exercises.get(name).TITLE
        assert path.SUBJECTS[name] == title[len("Write ") :], name  # the subject is the title's object
