"""Links and settings: every setting round-trips; each bad value is named, defaults, and leaves the rest alone;
the page validates with the model's rules and words; floats and URLs are spelled as CPython spells them.

Oracles: backprop.Config (the model's validator), CPython's repr, urllib.parse, and hand-written links. (The repr the
messages use, cpython_repr: tests/app/test_cpython.py.)
"""

import dataclasses
import json
import random
import struct
from urllib.parse import parse_qsl, quote_plus

import pytest

import backprop
import exercises
from app import setting_kinds
from app import settings as state
from app.link import parse_query, quote, read_link, write_link
from app.settings import DEFAULTS, MODEL_KEYS, SPEEDS, VIEW_KEYS, model_settings, shortest, spell, validate
from backprop import Config

VIEW_DEFAULTS = {"speed": 10, "log_scale": False, "embed": False, "view": "lab"}
# The views' own settings, written into a link only when not their defaults.
OPTIONAL_DEFAULTS = {
    "exercise": "forward",
    "exercises": "",
    "solutions": "show",
    "sweep_first": 0,
    "sweep_count": 200,
    "sweep_steps": 1000,
    "landscape_axes": "random",
    "landscape_span": 2.0,
    "pictures": True,
    "hide": "",
    "lock": "",
    "params": "",
    "points": "",
    "lang": "",
}
ALL_DEFAULTS = dict(Config().to_dict(), **VIEW_DEFAULTS, **OPTIONAL_DEFAULTS)


# --- the settings are the model's -----------------------------------------------------------------------------------


def test_the_model_settings_are_backprops_config_fields_in_order():
    assert tuple(field.name for field in dataclasses.fields(Config)) == MODEL_KEYS
    assert VIEW_KEYS == ("speed", "log_scale", "embed", "view")
    assert tuple(OPTIONAL_DEFAULTS) == state.OPTIONAL_KEYS


def test_the_exercise_choices_are_the_exercises():
    import exercises

    assert state.CHOICES["exercise"] == exercises.NAMES


def test_the_defaults_are_the_models_and_the_notebooks():
    assert DEFAULTS == ALL_DEFAULTS
    assert (DEFAULTS["n_h"], DEFAULTS["learning_rate"], DEFAULTS["seed"], DEFAULTS["table"]) == (2, 10.0, 2, "XOR")
    assert state.defaults() == DEFAULTS and state.defaults() is not DEFAULTS


def test_the_choices_and_limits_are_the_models():
    assert state.CHOICES["activation"] == tuple(backprop.ACTIVATIONS)
    assert state.CHOICES["cost"] == tuple(backprop.COSTS)
    assert state.CHOICES["table"] == tuple(backprop.TABLE_NAMES)
    assert (state.N_H_MAX, state.SEED_LIMIT) == (backprop.config.N_H_MAX, backprop.config.SEED_LIMIT)


