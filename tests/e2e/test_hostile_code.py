"""Hostile code, as a student might try it: os._exit(1), sys.exit(), a deep recursion and a 2 GB allocation in the
forward pass each end as a stopped run (a message in words, no error on the page: the guard fails on console errors),
and the next Run of a good forward pass answers within NEXT_RUN_MS. The four share one page (conftest's
shared_page), each leaving Python for the student's code started again. Oracle: the notebook's J (cell 13), 0.12519."""

import re
import time

import pytest
from labpage import button
from playwright.sync_api import expect
from test_exercises import RUNNER_TIMEOUT_MS, editor, show_exercise, status

import exercises

HEAD = "import numpy as np\nimport os\nimport sys\n\n\ndef cost(A2, Y):\n    return 0.0\n\n\n"
HOSTILE = {
    "os._exit": HEAD + "def forward(A0, W0, b0, W1, b1):\n    os._exit(1)\n",
    "sys.exit": HEAD + "def forward(A0, W0, b0, W1, b1):\n    sys.exit(1)\n",
    "recursion": HEAD + "def f(n):\n    return f(n + 1)\n\n\ndef forward(A0, W0, b0, W1, b1):\n    return f(0)\n",
    "memory": HEAD
    + "def forward(A0, W0, b0, W1, b1):\n    big = np.ones(250_000_000)  # 2 GB\n    return big, big, big, big\n",
}
STOPPED = {
    "os._exit": re.compile(re.escape("os._exit(1)")),
    "sys.exit": re.compile(re.escape("sys.exit(1)")),
    "recursion": re.compile("called itself too many times"),
    # Filling 2 GB takes seconds: on a loaded machine the deadline may stop it before the memory limit does.
    "memory": re.compile("memory|did not finish"),
}
NEXT_RUN_MS = 5_000  # the 2 s, with room for a loaded shared machine (make bench has no figure for it)


def write(page, code):
    editor(page).fill(code)
    expect(editor(page)).to_contain_text(code.strip().splitlines()[-1].strip())


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_code_ends_as_a_stopped_run_and_the_next_run_answers(shared_page, kind):
    page = show_exercise(shared_page, "forward")  # one page for the four: each leaves Python for the code running
    write(page, HOSTILE[kind])
    button(page, "Run").click()
    problem = page.locator("#exercise-error")
    expect(problem).to_contain_text("Stopped", timeout=RUNNER_TIMEOUT_MS)
    expect(problem).to_contain_text(STOPPED[kind])
    write(page, exercises.get("forward").SOLUTION)
    run = button(page, "Run")
    expect(run).to_be_enabled(timeout=NEXT_RUN_MS)
    started = time.monotonic()
    run.click()
    expect(status(page)).to_have_text("Your code ran. Press Check to check every value.", timeout=NEXT_RUN_MS)
    assert time.monotonic() - started < NEXT_RUN_MS / 1000
    expect(page.locator("#exercise-results")).to_contain_text("0.12519")
