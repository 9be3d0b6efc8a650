"""The page's link: its query read into the settings (app/settings.py's table) and written back from them.

A link is read leniently: each bad value gets a message naming it and falls back to its default, and the rest of
the link still applies. Messages are plain text; the page shows them as text. Plain Python for MicroPython and
CPython.
"""

from app.cpython import cpython_repr, query_pairs
from app.setting_kinds import Partial
from app.settings import BY_KEY, DATA_PARAMETERS, GENERATED, MODEL, PAGE, SETTINGS, defaults, spell
from shared.i18n import _

MESSAGE_LIMIT = 240
SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"


def clip(text):
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


def quote(text):
    """URL-encode like urllib.parse.quote_plus: UTF-8, space as +."""
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        out.append(char if char in SAFE else "+" if char == " " else "%{:02X}".format(byte))
    return "".join(out)


def parse_query(query):
    """{key: value} of a URL query such as "?n_h=4&seed=7"; a key given twice keeps its last value."""
    values = {}
    for key, value in query_pairs(query):
        values[key] = value
    return values


def read_link(query, notes=None):
    """(settings, messages) from a URL query: every setting, from the link where it is valid, else its default.
    notes, when given, is a dict that gets each message under its setting's key too ("" for an unknown setting), so
    that a view finds its own settings' messages without reading their words."""
    settings, messages, values, seen = defaults(), [], {}, set()
    pairs = query_pairs(query)
    for key, value in pairs:
        values[key] = value  # the last value of a key given twice
    for key, _unused in pairs:  # in the link's order (MicroPython's dicts keep no order)
        if key in seen:
            continue
        seen.add(key)
        setting = BY_KEY.get(key)
        message = None
        if setting is None:
            message = _("The link's setting {key} is not one this page has; it was ignored.").format(
                key=cpython_repr(key)
            )
        else:
            try:
                settings[setting.name] = setting.check(values[key])
            except Partial as err:  # the rest of the value applies
                settings[setting.name] = err.value
                # Translators: {error} is a whole message such as "exercises: 'zz' is not an exercise of this page,
                # so it is left out (...)"; {error} begins with the setting's name in the link.
                message = _("The link's {error}.").format(error=err)
            except ValueError as err:
                # Translators: {key} is the setting's name in the link (seed, n_h...), kept as it is; {default} is
                # the value it falls back to, as a link spells it; {error} is what is wrong with the value.
                message = _("The link's {key} was ignored, so it is {default}: {error}.").format(
                    key=key,
                    # Translators: a setting's value when it is empty (no exercises chosen, no controls hidden...).
                    default=spell(setting.default) or _("empty"),
                    error=err,
                )
        if message is not None:
            messages.append(clip(message))
            if notes is not None:
                notes.setdefault(key if setting is not None else "", []).append(messages[-1])
    return settings, messages


def in_link(setting, settings):
    """Whether a link holds the setting: the model's and the page's always, but the data's only where they matter
    (data when not a truth table, a generated set's parameters for generated data, points for the student's
    points); the views' own when they are not their defaults."""
    name, data = setting.name, settings.get("data", "table")
    if name == "data":
        return data != "table"
    if name in DATA_PARAMETERS:
        return data in GENERATED
    if name == "points":
        return data == "points" and settings[name] != ""
    return setting.owner in (MODEL, PAGE) or settings[name] != setting.default


def write_link(settings):
    """The query that restores the settings (see in_link), each spelled as read_link reads it."""
    return "?" + "&".join(
        setting.key + "=" + quote(spell(settings[setting.name])) for setting in SETTINGS if in_link(setting, settings)
    )
