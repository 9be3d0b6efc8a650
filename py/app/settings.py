"""The page's settings: one table, SETTINGS, of every setting a link can hold, and all that it drives: reading and
writing the link (app/link.py), validating a value with words a student can act on (each row's kind:
app/setting_kinds.py), which controls a lesson link may hide or lock (app/share/lesson.py) and the rows of its
"Copy link to this lesson" form.

Plain Python that runs under MicroPython (the page) and CPython (the tests): settings are dicts. The page validates
the model's settings with the same rules and words as the model's backprop.Config (tests/app/test_settings.py
holds the two to each other); the worker's model validates again what it runs.
"""

from app.cpython import cpython_repr, shortest
from app.setting_kinds import KINDS, N_H_MAX, WORDS
from shared.i18n import N_, _
from shared.limits import SEED_LIMIT, SPAN_MAX, SWEEP_LIMITS

SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)  # steps per animation frame
PARAMS_LIMIT = 4000  # characters of params=; the worker checks the numbers (worker/share/params_link.py)
POINTS_LIMIT = 4000  # characters of points=; the worker checks the numbers (worker/share/)
# The data a network learns (backprop/datasets.py's DATA_KINDS), with the names the settings form shows (marked for
# the catalog: _(DATA_LABELS[kind]) where they are shown).
GENERATED = ("circle", "xor_cloud", "gaussians", "spiral")
DATA_KINDS = ("table",) + GENERATED + ("points",)
DATA_LABELS = {
    "table": N_("Truth table"),
    "circle": N_("Circle"),
    "xor_cloud": N_("XOR cloud"),
    "gaussians": N_("Two gaussians"),
    "spiral": N_("Spiral"),
    "points": N_("Your points"),
}
# The settings of a generated data set: in a link only for generated data; in the settings form, fields of the data's
# group (a lesson hides or locks them with it), shown for generated data only.
DATA_PARAMETERS = ("data_seed", "data_size", "noise", "train_percent")

# Whose a setting is: the model's (backprop.Config's fields) and the page's are in every link; a view's or a
# panel's own (its owner's name) only when it differs from its default, to keep links short.
MODEL, PAGE = "model", "page"


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

    def error(self, value, kind=None, words=None, **fields):
        """ValueError in the row's words (WORDS's for its kind, or words: a message already translated)."""
        fields["got"] = fields.get("got") or cpython_repr(value)
        words = words or _(WORDS[kind or self.kind])
        return ValueError(
            words.format(
                name=self.name,
                low=spell(self.low),
                high=spell(self.high),
                choices=", ".join(str(choice) for choice in self.choices),
                **fields,
            )
        )


# The settings form's fields (app/lab/controls.py), in the page's order (their labels, and LESSON_OTHERS's, are marked
# for the catalog: _(label) where they are shown): a lesson may hide or lock each, and so
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
    ("train", N_("Train (and Pause)")),
    ("step", N_("Step")),
    ("reset", N_("Reset")),
    ("tabs", N_("View tabs")),
    ("export", N_("Save / export")),
    ("import", N_("Import a saved run")),
    ("lesson", N_("Copy link to this lesson")),
)
LESSON_CONTROLS = FORM + tuple(name for name, label in LESSON_OTHERS)

# py/exercises/'s NAMES, without importing the exercises at the page's start (tests/app/test_settings.py holds the two
# together): the exercise= and exercises= settings' choices.
EXERCISES = ("activations", "cost", "numeric", "forward", "backward", "update", "ann")

# Every setting, in the order a link spells them: the model's (in backprop.Config's order), the page's, the views'.
SETTINGS = (
    Setting("n_h", "whole", 2, MODEL, low=1, high=N_H_MAX, label=N_("Hidden units n_h")),
    Setting("activation", "choice", "tanh", MODEL, choices=("tanh", "sigmoid", "relu"), label=N_("Hidden activation")),
    Setting("cost", "choice", "half_mse", MODEL, choices=("half_mse", "cross_entropy"), label=N_("Cost")),
    Setting("learning_rate", "number", 10.0, MODEL, label=N_("Learning rate")),
    Setting("seed", "whole", 2, MODEL, low=0, high=SEED_LIMIT - 1, label=N_("Seed")),
    Setting(
        "table", "choice", "XOR", MODEL, choices=("XOR", "XNOR", "AND", "OR", "NAND", "NOR"), label=N_("Truth table")
    ),
    Setting("notebook_mode", "flag", False, MODEL, label=N_("Notebook mode")),
    Setting("batch", "choice", "full", MODEL, choices=("full", "one", "shuffled"), label=N_("Examples per step")),
    Setting("data", "choice", "table", MODEL, choices=DATA_KINDS, label=N_("Data")),
    Setting("data_seed", "whole", 0, MODEL, low=0, high=SEED_LIMIT - 1),
    Setting("data_size", "whole", 200, MODEL, low=20, high=500),
    Setting("noise", "whole", 0, MODEL, low=0, high=50),
    Setting("train_percent", "whole", 50, MODEL, low=10, high=90),
    Setting("speed", "speed", 10, PAGE, low=SPEEDS[0], high=SPEEDS[-1], choices=SPEEDS, label=N_("Speed")),
    Setting("log_scale", "flag", False, PAGE, label=N_("Log scale for the cost")),
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
    Setting("lang", "language", "", "language", high=35),  # the page's language when the link or the menu chose it
)
BY_NAME = {setting.name: setting for setting in SETTINGS}
BY_KEY = {setting.key: setting for setting in SETTINGS}
MODEL_KEYS = tuple(setting.name for setting in SETTINGS if setting.owner == MODEL)
VIEW_KEYS = tuple(setting.name for setting in SETTINGS if setting.owner == PAGE)  # the page's own
OPTIONAL_KEYS = tuple(setting.name for setting in SETTINGS if setting.owner not in (MODEL, PAGE))
DEFAULTS = {setting.name: setting.default for setting in SETTINGS}
CHOICES = {setting.name: setting.choices for setting in SETTINGS if setting.kind == "choice"}
LESSON_LABELS = dict([(name, BY_NAME[name].label) for name in FORM] + list(LESSON_OTHERS))


def validate(name, value):
    """The setting's clean value, or ValueError with the words a student can act on."""
    if name not in BY_NAME:
        raise ValueError("{} is not a setting of this page".format(cpython_repr(name)))  # a bug: the page's own names
    return BY_NAME[name].check(value)


def spell(value):
    """A setting as a link or a field spells it: 10 not 10.0, true not True."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return shortest(value)
    return str(value)


def defaults():
    return dict(DEFAULTS)


def model_settings(settings):
    """The settings the model takes (backprop.Config's), as the worker's configure() wants them."""
    return {key: settings[key] for key in MODEL_KEYS}
