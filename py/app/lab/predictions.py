"""The predictions panel: with at most 8 examples (a truth table, a few points by hand), the table of each training
example's inputs, target Y, the network's A2 and a bar; with more, the worker's train and test accuracy in words
(snapshot["accuracy"]["text"], counts and percentages formatted by the worker).

Pure functions (CPython-testable) turn A2 and Y into the texts and widths the table shows;
`Predictions` builds the table once for its inputs and, per frame, writes only the cells whose text changed
(A2's number, the bar's width, the right/wrong mark: at most 3 writes per row); `PredictionsPanel` shows the table
or the accuracy, and builds a new table when the inputs change.
Plain Python for MicroPython (the page) and CPython (the tests); the browser module `js` is imported
lazily inside the methods, so this module imports anywhere.
"""

import math

from shared.i18n import N_, _

# The columns' headings, translated where they are shown (the names x1, x2, Y, A2 stay as they are).
# Translators: the heading of the predictions table's column of bars (A2 drawn as a bar).
HEADERS = ("x1", "x2", "Y", "A2", N_("bar"))  # the caption says what Y and A2 are
CAPTION = N_("Predictions A2 against targets Y")
# Translators: the heading of the predictions table's column that says whether A2 is on the target's side of 0.5.
MARK_HEADER = N_("correct?")  # A2 on the target's side of 0.5


def format_a2(value):
    """A2 with 4 decimals, or "NaN"."""
    return "NaN" if math.isnan(value) else f"{value:.4f}"


def bar_width(value):
    """The bar's CSS width for A2: a percentage with 1 decimal, clipped to 0-100%; NaN is 0%."""
    if math.isnan(value):
        return "0%"
    return f"{min(100.0, max(0.0, value * 100)):.1f}%"


def is_right(value, target):
    """Whether A2 is on the target's side of 0.5 (NaN never is)."""
    return value > 0.5 if target > 0.5 else value < 0.5


def mark(right):
    """The visible mark with its word, so the meaning rests neither on colour nor on a glyph alone."""
    # Translators: a prediction's mark: the glyph stays, the word says it.
    return _("\u2713 right") if right else _("\u2717 wrong")


def rows(A2, Y):
    """Per example: (A2 text, bar width, mark text, right?) from the lists A2 and Y (one value per example)."""
    out = []
    for value, target in zip(A2, Y):
        right = is_right(value, target)
        out.append((format_a2(value), bar_width(value), mark(right), right))
    return out


def format_input(value):
    return "{:g}".format(value)


