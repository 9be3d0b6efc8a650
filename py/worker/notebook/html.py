"""The Notebook view's HTML: the seed notebook's sections, worked through for the network on screen.

worker/notebook/sections.py builds one JSON-able dict of the sections (see its docstring); the functions here turn
each section into one HTML string, in the worker, so that the page's MicroPython only writes each section
with a single innerHTML (app/notebook/view.py): for n_h = 16 the dict is about 170 KB of JSON, which
MicroPython reads in about 25 ms and renders in about 35 ms more, too long for a frame while training.
Plain Python: it also runs under MicroPython (tests/app_mpy checks it did), though it no longer needs to.

No float is formatted here: every number shown is the dict's text (CPython's repr for a scalar, NumPy's
array2string for a matrix: a matrix's cells are the entries of that text, so a table shows what the notebook's
print() shows). Everything taken from the dict is HTML-escaped, except the gradients' MathML, which
worker/notebook/sections.py builds itself. Terms in equations are <button type="button" class="term" data-term="W0[1,0]">
whose accessible name carries the exact value; data-term is the notebook's name (b1 for the output bias, which
the notebook's unrolled sums write b1[0]), for the page's app/notebook/terms.py.
"""

MINUS = "\u2212"
SECTION_KEYS = ("setup", "forward", "backward", "notebook_check", "step", "log")  # the notebook's order
SECTION_TITLES = {
    "setup": "1. Setup",
    "forward": "2. Forward pass and cost, unrolled and as matrices",
    "backward": "3. Backpropagation and gradient checks",
    "notebook_check": "4. The notebook's own check",
    "step": "5. One gradient-descent step",
    "log": "6. The ANN class and its training log",
}
VERDICTS = ("right", "suspicious", "wrong", "undefined")
VERDICT_WORDS = {
    "right": "\u2713 Right",
    "suspicious": "? Suspicious",
    "wrong": "\u2717 Wrong",
    "undefined": "\u2013 Undefined",
}
PENDING = "The numeric check is computed when this section is shown."
NON_FINITE = {"NaN": "nan", "Infinity": "inf", "-Infinity": "-inf"}  # the worker's JSON spellings, as NumPy prints


def escape(text):
    """text with &, <, >, " and ' as HTML character references (for text and attribute values)."""
    # Each replace only when needed: under MicroPython an `in` costs half a replace, and these are rare.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    return text


def spoken(text):
    """A value's text for a label, as app.lab.diagram.exact_value says it: a real minus sign (read as "minus"),
    "infinity", "NaN"."""
    if "-" in text:
        text = text.replace("-", MINUS)
    if "n" in text:
        text = text.replace("inf", "infinity").replace("nan", "NaN")
    return text


# ---------------------------------------------------------------- pieces


def code_block(code):
    """Python source, shown as it is."""
    return '<pre tabindex="0"><code class="language-python">' + escape(code) + "</code></pre>"


def output_block(text):
    """What the notebook's print() shows."""
    return '<pre class="nb-print" tabindex="0"><samp>' + escape(text) + "</samp></pre>"


def term_key(name):
    """The data-term of a notebook name: itself, but b1 for b1[0] (b1 is one number)."""
    return "b1" if name == "b1[0]" else name


TERM = '<button type="button" class="term" data-term="%s" aria-label="%s = %s">%s</button>'
VALUE = '<span class="term-value">%s</span>'


def _term(item, memo):
    """(text, the term's HTML, its value's HTML) for item {"name", "text"}; memo (a dict, or None) keeps them
    by name: the sums name each weight, bias and input several times."""
    name, text = item["name"], item["text"]
    if memo is not None:
        known = memo.get(name)
        if known is not None and known[0] == text:
            return known
    label, escaped = escape(name), escape(text)
    known = (text, TERM % ("b1" if name == "b1[0]" else label, label, spoken(escaped), label), VALUE % escaped)
    if memo is not None:
        memo[name] = known
    return known


