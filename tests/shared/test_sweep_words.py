"""The Many seeds sweep's categories (py/shared/sweep_words.py), said alike by the page and the worker.

Oracles: the four categories the sweep defines (worker/sweep/sweep.py's docstring) and the headings the view
shows, written out here.
"""

from shared.sweep_words import CATEGORIES


def test_four_categories():
    assert CATEGORIES == ("solved", "training", "stuck", "diverged")


def test_the_page_says_them():
    from app.sweep import plots, view

    assert plots.CATEGORIES is CATEGORIES
    assert set(view.CATEGORIES) == set(CATEGORIES)  # the view lists the same four, in its own order
    assert view.seeds_heading("training", 3, 3) == "Still improving: 3 networks"
    assert view.seeds_heading("solved", 1, 1) == "Solved: 1 network"
    assert view.seeds_heading("stuck", 1000, 100) == "Stuck: 1,000 networks (the first 100 listed)"
