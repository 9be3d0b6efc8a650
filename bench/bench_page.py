"""Page figures, printed (never asserted). Run with `make bench`.

- the runtime setup's no-op time;
- time from navigation to ready in headless Chromium with a cold cache (5 loads);
- first visit against repeat visit, 5 pairs: a new browser context (empty caches) loads the page to ready,
  waits until the service worker (sw.js) keeps the files, then reloads it to ready; the same pairs again with
  service workers blocked, where the repeat visit has only the browser's HTTP cache; both on this machine's
  loopback and over an emulated slow link (every request waits SLOW_LATENCY_S, all bytes share SLOW_RATE);
- the page's own training loop at its top speed (1000 steps per frame): steps per second counted on the
  page's clock, the page's "Steps per second" readout, and the interval between animation frames;
- the same model's raw training speed in CPython (backprop.Run().train), for the ratio.
"""

import functools
import statistics
import subprocess
import sys
import threading
import time
from http.server import ThreadingHTTPServer
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
SLOW_RATE, SLOW_LATENCY_S = 50e6 / 8, 0.03  # 50 Mbit/s shared by all responses, 30 ms per request


def summary(values, unit="s", digits=2):
    return (f"median {statistics.median(values):.{digits}f} {unit} "
            f"(min {min(values):.{digits}f}, max {max(values):.{digits}f}, n={len(values)})")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def new_context(browser, service_workers="block"):
    # A new context: empty HTTP cache and Cache Storage. Service workers blocked unless a figure is about them.
    return browser.new_context(viewport={"width": 1280, "height": 800}, service_workers=service_workers)


def wait_ready(page):
    page.wait_for_selector("html[data-app-state=ready]", state="attached", timeout=READY_TIMEOUT_MS)


def open_ready(browser, url):
    context = new_context(browser)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    wait_ready(page)
    return context, page, time.perf_counter() - started


def first_and_repeat_visit(browser, url, service_workers):
    """Seconds to ready on a first visit (new context) and on a reload of it. With service workers
    allowed, the reload waits until offline.js says the service worker keeps the files."""
    context = new_context(browser, service_workers)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    wait_ready(page)
    first = time.perf_counter() - started
    if service_workers == "allow":
        page.wait_for_selector("html[data-offline]", state="attached", timeout=READY_TIMEOUT_MS)
        state = page.evaluate("() => [document.documentElement.dataset.offline, "
                              "document.documentElement.dataset.offlineReason]")
        if state[0] != "ready":
            raise RuntimeError(f"the page was not saved for offline use: {state[1]}")
    started = time.perf_counter()
    page.reload()
    wait_ready(page)
    repeat = time.perf_counter() - started
    context.close()
    return first, repeat


def visit_pairs(browser, url, service_workers):
    pairs = [first_and_repeat_visit(browser, url, service_workers) for _ in range(RUNS)]
    return [first for first, _ in pairs], [repeat for _, repeat in pairs]


class SlowLink:
    """One link for the whole server: each request waits the latency, the bytes of all responses queue
    for the rate. Applies to every request, the page's and the service worker's alike."""

    def __init__(self, rate, latency):
        self.rate, self.latency = rate, latency
        self.lock, self.free_at = threading.Lock(), 0.0

    def send(self, size):
        with self.lock:
            self.free_at = max(self.free_at, time.perf_counter()) + size / self.rate
            done = self.free_at
        time.sleep(max(0.0, done - time.perf_counter()))


def start_slow_server(link):
    """The site served as serve.start serves it, through link."""

    class SlowHandler(serve.StaticHandler):
        quiet = True

        def send_head(self):
            time.sleep(link.latency)
            return super().send_head()

        def copyfile(self, source, outputfile):
            while chunk := source.read(64 * 1024):
                link.send(len(chunk))
                outputfile.write(chunk)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SlowHandler, directory=str(ROOT)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def print_visit_pairs(browser, url, where):
    for service_workers, how in (("allow", "service worker (sw.js)"), ("block", "HTTP cache only")):
        first, repeat = visit_pairs(browser, url, service_workers)
        print(f"first vs repeat visit, {where}, {how}: first {summary(first)}; repeat {summary(repeat)}; "
              f"first / repeat {statistics.median(first) / statistics.median(repeat):.1f}x", flush=True)


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
        print_visit_pairs(browser, url, "loopback")
        slow_server, slow_url = start_slow_server(SlowLink(SLOW_RATE, SLOW_LATENCY_S))
        print_visit_pairs(browser, slow_url, f"{SLOW_RATE * 8 / 1e6:g} Mbit/s and {SLOW_LATENCY_S * 1000:g} ms "
                                             f"per request")
        slow_server.shutdown()
        slow_server.server_close()
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
