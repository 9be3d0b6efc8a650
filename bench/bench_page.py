"""Page figures, printed (never asserted). Run with `make bench`; one part alone with `--only PART...`, and fewer
loads with `--runs N` (e.g. `bench/bench_page.py --only startup --runs 2`). Timed figures are min–median–max of RUNS
loads, each in a new browser context (cold cache). The parts:

- setup: the runtime setup's no-op time;
- startup: navigation to interactive (the page's MicroPython answers: a settings change lands in the address) and
  to ready (the model's worker has Pyodide and NumPy running), against a bare page that starts the same worker and
  nothing else (bench/bare/), and against TensorFlow Playground's load event and play button (clicked, playing)
  served from loopback (TFPLAYGROUND_DIST); the longest main-thread task from interactive to ready;
- visits: first visit against repeat visit: a new browser context loads the page to ready, waits until the service
  worker (sw.js) keeps the files, then reloads it to ready; the same with service workers blocked, where the repeat
  visit has only the browser's HTTP cache; on loopback and over an emulated slow link (every request waits
  SLOW_LATENCY_S, all bytes share SLOW_RATE);
- training: the page's training at its top speed (1000 steps per frame, steps counted on the page's clock), its
  frame interval and long tasks, against the bare model page (bench/bare/model.html?mode=train) whose worker does
  nothing but train, CPython's backprop.Run().train and Pyodide under Node (bench/pyodide_speed.mjs);
- sweep: Many seeds, 1,000 networks x 1,000 steps in the page, against the bare model page running the same Batch
  (?mode=batch) and CPython's; the cost landscape from Step to drawn;
- pictures: training at top speed with n_h 16, the network drawn with its 17 unit pictures (?pictures=true) against
  the same page without them (?pictures=false): steps per second and frame interval p95;
- points: training at top speed on a 500-point spiral (450 training points), with the decision surface and the unit
  pictures redrawn, against CPython's Run on the same data; its frame interval and main-thread tasks over 50 ms;
- exercises, notebook: opening those views, the Exercises' Check, the Notebook's frames while training;
- memory: the whole browser's resident memory (bench/peers.py) with an empty tab, TensorFlow Playground, the Lab at
  ready and the Lab with the Exercises open, one new browser each;
- languages: the start in German (?lang=de, its catalog fetched and the page's HTML translated before it shows)
  against English: first contentful paint, interactive and ready, loads alternating;
- lighthouse: Lighthouse 12 (LIGHTHOUSE, else `npx --no-install lighthouse`) desktop and mobile presets, the lab and
  TensorFlow Playground.
TensorFlow Playground's page asks Google Fonts and analytics hosts: every request leaving loopback is aborted.
"""

import argparse
import functools
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "py")]
import peers  # noqa: E402

import chromium  # noqa: E402
import serve  # noqa: E402
from backprop import Config, Run  # noqa: E402
from page_probes import RECORD_START  # noqa: E402

RUNS = 5
READY_TIMEOUT_MS = 120_000
WARM_UP_MS, MEASURE_MS = 1000, 3000
CPYTHON_STEPS, CPYTHON_REPEATS = 5000, 5
SLOW_RATE, SLOW_LATENCY_S = 50e6 / 8, 0.03  # 50 Mbit/s shared by all responses, 30 ms per request


def summary(values, unit="s", digits=2):
    """min–median–max."""
    return (
        f"{min(values):.{digits}f} – {statistics.median(values):.{digits}f} – {max(values):.{digits}f} {unit} "
        f"(min–median–max of {len(values)})"
    )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def new_context(browser, service_workers="block"):
    # A new context: empty HTTP cache and Cache Storage. Service workers blocked unless a figure is about them.
    return browser.new_context(viewport={"width": 1280, "height": 800}, service_workers=service_workers)


def wait_ready(page):
    page.wait_for_selector("html[data-app-state=ready]", state="attached", timeout=READY_TIMEOUT_MS)


# The page's own answer to the tick: from the pointer's press to the address written (history.pushState).
RECORD_ANSWER = """
window.__answer = {};
document.addEventListener("pointerdown", () => { window.__answer.pressed ??= performance.now(); }, true);
const pushState = history.pushState.bind(history);
history.pushState = (...args) => { window.__answer.written ??= performance.now(); return pushState(...args); };
"""


