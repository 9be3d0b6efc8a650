"""The words a student reads, in the page's language: gettext's calls over a compiled catalog.

English is the source language: a message is its English text, and with no catalog (English, or a message the
catalog lacks) a call returns the English. A catalog is the JSON that tools/catalogs.py compiles from a language's
.po file (locale/<lang>/LC_MESSAGES/messages.po): {"language", "name", "plural", "messages"}, where "messages" maps
each English text to its translation, a list of forms for a plural message, and "plural" is the Python expression
of the .po's Plural-Forms that picks a form from n.

The page reads its catalog once, before its modules are imported (static/js/i18n.js fetches it; py/main.py hands it
here); each worker gets the same text from the page with its start(). Module constants are marked with N_() and
translated where they are shown, so that an import before the catalog arrives never freezes the English.
Plain Python for the page's MicroPython and both workers' Pyodide (MicroPython has no gettext module).
"""

import json

SOURCE = "en"
CONTEXT_GLUE = "\x04"  # gettext's separator of a message's context and its text

_state = {"language": SOURCE, "messages": {}, "plural": None, "text": ""}


def _plural_rule(expression):
    """A function n -> the index of the plural form, from the catalog's Python expression."""
    return eval("lambda n: int(" + expression + ")", {})


def load(text):
    """Translate with the compiled catalog whose JSON is text; "" (or None) for English."""
    if not text:
        _state.update(language=SOURCE, messages={}, plural=None, text="")
        return
    catalog = json.loads(text)
    _state.update(
        language=catalog["language"],
        messages=catalog["messages"],
        plural=_plural_rule(catalog.get("plural") or "n != 1"),
        text=text,
    )


def catalog_text():
    """The catalog's JSON as load() took it, which the page hands on to its workers ("" for English)."""
    return _state["text"]


def language():
    """The language's code ("en", "es", "de")."""
    return _state["language"]


def _(message):
    """message in the page's language."""
    translated = _state["messages"].get(message)
    return translated if isinstance(translated, str) and translated else message


def N_(message):
    """message unchanged, marked for the catalog: for a constant translated with _() where it is shown."""
    return message


def pgettext(context, message):
    """message in the page's language where the same English says different things (context tells which)."""
    translated = _state["messages"].get(context + CONTEXT_GLUE + message)
    return translated if isinstance(translated, str) and translated else message


def ngettext(singular, plural, n):
    """The form of a message for the count n: "1 point", "3 points"."""
    forms = _state["messages"].get(singular)
    if isinstance(forms, list) and _state["plural"] is not None:
        index = _state["plural"](n)
        if 0 <= index < len(forms) and forms[index]:
            return forms[index]
    return singular if n == 1 else plural
