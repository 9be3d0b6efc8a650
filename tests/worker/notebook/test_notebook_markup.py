"""The one escaper for the markup the worker writes (py/worker/notebook/markup.py), used by the Notebook view's
HTML and its MathML.

Oracles: the five characters' HTML character references written out here, Python's html.escape and
html.unescape, and the markup read back by html.parser and ElementTree.
"""

import html
import xml.etree.ElementTree as ET

import pytest

from worker.notebook import blocks, mathml, terms
from worker.notebook import html as notebook_html
from worker.notebook.markup import escape


def test_escape():
    assert (
        escape("""<a href="x">Tom & 'Jerry'</a>""") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
    )
    assert escape("&lt;") == "&amp;lt;"
    assert escape("W0[1,0] \u2212 0.5") == "W0[1,0] \u2212 0.5"


@pytest.mark.parametrize(
    ("char", "reference"), [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;")]
)
def test_each_of_the_five_characters_is_escaped(char, reference):
    assert escape(char) == reference
    assert escape("a" + char + "b" + char) == "a" + reference + "b" + reference
    assert html.unescape(escape(char)) == char


def test_it_escapes_as_pythons_html_escape():
    text = "\"quoted\" & 'single' <tag> plain \u2212 \u2713 ẟ"
    assert escape(text) == html.escape(text, quote=True).replace("&#x27;", "&#39;")
    assert html.unescape(escape(text)) == text


def test_mathml_text_with_a_quote_is_escaped():
    for make, tag in ((mathml.mi, "mi"), (mathml.mo, "mo"), (mathml.mn, "mn")):
        markup = make("a\"b'c<d>&")
        assert markup == "<" + tag + ">a&quot;b&#39;c&lt;d&gt;&amp;</" + tag + ">"
        assert ET.fromstring(markup).text == "a\"b'c<d>&"
    formula = mathml.mathml(mathml.mi('"'), mathml.EQ, mathml.mi("'"))
    root = ET.fromstring(formula)
    assert [element.text for element in root] == ['"', "=", "'"]


def test_every_module_that_writes_markup_uses_this_escaper():
    for module in (blocks, notebook_html, mathml, terms):
        assert module.escape is escape, module.__name__
