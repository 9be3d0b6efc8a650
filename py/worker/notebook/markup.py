"""The one escaper for all markup the worker writes: the Notebook view's HTML and its MathML formulas.

Plain Python (no NumPy), as the HTML modules that use it.
"""


def escape(text):
    """text with &, <, >, " and ' as character references: safe as HTML or MathML text and as an attribute
    value in either quote."""
    # Each replace only when needed: these characters are rare in the notebook's texts.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    return text
