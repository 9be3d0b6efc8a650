"""The Notebook view's HTML: the seed notebook's sections, worked through for the network on screen.

sections.py builds one dict of the sections (see its docstring); page() turns each section into one HTML string,
in the worker, so that the page's MicroPython only writes each section with a single innerHTML
(app/notebook/view.py): for n_h = 16 the sections are about 170 KB of JSON, which MicroPython read in about
25 ms and rendered in about 35 ms more, too long for a frame while training.

No NumPy here: the HTML is built from blocks.py (code, prints, notes, matrix tables) and terms.py (the unrolled
sums), and no float is formatted: every number shown is the dict's text. Everything taken from the dict is
escaped (markup.escape), except the gradients' MathML, which mathml.py builds and escapes itself.
"""

from shared.i18n import N_, _, ngettext
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
    "setup": N_("1. Setup"),
    "forward": N_("2. Forward pass and cost, unrolled and as matrices"),
    "backward": N_("3. Backpropagation and gradient checks"),
    "notebook_check": N_("4. The notebook's own check"),
    "step": N_("5. One gradient-descent step"),
    "log": N_("6. The ANN class and its training log"),
}
PENDING = N_("The numeric check is computed when this section is shown.")

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
                    _(
                        "{name} has changed since: the network on screen has trained or been edited. Its values now:"
                    ).format(name=name),
                    "nb-changed",
                )
            )
            # Translators: the caption of a parameter's table as the network on screen has it now ("W0 now").
            out.append(matrix_table(_("{name} now").format(name=name), item["current"]))
    if scalars:
        out.append('<dl class="nb-scalars">' + "".join(scalars) + "</dl>")
    return "".join(out)


# ---------------------------------------------------------------- 2. forward pass and cost


def _match(line, cut=""):
    """Whether a matrix product's value is the unrolled one; with cut ("[:, :4]", more examples than were
    unrolled) its first columns are compared, and J with the cost over every example written above."""
    name = escape(line["name"] + cut)
    same = line["matches_unrolled"]
    if not cut:
        text = _("The same as the unrolled {name}.") if same else _("Not the same as the unrolled {name}.")
    elif line["name"] == "J":
        text = _("The same as J above.") if same else _("Not the same as J above.")
    elif same:
        text = _("The same as the unrolled {name} in its first columns.")
    else:
        text = _("Not the same as the unrolled {name} in its first columns.")
    text = escape(text).format(name=name)
    if same:
        return '<p class="match same">\u2713 ' + text + "</p>"
    return '<p class="match differ">\u2717 ' + text + "</p>"


def forward_html(section):
    """Cells 4-13: the sums entry by entry, with every weight, input and bias a term; the matrices they make;
    the cost; then the same pass as matrix products."""
    activation = escape(section["activation"])
    memo = {}  # the terms' HTML: each weight, bias and input is named in several sums
    k, m = section.get("columns"), section.get("m")
    cut = "[:, :" + str(k) + "]" if k is not None and m is not None and k < m else ""  # the first k columns
    out = [
        "<p>",
        _("The hidden layer's activation is <code>{activation}</code>, the output's <code>sigmoid</code>.").format(
            activation=activation
        ),
        "</p>",
    ]
    if section.get("note"):
        out.append(note(section["note"], "nb-first-examples"))
    out += [
        heading(_("Hidden layer, unrolled: Z1 and A1 entry by entry")),
        entries_html(section["hidden"], memo),
        printed_matrix("Z1" + cut, section["Z1"]),
        printed_matrix("A1" + cut, section["A1"]),
        heading(_("Output layer, unrolled: Z2 and A2")),
        entries_html(section["output"], memo),
        printed_matrix("Z2" + cut, section["Z2"]),
        printed_matrix("A2" + cut, section["A2"]),
        # Translators: the heading of the cost J in the Notebook view's forward pass.
        heading(_("Cost")),
        '<p class="nb-scalar">J = <span class="value">',
        escape(section["J"]["text"]),
        "</span></p>",
        heading(_("The same pass as matrix products")),
    ]
    for line in section["matrix"]:
        out.append(code_block(line["code"]))
        out.append(printed_matrix(line["name"], line))
        out.append(_match(line, cut))
    return "".join(out)


# ---------------------------------------------------------------- 3. backpropagation and gradient checks


