"""The page's settings and how the page shows them, validated, to and from a link.

Plain Python that runs under MicroPython (the page) and CPython (the tests): settings are dicts. The
page validates what it shows with the same rules and words as the model's backprop.Config (a test
holds the two to each other); the worker's model validates again what it runs.

A link is read leniently: each bad value gets a message naming it and falls back to its default,
and the rest of the link still applies. Messages are plain text; the page shows them as text.
"""

import math

from app.cpython import parse_float, query_pairs, shortest
from shared.limits import SEED_LIMIT, SPAN_MAX, SWEEP_LIMITS

# The model's settings (backprop.Config's fields, in its order), then the page's own (View).
MODEL_KEYS = ("n_h", "activation", "cost", "learning_rate", "seed", "table", "notebook_mode")
VIEW_KEYS = ("speed", "log_scale", "embed", "view")
# The views' own settings: in a link only when they differ from their defaults, to keep links short.
OPTIONAL_KEYS = (
    "exercise",
    "sweep_first",
    "sweep_count",
    "sweep_steps",
    "landscape_axes",
    "landscape_span",
    "hide",
    "lock",
    "params",
)
DEFAULTS = {
    "n_h": 2,
    "activation": "tanh",
    "cost": "half_mse",
    "learning_rate": 10.0,
    "seed": 2,
    "table": "XOR",
    "notebook_mode": False,
    "speed": 10,
    "log_scale": False,
    "embed": False,
    "view": "lab",
    "exercise": "forward",
    "sweep_first": 0,
    "sweep_count": 200,
    "sweep_steps": 1000,
    "landscape_axes": "random",
    "landscape_span": 2.0,
    "hide": "",
    "lock": "",
    "params": "",
}
CHOICES = {
    "activation": ("tanh", "sigmoid", "relu"),
    "cost": ("half_mse", "cross_entropy"),
    "table": ("XOR", "XNOR", "AND", "OR", "NAND", "NOR"),
    "view": ("lab", "notebook", "exercise", "sweep"),
    "exercise": ("forward", "backward"),
}
N_H_MAX = 16
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)  # steps per animation frame
# What a lesson link may hide or lock (app/share/lesson.py): the settings, the buttons, the view tabs, and the
# Save and share panel's export, import and lesson-link groups.
LESSON_CONTROLS = (
    "learning_rate",
    "n_h",
    "activation",
    "cost",
    "seed",
    "table",
    "notebook_mode",
    "speed",
    "log_scale",
    "train",
    "step",
    "reset",
    "tabs",
    "export",
    "import",
    "lesson",
)
PARAMS_LIMIT = 4000  # characters of params=; the worker checks the numbers (worker/share/params_link.py)
PARAMS_CHARACTERS = "0123456789.-+eE_,"
MESSAGE_LIMIT = 240
SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"


def _number(value):
    """value as an int or float, or None when it is not a number (bools are not numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        text = value.strip()
        for kind in (int, parse_float):
            try:
                return kind(text)
            except (ValueError, OverflowError):
                pass
    return None


def _finite(number):
    try:
        number = float(number)
    except (OverflowError, TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def whole_number(name, value, low, high):
    number = _number(value)
    if isinstance(number, float) and (_finite(number) is None or number != int(number)):
        number = None
    if number is None or not low <= number <= high:
        raise ValueError("{} must be a whole number from {} to {} (got {})".format(name, low, high, _repr(value)))
    return int(number)


def positive_number(name, value):
    number = _finite(_number(value))
    if number is None or number <= 0:
        raise ValueError("{} must be a finite number greater than 0 (got {})".format(name, _repr(value)))
    return number


def choice(name, value):
    choices = CHOICES[name]
    if isinstance(value, str):
        text = value.strip()
        text = text.upper() if name == "table" else text.lower()
        if text in choices:
            return text
    raise ValueError("{} must be one of {} (got {})".format(name, ", ".join(choices), _repr(value)))


def flag(name, value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise ValueError("{} must be true or false (got {})".format(name, _repr(value)))


def speed(name, value):
    steps = whole_number(name, value, 1, SPEEDS[-1])
    if steps not in SPEEDS:
        raise ValueError(
            "{} must be one of {} steps per frame (got {})".format(
                name, ", ".join(str(s) for s in SPEEDS), _repr(value)
            )
        )
    return steps


def control_list(name, value):
    """A lesson's list of controls ("seed,table"), in LESSON_CONTROLS's order, or ValueError naming the unknown ones."""
    names, unknown = [], []
    for part in str(value).split(","):
        part = part.strip().lower()
        if part and part not in LESSON_CONTROLS:
            unknown.append(_repr(part))
        elif part:
            names.append(part)
    if unknown:
        raise ValueError(
            "{}: {} {} not a control (the controls: {})".format(
                name, ", ".join(unknown), "is" if len(unknown) == 1 else "are", ", ".join(LESSON_CONTROLS)
            )
        )
    return ",".join(control for control in LESSON_CONTROLS if control in names)


def params_text(name, value):
    """A lesson's starting parameters as the link spells them; the worker checks the numbers and their count."""
    text = str(value).strip()
    if len(text) > PARAMS_LIMIT or [char for char in text if char not in PARAMS_CHARACTERS]:
        raise ValueError(
            "{} must be at most {} characters of numbers separated by _ (got {})".format(
                name, PARAMS_LIMIT, _repr(text[:40] + ("…" if len(text) > 40 else ""))
            )
        )
    return text


