"""The bare model page's worker (bench/bare/model.html): nothing but the model, trained as the lab's worker trains
it."""

import json
import time

from backprop import Batch, Run


def train(seconds, warm_up=0.5):
    """Run.train (default settings, the lab's history limit) for `seconds` after `warm_up` seconds: steps/s."""
    run = Run(history_limit=2000)
    for phase in (warm_up, seconds):
        steps, started = 0, time.perf_counter()
        while time.perf_counter() - started < phase:
            run.train(100)
            steps += 100
        elapsed = time.perf_counter() - started
    return json.dumps({"steps": steps, "seconds": elapsed, "steps_per_s": steps / elapsed})


def batch(count, steps):
    """backprop.Batch of seeds 0..count-1 (default settings) trained `steps` steps, as Many seeds trains them."""
    started = time.perf_counter()
    Batch(None, range(int(count)), track_solved=True).train(int(steps))
    return json.dumps({"count": int(count), "steps": int(steps), "seconds": time.perf_counter() - started})


__export__ = ["train", "batch"]
