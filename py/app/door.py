"""The page's one door to the model's worker (py/worker/door.py): every await on the worker is here.

The worker answers [snapshot JSON, surface bytes]; this turns the JSON into a dict whose numbers are
floats again ("NaN", "Infinity" and "-Infinity" travel as text, since JSON has no such numbers), and
raises ModelError when the worker reports a failure, so the page can show its error panel.
"""

import json

from app.settings import spell

NOT_FINITE = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


class ModelError(Exception):
    """The model's worker failed: it could not start, or it raised."""


class Refused(Exception):
    """The model refused a setting; str() says why, in words for the student."""


def number(value):
    return NOT_FINITE[value] if isinstance(value, str) else float(value)


def numbers(values):
    return [number(v) for v in values]


def decode(text):
    """A snapshot dict from the worker's JSON, with its numbers as floats."""
    snap = json.loads(text)
    if "fatal" in snap:
        raise ModelError(snap["fatal"])
    if "error" in snap:
        raise Refused(snap["error"])
    snap["cost"] = number(snap["cost"])
    snap["A2"], snap["Y"] = numbers(snap["A2"]), numbers(snap["Y"])
    snap["params"] = {name: numbers(values) for name, values in snap["params"].items()}
    return snap


def settings_json(settings):
    """The settings as the worker's configure() takes them, with each float as its shortest text (CPython's repr),
    which the model reads back as the very same float. MicroPython's json.dumps spells floats with up to 17
    digits that are off in the last ones: 0.46 as 0.4600000000000001, another float for the worker's CPython."""
    return json.dumps({key: spell(value) if isinstance(value, float) else value for key, value in settings.items()})


def view_request(chart=None, log_scale=False, surface=False):
    """What the page will draw from the next snapshot, as the worker's `view` JSON."""
    return json.dumps({"chart": chart, "log_scale": log_scale, "surface": surface})


class Model:
    """The worker named `name` in index.html, once start() has returned."""

    def __init__(self, name="model"):
        self.name = name
        self.worker = None

    async def start(self):
        """Wait for the worker (Pyodide and NumPy starting); returns its versions {"python", "numpy"}."""
        from pyscript import workers

        try:
            self.worker = await workers[self.name]
            return json.loads(await self.worker.start())
        except Exception as err:
            raise ModelError("the model's worker did not start: {}".format(err))

    async def _call(self, method, *args):
        answer = await getattr(self.worker, method)(*args)
        snap = decode(answer[0])
        return snap, (answer[1] if "surface_label" in snap else None)

    async def configure(self, settings, view):
        return await self._call("configure", settings_json(settings), view)

    async def reset(self, view):
        return await self._call("reset", view)

    async def step(self, view):
        return await self._call("step", 1, view)

    async def train_for(self, max_steps, ms, view):
        return await self._call("train_for", max_steps, ms, view)

    async def snapshot(self, view):
        return await self._call("snapshot", view)

    async def notebook(self, numeric=True):
        """The Notebook view for the network on screen: each section's HTML, as the worker wrote it."""
        answer = await self.worker.notebook(numeric)
        view = json.loads(answer[0])
        if "fatal" in view:
            raise ModelError(view["fatal"])
        html = answer[2]
        view["html"] = {key: html[i] for i, key in enumerate(view["keys"])}
        return view

    # The Many seeds sweep and the cost landscape (py/worker/sweep/sweep.py, landscape.py): plain JSON answers.

    async def sweep_start(self, settings, first, count, steps):
        return sweep_summary(await self.worker.sweep_start(settings_json(settings), first, count, steps))

    async def sweep_advance(self, ms, sizes):
        return sweep_summary(await self.worker.sweep_advance(ms, json.dumps(sizes) if sizes else None))

    async def sweep_stop(self, sizes):
        return sweep_summary(await self.worker.sweep_stop(json.dumps(sizes) if sizes else None))

    async def sweep_pick(self, plot, x, y):
        return plain(await self.worker.sweep_pick(plot, x, y))

    async def landscape(self, axes, span, size):
        """(the landscape's dict, its RGBA bytes) around the network on screen."""
        answer = await self.worker.landscape(json.dumps(axes), span, json.dumps(size))
        return plain(answer[0]), answer[1]

    async def export_file(self, kind):
        """(file name, file text) of the network on screen: kind "json", "py", "ipynb", "png" (the name only) or
        "params" (a lesson link's text); Refused when the worker cannot make it."""
        answer = await self.worker.export_file(kind)
        head = json.loads(answer[0])
        if "fatal" in head:
            raise ModelError(head["fatal"])
        if "error" in head:
            raise Refused(head["error"])
        return head["name"], str(answer[2])

    async def import_run(self, text, view):
        """Replace the run with the saved one in text; Refused (the run unchanged) with what is wrong with it."""
        return await self._call("import_run", text, view)

    async def start_from(self, params, view):
        """A new network at step 0 from a lesson link's params= text; Refused (the run unchanged) when it is wrong."""
        return await self._call("start_from", params, view)


def sweep_summary(answer):
    """The sweep's summary dict from the worker's [JSON, path strings]: the curves' paths put back in place."""
    summary = plain(answer[0])
    curves = summary.get("curves")
    if curves is not None:
        paths = answer[1]
        curves["median"] = paths[len(curves["paths"])]
        curves["paths"] = {name: paths[i] for i, name in enumerate(curves["paths"])}
    return summary


def plain(text):
    """A plain JSON answer of the worker: ModelError on {"fatal"}, Refused on {"error"}."""
    answer = json.loads(text)
    if isinstance(answer, dict):
        if "fatal" in answer:
            raise ModelError(answer["fatal"])
        if "error" in answer:
            raise Refused(answer["error"])
    return answer
