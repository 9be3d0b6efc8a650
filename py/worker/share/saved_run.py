"""A run saved as JSON and read back: settings, parameters, step and cost history.

The file is an object {"format": "backprop-lab-run", "version": 1, "config", "params", "step", "cost",
"history": {"start", "stride", "costs"}}: history["costs"][i] is J at step start + i * stride, as in
backprop.Run. With test points, history also has "test_costs" (J on the test points at the same steps, null where
there were none yet); with the student's own points (config data "points"), the file also has "points", a list of
[x1, x2, y, test] (test 1 for a test point), as backprop.Run.to_dict writes them. A file saved before the data
settings existed (no data, data_seed, ... in its config, no points) reads as before: the truth table.
A number that is not finite (a diverged run) is written as null, as Run.to_dict writes its parameters: strict
JSON has no NaN or Infinity. Such a run exports, but cannot be imported again.

Reading checks everything and raises ValueError with a message for a student: what is wrong, and where.
"""

import json
import math
import re

import numpy as np

from backprop import PARAM_NAMES, Config, Run, params_from_dict, points_data
from backprop.config import whole_number
from shared.i18n import N_, _, ngettext

FORMAT = "backprop-lab-run"
VERSION = 1
KEYS = ("format", "version", "config", "params", "step", "cost", "history")
OPTIONAL_KEYS = ("points",)
HISTORY_KEYS = ("start", "stride", "costs")
OPTIONAL_HISTORY_KEYS = ("test_costs",)
# Settings a file may leave out, taking their defaults: a run saved before batch existed trained the full batch, and
# one saved before the data settings existed learned its truth table.
OPTIONAL_SETTINGS = ("batch", "data", "data_seed", "data_size", "noise", "train_percent")
HISTORY_LIMIT = 2000  # the worker's (worker/lab/session.py); a saved history holds at most this many costs
SIZE_LIMIT = 2_000_000  # bytes; a saved run is at most about 60 kB
PARAM_LIMIT = 1e6  # a parameter larger than this in size is junk or a run that is diverging
MESSAGE_LIMIT = 300
DEPTH_LIMIT = 20  # a saved run nests 4 deep; JSON nested thousands deep would overflow Pyodide's stack
# The messages about a JSON object's keys, by the object: (an unknown key, a missing key).
WHERE = {
    "a saved run": (
        N_("Unknown key {key} in a saved run; the keys are {keys}"),
        N_("A saved run has no {key}; the keys are {keys}"),
    ),
    "the history": (
        N_("Unknown key {key} in the history; the keys are {keys}"),
        N_("The history has no {key}; the keys are {keys}"),
    ),
}
STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _number(x):
    x = float(x)
    return x if math.isfinite(x) else None


def run_to_json(run):
    """The run as pretty-printed JSON text (see the module's docstring)."""
    state = run.to_dict()
    costs = [_number(x) for x in run.history]
    lines = ["{", f'  "format": {json.dumps(FORMAT)},', f'  "version": {VERSION},', '  "config": {']
    lines += [f"    {json.dumps(key)}: {json.dumps(value)}," for key, value in state["config"].items()]
    lines[-1] = lines[-1].rstrip(",")
    lines += ["  },", '  "params": {']
    lines += [f"    {json.dumps(name)}: {json.dumps(state['params'][name])}," for name in PARAM_NAMES]
    lines[-1] = lines[-1].rstrip(",")
    lines += [
        "  },",
        f'  "step": {state["step"]},',
        f'  "cost": {json.dumps(_number(run.cost))},',
        '  "history": {',
        f'    "start": {run.history_start},',
        f'    "stride": {run.history_stride},',
        '    "costs": [',
    ]
    lines += _rows(costs, "      ")
    if run.test_history:
        lines += ["    ],", '    "test_costs": [']
        lines += _rows([_number(x) for x in run.test_history], "      ")
    lines += ["    ]", "  }"]
    if "points" in state:
        lines[-1] += ","
        lines += ['  "points": [']
        lines += [f"    {json.dumps(point)}," for point in state["points"]]
        lines[-1] = lines[-1].rstrip(",")
        lines += ["  ]"]
    lines += ["}", ""]
    return "\n".join(lines)


def _rows(values, indent):
    """JSON numbers five a line, a comma after each line but the last."""
    rows = [indent + ", ".join(json.dumps(x) for x in values[i : i + 5]) + "," for i in range(0, len(values), 5)]
    if rows:
        rows[-1] = rows[-1].rstrip(",")
    return rows


def _short(message):
    return message if len(message) <= MESSAGE_LIMIT else message[: MESSAGE_LIMIT - 1] + "…"


def _size(size):
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.1f} kB"


def _too_deep(text):
    """Whether text's brackets nest more than DEPTH_LIMIT deep (outside strings), without recursing."""
    brackets = np.frombuffer(NOT_BRACKET.sub("", STRING.sub("", text)).encode("ascii"), dtype=np.uint8)
    steps = (brackets == ord("[")) | (brackets == ord("{"))
    depth = np.cumsum(steps.astype(np.int64) * 2 - 1)  # +1 for an opening bracket, -1 for a closing one
    return bool(depth.size) and int(depth.max()) > DEPTH_LIMIT


