"""Runs a student's code safely enough for a lesson: its own namespace, its output captured, its errors
reported with the line in the student's code, and a deadline.

The deadline is a trace function (sys.settrace) that raises Stopped, a BaseException, once time is up.
CPython drops a trace function that raises, so a student who catches Stopped would run on untraced: a
profile function (sys.setprofile) and Stopped's own __del__ (when the student's handler lets it go) put
the trace back, and it raises again at the next line. A loop inside the handler itself, or a hang in C
(a huge NumPy product), is not stopped here: the page ends the whole worker when it does not answer.

Code that would end or break the worker itself ends as a stopped run instead, with the worker alive: os._exit()
and os.abort() raise Exit while the student's code runs (in Pyodide they would end the interpreter, an uncaught
"Program terminated" on the page), sys.exit() is caught, a deep recursion is a RecursionError (the recursion limit
cannot be raised past the checker's: a real stack overflow would crash the worker) and an allocation Python here
cannot make a MemoryError. NumPy's error settings and the warnings filters are put back after each call.
"""

import builtins
import math
import os
import sys
import time
import traceback
import warnings

import numpy as np

from shared.i18n import N_, _, ngettext

try:
    import posix
except ImportError:  # not on Windows
    posix = None

FILENAME = "<your code>"
SECONDS = 1.0  # per call of the student's code
OUTPUT_LIMIT = 20_000  # characters of printed output kept
# Modules the student's code could change by assigning to them (np.tanh = ...): restored after each call.
GUARDED = (np, np.linalg, builtins, math)


class Exit(BaseException):
    """os._exit() or os.abort() called by the student's code, raised instead of ending the worker."""

    def __init__(self, call):
        super().__init__(call)
        self.call = call


def _refuse(name):
    def refuse(*args):
        raise Exit(name + "(" + ", ".join(repr(arg) for arg in args) + ")")

    return refuse


EXITS = tuple((module, name) for module in (os, posix) if module is not None for name in ("_exit", "abort"))


class Stopped(BaseException):
    """Time is up. A BaseException, so that `except Exception` in the student's code does not catch it."""

    def __del__(self):
        deadline = Deadline.active
        if deadline is not None and deadline.expired():
            deadline.arm(sys._getframe(1))


class Deadline:
    active = None

    def __init__(self, seconds, clock=time.perf_counter):
        self.seconds, self.clock = seconds, clock
        self.end = clock() + seconds
        self.fired = False

    def expired(self):
        return self.clock() > self.end

    # Both act only in frames of the student's code, never in the checker's own.
    def _trace(self, frame, event, arg):
        if frame.f_code.co_filename != FILENAME:
            return None
        if self.clock() > self.end:
            self.fired = True
            raise Stopped()
        return self._trace

    def _profile(self, frame, event, arg):
        if frame.f_code.co_filename == FILENAME and sys.gettrace() is None and self.clock() > self.end:
            self.arm(frame)

    def arm(self, frame=None):
        """Trace every new frame, and frame and its callers in the student's code."""
        sys.settrace(self._trace)
        while frame is not None:
            if frame.f_code.co_filename == FILENAME:
                frame.f_trace = self._trace
            frame = frame.f_back

    def __enter__(self):
        Deadline.active = self
        sys.setprofile(self._profile)
        self.arm()
        return self

    def __exit__(self, *exc):
        sys.settrace(None)
        sys.setprofile(None)
        Deadline.active = None
        return False


class Output:
    """A text stream that keeps the first OUTPUT_LIMIT characters and counts the rest."""

    def __init__(self, limit=OUTPUT_LIMIT):
        self.parts, self.kept, self.dropped, self.limit = [], 0, 0, limit

    def write(self, text):
        text = str(text)
        room = self.limit - self.kept
        self.parts.append(text[: max(room, 0)])
        self.kept += min(len(text), max(room, 0))
        self.dropped += max(len(text) - max(room, 0), 0)
        return len(text)

    def flush(self):
        pass

    def text(self):
        if not self.dropped:
            return "".join(self.parts)
        note = ngettext(
            "[... {n} more character of output not shown]",
            "[... {n} more characters of output not shown]",
            self.dropped,
        ).format(n=f"{self.dropped:,}")
        return "".join(self.parts) + "\n" + note


