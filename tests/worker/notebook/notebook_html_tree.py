"""Reading the Notebook view's HTML back in the tests (tests/worker/notebook): the markup as a tree
(html.parser), every table and every term checked for structure, and the worker's dicts that page() gets. Not
a test module: the tests import it."""

import functools
import html.parser
import json
import re

from backprop import Config, Run
from worker.notebook.sections import notebook

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "embed", "source", "track"}


# ---------------------------------------------------------------- HTML as a tree


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def find_all(self, tag=None, cls=None, **attrs):
        return [
            n
            for n in self.walk()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes())
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def elements(self):
        return [c for c in self.children if isinstance(c, Node)]


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def tree(markup):
    builder = TreeBuilder()
    builder.feed(markup)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> is not closed"
    return builder.root


# ---------------------------------------------------------------- the worker's dicts, as page() gets them


def diverged_run(**settings):
    run = Run(Config(**settings))
    run.train(200)
    assert run.status == "diverged"
    return run


@functools.cache
def dicts():
    """The sections of several networks, by name, built once: a test copies one before changing it."""
    not_finite = notebook(diverged_run(n_h=16, activation="relu", cost="cross_entropy", learning_rate=1e308))
    assert "NaN" in json.dumps(not_finite)  # values NaN and infinite
    return {
        "default": notebook(Run()),
        "notebook_mode": notebook(Run(Config(notebook_mode=True)), log=False),
        "relu3": notebook(Run(Config(n_h=3, activation="relu")), log=False),
        "diverged": notebook(diverged_run(learning_rate=1000)),
        "not_finite": not_finite,
        "without_numeric": notebook(Run(Config(n_h=4)), numeric=False, log=False),
    }


def copied(nb):
    """A deep copy of a dict of sections, to change in a test."""
    return json.loads(json.dumps(nb))


def n_h_of(nb):
    return nb["run"]["config"]["n_h"]


# ---------------------------------------------------------------- tables and terms


def check_tables(root):
    """Every matrix table: inside .matrix-scroll, a caption naming its shape, a header per column, a header per
    row, one cell per entry. Returns the tables by caption."""
    tables = {}
    for table in root.find_all("table"):
        box = table.parent
        assert "matrix-scroll" in box.classes()
        caption = table.elements()[0]
        assert caption.tag == "caption" and caption.text().strip()
        # a narrow screen scrolls the box: a keyboard can focus it, and it is named as its table
        assert (box.attrs["tabindex"], box.attrs["role"], box.attrs["aria-label"]) == ("0", "group", caption.text())
        head, body = table.find("thead"), table.find("tbody")
        headers = head.find_all("th")
        assert headers and all(th.attrs.get("scope") == "col" for th in headers)
        width = len(head.find("tr").elements())  # the row headers' column, then the columns
        rows = body.find_all("tr")
        for tr in rows:
            first = tr.elements()[0]
            assert first.tag == "th" and first.attrs.get("scope") == "row"
            assert len(tr.elements()) == width and len(tr.find_all("td")) == width - 1
        columns = width - 1
        if "matrix" in table.classes():  # an empty corner, then a header per column
            assert head.find("tr").elements()[0].tag == "td" and len(headers) == columns
            assert [th.text() for th in headers] == [str(j) for j in range(columns)]
            assert [tr.elements()[0].text() for tr in rows] in ([str(i) for i in range(len(rows))], ["A2", "Y"])
        assert len(body.find_all("td")) == len(rows) * columns
        if "matrix" in table.classes():
            shape = re.search(r"shape \((\d+), (\d+)\)|shape \((\d+),\)", caption.text())
            if shape and shape.group(1):
                assert (len(rows), columns) == (int(shape.group(1)), int(shape.group(2))), caption.text()
            elif shape:
                assert (len(rows), columns) == (1, int(shape.group(3)))
        tables[caption.text()] = [[td.text() for td in tr.find_all("td")] for tr in rows]
    return tables


TERM = re.compile(
    r"^(W0\[(\d+),[01]\]|b0\[(\d+)\]|W1\[0,(\d+)\]|b1|A0\[[01],[0-3]\]|Z1\[(\d+),[0-3]\]|"
    r"A1\[(\d+),[0-3]\]|Z2\[0,[0-3]\]|A2\[0,[0-3]\])$"
)


def check_terms(root, n_h):
    """Every data-term is a real parameter or entry of this network; every term is a button named with its value."""
    names = []
    for element in root.walk():
        if "data-term" not in element.attrs:
            continue
        name = element.attrs["data-term"]
        match = TERM.match(name)
        assert match, name
        assert all(int(i) < n_h for i in match.groups()[1:] if i is not None), name
        assert element.tag == "button" and element.attrs.get("type") == "button" and "term" in element.classes()
        label = element.attrs["aria-label"]
        assert label.startswith(element.text() + " = ") and len(label) > len(element.text()) + 3
        names.append(name)
    return names
