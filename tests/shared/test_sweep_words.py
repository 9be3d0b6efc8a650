"""The Many seeds sweep's categories and their words (py/shared/sweep_words.py), said alike by the page and the
worker.

Oracles: the four categories the sweep defines (worker/sweep/sweep.py's docstring) and the words the view
shows, written out here.
"""

from shared.sweep_words import CATEGORIES, CATEGORY_WORDS


def test_four_categories_each_with_its_words():
    assert CATEGORIES == ("solved", "training", "stuck", "diverged")
    assert CATEGORY_WORDS == {
        "solved": "solved",
        "training": "still improving",
        "stuck": "stuck",
        "diverged": "diverged",
    }


def test_the_page_says_them():
    from app.sweep import plots, view

    assert view.CATEGORY_WORDS is CATEGORY_WORDS
    assert plots.CATEGORIES is CATEGORIES
    assert set(view.CATEGORIES) == set(CATEGORIES)  # the view lists the same four, in its own order
    assert view.seeds_heading("training", 3, 3) == "Still improving: 3 networks"
    assert view.seeds_heading("solved", 1, 1) == "Solved: 1 network"
