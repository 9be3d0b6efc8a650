"""The bare model page's main thread: start the worker, ask it for one measurement, show the answer.

The figures are the worker's own clock (the runtime's ceiling, no messages in between); "call_seconds" is the
page's wait for the answer, messages included."""

import json

from pyscript import document, window, workers

query = {}
for pair in str(window.location.search).lstrip("?").split("&"):
    if "=" in pair:
        key, value = pair.split("=", 1)
        query[key] = value

model = await workers["model"]  # noqa: F704
document.documentElement.dataset.appState = "ready"
mode = query.get("mode", "train")
started = window.performance.now()
if mode == "batch":
    answer = await model.batch(int(query.get("count", 1000)), int(query.get("steps", 1000)))  # noqa: F704
else:
    answer = await model.train(float(query.get("seconds", 5)), float(query.get("warm_up", 0.5)))  # noqa: F704
result = json.loads(answer)
result["mode"] = mode
result["call_seconds"] = (window.performance.now() - started) / 1000
document.getElementById("result").textContent = json.dumps(result)
document.documentElement.dataset.appState = "done"
