"""Page figures, printed (never asserted): time from navigation to ready in headless Chromium with a
cold cache, and the runtime setup's no-op time. Run with `make bench`."""

import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import chromium  # noqa: E402
import serve  # noqa: E402

RUNS = 5


def summary(seconds):
    return f"median {statistics.median(seconds):.2f} s (min {min(seconds):.2f}, max {max(seconds):.2f}, n={len(seconds)})"


def time_to_ready(browser, url):
    context = browser.new_context()  # a new context has an empty HTTP cache
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("html[data-app-state=ready]", timeout=120_000)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


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
        browser.close()
    server.shutdown()
    print(f"navigation to ready, cold cache: {summary(times)}")


if __name__ == "__main__":
    main()
