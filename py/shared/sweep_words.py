"""The Many seeds sweep's categories, which the page and the worker say alike.

CATEGORIES is the order of the worker's category indices (worker/sweep) and of the plots' stacked bars. Each side
says a category in whole sentences of its own (the page's headings, the worker's summaries), so that a translation
can agree the words with their count.
"""

CATEGORIES = ("solved", "training", "stuck", "diverged")
