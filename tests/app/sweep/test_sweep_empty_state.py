"""The Many seeds view before its first run says what Run will do, with the form's numbers, instead of showing empty
frames; and the plots are laid out once a run starts (app/sweep/view.py)."""

import asyncio

from app.settings import DEFAULTS
from app.sweep.view import empty_text
from lab_page import open_page, settle


def test_the_empty_state_names_the_forms_numbers():
    assert empty_text(DEFAULTS) == (
        "Press Run to train 200 networks (seeds 0 to 199, 1,000 steps each): their costs show here."
    )
    settings = dict(DEFAULTS, sweep_first=40, sweep_count=1000, sweep_steps=250)
    assert empty_text(settings).startswith("Press Run to train 1,000 networks (seeds 40 to 1,039, 250 steps each)")


def test_before_a_first_run_the_view_says_it_and_hides_the_empty_plots(monkeypatch, session):
    page, _window, context, _lab = open_page(monkeypatch, "?view=sweep&sweep_count=50&sweep_steps=100")
    sweep = context.views["sweep"]
    assert page.element("sweep-shares").textContent.startswith("Press Run to train 50 networks (seeds 0 to 49,")
    assert page.element("sweep-plots").hidden is True
    page.element("sweep_count").value = "10"
    sweep.field_changed("sweep_count")  # the form's change: the words follow
    assert page.element("sweep-shares").textContent.startswith("Press Run to train 10 networks")

    async def scenario():
        await context.start()
        await settle()
        sweep.run()
        assert page.element("sweep-plots").hidden is False  # laid out before the plots' sizes are asked
        while sweep.running:
            await settle()

    asyncio.run(scenario())
    sweep.open()  # shown again after a run: its plots stay
    assert page.element("sweep-plots").hidden is False