# Good and bad spellings of every model setting: strings as a link or a form field gives them, and Python values.
SPELLINGS = {
    "n_h": [
        "4",
        4,
        4.0,
        "4.0",
        " 7 ",
        "\t3\n",
        "1e1",
        "16",
        "1",
        "0",
        "17",
        "-1",
        "2.5",
        2.5,
        "",
        "abc",
        "0x10",
        "1_0",
        "+3",
        "NaN",
        "inf",
        "1e999",
        "99999999999999999999999",
        True,
        False,
        None,
        [2],
        "\u0663",
        "\u00a07",
        "caf\u00e9",
        "'",
        "it's",
        'say "hi"',
        "back\\slash",
        "nul\x00",
        "\u200b",
        "\U0001f600",
        "<img src=x onerror=alert(1)>",
        10**30,
        float("nan"),
        float("inf"),
    ],
    "activation": [
        "tanh",
        "TANH",
        " Sigmoid ",
        "relu",
        "ReLU",
        "softmax",
        "",
        " ",
        "tan h",
        None,
        1,
        True,
        "\u03c4anh",
        "\u0442\u0430\u043d\u0445",
        "tanh\x00",
        "RELU\n",
    ],
    "cost": ["half_mse", "HALF_MSE", " cross_entropy ", "cross-entropy", "mse", "", None, 0.5],
    "learning_rate": [
        "10",
        "0.1",
        ".5",
        "5.",
        "1e-3",
        "1E2",
        "+3",
        " 2 ",
        "0.46",
        "0.09437331727736706",
        "1e-400",
        "4.9e-324",
        "1.7976931348623157e308",
        "1e999",
        "-1",
        "-0",
        "0",
        "0.0",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "ten",
        "",
        "1,5",
        "1_0.5",
        "0x1p3",
        3,
        2.5,
        0,
        -2.5,
        10**400,
        True,
        None,
        float("nan"),
        float("inf"),
        5e-324,
        "\u00a07",
        "\u0663",
    ],
    "seed": [
        "0",
        "2",
        "4294967295",
        "4294967296",
        "-1",
        "-3",
        "2.0",
        "2.5",
        "1e3",
        2**32,
        2**32 - 1,
        7.0,
        7.5,
        "",
        "seed",
        True,
        None,
        "0b101",
        "1_000",
    ],
    "table": [
        "XOR",
        "xor",
        " Xor ",
        "nand",
        "NAND ",
        "XNOR",
        "AND",
        "OR",
        "NOR",
        "XAND",
        "",
        None,
        3,
        "x\u00f6r",
        "\u212aor",
    ],
    "batch": ["full", "one", "shuffled", " One ", "SHUFFLED", "all", "", 1, None, True, "one,shuffled"],
    "data": ["table", "circle", " XOR_Cloud ", "gaussians", "SPIRAL", "points", "xor cloud", "moons", "", None, 1],
    "data_seed": ["0", "3", "4294967295", "4294967296", "-1", "2.0", "2.5", "", None, True, 7.0],
    "data_size": ["20", "500", "19", "501", 200, 200.0, "2e2", "200.5", "", "many", None],
    "noise": ["0", "50", "51", "-1", 10, "10.0", "5%", "", None],
    "train_percent": ["10", "90", "9", "91", 50, "0.5", "", None],
    "notebook_mode": [
        True,
        False,
        1,
        0,
        2,
        -1,
        1.0,
        0.0,
        "true",
        "FALSE",
        " 1 ",
        "0",
        "1.0",
        "yes",
        "no",
        "on",
        "",
        None,
        "True",
        "\ttrue\n",
    ],
}
TABLE = [(name, value) for name, values in SPELLINGS.items() for value in values]


def model_says(name, value):
    """The model's answer for one setting: its clean value, or the message of its ValueError."""
    try:
        return "value", getattr(Config(**{name: value}), name)
    except ValueError as err:
        return "error", str(err)


def page_says(name, value):
    try:
        return "value", validate(name, value)
    except ValueError as err:
        return "error", str(err)


@pytest.mark.parametrize("name, value", TABLE, ids=[f"{name}={value!r}"[:40] for name, value in TABLE])
def test_the_page_validates_every_model_setting_as_the_model_does(name, value):
    page, model = page_says(name, value), model_says(name, value)
    assert page == model
    if page[0] == "value":
        assert type(page[1]) is type(model[1])  # 4, not 4.0; 3.0, not 3


def test_the_table_holds_good_and_bad_spellings_of_every_setting():
    answers = {name: {model_says(name, value)[0] for value in SPELLINGS[name]} for name in MODEL_KEYS}
    assert answers == {name: {"value", "error"} for name in MODEL_KEYS}


