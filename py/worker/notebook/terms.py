"""The unrolled sums of the Notebook view's forward pass as HTML, every weight, input, bias, sum and activation
in them a term: <button type="button" class="term" data-term="W0[1,0]" aria-label="W0[1,0] = −0.2136…">,
named with its exact value as the network diagram says it (shared.exact_text). data-term is the notebook's
name (b1 for the output bias, which the notebook's sums write b1[0]), for the page's app/notebook/terms.py.
Plain Python; the values are the worker's texts (numbers.py), escaped (markup.escape).
"""

from shared.exact_text import exact_value
from worker.notebook.markup import escape

TERM = '<button type="button" class="term" data-term="%s" aria-label="%s = %s">%s</button>'
VALUE = '<span class="term-value">%s</span>'
SYMBOLS = "%s\u00b7%s"
NUMBERS = "(%s)\u00b7(%s)"
SYMBOLS_2 = "%s\u00b7%s + %s\u00b7%s"
NUMBERS_2 = "(%s)\u00b7(%s) + (%s)\u00b7(%s)"
ENTRY = (
    '<li><p class="equation">%s = %s + %s<br> = %s + %s = %s</p><p class="equation">%s = %s(%s) = %s(%s) = %s</p></li>'
)


def term_key(name):
    """The data-term of a notebook name: itself, but b1 for b1[0] (b1 is one number)."""
    return "b1" if name == "b1[0]" else name


def term(item, memo=None):
    """(text, the term's HTML, its value's HTML) for item {"name", "text"}; memo (a dict, or None) keeps them
    by name: the sums name each weight, bias and input several times."""
    name, text = item["name"], item["text"]
    if memo is not None:
        known = memo.get(name)
        if known is not None and known[0] == text:
            return known
    label, escaped = escape(name), escape(text)
    known = (text, TERM % (escape(term_key(name)), label, exact_value(escaped), label), VALUE % escaped)
    if memo is not None:
        memo[name] = known
    return known


def entry_html(entry, memo=None):
    """One unrolled sum and its activation: Z = W·A + ... + b = (w)·(a) + ... + b = z, and A = g(Z) = a.
    memo: as for term()."""
    Z, A, bias = term(entry["Z"], memo), term(entry["A"], memo), term(entry["bias"], memo)
    terms = entry["terms"]
    if len(terms) == 2:  # a hidden unit's sum (two inputs): one format instead of a loop
        w0, a0 = term(terms[0]["weight"], memo), term(terms[0]["input"], memo)
        w1, a1 = term(terms[1]["weight"], memo), term(terms[1]["input"], memo)
        symbols = SYMBOLS_2 % (w0[1], a0[1], w1[1], a1[1])
        numbers = NUMBERS_2 % (w0[2], a0[2], w1[2], a1[2])
    else:
        symbols, numbers = [], []
        for t in terms:
            weight, given = term(t["weight"], memo), term(t["input"], memo)
            symbols.append(SYMBOLS % (weight[1], given[1]))
            numbers.append(NUMBERS % (weight[2], given[2]))
        symbols, numbers = " + ".join(symbols), " + ".join(numbers)
    function = escape(entry["A"]["function"])
    return ENTRY % (
        Z[1],
        symbols,
        bias[1],
        numbers,
        "(" + bias[2] + ")" if bias[0].startswith("-") else bias[2],
        Z[2],
        A[1],
        function,
        Z[1],
        function,
        Z[2],
        A[2],
    )


def entries_html(entries, memo=None):
    return '<ol class="nb-entries">' + "".join([entry_html(e, memo) for e in entries]) + "</ol>"
