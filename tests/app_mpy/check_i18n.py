"""shared/i18n.py under the page's own MicroPython: a catalog loads from its JSON text, messages, plural forms
(the .po's rule, evaluated here) and contexts translate, and English is what a missing message says.

Run by tests/test_app_in_micropython.py through tools/micropython_run.mjs. Plain asserts.
"""

import json
import sys

from shared import i18n
from shared.i18n import N_, _, ngettext, pgettext

assert sys.implementation.name == "micropython", sys.implementation.name

polish = {
    "language": "pl",
    "name": "Polski",
    # Polish: 1 punkt, 2-4 punkty, 5-21 punktów, 22-24 punkty
    "plural": "(((0) if (n == 1) else (((1) if (n % 10 >= 2 and n % 10 <= 4 and (n % 100 < 10 or n % 100 >= 20))"
    " else (2)))))",
    "messages": {
        "Train": "Trenuj",
        "{n} point": ["{n} punkt", "{n} punkty", "{n} punktów"],
        "button\x04Step": "Krok",
        "Empty": "",
    },
}
i18n.load(json.dumps(polish))
assert i18n.language() == "pl"
assert _("Train") == "Trenuj"
assert _("Reset") == "Reset"  # not in the catalog: English
assert _("Empty") == "Empty"  # untranslated: English
assert N_("Train") == "Train"  # marked only
assert pgettext("button", "Step") == "Krok" and pgettext("other", "Step") == "Step"
forms = [ngettext("{n} point", "{n} points", n).format(n=n) for n in (1, 2, 4, 5, 12, 21, 22, 101)]
assert forms == ["1 punkt", "2 punkty", "4 punkty", "5 punktów", "12 punktów", "21 punktów", "22 punkty", "101 punktów"]
assert ngettext("{n} cat", "{n} cats", 3) == "{n} cats"
assert json.loads(i18n.catalog_text())["language"] == "pl"

i18n.load("")
assert i18n.language() == "en" and _("Train") == "Train" and i18n.catalog_text() == ""
assert ngettext("{n} point", "{n} points", 1) == "{n} point"