def term(item, memo=None):
    """A focusable term of an equation (item: {"name", "text"}), named with its exact value; its data-term is
    term_key(name)."""
    return _term(item, memo)[1]


def value(item, memo=None):
    """The exact value of a term."""
    return _term(item, memo)[2]


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


def _fallback(number):
    """A number as "%.8g", for a matrix whose text does not list every entry (NumPy summarises above 1000
    entries; a 2-16-1 network's largest matrix has 64). MicroPython writes "%.8g" as CPython does except,
    rarely, at a rounding tie; the worker's texts are exact."""
    if isinstance(number, str):
        return NON_FINITE.get(number, number)
    return "%.8g" % number


def cells(matrix):
    """The entries of a matrix's array2string text, row-major, escaped; from its values if the text does not
    hold one entry per cell."""
    text = escape(matrix["text"]).replace("[", " ").replace("]", " ")
    tokens = text.split()
    shape = matrix["shape"]
    count = 1
    for n in shape:
        count *= n
    if len(tokens) != count or "..." in tokens:
        tokens = [escape(_fallback(x)) for x in _flat(matrix["values"])]
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


# A table's box, which scrolls sideways on a narrow screen: focusable, so that a keyboard can scroll it, and
# named as its table is.
SCROLL = '<div class="matrix-scroll" tabindex="0" role="group" aria-label="%s">'
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
    label = escape(caption) + ", shape " + shape_text(shape)
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


def note(text, kind=""):
    return '<p class="nb-note' + (" " + kind if kind else "") + '">' + escape(text) + "</p>"


def heading(text):
    return "<h4>" + escape(text) + "</h4>"


# ---------------------------------------------------------------- 1. setup


def setup_html(section):
    """Cell 3: the program that makes the values (each line with the notebook's comment), then the values."""
    lines = []
    for item in section:
        lines.append(item["code"] + "  # " + item["comment"])
    out = [code_block("\n".join(lines))]
    scalars = []
    for item in section:
        if not item["shape"]:
            scalars.append("<dt>" + escape(item["name"]) + "</dt><dd>" + escape(item["text"]) + "</dd>")
            continue
        if scalars:
            out.append('<dl class="nb-scalars">' + "".join(scalars) + "</dl>")
            scalars = []
        name = item["name"]
        out.append(printed_matrix(name, item))
        if item.get("changed"):
            out.append(
                note(
                    name + " has changed since: the network on screen has trained or been edited. Its values now:",
                    "nb-changed",
                )
            )
            out.append(matrix_table(name + " now", item["current"]))
    if scalars:
        out.append('<dl class="nb-scalars">' + "".join(scalars) + "</dl>")
    return "".join(out)


# ---------------------------------------------------------------- 2. forward pass and cost

SYMBOLS = "%s\u00b7%s"
NUMBERS = "(%s)\u00b7(%s)"
SYMBOLS_2 = "%s\u00b7%s + %s\u00b7%s"
NUMBERS_2 = "(%s)\u00b7(%s) + (%s)\u00b7(%s)"
ENTRY = (
    '<li><p class="equation">%s = %s + %s<br> = %s + %s = %s</p><p class="equation">%s = %s(%s) = %s(%s) = %s</p></li>'
)


