"""The page's settings: one table, SETTINGS, of every setting a link can hold, and all that it drives: reading and
writing the link, validating a value with words a student can act on, which controls a lesson link may hide or
lock (app/share/lesson.py) and the rows of its "Copy link to this lesson" form.

Plain Python that runs under MicroPython (the page) and CPython (the tests): settings are dicts. The page validates
the model's settings with the same rules and words as the model's backprop.Config (tests/app/test_settings.py
holds the two to each other); the worker's model validates again what it runs.

A link is read leniently: each bad value gets a message naming it and falls back to its default, and the rest of
the link still applies. Messages are plain text; the page shows them as text.
"""

import math

from app.cpython import parse_float, query_pairs, shortest
from shared.limits import SEED_LIMIT, SPAN_MAX, SWEEP_LIMITS

N_H_MAX = 16
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)  # steps per animation frame
PARAMS_LIMIT = 4000  # characters of params=; the worker checks the numbers (worker/share/params_link.py)
PARAMS_CHARACTERS = "0123456789.-+eE_,"
POINTS_LIMIT = 4000  # characters of points=; the worker checks the numbers (worker/share/)
POINTS_CHARACTERS = "0123456789.-+eE_~"
# The data a network learns (backprop/datasets.py's DATA_KINDS), with the names the settings form shows.
GENERATED = ("circle", "xor_cloud", "gaussians", "spiral")
DATA_KINDS = ("table",) + GENERATED + ("points",)
DATA_LABELS = {
    "table": "Truth table",
    "circle": "Circle",
    "xor_cloud": "XOR cloud",
    "gaussians": "Two gaussians",
    "spiral": "Spiral",
    "points": "Your points",
}
# The settings of a generated data set: in a link only for generated data; in the settings form, fields of the data's
# group (a lesson hides or locks them with it), shown for generated data only.
DATA_PARAMETERS = ("data_seed", "data_size", "noise", "train_percent")
MESSAGE_LIMIT = 240
SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"

# Whose a setting is: the model's (backprop.Config's fields) and the page's are in every link; a view's or a
# panel's own (its owner's name) only when it differs from its default, to keep links short.
MODEL, PAGE = "model", "page"
# What each kind of setting says of a bad value: {name}, {got} (the value as CPython's repr spells it), and the
# row's {low}, {high} and {choices}.
WORDS = {
    "whole": "{name} must be a whole number from {low} to {high} (got {got})",
    "number": "{name} must be a finite number greater than 0 (got {got})",
    "choice": "{name} must be one of {choices} (got {got})",
    "flag": "{name} must be true or false (got {got})",
    "speed": "{name} must be one of {choices} steps per frame (got {got})",
    "span": "{name} must be a number greater than 0 and at most {high} (got {got})",
    "axes": "{name} must be random or two different parameters such as W1[0,0],W1[0,1] (got {got})",
    "controls": "{name}: {unknown} {verb} not a control (the controls: {choices})",
    "params": "{name} must be at most {high} characters of numbers separated by _ (got {got})",
    "points": "{name} must be at most {high} characters of points x1_x2_c joined by ~ (got {got})",
    "names": "{name}: {unknown} {verb} of this page, so {it} left out (the exercises: {choices})",
}


class Setting:
    """A row of the table. kind: one of WORDS's (how a value is read and what a bad one is told); low and high, or
    choices, as the kind needs; label: the control's name in the lesson form when a lesson may hide or lock it;
    key: its name in a link."""

    def __init__(self, name, kind, default, owner, low=None, high=None, choices=(), label=None, key=None):
        self.name, self.kind, self.default, self.owner = name, kind, default, owner
        self.low, self.high, self.choices, self.label = low, high, choices, label
        self.key = key or name

    def check(self, value):
        """The clean value, or ValueError in the row's words."""
        return KINDS[self.kind](self, value)

    def error(self, value, kind=None, **fields):
        fields["got"] = fields.get("got") or _repr(value)
        words = WORDS[kind or self.kind]
        return ValueError(
            words.format(
                name=self.name,
                low=spell(self.low),
                high=spell(self.high),
                choices=", ".join(str(choice) for choice in self.choices),
                **fields,
            )
        )


# The settings form's fields (app/lab/controls.py), in the page's order: a lesson may hide or lock each, and so
# the page's other controls in LESSON_OTHERS (buttons, the view tabs, the Save and share panel's groups).
FORM = (
    "learning_rate",
    "n_h",
    "activation",
    "cost",
    "seed",
    "data",
    "table",
    "notebook_mode",
    "batch",
    "speed",
    "log_scale",
)
LESSON_OTHERS = (
    ("train", "Train (and Pause)"),
    ("step", "Step"),
    ("reset", "Reset"),
    ("tabs", "View tabs"),
    ("export", "Save / export"),
    ("import", "Import a saved run"),
    ("lesson", "Copy link to this lesson"),
)
LESSON_CONTROLS = FORM + tuple(name for name, _ in LESSON_OTHERS)

