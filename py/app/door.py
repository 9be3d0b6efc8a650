"""The page's one door to the model's worker (py/worker/door.py): every await on the worker is here.

Each answer is opened with shared/protocol.py's read(): Refused when the model declines an input (words for the
student), ModelError when the worker failed, so the page can show its error panel. A snapshot comes back as a dict
whose numbers are floats again ("NaN", "Infinity" and "-Infinity" travel as text, since JSON has no such numbers).
"""

import json

from app.settings import spell
from shared import i18n, protocol
from shared.i18n import _
from shared.protocol import Refused, number, numbers

__all__ = [
    "Model",
    "ModelError",
    "Refused",
    "decode",
    "head_bytes",
    "number",
    "numbers",
    "settings_json",
    "shown_body",
    "view_request",
]


class ModelError(protocol.Fatal):
    """The model's worker failed: it could not start, or it raised."""


def read(answer):
    """(data, body) of an answer of the model's worker."""
    return protocol.read(answer, ModelError)


def decode(snap):
    """The worker's snapshot dict with its numbers as floats (A2 and Y come only with a few points; the test cost
    only with test points)."""
    snap["cost"] = number(snap["cost"])
    if "A2" in snap:
        snap["A2"], snap["Y"] = numbers(snap["A2"]), numbers(snap["Y"])
    if snap.get("test_cost") is not None:
        snap["test_cost"] = number(snap["test_cost"])
    snap["params"] = {name: numbers(values) for name, values in snap["params"].items()}
    return snap


def settings_json(settings):
    """The settings as the worker's configure() takes them, with each float as its shortest text (CPython's repr),
    which the model reads back as the very same float. MicroPython's json.dumps spells floats with up to 17
    digits that are off in the last ones: 0.46 as 0.4600000000000001, another float for the worker's CPython."""
    return json.dumps({key: spell(value) if isinstance(value, float) else value for key, value in settings.items()})


def view_request(chart=None, log_scale=False, surface=False, units=False, chain=None, data_version=None):
    """What the page will draw from the next snapshot, as the worker's `view` JSON: the cost chart's [width, height]
    (or None), its log scale, the decision surface, the units' pictures, the chain rule of the parameter named
    chain ("W1[0,1]", "b0[1]", "b1"; None for none), and the version of the data whose points the page has (None:
    none), so that the snapshot brings the points' drawing ("data") only when they changed."""
    return json.dumps(
        {
            "chart": chart,
            "log_scale": log_scale,
            "surface": surface,
            "units": units,
            "chain": chain,
            "data_version": data_version,
        }
    )


def head_bytes(body, n):
    """The first n bytes of an answer's body: bytes under CPython (the tests), a JavaScript typed array (a proxy)
    on the page, cut without a copy of the rest."""
    if isinstance(body, (bytes, bytearray)):
        return body[:n]
    if isinstance(body, memoryview):
        return bytes(body[:n])
    return body.subarray(0, n)


