"""Fixtures of the page-layer tests (the fake page itself is tests/app/lab_page.py)."""

import pytest

from worker import door as exports
from worker.lab.session import Session


@pytest.fixture
def session(monkeypatch):
    """A fresh Session behind the worker's exports: the network the page's fake worker shows."""
    fresh = Session()
    monkeypatch.setattr(exports, "SESSION", fresh)
    return fresh
