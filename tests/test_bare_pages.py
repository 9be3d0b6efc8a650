"""The bare model page (bench/bare/model.html) that `make bench` measures the page against: its worker has every
module of py/backprop and nothing else, and its two measurements run under CPython as they run in its worker."""

import importlib.util
import json
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = ROOT / "bench" / "bare"


def test_the_bare_worker_ships_exactly_the_model():
    files = tomllib.loads((BARE / "model_worker.toml").read_text())["files"]
    model = sorted(path.name for path in (ROOT / "py" / "backprop").glob("*.py"))
    assert files == {f"../../py/backprop/{name}": f"./backprop/{name}" for name in model}
    assert all((BARE / source).resolve().is_file() for source in files)


def load_worker():
    spec = importlib.util.spec_from_file_location("bare_model_worker", BARE / "model_worker.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bare_worker_trains_and_times_a_batch():
    worker = load_worker()
    trained = json.loads(worker.train(0.05, 0.01))
    assert trained["steps"] > 0 and trained["seconds"] >= 0.05
    assert trained["steps_per_s"] == trained["steps"] / trained["seconds"]
    timed = json.loads(worker.batch(3, 20))
    assert (timed["count"], timed["steps"]) == (3, 20) and timed["seconds"] > 0
    assert worker.__export__ == ["train", "batch"]
