"""Training speed of the model against the notebook's own loop (prints figures; never fails).

python3 bench/bench_model.py
"""

import pathlib
import statistics
import sys
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "py"), str(ROOT / "tests" / "model")]
from notebook_ann import notebook_loop  # noqa: E402

from backprop import Batch, Run  # noqa: E402

REPEATS = 7
STEPS = 2000
BATCH_K, BATCH_STEPS = 1000, 200


def median_rate(setup, work, units):
    """Median over REPEATS of units per second; setup() is not timed."""
    rates = []
    for _ in range(REPEATS):
        state = setup()
        start = time.perf_counter()
        work(state)
        rates.append(units / (time.perf_counter() - start))
    return statistics.median(rates)


def main():
    print(f"numpy {np.__version__}, python {sys.version.split()[0]}; median of {REPEATS} repeats")
    model = median_rate(Run, lambda run: run.train(STEPS), STEPS)
    naive = median_rate(lambda: None, lambda _: notebook_loop(2, 2, "XOR", 10, STEPS), STEPS)
    batch = median_rate(lambda: Batch(None, range(BATCH_K)), lambda b: b.train(BATCH_STEPS), BATCH_K * BATCH_STEPS)
    print(f"model Run.train, default config:     {model:12,.0f} steps/s")
    print(f"notebook's naive loop (cells 33/35): {naive:12,.0f} steps/s")
    print(f"ratio model / notebook:              {model / naive:12.2f} x")
    print(
        f"Batch of {BATCH_K:,} networks:            {batch:12,.0f} network-steps/s "
        f"({batch / BATCH_K:,.0f} batch steps/s)"
    )


if __name__ == "__main__":
    main()
