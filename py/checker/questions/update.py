"""The predict-then-see questions before the update exercise (see checker/questions/__init__.py)."""

from backprop import forward

from .common import SLOW_RATE, _grads, _num, _rate, _sign


def _stepped(net, rate):
    grads = _grads(net)
    return {name: net.params[name] - rate * grads["d" + name] for name in net.params}


def change_sign(net, settings):
    rate = _rate(settings)
    g = _grads(net)["dW1"][0, 0]
    change = -rate * g
    return {
        "id": "update.w1-change",
        "prompt": f"One gradient-descent step at learning rate {rate!r} from the network on screen: does W1[0,0] "
        "go up, down or stay?",
        "choices": ["up", "down", "it stays"],
        "answer": _sign(change),
        "explanation": f"W1[0,0] changes by -learning_rate · dW1[0,0] = -{rate!r} × {_num(g)} = {_num(change)}: "
        "against the slope, whichever sign it has.",
    }


def rates_compared(net, settings):
    rate = _rate(settings)
    before = float(net.cache["J"])
    after = [float(forward(_stepped(net, r), net.A0, net.Y)["J"]) for r in (rate, SLOW_RATE)]
    falls = [a < before for a in after]
    choices = [
        "it falls at both",
        f"it falls at {rate!r} only",
        f"it falls at {SLOW_RATE!r} only",
        "it falls at neither",
    ]
    answer = {(True, True): 0, (True, False): 1, (False, True): 2, (False, False): 3}[tuple(falls)]
    return {
        "id": "update.rates",
        "prompt": f"One step from the network on screen, at the learning rate on screen ({rate!r}) and at "
        f"{SLOW_RATE!r}: at which does J fall?",
        "choices": choices if rate != SLOW_RATE else ["it falls", "it does not fall"],
        "answer": answer if rate != SLOW_RATE else 0 if falls[0] else 1,
        "explanation": f"J is {_num(before)} on screen; after one step at {rate!r} it is {_num(after[0])}, at "
        f"{SLOW_RATE!r} it is {_num(after[1])}. A step far longer than the gradient is reliable for can overshoot.",
    }


def w0_after(net, settings):
    rate = _rate(settings)
    w, g = net.params["W0"][0, 0], _grads(net)["dW0"][0, 0]
    right = w - rate * g
    values = {"right": right, "plus": w + rate * g, "no rate": w - g, "unchanged": w}
    choices = list(dict.fromkeys(repr(float(v)) for v in sorted(values.values())))
    return {
        "id": "update.w0-after",
        "prompt": f"W0[0,0] is {float(w)!r} and dW0[0,0] is {float(g)!r}. What is W0[0,0] after one step at "
        f"learning rate {rate!r}?",
        "choices": choices,
        "answer": choices.index(repr(float(right))),
        "explanation": f"W0[0,0] - learning_rate · dW0[0,0] = {float(w)!r} - {rate!r} × {float(g)!r} = "
        f"{float(right)!r}. Adding the step ({float(values['plus'])!r}) climbs the cost; without the learning "
        f"rate it is {float(values['no rate'])!r}.",
    }
