"""The page's one door to the exercise worker (py/exercise_worker.py, py/checker/): a Pyodide with NumPy of
its own, started when the Exercises view first opens, which runs the student's code.

The student's code may never end. The worker stops plain Python after about a second itself (a trace
deadline); anything it cannot stop (a long NumPy call, a crash) is ended from here: a call not answered
within LIMIT seconds, or Stop, terminates the worker and starts a new one. The lab's model lives in
another worker and goes on answering meanwhile.

Each answer is opened with shared/protocol.py's read(): a request the checker cannot take raises protocol.Refused,
a failure RunnerError; what the student's code did (raised, looped, printed) is ordinary data.
"""

import asyncio

from shared import protocol

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
        from pyscript import workers

        self.count += 1
        name = "exercise-{}".format(self.count)
        script = self.document.createElement("script")
        script.type = "py"
        for key, value in (("worker", ""), ("name", name), ("src", SRC), ("config", CONFIG)):
            script.setAttribute(key, value)
        self.document.body.append(script)
        self.script = script
        try:
            worker = await asyncio.wait_for(_wait(workers[name]), START_LIMIT)
            versions = protocol.read(await worker.start(), RunnerError)[0]
        except Exception as err:
            self._end()
            raise RunnerError("the exercise runner did not start: {}".format(err or "it took too long")) from None
        self.worker = worker
        return versions

    def _end(self):
        if self.script is not None:
            try:
                self.script.xworker.terminate()
            except Exception:
                pass  # it had not started: removing its element is enough
            self.script.remove()
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
        """The worker's data (a dict) for method(*args); Stopped after LIMIT seconds or on stop(), Refused for a
        request the checker cannot take."""
        await self.start()
        self.pending, self.stop_reason, answer = asyncio.Event(), None, []
        self.asking = asyncio.create_task(self._ask(self.pending, answer, method, args))  # kept: not collected
        try:
            await asyncio.wait_for(self.pending.wait(), LIMIT)
        except TimeoutError:
            self.stop("Stopped after {} s: the code did not finish. Does your loop end?".format(LIMIT))
        finally:
            self.pending = None
        if self.stop_reason is not None:
            raise Stopped(self.stop_reason)
        if isinstance(answer[0], Exception):
            raise RunnerError(str(answer[0]))
        try:
            return protocol.read(answer[0], RunnerError)[0]
        except RunnerError as err:  # the traceback's last line
            raise RunnerError(str(err).strip().split("\n")[-1]) from None

    async def _ask(self, done, answer, method, args):
        try:
            answer.append(await getattr(self.worker, method)(*args))
        except Exception as err:
            answer.append(err)
        done.set()


async def _wait(awaitable):
    return await awaitable