def _parse(text):
    """The JSON object in text, or ValueError saying why it is not one."""
    if isinstance(text, (bytes, bytearray)):
        size = len(text)
    elif isinstance(text, str):
        size = len(text) if len(text) > SIZE_LIMIT else len(text.encode("utf-8", "surrogatepass"))
    else:
        raise ValueError(_("A saved run must be text (got {kind})").format(kind=type(text).__name__))
    if size > SIZE_LIMIT:
        raise ValueError(
            _(
                "The file is {size}, too large for a saved run (at most {limit}): this is not a file Backprop Lab saved"
            ).format(size=_size(size), limit=_size(SIZE_LIMIT))
        )
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise ValueError(
                _("The file is not text (not UTF-8 at byte {byte}): this is not a file Backprop Lab saved").format(
                    byte=err.start
                )
            ) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors write
    if not text.strip():
        raise ValueError(_("The file is empty"))
    if _too_deep(text):
        raise ValueError(
            _("The file is not a saved run: its lists or objects nest more than {limit} deep").format(limit=DEPTH_LIMIT)
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        # Translators: {problem} is Python's JSON error, in English ("Expecting value").
        raise ValueError(
            _("The file is not JSON: {problem} at line {line}, column {column}").format(
                problem=err.msg, line=err.lineno, column=err.colno
            )
        ) from None
    if not isinstance(data, dict):
        holds = {
            list: _("The file holds a list, not a saved run (a JSON object with {keys})"),
            str: _("The file holds a string, not a saved run (a JSON object with {keys})"),
            bool: _("The file holds true or false, not a saved run (a JSON object with {keys})"),
            type(None): _("The file holds null, not a saved run (a JSON object with {keys})"),
        }.get(type(data)) or _("The file holds a number, not a saved run (a JSON object with {keys})")
        raise ValueError(holds.format(keys=", ".join(KEYS)))
    return data


def _check_keys(data, keys, where, optional=()):
    for key in data:
        if key not in keys and key not in optional:
            raise ValueError(_short(_(WHERE[where][0]).format(key=repr(key), keys=", ".join(keys + optional))))
    for key in keys:
        if key not in data:
            raise ValueError(_(WHERE[where][1]).format(key=repr(key), keys=", ".join(keys)))


def _check_header(data):
    if data.get("format") != FORMAT:
        if "format" in data:
            message = _("This is not a Backprop Lab run: its format is {format}, expected {expected}")
        else:
            message = _("This is not a Backprop Lab run: it has no format, expected {expected}")
        raise ValueError(_short(message.format(format=repr(data.get("format")), expected=repr(FORMAT))))
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        newer = type(version) is int and version > VERSION
        if newer:
            message = _(
                "This saved run has format version {version}; this page reads version {expected} (it was saved by a "
                "newer Backprop Lab)"
            )
        else:
            message = _("This saved run has format version {version}; this page reads version {expected}")
        raise ValueError(_short(message.format(version=repr(version), expected=VERSION)))


def _config(settings):
    if not isinstance(settings, dict):
        raise ValueError(
            _short(_("The saved settings (config) must be an object (got {got})").format(got=repr(settings)))
        )
    for key in Config().to_dict():
        if key not in settings and key not in OPTIONAL_SETTINGS:
            raise ValueError(_("The saved settings (config) have no {key}").format(key=key))
    try:
        return Config.from_dict(settings)
    except ValueError as err:
        raise ValueError(_short(_("The saved settings are wrong: {problem}").format(problem=err))) from None


def check_params(params, n_h):
    """params_from_dict's arrays, each number at most PARAM_LIMIT in size; ValueError naming the bad one."""
    if isinstance(params, dict):
        for name in PARAM_NAMES:
            rows = params.get(name)
            for i, row in enumerate(rows if isinstance(rows, list) else []):
                for j, x in enumerate(row if isinstance(row, list) else []):
                    if x is None:
                        raise ValueError(
                            _(
                                "{name} is not a number (null): the saved network had diverged, so it cannot be "
                                "restored"
                            ).format(name=f"{name}[{i},{j}]")
                        )
    try:
        arrays = params_from_dict(params, n_h)
    except ValueError as err:
        raise ValueError(_short(_("The saved parameters are wrong: {problem}").format(problem=err))) from None
    for name, array in arrays.items():
        for (i, j), x in np.ndenumerate(array):
            if abs(x) > PARAM_LIMIT:
                raise ValueError(
                    _("{name} is {value}, too large: a parameter must be at most {limit} in size").format(
                        name=f"{name}[{i},{j}]", value=f"{x:g}", limit=f"{PARAM_LIMIT:g}"
                    )
                )
    return arrays


def _history(history, step, limit):
    """(start, stride, costs) of a saved history that fits the step; ValueError otherwise."""
    if not isinstance(history, dict):
        raise ValueError(
            _short(
                _("The saved history must be an object with start, stride and costs (got {got})").format(
                    got=repr(history)
                )
            )
        )
    _check_keys(history, HISTORY_KEYS, "the history", OPTIONAL_HISTORY_KEYS)
    try:
        start = whole_number("history start", history["start"], 0, step)
        stride = whole_number("history stride", history["stride"], 1, 2**62)
    except ValueError as err:
        raise ValueError(_short(_("The saved history is wrong: {problem}").format(problem=err))) from None
    if stride & (stride - 1):
        raise ValueError(
            _("The saved history's stride is {stride}; it must be 1, 2, 4, 8, ... (thinning doubles it)").format(
                stride=stride
            )
        )
    costs = history["costs"]
    if not isinstance(costs, list) or not costs:
        raise ValueError(
            _short(
                _("The saved history's costs must be a list of at least one number (got {got})").format(got=repr(costs))
            )
        )
    if len(costs) > limit:
        raise ValueError(
            _("The saved history has {count} costs; at most {limit}").format(count=len(costs), limit=limit)
        )
    for i, x in enumerate(costs):
        is_number = isinstance(x, (int, float)) and not isinstance(x, bool)
        if not is_number or not math.isfinite(float(x)) or x < 0:
            raise ValueError(
                _short(
                    _("The saved history's cost number {i} must be a finite number, 0 or more (got {got})").format(
                        i=i, got=json.dumps(x)
                    )
                )
            )
    last = start + (len(costs) - 1) * stride
    if last > step:
        raise ValueError(
            ngettext(
                "The saved history does not fit the step: its {count} cost from step {start}, every {stride}, reaches "
                "step {last}, after the run's step {step}",
                "The saved history does not fit the step: its {count} costs from step {start}, every {stride}, reach "
                "step {last}, after the run's step {step}",
                len(costs),
            ).format(count=len(costs), start=start, stride=stride, last=last, step=step)
        )
    if step - last >= stride:
        raise ValueError(
            ngettext(
                "The saved history does not fit the step: its {count} cost from step {start}, every {stride}, ends at "
                "step {last}, but the run is at step {step}",
                "The saved history does not fit the step: its {count} costs from step {start}, every {stride}, end at "
                "step {last}, but the run is at step {step}",
                len(costs),
            ).format(count=len(costs), start=start, stride=stride, last=last, step=step)
        )
    return start, stride, [float(x) for x in costs]


def run_from_json(text, history_limit=HISTORY_LIMIT):
    """A backprop.Run restored from run_to_json's text, with its history; ValueError naming what is wrong."""
    data = _parse(text)
    _check_header(data)
    _check_keys(data, KEYS, "a saved run", OPTIONAL_KEYS)
    config = _config(data["config"])
    points = _points(data.get("points"), config)
    params = check_params(data["params"], config.n_h)
    try:
        step = whole_number("step", data["step"], 0, 2**63 - 1)
    except ValueError as err:
        raise ValueError(_short(_("The saved step is wrong: {problem}").format(problem=err))) from None
    cost = data["cost"]
    if cost is not None and (not isinstance(cost, (int, float)) or isinstance(cost, bool)):
        raise ValueError(_short(_("The saved cost must be a number (got {got})").format(got=json.dumps(cost))))
    start, stride, costs = _history(data["history"], step, history_limit)
    state = {"config": config.to_dict(), "params": params, "step": step}
    if points is not None:
        state["points"] = points
    run = Run.from_dict(state)
    run.history_limit = history_limit
    run.history_start, run.history_stride, run.history = start, stride, costs
    run.test_history = _test_costs(data["history"], len(costs)) if run.data.test_m else []
    if start + (len(costs) - 1) * stride == step:
        run.history[-1] = run.cost  # the cost is always the parameters'; the saved one is for people to read
        if run.test_history:
            run.test_history[-1] = run.test_cost()
    return run


def _points(points, config):
    """The saved points, checked as backprop.points_data checks them, or None for data that is not the student's."""
    if config.data != "points":
        if points is not None:
            raise ValueError(
                _("The saved run has points, but its data is {data}, not 'points'").format(data=repr(config.data))
            )
        return None
    if points is None:
        raise ValueError(_("The saved run's data is 'points' (the student's own), but it has no points"))
    try:
        points_data(points)
    except ValueError as err:
        raise ValueError(_short(_("The saved points are wrong: {problem}").format(problem=err))) from None
    return points


def _test_costs(history, count):
    """J on the test points at each saved step (NaN where the file has null or none), count of them."""
    saved = history.get("test_costs")
    if saved is None:
        return [math.nan] * count
    if not isinstance(saved, list) or len(saved) != count:
        raise ValueError(
            _short(
                _(
                    "The saved history's test_costs must be a list of {count} (as many as its costs) numbers or nulls"
                ).format(count=count)
            )
        )
    costs = []
    for i, x in enumerate(saved):
        if x is None:
            costs.append(math.nan)
            continue
        if not isinstance(x, (int, float)) or isinstance(x, bool) or not math.isfinite(float(x)) or x < 0:
            raise ValueError(
                _short(
                    _("The saved history's test cost number {i} must be a number, 0 or more (got {got})").format(
                        i=i, got=json.dumps(x)
                    )
                )
            )
        costs.append(float(x))
    return costs
