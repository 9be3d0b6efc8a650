"""The page's settings live in its URL: a link restores them, Back and Forward move between them, and a
bad or hostile value in a link is named, replaced by its default and shown only as text."""

import re
from urllib.parse import urlencode

import e2e_reference as reference
import labpage
from labpage import expect_cost, predictions, readout
from playwright.sync_api import expect

LINK = {
    "n_h": "4",
    "activation": "relu",
    "learning_rate": "0.5",
    "seed": "7",
    "table": "AND",
    "cost": "cross_entropy",
    "notebook_mode": "false",
    "speed": "100",
    "log_scale": "true",
}
DEFAULTS = {
    "n_h": "2",
    "activation": "tanh",
    "learning_rate": "10",
    "seed": "2",
    "table": "XOR",
    "cost": "half_mse",
    "speed": "10",
}
FIELD_LABELS = {
    "n_h": "Hidden units n_h",
    "activation": "Hidden activation",
    "learning_rate": "Learning rate",
    "seed": "Seed",
    "table": "Truth table",
    "cost": "Cost",
}


def field(page, name):
    return labpage.field(page, FIELD_LABELS[name])


def in_url(name, value):
    return re.compile(rf"[?&]{name}={re.escape(value)}(&|$)")


def expect_speed(page, steps_per_frame):
    text = f"{steps_per_frame} steps per frame"
    expect(labpage.field(page, "Speed")).to_have_attribute("aria-valuetext", text)
    expect(page.get_by_text(text, exact=True)).to_be_visible()


def messages(page):
    return page.get_by_role("list", name="Messages").get_by_role("listitem")


def test_a_link_restores_its_settings_and_back_forward_restore_earlier_ones(open_lab):
    page = open_lab("?" + urlencode(LINK))
    for name in FIELD_LABELS:
        expect(field(page, name)).to_have_value(LINK[name])
    expect(labpage.field(page, "Notebook mode")).not_to_be_checked()
    expect(labpage.field(page, "Log scale for the cost")).to_be_checked()
    expect_speed(page, 100)
    expect(messages(page)).to_have_count(0)
    # The network on screen is the link's: its initial cost, and the AND targets in the table.
    expect(readout(page, "Step")).to_have_text("0")
    expect_cost(page, reference.initial_cost(4, "relu", "cross_entropy", 7, "AND"))
    assert [float(row["Y"]) for row in predictions(page)] == [
        float(int(row["x1"]) & int(row["x2"])) for row in predictions(page)
    ]
    linked = page.url

    # Two changes in the form, each a new URL: a choice, then a typed value committed with Tab.
    field(page, "activation").select_option("sigmoid")
    expect(page).to_have_url(in_url("activation", "sigmoid"))
    after_choice = page.url
    expect_cost(page, reference.initial_cost(4, "sigmoid", "cross_entropy", 7, "AND"))
    field(page, "n_h").fill("3")
    field(page, "n_h").press("Tab")
    expect(page).to_have_url(in_url("n_h", "3"))
    expect_cost(page, reference.initial_cost(3, "sigmoid", "cross_entropy", 7, "AND"))

    page.go_back()
    expect(page).to_have_url(after_choice)
    expect(field(page, "n_h")).to_have_value("4")
    expect(field(page, "activation")).to_have_value("sigmoid")
    page.go_back()
    expect(page).to_have_url(linked)
    expect(field(page, "activation")).to_have_value("relu")
    expect_cost(page, reference.initial_cost(4, "relu", "cross_entropy", 7, "AND"))
    page.go_forward()
    expect(page).to_have_url(after_choice)
    expect(field(page, "activation")).to_have_value("sigmoid")
    expect(field(page, "n_h")).to_have_value("4")
    for name in ("learning_rate", "seed", "table", "cost"):
        expect(field(page, name)).to_have_value(LINK[name])
    expect_speed(page, 100)


def test_invalid_link_values_are_named_and_replaced_by_their_defaults(open_lab):
    bad = {"learning_rate": "NaN", "speed": "inf", "seed": "-7", "n_h": "99999999999999999999"}
    page = open_lab("?" + urlencode(bad))
    expect(messages(page)).to_have_count(len(bad))
    for name in bad:
        default = DEFAULTS[name]
        message = messages(page).filter(has_text=re.compile(rf"\b{name}\b"))
        expect(message).to_have_count(1)
        expect(message).to_contain_text(re.compile(rf"\b{re.escape(default)}\b"))
        expect(page).to_have_url(in_url(name, default))
    for name in ("learning_rate", "seed", "n_h"):
        expect(field(page, name)).to_have_value(DEFAULTS[name])
    expect_speed(page, 10)
    expect(readout(page, "Status")).to_have_text("ready")
    expect_cost(page, reference.NOTEBOOK_COSTS[0])


def test_markup_in_a_link_is_shown_as_text(open_lab):
    markup = "<img src=x onerror=window.__pwned=1>"
    page = open_lab("?" + urlencode({"table": markup, "activation": "banana"}))
    shown = messages(page).filter(has_text=markup)
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text(re.compile(r"\btable\b.*\bXOR\b"))
    expect(messages(page).filter(has_text="banana")).to_contain_text(re.compile(r"\bactivation\b.*\btanh\b"))
    expect(field(page, "table")).to_have_value("XOR")
    expect(field(page, "activation")).to_have_value("tanh")
    expect(page.locator("img")).to_have_count(0)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