def start_up(browser, url):
    """(interactive s, a setting answered s, ready s, longest task from interactive to ready ms, the page's own
    answer ms), one cold load. "Answered": the log-scale box is ticked as soon as Playwright sees interactive,
    and the page has written it to its address; the page's own answer is the part of that from the press on."""
    context = new_context(browser)
    page = context.new_page()
    page.add_init_script(RECORD_START)
    page.add_init_script(RECORD_ANSWER)
    page.goto(url)
    page.wait_for_selector(
        "html[data-app-state=interactive], html[data-app-state=ready]", state="attached", timeout=READY_TIMEOUT_MS
    )
    page.get_by_label("Log scale for the cost", exact=True).check()
    page.wait_for_function("() => location.search.includes('log_scale=true')", timeout=READY_TIMEOUT_MS)
    answered = page.evaluate("() => performance.now()")
    wait_ready(page)
    states, tasks, answer = page.evaluate("() => [window.__states, window.__longTasks, window.__answer]")
    context.close()
    interactive = states.get("interactive", states["ready"])
    longest = max([task["duration"] for task in tasks if task["start"] >= interactive] or [0])
    return interactive / 1000, answered / 1000, states["ready"] / 1000, longest, answer["written"] - answer["pressed"]


def bare_ready(browser, url):
    context = new_context(browser)
    page = context.new_page()
    page.add_init_script(RECORD_START)
    page.goto(url + "bench/bare/")
    wait_ready(page)
    ready = page.evaluate("() => window.__states.ready")
    context.close()
    return ready / 1000


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
        state = page.evaluate(
            "() => [document.documentElement.dataset.offline, document.documentElement.dataset.offlineReason]"
        )
        if state[0] != "ready":
            raise RuntimeError(f"the page was not saved for offline use: {state[1]}")
    started = time.perf_counter()
    page.reload()
    wait_ready(page)
    repeat = time.perf_counter() - started
    context.close()
    return first, repeat


def visit_pairs(browser, url, service_workers, runs):
    pairs = [first_and_repeat_visit(browser, url, service_workers) for _ in range(runs)]
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


def print_visit_pairs(browser, url, where, runs):
    for service_workers, how in (("allow", "service worker (sw.js)"), ("block", "HTTP cache only")):
        first, repeat = visit_pairs(browser, url, service_workers, runs)
        print(
            f"first vs repeat visit to ready, {where}, {how}: first {summary(first)}; repeat {summary(repeat)}; "
            f"repeat / first {statistics.median(repeat) / statistics.median(first):.2f}x (medians)",
            flush=True,
        )


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
    page.evaluate("""() => {
        window.__longTasks = [];
        new PerformanceObserver(list => window.__longTasks.push(...list.getEntries().map(
            task => ({start: task.startTime, duration: task.duration})))).observe({type: "longtask"});
    }""")
    page.get_by_role("button", name="Train", exact=True).click()
    started = page.evaluate("() => performance.now()")
    page.wait_for_function("t => performance.now() > t", arg=started + WARM_UP_MS, polling=100)
    t0, steps0 = page_clock_and_steps(page, step_readout)
    page.wait_for_function("t => performance.now() > t", arg=t0 + MEASURE_MS, polling=100)
    t1, steps1 = page_clock_and_steps(page, step_readout)
    readout = page.get_by_label("Steps per second", exact=True).inner_text()
    frames = page.evaluate("([t0, t1]) => window.__frameTimes.filter(t => t >= t0 && t <= t1)", [t0, t1])
    tasks = page.evaluate("t0 => window.__longTasks.filter(task => task.start >= t0)", started)
    page.get_by_role("button", name="Pause", exact=True).click()
    context.close()
    intervals = [b - a for a, b in zip(frames, frames[1:])]
    return {
        "steps_per_s": (steps1 - steps0) / ((t1 - t0) / 1000),
        "readout": readout,
        "seconds": (t1 - t0) / 1000,
        "steps": steps1 - steps0,
        "intervals": intervals,
        "long_tasks": tasks,
    }