def parameter_names(n_h):
    """The parameters of a 2-n_h-1 network as the landscape names them: W0[0,0], W0[0,1], ..., b1[0,0]."""
    shapes = (("W0", n_h, 2), ("b0", n_h, 1), ("W1", 1, n_h), ("b1", 1, 1))
    return ["{}[{},{}]".format(name, i, j) for name, rows, cols in shapes for i in range(rows) for j in range(cols)]


def landscape_axes(name, value):
    """ "random", or two different parameters of the largest network, as "W1[0,0],W1[0,1]"."""
    text = str(value).replace(" ", "")
    if text.lower() == "random":
        return "random"
    cut = text.find("],") + 1
    first, second = text[:cut], text[cut + 1 :]
    known = parameter_names(N_H_MAX)
    if cut and first in known and second in known and first != second:
        return first + "," + second
    raise ValueError(
        "{} must be random or two different parameters such as W1[0,0],W1[0,1] (got {})".format(name, _repr(value))
    )


def landscape_span(name, value):
    number = positive_number(name, value)
    if number > SPAN_MAX:
        raise ValueError(
            "{} must be a number greater than 0 and at most {} (got {})".format(name, spell(SPAN_MAX), _repr(value))
        )
    return number


def validate(name, value):
    """The setting's clean value, or ValueError with the words a student can act on."""
    if name == "n_h":
        return whole_number(name, value, 1, N_H_MAX)
    if name == "seed":
        return whole_number(name, value, 0, SEED_LIMIT - 1)
    if name == "learning_rate":
        return positive_number(name, value)
    if name in CHOICES:
        return choice(name, value)
    if name == "speed":
        return speed(name, value)
    if name in SWEEP_LIMITS:
        return whole_number(name, value, *SWEEP_LIMITS[name])
    if name == "landscape_axes":
        return landscape_axes(name, value)
    if name == "landscape_span":
        return landscape_span(name, value)
    if name in ("notebook_mode", "log_scale", "embed"):
        return flag(name, value)
    if name in ("hide", "lock"):
        return control_list(name, value)
    if name == "params":
        return params_text(name, value)
    raise ValueError("{} is not a setting of this page".format(_repr(name)))


# Characters that CPython's repr escapes, besides the ASCII ones: every assigned code point that str.isprintable
# rejects (Unicode 14, CPython 3.11), as ranges. MicroPython has no Unicode database (nor str.isprintable) and its
# repr escapes every non-ASCII character, so _repr spells strings itself; unassigned code points are shown as they are.
NOT_PRINTABLE = (
    (0x0, 0x1F),
    (0x7F, 0xA0),
    (0xAD, 0xAD),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x2064),
    (0x2066, 0x206F),
    (0x3000, 0x3000),
    (0xD800, 0xF8FF),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
)
ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(char):
    """Whether CPython's repr shows char as it is: str.isprintable, or without it (MicroPython) the table."""
    if hasattr(char, "isprintable"):
        return char.isprintable()
    return printable_code(ord(char))


def printable_code(code):
    """Whether the code point is printable by the NOT_PRINTABLE table."""
    for low, high in NOT_PRINTABLE:
        if low <= code <= high:
            return False
    return True


def _repr(value):
    """repr(value) as CPython spells it, for the messages: the same words as the model's on either Python."""
    if isinstance(value, float) and _finite(value) is not None:
        text = shortest(value)
        return text if "." in text or "e" in text else text + ".0"
    if not isinstance(value, str) or not value or max(value) < "\x80":
        return repr(value)  # ASCII: MicroPython's repr is CPython's
    quote = '"' if "'" in value and '"' not in value else "'"
    out = [quote]
    for char in value:
        code = ord(char)
        if char == quote:
            out.append("\\" + char)
        elif char in ESCAPES:
            out.append(ESCAPES[char])
        elif printable(char):
            out.append(char)
        else:
            spelling = "\\x{:02x}" if code < 0x100 else "\\u{:04x}" if code < 0x10000 else "\\U{:08x}"
            out.append(spelling.format(code))
    out.append(quote)
    return "".join(out)


def spell(value):
    """A setting as a link or a field spells it: 10 not 10.0, true not True."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return shortest(value)
    return str(value)


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


def defaults():
    return dict(DEFAULTS)


def read_link(query):
    """(settings, messages) from a URL query: every setting, from the link where it is valid, else its default."""
    settings, messages, values, seen = defaults(), [], {}, set()
    pairs = query_pairs(query)
    for key, value in pairs:
        values[key] = value  # the last value of a key given twice
    for key, _ in pairs:  # in the link's order (MicroPython's dicts keep no order)
        if key in seen:
            continue
        seen.add(key)
        value = values[key]
        if key not in DEFAULTS:
            messages.append(clip("The link's setting {} is not one this page has; it was ignored.".format(_repr(key))))
            continue
        try:
            settings[key] = validate(key, value)
        except ValueError as err:
            messages.append(
                clip("The link's {} was ignored, so it is {}: {}.".format(key, spell(DEFAULTS[key]) or "empty", err))
            )
    return settings, messages


def write_link(settings):
    """The query that restores the settings: every one, spelled as read_link reads it."""
    keys = MODEL_KEYS + VIEW_KEYS + tuple(key for key in OPTIONAL_KEYS if settings[key] != DEFAULTS[key])
    return "?" + "&".join(key + "=" + quote(spell(settings[key])) for key in keys)


def model_settings(settings):
    """The settings the model takes (backprop.Config's), as the worker's configure() wants them."""
    return {key: settings[key] for key in MODEL_KEYS}
