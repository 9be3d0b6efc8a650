"""Any weight's or bias's chain rule, with this network's numbers: the panel that opens under the network diagram
(index.html's #chain-panel) when a weight or bias is clicked, tapped, or focused and Enter or Space is pressed.

It shows the parameter's value and gradient, the formula and the definitions of its factors, and one row per example
j with each factor's value and their product, then the sum; every number is the worker's text (snap["chain"],
worker/network/chain.py), with a real minus sign. It stays open and follows the snapshots while training (the lab asks
for the chain of chain_name() with the plots), and says which step's numbers it shows. Escape or Close shuts it and
gives the focus back to the weight.

Pure functions build the texts and the table from a snap["chain"] dict; `ChainPanel` writes them into the page.
Plain Python for MicroPython and CPython; the browser modules are imported inside the methods.
"""

from shared.exact_text import exact_value
from shared.i18n import _


def gradient_name(name):
    """ "dW1[0,1]" for "W1[0,1]"."""
    return "d" + name


def heading(name):
    # Translators: {name} is a weight's or bias's name (W0[1,0], b1), kept as it is.
    return _("Chain rule for {name}").format(name=name)


def field_label(name):
    return _("Value of {name}").format(name=name)


def step_text(step):
    """Which step's numbers the panel shows."""
    return _("The gradient at step {step}, which step {next} uses (the parameters now, before that step).").format(
        step=step, next=step + 1
    )


def slip_text(chain):
    """The notebook mode's note, or "" when the gradient does not go through the notebook's slip."""
    if not chain["slip"]:
        return ""
    return _(
        "Notebook mode: this gradient goes through the notebook's slip, the hidden layer's derivative taken at A1 "
        "instead of Z1 (marked g′(A1[…]) above), so it is the notebook's number, not the calculus's."
    )


def caption(chain):
    """The table's caption, with what it leaves out of a data set's terms (chain["note"])."""
    gradient, factors = gradient_name(chain["name"]), " · ".join(chain["factors"])
    if chain.get("note"):
        # Translators: {gradient} is a gradient's name (dW0[1,0]); {factors} the chain rule's factors, as code;
        # {note} is the model's sentence of the terms the table leaves out.
        return _("Each example j's term of {gradient}: {factors}. {note}").format(
            gradient=gradient, factors=factors, note=chain["note"]
        )
    return _("Each example j's term of {gradient}: {factors}").format(gradient=gradient, factors=factors)


def headers(chain):
    """The table's column headers: the example, each factor, the product."""
    # Translators: the chain rule table's first and last column headings (j is the example's index).
    return [_("example j")] + list(chain["factors"]) + [_("product")]


def rows(chain):
    """One row of texts per example summed over: j, each factor's value, the product."""
    return [
        [str(term["example"])] + [exact_value(x) for x in term["factors"]] + [exact_value(term["product"])]
        for term in chain["terms"]
    ]


def totals(chain):
    """The table's foot: [(label, text)]: the sum of the products (left to right), then the model's gradient, and a
    note when the two texts differ in their last digits (NumPy adds in its own order)."""
    grad = gradient_name(chain["name"])
    label = _("sum of the products")
    if chain.get("count") is not None and chain["count"] > len(chain["terms"]):
        label = _("sum of all {count} products").format(count=chain["count"])
    out = [(label, exact_value(chain["sum"])), (f"= {grad}", exact_value(chain["gradient"]))]
    if chain["sum"] != chain["gradient"]:
        note = _("(the model adds the same terms in NumPy's order: the last digits of {gradient} may differ)")
        out.append(("", note.format(gradient=grad)))
    return out


def value_lines(chain):
    """[(name, text)]: the parameter's value and its gradient."""
    return [
        (chain["name"], exact_value(chain["value"])),
        (gradient_name(chain["name"]), exact_value(chain["gradient"])),
    ]


