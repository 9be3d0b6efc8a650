"""No long main-thread task (issue 18, part 4): from the first paint until the model is ready, on opening each
view, on an export and on an import. The tasks are the browser's own long-task entries (page_probes.RECORD_START).
Only bounds here: the figures (and the 50 ms aim, measured alone) are `make bench`'s."""

import pytest
from guard import PageGuard
from labpage import button, expect_ready, field, readout
from playwright.sync_api import expect

from page_probes import RECORD_START

# The aim is 50 ms; here other tests' browsers share the machine's 2 cores, so a task is long above this.
LONG_TASK_MS = 150
STARTS = 3  # cold starts in one test: a long task at start came and went from one load to the next
EXERCISE_TIMEOUT_MS = 90_000  # the Exercises' second Pyodide starting beside the model's


def long_tasks(page, since, until=None):
    """The long tasks (start, duration ms) that ran after performance.now() `since` (and began before `until`)."""
    tasks = page.evaluate("() => window.__longTasks")
    return [
        (round(task["start"]), round(task["duration"]))
        for task in tasks
        if task["duration"] > LONG_TASK_MS
        and task["start"] + task["duration"] > since
        and (until is None or task["start"] < until)
    ]


def now(page):
    return page.evaluate("() => performance.now()")


def settled(page):
    """Now, after two frames and a quiet moment: the tasks the last action started have run and been recorded."""
    page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))")
    page.wait_for_timeout(300)
    return now(page)


def test_no_long_task_from_first_paint_to_ready(browser, site_url):
    found = []
    for _ in range(STARTS):
        context = browser.new_context()  # a cold start each time: nothing in the HTTP cache
        page = context.new_page()
        guard = PageGuard(page, site_url.rstrip("/"))
        page.add_init_script(RECORD_START)
        page.goto(site_url)
        expect_ready(page)
        first_paint, ready = page.evaluate(
            "() => [performance.getEntriesByName('first-paint')[0].startTime, window.__states.ready]"
        )
        found.append(long_tasks(page, first_paint, ready))
        problems = guard.problems(page)
        context.close()
        assert not problems, problems
    assert found == [[]] * STARTS, found


@pytest.mark.parametrize(
    ("tab", "opened"),
    [
        ("Notebook", "#notebook .nb-section:last-child .nb-body:not(:empty)"),
        ("Many seeds", "#sweep-run:enabled"),
    ],
)
def test_no_long_task_on_opening_a_view(shared_page, tab, opened):
    page = shared_page.open(init_script=RECORD_START)  # one page: each view is opened on it for the first time
    settled(page)
    since = now(page)
    page.get_by_role("tab", name=tab).click()
    expect(page.locator(opened).first).to_be_attached(timeout=30_000)
    settled(page)
    assert long_tasks(page, since) == []


def test_no_long_task_on_opening_the_exercises(shared_page):
    page = shared_page.open(init_script=RECORD_START)
    settled(page)
    since = now(page)
    page.get_by_role("tab", name="Exercises").click()
    expect(page.get_by_role("textbox", name="Your code")).to_be_visible(timeout=30_000)
    expect(page.locator("#exercise-status")).to_have_text(
        "Ready: press Run to run your code, Check to check it.", timeout=EXERCISE_TIMEOUT_MS
    )
    settled(page)
    assert long_tasks(page, since) == []


def test_no_long_task_on_export_and_import(shared_page, tmp_path):
    page = shared_page.open(init_script=RECORD_START)
    page.get_by_role("tab", name="Lab").click()  # the tests before left another view open
    button(page, "Reset").click()
    expect(readout(page, "Step")).to_have_text("0")
    button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("1")
    settled(page)
    since = now(page)
    with page.expect_download() as info:
        button(page, "Run (.json)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert long_tasks(page, since, settled(page)) == [], "on export"

    button(page, "Reset").click()
    expect(readout(page, "Step")).to_have_text("0")
    since = settled(page)
    field(page, "Saved run (.json)").set_input_files(str(path))
    expect(readout(page, "Step")).to_have_text("1")
    assert long_tasks(page, since, settled(page)) == [], "on import"
