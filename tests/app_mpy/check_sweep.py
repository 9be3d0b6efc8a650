"""The Many seeds view under the page's MicroPython (app/sweep/): its texts and the histogram's keyboard. See
mpy_checks.py.
"""

from mpy_checks import Checks, equal

import app.sweep.plots
import app.sweep.view

CHECKS = Checks()
check = CHECKS.check


@check("the Many seeds view's texts")
def _():
    summary = {"step": 12000, "steps": 10000, "done": False, "eta_seconds": 12.6}
    equal(app.sweep.view.progress_text(summary), "12,000 of 10,000", "progress")
    equal(app.sweep.view.time_left_text(summary), "about 13 s", "time left")
    equal(app.sweep.view.time_left_text(dict(summary, eta_seconds=None)), "estimating…", "no estimate")
    equal(app.sweep.view.time_left_text(dict(summary, done=True)), "done", "done")
    equal(app.sweep.view.time_left_text(summary, stopped=True), "stopped", "stopped")
    equal(app.sweep.view.seeds_heading("training", 1, 1), "Still improving: 1 network", "heading")
    equal(app.sweep.view.seeds_heading("stuck", 120, 50), "Stuck: 120 networks (the first 50 listed)", "heading")


@check("a histogram's bar chosen by keyboard")
def _():
    bars = [{}, {}, {}]
    bar_index = app.sweep.plots.bar_index
    equal(
        [
            bar_index(bars, None, "ArrowRight"),
            bar_index(bars, None, "End"),
            bar_index(bars, 1, "ArrowLeft"),
            bar_index(bars, 2, "ArrowRight"),
            bar_index(bars, 0, "ArrowLeft"),
            bar_index(bars, 0, "End"),
            bar_index([], None, "Home"),
        ],
        [0, 2, 0, 2, 0, 2, None],
        "bars chosen",
    )


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