@pytest.mark.parametrize(
    "name, value, expected",
    [
        ("speed", "10", 10),
        ("speed", 1000, 1000),
        ("speed", " 1 ", 1),
        ("speed", "500.0", 500),
        ("log_scale", "TRUE", True),
        ("log_scale", 0, False),
        ("embed", "1", True),
        ("embed", False, False),
        ("view", "lab", "lab"),
        ("view", " Notebook ", "notebook"),
        ("view", "NOTEBOOK", "notebook"),
        ("view", "exercise", "exercise"),
        ("view", "Sweep", "sweep"),
        ("exercise", "BACKWARD", "backward"),
        ("sweep_first", "4294966296", 4294966296),
        ("sweep_count", "10", 10),
        ("sweep_count", 1000, 1000),
        ("sweep_steps", "100", 100),
        ("sweep_steps", "10000", 10000),
    ],
)
def test_the_view_settings(name, value, expected):
    assert validate(name, value) == expected and type(validate(name, value)) is type(expected)


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("speed", "7", "speed must be one of 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 steps per frame (got '7')"),
        ("speed", 0, "speed must be a whole number from 1 to 1000 (got 0)"),
        ("speed", "fast", "speed must be a whole number from 1 to 1000 (got 'fast')"),
        ("log_scale", "yes please", "log_scale must be true or false (got 'yes please')"),
        ("embed", 2, "embed must be true or false (got 2)"),
        ("view", "notebooks", "view must be one of lab, notebook, exercise, sweep (got 'notebooks')"),
        ("view", 1, "view must be one of lab, notebook, exercise, sweep (got 1)"),
        ("view", None, "view must be one of lab, notebook, exercise, sweep (got None)"),
        ("hidden", 4, "'hidden' is not a setting of this page"),
        ("exercise", "sideways", "exercise must be one of " + ", ".join(exercises.NAMES) + " (got 'sideways')"),
        ("sweep_count", "9", "sweep_count must be a whole number from 10 to 1000 (got '9')"),
        ("sweep_count", "1001", "sweep_count must be a whole number from 10 to 1000 (got '1001')"),
        ("sweep_steps", "99", "sweep_steps must be a whole number from 100 to 10000 (got '99')"),
        ("sweep_first", "4294966297", "sweep_first must be a whole number from 0 to 4294966296 (got '4294966297')"),
    ],
)
def test_bad_view_settings_and_unknown_names(name, value, message):
    with pytest.raises(ValueError) as caught:
        validate(name, value)
    assert str(caught.value) == message


# --- links ------------------------------------------------------------------------------------------------------------


def test_an_empty_link_gives_the_notebook_defaults():
    assert read_link("") == (ALL_DEFAULTS, [])
    assert read_link("?") == (ALL_DEFAULTS, [])


def test_every_setting_round_trips_through_a_link():
    settings = {
        "n_h": 7,
        "activation": "relu",
        "cost": "cross_entropy",
        "learning_rate": 0.123456789,
        "seed": 2**32 - 1,
        "table": "NAND",
        "notebook_mode": True,
        "batch": "shuffled",
        "speed": 500,
        "log_scale": True,
        "embed": True,
        "view": "notebook",
        "exercise": "backward",
        "exercises": "backward,forward",
        "solutions": "hide",
        "sweep_first": 7,
        "sweep_count": 1000,
        "sweep_steps": 100,
        "landscape_axes": "W0[15,1],b1[0,0]",
        "landscape_span": 0.125,
        "pictures": False,
        "hide": "seed,table",
        "lock": "n_h,train",
        "params": "0.5_-1e-07_2",
        "data": "spiral",
        "data_seed": 2**32 - 1,
        "data_size": 20,
        "noise": 50,
        "train_percent": 90,
        "points": "",
        "lang": "pt-BR",
    }
    assert read_link(write_link(settings)) == (settings, [])
    points = dict(settings, data="points", data_seed=0, data_size=200, noise=0, train_percent=50, points="0.5_-1_3")
    assert read_link(write_link(points)) == (points, [])


