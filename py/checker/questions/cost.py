"""The predict-then-see questions before the cost exercise (see checker/questions/__init__.py)."""

from backprop.network import COSTS

from .common import SIGNS, _column, _num, _sign


def costs_compared(net, settings):
    Z2, A2 = net.cache["Z2"], net.cache["A2"]
    mse, ce = float(COSTS["half_mse"].J(Z2, A2, net.Y)), float(COSTS["cross_entropy"].J(Z2, A2, net.Y))
    answer = 0 if ce > mse else 1 if mse > ce else 2
    return {
        "id": "cost.compared",
        "prompt": "On the network on screen, which cost is larger: cross-entropy or half the mean squared error?",
        "choices": ["cross-entropy", "half the mean squared error", "they are equal"],
        "answer": answer,
        "explanation": f"Cross-entropy is {_num(ce)} and half-MSE is {_num(mse)}, on the same predictions "
        f"A2 = {', '.join(_num(v) for v in A2[0])}.",
    }


def da2_sign(net, settings):
    k = _column(net, 0, 1)
    a2, y = net.cache["A2"][0, k], net.Y[0, k]
    d = (a2 - y) / net.Y.shape[1]
    return {
        "id": "cost.da2-sign",
        "prompt": f"For the example (0, 1), whose target Y is {_num(y)}, what sign has dA2 = (A2 - Y) / m for "
        "half-MSE?",
        "choices": list(SIGNS),
        "answer": _sign(d),
        "explanation": f"A2 = {_num(a2)} and Y = {_num(y)}, so dA2 = ({_num(a2)} - {_num(y)}) / 4 = {_num(d)}: "
        "raising A2 would make J " + ("rise." if d > 0 else "fall." if d < 0 else "stay as it is."),
    }


def cost_is_a_mean(net, settings):
    return {
        "id": "cost.mean",
        "prompt": "If every example were given twice (m = 8, the same predictions), what would happen to J?",
        "choices": ["it stays the same", "it doubles", "it halves"],
        "answer": 0,
        "explanation": f"J is a mean over the examples, so repeating all of them keeps it: J = {_num(net.cache['J'])} "
        "either way. A sum instead of a mean would double.",
    }
