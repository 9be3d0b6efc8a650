"""Links between the notebook's terms and the plots beside it: hover or focus a term (W0[1,0], A0[0,2],
Z1[1,2]) and the same weight lights up in the network diagram, the same example (the column j of A0) in
the predictions and on the decision surface; hover a weight, a bias or a prediction, and its terms light
up in the notebook. Terms are the notebook view's elements with a data-term attribute."""

PARAMETERS = ("W0", "b0", "W1", "b1")


def parameter_of(term):
    """The term itself when it names a weight or bias ("W0[1,0]", "b0[1]", "b1"), else None."""
    return term if term.partition("[")[0] in PARAMETERS else None


def example_of(term):
    """The example a term belongs to: j of A0[k,j], Z1[i,j], A1[i,j], Z2[0,j], A2[0,j]; None for a parameter."""
    name, _, index = term.partition("[")
    parts = index.rstrip("]").split(",")
    if name in PARAMETERS or len(parts) != 2 or not parts[1].strip().isdigit():
        return None
    return int(parts[1])


class Links:
    def __init__(self, notebook, diagram, surface):
        self.notebook, self.diagram, self.surface = notebook, diagram, surface
        self.predictions = None
        self.shown = None  # what is lit now: ("term", name), ("point", name), ("example", j) or None
        notebook.addEventListener("mouseover", self._on_term)
        notebook.addEventListener("focusin", self._on_term)
        notebook.addEventListener("mouseout", self._on_leave)
        notebook.addEventListener("focusout", self._on_leave)
        diagram.on_point = lambda name: self.show(None if name is None else ("point", name))

    def attach(self, predictions):
        """The predictions table, once it exists (it is built from the first snapshot)."""
        self.predictions = predictions
        predictions.on_example = lambda j: self.show(None if j is None else ("example", j))

    def _on_term(self, event):
        element = event.target.closest("[data-term]")
        if element is not None:
            self.show(("term", element.getAttribute("data-term")))

    def _on_leave(self, event):
        related = event.relatedTarget
        if related is None or related.closest("[data-term]") is None:
            self.show(None)

    def show(self, what):
        """Light what up everywhere it appears (None: nothing)."""
        if what == self.shown:
            self.refresh()  # the same term again, maybe in a notebook redrawn meanwhile
            return
        if what is None:
            self.mark_terms(lambda term: False)
        self.shown = what
        kind, value = what if what is not None else (None, None)
        parameter = parameter_of(value) if kind in ("term", "point") else None
        example = example_of(value) if kind == "term" else value if kind == "example" else None
        if kind != "point":  # the diagram lights its own weight when pointed at
            self.diagram.highlight(parameter)
        if self.predictions is not None:
            self.predictions.highlight(example)
        self.surface.highlight(example)
        self.refresh()

    def refresh(self):
        """Mark the notebook's terms of what is lit now: again after the notebook was redrawn (whose new
        terms are unmarked, so with nothing lit there is nothing to do)."""
        if self.shown is None:
            return
        kind, value = self.shown
        parameter = parameter_of(value) if kind in ("term", "point") else None
        example = example_of(value) if kind == "term" else value if kind == "example" else None
        if parameter is not None:
            self.mark_terms(lambda term: term == parameter)
        else:
            self.mark_terms(lambda term: example is not None and example_of(term) == example)

    def mark_terms(self, wanted):
        terms = self.notebook.querySelectorAll("[data-term]")
        for i in range(terms.length):
            element = terms[i]
            if wanted(element.getAttribute("data-term")):
                element.classList.add("linked")
            else:
                element.classList.remove("linked")
