"""The ANN exercise's checks: the student's class trained in the exercise worker for the same settings as the
model (backprop.Run): its printed log (J every 100 steps), its trained parameters and its predictions. The log of
a class with the notebook's 1 - tanh(A1)**2 is the model's in notebook mode (the notebook's printed numbers)."""

import re
import sys

import numpy as np

from backprop import A0, Run, forward, truth_table
from shared.i18n import N_, _

from ..runner import Output
from .common import PARAMS, Case, Mistake, NotNumbers, Spec, as_array

STEPS, EVERY = 1000, 100
SECONDS = 5.0  # for one case's __init__ and fit together (1000 steps of the student's Python)
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf)")
ROWS = ("log", "W0", "b0", "W1", "b1", "predict")


def logged(text):
    """The last number of each printed line that has one, as an array; None when nothing was printed."""
    numbers = []
    for line in text.splitlines():
        found = NUMBER.findall(line)
        if found:
            numbers.append(float(found[-1]))
    return np.array(numbers) if numbers else None


def model(n_h, seed, learning_rate, notebook_mode=False, log_after=False):
    """{row: value} of the model trained STEPS steps with these settings (log_after: J printed after updating)."""
    run = Run({"n_h": n_h, "seed": seed, "learning_rate": learning_rate, "notebook_mode": notebook_mode})
    run.history_limit = None
    costs = [run.cost]
    for _step in range(STEPS):
        costs.append(run.train(1))
    start = 1 if log_after else 0
    values = {"log": np.array(costs[start : STEPS + start : EVERY])}
    values.update({name: np.array(run.params[name]) for name in PARAMS})
    values["predict"] = forward(values, np.array(A0, dtype=float))["A2"]
    return values


class Ann(Spec):
    MISTAKES = {
        name: [
            Mistake(
                "tanh_of_A1",
                N_(
                    "{name} is the notebook's: its backward uses 1 - tanh(A1)**2, the notebook's slip (cell 33). A1 is "
                    "already tanh(Z1), so tanh's derivative is 1 - A1**2. The notebook's log is this one."
                ),
                lambda c, name=name: c.arrays["notebook"][name],
            ),
            Mistake(
                "forgot_m",
                N_(
                    "{name} is that of a network trained with m = 1: gradients m = 4 times too big, as if the learning "
                    "rate were 4 times larger. With Y of shape (1, 4), len(Y) is 1: use m = Y.shape[1]."
                ),
                lambda c, name=name: c.arrays["forgot_m"][name],
            ),
        ]
        for name in ROWS
    }
    MISTAKES["log"].append(
        Mistake(
            "log_after_update",
            N_(
                "{name} shows J after each update: the notebook prints J of step i after forward and before backward "
                "and update, so step 0's J is the initial network's."
            ),
            lambda c: c.arrays["log_after"]["log"],
        )
    )

    def cases(self, screen):
        settings = [(screen.params["W0"].shape[0], _seed(screen), 10.0), (2, 2, 10.0), (3, 1, 5.0)]
        made, seen = [], set()
        for n_h, seed, rate in settings:
            if (n_h, seed, rate) in seen:
                continue
            seen.add((n_h, seed, rate))
            words = {"n_h": n_h, "seed": seed, "rate": f"{rate:g}"}
            if (n_h, seed, rate) == (2, 2, 10.0):
                label = _("n_h = {n_h}, seed {seed}, learning rate {rate} (the notebook's)").format(**words)
            else:
                label = _("n_h = {n_h}, seed {seed}, learning rate {rate}").format(**words)
            arrays = {
                "n_h": n_h,
                "seed": seed,
                "learning_rate": rate,
                "model": model(n_h, seed, rate),
                "notebook": model(n_h, seed, rate, notebook_mode=True),
                "forgot_m": model(n_h, seed, 4 * rate),
                "log_after": model(n_h, seed, rate, log_after=True),
            }
            made.append(Case(label, arrays))
        return made

    def references(self, case):
        return {name: (np.asarray(value, dtype=float), None) for name, value in case.arrays["model"].items()}

    def values(self, box, case):
        cls = box.function("ANN")
        if cls is None:
            return None
        n_h, seed, rate = case.arrays["n_h"], case.arrays["seed"], case.arrays["learning_rate"]
        inputs, Y = np.array(A0, dtype=float), np.array(truth_table("XOR"), dtype=float)
        log = Output()

        def train():
            sys.stdout = log  # this case's log, apart (the sandbox puts its own stream back after the call)
            nn = cls(2, n_h, seed)
            nn.fit(inputs.copy(), Y.copy(), rate, STEPS)
            return nn

        ok, nn = box.call(train, seconds=SECONDS)
        if box.show:
            box.output.write(log.text())
        if not ok:
            return None
        out = {"log": logged(log.text())}
        ok, trained = box.call(lambda: [as_array(getattr(nn, name, None)) for name in PARAMS])
        if not ok:
            return None
        out.update(zip(PARAMS, trained))
        ok, out["predict"] = box.call(nn.predict, inputs.copy(), then=as_array)
        return out if ok else None

    def extra(self, values, case):
        return {"trained": trained(values, case)}

    def shown(self, values):
        if values is not None and isinstance(values.get("log"), np.ndarray):
            values = dict(values, log=NotNumbers(values["log"].tolist()))  # every digit as printed
        return values


def _seed(screen):
    """The seed of the network on screen (checker/networks.py's Network.seed), 2 (the notebook's) when it has none."""
    found = re.match(r"\d+", screen.seed or "")
    return int(found.group(0)) if found else 2


def trained(values, case):
    """The network the student's class trained on the first case as the Lab takes it (app/exercises/ann.py): n_h,
    seed, learning rate, steps and the parameters as a lesson link's params= text (W0, b0, W1, b1 row by row, each
    float as CPython writes it, "_" between); None when the parameters are not all there and finite."""
    numbers = []
    for name in PARAMS:
        value = (values or {}).get(name)
        expected = case.arrays["model"][name].shape
        if not isinstance(value, np.ndarray) or value.shape != expected or not np.isfinite(value).all():
            return None
        numbers.extend(value.ravel().tolist())
    if max(abs(x) for x in numbers) > 1e6:
        return None
    return {
        "n_h": case.arrays["n_h"],
        "seed": case.arrays["seed"],
        "learning_rate": case.arrays["learning_rate"],
        "steps": STEPS,
        "params": "_".join(repr(float(x)).replace("e+", "e") for x in numbers),
    }
