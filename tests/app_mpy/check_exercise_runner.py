"""The exercise runner under MicroPython: a call that never answers is Stopped after the limit and a fresh worker
starts (MicroPython has no builtin TimeoutError: the runner must catch asyncio's), and a worker that dies under a
call (the student's code ending Python) is a Stopped run with a fresh worker, not an error on the page."""

import asyncio
import sys

from app.exercises import runner as exercise_runner
from app.exercises.runner import ExerciseRunner, Stopped
from shared import protocol

log = []


class Script:
    def __init__(self):
        self.attributes = {}
        self.xworker = self

    def setAttribute(self, key, value):
        self.attributes[key] = value

    def terminate(self):
        log.append("terminate " + self.attributes["name"])

    def remove(self):
        pass


class Worker:
    def __init__(self, name):
        self.name = name

    async def start(self, catalog_text):
        return protocol.reply({"python": "3.12.7", "numpy": "2.0.2"})

    async def run(self):
        return protocol.reply({"output": self.name})

    async def hang(self):
        await asyncio.Event().wait()

    async def die(self):
        raise Exception("Error: Program terminated with exit(1)")

    async def grown(self):
        return protocol.reply({"output": "", "restart": True, "stopped": {"message": "Stopped: memory"}})


class Workers:
    def __getitem__(self, name):
        async def started():
            return Worker(name)

        return started()


class Pyscript:
    workers = Workers()


class Body:
    def append(self, script):
        pass


class Document:
    body = Body()

    def createElement(self, tag):
        return Script()


sys.modules["pyscript"] = Pyscript
exercise_runner.LIMIT = 0.05


async def scenario():
    runner = ExerciseRunner(Document(), None)
    messages = []
    for method in ("hang", "die", "grown"):
        try:
            await runner.call(method)
        except Stopped as err:
            messages.append(str(err))
        await runner.start()
    messages.append((await runner.call("run"))["output"])
    return messages


messages = await asyncio.create_task(scenario())  # noqa: F704 (top-level await, as PyScript runs it)
assert messages[0].startswith("Stopped after 0.05 s"), messages
assert messages[1] == "Stopped: Python for your code ended (Error: Program terminated with exit(1)).", messages
assert messages[2] == "Stopped: memory", messages
assert messages[3] == "exercise-4", messages
assert log == ["terminate exercise-1", "terminate exercise-2", "terminate exercise-3"], log
print("check_exercise_runner: ok")
