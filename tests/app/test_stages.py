"""The page's start-up stages and its error panel (app/stages.py) on a fake page."""

from app import stages
from lab_page import Page


def test_stages_end_in_ready_or_in_one_error():
    page = Page()
    stages.set_state(page, "interactive")
    stages.show_stage(page, "Starting Python")
    assert page.documentElement.dataset.appState == "interactive"
    assert page.elements["loading-stage"].textContent == "Starting Python"
    stages.show_error(page, "NumPy failed")
    stages.show_error(page, "a second failure")  # the first error stays on screen
    assert page.documentElement.dataset.appState == "error"
    assert page.elements["load-error-text"].textContent == "NumPy failed"
    assert page.elements["load-error"].hidden is False
    assert page.elements["loading"].hidden is True
    ready = Page()
    stages.show_ready(ready)
    assert ready.documentElement.dataset.appState == "ready"
    assert ready.elements["loading"].hidden is True
