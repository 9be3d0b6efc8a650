"""Links between the notebook's terms and the plots (app/notebook/terms.py, app/lab/linked.py): which parameter or
example a term names, and what lights up where, on the real NetworkDiagram, Predictions and DecisionSurface over the
fake DOM, with the notebook's real HTML (py/worker/notebook/html.py of the worker's dict) parsed into fake elements,
the two sides talking through a real context.

Oracles: the notebook's names written by hand (W0[1,0] is a weight; A0[k,j], Z1[i,j], A1[i,j], Z2[0,j], A2[0,j]
belong to example j) and the data-term attributes of the real HTML.
"""

import html.parser
import json

import pytest

import fake_dom
from app.context import Context
from app.lab.linked import LinkedPlots
from app.lab.predictions import Predictions
from app.lab.surface import LINKED, DecisionSurface, circles_path, plot_square, to_canvas
from app.network.diagram import NetworkDiagram
from app.network.weights import param_keys, param_name
from app.notebook.terms import Links
from backprop import Run
from lab_page import Window
from worker.lab.session import Session
from worker.notebook.html import SECTION_KEYS, section_html
from worker.notebook.sections import notebook

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "embed", "source", "track"}


# ---------------------------------------------------------------- the page's pieces on the fake DOM


class Builder(html.parser.HTMLParser):
    """HTML into fake elements (tags and attributes; text is not needed here)."""

    def __init__(self, document, root):
        super().__init__(convert_charrefs=True)
        self.document, self.stack = document, [root]

    def handle_starttag(self, tag, attrs):
        element = self.document.createElement(tag)
        for name, value in attrs:
            element.setAttribute(name, value or "")
        self.stack[-1].appendChild(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        assert self.stack.pop().tag == tag


class Event:
    def __init__(self, target, related=None):
        self.target, self.relatedTarget = target, related


def fire(element, kind, event):
    for name, handler in element.listeners:
        if name == kind:
            handler(event)


class Lit:
    """The page after Links.show: what is marked in each view."""

    def __init__(self, monkeypatch):
        self.document = document = fake_dom.install(monkeypatch)
        session = Session()
        session.configure({})
        snap = session.snapshot()
        rgba, label = session.surface()
        # the notebook: every section of the worker's dict for this network, as the page writes them
        nb = json.loads(json.dumps(notebook(session.run, log=False)))
        self.notebook = document.createElement("div")
        for key in SECTION_KEYS[:-1]:
            builder = Builder(document, self.notebook.appendChild(document.createElement("section")))
            builder.feed(section_html(key, nb))
            builder.close()
            assert builder.stack == [builder.stack[0]]
        self.terms = [e for e in self.notebook.walk() if "data-term" in e.attributes]
        self.diagram = NetworkDiagram(document.createElementNS("svg", "svg"), document.createElement("div"))
        self.diagram.draw(snap["params"], snap["params_text"])
        self.canvas = document.createElement("canvas")
        self.canvas.props.update(clientWidth=400, clientHeight=400)
        self.surface = DecisionSurface(self.canvas)
        self.surface.draw(rgba, label, snap["A0"], snap["Y"])
        context = Context(document, Window(), None)
        self.plots = LinkedPlots(context, self.diagram, self.surface)
        self.links = Links(self.notebook, context)
        self.predictions = Predictions(document.createElement("div"), snap["A0"])
        self.plots.attach(self.predictions)
        self.A0 = snap["A0"]

    def terms_lit(self):
        return [e for e in self.terms if "linked" in e.classList.names]

    def names_lit(self):
        return {e.attributes["data-term"] for e in self.terms_lit()}

    def diagram_lit(self):
        return [
            param_name(key)
            for key, item in zip(self.diagram.keys, self.diagram.items)
            if "linked" in item["group"].classList.names
        ]

    def rows_lit(self):
        return [int(row.attributes["data-example"]) for row in self.predictions.rows if "linked" in row.classList.names]

    def surface_lit(self):
        return self.canvas.attributes.get("data-linked")

    def nothing_lit(self):
        return (self.terms_lit(), self.diagram_lit(), self.rows_lit(), self.surface_lit()) == ([], [], [], "")

    def term(self, name):
        return [e for e in self.terms if e.attributes["data-term"] == name]

    def column(self, j):
        """The notebook's names of example j's terms, by the notebook's names."""
        names = {e.attributes["data-term"] for e in self.terms}
        return {n for n in names if n.split("[")[0] in ("A0", "Z1", "A1", "Z2", "A2") and n.endswith(f",{j}]")}


@pytest.fixture
def page(monkeypatch):
    return Lit(monkeypatch)


def test_the_notebook_has_the_terms_to_link(page):
    names = {e.attributes["data-term"] for e in page.terms}
    assert {param_name(key) for key in param_keys(2)} <= names  # every weight and bias of the diagram
    assert page.column(2) == {"A0[0,2]", "A0[1,2]", "Z1[0,2]", "Z1[1,2]", "A1[0,2]", "A1[1,2]", "Z2[0,2]", "A2[0,2]"}
    assert len(page.term("W0[1,0]")) >= 4  # in each example's sum for hidden unit 1


def test_a_weights_term_lights_the_weight_and_its_terms(page):
    page.links.show(("term", "W0[1,0]"))
    assert page.diagram_lit() == ["W0[1,0]"]
    assert page.terms_lit() == page.term("W0[1,0]")  # exactly the elements with that data-term
    assert page.rows_lit() == [] and page.surface_lit() == ""
    page.links.show(("term", "b1"))
    assert page.diagram_lit() == ["b1"] and page.names_lit() == {"b1"}
    page.links.show(("term", "W1[0,1]"))
    assert page.diagram_lit() == ["W1[0,1]"] and page.terms_lit() == page.term("W1[0,1]")


def test_an_examples_term_lights_the_example(page):
    page.links.show(("term", "A0[0,2]"))
    assert page.rows_lit() == [2] and page.surface_lit() == "2"
    assert page.diagram_lit() == []
    assert page.term("A0[0,2]") and all(e in page.terms_lit() for e in page.term("A0[0,2]"))
    assert page.names_lit() <= page.column(2)
    # the point (0, 0) of example 2 is ringed in the focus colour on the surface
    square = plot_square(400, 400)
    radius = max(7.0, square[2] * 0.035)
    x1, x2 = page.A0[0][2], page.A0[1][2]
    calls = page.canvas.context.calls
    ring = ("stroke", (("Path2D", circles_path([to_canvas(x1, x2, square)], radius + 5)),))
    assert ring in calls and ("=strokeStyle", LINKED) in calls[: calls.index(ring)]
    page.links.show(("term", "Z1[1,3]"))
    assert page.rows_lit() == [3] and page.surface_lit() == "3"


def test_an_examples_term_lights_its_column_in_the_notebook(page):
    page.links.show(("term", "A0[0,2]"))
    assert page.names_lit() == page.column(2)
    assert {"A0[0,2]", "Z1[1,2]", "A2[0,2]"} <= page.names_lit()


def test_nothing_clears_every_view(page):
    assert (page.terms_lit(), page.diagram_lit(), page.rows_lit(), page.surface_lit()) == ([], [], [], None)
    for what in (("term", "W0[1,0]"), ("term", "A0[0,2]"), ("example", 1), ("point", "b0[1]")):
        page.links.show(what)
        page.links.show(None)
        assert page.nothing_lit(), what


def test_a_prediction_lights_its_column(page):
    row = page.predictions.rows[2]
    fire(row.parentNode, "mouseover", Event(row.children[3]))  # the A2 cell of example 2
    assert page.links.shown == ("example", 2)
    assert page.rows_lit() == [2] and page.surface_lit() == "2" and page.diagram_lit() == []
    assert page.names_lit() == page.column(2)
    fire(row.parentNode, "mouseleave", Event(row))
    assert page.nothing_lit()


def test_a_weight_in_the_diagram_lights_its_terms(page):
    page.diagram.on_point("W1[0,1]")  # the diagram's tooltip shows W1[0,1]
    assert page.terms_lit() == page.term("W1[0,1]")
    assert page.rows_lit() == [] and page.surface_lit() == ""
    page.diagram.on_point(None)
    assert page.nothing_lit()


def test_hover_and_focus_in_the_notebook(page):
    w, z = page.term("W0[1,0]")[0], page.term("Z1[0,1]")[0]
    for enter, leave in (("mouseover", "mouseout"), ("focusin", "focusout")):
        fire(page.notebook, enter, Event(w))
        assert page.diagram_lit() == ["W0[1,0]"] and page.terms_lit() == page.term("W0[1,0]")
        fire(page.notebook, leave, Event(w, related=z))  # to another term: that one's event follows
        assert page.diagram_lit() == ["W0[1,0]"]
        fire(page.notebook, enter, Event(z))
        assert page.diagram_lit() == [] and page.rows_lit() == [1] and z in page.terms_lit()
        fire(page.notebook, leave, Event(z, related=page.notebook))  # out of the terms
        assert page.nothing_lit()
    fire(page.notebook, "mouseover", Event(page.notebook))  # between the terms: nothing to light
    assert page.nothing_lit()


def test_a_rerendered_term_is_marked_again(page):
    page.links.show(("term", "W0[1,0]"))
    # the notebook refreshes (training): its sections' bodies are written anew, the marks go with the old elements
    for section in page.notebook.children:
        section.replaceChildren()
    nb = json.loads(json.dumps(notebook(Run(), log=False)))
    for key, section in zip(SECTION_KEYS, page.notebook.children):
        Builder(page.document, section).feed(section_html(key, nb))
    page.terms = [e for e in page.notebook.walk() if "data-term" in e.attributes]
    assert page.terms_lit() == []
    fire(page.notebook, "mouseover", Event(page.term("W0[1,0]")[0]))  # the pointer moves over the new term
    assert page.terms_lit() == page.term("W0[1,0]")
