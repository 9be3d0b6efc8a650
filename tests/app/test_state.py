"""Links: every setting round-trips; each bad value is named, defaults, and leaves the rest alone."""

import dataclasses

import pytest

from app.state import SPEEDS, View, read_link, write_link
from backprop import Config


def test_an_empty_link_gives_the_notebook_defaults():
    config, view, messages = read_link("")
    assert (config, view, messages) == (Config(), View(), [])
    assert (config.n_h, config.learning_rate, config.seed, config.table) == (2, 10.0, 2, "XOR")


def test_every_setting_round_trips_through_a_link():
    config = Config(n_h=7, activation="relu", cost="cross_entropy", learning_rate=0.123456789,
                    seed=2**32 - 1, table="NAND", notebook_mode=True)
    view = View(speed=500, log_scale=True, embed=True)
    assert read_link(write_link(config, view)) == (config, view, [])


def test_a_link_spells_values_plainly():
    query = write_link(Config(), View())
    assert query == ("?n_h=2&activation=tanh&cost=half_mse&learning_rate=10&seed=2&table=XOR"
                     "&notebook_mode=false&speed=10&log_scale=false&embed=false")


def test_hand_written_spellings_are_accepted():
    config, view, messages = read_link("?learning_rate=3&n_h=4&table=xor&notebook_mode=1&log_scale=TRUE")
    assert messages == []
    assert (config.learning_rate, config.n_h, config.table, config.notebook_mode) == (3.0, 4, "XOR", True)
    assert view.log_scale is True


@pytest.mark.parametrize("spelling, embed", [("1", True), ("true", True), ("TRUE", True), ("0", False),
                                             ("false", False)])
def test_embed_is_a_flag_like_the_others(spelling, embed):
    _, view, messages = read_link(f"?embed={spelling}&n_h=3")
    assert (view.embed, messages) == (embed, [])
    assert f"embed={'true' if embed else 'false'}" in write_link(Config(), view)


@pytest.mark.parametrize("key, value, words", [
    ("learning_rate", "NaN", "learning_rate must be a finite number greater than 0"),
    ("learning_rate", "inf", "learning_rate must be a finite number greater than 0"),
    ("learning_rate", "-1", "learning_rate must be a finite number greater than 0"),
    ("learning_rate", "1e999", "learning_rate must be a finite number greater than 0"),
    ("learning_rate", "ten", "learning_rate must be a finite number greater than 0"),
    ("n_h", "17", "n_h must be a whole number from 1 to 16"),
    ("n_h", "2.5", "n_h must be a whole number from 1 to 16"),
    ("seed", "4294967296", "seed must be a whole number from 0 to 4294967295"),
    ("seed", "-3", "seed must be a whole number from 0 to 4294967295"),
    ("activation", "softmax", "activation must be one of tanh, sigmoid, relu"),
    ("cost", "", "cost must be one of half_mse, cross_entropy"),
    ("table", "XAND", "table must be one of XOR, XNOR, AND, OR, NAND, NOR"),
    ("notebook_mode", "maybe", "notebook_mode must be true or false"),
    ("speed", "7", "speed must be one of 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000"),
    ("speed", "99999999", "speed must be a whole number from 1 to 1000"),
    ("log_scale", "yes please", "log_scale must be true or false"),
    ("embed", "2", "embed must be true or false"),
])
def test_a_bad_value_is_named_and_falls_back_to_its_default(key, value, words):
    other = "seed=5" if key != "seed" else "n_h=3"
    config, view, messages = read_link(f"?{key}={value}&{other}")
    assert len(messages) == 1
    assert messages[0].startswith(f"The link's {key} was ignored, so it is ")
    assert words in messages[0]
    settings = {**config.to_dict(), **dataclasses.asdict(view)}
    defaults = {**Config().to_dict(), **dataclasses.asdict(View())}
    assert settings[key] == defaults[key]
    assert (config.seed, config.n_h) == ((5, 2) if key != "seed" else (2, 3))  # the rest of the link applies


def test_markup_in_a_link_stays_text_in_the_message():
    config, _, messages = read_link("?table=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert config.table == "XOR"
    assert "'<img src=x onerror=alert(1)>'" in messages[0]


def test_unknown_settings_are_named_and_ignored():
    config, _, messages = read_link("?hidden=4&n_h=4")
    assert config.n_h == 4
    assert messages == ["The link's setting 'hidden' is not one this page has; it was ignored."]


def test_a_huge_value_gives_a_short_message():
    _, _, messages = read_link("?table=" + "A" * 10_000)
    assert len(messages[0]) <= 240 and messages[0].endswith("…")


def test_speeds_are_ordered_and_the_default_is_one_of_them():
    assert list(SPEEDS) == sorted(set(SPEEDS)) and View().speed in SPEEDS
