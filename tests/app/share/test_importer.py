"""Importing a saved run (app/share/importer.py) on the fake page, through the context and the real worker functions
(py/worker/door.py): by the file field or a drop, bad files refused with the run on screen kept, a file over the
limit refused by its size, and nothing imported before the model is ready or when a lesson turns importing off.

Oracles: the worker's own saved run of a network (export_file("json")), and the texts written out."""

import asyncio
import json
import types

from app.share.importer import Importer
from lab_page import open_page, readout, settle
from shared.protocol import read
from worker import door as exports


class File:
    def __init__(self, name, text, size=None):
        self.name, self._text = name, text
        self.size = len(text.encode()) if size is None else size
        self.read = False

    async def text(self):
        self.read = True
        return self._text


def open_importer(monkeypatch, search=""):
    """The page with its Save and share panel loaded (as after the lab's first paint): its Importer."""
    page, window, context, lab = open_page(monkeypatch, search)
    lab.load_panels()
    importer = next(part for part in lab.lesson.parts if isinstance(part, Importer))
    return page, window, context, lab, importer


def test_a_saved_run_is_imported_and_a_bad_one_keeps_the_run(monkeypatch, session):
    page, window, context, lab, importer = open_importer(monkeypatch, "?n_h=3&seed=5")

    async def scenario():
        await context.start()
        await settle()
        assert page.elements["import-file"].disabled is False  # the lesson's parts are ready with the model
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
        assert not huge.read
        assert "huge.json is 10.5 MB, too large" in page.text("import-message")
        assert readout(page) == shown

        # a run of other settings: the form and the address follow the file
        other = json.loads(saved)
        other["config"].update(n_h=2, learning_rate=0.46, table="AND")
        other["params"] = {"W0": [[0.1, 0.2], [0.3, 0.4]], "b0": [[0.1], [0.1]], "W1": [[0.5, 0.6]], "b1": [[0.1]]}
        importer.take(File("other.json", json.dumps(other)))
        await settle()
        assert (context.settings["n_h"], context.settings["learning_rate"], context.settings["table"]) == (
            2,
            0.46,
            "AND",
        )
        assert page.elements["learning_rate"].value == "0.46"
        assert page.elements["n_h"].value == "2"
        assert "n_h=2&" in window.location.search
        assert "learning_rate=0.46" in window.location.search

    asyncio.run(scenario())


def drop(page, file):
    """A file dropped anywhere on the page: the document's drop listeners."""
    prevented = []
    event = types.SimpleNamespace(
        dataTransfer=types.SimpleNamespace(
            types=types.SimpleNamespace(includes=lambda kind: kind == "Files"), files=[file]
        ),
        preventDefault=lambda: prevented.append(True),
    )
    event.dataTransfer.files = Files([file])
    for kind, handler in page.listeners:
        if kind == "drop":
            handler(event)
    return prevented


class Files(list):
    @property
    def length(self):
        return len(self)


def test_a_file_dropped_before_the_model_is_ready_waits_for_it(monkeypatch, session):
    page, _window, _context, _lab, _importer = open_importer(monkeypatch)
    file = File("run.json", "{}")
    assert drop(page, file) == [True]  # not the browser opening the file
    assert page.text("import-message") == "Python and NumPy are still starting: import the file again in a moment."
    assert page.elements["messages"].texts()[0] == page.text("import-message")
    assert not file.read


def test_a_lesson_that_locks_importing_turns_the_drop_off_too(monkeypatch, session):
    page, _window, context, _lab, _importer = open_importer(monkeypatch, "?lock=import")

    async def scenario():
        await context.start()
        await settle()

    asyncio.run(scenario())
    assert page.elements["import-file"].disabled is True
    file = File("run.json", "{}")
    drop(page, file)
    assert page.text("import-message") == "Importing a file is turned off by this lesson."
    assert not file.read
