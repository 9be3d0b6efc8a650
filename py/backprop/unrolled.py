"""The notebook's unrolled forward pass (cells 4-9) as plain data a page can render.

For every example j and neuron i, the weighted sum written out term by term, e.g.
Z1[0,0] = W0[0,0]·A0[0,0] + W0[0,1]·A0[1,0] + b0[0] = 0.0944, and its activation.
"""

import numpy as np

from .data import A0 as TRAINING_A0
from .network import ACTIVATIONS, sigmoid


def _layer(layer, names, W, A_in, b, g, g_name):
    """One layer's sums, added left to right in Python floats as the notebook's cells do."""
    W_name, A_in_name, b_name, Z_name, A_name = names
    W, A_in, b = np.asarray(W).tolist(), np.asarray(A_in, dtype=float).tolist(), np.asarray(b).tolist()
    m = len(A_in[0])
    entries, Z = [], [[0.0] * m for _ in W]
    for j in range(m):
        for i in range(len(W)):
            terms = [
                {
                    "weight": {"name": f"{W_name}[{i},{k}]", "value": W[i][k]},
                    "input": {"name": f"{A_in_name}[{k},{j}]", "value": A_in[k][j]},
                    "product": W[i][k] * A_in[k][j],
                }
                for k in range(len(A_in))
            ]
            z = terms[0]["product"]
            for term in terms[1:]:
                z = z + term["product"]
            z = z + b[i][0]
            Z[i][j] = z
            equation = (
                f"{Z_name}[{i},{j}] = "
                + " + ".join(f"{t['weight']['name']}·{t['input']['name']}" for t in terms)
                + f" + {b_name}[{i}]"
            )
            entries.append(
                {
                    "layer": layer,
                    "example": j,
                    "neuron": i,
                    "terms": terms,
                    "bias": {"name": f"{b_name}[{i}]", "value": b[i][0]},
                    "Z": {"name": f"{Z_name}[{i},{j}]", "value": z},
                    "A": {"name": f"{A_name}[{i},{j}]", "function": g_name},
                    "equation": equation,
                    "text": f"{equation} = {z:.4f}",
                }
            )
    # The activation goes over the whole matrix at once, as in the notebook's cells 7 and 11.
    A = g(np.array(Z)).tolist()
    for entry in entries:
        entry["A"]["value"] = A[entry["neuron"]][entry["example"]]
    return entries, Z, A


def unroll(params, activation="tanh", A0=None):
    """Every weighted sum of the forward pass written out, as JSON-able dicts and lists.

    Returns {"hidden": [...], "output": [...], "Z1", "A1", "Z2", "A2"}. Entries come example
    by example, neuron by neuron; each has its terms (weight and input, names and values,
    and their product), its bias, the sum Z and the activation A. A0 defaults to the four
    training examples.
    """
    A0 = TRAINING_A0 if A0 is None else A0
    hidden, Z1, A1 = _layer(
        1, ("W0", "A0", "b0", "Z1", "A1"), params["W0"], A0, params["b0"], ACTIVATIONS[activation].g, activation
    )
    output, Z2, A2 = _layer(2, ("W1", "A1", "b1", "Z2", "A2"), params["W1"], A1, params["b1"], sigmoid, "sigmoid")
    return {"hidden": hidden, "output": output, "Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