def _source_line(code, line):
    lines = code.splitlines()
    return lines[line - 1].strip() if line and 0 < line <= len(lines) else None


# Marked for the catalog, translated where an error is described (describe()).
WORDS = {
    RecursionError: N_(
        "A function called itself too many times (maximum recursion depth exceeded): does your recursion ever stop?"
    ),
    MemoryError: N_("Ran out of memory: is an array far larger than the network needs?"),
    SystemExit: N_("Your code called exit(); the checker needs your function to return instead."),
}


def describe(error, code):
    """{"kind", "message", "line", "text"} for an exception, at the innermost line of the student's code."""
    if isinstance(error, SyntaxError) and error.filename == FILENAME:
        line = error.lineno
        return {"kind": type(error).__name__, "message": error.msg, "line": line, "text": _source_line(code, line)}
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == FILENAME:
            line = frame.lineno
    words = next((text for kind, text in WORDS.items() if isinstance(error, kind)), None)
    message = _(words) if words else (str(error) or type(error).__name__)
    return {"kind": type(error).__name__, "message": message, "line": line, "text": _source_line(code, line)}


_SET_LIMIT = sys.setrecursionlimit
HEAP_LIMIT = 1 << 30  # bytes of Pyodide's memory past which the page starts a fresh worker (memory never shrinks)


def heap_bytes():
    """The size of Pyodide's WebAssembly memory, None outside Pyodide."""
    try:
        import pyodide_js

        return int(pyodide_js._module.HEAP8.length)
    except Exception:
        return None


def _too_big(error):
    """NumPy's refusal of an array larger than memory can address (Pyodide's 32-bit memory)."""
    text = str(error)
    return isinstance(error, ValueError) and ("maximum possible size" in text or "Maximum allowed dimension" in text)


def _stopped_words(error, call, line):
    """Why the student's code was stopped (Sandbox._end), a whole sentence with or without its line."""
    if isinstance(error, Exit):
        if line:
            return _(
                "Stopped: your code called {call} (line {line}), which would end Python itself. The checker needs "
                "your functions to return their values."
            ).format(call=call, line=line)
        return _(
            "Stopped: your code called {call}, which would end Python itself. The checker needs your functions to "
            "return their values."
        ).format(call=call)
    if isinstance(error, SystemExit):
        if line:
            return _(
                "Stopped: your code called {call} (line {line}). The checker needs your functions to return their "
                "values."
            ).format(call=call, line=line)
        return _("Stopped: your code called {call}. The checker needs your functions to return their values.").format(
            call=call
        )
    if isinstance(error, RecursionError):
        if line:
            return _(
                "Stopped: a function called itself too many times (line {line}) (maximum recursion depth exceeded): "
                "does your recursion ever stop?"
            ).format(line=line)
        return _(
            "Stopped: a function called itself too many times (maximum recursion depth exceeded): does your "
            "recursion ever stop?"
        )
    if line:
        return _(
            "Stopped: your code asked for more memory than Python here can give (line {line}): is an array far "
            "larger than the network needs?"
        ).format(line=line)
    return _(
        "Stopped: your code asked for more memory than Python here can give: is an array far larger than the "
        "network needs?"
    )


