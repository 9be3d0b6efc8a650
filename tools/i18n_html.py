"""Babel's extractor for index.html (babel.cfg names it): the page's own words, as static/js/i18n.js translates them.

An element with text of its own is one message, its content as the browser's innerHTML spells it (inline markup
and all), with runs of white space made one space; an element without is a container, and its children are looked
at. The attributes people read (aria-label, title, placeholder, alt, and a description's content) are messages of
their own outside such an element. Elements marked translate="no", scripts and styles are left out. Standard
library only; tests/test_catalogs.py holds the page's units to this extractor's.
"""

import re
from html import escape
from html.parser import HTMLParser

ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
SKIPPED = ("script", "style")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, line):
        self.tag, self.attrs, self.line, self.children = tag, attrs, line, []

    def attr(self, name):
        for key, value in self.attrs:
            if key == name:
                return "" if value is None else value
        return None


def _text(data):
    """Text as innerHTML writes it: &, <, > and the no-break space escaped."""
    return escape(data, quote=False).replace("\xa0", "&nbsp;")


def _attribute(value):
    return ("" if value is None else value).replace("&", "&amp;").replace('"', "&quot;").replace("\xa0", "&nbsp;")


def inner_html(element):
    parts = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(_text(child))
            continue
        attrs = "".join(' {}="{}"'.format(key, _attribute(value)) for key, value in child.attrs)
        parts.append("<{}{}>".format(child.tag, attrs))
        if child.tag not in VOID:
            parts.append(inner_html(child) + "</{}>".format(child.tag))
    return "".join(parts)


def normal(text):
    return re.sub(r"\s+", " ", text).strip()


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [], 1)
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.getpos()[0])
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Element(tag, attrs, self.getpos()[0]))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(text):
    tree = _Tree()
    tree.feed(text)
    tree.close()
    return tree.root


def units(element):
    """(line, message) of each message in element's tree, in the page's order."""
    if isinstance(element, str) or element.tag in SKIPPED or element.attr("translate") == "no":
        return
    for name in ATTRIBUTES:
        value = element.attr(name)
        if value and normal(value):
            yield element.line, normal(value)
    if element.tag == "meta" and element.attr("name") == "description":
        yield element.line, normal(element.attr("content") or "")
    if any(isinstance(child, str) and child.strip() for child in element.children):
        yield element.line, normal(inner_html(element))
        return
    for child in element.children:
        yield from units(child)


def extract(fileobj, keywords, comment_tags, options):
    """Babel's extraction method: (line, function name, message, comments) of each of the page's messages."""
    for line, message in units(parse(fileobj.read().decode("utf-8"))):
        yield line, None, message, []
