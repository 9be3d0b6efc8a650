"""The Notebook view's HTML: the seed notebook's sections, worked through for the network on screen.

sections.py builds one dict of the sections (see its docstring); page() turns each section into one HTML string,
in the worker, so that the page's MicroPython only writes each section with a single innerHTML
(app/notebook/view.py): for n_h = 16 the sections are about 170 KB of JSON, which MicroPython read in about
25 ms and rendered in about 35 ms more, too long for a frame while training.

No NumPy here: the HTML is built from blocks.py (code, prints, notes, matrix tables) and terms.py (the unrolled
sums), and no float is formatted: every number shown is the dict's text. Everything taken from the dict is
escaped (markup.escape), except the gradients' MathML, which mathml.py builds and escapes itself.
"""

from worker.notebook.blocks import (
    SCROLL,
    code_block,
    heading,
    matrix_table,
    note,
    output_block,
    printed_matrix,
)
from worker.notebook.markup import escape
from worker.notebook.sections import SECTION_KEYS
from worker.notebook.terms import entries_html
from worker.notebook.verdicts import VERDICT_WORDS, summary

SECTION_TITLES = {
    "setup": "1. Setup",
    "forward": "2. Forward pass and cost, unrolled and as matrices",
    "backward": "3. Backpropagation and gradient checks",
    "notebook_check": "4. The notebook's own check",
    "step": "5. One gradient-descent step",
    "log": "6. The ANN class and its training log",
}
PENDING = "The numeric check is computed when this section is shown."

# ---------------------------------------------------------------- 1. setup


def setup_html(section, data=None):
    """Cell 3: the program that makes the values (each line with the notebook's comment), then the values; for a
    data set (data: sections.py's "data"), first a note on the data on screen."""
    lines = []
    for item in section:
        lines.append(item["code"] + "  # " + item["comment"])
    out = [note(data["note"], "nb-data")] if data and data.get("note") else []
    out.append(code_block("\n".join(lines)))
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


def _match(line, cut=""):
    """Whether a matrix product's value is the unrolled one; with cut ("[:, :4]", more examples than were
    unrolled) its first columns are compared, and J with the cost over every example written above."""
    name = escape(line["name"])
    if not cut:
        what = "the unrolled " + name
    elif line["name"] == "J":
        what = "J above"
    else:
        what = "the unrolled " + name + cut + " in its first columns"
    if line["matches_unrolled"]:
        return '<p class="match same">\u2713 The same as ' + what + ".</p>"
    return '<p class="match differ">\u2717 Not the same as ' + what + ".</p>"


def forward_html(section):
    """Cells 4-13: the sums entry by entry, with every weight, input and bias a term; the matrices they make;
    the cost; then the same pass as matrix products."""
    activation = escape(section["activation"])
    memo = {}  # the terms' HTML: each weight, bias and input is named in several sums
    k, m = section.get("columns"), section.get("m")
    cut = "[:, :" + str(k) + "]" if k is not None and m is not None and k < m else ""  # the first k columns
    out = [
        "<p>The hidden layer's activation is <code>",
        activation,
        "</code>, the output's <code>sigmoid</code>.</p>",
    ]
    if section.get("note"):
        out.append(note(section["note"], "nb-first-examples"))
    out += [
        heading("Hidden layer, unrolled: Z1 and A1 entry by entry"),
        entries_html(section["hidden"], memo),
        printed_matrix("Z1" + cut, section["Z1"]),
        printed_matrix("A1" + cut, section["A1"]),
        heading("Output layer, unrolled: Z2 and A2"),
        entries_html(section["output"], memo),
        printed_matrix("Z2" + cut, section["Z2"]),
        printed_matrix("A2" + cut, section["A2"]),
        heading("Cost"),
        '<p class="nb-scalar">J = <span class="value">',
        escape(section["J"]["text"]),
        "</span></p>",
        heading("The same pass as matrix products"),
    ]
    for line in section["matrix"]:
        out.append(code_block(line["code"]))
        out.append(printed_matrix(line["name"], line))
        out.append(_match(line, cut))
    return "".join(out)


# ---------------------------------------------------------------- 3. backpropagation and gradient checks


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
    out = [note(section["one_example_note"], "nb-one-example")] if section.get("one_example_note") else []
    out += [
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
    a2, y = escape(p.get("cells") or p["text"]), escape(p.get("Y_cells") or p["Y_text"])
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
    if key == "setup":
        return setup_html(notebook["setup"], notebook.get("data"))
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