# py/exercises/'s NAMES, without importing the exercises at the page's start (tests/app/test_settings.py holds the two
# together): the exercise= and exercises= settings' choices.
EXERCISES = ("activations", "cost", "numeric", "forward", "backward", "update", "ann")

# Every setting, in the order a link spells them: the model's (in backprop.Config's order), the page's, the views'.
SETTINGS = (
    Setting("n_h", "whole", 2, MODEL, low=1, high=N_H_MAX, label="Hidden units n_h"),
    Setting("activation", "choice", "tanh", MODEL, choices=("tanh", "sigmoid", "relu"), label="Hidden activation"),
    Setting("cost", "choice", "half_mse", MODEL, choices=("half_mse", "cross_entropy"), label="Cost"),
    Setting("learning_rate", "number", 10.0, MODEL, label="Learning rate"),
    Setting("seed", "whole", 2, MODEL, low=0, high=SEED_LIMIT - 1, label="Seed"),
    Setting("table", "choice", "XOR", MODEL, choices=("XOR", "XNOR", "AND", "OR", "NAND", "NOR"), label="Truth table"),
    Setting("notebook_mode", "flag", False, MODEL, label="Notebook mode"),
    Setting("batch", "choice", "full", MODEL, choices=("full", "one", "shuffled"), label="Examples per step"),
    Setting("data", "choice", "table", MODEL, choices=DATA_KINDS, label="Data"),
    Setting("data_seed", "whole", 0, MODEL, low=0, high=SEED_LIMIT - 1),
    Setting("data_size", "whole", 200, MODEL, low=20, high=500),
    Setting("noise", "whole", 0, MODEL, low=0, high=50),
    Setting("train_percent", "whole", 50, MODEL, low=10, high=90),
    Setting("speed", "speed", 10, PAGE, low=SPEEDS[0], high=SPEEDS[-1], choices=SPEEDS, label="Speed"),
    Setting("log_scale", "flag", False, PAGE, label="Log scale for the cost"),
    Setting("embed", "flag", False, PAGE),
    Setting("view", "choice", "lab", PAGE, choices=("lab", "notebook", "exercise", "sweep")),
    Setting("exercise", "choice", "forward", "exercise", choices=EXERCISES),
    Setting("exercises", "names", "", "exercise", choices=EXERCISES),
    Setting("solutions", "choice", "show", "exercise", choices=("show", "hide")),
    Setting("sweep_first", "whole", 0, "sweep", *SWEEP_LIMITS["sweep_first"]),
    Setting("sweep_count", "whole", 200, "sweep", *SWEEP_LIMITS["sweep_count"]),
    Setting("sweep_steps", "whole", 1000, "sweep", *SWEEP_LIMITS["sweep_steps"]),
    Setting("landscape_axes", "axes", "random", "landscape"),
    Setting("landscape_span", "span", 2.0, "landscape", low=0, high=SPAN_MAX),
    Setting("pictures", "flag", True, "network"),  # each unit's picture on the network diagram
    Setting("hide", "controls", "", "lesson", choices=LESSON_CONTROLS),
    Setting("lock", "controls", "", "lesson", choices=LESSON_CONTROLS),
    Setting("params", "params", "", "lesson", high=PARAMS_LIMIT),
    Setting("points", "points", "", "data", high=POINTS_LIMIT),  # the student's own points, when data is points
)
BY_NAME = {setting.name: setting for setting in SETTINGS}
BY_KEY = {setting.key: setting for setting in SETTINGS}
MODEL_KEYS = tuple(setting.name for setting in SETTINGS if setting.owner == MODEL)
VIEW_KEYS = tuple(setting.name for setting in SETTINGS if setting.owner == PAGE)  # the page's own
OPTIONAL_KEYS = tuple(setting.name for setting in SETTINGS if setting.owner not in (MODEL, PAGE))
DEFAULTS = {setting.name: setting.default for setting in SETTINGS}
CHOICES = {setting.name: setting.choices for setting in SETTINGS if setting.kind == "choice"}
LESSON_LABELS = dict([(name, BY_NAME[name].label) for name in FORM] + list(LESSON_OTHERS))


# --- the kinds: each reads a value as the link, a field or Python gives it, or raises the row's error -----------------


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


def whole(setting, value):
    number = _number(value)
    if isinstance(number, float) and (_finite(number) is None or number != int(number)):
        number = None
    if number is None or not setting.low <= number <= setting.high:
        raise setting.error(value, "whole")
    return int(number)


def positive(setting, value):
    number = _finite(_number(value))
    if number is None or number <= 0:
        raise setting.error(value, "number")
    return number


