"""What lights up together in the lab's plots and the notebook beside them: a weight or a bias (by its name, W0[1,0],
b0[1], b1) or an example (its column j of A0). It is pointed at in the network diagram, in the predictions or on a
term of the notebook (app/notebook/terms.py), and lit everywhere it appears, through the context's "highlight"
topic, whose `what` is ("term", name), ("point", name) (the diagram's weight under the pointer), ("example", j)
(a prediction's row) or None (nothing)."""

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


def lit(what):
    """(the parameter's name or None, the example's column or None) that `what` lights."""
    kind, value = what if what is not None else (None, None)
    parameter = parameter_of(value) if kind in ("term", "point") else None
    example = example_of(value) if kind == "term" else value if kind == "example" else None
    return parameter, example


class LinkedPlots:
    """The lab's side: pointing at a weight in the diagram or at a prediction says so to the context; what is lit
    shows in the diagram, the predictions (once built, attach()) and on the decision surface."""

    def __init__(self, context, diagram, surface):
        self.context, self.diagram, self.surface = context, diagram, surface
        self.predictions = None
        self.shown = None
        diagram.on_point = lambda name: context.publish("highlight", None if name is None else ("point", name))
        context.subscribe("highlight", self.show)

    def attach(self, predictions):
        """The predictions table, once it exists (it is built from the first snapshot)."""
        self.predictions = predictions
        predictions.on_example = lambda j: self.context.publish("highlight", None if j is None else ("example", j))

    def show(self, what):
        if what == self.shown:
            return
        self.shown = what
        parameter, example = lit(what)
        if what is None or what[0] != "point":  # the diagram lights its own weight when pointed at
            self.diagram.highlight(parameter)
        if self.predictions is not None:
            self.predictions.highlight(example)
        self.surface.highlight(example)