class ChainPanel:
    """The panel's elements (index.html), filled from snap["chain"]. on_close(name) is called when it closes (the
    network panel gives the focus back to the weight)."""

    IDS = (
        "chain-panel",
        "chain-heading",
        "chain-close",
        "chain-at",
        "chain-values",
        "chain-formula",
        "chain-definitions",
        "chain-slip",
        "chain-caption",
        "chain-head",
        "chain-body",
        "chain-foot",
        "chain-field",
        "chain-field-label",
    )

    def __init__(self, document, on_close=None):
        from pyscript.ffi import create_proxy

        self.document = document
        self.el = {name: document.getElementById(name) for name in self.IDS}
        self.el["chain-panel"].hidden = True
        self.name = None  # the parameter shown, while open
        self.on_close = on_close
        self.shape = None  # (name, number of terms, number of factors) the table was built for
        self.cells = []  # the table's body cells, row by row
        self._texts = {}
        self._proxies = [create_proxy(lambda event: self.close()), create_proxy(self._on_keydown)]
        self.el["chain-close"].addEventListener("click", self._proxies[0])
        self.el["chain-panel"].addEventListener("keydown", self._proxies[1])

    @property
    def is_open(self):
        return self.name is not None

    def open(self, name, value="", focus_field=False):
        """Open the panel for the parameter name ("W1[0,1]") whose value on screen is the text value; its numbers
        come with the next snapshot."""
        el = self.el
        if name != self.name:
            self.name = name
            self._text("chain-heading", heading(name))
            self._text("chain-field-label", field_label(name))
            self._text("chain-at", _("Asking the model for its numbers…"))
            el["chain-field"].value = value
        el["chain-panel"].hidden = False
        if focus_field:
            el["chain-field"].focus()
            el["chain-field"].select()
        else:
            el["chain-panel"].focus()

    def close(self):
        name = self.name
        if name is None:
            return
        self.name = None
        self.el["chain-panel"].hidden = True
        if self.on_close is not None:
            self.on_close(name)

    def _on_keydown(self, event):
        if event.key == "Escape":
            event.preventDefault()
            self.close()

    def _text(self, key, text):
        if self._texts.get(key) != text:
            self.el[key].textContent = text
            self._texts[key] = text

    def show(self, chain):
        """Write snap["chain"] (a dict, or None when this network has no such parameter) into the open panel."""
        if self.name is None:
            return
        if chain is None:
            self._text("chain-at", _("This network has no {name}.").format(name=self.name))
            return
        if chain["name"] != self.name:
            return  # an answer to an earlier request, for another parameter
        self._text("chain-at", step_text(chain["step"]))
        self._text("chain-formula", chain["formula"])
        self._list("chain-values", value_lines(chain))
        self._lines("chain-definitions", chain["definitions"])
        slip = slip_text(chain)
        self._text("chain-slip", slip)
        self.el["chain-slip"].hidden = not slip
        self._text("chain-caption", caption(chain))
        self._table(chain)
        field = self.el["chain-field"]
        if getattr(self.document, "activeElement", None) is not field and not field.value:
            field.value = chain["value"]

    def _list(self, key, pairs):
        """A <dl> of (term, value) pairs, rebuilt only when its texts change."""
        if self._texts.get(key) == pairs:
            return
        document, dl = self.document, self.el[key]
        items = []
        for term, value in pairs:
            dt, dd = document.createElement("dt"), document.createElement("dd")
            dt.textContent, dd.textContent = term, value
            items += [dt, dd]
        dl.replaceChildren(*items)
        self._texts[key] = pairs

    def _lines(self, key, lines):
        if self._texts.get(key) == lines:
            return
        items = []
        for line in lines:
            item = self.document.createElement("li")
            item.textContent = line
            items.append(item)
        self.el[key].replaceChildren(*items)
        self._texts[key] = list(lines)

    def _row(self, parent, texts, header_cells=False, scope="col"):
        document = self.document
        row = document.createElement("tr")
        cells = []
        for text in texts:
            cell = document.createElement("th" if header_cells else "td")
            if header_cells:
                cell.setAttribute("scope", scope)
            cell.textContent = text
            row.appendChild(cell)
            cells.append(cell)
        parent.appendChild(row)
        return cells

    def _table(self, chain):
        """The terms' table: built when its shape changes, else only the changed cells written."""
        body_rows = rows(chain)
        shape = (chain["name"], len(body_rows), len(chain["factors"]))
        if shape != self.shape:
            head, body = self.el["chain-head"], self.el["chain-body"]
            head.replaceChildren()
            body.replaceChildren()
            self._row(head, headers(chain), header_cells=True)
            self.cells = [self._row(body, texts) for texts in body_rows]
            self.shape = shape
            self._texts.pop("chain-foot", None)
        else:
            for cells, texts in zip(self.cells, body_rows):
                for cell, text in zip(cells, texts):
                    if cell.textContent != text:
                        cell.textContent = text
        foot = totals(chain)
        if self._texts.get("chain-foot") != foot:
            document, tfoot = self.document, self.el["chain-foot"]
            tfoot.replaceChildren()
            span = str(len(chain["factors"]) + 1)
            for label, text in foot:
                row = document.createElement("tr")
                td = document.createElement("td")
                td.textContent = text
                if label:
                    th = document.createElement("th")
                    th.setAttribute("scope", "row")
                    th.setAttribute("colspan", span)
                    th.textContent = label
                    row.appendChild(th)
                else:  # a note across the table
                    td.setAttribute("colspan", str(len(chain["factors"]) + 2))
                    td.setAttribute("class", "chain-note")
                row.appendChild(td)
                tfoot.appendChild(row)
            self._texts["chain-foot"] = foot