def test_random_settings_round_trip_through_a_link():
    rng = random.Random(11)
    for _ in range(300):
        settings = {
            "n_h": rng.randint(1, 16),
            "activation": rng.choice(tuple(backprop.ACTIVATIONS)),
            "cost": rng.choice(tuple(backprop.COSTS)),
            "learning_rate": random_learning_rate(rng),
            "seed": rng.randrange(2**32),
            "table": rng.choice(backprop.TABLE_NAMES),
            "notebook_mode": rng.random() < 0.5,
            "batch": rng.choice(backprop.BATCHES),
            "speed": rng.choice(SPEEDS),
            "log_scale": rng.random() < 0.5,
            "embed": rng.random() < 0.5,
            "view": rng.choice(state.CHOICES["view"]),
            "exercise": rng.choice(state.CHOICES["exercise"]),
            "exercises": rng.choice(("", "backward", "backward,forward")),
            "solutions": rng.choice(("show", "hide")),
            "sweep_first": rng.randrange(2**32 - 1000),
            "sweep_count": rng.randint(10, 1000),
            "sweep_steps": rng.randint(100, 10000),
            "landscape_axes": rng.choice(("random", "W1[0,0],W1[0,1]")),
            "landscape_span": rng.choice((2.0, 0.5, 100.0)),
            "pictures": rng.random() < 0.5,
            "hide": ",".join(
                sorted(set(rng.sample(state.LESSON_CONTROLS, rng.randint(0, 3))), key=state.LESSON_CONTROLS.index)
            ),
            "lock": rng.choice(("", "n_h", "seed,train")),
            "params": rng.choice(("", "0.1_-2e-05_3")),
            "data": rng.choice(backprop.DATA_KINDS),
            "data_seed": rng.randrange(2**32),
            "data_size": rng.randint(20, 500),
            "noise": rng.randint(0, 50),
            "train_percent": rng.randint(10, 90),
            "points": "",
            "lang": rng.choice(("", "de", "es", "pt-BR")),
        }
        if settings["data"] == "points":
            settings["points"] = rng.choice(("", "0.5_-1_1~1e-05_2_2"))
        link = write_link(settings)
        expected = dict(settings)
        if settings["data"] not in backprop.GENERATED:  # a generated set's parameters are in its link only
            expected.update(data_seed=0, data_size=200, noise=0, train_percent=50)
        assert read_link(link) == (expected, [])
        # the link is plain: the model's settings, each once, in the page's order (the data's where they matter),
        # then the views' own that differ from their defaults
        data = settings["data"]
        model = [
            key
            for key in MODEL_KEYS
            if (key != "data" or data != "table") and (key not in state.DATA_PARAMETERS or data in backprop.GENERATED)
        ]
        optional = [key for key in OPTIONAL_DEFAULTS if settings[key] != OPTIONAL_DEFAULTS[key]]
        assert [key for key, _ in parse_qsl(link[1:])] == model + list(VIEW_KEYS) + optional


def random_learning_rate(rng):
    kind = rng.randrange(3)
    if kind == 0:
        return round(rng.uniform(0.001, 50), rng.randint(0, 6)) or 0.5
    if kind == 1:
        return 10 ** rng.uniform(-12, 12)
    while True:  # any positive finite float
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(63)))[0]
        if 0 < x < float("inf"):
            return x


def test_a_link_spells_values_plainly():
    assert write_link(DEFAULTS) == (
        "?n_h=2&activation=tanh&cost=half_mse&learning_rate=10&seed=2&table=XOR"
        "&notebook_mode=false&batch=full&speed=10&log_scale=false&embed=false&view=lab"
    )
    assert "&batch=one&" in write_link(dict(DEFAULTS, batch="one"))
    assert write_link(dict(DEFAULTS, view="notebook")).endswith("&embed=false&view=notebook")
    assert write_link(dict(DEFAULTS, view="exercise", exercise="backward")).endswith("&view=exercise&exercise=backward")
    assert "learning_rate=1e-07&" in write_link(dict(DEFAULTS, learning_rate=1e-7))
    assert "learning_rate=0.1&" in write_link(dict(DEFAULTS, learning_rate=0.1))
    # the data: a generated set by its parameters, the student's points by their text, a truth table by its name
    assert "&batch=full&data=spiral&data_seed=3&data_size=200&noise=10&train_percent=50&speed=10&" in write_link(
        dict(DEFAULTS, data="spiral", data_seed=3, noise=10)
    )
    assert "&batch=full&data=points&speed=10&" in write_link(dict(DEFAULTS, data="points", data_seed=3))
    assert write_link(dict(DEFAULTS, data="points", points="0_1_2~1_1_1")).endswith("&view=lab&points=0_1_2~1_1_1")
    assert "points=" not in write_link(dict(DEFAULTS, data="table", points="0_1_2"))