def entry_html(entry, memo=None):
    """One unrolled sum and its activation: Z = W·A + ... + b = (w)·(a) + ... + b = z, and A = g(Z) = a.
    memo: as for _term()."""
    Z, A, bias = _term(entry["Z"], memo), _term(entry["A"], memo), _term(entry["bias"], memo)
    terms = entry["terms"]
    if len(terms) == 2:  # a hidden unit's sum (two inputs): one format instead of a loop
        w0, a0 = _term(terms[0]["weight"], memo), _term(terms[0]["input"], memo)
        w1, a1 = _term(terms[1]["weight"], memo), _term(terms[1]["input"], memo)
        symbols = SYMBOLS_2 % (w0[1], a0[1], w1[1], a1[1])
        numbers = NUMBERS_2 % (w0[2], a0[2], w1[2], a1[2])
    else:
        symbols, numbers = [], []
        for t in terms:
            weight, given = _term(t["weight"], memo), _term(t["input"], memo)
            symbols.append(SYMBOLS % (weight[1], given[1]))
            numbers.append(NUMBERS % (weight[2], given[2]))
        symbols, numbers = " + ".join(symbols), " + ".join(numbers)
    function = A[3] if len(A) > 3 else escape(entry["A"]["function"])
    return ENTRY % (
        Z[1],
        symbols,
        bias[1],
        numbers,
        "(" + bias[2] + ")" if bias[0].startswith("-") else bias[2],
        Z[2],
        A[1],
        function,
        Z[1],
        function,
        Z[2],
        A[2],
    )


def entries_html(entries, memo=None):
    return '<ol class="nb-entries">' + "".join([entry_html(e, memo) for e in entries]) + "</ol>"


def _match(line):
    name = escape(line["name"])
    if line["matches_unrolled"]:
        return '<p class="match same">\u2713 The same as the unrolled ' + name + ".</p>"
    return '<p class="match differ">\u2717 Not the same as the unrolled ' + name + ".</p>"


def forward_html(section):
    """Cells 4-13: the sums entry by entry, with every weight, input and bias a term; the matrices they make;
    the cost; then the same pass as matrix products."""
    activation = escape(section["activation"])
    memo = {}  # the terms' HTML: each weight, bias and input is named in several sums
    out = [
        "<p>The hidden layer's activation is <code>",
        activation,
        "</code>, the output's <code>sigmoid</code>.</p>",
        heading("Hidden layer, unrolled: Z1 and A1 entry by entry"),
        entries_html(section["hidden"], memo),
        printed_matrix("Z1", section["Z1"]),
        printed_matrix("A1", section["A1"]),
        heading("Output layer, unrolled: Z2 and A2"),
        entries_html(section["output"], memo),
        printed_matrix("Z2", section["Z2"]),
        printed_matrix("A2", section["A2"]),
        heading("Cost"),
        '<p class="nb-scalar">J = <span class="value">',
        escape(section["J"]["text"]),
        "</span></p>",
        heading("The same pass as matrix products"),
    ]
    for line in section["matrix"]:
        out.append(code_block(line["code"]))
        out.append(printed_matrix(line["name"], line))
        out.append(_match(line))
    return "".join(out)


# ---------------------------------------------------------------- 3. backpropagation and gradient checks


def summary(gradients):
    """ "6 of 8 gradients right; 2 wrong." from the verdicts."""
    counts = {}
    for g in gradients:
        counts[g["verdict"]] = counts.get(g["verdict"], 0) + 1
    text = "{} of {} gradients right".format(counts.get("right", 0), len(gradients))
    others = ["{} {}".format(counts[v], v) for v in VERDICTS[1:] if counts.get(v)]
    return text + ("; " + ", ".join(others) if others else "") + "."


def verdict_html(gradient):
    band = gradient["verdict"]
    word = VERDICT_WORDS.get(band, band)
    return (
        '<p class="verdict '
        + escape(band)
        + '"><strong class="verdict-word">'
        + escape(word)
        + ".</strong> "
        + escape(gradient["verdict_text"])
        + "</p>"
    )


