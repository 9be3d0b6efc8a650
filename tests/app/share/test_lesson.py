"""Lesson links on a fake page (app/share/lesson.py): a lesson link's hidden and locked controls, the Save and share
panel's parts locked as they load, and the "Copy link to this lesson" form."""

import asyncio
import types

import pytest

import fake_dom
from app.context import Context
from app.settings import LESSON_CONTROLS
from app.share.lesson import Lesson
from lab_page import TABS, Page, Window, open_page, settle


def lesson_for(query):
    page = Page()
    return page, Lesson(Context(page, Window(query), None))


def test_a_lesson_hides_and_locks_what_its_link_says(monkeypatch):
    fake_dom.install(monkeypatch)
    page, lesson = lesson_for("?hide=seed,tabs&lock=n_h,reset,export,seed")
    seed_wrapper = page.elements["seed"].parentElement
    assert seed_wrapper.hidden is True and seed_wrapper.classList.contains("lesson-hidden")
    assert page.nav.hidden is True
    assert lesson.locked == ["n_h", "reset", "export"]  # hidden wins over locked
    n_h = page.elements["n_h"]
    assert n_h.disabled is True and n_h.getAttribute("aria-describedby") == "n_h-locked"
    note = n_h.parentElement.props["children"][-1]
    assert (note.id, note.textContent) == ("n_h-locked", "Locked by this lesson.")
    assert page.elements["reset"].disabled is True and page.elements["step"].props.get("disabled") is True
    buttons_note = page.elements["train"].parentElement.props["followed_by"]
    assert buttons_note.textContent == "Locked by this lesson: Reset."
    assert page.elements["export-group"].props["children"][0].disabled is True
    assert not lesson.allows_key("r") and lesson.allows_key("s") and lesson.allows_key(" ") and lesson.allows_key("x")
    # the lab enables its buttons once the model is ready; the lesson locks Reset again
    page.elements["reset"].disabled = False
    lesson.model_ready()
    assert page.elements["reset"].disabled is True and page.element("lesson-params").disabled is False


def test_the_form_starts_from_the_links_lesson_and_builds_a_new_one(monkeypatch):
    fake_dom.install(monkeypatch)
    page, lesson = lesson_for("?n_h=3&hide=table&lock=seed")
    boxes = lesson.form_boxes
    assert len(boxes) == 2 * len(LESSON_CONTROLS)
    assert sorted(key for key, box in boxes.items() if box.checked) == [("hide", "table"), ("lock", "seed")]
    assert boxes[("hide", "seed")].getAttribute("aria-label") == "Hide Seed"
    assert [option.value for option in page.elements["lesson-view"].props["children"]] == [view for view, _ in TABS]
    assert [option.textContent for option in page.elements["lesson-view"].props["children"]] == [
        text for _, text in TABS
    ]
    boxes[("hide", "table")].checked = False
    boxes[("lock", "reset")].checked = True
    page.elements["lesson-view"].value = "notebook"
    page.element("lesson-params").checked = False
    lesson.window.location.origin, lesson.window.location.pathname = "https://example.org", "/lab/"
    selected = []
    page.element("lesson-link").props["select"] = lambda: selected.append(True)

    async def refuse(text):
        raise RuntimeError("no clipboard here")

    lesson.window.navigator = types.SimpleNamespace(clipboard=types.SimpleNamespace(writeText=refuse))
    asyncio.run(lesson.copy())
    link = page.element("lesson-link").value
    assert link.startswith("https://example.org/lab/?n_h=3&") and link.endswith("&view=notebook&lock=seed%2Creset")
    assert page.elements["lesson-message"].textContent.startswith("This browser did not let the page copy")
    assert selected == [True]


@pytest.mark.parametrize("lock, disabled", [("", False), ("export,import", True)])
def test_the_panels_export_and_import_are_locked_as_they_load_after_the_model(monkeypatch, session, lock, disabled):
    page, _window, context, lab = open_page(monkeypatch, "?lock=" + lock)

    async def scenario():
        await context.start()
        await settle()

    asyncio.run(scenario())
    lab.load_panels()  # a slow first paint: the model was ready first
    export_button = page.element("export-group").children[0]
    assert (export_button.disabled, page.element("import-file").disabled) == (disabled, disabled)
    assert page.element("lesson-params").disabled is False  # "Start from the current parameters"