def choice(setting, value):
    """One of the choices, in their case (the truth tables' upper, the others' lower)."""
    if isinstance(value, str):
        text = value.strip()
        text = text.upper() if setting.choices[0].isupper() else text.lower()
        if text in setting.choices:
            return text
    raise setting.error(value)


def flag(setting, value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise setting.error(value)


def speed(setting, value):
    steps = whole(setting, value)
    if steps not in setting.choices:
        raise setting.error(value)
    return steps


def span(setting, value):
    number = positive(setting, value)
    if number > setting.high:
        raise setting.error(value)
    return number


def parameter_names(n_h):
    """The parameters of a 2-n_h-1 network as the landscape names them: W0[0,0], W0[0,1], ..., b1[0,0]."""
    shapes = (("W0", n_h, 2), ("b0", n_h, 1), ("W1", 1, n_h), ("b1", 1, 1))
    return ["{}[{},{}]".format(name, i, j) for name, rows, cols in shapes for i in range(rows) for j in range(cols)]


def axes(setting, value):
    """ "random", or two different parameters of the largest network, as "W1[0,0],W1[0,1]"."""
    text = str(value).replace(" ", "")
    if text.lower() == "random":
        return "random"
    cut = text.find("],") + 1
    first, second = text[:cut], text[cut + 1 :]
    known = parameter_names(N_H_MAX)
    if cut and first in known and second in known and first != second:
        return first + "," + second
    raise setting.error(value)


def controls(setting, value):
    """A lesson's list of controls ("seed,table"), in LESSON_CONTROLS's order; the error names the unknown ones."""
    names, unknown = [], []
    for part in str(value).split(","):
        part = part.strip().lower()
        if part and part not in setting.choices:
            unknown.append(_repr(part))
        elif part:
            names.append(part)
    if unknown:
        raise setting.error(value, unknown=", ".join(unknown), verb="is" if len(unknown) == 1 else "are")
    return ",".join(control for control in setting.choices if control in names)


def params(setting, value):
    """A lesson's starting parameters as the link spells them; the worker checks the numbers and their count."""
    text = str(value).strip()
    if len(text) > setting.high or [char for char in text if char not in PARAMS_CHARACTERS]:
        raise setting.error(value, got=_repr(text[:40] + ("…" if len(text) > 40 else "")))
    return text


class Partial(ValueError):
    """A value read in part: str() names what was left out, .value is the rest (read_link keeps it)."""

    def __init__(self, message, value):
        super().__init__(message)
        self.value = value


def names(setting, value):
    """An instructor's list of exercises ("forward,backward"), in the link's order, each once; "" is all of them.
    Unknown names raise Partial, which names them and carries the rest."""
    chosen, unknown = [], []
    for part in str(value).split(","):
        part = part.strip().lower()
        if part and part not in setting.choices:
            unknown.append(_repr(part))
        elif part and part not in chosen:
            chosen.append(part)
    text = ",".join(chosen)
    if unknown:
        several = len(unknown) > 1
        error = setting.error(
            value,
            unknown=", ".join(unknown),
            verb="are not exercises" if several else "is not an exercise",
            it="they are" if several else "it is",
        )
        raise Partial(str(error), text)
    return text


def points(setting, value):
    """The student's own points as the link spells them ("0.5_-1_1~0.25_0.5_2": x1_x2_c, c = y + 2 * test); the
    worker checks the numbers and the classes."""
    text = str(value).strip()
    if len(text) > setting.high or [char for char in text if char not in POINTS_CHARACTERS]:
        raise setting.error(value, got=_repr(text[:40] + ("…" if len(text) > 40 else "")))
    return text


KINDS = {
    "whole": whole,
    "number": positive,
    "choice": choice,
    "flag": flag,
    "speed": speed,
    "span": span,
    "axes": axes,
    "controls": controls,
    "params": params,
    "points": points,
    "names": names,
}


def validate(name, value):
    """The setting's clean value, or ValueError with the words a student can act on."""
    if name not in BY_NAME:
        raise ValueError("{} is not a setting of this page".format(_repr(name)))
    return BY_NAME[name].check(value)


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
    return all(not low <= code <= high for low, high in NOT_PRINTABLE)


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
        setting = BY_KEY.get(key)
        if setting is None:
            messages.append(clip("The link's setting {} is not one this page has; it was ignored.".format(_repr(key))))
            continue
        try:
            settings[setting.name] = setting.check(values[key])
        except Partial as err:  # the rest of the value applies
            settings[setting.name] = err.value
            messages.append(clip("The link's {}.".format(err)))
        except ValueError as err:
            messages.append(
                clip("The link's {} was ignored, so it is {}: {}.".format(key, spell(setting.default) or "empty", err))
            )
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


def model_settings(settings):
    """The settings the model takes (backprop.Config's), as the worker's configure() wants them."""
    return {key: settings[key] for key in MODEL_KEYS}