def test_the_data_choices_and_limits_are_the_models():
    from backprop import datasets

    assert state.CHOICES["data"] == backprop.DATA_KINDS and state.GENERATED == backprop.GENERATED
    assert tuple(state.DATA_LABELS) == backprop.DATA_KINDS
    for name, limits in (("data_size", datasets.DATA_SIZE), ("noise", datasets.NOISE)):
        assert (state.BY_NAME[name].low, state.BY_NAME[name].high) == limits
    assert (state.BY_NAME["train_percent"].low, state.BY_NAME["train_percent"].high) == datasets.TRAIN_PERCENT


@pytest.mark.parametrize(
    "value, expected",
    [("0.5_-1_1~0.25_0.5e-3_2", "0.5_-1_1~0.25_0.5e-3_2"), (" 1_2_3 ", "1_2_3"), ("", ""), ("1_" * 2000 + "1", None)],
    ids=["two", "spaces", "empty", "too long"],
)
def test_the_points_text_is_checked_for_its_characters_and_length(value, expected):
    if expected is not None:
        assert validate("points", value) == expected
    else:
        with pytest.raises(ValueError, match=r"^points must be at most 4000 characters of points x1_x2_c joined by ~"):
            validate("points", value)


@pytest.mark.parametrize("value", ["1_2_0;alert(1)", "nan_1_0", "1,2,0", "<b>"])
def test_points_with_other_characters_are_refused_with_their_text(value):
    with pytest.raises(ValueError) as caught:
        validate("points", value)
    assert str(caught.value) == f"points must be at most 4000 characters of points x1_x2_c joined by ~ (got {value!r})"


def test_a_link_with_generated_data_restores_it():
    settings, messages = read_link("?data=spiral&data_seed=3&noise=10")
    assert messages == [] and (settings["data"], settings["data_seed"], settings["noise"]) == ("spiral", 3, 10)
    _, messages = read_link("?data=moons&noise=60")
    assert messages == [
        "The link's data was ignored, so it is table: data must be one of table, circle, xor_cloud, gaussians, "
        "spiral, points (got 'moons').",
        "The link's noise was ignored, so it is 0: noise must be a whole number from 0 to 50 (got '60').",
    ]


def test_hand_written_spellings_are_accepted():
    settings, messages = read_link("?learning_rate=3&n_h=4&table=xor&notebook_mode=1&log_scale=TRUE")
    assert messages == []
    assert settings == dict(ALL_DEFAULTS, learning_rate=3.0, n_h=4, notebook_mode=True, log_scale=True)
    assert type(settings["learning_rate"]) is float and type(settings["n_h"]) is int


def test_a_link_is_decoded_like_a_form():
    settings, messages = read_link("?learning_rate=%2B2.5&table=+nand+&activation=Re%4CU")
    assert messages == [] and (settings["learning_rate"], settings["table"], settings["activation"]) == (
        2.5,
        "NAND",
        "relu",
    )


@pytest.mark.parametrize(
    "spelling, embed", [("1", True), ("true", True), ("TRUE", True), ("0", False), ("false", False)]
)
def test_embed_is_a_flag_like_the_others(spelling, embed):
    settings, messages = read_link(f"?embed={spelling}&n_h=3")
    assert (settings["embed"], settings["n_h"], messages) == (embed, 3, [])
    assert f"embed={'true' if embed else 'false'}" in write_link(settings)


DEFAULT_SPELLINGS = {
    "n_h": "2",
    "activation": "tanh",
    "cost": "half_mse",
    "learning_rate": "10",
    "seed": "2",
    "table": "XOR",
    "notebook_mode": "false",
    "speed": "10",
    "log_scale": "false",
    "embed": "false",
    "view": "lab",
}


