"""The predict-then-see questions before the forward-pass exercise (see checker/questions/__init__.py)."""

from .common import SIGNS, _column, _num, _sign


def z1_of_zeros(net, settings):
    k = _column(net, 0, 0)
    z = net.cache["Z1"][0, k]
    b = net.params["b0"][0, 0]
    return {
        "id": "forward.z1-zeros",
        "prompt": "For the example (0, 0), what sign has Z1[0], the first hidden unit's weighted sum?",
        "choices": list(SIGNS),
        "answer": _sign(z),
        "explanation": f"With both inputs 0 the weights multiply nothing, so Z1[0] = b0[0] = {_num(b)}: "
        f"{SIGNS[_sign(z)]} (Z1[0] for (0, 0) is {_num(z)}).",
    }


def a2_side(net, settings):
    k = _column(net, 1, 0)
    a2 = net.cache["A2"][0, k]
    z2 = net.cache["Z2"][0, k]
    answer = 0 if a2 > 0.5 else 1 if a2 < 0.5 else 2
    return {
        "id": "forward.a2-side",
        "prompt": "For the example (1, 0), is the network's prediction A2 above or below 0.5?",
        "choices": ["above 0.5 (it says 1)", "below 0.5 (it says 0)", "exactly 0.5"],
        "answer": answer,
        "explanation": f"Z2 for (1, 0) is {_num(z2)}, and the sigmoid is above 0.5 exactly when its input is "
        f"positive: A2 = sigmoid({_num(z2)}) = {_num(a2)}.",
    }


def cost_level(net, settings):
    J = float(net.cache["J"])
    answer = 0 if J < 0.125 else 1 if J > 0.125 else 2
    return {
        "id": "forward.cost-level",
        "prompt": "A network that says 0.5 for every example has J = 1/2 · mean(0.5²) = 0.125. Is the cost J of "
        "the network on screen below or above 0.125?",
        "choices": ["below 0.125", "above 0.125", "exactly 0.125"],
        "answer": answer,
        "explanation": f"J = {_num(J)}, with predictions A2 = {', '.join(_num(v) for v in net.cache['A2'][0])} "
        f"for targets Y = {', '.join(_num(v) for v in net.Y[0])}.",
    }


def a1_range(net, settings):
    A1 = net.cache["A1"]
    return {
        "id": "forward.a1-range",
        "prompt": "Which range holds every value of A1 = tanh(Z1), whatever the weights?",
        "choices": ["between -1 and 1", "between 0 and 1", "any number at all"],
        "answer": 0,
        "explanation": f"tanh squashes every number into (-1, 1); on screen A1 goes from {_num(A1.min())} to "
        f"{_num(A1.max())}, from Z1 between {_num(net.cache['Z1'].min())} and {_num(net.cache['Z1'].max())}.",
    }
