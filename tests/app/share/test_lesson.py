"""Save and share on a fake page (app/share/lesson.py, app/share/importer.py, app/share/export_menu.py): a lesson link's hidden and
locked controls, the "Copy link to this lesson" form, and importing a file through the lab and the real worker
functions (py/worker/door.py), with bad files refused and the run on screen kept."""

import asyncio
import json
import sys
import types

import pytest

import fake_dom
from app.door import Model
from app.lab.view import Lab
from app.settings import LESSON_CONTROLS, read_link
from app.share.importer import Importer
from app.share.lesson import Lesson
from lab_page import FakeWorker, Page, Window, readout, settle
from shared.protocol import read
from worker import door as exports
from worker.lab.session import Session

CONTROLS_FIELDS = ("learning_rate", "n_h", "activation", "cost", "seed", "table", "notebook_mode", "speed", "log_scale")


class Element(fake_dom.Element):
    """fake_dom's element with what the Save and share code also uses: parentElement, after, and a
    querySelectorAll that takes a list of tags."""

    @property
    def parentElement(self):
        return self.props.get("parentNode")

    def after(self, node):
        self.props["followed_by"] = node

    def querySelectorAll(self, selector):
        tags = [part.strip() for part in selector.split(",")]
        return fake_dom.NodeList(el for el in self.walk() if el is not self and el.tag in tags)


class LessonPage(Page):
    def __init__(self):
        super().__init__()
        for name in CONTROLS_FIELDS:  # each field in its wrapper
            self.wrap(self.elements[name], "div")
        buttons = self.createElement("div")
        for name in ("train", "step", "reset"):
            buttons.appendChild(self.elements[name])
        self.nav = self.createElement("nav")
        self.nav.appendChild(self.tablist)
        for name in (
            "share-panel",
            "export-group",
            "import-group",
            "lesson-group",
            "lesson-controls",
            "lesson-view",
            "lesson-copy",
            "lesson-params",
            "lesson-link",
            "lesson-message",
            "import-file",
            "import-message",
            "drop-hint",
        ):
            self.elements[name] = self.createElement("div")
        for group, inner in (("export-group", "button"), ("import-group", "input"), ("lesson-group", "input")):
            self.elements[group].appendChild(self.createElement(inner))
        self.listeners = []

    def createElement(self, tag):
        element = super().createElement(tag)
        if tag != "canvas":
            element = Element(tag, self.log)
        return element

    def wrap(self, element, tag):
        wrapper = self.createElement(tag)
        wrapper.appendChild(element)
        return wrapper

    def querySelectorAll(self, selector):
        return self.tablist.querySelectorAll("button")

    def addEventListener(self, event, handler):
        self.listeners.append((event, handler))


class LabStub:
    def __init__(self, query):
        self.settings, self.messages = read_link(query)
        self.later_calls = []

    def later(self, coroutine):
        self.later_calls.append(coroutine)
        coroutine.close()


def lesson_for(query):
    page = LessonPage()
    for tab in page.tablist.props["children"]:
        tab.props["textContent"] = tab.id[len("tab-") :].title()
    return page, Lesson(page, Window(query), LabStub(query))


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
    assert page.elements["reset"].disabled is True and page.elements["lesson-params"].disabled is False


def test_the_form_starts_from_the_links_lesson_and_builds_a_new_one(monkeypatch):
    fake_dom.install(monkeypatch)
    page, lesson = lesson_for("?n_h=3&hide=table&lock=seed")
    boxes = lesson.form_boxes
    assert len(boxes) == 2 * len(LESSON_CONTROLS)
    assert sorted(key for key, box in boxes.items() if box.checked) == [("hide", "table"), ("lock", "seed")]
    assert boxes[("hide", "seed")].getAttribute("aria-label") == "Hide Seed"
    assert [option.value for option in page.elements["lesson-view"].props["children"]] == ["lab", "notebook"]
    boxes[("hide", "table")].checked = False
    boxes[("lock", "reset")].checked = True
    page.elements["lesson-view"].value = "notebook"
    page.elements["lesson-params"].checked = False
    lesson.window.location.origin, lesson.window.location.pathname = "https://example.org", "/lab/"
    selected = []
    page.elements["lesson-link"].props["select"] = lambda: selected.append(True)

    async def refuse(text):
        raise RuntimeError("no clipboard here")

    lesson.window.navigator = types.SimpleNamespace(clipboard=types.SimpleNamespace(writeText=refuse))
    asyncio.run(lesson.copy())
    link = page.elements["lesson-link"].value
    assert link.startswith("https://example.org/lab/?n_h=3&") and link.endswith("&view=notebook&lock=seed%2Creset")
    assert page.elements["lesson-message"].textContent.startswith("This browser did not let the page copy")
    assert selected == [True]


# --- importing, through the lab and the real worker functions ---------------------------------------------------------


@pytest.fixture
def session(monkeypatch):
    fresh = Session()
    monkeypatch.setattr(exports, "SESSION", fresh)
    return fresh


class File:
    def __init__(self, name, text, size=None):
        self.name, self._text = name, text
        self.size = len(text.encode()) if size is None else size
        self.read = False

    async def text(self):
        self.read = True
        return self._text


def open_importer(monkeypatch, search=""):
    fake_dom.install(monkeypatch)
    page, window = LessonPage(), Window(search)
    page.calls = []

    class Workers:
        def __getitem__(self, name):
            async def ready():
                return FakeWorker(page.calls)

            return ready()

    sys.modules["pyscript"].workers = Workers()
    lab = Lab(page, window, Model("model"))
    return page, window, lab, Importer(page, window, lab)


def test_a_saved_run_is_imported_and_a_bad_one_keeps_the_run(monkeypatch, session):
    page, window, lab, importer = open_importer(monkeypatch, "?n_h=3&seed=5")

    async def scenario():
        await lab.start()
        importer.model_ready()
        await settle()
        exports.step(120)
        await lab.refresh()
        _, saved = read(exports.export_file("json"))
        shown = readout(page)
        lab.reset()
        await settle()
        assert readout(page)[1] == "0"

        importer.take(File("run.json", saved))
        await settle()
        assert readout(page) == shown
        assert page.text("import-message") == "Imported run.json: step 120, cost J = {}.".format(shown[2])

        importer.take(File("junk.json", "{not json"))
        await settle()
        assert page.text("import-message").startswith("junk.json was not imported: The file is not JSON")
        assert page.text("import-message").endswith("The run on screen is unchanged.")
        assert page.elements["messages"].texts()[0] == page.text("import-message")
        assert readout(page) == shown

        huge = File("huge.json", "", size=10 * 1024 * 1024)
        importer.take(huge)
        await settle()
        assert not huge.read and "huge.json is 10.5 MB, too large" in page.text("import-message")
        assert readout(page) == shown

        # a run of other settings: the form and the address follow the file
        other = json.loads(saved)
        other["config"].update(n_h=2, learning_rate=0.46, table="AND")
        other["params"] = {"W0": [[0.1, 0.2], [0.3, 0.4]], "b0": [[0.1], [0.1]], "W1": [[0.5, 0.6]], "b1": [[0.1]]}
        importer.take(File("other.json", json.dumps(other)))
        await settle()
        assert (lab.settings["n_h"], lab.settings["learning_rate"], lab.settings["table"]) == (2, 0.46, "AND")
        assert page.elements["learning_rate"].value == "0.46" and page.elements["n_h"].value == "2"
        assert "n_h=2&" in window.location.search and "learning_rate=0.46" in window.location.search

    asyncio.run(scenario())
