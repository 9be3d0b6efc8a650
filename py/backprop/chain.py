"""The chain rule of one parameter's gradient, term by term, from a step's stages (backprop/stages.py).

dW1[0,i] = Σⱼ dZ2[0,j] · A1[i,j], db1 = Σⱼ dZ2[0,j], dW0[i,k] = Σⱼ W1[0,i] · dZ2[0,j] · g′(Z1[i,j]) · A0[k,j] and
db0[i] = Σⱼ W1[0,i] · dZ2[0,j] · g′(Z1[i,j]), j over the step's examples. Each term's factors are the model's own
numbers, and its product is the model's (dZ2[0,j] · A1[i,j], or dZ1[i,j] · A0[k,j] where dZ1[i,j] is
W1[0,i] · dZ2[0,j] · g′ multiplied in that order): the terms summed are the model's gradient up to the order of the
sum. In notebook mode g′ is the notebook's slip, the derivative taken at A1 instead of Z1 (for ReLU the same numbers).
"""

import numpy as np

from .network import ACTIVATIONS, PARAM_NAMES, param_shapes


def parse_name(name, n_h):
    """(param, row, col) of a parameter named as the page names it ("W0[1,0]", "b0[1]", "W1[0,1]", "b1"; also
    "b0[1,0]", "b1[0]", "b1[0,0]"), or None when this network (n_h hidden units) has no such parameter."""
    text = str(name).replace(" ", "")
    param, rest = text[:2], text[2:]
    if param not in PARAM_NAMES:
        return None
    row = col = None
    if rest:
        if not (rest.startswith("[") and rest.endswith("]")):
            return None
        indices = rest[1:-1].split(",")
        if len(indices) > 2 or not all(index.isdigit() and index.isascii() for index in indices):
            return None
        row, col = indices[0], (indices[1] if len(indices) == 2 else None)
    rows, cols = param_shapes(n_h)[param]
    if param in ("W0", "W1") and col is None:
        return None
    if param == "b1" and row is None:
        row = "0"
    if row is None:
        return None
    row, col = int(row), int(col or 0)
    if row >= rows or col >= cols:
        return None
    return param, row, col


def page_name(param, row, col):
    """The page's name of a parameter: "W0[1,0]", "b0[1]", "W1[0,1]" or "b1"."""
    if param in ("W0", "W1"):
        return f"{param}[{row},{col}]"
    return f"b0[{row}]" if param == "b0" else "b1"


def hidden_derivative(stages):
    """g′ at every example of the step, shape (n_h, e): as the model's backward takes it (at A1 in notebook mode)."""
    act = ACTIVATIONS[stages["activation"]]
    examples = stages["examples"]
    Z1, A1 = stages["forward"]["Z1"][:, examples], stages["forward"]["A1"][:, examples]
    with np.errstate(all="ignore"):
        if stages["notebook_mode"]:
            return np.asarray(act.g_prime(A1, act.g(A1)), dtype=float)
        return np.asarray(act.g_prime(Z1, A1), dtype=float)


def chain_terms(stages, param, row, col):
    """{"param", "row", "col", "examples", "factors" (names, j for the example), "terms": [{"example", "factors"
    (floats), "product"}], "sum" (the products added left to right), "gradient" (the model's), "slip"}."""
    examples = stages["examples"]
    back = stages["backward"]
    dZ2 = back["dZ2"][0].tolist()
    A0 = stages["A0"][:, examples]
    if param == "W1":
        names = ["dZ2[0,j]", f"A1[{col},j]"]
        A1 = stages["forward"]["A1"][col, examples].tolist()
        values = [[dZ2[e], A1[e]] for e in range(len(examples))]
    elif param == "b1":
        names = ["dZ2[0,j]"]
        values = [[dZ2[e]] for e in range(len(examples))]
    else:
        at = "A1" if stages["notebook_mode"] else "Z1"
        names = [f"W1[0,{row}]", "dZ2[0,j]", f"g′({at}[{row},j])"]
        w = float(stages["update"]["W1"]["before"][0, row])
        g = hidden_derivative(stages)[row].tolist()
        values = [[w, dZ2[e], g[e]] for e in range(len(examples))]
        if param == "W0":
            names.append(f"A0[{col},j]")
            inputs = A0[col].tolist()
            values = [v + [inputs[e]] for e, v in enumerate(values)]
    terms, total = [], None
    for e, j in enumerate(examples):
        product = values[e][0]
        for factor in values[e][1:]:
            product = product * factor
        terms.append({"example": j, "factors": values[e], "product": product})
        total = product if total is None else total + product
    return {
        "param": param,
        "row": row,
        "col": col,
        "examples": list(examples),
        "factors": names,
        "terms": terms,
        "sum": 0.0 if total is None else total,
        "gradient": float(back["d" + param][row, col]),
        "slip": bool(stages["slip"]) and param in ("W0", "b0"),
    }
