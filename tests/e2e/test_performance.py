"""The page stays responsive while it trains at its top speed: no task blocks the main thread over 50 ms."""

from labpage import button, field, readout, step_count
from playwright.sync_api import expect

TRAINING_MS = 3000
LONG_TASK_MS = 50


def test_no_long_task_during_3_s_of_training_at_top_speed(ready_page):
    page = ready_page
    speed = field(page, "Speed")
    speed.press("End")  # the slider's maximum
    expect(page.get_by_text("1000 steps per frame", exact=True)).to_be_visible()

    page.evaluate("""() => {
        window.__longTasks = [];
        window.__longTaskObserver = new PerformanceObserver(list => window.__longTasks.push(...list.getEntries()));
        window.__longTaskObserver.observe({type: "longtask", buffered: true});
    }""")
    t0 = page.evaluate("() => performance.now()")
    button(page, "Train").click()
    expect(readout(page, "Status")).to_have_text("training")
    page.wait_for_function("t0 => performance.now() > t0 + %d" % TRAINING_MS, arg=t0, polling=100)
    tasks = page.evaluate(
        """t0 => {
        window.__longTasks.push(...window.__longTaskObserver.takeRecords());
        return window.__longTasks.filter(task => task.startTime >= t0)
            .map(task => ({start: Math.round(task.startTime - t0), duration: Math.round(task.duration)}));
    }""",
        t0,
    )
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")

    assert step_count(page) > 1000, "the page hardly trained in 3 s at its top speed"
    long = [task for task in tasks if task["duration"] > LONG_TASK_MS]
    assert not long, (
        f"{len(long)} task(s) over {LONG_TASK_MS} ms in {TRAINING_MS} ms of training "
        f"(ms after Train was pressed: start/duration): {long}"
    )
