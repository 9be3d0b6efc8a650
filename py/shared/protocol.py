"""The one message contract between the page and its two workers (docs/building.md, "The message contract").

Every answer of every export is a list [head, body]. head is a JSON text: {"data": D} on success, with "body": true
added when a body follows, or {"error": {"kind": "refused" | "fatal", "message": text}}. "refused" is input the
model or the checker declines, in words for the student; "fatal" is a bug (the message is its traceback), and the
page shows its error panel. body is what travels beside the JSON (RGBA bytes, a text, a list of texts) or None.
The head says whether a body came because None does not cross intact: Pyodide hands it on as JavaScript's
undefined, which MicroPython does not read as None.

A float that is not finite travels as the text "NaN", "Infinity" or "-Infinity" (JSON has no such numbers): plain()
writes it, number() reads it. A plot's size travels as [width, height] in CSS pixels: size() reads it.

Workers wrap each export in answer(); the page opens each answer with read(). Plain Python for the page's
MicroPython and both workers' Pyodide.
"""

import json
import sys

from shared import i18n

REFUSED, FATAL = "refused", "fatal"
INFINITY = float("inf")
NOT_FINITE = {"NaN": float("nan"), "Infinity": INFINITY, "-Infinity": -INFINITY}
# CPython refuses to write NaN into JSON (a leak is a bug, not "NaN" text); MicroPython's json has no such option.
_STRICT = {} if sys.implementation.name == "micropython" else {"allow_nan": False}


class Refused(Exception):
    """The worker declined the input; str() says why, in words for the student."""


class Fatal(Exception):
    """The worker failed (str() is its traceback), or answered outside the envelope."""


class Bug(RuntimeError):
    """A ValueError where the input was ours to get right: fatal, not refused (see never_refused)."""


# --- numbers and sizes ---------------------------------------------------------------------------------------------


def plain(x):
    """A float as JSON can carry it: the number, or "NaN" / "Infinity" / "-Infinity"."""
    x = float(x)
    if x != x:
        return "NaN"
    if x == INFINITY:
        return "Infinity"
    if x == -INFINITY:
        return "-Infinity"
    return x


def number(value):
    """The float that plain() wrote."""
    return NOT_FINITE[value] if isinstance(value, str) else float(value)


def numbers(values):
    return [number(v) for v in values]


def size(value):
    """(width, height) as floats from a plot's [width, height]; ValueError for anything else."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ValueError("a size is [width, height] (got {!r})".format(value))
    width, height = value
    if isinstance(width, bool) or isinstance(height, bool):
        raise ValueError("a size is two numbers (got {!r})".format(value))
    width, height = float(width), float(height)
    if not (0 < width < INFINITY and 0 < height < INFINITY):
        raise ValueError("a size is two numbers greater than 0 (got {!r})".format(value))
    return width, height


# --- the worker's side ---------------------------------------------------------------------------------------------


def reply(data, body=None):
    head = {"data": data}
    if body is not None:
        head["body"] = True
    return [json.dumps(head, **_STRICT), body]


def refusal(message):
    return [json.dumps({"error": {"kind": REFUSED, "message": message}}), None]


def failure(message):
    return [json.dumps({"error": {"kind": FATAL, "message": message}}), None]


def answer(work):
    """work()'s result in the envelope; never raises. work returns data, or a tuple (data, body) (data is never a
    tuple: JSON has none). A ValueError from work is refused with its words, anything else fatal with its traceback."""
    try:
        try:
            result = work()
        except ValueError as err:
            return refusal(str(err))
        if isinstance(result, tuple):
            return reply(*result)
        return reply(result)
    except BaseException as err:  # nothing may escape into the page, not even SystemExit from a student's code
        return failure(_traceback(err))


def started(catalog_text, numpy_version):
    """A worker's answer to start(catalog_text): the page's catalog in use (shared/i18n.py; "" for English), then the
    versions the page names {"python", "numpy"}."""

    def versions():
        i18n.load(str(catalog_text or ""))
        return {"python": sys.version.split()[0], "numpy": numpy_version}

    return answer(versions)


def never_refused(work, *args):
    """work(*args), where a ValueError is a bug (the page's request, or our own code), raised as Bug."""
    try:
        return work(*args)
    except Bug:
        raise
    except ValueError as err:
        raise Bug("{}: {}".format(type(err).__name__, err))  # noqa: B904 (chained implicitly: MicroPython warns at "from")


def _traceback(err):
    try:
        import traceback
    except ImportError:  # MicroPython
        import io

        out = io.StringIO()
        sys.print_exception(err, out)
        return out.getvalue()
    return "".join(traceback.format_exception(type(err), err, err.__traceback__))


# --- the page's side -----------------------------------------------------------------------------------------------


def read(answer, fatal=Fatal):
    """(data, body) from a worker's answer, body None when none came. Raises Refused, or `fatal` (a subclass of
    Fatal naming the worker) for a failure and for an answer outside the envelope."""
    try:
        head = json.loads(answer[0])
        error = head.get("error")
        well_formed = ("data" in head) != (error is not None) and (error is None or isinstance(error, dict))
    except Exception:
        well_formed = False
    if not well_formed:
        raise fatal("the worker answered outside the message envelope: {}".format(str(answer)[:200]))
    if error is None:
        return head["data"], (answer[1] if head.get("body") else None)
    if error.get("kind") == REFUSED:
        raise Refused(error.get("message", ""))
    raise fatal(error.get("message", ""))
