"""The door to the exercise worker (app/exercises/runner.py): a call that never answers is ended after the limit and
the worker started again; Stop ends the call in flight; a worker that fails or reports a failure says so, and a
request it refuses is Refused."""

import asyncio
import sys
import types

import pytest

from app.exercises import runner as exercise_runner
from app.exercises.runner import ExerciseRunner, RunnerError, Stopped
from shared import protocol


class Script:
    def __init__(self, log):
        self.log, self.attributes = log, {}
        self.xworker = types.SimpleNamespace(terminate=lambda: log.append(("terminate", self.attributes["name"])))

    def setAttribute(self, key, value):
        self.attributes[key] = value

    def remove(self):
        self.log.append(("remove", self.attributes["name"]))


class Worker:
    """The exports of one started worker: run answers at once, hang never."""

    def __init__(self, name):
        self.name = name

    async def start(self, catalog_text):
        return protocol.reply({"python": "3.12.7", "numpy": "2.0.2"})

    async def run(self, text):
        return protocol.reply({"output": self.name + ": " + text})

    async def fail(self):
        return protocol.failure("Traceback ...\nValueError: broken")

    async def refuse(self):
        return protocol.refusal("unknown exercise 'sideways'")

    async def old(self):
        return '{"output": ""}'

    async def hang(self):
        await asyncio.Event().wait()


@pytest.fixture
def runner(monkeypatch):
    log = []

    class Workers:
        def __getitem__(self, name):
            async def started():
                return Worker(name)

            return started()

    monkeypatch.setitem(sys.modules, "pyscript", types.SimpleNamespace(workers=Workers()))
    monkeypatch.setattr(exercise_runner, "LIMIT", 0.2)
    document = types.SimpleNamespace(
        createElement=lambda tag: Script(log), body=types.SimpleNamespace(append=lambda script: log.append(("append",)))
    )
    runner = ExerciseRunner(document, None)
    runner.log = log
    return runner


def run(coroutine):
    return asyncio.run(coroutine)


def test_a_call_answers_from_the_started_worker(runner):
    async def scenario():
        return await runner.call("run", "hello")

    assert run(scenario()) == {"output": "exercise-1: hello"}
    assert runner.ready and runner.script.attributes == {
        "worker": "",
        "name": "exercise-1",
        "src": "./py/exercise_worker.py",
        "config": "./exercise.toml",
    }


def test_a_call_that_never_answers_is_stopped_and_a_new_worker_starts(runner):
    async def scenario():
        with pytest.raises(Stopped) as stopped:
            await runner.call("hang")
        await runner.start()
        return str(stopped.value), await runner.call("run", "again")

    message, answer = run(scenario())
    assert "Stopped after 0.2 s" in message and "Does your loop end?" in message
    assert ("terminate", "exercise-1") in runner.log and ("remove", "exercise-1") in runner.log
    assert answer == {"output": "exercise-2: again"}


def test_stop_ends_the_call_in_flight(runner):
    async def scenario():
        call = asyncio.ensure_future(runner.call("hang"))
        while runner.pending is None:
            await asyncio.sleep(0)
        runner.stop("Stopped: you pressed Stop.")
        with pytest.raises(Stopped) as stopped:
            await call
        return str(stopped.value)

    assert run(scenario()) == "Stopped: you pressed Stop."
    assert ("terminate", "exercise-1") in runner.log


def test_stop_with_nothing_in_flight_keeps_the_worker(runner):
    async def scenario():
        await runner.start()
        runner.stop("Stopped")
        return await runner.call("run", "x")

    assert run(scenario()) == {"output": "exercise-1: x"}
    assert ("terminate", "exercise-1") not in runner.log


def test_a_failure_in_the_worker_is_a_runner_error(runner):
    with pytest.raises(RunnerError, match="ValueError: broken"):
        run(runner.call("fail"))


def test_a_refused_request_is_refused_and_an_answer_outside_the_envelope_is_a_runner_error(runner):
    with pytest.raises(protocol.Refused, match="unknown exercise 'sideways'"):
        run(runner.call("refuse"))
    with pytest.raises(RunnerError, match="outside the message envelope"):
        run(runner.call("old"))


def test_after_a_stop_the_spare_started_ahead_takes_over_at_once(runner):
    async def scenario():
        await runner.start()
        await asyncio.sleep(0)  # the spare starts once the first worker is ready
        spare = runner.spare
        with pytest.raises(Stopped):
            await runner.call("hang")
        await runner.start()
        return spare, await runner.call("run", "next")

    spare, answer = run(scenario())
    assert spare is not None and answer == {"output": "exercise-2: next"}  # the spare, made before the stop
    assert ("terminate", "exercise-1") in runner.log and ("terminate", "exercise-2") not in runner.log


def test_a_worker_that_dies_under_a_call_is_a_stopped_run_with_a_fresh_worker(runner, monkeypatch):
    async def die(self):
        raise Exception("Error: Program terminated with exit(1)")

    monkeypatch.setattr(Worker, "die", die, raising=False)

    async def scenario():
        with pytest.raises(Stopped) as stopped:
            await runner.call("die")
        return str(stopped.value), await runner.call("run", "again")

    message, answer = run(scenario())
    assert message == "Stopped: Python for your code ended (Error: Program terminated with exit(1))."
    assert answer == {"output": "exercise-2: again"}
