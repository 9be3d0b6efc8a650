"""Start-up in two stages: the page answers (settings, links, keyboard) while the model's worker is still
loading Python and NumPy, applies what the student did once the worker is ready, and never blocks the main
thread meanwhile; Pause at top speed takes effect within a frame or two."""

import re

import e2e_reference as reference
from labpage import button, expect_cost, expect_ready, field, readout, wait_for_step_at_least
from playwright.sync_api import expect

from page_probes import RECORD_START

LONG_TASK_MS = 50
PAUSE_FRAMES = 3  # frames from the click on Pause to the status "paused" (one slice in flight)


def test_settings_answer_while_the_model_loads_and_apply_once_it_is_ready(page, site_url):
    # Hold NumPy's wheel (the worker's last download) until the student has changed two settings.
    held, released = [], []

    def hold(route):
        route.continue_() if released else held.append(route)

    page.route("**/numpy-*.whl", hold)
    page.goto(site_url)
    expect(page.locator("html")).to_have_attribute("data-app-state", "interactive")
    expect(button(page, "Train")).to_be_disabled()
    expect(readout(page, "Status")).to_have_text("starting")
    expect(page.get_by_text("Python and NumPy are starting…").first).to_be_visible()

    n_h = field(page, "Hidden units n_h")
    n_h.fill("3")
    n_h.press("Tab")
    expect(page).to_have_url(re.compile(r"[?&]n_h=3(&|$)"))
    field(page, "Log scale for the cost").check()
    expect(page).to_have_url(re.compile(r"[?&]log_scale=true(&|$)"))
    n_h.fill("99")
    n_h.press("Tab")
    expect(page.get_by_text("Must be a whole number from 1 to 16")).to_be_visible()  # checked by the page itself
    expect(page).to_have_url(re.compile(r"[?&]n_h=3(&|$)"))
    expect(page.locator("html")).to_have_attribute("data-app-state", "interactive")  # NumPy is still held

    released.append(True)
    for route in held:
        route.continue_()
    expect_ready(page)
    expect(readout(page, "Status")).to_have_text("ready")
    expect_cost(page, reference.initial_cost(n_h=3))
    expect(page.get_by_role("img", name=re.compile(r"^Cost J .*Log scale\.$"))).to_be_visible()
    expect(page.get_by_text("Python and NumPy are starting…").first).to_be_hidden()
    button(page, "Step").click()
    expect(readout(page, "Step")).to_have_text("1")


def test_no_long_task_from_interactive_to_ready(page, site_url):
    page.add_init_script(RECORD_START)
    page.goto(site_url)
    expect_ready(page)
    states, tasks = page.evaluate("() => [window.__states, window.__longTasks]")
    assert states["interactive"] < states["ready"], states
    long = [task for task in tasks if task["start"] >= states["interactive"] and task["duration"] > LONG_TASK_MS]
    assert not long, (
        f"task(s) over {LONG_TASK_MS} ms between interactive ({states['interactive']:.0f} ms) and "
        f"ready ({states['ready']:.0f} ms): {long}"
    )


def test_pause_at_top_speed_takes_effect_within_a_few_frames(ready_page):
    page = ready_page
    field(page, "Speed").press("End")
    expect(page.get_by_text("1000 steps per frame", exact=True)).to_be_visible()
    button(page, "Train").click()
    wait_for_step_at_least(page, 500)
    # Counted in the page: animation frames from the click on Pause until the status reads "paused".
    frames = page.evaluate("""() => new Promise(resolve => {
        const status = document.getElementById("status");
        let frames = 0;
        const frame = () => {
            if (status.textContent === "paused") return resolve(frames);
            frames += 1;
            requestAnimationFrame(frame);
        };
        document.getElementById("train").click();
        requestAnimationFrame(frame);
    })""")
    assert frames <= PAUSE_FRAMES, f"Pause took {frames} frames to take effect"
    expect(button(page, "Train")).to_be_visible()
