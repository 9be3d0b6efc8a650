"""Links between the notebook's terms and the plots beside it: hover or focus a term (W0[1,0], A0[0,2],
Z1[1,2]) and the same weight lights up in the network diagram, the same example (the column j of A0) in
the predictions and on the decision surface (app/lab/linked.py); hover a weight, a bias or a prediction, and
its terms light up in the notebook. Terms are the notebook view's elements with a data-term attribute."""

from app.lab.linked import example_of, lit


class Links:
    """The notebook's side: hovering or focusing a term says so to the context ("highlight"), and the terms of
    what is lit, wherever it was pointed at, are marked."""

    def __init__(self, notebook, context):
        self.notebook, self.context = notebook, context
        self.shown = None  # what is lit now: ("term", name), ("point", name), ("example", j) or None
        notebook.addEventListener("mouseover", self._on_term)
        notebook.addEventListener("focusin", self._on_term)
        notebook.addEventListener("mouseout", self._on_leave)
        notebook.addEventListener("focusout", self._on_leave)
        context.subscribe("highlight", self.light)

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
        self.context.publish("highlight", what)

    def light(self, what):
        if what == self.shown:
            self.refresh()  # the same term again, maybe in a notebook redrawn meanwhile
            return
        if what is None:
            self.mark_terms(lambda term: False)
        self.shown = what
        self.refresh()

    def refresh(self):
        """Mark the notebook's terms of what is lit now: again after the notebook was redrawn (whose new
        terms are unmarked, so with nothing lit there is nothing to do)."""
        if self.shown is None:
            return
        parameter, example = lit(self.shown)
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
