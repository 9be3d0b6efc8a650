"""The page's settings, the model's Config and how the page shows it (View), to and from a link.

A link is read leniently: each bad value gets a message naming it and falls back to its default,
and the rest of the link still applies. Messages are plain text; the page shows them as text.
"""

import dataclasses
from urllib.parse import parse_qsl, urlencode

from backprop import Config
from backprop.config import flag, whole_number

SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)  # steps per animation frame
MESSAGE_LIMIT = 240


@dataclasses.dataclass(frozen=True)
class View:
    """How the page trains and draws: steps per frame, the cost chart's scale, and the compact layout
    for an iframe (embed; static/js/boot.js applies it before Python loads)."""

    speed: int = 10
    log_scale: bool = False
    embed: bool = False

    def __post_init__(self):
        speed = whole_number("speed", self.speed, 1, SPEEDS[-1])
        if speed not in SPEEDS:
            raise ValueError(f"speed must be one of {', '.join(map(str, SPEEDS))} steps per frame (got {self.speed!r})")
        object.__setattr__(self, "speed", speed)
        object.__setattr__(self, "log_scale", flag("log_scale", self.log_scale))
        object.__setattr__(self, "embed", flag("embed", self.embed))


CONFIG_KEYS = tuple(field.name for field in dataclasses.fields(Config))
VIEW_KEYS = tuple(field.name for field in dataclasses.fields(View))


def _clip(text):
    return text if len(text) <= MESSAGE_LIMIT else text[:MESSAGE_LIMIT - 1] + "…"


def spell(value):
    """A setting as a link or a field spells it: 10 not 10.0, true not True."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    return str(value)


def read_link(query):
    """(Config, View, messages) from a URL query such as "?learning_rate=3&n_h=4"."""
    values = dict(parse_qsl(query.removeprefix("?"), keep_blank_values=True))
    accepted, messages = {Config: {}, View: {}}, []
    for key, value in values.items():
        kind = Config if key in CONFIG_KEYS else View if key in VIEW_KEYS else None
        if kind is None:
            messages.append(_clip(f"The link's setting {key!r} is not one this page has; it was ignored."))
            continue
        try:
            kind(**{key: value})
        except ValueError as err:
            default = spell(getattr(kind(), key))
            messages.append(_clip(f"The link's {key} was ignored, so it is {default}: {err}."))
        else:
            accepted[kind][key] = value
    return Config(**accepted[Config]), View(**accepted[View]), messages


def write_link(config, view):
    """The query that restores config and view: every setting, spelled as read_link reads it."""
    settings = {**config.to_dict(), **dataclasses.asdict(view)}
    return "?" + urlencode({key: spell(value) for key, value in settings.items()})
