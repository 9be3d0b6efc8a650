"""What a student can break: a learning rate far too large, and a site whose runtime is damaged."""

import re

import e2e_reference as reference
import pytest
from labpage import assert_step_count_holds, button, cost, field, is_finite_number, readout
from playwright.sync_api import expect

ERROR_PANEL_TIMEOUT_MS = 30_000  # a start-up failure must show well before a slow start would be ready


def test_learning_rate_1000_diverges_and_reset_recovers(ready_page):
    page = ready_page
    rate = field(page, "Learning rate")
    rate.fill("1000")
    rate.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]learning_rate=1000(&|$)"))  # the value was taken

    button(page, "Train").click()
    expect(readout(page, "Status")).to_have_text("diverged")
    reason = page.get_by_text(re.compile(r"learning rate\D*1000\b", re.IGNORECASE)).filter(visible=True)
    sizes = [box and (box["width"], box["height"]) for box in (el.bounding_box() for el in reason.all())]
    assert any(size and size[0] > 2 and size[1] > 2 for size in sizes), (
        f"no visible reason mentions the learning rate 1000 (matching elements' sizes: {sizes})"
    )
    expect(button(page, "Train")).to_be_visible()
    expect(button(page, "Pause")).to_have_count(0)
    assert_step_count_holds(page)
    shown = readout(page, "Cost J").inner_text()
    assert is_finite_number(shown), f"the cost readout shows {shown!r} after the divergence"

    button(page, "Reset").click()
    expect(readout(page, "Status")).to_have_text("ready")
    expect(readout(page, "Step")).to_have_text("0")
    assert cost(page) == pytest.approx(reference.NOTEBOOK_COSTS[0], rel=1e-9)


# What each broken file makes the browser report after the panel shows, excused narrowly (see
# PageGuard.allow_*): the page names the missing file first, from its own check of the site's files.
NOT_FOUND = r"^Failed to load resource: the server responded with a status of 404 \(Not Found\)$"
WASM_FAILURE = [
    r"^wasm streaming compile failed: TypeError: Failed to execute 'compile' on 'WebAssembly': HTTP "
    r"status code is not ok$",
    r"^falling back to ArrayBuffer instantiation$",
    r"^failed to asynchronously prepare wasm: both async and sync fetching of the wasm failed$",
    r"^Aborted\(both async and sync fetching of the wasm failed\)$",
]
AFTERMATH = {
    "pyodide.asm.wasm": {"console": [], "page": []},
    "python_stdlib.zip": {
        "console": [
            r"^Error occurred while installing the standard library:$",
            r"^Error: Failed to load '[^']*/python_stdlib\.zip': request failed\.",
            # CPython's report of the start-up it then cannot finish (no encodings module without the stdlib).
            r"^(Python path configuration:|  .*|Fatal Python error: init_fs_encoding: .*|Python runtime state: core "
            r"initialized|ModuleNotFoundError: No module named 'encodings'|Current thread 0x[0-9a-f]+ \(most recent "
            r"call first\):|)$",
        ],
        "page": [r"^Failed to load '[^']*/python_stdlib\.zip': request failed\.$", r"^ExitStatus$"],
    },
    # The page's own MicroPython.
    "micropython.wasm": {
        "console": WASM_FAILURE,
        "page": [r"^Aborted\(both async and sync fetching of the wasm failed\)$"],
    },
    # The worker's modules, in its bundle: the worker cannot unpack the 404 page as a zip, and stops.
    "worker.zip": {
        "console": [r"^MessageEvent$"],
        "page": [r"^Traceback \(most recent call last\):\n(.|\n)*unpack_archive"],
    },
}


@pytest.mark.parametrize("missing", list(AFTERMATH))
def test_a_missing_runtime_file_shows_the_error_panel(page, site_url, missing):
    page.route(f"**/{missing}", lambda route: route.fulfill(status=404, body="Not Found"))
    page.guard.allow_console_error(NOT_FOUND)
    for pattern in AFTERMATH[missing]["console"]:
        page.guard.allow_console_error(pattern, required=False)
    for pattern in AFTERMATH[missing]["page"]:
        page.guard.allow_page_error(pattern, required=False)
    page.goto(site_url)

    panel = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="The lab could not start"))
    expect(panel).to_be_visible(timeout=ERROR_PANEL_TIMEOUT_MS)
    expect(panel).to_contain_text(missing)  # it says what is wrong
    expect(page.locator("html")).not_to_have_attribute("data-app-state", "ready")
    expect(readout(page, "Status")).not_to_have_text("ready")
    expect(button(page, "Train")).to_be_disabled()
