"""The page's one door to the exercise worker (py/exercise_worker.py, py/checker/): a Pyodide with NumPy of
its own, started when the Exercises view first opens, which runs the student's code.

The student's code may never end. The worker stops plain Python after about a second itself (a trace
deadline); anything it cannot stop (a long NumPy call, a crash) is ended from here: a call not answered
within LIMIT seconds, Stop, a worker that dies under a call or one that asks for it (its memory grown past
the checker's limit) terminates the worker and puts a new one in its place: a spare, started as soon as the
worker before it was ready, so that the next Run answers at once. The lab's model lives in
another worker and goes on answering meanwhile.

Each answer is opened with shared/protocol.py's read(): a request the checker cannot take raises protocol.Refused,
a failure RunnerError; what the student's code did (raised, looped, printed) is ordinary data.
"""

import asyncio

from shared import i18n, protocol
from shared.i18n import _

SRC, CONFIG = "./py/exercise_worker.py", "./exercise.toml"
LIMIT = 6  # seconds: the worker's own deadline (1 s of the student's code, 3 s to train with it) and room to answer
START_LIMIT = 120  # seconds for a new worker to start (Pyodide and NumPy, from the cache after the first)


class Stopped(Exception):
    """The call was ended from the page (Stop, or the time limit); str() says what happened."""


class RunnerError(protocol.Fatal):
    """The exercise worker failed or could not start."""


class ExerciseRunner:
    def __init__(self, document, window):
        self.document, self.window = document, window
        self.script = None  # the worker's <script> element
        self.worker = None  # its exports, once started
        self.starting = None  # the start() task
        self.spare = None  # the task starting the next worker ahead of need (a stop then costs no wait)
        self.count = 0  # workers started; each gets a new name (a name's promise resolves once)
        self.pending = None  # the event the call in flight sets when its answer lands
        self.asking = None  # the task that awaits the worker's answer
        self.stop_reason = None

    @property
    def ready(self):
        return self.worker is not None

    def start(self):
        """Start the worker (once; again after a stop). Returns a task that resolves when it answers."""
        if self.starting is None:
            self.starting = asyncio.create_task(self._start())
        return self.starting

    async def _start(self):
        spare, self.spare = self.spare, None
        started = await spare if spare is not None else None  # a warm worker, made after the last start
        if started is None:
            started = await self._launch()
        self.script, self.worker, versions = started
        self.spare = asyncio.create_task(self._launch_spare())
        return versions

    async def _launch(self):
        """(script element, exports, versions) of a new worker, or RunnerError."""
        from pyscript import workers

        self.count += 1
        name = "exercise-{}".format(self.count)
        script = self.document.createElement("script")
        script.type = "py"
        for key, value in (("worker", ""), ("name", name), ("src", SRC), ("config", CONFIG)):
            script.setAttribute(key, value)
        self.document.body.append(script)
        try:
            worker = await asyncio.wait_for(_wait(workers[name]), START_LIMIT)
            versions = protocol.read(await worker.start(i18n.catalog_text()), RunnerError)[0]
        except Exception as err:
            _terminate(script)
            self.starting = None
            # Translators: the end of "Python for your code could not start: {error}. Reload the page to try again."
            reason = _("the exercise runner did not start: {error}").format(error=err or _("it took too long"))
            raise RunnerError(reason) from None
        return script, worker, versions

    async def _launch_spare(self):
        """A worker started ahead, so that the one after a stop answers at once; None if it failed (the next start
        then launches its own)."""
        try:
            return await self._launch()
        except Exception:
            return None

    def _end(self):
        if self.script is not None:
            _terminate(self.script)
        self.script = self.worker = self.starting = None

    def stop(self, reason):
        """End the call in flight (if any) and the worker with it; a new worker starts at once."""
        if self.pending is None:
            return
        self.stop_reason = reason
        self.pending.set()
        self._end()
        self.start()

    async def call(self, method, *args):
        """The worker's data (a dict) for method(*args); Stopped after LIMIT seconds, on stop(), when the worker
        itself ended (a crash, or the student's code ending Python) or asked to be restarted (its memory grown
        too large); Refused for a request the checker cannot take."""
        await self.start()
        self.pending, self.stop_reason, answer = asyncio.Event(), None, []
        self.asking = asyncio.create_task(self._ask(self.pending, answer, method, args))  # kept: not collected
        try:
            await asyncio.wait_for(self.pending.wait(), LIMIT)
        except asyncio.TimeoutError:  # noqa: UP041 (MicroPython has no builtin TimeoutError)
            self.stop(
                _("Stopped after {seconds} s: the code did not finish. Does your loop end?").format(seconds=LIMIT)
            )
        finally:
            self.pending = None
        if self.stop_reason is not None:
            raise Stopped(self.stop_reason)
        if isinstance(answer[0], Exception):  # the worker ended under the call: start a fresh one
            self._end()
            self.start()
            raise Stopped(_("Stopped: Python for your code ended ({error}).").format(error=_last_line(answer[0])))
        try:
            data = protocol.read(answer[0], RunnerError)[0]
        except RunnerError as err:  # the traceback's last line
            raise RunnerError(_last_line(err)) from None
        if isinstance(data, dict) and data.get("restart"):
            self._end()
            self.start()
            stopped = data.get("stopped") or {}
            raise Stopped(stopped.get("message") or _("Stopped: Python for your code is starting again."))
        return data

    async def _ask(self, done, answer, method, args):
        try:
            answer.append(await getattr(self.worker, method)(*args))
        except Exception as err:
            answer.append(err)
        done.set()


def _terminate(script):
    try:
        script.xworker.terminate()
    except Exception:
        pass  # it had not started: removing its element is enough
    script.remove()


def _last_line(err):
    return str(err).strip().split("\n")[-1]


async def _wait(awaitable):
    return await awaitable
