"""Save and share, through the page: each export downloaded and checked (the .py run reproduces the page's cost, the
.ipynb validates, each PNG is at device resolution), a saved run imported by the file field and by dropping it, bad
files refused with a message and the run kept, lesson links that hide, lock, open a view and start from given
parameters, the "Copy link to this lesson" form, the printout, and axe-core."""

import json
import math
import struct
import subprocess
import sys
from pathlib import Path

import e2e_reference as ref
import nbformat
import numpy as np
import pytest
from guard import PageGuard
from labpage import button, expect_cost, expect_ready, field, readout, step_count, wait_for_step_at_least
from playwright.sync_api import expect
from test_accessibility import axe_violations, describe

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# W0 (2 x 2), b0, W1, b1 of a network a lesson starts from, as params= spells them
PARAMS = [0.5, -0.25, 0.125, 1.5, 0.1, -0.1, 2.0, -2.0, 0.3]


@pytest.fixture
def hidpi_page(browser, site_url):
    """A page at devicePixelRatio 2, guarded as the other tests' pages are."""
    context = browser.new_context(device_scale_factor=2)
    page = context.new_page()
    guard = PageGuard(page, site_url.rstrip("/"))
    yield page
    problems = guard.problems(page)
    context.close()
    assert not problems, "the page misbehaved:\n" + "\n".join(problems)


def message(page, name):
    return page.locator("#" + name + "-message")


def train_to(page, steps):
    button(page, "Train").click()
    wait_for_step_at_least(page, steps)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")
    return step_count(page)


def download(page, name):
    with page.expect_download() as info:
        button(page, name).click()
    return info.value


def png_size(data):
    assert data[:8] == PNG_SIGNATURE
    return struct.unpack(">II", data[16:24])


def test_each_export_is_a_file_named_after_the_settings(hidpi_page, site_url, tmp_path):
    page = hidpi_page
    page.goto(site_url + "?n_h=3&seed=7")
    expect_ready(page)
    steps = train_to(page, 150)
    shown_cost = readout(page, "Cost J").inner_text()
    stem = f"backprop-lab_xor_nh3_seed7_step{steps}"

    saved = download(page, "Run (.json)")
    assert saved.suggested_filename == stem + ".json"
    run = json.loads(Path(saved.path()).read_text())
    assert (run["format"], run["version"], run["step"], run["config"]["n_h"]) == ("backprop-lab-run", 1, steps, 3)
    assert math.isclose(run["cost"], float(shown_cost), rel_tol=1e-9)
    assert len(run["history"]["costs"]) >= 2
    expect(message(page, "export")).to_have_text(f"Saved {stem}.json.")

    saved = download(page, "Python script (.py)")
    assert saved.suggested_filename == stem + ".py"
    script = tmp_path / saved.suggested_filename
    saved.save_as(script)
    printed = subprocess.run(
        [sys.executable, str(script), "100"], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert math.isclose(float(printed[0]), float(shown_cost), rel_tol=1e-9), (printed[0], shown_cost)

    saved = download(page, "Jupyter notebook (.ipynb)")
    assert saved.suggested_filename == stem + ".ipynb"
    nbformat.validate(nbformat.reads(Path(saved.path()).read_text(), as_version=4))

    for name, plot, element in (
        ("Cost chart (.png)", "cost-chart", "#cost-chart"),
        ("Decision surface (.png)", "decision-surface", "#surface"),
    ):
        saved = download(page, name)
        assert saved.suggested_filename == f"{stem}_{plot}.png"
        bitmap = page.evaluate(
            "selector => { const c = document.querySelector(selector); return [c.width, c.height]; }", element
        )
        assert png_size(Path(saved.path()).read_bytes()) == tuple(bitmap)
        assert bitmap[0] == round(page.locator(element).bounding_box()["width"] * 2)
    saved = download(page, "Network diagram (.png)")
    assert saved.suggested_filename == f"{stem}_network-diagram.png"
    box = page.locator("#diagram").bounding_box()
    width, height = png_size(Path(saved.path()).read_bytes())
    assert (width, height) == (round(box["width"] * 2), round(box["height"] * 2))


def test_an_exported_run_imported_after_reset_restores_step_and_cost(page, open_lab, tmp_path):
    open_lab("?n_h=4&activation=relu&learning_rate=0.5&table=AND")
    steps = train_to(page, 200)
    shown_cost = readout(page, "Cost J").inner_text()
    saved = download(page, "Run (.json)")
    path = tmp_path / saved.suggested_filename
    saved.save_as(path)

    page.goto(page.url.split("?")[0])  # the defaults, another network
    expect_ready(page)
    assert step_count(page) == 0
    field(page, "Saved run (.json)").set_input_files(str(path))
    expect(readout(page, "Step")).to_have_text(str(steps))
    expect(readout(page, "Cost J")).to_have_text(shown_cost)
    expect(message(page, "import")).to_have_text(f"Imported {path.name}: step {steps}, cost J = {shown_cost}.")
    # the settings are the file's, in the form and the address
    expect(field(page, "Hidden units n_h")).to_have_value("4")
    expect(field(page, "Learning rate")).to_have_value("0.5")
    expect(field(page, "Truth table")).to_have_value("AND")
    assert "n_h=4&activation=relu" in page.url and "learning_rate=0.5" in page.url
    button(page, "Step").click()  # it goes on from the saved step
    expect(readout(page, "Step")).to_have_text(str(steps + 1))

    button(page, "Reset").click()
    expect(readout(page, "Step")).to_have_text("0")
    drop(page, path.name, path.read_text())  # dropped anywhere on the page
    expect(readout(page, "Step")).to_have_text(str(steps))
    expect(readout(page, "Cost J")).to_have_text(shown_cost)


def drop(page, name, text):
    """Drop a file of that name and text on the page, as a person drags it from their files."""
    page.evaluate(
        """([name, text]) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, {type: "application/json"}));
        const options = {bubbles: true, cancelable: true, dataTransfer: data};
        document.querySelector("main").dispatchEvent(new DragEvent("dragover", options));
        document.querySelector("main").dispatchEvent(new DragEvent("drop", options));
    }""",
        [name, text],
    )


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("notes.json", "this is not JSON", "The file is not JSON: Expecting value at line 1, column 1"),
        ("old.json", json.dumps({"format": "backprop-lab-run", "version": 7}), "format version 7"),
        ("junk.bin", "x" * (10 * 1024 * 1024), "junk.bin is 10.5 MB, too large for a saved run"),
    ],
)
def test_a_bad_file_gets_a_message_and_the_run_stays(shared_page, name, content, words):
    page = shared_page.open("?seed=5")  # one page for the three files, each refused on the run the one before left
    steps = train_to(page, 50)
    shown_cost = readout(page, "Cost J").inner_text()
    field(page, "Saved run (.json)").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": content.encode()}]
    )
    expect(message(page, "import")).to_contain_text(words)
    expect(message(page, "import")).to_contain_text("The run on screen is unchanged.")
    expect(page.get_by_role("list", name="Messages").get_by_role("listitem").first).to_contain_text(words)
    assert (step_count(page), readout(page, "Cost J").inner_text()) == (steps, shown_cost)
    assert "seed=5" in page.url


