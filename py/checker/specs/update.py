"""The update exercise's checks (see checker/specs/__init__.py)."""

from backprop.network import backward as model_backward
from shared.i18n import N_, _, ngettext

from .. import networks
from .common import PARAMS, Case, Mistake, Spec, as_array

RATES = (10.0, 0.5, 3.0, 7.0, 100.0)  # the learning rate of each case: the notebook's on screen, others elsewhere


def _stepped(name, c, grad, sign=-1, rate=True):
    lr = c.arrays["learning_rate"] if rate else 1.0
    return c.arrays[name] + sign * lr * c.arrays[grad]


def _update_mistakes(name):
    mistakes = [
        Mistake(
            "plus",
            N_(
                "{name} moved with its gradient, uphill: gradient descent subtracts learning_rate * d{name}. (The "
                "notebook adds, but its gradients are the negatives.)"
            ),
            lambda c: _stepped(name, c, "d" + name, sign=1),
        ),
        Mistake(
            "no_learning_rate",
            N_("{name} took a step of the whole gradient: multiply d{name} by the learning rate."),
            lambda c: _stepped(name, c, "d" + name, rate=False),
        ),
        Mistake(
            "not_updated",
            N_("{name} is unchanged: the update must return the parameter after the step."),
            lambda c: c.arrays[name],
        ),
    ]
    for other in PARAMS:
        if other != name:
            mistakes.append(
                Mistake(
                    "wrong_gradient",
                    N_("{name} was stepped with {other}, the gradient of another parameter: use d{name}."),
                    lambda c, other=other: _stepped(name, c, "d" + other),
                    other="d" + other,
                )
            )
    return mistakes


class Update(Spec):
    ARGS = ("W0", "b0", "W1", "b1", "dW0", "db0", "dW1", "db1")
    MISTAKES = {name: _update_mistakes(name) for name in PARAMS}

    def cases(self, screen):
        made = []
        for net, rate in zip(networks.checked(screen), RATES + (RATES[0],)):  # the data on screen: rate 10
            grads = model_backward(net.params, net.cache, net.A0, net.Y)
            arrays = dict(net.params, learning_rate=rate, **{"d" + name: grads["d" + name] for name in PARAMS})
            made.append(Case(_("{network}, learning rate {rate}").format(network=net.label, rate=f"{rate:g}"), arrays))
        return made

    def references(self, case):
        return {name: (_stepped(name, case, "d" + name), None) for name in PARAMS}

    def values(self, box, case):
        fn = box.function("update")
        if fn is None:
            return None
        args = case.copies(*self.ARGS) + [float(case.arrays["learning_rate"])]
        ok, result = box.call(fn, *args)
        if not ok:
            return None
        if not isinstance(result, (tuple, list)) or len(result) != 4:
            if isinstance(result, (tuple, list)):
                message = ngettext(
                    "update must return the four parameters W0, b0, W1, b1 (it returned {n} value)",
                    "update must return the four parameters W0, b0, W1, b1 (it returned {n} values)",
                    len(result),
                ).format(n=len(result))
            else:
                message = _("update must return the four parameters W0, b0, W1, b1 (it returned {type})").format(
                    type=type(result).__name__
                )
            box.error = {
                "kind": "TypeError",
                "message": message,
                "line": None,
                "text": None,
            }
            return None
        ok, arrays = box.call(lambda: [as_array(value) for value in result])
        return dict(zip(PARAMS, arrays)) if ok else None
