"""Page figures, printed (never asserted). Run with `make bench`.

- the runtime setup's no-op time;
- time from navigation to ready in headless Chromium with a cold cache (5 loads);
- the page's own training loop at its top speed (1000 steps per frame): steps per second counted on the
  page's clock, the page's "Steps per second" readout, and the interval between animation frames;
- the same model's raw training speed in CPython (backprop.Run().train), for the ratio.
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "py")]
import chromium  # noqa: E402
import serve  # noqa: E402
from backprop import Run  # noqa: E402

RUNS = 5
READY_TIMEOUT_MS = 120_000
WARM_UP_MS, MEASURE_MS = 1000, 3000
CPYTHON_STEPS, CPYTHON_REPEATS = 5000, 5


def summary(values, unit="s", digits=2):
    return (f"median {statistics.median(values):.{digits}f} {unit} "
            f"(min {min(values):.{digits}f}, max {max(values):.{digits}f}, n={len(values)})")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def open_ready(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # a new context: empty HTTP cache
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("html[data-app-state=ready]", state="attached", timeout=READY_TIMEOUT_MS)
    return context, page, time.perf_counter() - started


def time_to_ready(browser, url):
    context, _, elapsed = open_ready(browser, url)
    context.close()
    return elapsed


def page_clock_and_steps(page, step_readout):
    """(performance.now(), the step count the page shows) read in one go."""
    return page.evaluate("el => [performance.now(), Number(el.textContent)]", step_readout)


def training_figures(browser, url):
    """Train at the slider's top speed; figures from the page's clock and its animation frames."""
    context, page, _ = open_ready(browser, url)
    page.get_by_label("Speed", exact=True).press("End")
    page.get_by_text("1000 steps per frame", exact=True).wait_for()
    step_readout = page.get_by_label("Step", exact=True).element_handle()
    page.evaluate("""() => {
        window.__frameTimes = [];
        const record = t => { window.__frameTimes.push(t); requestAnimationFrame(record); };
        requestAnimationFrame(record);
    }""")
    page.get_by_role("button", name="Train", exact=True).click()
    started = page.evaluate("() => performance.now()")
    page.wait_for_function("t => performance.now() > t", arg=started + WARM_UP_MS, polling=100)
    t0, steps0 = page_clock_and_steps(page, step_readout)
    page.wait_for_function("t => performance.now() > t", arg=t0 + MEASURE_MS, polling=100)
    t1, steps1 = page_clock_and_steps(page, step_readout)
    readout = page.get_by_label("Steps per second", exact=True).inner_text()
    frames = page.evaluate("([t0, t1]) => window.__frameTimes.filter(t => t >= t0 && t <= t1)", [t0, t1])
    page.get_by_role("button", name="Pause", exact=True).click()
    context.close()
    intervals = [b - a for a, b in zip(frames, frames[1:])]
    return {"steps_per_s": (steps1 - steps0) / ((t1 - t0) / 1000), "readout": readout,
            "seconds": (t1 - t0) / 1000, "steps": steps1 - steps0, "intervals": intervals}


def cpython_steps_per_s():
    rates = []
    for _ in range(CPYTHON_REPEATS):
        run = Run()
        started = time.perf_counter()
        run.train(CPYTHON_STEPS)
        rates.append(CPYTHON_STEPS / (time.perf_counter() - started))
    return statistics.median(rates)


def setup_noop_time():
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "tools" / "setup_runtime.py")], check=True, capture_output=True)
    return time.perf_counter() - started


def main():
    print(f"runtime setup, no-op run: {summary([setup_noop_time() for _ in range(RUNS)])}")
    server, url = serve.start(ROOT)
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        times = [time_to_ready(browser, url) for _ in range(RUNS)]
        print(f"navigation to ready, cold cache: {summary(times)}")
        training = training_figures(browser, url)
        browser.close()
    server.shutdown()

    intervals = training["intervals"]
    print(f"page training at 1000 steps per frame: {training['steps_per_s']:,.0f} steps/s "
          f"({training['steps']:,} steps in {training['seconds']:.2f} s of the page's clock, after "
          f"{WARM_UP_MS / 1000:g} s of warm-up); the page's 'Steps per second' readout: {training['readout']}")
    if intervals:
        print(f"frame interval while training: p50 {percentile(intervals, 0.5):.1f} ms, "
              f"p95 {percentile(intervals, 0.95):.1f} ms, max {max(intervals):.1f} ms "
              f"({len(intervals) + 1} frames, {len(intervals) / training['seconds']:.0f} frames/s)")
    cpython = cpython_steps_per_s()
    print(f"CPython {sys.version.split()[0]}, backprop.Run().train({CPYTHON_STEPS}): {cpython:,.0f} steps/s "
          f"(median of {CPYTHON_REPEATS})")
    print(f"ratio page / CPython: {training['steps_per_s'] / cpython:.2f} "
          f"(the page trains only part of each frame; the rest is drawing)")


if __name__ == "__main__":
    main()
