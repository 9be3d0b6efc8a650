"""The settings form (app/lab/controls.py) on a fake page."""

import types

import fake_dom
from app.lab.controls import Controls
from app.settings import DEFAULTS, SPEEDS, validate

FIELDS = (
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
    "data_seed",
    "data_size",
    "noise",
    "train_percent",
)


class Page(fake_dom.Document):
    def __init__(self):
        super().__init__()
        self.elements = {}
        for name in FIELDS:
            self.elements[name] = self.createElement("div").appendChild(self.createElement("input"))
            self.elements[name].props.update(value="", checked=False)
            self.elements[name + "-error"] = self.createElement("p")
        self.elements["data-generated"] = self.createElement("div")
        for name in (
            "speed-value",
            "train",
            "step",
            "reset",
            "loading-stage",
            "loading",
            "load-error-text",
            "load-error",
        ):
            self.elements[name] = self.createElement("span")
        self.documentElement = types.SimpleNamespace(dataset=types.SimpleNamespace(appState="loading"))

    def getElementById(self, name):
        return self.elements.get(name)


def test_show_puts_every_setting_in_its_field():
    page = Page()
    controls = Controls(page)
    settings = dict(DEFAULTS, learning_rate=0.46, n_h=5, notebook_mode=True, speed=1, log_scale=False)
    controls.show(settings)
    values = {name: page.elements[name].value for name in FIELDS if name not in ("notebook_mode", "log_scale")}
    assert values == {
        "learning_rate": "0.46",
        "n_h": "5",
        "activation": "tanh",
        "cost": "half_mse",
        "seed": "2",
        "data": "table",
        "table": "XOR",
        "batch": "full",
        "speed": "0",
        "data_seed": "0",
        "data_size": "200",
        "noise": "0",
        "train_percent": "50",
    }  # the speed slider holds the index into SPEEDS
    assert page.elements["notebook_mode"].checked is True and page.elements["log_scale"].checked is False
    assert page.elements["speed-value"].textContent == "1 step per frame"
    assert page.elements["speed"].attributes["aria-valuetext"] == "1 step per frame"
    controls.show_speed(1000)
    assert page.elements["speed-value"].textContent == "1000 steps per frame"


def test_the_data_fields_show_by_the_datas_kind():
    page = Page()
    controls = Controls(page)
    table, generated = page.elements["table"].parentElement, page.elements["data-generated"]
    shown = []
    for kind in ("table", "spiral", "circle", "points"):
        controls.show(dict(DEFAULTS, data=kind, data_seed=3, noise=10))
        shown.append((kind, page.elements["data"].value, table.hidden, generated.hidden))
    assert shown == [
        ("table", "table", False, True),
        ("spiral", "spiral", True, False),
        ("circle", "circle", True, False),
        ("points", "points", True, True),
    ]
    assert (page.elements["data_seed"].value, page.elements["noise"].value) == ("3", "10")
    # a truth table's field that a lesson hides stays hidden
    table.classList.add("lesson-hidden")
    table.props["hidden"] = True
    controls.show_data("table")
    assert table.hidden is True


def test_read_gives_what_validate_takes():
    page = Page()
    controls = Controls(page)
    controls.show(DEFAULTS)
    for index, speed in enumerate(SPEEDS):
        page.elements["speed"].props["value"] = str(index)  # a range input's value is text
        assert validate("speed", controls.read("speed")) == speed
    page.elements["notebook_mode"].props["checked"] = True
    assert validate("notebook_mode", controls.read("notebook_mode")) is True
    page.elements["learning_rate"].props["value"] = " 2.5 "
    assert validate("learning_rate", controls.read("learning_rate")) == 2.5
    # every field read back after show gives the settings shown
    settings = dict(DEFAULTS, learning_rate=0.123456789, seed=4294967295, table="NAND", speed=200)
    controls.show(settings)
    assert {name: validate(name, controls.read(name)) for name in FIELDS} == {name: settings[name] for name in FIELDS}


def test_errors_are_shown_beside_their_field_and_cleared():
    page = Page()
    controls = Controls(page)
    try:
        validate("n_h", "99")
    except ValueError as err:
        controls.show_error("n_h", str(err))
    assert page.elements["n_h-error"].textContent == "Must be a whole number from 1 to 16 (got '99')."
    assert page.elements["n_h"].attributes["aria-invalid"] == "true"
    controls.show_error("seed", "the model refused it")
    assert page.elements["seed-error"].textContent == "The model refused it."
    controls.clear_error("n_h")
    assert page.elements["n_h-error"].textContent == "" and "aria-invalid" not in page.elements["n_h"].attributes


def test_buttons():
    page = Page()
    controls = Controls(page)
    controls.enable()
    assert [page.elements[name].disabled for name in ("train", "step", "reset")] == [False] * 3
    controls.enable(False)
    assert [page.elements[name].disabled for name in ("train", "step", "reset")] == [True] * 3
    controls.show_training(True)
    assert page.elements["train"].textContent == "Pause"
    controls.show_training(False)
    assert page.elements["train"].textContent == "Train"
