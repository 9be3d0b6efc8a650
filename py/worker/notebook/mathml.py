"""The chain rule for each gradient, as presentation MathML and as plain text, for the network in use (its
cost, its activation, and the notebook's slip in notebook mode). Plain Python; every text is escaped by
markup.escape."""

from worker.notebook.markup import escape

MATHML_NS = "http://www.w3.org/1998/Math/MathML"


def mi(x):
    return f"<mi>{escape(x)}</mi>"


def mo(x):
    return f"<mo>{escape(x)}</mo>"


def mn(x):
    return f"<mn>{escape(x)}</mn>"


def row(*parts):
    return "<mrow>" + "".join(parts) + "</mrow>"


def frac(top, bottom):
    return f"<mfrac>{top}{bottom}</mfrac>"


def sup(base, exponent):
    return f"<msup>{base}{exponent}</msup>"


def paren(*parts):
    return row(mo("("), *parts, mo(")"))


def transposed(name):
    return sup(mi(name), mi("T"))


def call(function, *argument):
    return row(mi(function), mo("\u2061"), paren(*argument))  # U+2061: function application


def column_sum(name):
    return row("<munder>" + mo("∑") + mi("j") + "</munder>", f"<msub>{mi(name)}{row(mo(':'), mo(','), mi('j'))}</msub>")


def mathml(*parts):
    return f'<math xmlns="{MATHML_NS}" display="block">' + "".join(parts) + "</math>"


ODOT, DOT, MINUS, EQ = mo("⊙"), mo("⋅"), mo("−"), mo("=")


def one_minus(*x):
    return paren(mn("1"), MINUS, *x)


def _g_prime_math(activation, at):
    """g′ written out at `at` ("Z1", or "A1" for the notebook's slip), A1 = g(Z1) at hand."""
    if at == "Z1":
        return {
            "tanh": ([one_minus(sup(mi("A1"), mn("2")))], "(1 − A1²)"),
            "sigmoid": ([mi("A1"), ODOT, one_minus(mi("A1"))], "A1 ⊙ (1 − A1)"),
            "relu": ([row(mo("["), mi("Z1"), mo(">"), mn("0"), mo("]"))], "[Z1 > 0]"),
        }[activation]
    return {
        "tanh": ([one_minus(sup(call("tanh", mi("A1")), mn("2")))], "(1 − tanh(A1)²)"),
        "sigmoid": ([call("σ", mi("A1")), ODOT, one_minus(call("σ", mi("A1")))], "σ(A1) ⊙ (1 − σ(A1))"),
        "relu": ([row(mo("["), mi("A1"), mo(">"), mn("0"), mo("]"))], "[A1 > 0]"),
    }[activation]


def formulas(cost, activation, notebook_mode):
    """{gradient name: (MathML, plain text)}: the chain rule for each gradient of this network."""
    f = {}
    a2_minus_y = row(mi("A2"), MINUS, mi("Y"))
    if cost == "half_mse":
        f["dA2"] = ([frac(a2_minus_y, mi("m"))], "dA2 = (A2 − Y) / m")
        f["dZ2"] = (
            [mi("dA2"), ODOT, call("σ′", mi("Z2")), EQ, mi("dA2"), ODOT, mi("A2"), ODOT, one_minus(mi("A2"))],
            "dZ2 = dA2 ⊙ σ′(Z2) = dA2 ⊙ A2 ⊙ (1 − A2)",
        )
    else:
        f["dA2"] = (
            [frac(a2_minus_y, row(mi("m"), mo("\u2062"), mi("A2"), ODOT, one_minus(mi("A2"))))],
            "dA2 = (A2 − Y) / (A2 ⊙ (1 − A2)) / m",
        )
        f["dZ2"] = (
            [mi("dA2"), ODOT, mi("A2"), ODOT, one_minus(mi("A2")), EQ, frac(a2_minus_y, mi("m"))],
            "dZ2 = dA2 ⊙ A2 ⊙ (1 − A2) = (A2 − Y) / m",
        )
    f["dW1"] = ([mi("dZ2"), DOT, transposed("A1")], "dW1 = dZ2 · A1ᵀ")
    f["db1"] = ([column_sum("dZ2")], "db1 = Σⱼ dZ2[:, j]")
    f["dA1"] = ([transposed("W1"), DOT, mi("dZ2")], "dA1 = W1ᵀ · dZ2")
    at = "A1" if notebook_mode else "Z1"
    g_math, g_text = _g_prime_math(activation, at)
    f["dZ1"] = (
        [mi("dA1"), ODOT, call("g′", mi(at)), EQ, mi("dA1"), ODOT, *g_math],
        f"dZ1 = dA1 ⊙ g′({at}) = dA1 ⊙ {g_text}",
    )
    f["dW0"] = ([mi("dZ1"), DOT, transposed("A0")], "dW0 = dZ1 · A0ᵀ")
    f["db0"] = ([column_sum("dZ1")], "db0 = Σⱼ dZ1[:, j]")
    return {name: (mathml(mi(name), EQ, *parts), text) for name, (parts, text) in f.items()}