@pytest.mark.parametrize(
    "key, value, words",
    [
        ("learning_rate", "NaN", "learning_rate must be a finite number greater than 0 (got 'NaN')"),
        ("learning_rate", "inf", "learning_rate must be a finite number greater than 0 (got 'inf')"),
        ("learning_rate", "-1", "learning_rate must be a finite number greater than 0 (got '-1')"),
        ("learning_rate", "1e999", "learning_rate must be a finite number greater than 0 (got '1e999')"),
        ("learning_rate", "ten", "learning_rate must be a finite number greater than 0 (got 'ten')"),
        ("n_h", "17", "n_h must be a whole number from 1 to 16 (got '17')"),
        ("n_h", "2.5", "n_h must be a whole number from 1 to 16 (got '2.5')"),
        ("seed", "4294967296", "seed must be a whole number from 0 to 4294967295 (got '4294967296')"),
        ("seed", "-3", "seed must be a whole number from 0 to 4294967295 (got '-3')"),
        ("activation", "softmax", "activation must be one of tanh, sigmoid, relu (got 'softmax')"),
        ("cost", "", "cost must be one of half_mse, cross_entropy (got '')"),
        ("table", "XAND", "table must be one of XOR, XNOR, AND, OR, NAND, NOR (got 'XAND')"),
        ("notebook_mode", "maybe", "notebook_mode must be true or false (got 'maybe')"),
        ("speed", "7", "speed must be one of 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 steps per frame (got '7')"),
        ("speed", "99999999", "speed must be a whole number from 1 to 1000 (got '99999999')"),
        ("log_scale", "yes+please", "log_scale must be true or false (got 'yes please')"),
        ("embed", "2", "embed must be true or false (got '2')"),
        ("view", "graph", "view must be one of lab, notebook, exercise, sweep (got 'graph')"),
        ("view", "", "view must be one of lab, notebook, exercise, sweep (got '')"),
    ],
)
def test_a_bad_value_is_named_and_falls_back_to_its_default(key, value, words):
    other = "seed=5" if key != "seed" else "n_h=3"
    settings, messages = read_link(f"?{key}={value}&{other}")
    assert messages == [f"The link's {key} was ignored, so it is {DEFAULT_SPELLINGS[key]}: {words}."]
    assert settings[key] == ALL_DEFAULTS[key]
    assert (settings["seed"], settings["n_h"]) == ((5, 2) if key != "seed" else (2, 3))  # the rest applies


def test_the_messages_follow_the_links_order():
    _, messages = read_link("?zeta=1&n_h=0&alpha=2&seed=x&n_h=3&beta=3")
    assert messages == [
        "The link's setting 'zeta' is not one this page has; it was ignored.",
        "The link's setting 'alpha' is not one this page has; it was ignored.",
        "The link's seed was ignored, so it is 2: seed must be a whole number from 0 to 4294967295 (got 'x').",
        "The link's setting 'beta' is not one this page has; it was ignored.",
    ]


def test_a_key_given_twice_keeps_its_last_value():
    assert read_link("?n_h=3&n_h=5") == (dict(ALL_DEFAULTS, n_h=5), [])
    settings, messages = read_link("?n_h=3&n_h=50")
    assert settings["n_h"] == 2 and len(messages) == 1 and "(got '50')" in messages[0]