def verdict_html(gradient):
    band = gradient["verdict"]
    word = _(VERDICT_WORDS[band]) if band in VERDICT_WORDS else band
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
        # Focusable, as a table's box is (blocks.SCROLL): a long formula scrolls sideways on a narrow screen.
        '<div class="nb-formula" tabindex="0" role="group" aria-label="'
        + escape(_("The formula of {name}").format(name=name))
        + '">',
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
    out.append(matrix_table(_("{name} by backprop (analytic)").format(name=name), gradient["analytic"]))
    if "numeric" in gradient:
        out.append(
            matrix_table(
                _("{name} numeric, central differences with h = {h}").format(name=name, h=gradient["h_text"]),
                gradient["numeric"],
            )
        )
    out.append("</div>")
    if "verdict" in gradient:
        out.append(
            '<p class="nb-error">'
            + _('Relative error <span class="value">{error}</span> (h = {h})').format(
                error=escape(gradient["relative_error_text"]), h=escape(gradient["h_text"])
            )
            + "</p>"
        )
        out.append(verdict_html(gradient))
        if gradient.get("kink"):
            out.append(
                note(_("Near relu's kink at 0 (within h): {units}.").format(units=", ".join(kink_units)), "nb-kink")
            )
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
        out.append(note(_(PENDING), "nb-pending"))
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
        text = ngettext("{agree} of {total} print agrees.", "{agree} of {total} prints agree.", len(gradients))
        out.append('<p class="nb-summary">' + escape(text.format(agree=agree, total=len(gradients))) + "</p>")
    else:
        out.append(note(_(PENDING), "nb-pending"))
    for g in gradients:
        name = g["name"]
        out.append('<div class="nb-check">')
        out.append(
            heading(
                _("{name}: cells {numeric} and {analytic}").format(
                    name=name, numeric=g["numeric_cell"], analytic=g["analytic_cell"]
                )
            )
        )
        out.append('<div class="nb-pair">')
        if "numeric" in g:
            out.append(
                _cell(
                    g["numeric_cell"],
                    _("forward difference, delta = {delta}").format(delta=section["delta_text"]),
                    g["numeric_code"],
                    g["numeric"],
                    _("{name} numeric, rounded").format(name=name),
                )
            )
        out.append(
            _cell(
                g["analytic_cell"],
                _("the analytic formula"),
                g["analytic_code"],
                g["analytic"],
                _("{name} analytic, rounded").format(name=name),
            )
        )
        out.append("</div>")
        if "agree" in g:
            if g["agree"]:
                out.append('<p class="agreement agree">\u2713 ' + escape(_("The two prints agree.")) + "</p>")
            else:
                out.append('<p class="agreement differ">\u2717 ' + escape(_("The two prints differ.")) + "</p>")
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
        out.append(matrix_table(_("{name} before").format(name=name), p["before"]))
        out.append(matrix_table("d" + name, p["gradient"]))
        out.append(matrix_table("learning_rate \u00b7 d" + name, p["update"]))
        out.append(matrix_table(_("{name} after").format(name=name), p["after"]))
        out.append("</div></div>")
    out.append('<dl class="nb-scalars">')
    for key, label in (
        ("J_before", _("J before the step")),
        ("J_after", _("J after the step")),
        ("J_change", _("Change in J")),
    ):
        out.append("<dt>" + escape(label) + "</dt><dd>" + escape(section[key]["text"]) + "</dd>")
    out.append("</dl>")
    # The lab's Step: exactly this step (the page layer handles data-action="step").
    out.append(
        '<p><button type="button" class="nb-take-step" data-action="step">'
        + escape(_("Take this step"))
        + "</button></p>"
    )
    return "".join(out)


# ---------------------------------------------------------------- 6. the training log


def log_html(section):
    """Cell 35's printed costs for a fresh run of these settings, and cell 36's rounded predictions."""
    label = escape(_("Cost J printed every {every} of {steps} steps, learning_rate = {rate}")).format(
        every=section["every"], steps=section["steps"], rate=escape(section["learning_rate_text"])
    )
    out = [
        SCROLL % label,
        '<table class="nb-log"><caption>',
        label,
        '</caption><thead><tr><th scope="col">',
        # Translators: the column of the training log's steps (i is the notebook's loop variable).
        escape(_("step i")),
        '</th><th scope="col">J</th></tr></thead><tbody>',
    ]
    for line in section["lines"]:
        out.append('<tr><th scope="row">' + str(line["step"]) + "</th><td>" + escape(line["text"]) + "</td></tr>")
    out.append("</tbody></table></div>")
    if section.get("status") == "diverged":
        out.append(
            note(
                _("This run diverged: {reason}.").format(
                    reason=section.get("reason") or _("its values are no longer finite")
                ),
                "nb-diverged",
            )
        )
    p = section["predictions"]
    a2, y = escape(p.get("cells") or p["text"]), escape(p.get("Y_cells") or p["Y_text"])
    a2_cells = a2.replace("[", " ").replace("]", " ").split()
    y_cells = y.replace("[", " ").replace("]", " ").split()
    out.append(code_block(p["code"]))
    out.append(output_block("A2 = " + p["text"] + "\nY = " + p["Y_text"]))
    label = escape(_("Predictions A2 after step {step}, rounded to 3 decimals, against the targets Y")).format(
        step=p["step"]
    )
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
        "titles": {key: _(SECTION_TITLES[key]) for key in keys},
        "html": {key: section_html(key, nb) for key in keys},
    }
