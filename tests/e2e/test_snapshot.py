"""The workers' Pyodide from a memory snapshot (static/js/pyodide-snapshot.mjs): the first load in a browser makes
the snapshot and keeps it in Cache Storage, the next load restores it and the lab still reaches ready and trains;
a snapshot that does not restore (here: of another Pyodide build) is replaced and the lab starts as on a first
visit. The module tells how its worker started in the worker's globalThis.pyodideSnapshot."""

from labpage import button, expect_ready, readout, step_count, wait_for_step_at_least
from playwright.sync_api import expect

EXERCISE_READY = "Ready: press Run to run your code, Check to check it."

# The snapshot, once the worker has stored it: its length and its build id (bytes 16-48 of Pyodide's header).
STORED_SNAPSHOT_JS = """async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith("pyodide-snapshot "));
  if (names.length !== 1) return null;
  const cache = await caches.open(names[0]);
  const [key] = await cache.keys();
  const hit = key && (await cache.match(key));
  if (!hit) return null;
  const bytes = new Uint8Array(await hit.arrayBuffer());
  return { length: bytes.length, buildId: Array.from(bytes.subarray(16, 48)).join(",") };
}"""

# The stored snapshot with another build id, as one made by another Pyodide would be.
OTHER_BUILD_JS = """async () => {
  const [name] = (await caches.keys()).filter((name) => name.startsWith("pyodide-snapshot "));
  const cache = await caches.open(name);
  const [key] = await cache.keys();
  const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
  for (let i = 16; i < 48; i += 1) bytes[i] ^= 0xff;
  await cache.put(key, new Response(bytes));
}"""


def worker_starts(page):
    """How the page's Pyodide workers started: "restored", "made" or "none" each."""
    starts = [worker.evaluate("() => globalThis.pyodideSnapshot ?? null") for worker in page.workers]
    return [start for start in starts if start is not None]


def stored_snapshot(page):
    """The snapshot the worker keeps, once the cache holds it."""
    page.wait_for_function(f"async () => ({STORED_SNAPSHOT_JS})() .then((found) => found !== null)", timeout=30_000)
    return page.evaluate(STORED_SNAPSHOT_JS)


def test_a_second_load_restores_the_snapshot_and_a_bad_one_is_replaced(page, site_url):
    page.goto(site_url)
    expect_ready(page)
    assert worker_starts(page) == ["made"]
    made = stored_snapshot(page)
    assert made["length"] > 10_000_000, made["length"]

    page.reload()
    expect_ready(page)
    assert worker_starts(page) == ["restored"]
    start = step_count(page)
    button(page, "Train").click()
    wait_for_step_at_least(page, start + 100)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")
    # The exercises' worker (the view may have started more than one) restores the same snapshot.
    page.get_by_role("tab", name="Exercises").click()
    expect(page.locator("#exercise-status")).to_have_text(EXERCISE_READY, timeout=90_000)
    starts = worker_starts(page)
    assert len(starts) >= 2 and set(starts) == {"restored"}, starts

    page.evaluate(OTHER_BUILD_JS)
    assert stored_snapshot(page)["buildId"] != made["buildId"]
    page.goto(site_url)  # the Lab view: the model's worker alone
    expect_ready(page)
    assert worker_starts(page) == ["made"]
    page.wait_for_function(
        f"async (buildId) => ({STORED_SNAPSHOT_JS})().then((found) => found?.buildId === buildId)",
        arg=made["buildId"],
        timeout=30_000,
    )
