"""The Many seeds sweep's categories and the words the page and the worker say them with.

CATEGORIES is the order of the worker's category indices (worker/sweep) and of the plots' stacked bars. The words are
marked for the catalog: translate them where they are said, _(CATEGORY_WORDS[name]).
"""

from shared.i18n import N_

CATEGORIES = ("solved", "training", "stuck", "diverged")
CATEGORY_WORDS = {
    # Translators: a network of the Many seeds sweep whose cost reached the solved level.
    "solved": N_("solved"),
    # Translators: a network of the Many seeds sweep whose cost still goes down.
    "training": N_("still improving"),
    # Translators: a network of the Many seeds sweep whose cost stopped going down before solving.
    "stuck": N_("stuck"),
    # Translators: a network of the Many seeds sweep whose cost is no longer a finite number.
    "diverged": N_("diverged"),
}
