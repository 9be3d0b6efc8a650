"""Where on the decision surface the student edits the points: a click's place in the plot square, and the keyboard
cursor over the input plane, kept in whole tenths of an input unit (so that its place is spelled without float
texts). Plain Python on scalars, for MicroPython and CPython; the editing itself is app/data/editing.py.
"""

from shared.i18n import _

# The keyboard cursor's moves, in tenths of an input unit: an arrow key, and with Shift.
STEP, BIG_STEP = 1, 5
ARROWS = {"ArrowLeft": (-1, 0), "ArrowRight": (1, 0), "ArrowUp": (0, 1), "ArrowDown": (0, -1)}


def plot_fraction(x, y, square):
    """(fx, fy): where canvas pixel (x, y) lies in the plot square, as fractions of its side (fy downward); None
    outside the square."""
    left, top, side = square
    fx, fy = (x - left) / side, (y - top) / side
    return (fx, fy) if 0 <= fx <= 1 and 0 <= fy <= 1 else None


def tenths(value):
    """A plane coordinate in whole tenths (the extent's ends are multiples of 0.5)."""
    return round(value * 10)


def spell_tenths(count):
    """A number of tenths as a decimal: 3 -> "0.3", -15 -> "-1.5", 10 -> "1" (whole numbers, no float text)."""
    sign, count = ("-" if count < 0 else ""), abs(count)
    whole, tenth = count // 10, count % 10
    return sign + str(whole) + ("." + str(tenth) if tenth else "")


def start_cursor(extent):
    """The keyboard cursor's first place: the middle of the extent, in tenths (rounded down to a tenth)."""
    lo, hi = tenths(extent[0]), tenths(extent[1])
    middle = (lo + hi) // 2
    return middle, middle


def keep_cursor(cursor, extent):
    """The cursor (tenths of x1, x2) kept in the extent (a new data set's)."""
    lo, hi = tenths(extent[0]), tenths(extent[1])
    return min(hi, max(lo, cursor[0])), min(hi, max(lo, cursor[1]))


def move_cursor(cursor, key, shift, extent):
    """The cursor (tenths of x1, x2) moved by an arrow key, kept in the extent; None for another key."""
    if key not in ARROWS:
        return None
    dx, dy = ARROWS[key]
    step = BIG_STEP if shift else STEP
    return keep_cursor((cursor[0] + dx * step, cursor[1] + dy * step), extent)


def cursor_fraction(cursor, extent):
    """(fx, fy) of the cursor in the plot square, fy downward: what the worker's edit takes."""
    lo, hi = tenths(extent[0]), tenths(extent[1])
    return (cursor[0] - lo) / (hi - lo), (hi - cursor[1]) / (hi - lo)


def cursor_words(cursor):
    """What the cursor's place is called: "Cursor at x1 = 0.3, x2 = -1.5"."""
    # Translators: where the keyboard's cursor is on the decision surface; x1 and x2 are the inputs' names.
    return _("Cursor at x1 = {x1}, x2 = {x2}").format(x1=spell_tenths(cursor[0]), x2=spell_tenths(cursor[1]))