class Sandbox:
    """The student's code, loaded once, its functions called any number of times.

    After the first error or stop every further call fails at once: report() says what happened.
    Only output printed while `show` is on is kept (checks on other networks would repeat it).
    """

    def __init__(self, code, seconds=SECONDS):
        self.code, self.seconds = str(code), seconds
        self.output, self.error, self.stopped = Output(), None, None
        self.namespace = {"__name__": "__student__", "__builtins__": builtins}
        self.show = True
        self._saved = [(vars(module), dict(vars(module))) for module in GUARDED + tuple({pair[0] for pair in EXITS})]
        self.recursion_limit = sys.getrecursionlimit()

    @property
    def failed(self):
        return self.error is not None or self.stopped is not None

    def load(self):
        """Compile and run the code (its definitions). False when that failed."""
        try:
            compiled = compile(self.code, FILENAME, "exec")
        except (SyntaxError, ValueError) as error:  # ValueError: a NUL byte in the source
            self.error = (
                describe(error, self.code)
                if isinstance(error, SyntaxError)
                else {"kind": type(error).__name__, "message": str(error), "line": None, "text": None}
            )
            return False
        return self._run(exec, compiled, self.namespace)[0]

    def function(self, name):
        """The student's function called name, or None with an error saying it is missing."""
        value = self.namespace.get(name)
        if callable(value):
            return value
        if not self.failed:
            if name in self.namespace:
                message = _("{name} is not a function: define def {name}(...) in your code.").format(name=name)
            else:
                message = _("{name} is not defined: define def {name}(...) in your code.").format(name=name)
            self.error = {
                "kind": "NameError",
                "message": message,
                "line": None,
                "text": None,
            }
        return None

    def call(self, fn, *args, seconds=None, then=None):
        """(True, fn(*args)) or (False, None) when it raised or ran out of time (see report()).
        then(result) runs inside the deadline too (converting what the student returned runs their code)."""
        if self.failed:
            return False, None
        return self._run(lambda: (then or (lambda r: r))(fn(*args)), seconds=seconds)

    def _run(self, fn, *args, seconds=None):
        seconds = self.seconds if seconds is None else seconds
        stdout, stderr = sys.stdout, sys.stderr
        sink = self.output if self.show else Output(0)
        sys.stdout = sys.stderr = sink
        numpy_errors, filters, set_limit = np.geterr(), warnings.filters[:], sys.setrecursionlimit
        for module, name in EXITS:
            setattr(module, name, _refuse(module.__name__ + "." + name))
        sys.setrecursionlimit = self._capped
        deadline = Deadline(seconds)
        try:
            with deadline:
                result = fn(*args)
            return True, result
        except Stopped:
            self._stop(deadline)
        except BaseException as error:  # the student's exceptions, whatever they are
            if deadline.fired:
                self._stop(deadline)
            elif isinstance(error, (Exit, SystemExit, RecursionError, MemoryError)) or _too_big(error):
                self._end(error)
            else:
                self.error = describe(error, self.code)
        finally:
            sys.settrace(None)
            sys.setprofile(None)
            Deadline.active = None
            sys.stdout, sys.stderr = stdout, stderr
            sys.setrecursionlimit = set_limit
            set_limit(self.recursion_limit)
            np.seterr(**numpy_errors)
            warnings.filters[:] = filters
            self._restore()
        return False, None

    def _capped(self, limit):
        """sys.setrecursionlimit while the student's code runs: never above the checker's limit."""
        return _SET_LIMIT(min(int(limit), self.recursion_limit))

    def _end(self, error):
        """The student's code ended the run itself (exit), or Python here could not go on (recursion, memory)."""
        where = describe(error, self.code)
        line = where["line"]
        if isinstance(error, SystemExit):
            call = "sys.exit(" + ("" if error.code is None else repr(error.code)) + ")"
        else:
            call = getattr(error, "call", None)
        why = (
            "exit"
            if isinstance(error, (Exit, SystemExit))
            else "recursion"
            if isinstance(error, RecursionError)
            else "memory"
        )
        message = _stopped_words(error, call, line)
        self.stopped = {"seconds": None, "message": message, "why": why, "line": line}

    def _stop(self, deadline):
        message = _("Stopped after {seconds} s: does your loop end?").format(seconds=f"{deadline.seconds:g}")
        self.stopped = {"seconds": deadline.seconds, "message": message, "why": "deadline", "line": None}

    def _restore(self):
        for live, saved in self._saved:
            live.clear()
            live.update(saved)

    def report(self, heap=None):
        """{"output", "error", "stopped"}, and "restart": True when the worker's memory has grown past HEAP_LIMIT
        (the page then ends this worker and starts a fresh one). heap: the memory's size (default: heap_bytes())."""
        heap = heap_bytes() if heap is None else heap
        out = {"output": self.output.text(), "error": self.error, "stopped": self.stopped}
        if heap is not None and heap > HEAP_LIMIT:
            out["restart"] = True
            if self.stopped is None or self.stopped.get("why") != "memory":
                message = _(
                    "Stopped: your code made Python here use {size} GB of memory: is an array far larger than the "
                    "network needs? Python for your code starts again to free it."
                ).format(size=f"{heap / 2**30:.1f}")
                out["stopped"] = {"seconds": None, "message": message, "why": "memory", "line": None}
        return out
