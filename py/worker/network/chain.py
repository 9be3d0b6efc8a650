"""One parameter's gradient by the chain rule, as the page's chain-rule panel shows it: backprop/chain.py's terms
with this network's numbers as CPython's repr texts, the formula and the definitions of its factors as plain text.

With more than SHOWN examples in the step (a data set), the terms of the first SHOWN travel ("terms", "examples"),
"count" says how many the sum has and "note" says so; "sum" and "gradient" are over every example.
"""

from backprop import chain_terms, page_name, parse_name
from shared.i18n import N_, _
from worker.network.stages import SHOWN, text

FORMULAS = {
    "W1": "d{name} = Σⱼ dZ2[0,j] · A1[{col},j]",
    "b1": "db1 = Σⱼ dZ2[0,j]",
    "W0": "d{name} = Σⱼ W1[0,{row}] · dZ2[0,j] · g′({at}[{row},j]) · A0[{col},j]",
    "b0": "d{name} = Σⱼ W1[0,{row}] · dZ2[0,j] · g′({at}[{row},j])",
}
OUTPUT = {
    "half_mse": "dZ2[0,j] = (A2[0,j] − Y[0,j]) / m · A2[0,j] · (1 − A2[0,j])",
    "cross_entropy": "dZ2[0,j] = (A2[0,j] − Y[0,j]) / m",
}
DERIVATIVE = {  # g′ at Z1 (the calculus), written with A1 = g(Z1) at hand, as the model computes it
    "tanh": "g′(Z1[{row},j]) = 1 − A1[{row},j]²",
    "sigmoid": "g′(Z1[{row},j]) = A1[{row},j] · (1 − A1[{row},j])",
    # Translators: a formula in words; keep the names and indices (Z1[{row},j]) as they are.
    "relu": N_("g′(Z1[{row},j]) = 1 if Z1[{row},j] > 0, else 0"),
}
SLIP = {  # notebook mode: the notebook's derivative, taken at A1
    "tanh": N_("g′(A1[{row},j]) = 1 − tanh(A1[{row},j])² (the notebook's slip: the derivative taken at A1, not Z1)"),
    "sigmoid": N_(
        "g′(A1[{row},j]) = sigmoid(A1[{row},j]) · (1 − sigmoid(A1[{row},j])) (the notebook's slip: "
        "the derivative taken at A1, not Z1)"
    ),
    "relu": N_(
        "g′(A1[{row},j]) = 1 if A1[{row},j] > 0, else 0 (the notebook's derivative, taken at A1: for ReLU the same "
        "as at Z1, since A1 > 0 exactly where Z1 > 0)"
    ),
}


def definitions(stages, param, row):
    """The factors' own formulas, as text lines, for this cost, activation and notebook mode."""
    m = len(stages["examples"])
    lines = [OUTPUT[stages["cost_function"]], _("m = {m}: the examples this step's gradient sums over").format(m=m)]
    if param in ("W0", "b0"):
        words = SLIP if stages["notebook_mode"] else DERIVATIVE
        lines.append(_(words[stages["activation"]]).format(row=row))
    return lines


def note(name, count, limit=SHOWN):
    """What the table leaves out, in words, or None when it shows every term."""
    if count <= limit:
        return None
    return _(
        "The terms of the first {limit} of the {count} examples; the sum and d{name} are over all {count}."
    ).format(limit=limit, count=count, name=name)


def chain_view(stages, name, limit=SHOWN):
    """snap["chain"] for the parameter named as the page names it, or None when this network has no such one."""
    parsed = parse_name(name, stages["n_h"])
    if parsed is None:
        return None
    param, row, col = parsed
    terms = chain_terms(stages, param, row, col)
    canonical = page_name(param, row, col)
    at = "A1" if stages["notebook_mode"] else "Z1"
    return {
        "name": canonical,
        "param": param,
        "row": row,
        "col": col,
        "value": text(stages["update"][param]["before"][row, col]),
        "gradient": text(terms["gradient"]),
        "step": stages["step"],
        "examples": terms["examples"][:limit],
        "count": len(terms["terms"]),
        "note": note(canonical, len(terms["terms"]), limit),
        "formula": FORMULAS[param].format(name=canonical, row=row, col=col, at=at),
        "definitions": definitions(stages, param, row),
        "factors": terms["factors"],
        "terms": [
            {"example": t["example"], "factors": [text(x) for x in t["factors"]], "product": text(t["product"])}
            for t in terms["terms"][:limit]
        ],
        "sum": text(terms["sum"]),
        "slip": terms["slip"],
    }