class Model:
    """The worker named `name` in index.html, once start() has returned.

    The calls that show the network answer (snapshot, surface): the snapshot dict, and the decision surface as
    (RGBA bytes, its description) when the view asked for it, else None. train_for adds the steps taken, import_run
    the exact text of the imported learning rate. When the view asked for the units' pictures, snapshot["units"]
    holds the whole body as "rgba" (the pictures start at its "offset", each side * side * 4 bytes); when it asked
    for a chain rule, snapshot["chain"] is it (or None)."""

    def __init__(self, name="model"):
        self.name = name
        self.worker = None

    async def start(self):
        """Wait for the worker (Pyodide and NumPy starting); returns its versions {"python", "numpy"}."""
        from pyscript import workers

        try:
            self.worker = await workers[self.name]
            return read(await self.worker.start(i18n.catalog_text()))[0]
        except Exception as err:
            # Translators: the end of "Python and NumPy could not start: {error}".
            raise ModelError(_("the model's worker did not start: {error}").format(error=err)) from None

    async def _call(self, method, *args):
        """(data, snapshot, surface) of a call that shows the network."""
        data, body = read(await getattr(self.worker, method)(*args))
        return data, decode(data["snapshot"]), shown_body(data, body)

    async def _shown(self, method, *args):
        _data, snap, surface = await self._call(method, *args)
        return snap, surface

    async def configure(self, settings, view):
        return await self._shown("configure", settings_json(settings), view)

    async def reset(self, view):
        return await self._shown("reset", view)

    async def step(self, view):
        return await self._shown("step", 1, view)

    async def train_for(self, max_steps, ms, view):
        """(snapshot, surface, the number of steps taken)."""
        data, snap, surface = await self._call("train_for", max_steps, ms, view)
        return snap, surface, data["taken"]

    async def snapshot(self, view):
        return await self._shown("snapshot", view)

    async def notebook(self, numeric=True):
        """The Notebook view for the network on screen: each section's HTML, as the worker wrote it."""
        view, html = read(await self.worker.notebook(numeric))
        view["html"] = {key: html[i] for i, key in enumerate(view["keys"])}
        return view

    # The Many seeds sweep and the cost landscape (py/worker/sweep/, py/worker/landscape/).

    async def sweep_start(self, settings, first, count, steps):
        return sweep_summary(await self.worker.sweep_start(settings_json(settings), first, count, steps))

    async def sweep_advance(self, ms, sizes):
        return sweep_summary(await self.worker.sweep_advance(ms, json.dumps(sizes) if sizes else None))

    async def sweep_stop(self, sizes):
        return sweep_summary(await self.worker.sweep_stop(json.dumps(sizes) if sizes else None))

    async def sweep_pick(self, plot, x, y):
        return read(await self.worker.sweep_pick(plot, x, y))[0]

    async def landscape(self, axes, span, size):
        """(the landscape's dict, its RGBA bytes) around the network on screen; size is [width, height]."""
        return read(await self.worker.landscape(json.dumps(axes), span, json.dumps(size)))

    async def export_file(self, kind):
        """(file name, file text) of the network on screen: kind "json", "py", "ipynb", "png" (the name only, text
        "") or "params" (a lesson link's text); Refused when the worker cannot make it."""
        head, text = read(await self.worker.export_file(kind))
        return head["name"], ("" if text is None else str(text))

    async def import_run(self, text, view):
        """Replace the run with the saved one in text: (snapshot, surface, the exact learning rate's text); Refused
        (the run unchanged) with what is wrong with it."""
        data, snap, surface = await self._call("import_run", text, view)
        return snap, surface, data["learning_rate_text"]

    async def start_from(self, params, view):
        """A new network at step 0 from a lesson link's params= text; Refused (the run unchanged) when it is wrong."""
        return await self._shown("start_from", params, view)

    async def import_points_csv(self, text, view):
        """The points of a CSV file's text on screen, the network going on from where it is: (snapshot, surface);
        Refused (the points unchanged) naming the file's line and what is wrong."""
        return await self._shown("import_points_csv", text, view)

    async def points_from_link(self, text, view):
        """The points of a link's points= text on screen, as import_points_csv: (snapshot, surface), or Refused."""
        return await self._shown("points_from_link", text, view)

    async def export_points_csv(self):
        """(file name, CSV text) of the points on screen; Refused when there are none."""
        head, text = read(await self.worker.export_points_csv())
        return head["name"], str(text)

    async def edit_points(self, edit, view):
        """Edit the points the network learns (it goes on training from where it is): edit is {"op": "click", "at":
        [fx, fy] (fractions of the plot square, fy downward), "y": the class, "radius": a point's radius as a
        fraction of the square's side}, {"op": "undo"} or {"op": "clear"}. (snapshot, surface, what was done:
        {"said", "can_undo", "count"}); Refused (the points unchanged) with why."""
        data, snap, surface = await self._call("edit_points", json.dumps(edit), view)
        return snap, surface, data["edit"]

    # The network: a step in slow motion, a weight set by hand (py/worker/network/).

    async def stages(self):
        """The next step's numbers stage by stage, every number a CPython text (docs/building.md); nothing changes."""
        return read(await self.worker.stages())[0]["stages"]

    async def set_param(self, name, text, view):
        """Set one weight or bias ("W0[1,0]", "b0[1]", "W1[0,1]", "b1") to the number typed as text: (snapshot,
        surface); Refused (the run unchanged) with a message naming the parameter when the name or value is wrong."""
        return await self._shown("set_param", name, text, view)


def shown_body(data, body):
    """The surface tuple (RGBA bytes, label) or None of an answer that shows the network; puts the whole body in
    snapshot["units"]["rgba"] when the pictures came (the surface's bytes are the body's first ones)."""
    units = data["snapshot"].get("units")
    surface = data.get("surface")
    if units is not None:
        units["rgba"] = body
        if surface is not None:
            return head_bytes(body, units["offset"]), surface["label"]
    return None if surface is None else (body, surface["label"])


def sweep_summary(answer):
    """The sweep's summary dict from the worker's answer (body: the curves' path strings), the paths put back."""
    summary, paths = read(answer)
    curves = summary.get("curves")
    if curves is not None:
        curves["median"] = paths[len(curves["paths"])]
        curves["paths"] = {name: paths[i] for i, name in enumerate(curves["paths"])}
    return summary