def gradient_html(gradient, kink_units):
    name = gradient["name"]
    out = [
        heading(name + " (\u2202J/\u2202" + gradient["of"] + ")"),
        '<div class="nb-formula">',
        gradient["formula"],
        "</div>",
        '<p class="formula-text">',
        escape(gradient["formula_text"]),
        "</p>",
    ]
    for line in gradient["code_lines"]:
        out.append(
            '<figure class="nb-code"><figcaption>'
            + escape(line["source"])
            + "</figcaption>"
            + code_block(line["code"])
            + "</figure>"
        )
    out.append('<div class="nb-pair">')
    out.append(matrix_table(name + " by backprop (analytic)", gradient["analytic"]))
    if "numeric" in gradient:
        out.append(
            matrix_table(name + " numeric, central differences with h = " + gradient["h_text"], gradient["numeric"])
        )
    out.append("</div>")
    if "verdict" in gradient:
        out.append(
            '<p class="nb-error">Relative error <span class="value">'
            + escape(gradient["relative_error_text"])
            + "</span> (h = "
            + escape(gradient["h_text"])
            + ")</p>"
        )
        out.append(verdict_html(gradient))
        if gradient.get("kink"):
            out.append(note("Near relu's kink at 0 (within h): " + ", ".join(kink_units) + ".", "nb-kink"))
    return '<div class="nb-gradient">' + "".join(out) + "</div>"


def backward_html(section):
    """Each gradient: the chain rule (MathML and plain text), the model's own lines, backprop's matrix against
    central differences, the relative error and its verdict; the notebook's slip in notebook mode."""
    gradients = section["gradients"]
    out = []
    if section.get("notebook_note"):
        out.append(note(section["notebook_note"], "nb-notebook-mode"))
    checked = [g for g in gradients if "verdict" in g]
    if checked and len(checked) == len(gradients):
        out.append('<p class="nb-summary">' + escape(summary(gradients)) + "</p>")
    else:
        out.append(note(PENDING, "nb-pending"))
    kink_units = section.get("kink_units") or []
    for g in gradients:
        out.append(gradient_html(g, kink_units))
    return "".join(out)


# ---------------------------------------------------------------- 4. the notebook's own check


def _cell(number, label, code, matrix, caption):
    return (
        '<div class="nb-cell"><p class="nb-cell-label">In ['
        + str(number)
        + "]: "
        + escape(label)
        + "</p>"
        + code_block(code)
        + printed_matrix(caption, matrix)
        + "</div>"
    )


def notebook_check_html(section):
    """Cells 16-31: for each gradient the notebook's forward difference and analytic formula, both rounded to
    5 decimals and printed, and whether the two prints agree."""
    gradients = section["gradients"]
    out = [note(section["note"])]
    checked = [g for g in gradients if "agree" in g]
    if checked and len(checked) == len(gradients):
        agree = len([g for g in gradients if g["agree"]])
        out.append('<p class="nb-summary">' + "{} of {} prints agree.".format(agree, len(gradients)) + "</p>")
    else:
        out.append(note(PENDING, "nb-pending"))
    for g in gradients:
        name = g["name"]
        out.append('<div class="nb-check">')
        out.append(heading("{}: cells {} and {}".format(name, g["numeric_cell"], g["analytic_cell"])))
        out.append('<div class="nb-pair">')
        if "numeric" in g:
            out.append(
                _cell(
                    g["numeric_cell"],
                    "forward difference, delta = " + section["delta_text"],
                    g["numeric_code"],
                    g["numeric"],
                    name + " numeric, rounded",
                )
            )
        out.append(
            _cell(
                g["analytic_cell"],
                "the analytic formula",
                g["analytic_code"],
                g["analytic"],
                name + " analytic, rounded",
            )
        )
        out.append("</div>")
        if "agree" in g:
            if g["agree"]:
                out.append('<p class="agreement agree">\u2713 The two prints agree.</p>')
            else:
                out.append('<p class="agreement differ">\u2717 The two prints differ.</p>')
        out.append("</div>")
    return "".join(out)


# ---------------------------------------------------------------- 5. one gradient-descent step


