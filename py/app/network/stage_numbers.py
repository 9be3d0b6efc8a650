"""Where a slow-motion stage's numbers go on the network diagram, in the diagram's viewBox units.

The diagram's geometry is app/network/diagram.py's layout(n_h): unit centres "input", "hidden", "output" and the
weights' line ends "W0"[i][k], "W1"[i] as (x1, y1, x2, y2), the input end first. positions() turns the labels of
app/network/slow_motion.labels into texts to draw; flows() gives the arrows along every weight, forward (from the
inputs) or backward (from the output, against the forward arrows). Pure Python for MicroPython and CPython.
"""

LINE = 8.0  # distance between two lines of a label
GAP = 5.0  # between a box and its label
# A unit's box, (half width, half height), when the layout does not give its "boxes" (diagram.py's pills).
BOXES = {"input": (20.0, 12.0), "hidden": (30.0, 12.0), "output": (24.0, 12.0)}


def _along(line, t):
    x1, y1, x2, y2 = line
    return x1 + (x2 - x1) * t, y1 + (y2 - y1) * t


def _stack(x, last_y, lines, anchor, cls):
    """Lines stacked upwards so that the last one is centred at last_y."""
    top = last_y - (len(lines) - 1) * LINE
    return [{"x": x, "y": top + n * LINE, "text": text, "anchor": anchor, "cls": cls} for n, text in enumerate(lines)]


def _below(x, y, half_height, lines, anchor, cls):
    """Lines stacked downwards from just under a box."""
    return _stack(x, y + half_height + GAP + (len(lines) - 1) * LINE, lines, anchor, cls)


def positions(geometry, labels):
    """[{"x", "y", "text", "anchor" ("start" | "middle" | "end"), "cls"}]: one text per line of each label.
    labels: [(place, [lines], slip)] (slow_motion.labels). cls is "stage-number" (a unit's), or "stage-number edge"
    (a weight's, a bias's), plus " slip" when the notebook's slip changed the number. A unit's lines go above its
    box (a hidden unit's beside it when the units are close), a bias's under its unit, a weight's near the hidden
    unit's end of its line (W0 near its right end, W1 near its left end), where the lines are apart."""
    boxes = geometry.get("boxes") or BOXES
    ih, (hw, hh), (ow, oh) = boxes["input"][1], boxes["hidden"], boxes["output"]
    hidden, (ox, oy) = geometry["hidden"], geometry["output"][0]
    roomy = len(hidden) < 2 or hidden[1][1] - hidden[0][1] >= 2 * hh + 2 * LINE + 2 * GAP
    # The output's lines, lifted above those of a hidden unit at its height (the middle one of an odd n_h).
    lift = 2 * LINE if [1 for _, hy in hidden if abs(hy - oy) < LINE] else 0
    out = []
    for where, lines, slip in labels:
        kind = where[0]
        cls = "stage-number" if kind in ("input", "hidden", "output") else "stage-number edge"
        if slip:
            cls += " slip"
        if kind == "input":
            x, y = geometry["input"][where[1]]
            out += _stack(x, y - ih - GAP, lines, "middle", cls)
        elif kind == "hidden":
            x, y = hidden[where[1]]
            if roomy:
                out += _stack(x - hw, y - hh - GAP, lines, "start", cls)
            else:  # beside the box, centred on it
                out += _stack(x + hw + GAP, y + (len(lines) - 1) * LINE / 2, lines, "start", cls)
        elif kind == "output":
            out += _stack(ox + ow, oy - oh - GAP - lift, lines, "end", cls)
        elif kind == "b0":
            x, y = hidden[where[1]]
            out += _below(x - hw, y, hh, lines, "start", cls)
        elif kind == "b1":
            out += _below(ox + ow, oy, oh, lines, "end", cls)
        elif kind == "W0":
            x, y = _along(geometry["W0"][where[1]][where[2]], 0.8)
            out += _stack(x - 2, y - 3, lines, "end", cls)
        else:
            x, y = _along(geometry["W1"][where[1]], 0.2)
            out += _stack(x + 2, y - 3, lines, "start", cls)
    return out


def flows(geometry, backward=False):
    """[(x1, y1, x2, y2)]: an arrow along every weight, from the input end (forward) or towards it (backward)."""
    lines = [line for row in geometry["W0"] for line in row] + list(geometry["W1"])
    if not backward:
        return lines
    return [(x2, y2, x1, y1) for x1, y1, x2, y2 in lines]
