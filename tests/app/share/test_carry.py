"""The run goes with the page into another language (app/share/carry.py), on the fake page through the real worker
functions (py/worker/door.py): the menu's switch keeps the run in the tab's storage and opens the new address, and
the new page shows the very run once its model is ready; a storage that refuses still lets the page switch.

Oracle: the readouts of the run before the switch."""

import asyncio
import types

from app.share import carry
from lab_page import open_page, readout, settle
from worker import door as exports

NEW_ADDRESS = "http://localhost/?n_h=3&seed=5&lang=de"


def tab_storage(window, stored, refuse=False):
    def set_item(key, value):
        if refuse:
            raise RuntimeError("QuotaExceededError")
        stored[key] = value

    window.sessionStorage = types.SimpleNamespace(
        getItem=stored.get, setItem=set_item, removeItem=lambda key: stored.pop(key, None)
    )
    opened = []
    window.location.assign = opened.append
    return opened


def test_the_run_on_screen_goes_with_the_page_into_another_language(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch, "?n_h=3&seed=5")
    stored = {}
    opened = tab_storage(window, stored)

    async def scenario():
        await context.start()
        await settle()
        exports.step(120)
        await lab.refresh()
        shown = readout(page)
        assert shown[1] == "120"
        await carry.switch(context, NEW_ADDRESS)
        assert opened == [NEW_ADDRESS] and carry.CARRY_KEY in stored

        new_page, new_window, new_context, _new_lab = open_page(monkeypatch, "?n_h=3&seed=5&lang=de")
        tab_storage(new_window, stored)
        exports.reset()  # the new page's worker starts afresh
        await new_context.start()
        await settle()
        assert readout(new_page)[1] == "0"  # the page anew: a new network, until the run is taken
        await carry.take(new_context)
        await settle()
        assert readout(new_page) == shown
        assert carry.CARRY_KEY not in stored  # taken once
        assert "lang=de" in new_window.location.search

    asyncio.run(scenario())


def test_a_storage_that_refuses_the_run_still_lets_the_page_switch(monkeypatch, session):
    page, window, context, _lab = open_page(monkeypatch)
    stored = {}
    opened = tab_storage(window, stored, refuse=True)

    async def scenario():
        await context.start()
        await settle()
        await carry.switch(context, NEW_ADDRESS)
        assert opened == [NEW_ADDRESS] and stored == {}
        await carry.take(context)  # nothing kept: nothing taken, the run on screen stays
        assert readout(page)[1] == "0"

    asyncio.run(scenario())
