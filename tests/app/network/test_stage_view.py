"""The slow-motion player (app/network/stage_view.py) on the fake page, through the context and the real worker
functions (py/worker/door.py): a slow step ends where Step does, keys move it, the network moving on closes it, and a
lesson that locks Step locks it too. Oracle: backprop.Run stepped once on its own."""

import asyncio
import types

from app.network.slow_motion import SLIP_NOTE
from backprop import Config, Run
from lab_page import open_page, settle


def player_page(monkeypatch, search=""):
    page, window, context, lab = open_page(monkeypatch, search)
    timers = []
    window.setTimeout = lambda callback, ms: timers.append((callback, ms)) or len(timers)
    window.clearTimeout = lambda timer: None
    lab.load_panels()  # after the lab's first paint
    return page, window, context, lab, lab.slow_motion, timers


def key(name):
    calls = []
    event = types.SimpleNamespace(key=name, target=types.SimpleNamespace(tagName="SECTION"), ctrlKey=False)
    event.metaKey = event.altKey = False
    event.preventDefault = lambda: calls.append("prevented")
    event.stopPropagation = lambda: calls.append("stopped")
    return event, calls


def test_a_slow_step_ends_where_step_does(monkeypatch, session):
    page, _window, context, lab, player, timers = player_page(monkeypatch)
    live = page.element("slow-motion-live")
    oracle = Run(Config())
    oracle.train(1)

    async def scenario():
        await context.start()
        await settle()
        assert page.element("step-slowly").disabled is False
        player.open()
        await settle()
        assert page.element("slow-motion").hidden is False
        assert live.textContent.startswith("Forward pass, all 4 examples")
        assert page.element("slow-motion-stage").textContent == "Stage 1 of 4: Forward pass"
        assert page.element("slow-motion-link").getAttribute("href") == "#nb-heading-forward"
        for name, words in (("ArrowRight", "Cost: J = 0.12519375208599626;"), ("n", "Backpropagation: ")):
            event, calls = key(name)
            player.on_key(event)
            assert live.textContent.startswith(words) and calls == ["prevented", "stopped"]
        player.previous()
        assert live.textContent.startswith("Cost: ")
        player.toggle_play()  # Play: the page's timer moves it on
        assert page.element("slow-motion-play").textContent == "Pause" and timers[-1][1] == 1500
        timers[-1][0]()
        assert live.textContent.startswith("Backpropagation: ")
        player.finish()  # the update stage passed: the lab's own step
        await settle()
        assert context.snap["step"] == 1 and page.element("step-count").textContent == "1"
        assert live.textContent == "The step taken: now at step 1, cost J = {}.".format(repr(oracle.cost))
        assert context.snap["cost"] == oracle.cost
        assert page.element("slow-motion-next").disabled is True
        assert page.element("slow-motion-play").textContent == "Play"
        lab.reset()  # the network moves on without the player: it closes
        await settle()
        assert page.element("slow-motion").hidden is True

    asyncio.run(scenario())


def test_notebook_mode_notes_the_slip_in_the_backward_stage(monkeypatch, session):
    page, _window, context, _lab, player, _timers = player_page(monkeypatch, "?notebook_mode=true")

    async def scenario():
        await context.start()
        await settle()
        player.open()
        await settle()
        player.next()
        assert page.element("slow-motion-note").textContent == ""
        player.next()
        assert page.element("slow-motion-note").textContent == SLIP_NOTE
        assert page.element("slow-motion-live").textContent.endswith(SLIP_NOTE)

    asyncio.run(scenario())


def test_a_lesson_that_locks_step_locks_step_slowly(monkeypatch, session):
    page, _window, context, _lab, player, _timers = player_page(monkeypatch, "?lock=step")

    async def scenario():
        await context.start()
        await settle()
        assert page.element("step-slowly").disabled is True
        player.open()
        await settle()
        assert page.element("slow-motion").hidden is True

    asyncio.run(scenario())
