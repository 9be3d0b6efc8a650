"""The predict-then-see questions before the update exercise (see checker/questions/__init__.py)."""

from backprop import forward
from shared.i18n import _

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
        "prompt": _(
            "One gradient-descent step at learning rate {rate} from the network on screen: does W1[0,0] go up, down or "
            "stay?"
        ).format(rate=repr(rate)),
        # Translators: the answers to "does W1[0,0] go up, down or stay?".
        "choices": [_("up"), _("down"), _("it stays")],
        "answer": _sign(change),
        "explanation": _(
            "W1[0,0] changes by -learning_rate · dW1[0,0] = -{rate} × {g} = {change}: against the slope, whichever "
            "sign it has."
        ).format(rate=repr(rate), g=_num(g), change=_num(change)),
    }


def rates_compared(net, settings):
    rate = _rate(settings)
    before = float(net.cache["J"])
    after = [float(forward(_stepped(net, r), net.A0, net.Y)["J"]) for r in (rate, SLOW_RATE)]
    falls = [a < before for a in after]
    choices = [
        _("it falls at both"),
        _("it falls at {rate} only").format(rate=repr(rate)),
        _("it falls at {rate} only").format(rate=repr(SLOW_RATE)),
        _("it falls at neither"),
    ]
    answer = {(True, True): 0, (True, False): 1, (False, True): 2, (False, False): 3}[tuple(falls)]
    return {
        "id": "update.rates",
        "prompt": _(
            "One step from the network on screen, at the learning rate on screen ({rate}) and at {slow}: at which "
            "does J fall?"
        ).format(rate=repr(rate), slow=repr(SLOW_RATE)),
        "choices": choices if rate != SLOW_RATE else [_("it falls"), _("it does not fall")],
        "answer": answer if rate != SLOW_RATE else 0 if falls[0] else 1,
        "explanation": _(
            "J is {before} on screen; after one step at {rate} it is {after}, at {slow} it is {after_slow}. A step far "
            "longer than the gradient is reliable for can overshoot."
        ).format(
            before=_num(before), rate=repr(rate), after=_num(after[0]), slow=repr(SLOW_RATE), after_slow=_num(after[1])
        ),
    }


def w0_after(net, settings):
    rate = _rate(settings)
    w, g = net.params["W0"][0, 0], _grads(net)["dW0"][0, 0]
    right = w - rate * g
    values = {"right": right, "plus": w + rate * g, "no rate": w - g, "unchanged": w}
    choices = list(dict.fromkeys(repr(float(v)) for v in sorted(values.values())))
    return {
        "id": "update.w0-after",
        "prompt": _(
            "W0[0,0] is {w} and dW0[0,0] is {g}. What is W0[0,0] after one step at learning rate {rate}?"
        ).format(w=repr(float(w)), g=repr(float(g)), rate=repr(rate)),
        "choices": choices,
        "answer": choices.index(repr(float(right))),
        "explanation": _(
            "W0[0,0] - learning_rate · dW0[0,0] = {w} - {rate} × {g} = {right}. Adding the step ({plus}) climbs the "
            "cost; without the learning rate it is {no_rate}."
        ).format(
            w=repr(float(w)),
            rate=repr(rate),
            g=repr(float(g)),
            right=repr(float(right)),
            plus=repr(float(values["plus"])),
            no_rate=repr(float(values["no rate"])),
        ),
    }