# Every animation frame's time and every long task's duration, from now on.
RECORD_FRAMES_AND_LONG_TASKS = """() => {
    window.__frameTimes = []; window.__longTasks = [];
    const record = t => { window.__frameTimes.push(t); requestAnimationFrame(record); };
    requestAnimationFrame(record);
    new PerformanceObserver(list => window.__longTasks.push(...list.getEntries().map(
        task => task.duration))).observe({type: "longtask"});
}"""


def notebook_figures(browser, url, n_h):
    """(ms from a click on the Notebook tab to the whole view written, frame interval p95 ms and long tasks
    while training at top speed with the view open) for a 2-n_h-1 network."""
    context, page, _ = open_ready(browser, url + f"?n_h={n_h}&speed=1000")
    shown = page.evaluate("""() => new Promise(resolve => {
        const at = document.getElementById("notebook-at");
        const started = performance.now();
        new MutationObserver(() => resolve(performance.now() - started)).observe(at, {childList: true});
        document.getElementById("tab-notebook").click();
    })""")
    page.evaluate(RECORD_FRAMES_AND_LONG_TASKS)
    page.get_by_role("button", name="Train", exact=True).click()
    started = page.evaluate("() => performance.now()")
    page.wait_for_function("t => performance.now() > t", arg=started + WARM_UP_MS + MEASURE_MS, polling=100)
    frames = page.evaluate("t0 => window.__frameTimes.filter(t => t >= t0)", started + WARM_UP_MS)
    tasks = page.evaluate("() => window.__longTasks")
    page.get_by_role("button", name="Pause", exact=True).click()
    context.close()
    intervals = [b - a for a, b in zip(frames, frames[1:])]
    return shown, percentile(intervals, 0.95), tasks


def sweep_figures(browser, url):
    """Many seeds, 1,000 networks x 1,000 steps of the default settings in the page: (seconds from Run to done,
    the longest main-thread task meanwhile in ms, frames per second meanwhile), then the cost landscape: the ms
    from a Step to the landscape drawn for it."""
    context, page, _ = open_ready(browser, url + "?view=sweep&sweep_count=1000&sweep_steps=1000")
    page.evaluate(RECORD_FRAMES_AND_LONG_TASKS)
    started = page.evaluate("() => performance.now()")
    page.get_by_role("button", name="Run", exact=True).click()
    page.wait_for_function(
        "() => document.getElementById('sweep-shares').textContent.startsWith('Done')",
        timeout=READY_TIMEOUT_MS,
        polling=50,
    )
    ended = page.evaluate("() => performance.now()")
    frames = page.evaluate("([a, b]) => window.__frameTimes.filter(t => t >= a && t <= b)", [started, ended])
    tasks = page.evaluate("() => window.__longTasks")
    page.get_by_role("tab", name="Lab", exact=True).click()
    page.wait_for_selector("#landscape-status:has-text('At step 0')", timeout=READY_TIMEOUT_MS)
    landscape = page.evaluate("""() => new Promise(resolve => {
        const status = document.getElementById("landscape-status");
        const started = performance.now();
        new MutationObserver(() => status.textContent.startsWith("At step 1.") && resolve(performance.now() - started))
            .observe(status, {childList: true, characterData: true, subtree: true});
        document.getElementById("step").click();
    })""")
    context.close()
    seconds = (ended - started) / 1000
    return seconds, max(tasks or [0]), len(frames) / seconds, landscape


def exercise_figures(browser, url):
    """The Exercises view: (seconds from a click on its tab to the student's Python ready, on a page already ready;
    ms from Check to the 8 rows shown for the reference backward pass, on all the networks; the median of 3)."""
    import exercises

    context, page, _ = open_ready(browser, url)
    started = time.perf_counter()
    page.get_by_role("tab", name="Exercises", exact=True).click()
    page.wait_for_function(
        "() => document.getElementById('exercise-status').textContent.startsWith('Ready')",
        timeout=READY_TIMEOUT_MS,
        polling=50,
    )
    opened = time.perf_counter() - started
    page.get_by_label("Exercise", exact=True).select_option("backward")
    page.get_by_role("textbox", name="Your code").fill(exercises.get("backward").SOLUTION)
    checks = []
    for _ in range(3):
        checks.append(
            page.evaluate("""() => new Promise(resolve => {
            const results = document.getElementById("exercise-results");
            const started = performance.now();
            const seen = new MutationObserver(() => {
                if (!results.textContent.includes("8 of 8 right")) return;
                seen.disconnect();
                resolve(performance.now() - started);
            });
            results.replaceChildren();
            seen.observe(results, {childList: true, subtree: true});
            document.getElementById("exercise-check").click();
        })""")
        )
    context.close()
    return opened, statistics.median(checks)


