"""What `make bench` compares the page with in the same run: TensorFlow Playground served from loopback
(TFPLAYGROUND_DIST, a built copy of github.com/tensorflow/playground), the whole browser's resident memory,
Lighthouse 12 (when installed: LIGHTHOUSE, else `npx --no-install lighthouse`), and the bare worker pages
(bench/bare/)."""

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TFPLAYGROUND_DIST = "/root/tfplayground/dist"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
# TensorFlow Playground's page asks for Google Fonts and Google Analytics; Lighthouse blocks the same hosts.
OUTSIDE_PATTERNS = ["*fonts.googleapis.com*", "*fonts.gstatic.com*", "*google-analytics.com*", "*googletagmanager.com*"]
SETTLE_S = 2.0


def tfplayground_dist():
    """The built TensorFlow Playground folder, or None (with the reason printed) when there is none."""
    dist = Path(os.environ.get("TFPLAYGROUND_DIST", DEFAULT_TFPLAYGROUND_DIST))
    if (dist / "index.html").exists():
        return dist
    print(
        f"TensorFlow Playground: no build at {dist} (set TFPLAYGROUND_DIST; docs/building.md says how to build one); "
        "its figures skipped"
    )
    return None


def loopback_only(context):
    """Abort every request that leaves loopback, so a page asking outside hosts still gets its load event."""

    def route(route):
        host = route.request.url.split("/")[2].rsplit(":", 1)[0] if "://" in route.request.url else ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOOPBACK_HOSTS:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)


def tfplayground_load_and_play(browser, url):
    """(load event s, play clicked and playing s) from navigation, one cold load, outside hosts aborted."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    loopback_only(context)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.click("#play-pause-button")
    page.wait_for_selector("#play-pause-button.playing", state="attached")
    playing, load = page.evaluate(
        "() => [performance.now(), performance.getEntriesByType('navigation')[0].loadEventEnd]"
    )
    context.close()
    return load / 1000, playing / 1000


# --- the whole browser's resident memory -------------------------------------------------------------------


def _processes():
    """{pid: (parent pid, name, resident bytes)} from /proc."""
    found = {}
    page_size = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            resident = int((entry / "statm").read_text().split()[1]) * page_size
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        found[int(entry.name)] = (parent, name, resident)
    return found


def browser_resident_mb():
    """The sum of the resident memory of every Chromium process started (through Playwright's driver) by this
    process: the browser, its zygotes, renderers, GPU and utility processes; MB."""
    processes = _processes()
    children = {}
    for pid, (parent, _, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        _, name, resident = processes[pid]
        if "chrom" in name.lower():
            total += resident
    return total / 1e6


def resident_after(page_action, launch):
    """Launch a browser, run page_action(browser) (which opens what is measured), let it settle, sum its RSS."""
    browser = launch()
    try:
        page_action(browser)
        time.sleep(SETTLE_S)
        return browser_resident_mb()
    finally:
        browser.close()


# --- Lighthouse ----------------------------------------------------------------------------------------------


def lighthouse_command():
    """The command that runs Lighthouse 12, or None: LIGHTHOUSE (its binary, or a folder holding
    node_modules/.bin/lighthouse), else `npx --no-install lighthouse` when that answers."""
    chosen = os.environ.get("LIGHTHOUSE")
    if chosen:
        path = Path(chosen)
        if path.is_dir():
            path = path / "node_modules" / ".bin" / "lighthouse"
        return [str(path)] if path.exists() else None
    if not shutil.which("npx"):
        return None
    try:
        done = subprocess.run(
            ["npx", "--no-install", "lighthouse", "--version"], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return ["npx", "--no-install", "lighthouse"] if done.returncode == 0 else None


def lighthouse(command, url, preset):
    """{'performance', 'accessibility', 'best-practices', 'seo': score 0..100, 'tbt': ms, 'longest': ms}."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        args = [
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox",
            *([f"--blocked-url-patterns={pattern}" for pattern in OUTSIDE_PATTERNS]),
        ]
        if preset == "desktop":
            args.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(command + args, env=env, capture_output=True, text=True, timeout=600)
        result = json.loads(report.read_text())
    scores = {name: round(100 * (category["score"] or 0)) for name, category in result["categories"].items()}
    audits = result["audits"]
    scores["tbt"] = audits["total-blocking-time"].get("numericValue", 0)
    tasks = (audits.get("long-tasks", {}).get("details") or {}).get("items", [])
    scores["longest"] = max([task.get("duration", 0) for task in tasks] or [0])
    return scores


def format_lighthouse(runs):
    """The runs' scores, each as min–median–max (one figure when all runs agree)."""

    def spread(key, unit=""):
        values = sorted(run[key] for run in runs)
        if values[0] == values[-1]:
            return f"{values[0]:.0f}{unit}"
        return f"{values[0]:.0f} – {statistics.median(values):.0f} – {values[-1]:.0f}{unit}"

    return (
        f"performance {spread('performance')}, accessibility {spread('accessibility')}, best practices "
        f"{spread('best-practices')}, SEO {spread('seo')}; TBT {spread('tbt', ' ms')}, longest task "
        f"{spread('longest', ' ms')} (min–median–max of {len(runs)} runs)"
    )


# --- the bare worker pages -------------------------------------------------------------------------------------


BARE_MODEL_PAGE = "bench/bare/model.html"
# Every animation frame's time from the document's start.
RECORD_FRAMES = """
window.__frameTimes = [];
const record = t => { window.__frameTimes.push(t); requestAnimationFrame(record); };
requestAnimationFrame(record);
"""


def bare_model_present():
    return (ROOT / BARE_MODEL_PAGE).exists()


def bare_model(browser, url, query, timeout_ms):
    """Load the bare model page with query (e.g. "mode=train&seconds=4"): (its #result figures, the frame intervals
    in ms between ready and done)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = context.new_page()
    page.add_init_script(RECORD_FRAMES)
    page.goto(f"{url}{BARE_MODEL_PAGE}?{query}")
    page.wait_for_selector(
        "html[data-app-state=ready], html[data-app-state=done]", state="attached", timeout=timeout_ms
    )
    ready = page.evaluate("() => performance.now()")
    page.wait_for_selector("html[data-app-state=done]", state="attached", timeout=timeout_ms)
    result = json.loads(page.inner_text("#result"))
    frames = page.evaluate("t => window.__frameTimes.filter(f => f >= t)", ready)
    context.close()
    return result, [b - a for a, b in zip(frames, frames[1:])]