def test_markup_in_a_link_stays_text_in_the_message():
    settings, messages = read_link("?table=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert settings["table"] == "XOR"
    assert "(got '<img src=x onerror=alert(1)>')" in messages[0]


@pytest.mark.parametrize(
    "value",
    [
        "caf\u00e9",
        "\U0001f600",
        "it's",
        'say "hi"',
        "a\u2028b",
        "nul\x00",
        "\u00ad",
        "tab\there",
        "back\\slash",
        "\ue000",
        "\u0442\u0430\u043d\u0445",
    ],
)
def test_odd_characters_are_quoted_as_cpython_quotes_them(value):
    _, messages = read_link("?table=" + quote_plus(value))
    assert messages == [
        f"The link's table was ignored, so it is XOR: table must be one of XOR, XNOR, AND, OR, NAND, "
        f"NOR (got {value!r})."
    ]
    _, messages = read_link("?" + quote_plus(value) + "=1")
    assert messages == [f"The link's setting {value!r} is not one this page has; it was ignored."]


def test_unknown_settings_are_named_and_ignored():
    settings, messages = read_link("?hidden=4&n_h=4")
    assert settings["n_h"] == 4
    assert messages == ["The link's setting 'hidden' is not one this page has; it was ignored."]


def test_a_huge_value_gives_a_short_message():
    _, messages = read_link("?table=" + "A" * 10_000)
    assert len(messages[0]) == 240 and messages[0].endswith("…")
    assert messages[0].startswith("The link's table was ignored, so it is XOR: table must be one of ")


def test_speeds_are_ordered_and_the_default_is_one_of_them():
    assert list(SPEEDS) == sorted(set(SPEEDS)) and DEFAULTS["speed"] in SPEEDS


def test_model_settings_are_what_the_model_accepts_unchanged():
    settings, _ = read_link("?n_h=5&learning_rate=0.46&table=nor&notebook_mode=1&speed=100&embed=1")
    model = model_settings(settings)
    assert list(model) == list(MODEL_KEYS)
    assert Config.from_dict(model).to_dict() == model  # already clean: the model changes nothing


# --- spelling floats as CPython does ----------------------------------------------------------------------------------


def cpython_spelling(x):
    text = repr(x)
    return text[:-2] if text.endswith(".0") else text


@pytest.mark.parametrize(
    "x, text",
    [
        (0.09437331727736706, "0.09437331727736706"),
        (0.1, "0.1"),
        (10.0, "10"),
        (1e-7, "1e-07"),
        (0.0001, "0.0001"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000"),
        (123456789.0, "123456789"),
        (0.0, "0"),
        (-0.0, "-0"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (2.0**60, "1.152921504606847e+18"),
        (0.46, "0.46"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-2.5, "-2.5"),
        (2 / 3, "0.6666666666666666"),
    ],
)
def test_shortest_worked_examples(x, text):
    assert shortest(x) == text


def test_shortest_is_cpythons_repr_for_many_floats():
    rng = random.Random(2024)
    values = [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0] for _ in range(20000)]
    values += [rng.uniform(0, 20) for _ in range(5000)] + [10 ** rng.uniform(-10, 20) for _ in range(5000)]
    values += [2.0**p for p in range(-1074, 1024)]  # every power of two: the uneven gaps below them
    values += [float(rng.randrange(10 ** rng.randint(1, 22))) for _ in range(2000)]
    values = [x for x in values if x == x and abs(x) != float("inf")]
    wrong = [x for x in values if shortest(x) != cpython_spelling(x)]
    assert wrong == []


def test_shortest_of_a_non_finite_float_is_refused():
    for x in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(ValueError):
            shortest(x)


@pytest.mark.parametrize(
    "value, text",
    [
        (10.0, "10"),
        (0.1, "0.1"),
        (True, "true"),
        (False, "false"),
        (4, "4"),
        ("XOR", "XOR"),
        (1e-7, "1e-07"),
        (2.5e20, "2.5e+20"),
    ],
)
def test_spell(value, text):
    assert spell(value) == text


# --- URLs as urllib.parse spells them ---------------------------------------------------------------------------------

TRICKY = [
    "",
    "plain",
    "two words",
    "a+b",
    "100%",
    "%",
    "%4",
    "%zz",
    "%%41",
    "%2B",
    "%2b",
    "a&b=c",
    "=",
    "&",
    "&&=&",
    "key=value=more",
    "<img src=x onerror=alert(1)>",
    "caf\u00e9",
    "\u65e5\u672c\u8a9e",
    "\U0001f600 emoji",
    "tab\tnew\nline",
    "~_.-",
    "!*'();:@&=+$,/?#[]",
    "quote\"s and 'apostrophes'",
    "\\back\\slash",
    "\u00a0nbsp",
    "\u2028",
    "\x00\x7f",
    "%C3%A9",
    "%c3%a9",
    "+%20+",
    "%E2%82%AC",
    "%E2%82",
    "%C3%A9%FF",
    "%ED%A0%80",
    "%F4%90%80%80",
    "%C0%AF",
    "%F0%9F%98",
    "a=%",
    "%e9",
]


@pytest.mark.parametrize("text", TRICKY)
def test_quote_agrees_with_urllib_and_reads_back(text):
    # parse_query is CPython's own parse_qsl under CPython; under MicroPython, tests/app_mpy checks it.
    assert quote(text) == quote_plus(text)
    assert parse_query("?k=" + quote(text)) == {"k": text}


def test_random_strings_survive_a_link():
    rng = random.Random(9)
    alphabet = "aZ09 +%&=?#;/\\'\"<>~._-\u00e9\u00a0\u2028\U0001f600\u0000\t"
    for _ in range(2000):
        key = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 6)))
        value = "".join(rng.choice(alphabet) for _ in range(rng.randrange(8)))
        assert quote(key) == quote_plus(key) and quote(value) == quote_plus(value)
        assert parse_query("?" + quote(key) + "=" + quote(value)) == {key: value}