def cpython_batch_seconds():
    """The same 1,000 x 1,000 sweep as bare backprop.Batch in CPython (median of 3)."""
    from backprop import Batch

    times = []
    for _ in range(3):
        started = time.perf_counter()
        Batch(None, range(1000)).train(1000)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cpython_steps_per_s():
    rates = []
    for _ in range(CPYTHON_REPEATS):
        run = Run()
        started = time.perf_counter()
        run.train(CPYTHON_STEPS)
        rates.append(CPYTHON_STEPS / (time.perf_counter() - started))
    return statistics.median(rates)


def pyodide_steps_per_s():
    out = subprocess.run(
        ["node", str(ROOT / "bench" / "pyodide_speed.mjs"), str(CPYTHON_STEPS), str(CPYTHON_REPEATS)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def setup_noop_time():
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "tools" / "setup_runtime.py")], check=True, capture_output=True)
    return time.perf_counter() - started


def median_ratio(a, b):
    return statistics.median(a) / statistics.median(b)


def part_setup(runs, **_):
    print(f"runtime setup, no-op run: {summary([setup_noop_time() for _ in range(runs)])}", flush=True)


def part_startup(browser, url, runs, **_):
    results = [start_up(browser, url) for _ in range(runs)]
    bare = [bare_ready(browser, url) for _ in range(runs)]
    interactive, answered, ready, longest, own = ([run[k] for run in results] for k in range(5))
    print(f"navigation to interactive (MicroPython page answers), cold cache: {summary(interactive)}")
    print(
        f"navigation to a settings change shown in the address: {summary(answered)}; of which the page's own answer, "
        f"from the press to the address written: {summary(own, 'ms', 0)} (the rest is Playwright noticing "
        "interactive and checking the box is clickable)"
    )
    print(f"navigation to ready (the model's worker runs NumPy): {summary(ready)}")
    print(
        f"bare page starting the same Pyodide + NumPy worker (bench/bare/), to ready: {summary(bare)}; "
        f"lab ready / bare ready: {median_ratio(ready, bare):.2f}x"
    )
    print(f"longest main-thread task from interactive to ready: {summary(longest, 'ms', 0)}", flush=True)
    dist = peers.tfplayground_dist()
    if dist is None:
        return
    server, tfp_url = serve.start(dist)
    loads = [peers.tfplayground_load_and_play(browser, tfp_url) for _ in range(runs)]
    server.shutdown()
    server.server_close()
    load, play = [run[0] for run in loads], [run[1] for run in loads]
    print(
        f"TensorFlow Playground ({dist}) from loopback, every request leaving loopback aborted (its Google Fonts "
        f"and analytics): load event {summary(load)}; load, then play clicked and playing: {summary(play)}"
    )
    print(
        f"lab's settings change in the address / TensorFlow Playground's load and play: "
        f"{median_ratio(answered, play):.2f}x",
        flush=True,
    )


def language_start(browser, url):
    """(first contentful paint, interactive, ready) in seconds, one cold load of url."""
    context = new_context(browser)
    page = context.new_page()
    page.add_init_script(RECORD_START)
    page.goto(url)
    wait_ready(page)
    states, paint = page.evaluate(
        "() => [window.__states, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN]"
    )
    context.close()
    return paint / 1000, states.get("interactive", states["ready"]) / 1000, states["ready"] / 1000


def part_languages(browser, url, runs, **_):
    english, german = [], []
    for _ in range(runs):  # alternating, so that the machine's drift falls on both
        english.append(language_start(browser, url))
        german.append(language_start(browser, url + "?lang=de"))
    for k, what in enumerate(("first contentful paint", "interactive", "ready")):
        en, de = [run[k] for run in english], [run[k] for run in german]
        print(f"{what}: English {summary(en)}, German {summary(de)}; German / English {median_ratio(de, en):.2f}x")
    print("", flush=True)


