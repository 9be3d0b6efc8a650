"""The student's points by hand under the page's MicroPython (app/data/): where a click lands in the plot square, and
the keyboard cursor over the plane (its drawing: check_lab.py). See mpy_checks.py.
"""

from mpy_checks import Checks, equal

import app.data.editing
from app.data.cursor import (
    cursor_fraction,
    cursor_words,
    keep_cursor,
    move_cursor,
    plot_fraction,
    spell_tenths,
    start_cursor,
)

CHECKS = Checks()
check = CHECKS.check


@check("the surface's keyboard cursor: in tenths of the plane, kept in the extent, spelled without float texts")
def _():
    equal(start_cursor((-0.5, 1.5)), (5, 5), "a truth table's middle")
    equal(start_cursor((-1.5, 1.5)), (0, 0), "a data set's middle")
    cursor = (0, 0)
    for key, shift in (("ArrowRight", False), ("ArrowRight", False), ("ArrowRight", False), ("ArrowDown", True)):
        cursor = move_cursor(cursor, key, shift, (-1.5, 1.5))
    equal(cursor, (3, -5), "moved")
    equal(cursor_words(cursor), "Cursor at x1 = 0.3, x2 = -0.5", "spoken")
    equal(move_cursor((15, -15), "ArrowRight", True, (-1.5, 1.5)), (15, -15), "kept in the extent")
    equal(move_cursor((0, 0), "Enter", False, (-1.5, 1.5)), None, "not an arrow")
    equal(cursor_fraction((3, -5), (-1.5, 1.5)), (0.6, 2 / 3), "as the worker's click takes it")
    equal([spell_tenths(n) for n in (0, 10, -15, 7, -3, 125)], ["0", "1", "-1.5", "0.7", "-0.3", "12.5"], "tenths")
    equal(plot_fraction(214.0, 184.0, (40.0, 10.0, 348.0)), (0.5, 0.5), "the middle of the square")
    equal(plot_fraction(20.0, 184.0, (40.0, 10.0, 348.0)), None, "left of the square")
    equal(keep_cursor((20, -20), (-1.5, 1.5)), (15, -15), "kept in a new extent")


@check("a click removes a point within a few pixels of it, however small the points are drawn")
def _():
    equal(app.data.editing.HIT_PIXELS, 8, "the pixels")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
