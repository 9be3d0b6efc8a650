"""The HTML blocks the Notebook view's sections are made of: code as written, what print() shows, notes,
headings, and matrices as tables whose cells are the entries of NumPy's printed text.

Plain Python. No float is formatted here: a table shows the matrix's array2string text entry by entry, so
that it reads as the notebook's print() (numbers.py writes those texts). Every text is escaped
(markup.escape).
"""

from shared.i18n import _
from worker.notebook.markup import escape

# A table's box, which scrolls sideways on a narrow screen: focusable, so that a keyboard can scroll it, and
# named as its table is.
SCROLL = '<div class="matrix-scroll" tabindex="0" role="group" aria-label="%s">'


def code_block(code):
    """Python source, shown as it is."""
    return '<pre tabindex="0"><code class="language-python">' + escape(code) + "</code></pre>"


def output_block(text):
    """What the notebook's print() shows."""
    return '<pre class="nb-print" tabindex="0"><samp>' + escape(text) + "</samp></pre>"


def note(text, kind=""):
    return '<p class="nb-note' + (" " + kind if kind else "") + '">' + escape(text) + "</p>"


def heading(text):
    return "<h4>" + escape(text) + "</h4>"


def shape_text(shape):
    """(2, 4), (4,) or () as NumPy writes a shape."""
    if len(shape) == 1:
        return "(" + str(shape[0]) + ",)"
    return "(" + ", ".join([str(n) for n in shape]) + ")"


def _flat(values):
    out = []
    for row in values:
        if isinstance(row, list):
            out.extend(row)
        else:
            out.append(row)
    return out


def cells(matrix):
    """The entries of a matrix's array2string text (its whole text, "cells", when print() summarises it: NumPy
    does above 1000 entries), row-major, escaped. From its values, as "%.8g", if the text does not hold one entry
    per cell."""
    text = escape(matrix.get("cells") or matrix["text"]).replace("[", " ").replace("]", " ")
    tokens = text.split()
    count = 1
    for n in matrix["shape"]:
        count *= n
    if len(tokens) != count or "..." in tokens:
        tokens = [escape("%.8g" % x) for x in _flat(matrix["values"])]
    return tokens


def _header(cols):
    """The header row of a table of cols columns (0, 1, ...), after an empty corner."""
    return (
        '<thead><tr><td></td><th scope="col">'
        + '</th><th scope="col">'.join([str(j) for j in range(cols)])
        + "</th></tr></thead>"
    )


def _row_start(i):
    return '<tr><th scope="row">' + str(i) + "</th><td>"


HEADERS = [_header(cols) for cols in range(17)]  # the shapes of a 2-n_h-1 network: up to 16 columns
ROW_STARTS = [_row_start(i) for i in range(17)]  # and 16 rows


def matrix_table(caption, matrix):
    """A matrix as a table: a caption naming it and its shape, column and row headers, the entries as printed.
    A 1-D array is one row; a scalar (shape []) is a line of text."""
    shape = matrix["shape"]
    if not shape:
        return (
            '<p class="nb-scalar">'
            + escape(caption)
            + ' = <span class="value">'
            + escape(matrix["text"])
            + "</span></p>"
        )
    rows, cols = (1, shape[0]) if len(shape) == 1 else (shape[0], shape[1])
    tokens = cells(matrix)
    # Translators: a matrix's table: its caption ("W0 before") and its shape as NumPy writes it ("(2, 4)").
    label = escape(_("{caption}, shape {shape}")).format(caption=escape(caption), shape=shape_text(shape))
    out = [
        SCROLL % label,
        '<table class="matrix"><caption>',
        label,
        "</caption>",
        HEADERS[cols] if cols < len(HEADERS) else _header(cols),
        "<tbody>",
    ]
    for i in range(rows):
        out.append(ROW_STARTS[i] if i < len(ROW_STARTS) else _row_start(i))
        out.append("</td><td>".join(tokens[i * cols : (i + 1) * cols]))
        out.append("</td></tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def printed_matrix(caption, matrix):
    """A matrix the notebook prints: its table, then the print."""
    return matrix_table(caption, matrix) + output_block(matrix["text"])
