"""What lights up together (app/lab/linked.py): the parameter or the example a name stands for, and the lab's
plots lit through the context's "highlight" topic, pointing at one of them saying so to every subscriber.

Oracles: the notebook's names written by hand (W0[1,0] is a weight; A0[k,j], Z1[i,j], A1[i,j], Z2[0,j], A2[0,j]
belong to example j), and what each plot was asked to light, recorded."""

import pytest

from app.context import Context
from app.lab.linked import LinkedPlots, example_of, lit, parameter_of
from fake_dom import Document
from lab_page import Window


@pytest.mark.parametrize(
    ("term", "parameter", "example"),
    [
        ("W0[1,0]", "W0[1,0]", None),
        ("b0[1]", "b0[1]", None),
        ("b1", "b1", None),
        ("W1[0,1]", "W1[0,1]", None),
        ("A0[0,2]", None, 2),
        ("Z1[1,3]", None, 3),
        ("A2[0,1]", None, 1),
        ("A1[1,0]", None, 0),
        ("Z2[0,3]", None, 3),
    ],
)
def test_a_term_names_a_parameter_or_an_example(term, parameter, example):
    assert parameter_of(term) == parameter
    assert example_of(term) == example


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        (None, (None, None)),
        (("term", "W0[1,0]"), ("W0[1,0]", None)),
        (("term", "Z1[1,3]"), (None, 3)),
        (("point", "b1"), ("b1", None)),
        (("example", 2), (None, 2)),
    ],
)
def test_what_a_highlight_lights(what, expected):
    assert lit(what) == expected


class Plot:
    """A plot's highlight(), recorded; the diagram's on_point and the predictions' on_example as the lab sets them."""

    def __init__(self):
        self.lit, self.on_point, self.on_example = [], None, None

    def highlight(self, value):
        self.lit.append(value)


def test_pointing_at_a_plot_lights_the_others_through_the_context():
    context = Context(Document(), Window(), None)
    diagram, surface, predictions = Plot(), Plot(), Plot()
    plots = LinkedPlots(context, diagram, surface)
    heard = []
    context.subscribe("highlight", heard.append)
    diagram.on_point("W1[0,1]")  # the diagram lights its own weight: not asked again
    assert (diagram.lit, surface.lit) == ([], [None])
    plots.attach(predictions)
    predictions.on_example(2)
    assert (diagram.lit, predictions.lit, surface.lit) == ([None], [2], [None, 2])
    context.publish("highlight", ("example", 2))  # the same again: nothing redrawn
    assert surface.lit == [None, 2]
    context.publish("highlight", ("term", "W0[1,0]"))  # a notebook term
    assert (diagram.lit[-1], predictions.lit[-1], surface.lit[-1]) == ("W0[1,0]", None, None)
    predictions.on_example(None)
    assert (diagram.lit[-1], predictions.lit[-1], surface.lit[-1]) == (None, None, None)
    assert heard == [("point", "W1[0,1]"), ("example", 2), ("example", 2), ("term", "W0[1,0]"), None]