def test_a_file_with_extra_keys_or_wrong_shapes_is_refused(page, open_lab, tmp_path):
    open_lab()
    saved = download(page, "Run (.json)")
    run = json.loads(Path(saved.path()).read_text())
    for bad, words in (
        (dict(run, extra=1), "Unknown key 'extra'"),
        (dict(run, params=dict(run["params"], W1=[[1.0, 2.0, 3.0]])), "W1"),
        (dict(run, params=dict(run["params"], b1=[[1e300]])), "too large"),
    ):
        field(page, "Saved run (.json)").set_input_files(
            files=[{"name": "bad.json", "mimeType": "application/json", "buffer": json.dumps(bad).encode()}]
        )
        expect(message(page, "import")).to_contain_text(words)
    expect(readout(page, "Step")).to_have_text("0")
    expect_cost(page, ref.initial_cost())


def test_a_lesson_link_hides_locks_and_opens_a_view(page, open_lab):
    open_lab("?n_h=3&hide=seed,table&lock=n_h,reset&view=notebook")
    expect(page.get_by_role("tab", name="Notebook")).to_have_attribute("aria-selected", "true")
    for label in ("Seed", "Truth table"):
        expect(field(page, label)).to_be_hidden()
    locked = field(page, "Hidden units n_h")
    expect(locked).to_be_disabled()
    expect(locked).to_have_value("3")
    expect(locked).to_have_accessible_description("Locked by this lesson.")
    expect(button(page, "Reset")).to_be_disabled()
    expect(page.get_by_text("Locked by this lesson: Reset.")).to_be_visible()
    expect(button(page, "Step")).to_be_enabled()
    button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("1")
    page.get_by_role("heading", name="Backprop Lab").click()
    page.keyboard.press("r")  # Reset is locked, and so is its key
    page.keyboard.press("s")
    expect(readout(page, "Step")).to_have_text("2")
    # hidden controls are out of the tab order
    focusable = page.evaluate("""() => [...document.querySelectorAll("input, select, button")]
        .filter(el => el.checkVisibility() && !el.disabled).map(el => el.id)""")
    assert "seed" not in focusable and "table" not in focusable and "n_h" not in focusable
    assert "hide=seed%2Ctable&lock=n_h%2Creset" in page.url  # the lesson survives a reload
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_a_lesson_link_with_an_unknown_control_names_it(page, open_lab):
    open_lab("?hide=seed,colour")
    messages = page.get_by_role("list", name="Messages").get_by_role("listitem")
    expect(messages).to_have_text(
        [
            "The link's hide was ignored, so it is empty: hide: 'colour' is not a control "
            "(the controls: learning_rate, n_h, activation, cost, seed, data, table, notebook_mode, "
            "batch, speed, log_scale, train, step, reset, tabs, export, import, lesson)."
        ]
    )
    expect(field(page, "Seed")).to_be_visible()


