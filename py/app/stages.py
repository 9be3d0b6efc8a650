"""The page's start-up stages and its error panel, once Python runs (static/js/boot.js does the same
before): <html data-app-state> goes loading -> interactive (this page layer answers) -> ready (the
model's worker answers), or error, which shows the panel and ends every stage."""


def set_state(document, state):
    document.documentElement.dataset.appState = state


def show_stage(document, text):
    document.getElementById("loading-stage").textContent = text


def show_ready(document):
    document.getElementById("loading").hidden = True
    set_state(document, "ready")


def show_error(document, message):
    """The error panel with message; the page stays as it is (settings, links), but nothing trains."""
    if document.documentElement.dataset.appState == "error":
        return
    set_state(document, "error")
    document.getElementById("loading").hidden = True
    document.getElementById("load-error-text").textContent = message
    document.getElementById("load-error").hidden = False