def part_visits(browser, url, runs, **_):
    print_visit_pairs(browser, url, "loopback", runs)
    slow_server, slow_url = start_slow_server(SlowLink(SLOW_RATE, SLOW_LATENCY_S))
    link = f"{SLOW_RATE * 8 / 1e6:g} Mbit/s and {SLOW_LATENCY_S * 1000:g} ms per request"
    print_visit_pairs(browser, slow_url, link, runs)
    slow_server.shutdown()
    slow_server.server_close()


def part_training(browser, url, runs, **_):
    trainings = [training_figures(browser, url) for _ in range(runs)]
    rates = [training["steps_per_s"] for training in trainings]
    p95s = [percentile(training["intervals"], 0.95) for training in trainings if training["intervals"]]
    long_tasks = [task["duration"] for training in trainings for task in training["long_tasks"]]
    last = trainings[-1]
    print(
        f"page training at 1000 steps per frame, {MEASURE_MS / 1000:g} s of the page's clock after "
        f"{WARM_UP_MS / 1000:g} s of warm-up: {summary(rates, 'steps/s', 0)}; the page's 'Steps per second' "
        f"readout (last load): {last['readout']}"
    )
    if p95s:
        print(f"frame interval p95 while training: {summary(p95s, 'ms', 1)}")
    print(
        f"long tasks (> 50 ms) on the main thread while training, all loads: {len(long_tasks)}"
        + (f", longest {max(long_tasks):.0f} ms" if long_tasks else ""),
        flush=True,
    )
    if peers.bare_model_present():
        bare = [
            peers.bare_model(
                browser,
                url,
                f"mode=train&seconds={MEASURE_MS / 1000:g}&warm_up={WARM_UP_MS / 1000:g}",
                READY_TIMEOUT_MS,
            )
            for _ in range(runs)
        ]
        bare_rates = [result["steps_per_s"] for result, _ in bare]
        bare_p95s = [percentile(intervals, 0.95) for _, intervals in bare if intervals]
        print(
            f"bare model page ({peers.BARE_MODEL_PAGE}), its worker doing nothing but Run.train: "
            f"{summary(bare_rates, 'steps/s', 0)}"
            + (f", frame interval p95 {summary(bare_p95s, 'ms', 1)}" if bare_p95s else "")
            + f"; page / bare: {median_ratio(rates, bare_rates):.2f}x"
        )
    else:
        print(f"bare page missing ({peers.BARE_MODEL_PAGE}): no in-browser training ceiling", flush=True)
    cpython = cpython_steps_per_s()
    print(
        f"CPython {sys.version.split()[0]}, backprop.Run().train({CPYTHON_STEPS}): {cpython:,.0f} steps/s "
        f"(median of {CPYTHON_REPEATS}); page / CPython: {statistics.median(rates) / cpython:.2f}"
    )
    pyodide = pyodide_steps_per_s()
    print(
        f"Pyodide 0.27.7 under Node, backprop.Run().train({CPYTHON_STEPS}): {pyodide:,.0f} steps/s (median of "
        f"{CPYTHON_REPEATS}); page / Pyodide under Node: {statistics.median(rates) / pyodide:.2f}, "
        f"Pyodide / CPython: {pyodide / cpython:.2f}",
        flush=True,
    )


def part_pictures(browser, url, runs, **_):
    rows = {}
    for pictures in ("true", "false"):
        trainings = [training_figures(browser, f"{url}?n_h=16&pictures={pictures}") for _ in range(runs)]
        rates = [training["steps_per_s"] for training in trainings]
        p95s = [percentile(training["intervals"], 0.95) for training in trainings if training["intervals"]]
        longest = max((task["duration"] for training in trainings for task in training["long_tasks"]), default=0)
        rows[pictures] = rates
        print(
            f"n_h 16, unit pictures {'on' if pictures == 'true' else 'off'}, 1000 steps per frame: "
            f"{summary(rates, 'steps/s', 0)}, frame interval p95 {summary(p95s, 'ms', 1)}, "
            f"longest main-thread task {longest:.0f} ms",
            flush=True,
        )
    print(f"training with pictures / without: {median_ratio(rows['true'], rows['false']):.2f}x", flush=True)


