"""The Notebook view under the page's MicroPython (app/notebook/): its terms marked for what is lit, wherever it was
pointed at, through a context. See mpy_checks.py."""

from mpy_checks import Checks, equal
from mpy_page import Document, Window

import app.notebook.view
from app.context import Context
from app.notebook.terms import Links

CHECKS = Checks()
check = CHECKS.check


class Term:
    def __init__(self, name):
        self.name, self.marked = name, False
        self.classList = self

    def getAttribute(self, attribute):
        return self.name

    def add(self, name):
        self.marked = True

    def remove(self, name):
        self.marked = False


class Terms:
    def __init__(self, names):
        self.items = [Term(name) for name in names]
        self.length = len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class Notebook:
    def __init__(self, names):
        self.terms = Terms(names)

    def addEventListener(self, event, handler):
        pass

    def querySelectorAll(self, selector):
        return self.terms

    def marked(self):
        return [term.name for term in self.terms.items if term.marked]


@check("the notebook's terms of what is lit are marked")
def _():
    equal(app.notebook.view.heading_id("gradient_check"), "nb-heading-gradient-check", "heading id")
    notebook = Notebook(["W0[1,0]", "A0[0,2]", "Z1[1,2]", "A2[0,1]", "W0[1,0]", "b1"])
    context = Context(Document(), Window(""), None)
    links = Links(notebook, context)
    context.publish("highlight", ("term", "Z1[1,2]"))
    equal(notebook.marked(), ["A0[0,2]", "Z1[1,2]"], "example 2's terms")
    context.publish("highlight", ("point", "W0[1,0]"))
    equal(notebook.marked(), ["W0[1,0]", "W0[1,0]"], "the weight's terms")
    context.publish("highlight", ("example", 1))
    equal(notebook.marked(), ["A2[0,1]"], "example 1's terms")
    context.publish("highlight", None)
    equal((notebook.marked(), links.shown), ([], None), "nothing")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
