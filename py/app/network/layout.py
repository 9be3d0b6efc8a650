"""The network diagram's geometry in viewBox units: where each unit, its picture and each weight's line go for a
2-n_h-1 network (n_h 1 to 16), so that the pictures are as large as the diagram allows and it still fits a phone.
Pure Python for MicroPython and CPython."""

VIEW_WIDTH = 480
COLUMN_X = {"input": 40.0, "hidden": 222.0, "output": 420.0}
NODE_WIDTH = {"input": 40.0}
NODE_HEIGHT = 24.0  # an input's pill
HEADER = 34.0  # room for the column titles
INPUT_GAP = 100.0  # distance between x1 and x2
LEGEND_HEIGHT = 10.0  # below the units (the legend is the page's, under the diagram)
PAD = 3.0  # between a unit's outline and its picture
LABEL_ROOM = {"hidden": 54.0, "output": 28.0}  # beside the picture, in the box: the unit's name
OUTPUT_PICTURE = 80.0


def picture_size(n_h):
    """The side of a hidden unit's picture, in viewBox units: 80 for up to 4 units, down to 26 for 13 to 16."""
    return float(max(26, min(80, 320 // max(1, n_h))))


def row_spacing(n_h):
    """Vertical distance between hidden units: roomy for a few, a picture and 10 units apart for many."""
    return max(picture_size(n_h) + 12.0, min(96.0, 420.0 / max(1, n_h)))


def layout(n_h):
    """Positions in viewBox units: {"width", "height", "input", "hidden", "output" (lists of (x, y) centres),
    "W0"[i][k] and "W1"[i] line ends (x1, y1, x2, y2), "boxes" {"input", "hidden", "output": (half width, half
    height) of a unit's box}, "pictures" [(x, y, side)] (top left corner and side of each unit's picture, hidden
    units first, then the output), "legend_y"}."""
    s, p = row_spacing(n_h), picture_size(n_h)
    boxes = {
        "input": (NODE_WIDTH["input"] / 2, NODE_HEIGHT / 2),
        "hidden": ((p + 2 * PAD + LABEL_ROOM["hidden"]) / 2, p / 2 + PAD),
        "output": ((OUTPUT_PICTURE + 2 * PAD + LABEL_ROOM["output"]) / 2, OUTPUT_PICTURE / 2 + PAD),
    }
    span = max((n_h - 1) * s, INPUT_GAP)
    top = max(boxes["hidden"][1] + span / 2, boxes["output"][1])
    cy = HEADER + 6 + top  # 6: room for the focus halo under the titles
    hx, ix, ox = COLUMN_X["hidden"], COLUMN_X["input"], COLUMN_X["output"]
    hidden = [(hx, cy + (i - (n_h - 1) / 2) * s) for i in range(n_h)]
    inputs = [(ix, cy - INPUT_GAP / 2), (ix, cy + INPUT_GAP / 2)]
    output = [(ox, cy)]
    in_right = ix + boxes["input"][0]
    h_left, h_right = hx - boxes["hidden"][0], hx + boxes["hidden"][0]
    out_left = ox - boxes["output"][0]
    W0 = [[(in_right, inputs[k][1], h_left, y) for k in range(2)] for _, y in hidden]
    W1 = [(h_right, y, out_left, cy) for _, y in hidden]
    pictures = [(h_left + PAD, y - p / 2, p) for _, y in hidden]
    pictures.append((out_left + PAD, cy - OUTPUT_PICTURE / 2, OUTPUT_PICTURE))
    bottom = cy + top
    return {
        "width": float(VIEW_WIDTH),
        "height": bottom + LEGEND_HEIGHT,
        "input": inputs,
        "hidden": hidden,
        "output": output,
        "W0": W0,
        "W1": W1,
        "boxes": boxes,
        "pictures": pictures,
        "legend_y": bottom + 6,
    }