def step_html(section):
    """The model's update lines, then for each parameter: before, gradient, learning_rate x gradient, after;
    and the cost before and after."""
    out = [
        '<p>learning_rate = <span class="value">',
        escape(section["learning_rate_text"]),
        "</span></p>",
        '<figure class="nb-code"><figcaption>backprop/train.py: Run.train</figcaption>',
        code_block("\n".join(section["code"])),
        "</figure>",
    ]
    for p in section["params"]:
        name = p["name"]
        out.append('<div class="nb-update">')
        out.append(heading(p["formula_text"]))
        out.append('<div class="nb-pair">')
        out.append(matrix_table(name + " before", p["before"]))
        out.append(matrix_table("d" + name, p["gradient"]))
        out.append(matrix_table("learning_rate \u00b7 d" + name, p["update"]))
        out.append(matrix_table(name + " after", p["after"]))
        out.append("</div></div>")
    out.append('<dl class="nb-scalars">')
    for key, label in (("J_before", "J before the step"), ("J_after", "J after the step"), ("J_change", "Change in J")):
        out.append("<dt>" + label + "</dt><dd>" + escape(section[key]["text"]) + "</dd>")
    out.append("</dl>")
    # The lab's Step: exactly this step (the page layer handles data-action="step").
    out.append('<p><button type="button" class="nb-take-step" data-action="step">Take this step</button></p>')
    return "".join(out)


# ---------------------------------------------------------------- 6. the training log


def log_html(section):
    """Cell 35's printed costs for a fresh run of these settings, and cell 36's rounded predictions."""
    label = "Cost J printed every {} of {} steps, learning_rate = {}".format(
        section["every"], section["steps"], escape(section["learning_rate_text"])
    )
    out = [
        SCROLL % label,
        '<table class="nb-log"><caption>',
        label,
        '</caption><thead><tr><th scope="col">step i</th><th scope="col">J</th></tr></thead><tbody>',
    ]
    for line in section["lines"]:
        out.append('<tr><th scope="row">' + str(line["step"]) + "</th><td>" + escape(line["text"]) + "</td></tr>")
    out.append("</tbody></table></div>")
    if section.get("status") == "diverged":
        out.append(
            note(
                "This run diverged: " + (section.get("reason") or "its values are no longer finite") + ".",
                "nb-diverged",
            )
        )
    p = section["predictions"]
    a2, y = escape(p["text"]), escape(p["Y_text"])
    a2_cells = a2.replace("[", " ").replace("]", " ").split()
    y_cells = y.replace("[", " ").replace("]", " ").split()
    out.append(code_block(p["code"]))
    out.append(output_block("A2 = " + p["text"] + "\nY = " + p["Y_text"]))
    label = "Predictions A2 after step {}, rounded to 3 decimals, against the targets Y".format(p["step"])
    out.append(SCROLL % label + '<table class="matrix"><caption>' + label + "</caption><thead><tr><td></td>")
    for j in range(len(y_cells)):
        out.append('<th scope="col">' + str(j) + "</th>")
    out.append("</tr></thead><tbody>")
    for name, row in (("A2", a2_cells), ("Y", y_cells)):
        out.append('<tr><th scope="row">' + name + "</th><td>" + "</td><td>".join(row) + "</td></tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


RENDERERS = {
    "setup": setup_html,
    "forward": forward_html,
    "backward": backward_html,
    "notebook_check": notebook_check_html,
    "step": step_html,
    "log": log_html,
}


def section_html(key, notebook):
    """The HTML of one section's body."""
    return RENDERERS[key](notebook[key])


# ---------------------------------------------------------------- the view


def page(nb):
    """What the page's Notebook view writes, for the worker's dict nb (worker/notebook/sections.py): the sections' keys
    in order, their titles and the HTML of each body."""
    keys = [key for key in SECTION_KEYS if key in nb.get("sections", SECTION_KEYS) and key in nb]
    return {
        "keys": keys,
        "titles": {key: SECTION_TITLES[key] for key in keys},
        "html": {key: section_html(key, nb) for key in keys},
    }