def test_a_lesson_link_starts_from_its_parameters_and_reset_returns_to_them(page, open_lab):
    W0, b0, W1, b1 = (
        np.array(PARAMS[:4]).reshape(2, 2),
        np.array(PARAMS[4:6]).reshape(2, 1),
        np.array(PARAMS[6:8]).reshape(1, 2),
        np.array(PARAMS[8:]).reshape(1, 1),
    )
    A2 = ref.sigmoid(W1 @ np.tanh(W0 @ ref.A0 + b0) + b1)
    expected = float(ref.cost(A2, np.array([ref.TABLES["XOR"]], dtype=float)))
    open_lab("?n_h=2&params=" + "_".join(repr(x) for x in PARAMS))
    expect_cost(page, expected)
    button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("1")
    button(page, "Reset").click()
    expect(readout(page, "Step")).to_have_text("0")
    expect_cost(page, expected)

    open_lab("?n_h=3&params=" + "_".join(repr(x) for x in PARAMS))  # 9 numbers, where n_h = 3 needs 13
    expect(page.get_by_role("list", name="Messages").get_by_role("listitem").first).to_contain_text(
        "The link's params were ignored, so the network starts from seed 2's parameters: params has 9 numbers; "
        "n_h=3 needs 13"
    )
    expect_cost(page, ref.initial_cost(n_h=3))
    assert "params=" not in page.url


def test_copy_link_to_this_lesson_builds_the_link_from_the_form(page, open_lab):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_lab("?n_h=2")
    page.get_by_text("Copy link to this lesson", exact=True).first.click()  # the disclosure
    page.get_by_role("checkbox", name="Hide Seed", exact=True).check()
    page.get_by_role("checkbox", name="Lock Hidden units n_h", exact=True).check()
    page.get_by_role("checkbox", name="Lock Step", exact=True).check()
    field(page, "Open with the view").select_option("notebook")
    field(page, "Start from the current parameters (W0, b0, W1, b1)").check()
    button(page, "Copy link to this lesson").click()
    expect(message(page, "lesson")).to_contain_text("The lesson link is copied")
    link = field(page, "Lesson link").input_value()
    assert "&view=notebook&hide=seed&lock=n_h%2Cstep&params=" in link
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    shown_cost = readout(page, "Cost J").inner_text()

    page.goto(link)
    expect_ready(page)
    expect(field(page, "Seed")).to_be_hidden()
    expect(field(page, "Hidden units n_h")).to_be_disabled()
    expect(button(page, "Step")).to_be_disabled()
    expect(page.get_by_role("tab", name="Notebook")).to_have_attribute("aria-selected", "true")
    expect(readout(page, "Cost J")).to_have_text(shown_cost)


def test_the_printout_shows_the_state_without_controls(page, open_lab):
    open_lab("?n_h=2")
    train_to(page, 20)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("#print-summary")).to_contain_text("Backprop Lab at step ")
    expect(page.locator("#print-summary")).to_be_visible()
    for name in ("Train", "Step", "Reset", "Run (.json)"):
        expect(button(page, name)).to_be_hidden()
    expect(page.get_by_role("tablist")).to_be_hidden()
    expect(page.locator("#cost-chart")).to_be_visible()
    expect(page.get_by_role("table", name="Predictions A2 against targets Y")).to_be_visible()
    expect(field(page, "Hidden units n_h")).to_be_visible()  # the settings, as values
