"""The Many seeds sweep's categories and the words the page and the worker say them with.

CATEGORIES is the order of the worker's category indices (worker/sweep) and of the plots' stacked bars.
"""

CATEGORIES = ("solved", "training", "stuck", "diverged")
CATEGORY_WORDS = {"solved": "solved", "training": "still improving", "stuck": "stuck", "diverged": "diverged"}