POINTS_QUERY = "data=spiral&data_size=500&train_percent=90&noise=10&n_h=8&learning_rate=1"


def cpython_points_steps_per_s():
    """CPython's Run on the page's 500-point spiral (450 training points), steps per second."""
    config = Config.from_dict(dict(urllib.parse.parse_qsl(POINTS_QUERY)))
    rates = []
    for _ in range(CPYTHON_REPEATS):
        run = Run(config)
        started = time.perf_counter()
        run.train(CPYTHON_STEPS // 10)
        rates.append(CPYTHON_STEPS // 10 / (time.perf_counter() - started))
    return statistics.median(rates)


def part_points(browser, url, runs, **_):
    trainings = [training_figures(browser, f"{url}?{POINTS_QUERY}") for _ in range(runs)]
    rates = [training["steps_per_s"] for training in trainings]
    p95s = [percentile(training["intervals"], 0.95) for training in trainings if training["intervals"]]
    tasks = [task["duration"] for training in trainings for task in training["long_tasks"]]
    cpython = cpython_points_steps_per_s()
    print(
        f"500 points ({POINTS_QUERY}), the decision surface and unit pictures redrawn, 1000 steps per frame: "
        f"{summary(rates, 'steps/s', 0)}, frame interval p95 {summary(p95s, 'ms', 1)}, main-thread tasks over "
        f"50 ms: {len(tasks)}"
        + (f" (longest {max(tasks):.0f} ms)" if tasks else "")
        + f"; CPython's Run on the same data: {cpython:,.0f} steps/s; page / CPython: "
        f"{statistics.median(rates) / cpython:.2f}",
        flush=True,
    )


def part_sweep(browser, url, runs, **_):
    sweeps = [sweep_figures(browser, url) for _ in range(runs)]
    seconds, longest, fps, landscape = ([sweep[k] for sweep in sweeps] for k in range(4))
    batch = cpython_batch_seconds()
    print(
        f"Many seeds, 1,000 networks x 1,000 steps in the page, Run to done: {summary(seconds)}; meanwhile "
        f"{summary(fps, 'frames/s', 0)}, longest main-thread task {summary(longest, 'ms', 0)}"
    )
    print(
        f"bare backprop.Batch in CPython: {batch:.2f} s (median of 3); "
        f"page / CPython {statistics.median(seconds) / batch:.2f}x"
    )
    if peers.bare_model_present():
        bare = [
            peers.bare_model(browser, url, "mode=batch&count=1000&steps=1000", READY_TIMEOUT_MS) for _ in range(runs)
        ]
        worker = [result["seconds"] for result, _ in bare]
        call = [result["call_seconds"] for result, _ in bare]
        print(
            f"bare model page ({peers.BARE_MODEL_PAGE}) running the same Batch in its worker: {summary(worker)} "
            f"(the worker's clock; the page's wait, messages included: {summary(call)}); page / bare: "
            f"{median_ratio(seconds, worker):.2f}x"
        )
    else:
        print(f"bare page missing ({peers.BARE_MODEL_PAGE}): no in-browser Batch to compare with")
    print(
        f"cost landscape (64 x 64 grid) from Step to drawn: {summary(landscape, 'ms', 0)} "
        f"(the grid against one forward pass: bench/bench_sweep.py)",
        flush=True,
    )


def part_exercises(browser, url, **_):
    exercise_open, exercise_check = exercise_figures(browser, url)
    print(
        f"Exercises view: tab click to the student's Python ready (a second Pyodide + NumPy worker) "
        f"{exercise_open:.2f} s; Check of the reference backward pass on all 5 networks, click to 8 rows "
        f"shown: {exercise_check:.0f} ms (median of 3)",
        flush=True,
    )


def part_notebook(browser, url, **_):
    for n_h in (2, 16):
        shown, p95, tasks = notebook_figures(browser, url, n_h)
        print(
            f"notebook view, n_h = {n_h}: tab click to the whole view written {shown:.0f} ms; while training "
            f"at top speed with it open, frame interval p95 {p95:.1f} ms, {len(tasks)} long task(s)"
            + (f", longest {max(tasks):.0f} ms" if tasks else ""),
            flush=True,
        )


def open_exercises(browser, url):
    _, page, _ = open_ready(browser, url)
    page.get_by_role("tab", name="Exercises", exact=True).click()
    page.wait_for_function(
        "() => document.getElementById('exercise-status').textContent.startsWith('Ready')",
        timeout=READY_TIMEOUT_MS,
        polling=50,
    )


def part_memory(playwright, url, runs, **_):
    """The whole browser's resident memory (one new browser per figure, each process's RSS summed; shared pages
    count once per process), RUNS each, after the page settles for peers.SETTLE_S."""

    def launch():
        return chromium.launch(playwright)

    def blank(browser):
        browser.new_page().goto("about:blank")

    def tfplayground(browser):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        peers.loopback_only(context)
        context.new_page().goto(tfp_url, wait_until="load")

    cases = [("an empty tab", blank)]
    dist = peers.tfplayground_dist()
    if dist is not None:
        tfp_server, tfp_url = serve.start(dist)
        cases.append(("TensorFlow Playground (outside requests aborted)", tfplayground))
    cases += [
        ("the Lab at ready", lambda browser: open_ready(browser, url)),
        ("the Lab with the Exercises open", lambda browser: open_exercises(browser, url)),
    ]
    figures = {}
    for name, action in cases:
        figures[name] = [peers.resident_after(action, launch) for _ in range(runs)]
    if dist is not None:
        tfp_server.shutdown()
        tfp_server.server_close()
    base_name = cases[1][0] if dist is not None else cases[0][0]
    base = statistics.median(figures[base_name])
    for name, values in figures.items():
        print(
            f"browser resident memory (sum of RSS of its processes), {name}: {summary(values, 'MB', 0)}"
            + (f"; {statistics.median(values) - base:+.0f} MB against {base_name}" if name != base_name else ""),
            flush=True,
        )


def part_lighthouse(url, runs, **_):
    command = peers.lighthouse_command()
    if command is None:
        print("Lighthouse: not installed (set LIGHTHOUSE to its binary or folder, or install it for npx); skipped")
        return
    sites = [("the lab", url)]
    dist = peers.tfplayground_dist()
    if dist is not None:
        tfp_server, tfp_url = serve.start(dist)
        sites.append(("TensorFlow Playground (outside hosts blocked)", tfp_url))
    for preset in ("desktop", "mobile"):
        for name, site in sites:
            try:
                scores = peers.format_lighthouse([peers.lighthouse(command, site, preset) for _ in range(runs)])
            except (OSError, ValueError, KeyError, subprocess.SubprocessError) as error:
                scores = f"failed ({error})"
            print(f"Lighthouse 12, {preset} preset, {name}: {scores}", flush=True)
    if dist is not None:
        tfp_server.shutdown()
        tfp_server.server_close()


BROWSER_PARTS = {
    "startup": part_startup,
    "visits": part_visits,
    "training": part_training,
    "sweep": part_sweep,
    "pictures": part_pictures,
    "points": part_points,
    "exercises": part_exercises,
    "notebook": part_notebook,
    "languages": part_languages,
}
PARTS = ["setup", *BROWSER_PARTS, "memory", "lighthouse"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=PARTS, default=PARTS, help="the parts to run (all by default)")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"loads per figure (default {RUNS})")
    args = parser.parse_args()
    server, url = serve.start(ROOT)
    with sync_playwright() as playwright:
        for part in args.only:
            try:
                if part in BROWSER_PARTS:
                    browser = chromium.launch(playwright)
                    try:
                        BROWSER_PARTS[part](browser=browser, url=url, runs=args.runs)
                    finally:
                        browser.close()
                else:
                    {"setup": part_setup, "memory": part_memory, "lighthouse": part_lighthouse}[part](
                        playwright=playwright, url=url, runs=args.runs
                    )
            except Exception as error:  # a figure missing is printed, never a failed build
                print(f"{part}: not measured ({type(error).__name__}: {error})", flush=True)
    server.shutdown()


if __name__ == "__main__":
    main()
