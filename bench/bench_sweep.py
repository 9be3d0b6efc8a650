"""Speed of the Many seeds sweep and the cost landscape in CPython (prints figures; never fails).

    python3 bench/bench_sweep.py

Inside Pyodide (the page's worker): node bench/pyodide_sweep.mjs, which runs the same timings.
"""

import pathlib
import statistics
import sys
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "py")]
from backprop import A0, Batch, Run, forward  # noqa: E402
from backprop.network import unflatten  # noqa: E402
from worker.landscape.plot import landscape  # noqa: E402
from worker.sweep.sweep import Sweep  # noqa: E402

K, STEPS, REPEATS = 1000, 1000, 3
SIZES = {"histogram": [400, 250], "curves": [600, 375], "solve_steps": [400, 250]}


def timed(work):
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def sweep_figures():
    """{name: seconds}, the median of REPEATS: a bare Batch.train and the whole sweep through advance()."""
    bare, swept, build, calls, longest, summary = [], [], [], [], [], []
    for _ in range(REPEATS):
        bare.append(timed(lambda: Batch(None, range(K)).train(STEPS))[0])
        seconds, sweep = timed(lambda: Sweep({}, 0, K, STEPS))
        build.append(seconds)
        start, n, worst = time.perf_counter(), 0, 0.0
        while not sweep.done:
            worst = max(worst, timed(lambda sweep=sweep: sweep.advance(0.012))[0])
            n += 1
        swept.append(time.perf_counter() - start)
        calls.append(n)
        longest.append(worst)
        summary.append(min(timed(lambda sweep=sweep: sweep.summary(SIZES))[0] for _ in range(5)))
    return {
        name: statistics.median(values)
        for name, values in [
            ("bare", bare),
            ("sweep", swept),
            ("build", build),
            ("calls", calls),
            ("longest", longest),
            ("summary", summary),
        ]
    }


def landscape_figures():
    run = Run()
    run.train(500)
    trajectory = np.stack([run.theta] * 50)
    one = min(timed(lambda: forward(unflatten(run.theta, 2), A0, run.Y))[0] for _ in range(50))
    grid = min(timed(lambda: landscape(run, trajectory, "random", 2.0, 64, (360, 360)))[0] for _ in range(20))
    return one, grid


def main():
    print(f"numpy {np.__version__}, python {sys.version.split()[0]}; median of {REPEATS} repeats")
    f = sweep_figures()
    print(f"{K:,} networks x {STEPS:,} steps, default settings:")
    print(f"  bare Batch.train({STEPS}):          {f['bare']:8.3f} s")
    print(
        f"  Sweep.advance(12 ms) until done:   {f['sweep']:8.3f} s  ({f['sweep'] / f['bare']:.2f} x bare; "
        f"{f['calls']:.0f} calls, longest {f['longest'] * 1000:.1f} ms)"
    )
    print(f"  Sweep(...) construction:           {f['build'] * 1000:8.1f} ms")
    print(f"  summary() of all three plots:      {f['summary'] * 1000:8.1f} ms")
    one, grid = landscape_figures()
    print(
        f"landscape 64x64 (random axes):       {grid * 1000:8.2f} ms  (one forward pass {one * 1e6:.0f} us; "
        f"{grid / one:.0f} x)"
    )


if __name__ == "__main__":
    main()