def test_json_of_settings_is_plain():
    # what a link holds is what the page sends to the worker: plain JSON values
    settings, _ = read_link(write_link(DEFAULTS))
    assert json.loads(json.dumps(model_settings(settings))) == Config().to_dict()


# --- a lesson link's hide, lock and params ----------------------------------------------------------------------------


def test_a_lesson_links_controls_are_read_in_the_pages_order():
    settings, messages = read_link("?hide=Table,%20seed,table&lock=n_h&params=0.5_-1e-07")
    assert (settings["hide"], settings["lock"], settings["params"], messages) == ("seed,table", "n_h", "0.5_-1e-07", [])
    assert "hide=seed%2Ctable&lock=n_h&params=0.5_-1e-07" in write_link(settings)


def test_an_unknown_control_is_named_with_the_valid_ones():
    settings, messages = read_link("?hide=seed,colour&lock=n_h")
    assert settings["hide"] == "" and settings["lock"] == "n_h"
    assert messages == [
        "The link's hide was ignored, so it is empty: hide: 'colour' is not a control (the controls: "
        + ", ".join(state.LESSON_CONTROLS)
        + ")."
    ]


def test_params_must_be_numbers_separated_by_underscores():
    settings, messages = read_link("?params=1_2;alert(1)")
    assert (
        settings["params"] == "" and "params must be at most 4000 characters of numbers separated by _" in messages[0]
    )


# --- the table -------------------------------------------------------------------------------------------------------


def test_the_table_has_one_row_per_setting_in_a_links_order():
    assert [row.name for row in state.SETTINGS] == list(MODEL_KEYS + VIEW_KEYS + state.OPTIONAL_KEYS)
    assert len({row.key for row in state.SETTINGS}) == len(state.SETTINGS)
    assert {row.owner for row in state.SETTINGS} == {
        "model",
        "page",
        "exercise",
        "sweep",
        "landscape",
        "network",
        "lesson",
        "data",
        "language",
    }
    assert all(row.kind in setting_kinds.WORDS for row in state.SETTINGS)


@pytest.mark.parametrize("row", state.SETTINGS, ids=[row.name for row in state.SETTINGS])
def test_each_default_is_valid_and_reads_back_from_a_link(row):
    assert row.check(row.default) == row.default
    assert read_link("?" + row.key + "=" + quote(spell(row.default))) == (DEFAULTS, [])


def test_a_lesson_may_hide_and_lock_the_form_and_the_pages_other_controls_each_named_once():
    assert [row.name for row in state.SETTINGS if row.label] == sorted(state.FORM, key=list(DEFAULTS).index)
    assert state.LESSON_CONTROLS == (
        "learning_rate",
        "n_h",
        "activation",
        "cost",
        "seed",
        "data",
        "table",
        "notebook_mode",
        "batch",
        "speed",
        "log_scale",
        "train",
        "step",
        "reset",
        "tabs",
        "export",
        "import",
        "lesson",
    )
    assert set(state.LESSON_LABELS) == set(state.LESSON_CONTROLS)
    assert len(set(state.LESSON_LABELS.values())) == len(state.LESSON_CONTROLS)
    assert state.BY_NAME["hide"].choices == state.BY_NAME["lock"].choices == state.LESSON_CONTROLS


@pytest.mark.parametrize(
    "name, limits",
    [("n_h", (1, backprop.config.N_H_MAX)), ("seed", (0, backprop.config.SEED_LIMIT - 1)), ("speed", (1, 1000))],
)
def test_the_whole_numbers_limits_are_the_models(name, limits):
    row = state.BY_NAME[name]
    assert (row.low, row.high) == limits
    with pytest.raises(ValueError, match="must be a whole number from {} to {}".format(*limits)):
        row.check(limits[1] + 1)