class Predictions:
    """A <table> of the examples (x1, x2, Y, A2, bar, right or wrong) in container.

    container: any element (e.g. a <div>); the table is appended to it once. inputs: A0, the examples'
    inputs as [x1 values, x2 values]. draw(A2, Y) updates the table.
    The table has the class "predictions"; see static/css/plots.css.
    """

    def __init__(self, container, inputs):
        import js

        self.inputs = inputs
        document = js.document
        self.table = table = document.createElement("table")
        table.className = "predictions"
        caption = document.createElement("caption")
        caption.textContent = _(CAPTION)
        table.appendChild(caption)
        head = document.createElement("thead")
        tr = document.createElement("tr")
        for index, text in enumerate(HEADERS + (MARK_HEADER,)):
            th = document.createElement("th")
            th.setAttribute("scope", "col")
            th.className = "num" if index < 4 else ""
            th.textContent = _(text) if index >= 4 else text
            tr.appendChild(th)
        head.appendChild(tr)
        table.appendChild(head)
        body = document.createElement("tbody")
        self.cells = []
        self.rows = []
        for x1, x2 in zip(inputs[0], inputs[1]):
            tr = document.createElement("tr")
            tr.setAttribute("data-example", str(len(self.rows)))
            self.rows.append(tr)
            cells = {}
            for key, text in (("x1", format_input(x1)), ("x2", format_input(x2)), ("y", ""), ("a2", "")):
                td = document.createElement("td")
                td.className = f"num col-{key}"
                td.textContent = text
                tr.appendChild(td)
                cells[key] = td
            bar_cell = document.createElement("td")
            bar_cell.className = "col-bar"
            track = document.createElement("div")
            track.className = "bar-track"
            track.setAttribute("aria-hidden", "true")  # the number beside it says the same
            fill = document.createElement("div")
            fill.className = "bar-fill"
            fill.style.width = "0%"
            track.appendChild(fill)
            bar_cell.appendChild(track)
            tr.appendChild(bar_cell)
            mark_cell = document.createElement("td")
            mark_cell.className = "col-mark"
            tr.appendChild(mark_cell)
            cells["bar"], cells["mark"] = fill, mark_cell
            body.appendChild(tr)
            self.cells.append(cells)
        table.appendChild(body)
        container.appendChild(table)
        self.on_example = None  # on_example(j or None): the example (column j of A0) pointed at, for linked views
        self._linked = None
        body.addEventListener("mouseover", self._on_over)
        body.addEventListener("mouseleave", lambda event: self.on_example and self.on_example(None))
        # The last value written to each cell, so unchanged ones are not written again.
        self._shown = [{"y": None, "a2": None, "bar": "0%", "mark": None, "right": None} for _unused in self.cells]

    def _on_over(self, event):
        row = event.target.closest("tr")
        if row is not None and self.on_example is not None:
            self.on_example(int(row.getAttribute("data-example")))

    def highlight(self, j):
        """Mark example j's row (or none) as linked."""
        if self._linked is not None:
            self.rows[self._linked].classList.remove("linked")
        self._linked = j
        if j is not None:
            self.rows[j].classList.add("linked")

    def draw(self, A2, Y):
        """Show A2 against Y (lists, one value per example); writes only what changed. Returns the
        number of DOM writes."""
        writes = 0
        for cells, shown, target, (a2, width, mark_text, right) in zip(self.cells, self._shown, Y, rows(A2, Y)):
            y_text = format_input(target)
            if shown["y"] != y_text:
                cells["y"].textContent = shown["y"] = y_text
                writes += 1
            if shown["a2"] != a2:
                cells["a2"].textContent = shown["a2"] = a2
                writes += 1
            if shown["bar"] != width:
                cells["bar"].style.width = shown["bar"] = width
                writes += 1
            if shown["mark"] != mark_text:
                cells["mark"].textContent = shown["mark"] = mark_text
                cells["mark"].className = "col-mark " + ("is-right" if right else "is-wrong")
                writes += 2
        return writes


class PredictionsPanel:
    """What the Predictions panel shows of a snapshot (show(snap)): the table when the snapshot carries A0, A2 and Y
    (at most 8 examples), else the worker's accuracy text in a paragraph. Linked views set on_example and call
    highlight(j), as on a table."""

    def __init__(self, container):
        self.container = container
        self.table = None  # the Predictions of the inputs on screen, or None
        self.accuracy = None  # the accuracy's paragraph, once needed
        self.on_example = None
        self._linked = None

    def show(self, snap):
        if "A0" in snap and "A2" in snap:
            if self.table is None or self.table.inputs != snap["A0"]:
                self._build(snap["A0"])
            self.table.draw(snap["A2"], snap["Y"])
            if self.accuracy is not None:
                self.accuracy.hidden = True
            return
        if self.table is not None:
            self.table.table.remove()
            self.table = None
        if self.accuracy is None:
            import js

            self.accuracy = js.document.createElement("p")
            self.accuracy.className = "accuracy"
            self.container.appendChild(self.accuracy)
        text = (snap.get("accuracy") or {}).get("text", "")
        if self.accuracy.textContent != text:
            self.accuracy.textContent = text
        self.accuracy.hidden = False

    def _build(self, inputs):
        if self.table is not None:
            self.table.table.remove()
        self.table = Predictions(self.container, inputs)
        self.table.on_example = lambda j: self.on_example and self.on_example(j)
        if self._linked is not None and self._linked < len(self.table.rows):
            self.table.highlight(self._linked)

    @property
    def cells(self):
        return self.table.cells if self.table is not None else []

    def highlight(self, j):
        self._linked = j
        if self.table is not None:
            self.table.highlight(j if j is None or j < len(self.table.rows) else None)
