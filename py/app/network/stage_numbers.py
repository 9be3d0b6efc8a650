"""Where a slow-motion stage's numbers go on the network diagram, in the diagram's viewBox units.

The diagram's geometry is app/network/diagram.py's layout(n_h): unit centres "input", "hidden", "output" and the
weights' line ends "W0"[i][k], "W1"[i] as (x1, y1, x2, y2), the input end first. positions() turns the labels of
app/network/slow_motion.labels into texts to draw; flows() gives the arrows along every weight, forward (from the
inputs) or backward (from the output, against the forward arrows). Pure Python for MicroPython and CPython.
"""

LINE = 8.0  # distance between two lines of a label
HALF_HEIGHT = 12.0  # half a unit box's height (diagram.NODE_HEIGHT / 2)
HIDDEN_HALF_WIDTH = 30.0  # half a hidden unit's box width (diagram.NODE_WIDTH["hidden"] / 2)
OUTPUT_HALF_WIDTH = 24.0
GAP = 5.0  # between a box and its label


def _along(line, t):
    x1, y1, x2, y2 = line
    return x1 + (x2 - x1) * t, y1 + (y2 - y1) * t


def _stack(x, last_y, lines, anchor, cls):
    """Lines stacked upwards so that the last one is centred at last_y."""
    top = last_y - (len(lines) - 1) * LINE
    return [{"x": x, "y": top + n * LINE, "text": text, "anchor": anchor, "cls": cls} for n, text in enumerate(lines)]


def _hidden_room(geometry):
    """Whether the lines of a hidden unit fit above its box (the units are far enough apart)."""
    hidden = geometry["hidden"]
    if len(hidden) < 2:
        return True
    return hidden[1][1] - hidden[0][1] >= 2 * HALF_HEIGHT + 2 * LINE + 2 * GAP


def positions(geometry, labels):
    """[{"x", "y", "text", "anchor" ("start" | "middle" | "end"), "cls"}]: one text per line of each label.
    labels: [(place, [lines], slip)] (slow_motion.labels). cls is "stage-number", plus " slip" when the notebook's
    slip changed the number."""
    out = []
    roomy = _hidden_room(geometry)
    for where, lines, slip in labels:
        cls = "stage-number slip" if slip else "stage-number"
        kind = where[0]
        if kind == "input":
            x, y = geometry["input"][where[1]]
            out += _stack(x, y - HALF_HEIGHT - GAP, lines, "middle", cls)
        elif kind == "hidden":
            x, y = geometry["hidden"][where[1]]
            if roomy:
                out += _stack(x, y - HALF_HEIGHT - GAP, lines, "middle", cls)
            else:  # beside the box, centred on it
                out += _stack(x + HIDDEN_HALF_WIDTH + GAP, y + (len(lines) - 1) * LINE / 2, lines, "start", cls)
        elif kind == "output":
            x, y = geometry["output"][0]
            out += _stack(x + OUTPUT_HALF_WIDTH, y - HALF_HEIGHT - GAP, lines, "end", cls)
        elif kind == "b0":
            x, y = geometry["hidden"][where[1]]
            out += _stack(x, y + HALF_HEIGHT + GAP + (len(lines) - 1) * LINE, lines, "middle", cls)
        elif kind == "b1":
            x, y = geometry["output"][0]
            out += _stack(x + OUTPUT_HALF_WIDTH, y + HALF_HEIGHT + GAP + (len(lines) - 1) * LINE, lines, "end", cls)
        else:  # a weight: its label just above the middle of its line
            line = geometry["W0"][where[1]][where[2]] if kind == "W0" else geometry["W1"][where[1]]
            x, y = _along(line, 0.5)
            out += _stack(x, y - GAP, lines, "middle", cls)
    return out


def flows(geometry, backward=False):
    """[(x1, y1, x2, y2)]: an arrow along every weight, from the input end (forward) or towards it (backward)."""
    lines = [line for row in geometry["W0"] for line in row] + list(geometry["W1"])
    if not backward:
        return lines
    return [(x2, y2, x1, y1) for x1, y1, x2, y2 in lines]
