"""The checker's words come from the page's catalog when an answer is made, never frozen at import."""

import json

import pytest

import exercises
from checker import check, networks, questions, train_mine
from shared import i18n

CATALOG = {
    "language": "xx",
    "plural": "n != 1",
    "messages": {
        "seed 0, 1 hidden unit": "semilla 0, 1 unidad oculta",
        "the network on screen (seed {seed}, step {step})": "la red en pantalla (semilla {seed}, paso {step})",
        "{right} of {total} right": ["{right} de {total} bien", "{right} de {total} bien"],
        "result\x04right": "bien",
        "{name} follows from {up}: fix that first.": "{name} viene de {up}: corrígelo primero.",
        "positive": "positivo",
    },
}


@pytest.fixture
def language():
    i18n.load(json.dumps(CATALOG))
    yield
    i18n.load("")


def test_the_other_networks_are_labelled_in_the_language_of_each_check(screen):
    assert networks.others()[0].label == "seed 0, 1 hidden unit"  # made once, in English
    i18n.load(json.dumps(CATALOG))
    try:
        assert networks.others()[0].label == "semilla 0, 1 unidad oculta"
        assert networks.others()[0].params is networks._other_networks()[0].params
    finally:
        i18n.load("")
    assert networks.others()[0].label == "seed 0, 1 hidden unit"


def test_a_check_in_another_language(screen, language):
    answer = check.check("forward", exercises.forward.SOLUTION, screen)
    assert answer["summary"] == "5 de 5 bien"
    assert answer["rows"][0]["result_text"] == "bien"
    assert answer["networks"][:2] == ["la red en pantalla (semilla 2, paso 0)", "semilla 0, 1 unidad oculta"]
    slipped = exercises.backward.SOLUTION.replace("dA2 = (A2 - Y) / m", "dA2 = (A2 - Y) * 2 / m")
    rows = check.check("backward", slipped, screen)["rows"]
    assert rows[1]["diagnosis"]["text"] == "dZ2 viene de dA2: corrígelo primero."


def test_questions_and_training_in_another_language(screen, language):
    asked = questions.questions("forward", screen, "{}")
    assert asked["network"] == "la red en pantalla (semilla 2, paso 0)"
    assert asked["questions"][0]["choices"][0] == "positivo"
    trained = train_mine.train_json(exercises.backward.SOLUTION, "{}", 10, None)
    assert trained["verdict"].startswith("Your backward pass ")  # not in this catalog: English


def test_the_seed_on_screen_is_read_from_the_network_not_its_label(language, network_of):
    net = networks.on_screen(network_of(n_h=3, seed=5))
    assert net.seed == "5" and "semilla 5" in net.label
    case = check.specs.get("ann").cases(net)[0]
    assert case.arrays["seed"] == 5 and case.arrays["n_h"] == 3
