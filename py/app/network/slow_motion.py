"""One gradient-descent step in slow motion: its stages, in the Notebook view's words, and what each one writes.

The worker's stages() (contract: /py/worker/door.py `stages`) sends every number of the step as CPython's text; this
module only picks the texts each stage shows and says them in words. Nothing is computed here.

- STAGES: forward, cost, backward, update, then done (the step taken). Each names its Notebook section.
- SlowMotion: the player's state (which stage, which example), Next and Previous within bounds; passing the
  update stage (Next, or Finish) answers "step": the caller then takes the lab's real step.
- labels(stages, key, example): the texts a stage writes on the diagram, by place (a unit, a weight, a bias).
- table(stages, key, example): the same stage as a small table, and announcement(...): in words, for a screen reader.

A data set has hundreds of examples: the worker sends the columns of the first 8 only (and of the step's one example
in one-example mode), listed in stages["shown"] (and stages["backward_shown"] for the backward pass's columns), with
stages["limit"] set when it left some out; the tables, the picker and the words show those, and say so (left_out).
Without these keys (the truth table's four examples) every example's column is there.

Plain Python for MicroPython (the page) and CPython (the tests).
"""

ORDER = ("forward", "cost", "backward", "update", "done")
# key -> (title, the Notebook section's key, its heading there)
STAGES = {
    "forward": ("Forward pass", "forward", "2. Forward pass and cost, unrolled and as matrices"),
    "cost": ("Cost", "forward", "2. Forward pass and cost, unrolled and as matrices"),
    "backward": ("Backpropagation", "backward", "3. Backpropagation and gradient checks"),
    "update": ("Update: one gradient-descent step", "step", "5. One gradient-descent step"),
    "done": ("The step taken", "step", "5. One gradient-descent step"),
}
ALL = None  # the example picker's "all four examples" (a data set's: its first 8, in a table)

# The Notebook's own lines (py/worker/notebook/forward.py, mathml.py, training.py; tests/app/network holds them equal).
MATRIX_A1 = {"tanh": "A1 = np.tanh(Z1)", "sigmoid": "A1 = sigmoid(Z1)", "relu": "A1 = np.maximum(Z1, 0)"}
MATRIX_J = {
    "half_mse": "J = 1/2 * np.mean((A2 - Y)**2)",
    "cross_entropy": "J = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))",
}
DA2 = {"half_mse": "dA2 = (A2 − Y) / m", "cross_entropy": "dA2 = (A2 − Y) / (A2 ⊙ (1 − A2)) / m"}
DZ2 = {
    "half_mse": "dZ2 = dA2 ⊙ σ′(Z2) = dA2 ⊙ A2 ⊙ (1 − A2)",
    "cross_entropy": "dZ2 = dA2 ⊙ A2 ⊙ (1 − A2) = (A2 − Y) / m",
}
G_PRIME = {
    "Z1": {"tanh": "(1 − A1²)", "sigmoid": "A1 ⊙ (1 − A1)", "relu": "[Z1 > 0]"},
    "A1": {"tanh": "(1 − tanh(A1)²)", "sigmoid": "σ(A1) ⊙ (1 − σ(A1))", "relu": "[A1 > 0]"},
}
PARAMS = ("W0", "b0", "W1", "b1")
SLIP_NOTE = (
    "Notebook mode: dZ1, dW0 and db0 use the notebook's derivative 1 − tanh(A1)², where the calculus says 1 − A1²."
)


def cost_name(stages):
    """The cost function's name ("half_mse", "cross_entropy"): the model's "cost_function", or "cost" when a text."""
    name = stages.get("cost_function")
    if name is None and isinstance(stages.get("cost"), str):
        name = stages["cost"]
    return name or "half_mse"


def formulas(stages, key):
    """The stage's formulas, as the Notebook view writes them for this network's activation, cost and mode."""
    cost, activation = cost_name(stages), stages["activation"]
    if key == "forward":
        return ["Z1 = np.dot(W0, A0) + b0", MATRIX_A1[activation], "Z2 = np.dot(W1, A1) + b1", "A2 = sigmoid(Z2)"]
    if key == "cost":
        return [MATRIX_J[cost]]
    if key == "backward":
        at = "A1" if stages["notebook_mode"] else "Z1"
        return [
            DA2[cost],
            DZ2[cost],
            "dW1 = dZ2 · A1ᵀ",
            "db1 = Σⱼ dZ2[:, j]",
            "dA1 = W1ᵀ · dZ2",
            "dZ1 = dA1 ⊙ g′({}) = dA1 ⊙ {}".format(at, G_PRIME[at][activation]),
            "dW0 = dZ1 · A0ᵀ",
            "db0 = Σⱼ dZ1[:, j]",
        ]
    if key == "update":
        return ["{0} ← {0} − learning_rate · d{0}".format(name) for name in PARAMS]
    return []


def default_example(stages):
    """The example shown first: the step's one example in one-example mode, else all of them."""
    return stages["examples"][0] if len(stages["examples"]) == 1 else ALL


class SlowMotion:
    """Where the player is: a stage of ORDER (index) and the example shown (an index of A0's columns, or ALL)."""

    def __init__(self, stages):
        self.stages = stages
        self.index = 0
        self.example = default_example(stages)

    @property
    def key(self):
        return ORDER[self.index]

    @property
    def taken(self):
        return self.key == "done"

    def can_previous(self):
        return self.index > 0 and not self.taken

    def can_next(self):
        return not self.taken

    def next(self):
        """One stage on. Returns "step" when this passes the update stage: take the lab's real step now."""
        if self.taken:
            return None
        self.index += 1
        return "step" if self.taken else None

    def previous(self):
        if self.can_previous():
            self.index -= 1

    def finish(self):
        """To the end: returns "step" when the step was not taken yet."""
        if self.taken:
            return None
        self.index = len(ORDER) - 1
        return "step"

    def pick(self, example):
        """Show one example (an index of A0's columns, one of those sent), or ALL."""
        self.example = example if example is ALL or example in shown_examples(self.stages) else ALL


# --- the examples sent -----------------------------------------------------------------------------------------------


def shown_examples(stages):
    """The examples whose columns the stages hold: every one, or a data set's first 8 (and the step's one)."""
    shown = stages.get("shown")
    return list(range(stages["m"])) if shown is None else shown


def at(stages, j):
    """The column of example j in the stages' A0, Y, forward and cost (j itself when every example was sent)."""
    shown = stages.get("shown")
    return j if shown is None else shown.index(j)


def backward_examples(stages):
    """The step's examples whose backward columns (dZ2, dA1, dZ1) the stages hold, in the step's order."""
    kept = stages.get("backward_shown")
    return stages["examples"] if kept is None else kept


def left_out(stages):
    """What the tables leave out of a data set, in words, or "" when they show every example."""
    limit, m = stages.get("limit"), stages["m"]
    if not limit:
        return ""
    extra = [j for j in shown_examples(stages) if j >= limit]
    if len(stages["examples"]) == m:
        return "The tables show the first {} of the {} examples; J and the gradients are over all {}.".format(
            limit, m, m
        )
    also = " and this step's example {}".format(extra[0]) if extra else ""
    return "The tables show the first {} of the {} examples{}; J is over all {}.".format(limit, m, also, m)


def scope(stages):
    """ "all 4 examples", or "the first 8 of 50 examples" for a data set."""
    if stages.get("limit"):
        return "the first {} of {} examples".format(stages["limit"], stages["m"])
    return "all {} examples".format(stages["m"])


# --- the texts -------------------------------------------------------------------------------------------------------


def column(stages, example):
    """The backward pass's column of example, or None when the step's gradient does not use it (or ALL)."""
    examples = backward_examples(stages)
    if example is ALL or example not in examples:
        return None
    return examples.index(example)


def example_words(stages, j):
    """ "example 2 (x1 = 1.0, x2 = 0.0, Y = 1.0)" """
    A0, Y, c = stages["A0"], stages["Y"], at(stages, j)
    return "example {} (x1 = {}, x2 = {}, Y = {})".format(j, A0[0][c], A0[1][c], Y[0][c])


def uses(stages):
    """Which examples the step's gradient takes, in words."""
    examples = stages["examples"]
    if len(examples) == stages["m"]:
        return "This step's gradient takes all {} examples (full batch).".format(stages["m"])
    return "This step's gradient takes {} only ({} batch).".format(
        ", ".join(example_words(stages, j) for j in examples), stages["batch"]
    )


def param_texts(name, matrix):
    """[(page name, text)] of a parameter's matrix: "W0[i,k]", "b0[i]", "W1[0,i]", "b1"."""
    if name == "b1":
        return [("b1", matrix[0][0])]
    if name == "b0":
        return [("b0[{}]".format(i), row[0]) for i, row in enumerate(matrix)]
    out = []
    for i, row in enumerate(matrix):
        for k, text in enumerate(row):
            out.append(("{}[{},{}]".format(name, i, k), text))
    return out


def place(name):
    """A parameter's place on the diagram: ("W0", i, k), ("W1", i), ("b0", i), ("b1",)."""
    if name == "b1":
        return ("b1",)
    head, index = name[:2], name[3:-1].split(",")
    if head == "b0":
        return ("b0", int(index[0]))
    if head == "W1":
        return ("W1", int(index[1]))
    return ("W0", int(index[0]), int(index[1]))


def labels(stages, key, example):
    """[(place, [lines], slip)]: the texts a stage writes on the diagram; slip: the notebook's slip changed them
    (notebook mode, backward stage). Places: ("input", k), ("hidden", i), ("output",), ("W0", i, k), ("W1", i),
    ("b0", i), ("b1",). A unit's lines name what they show; a weight's or bias's are its numbers alone (its
    gradient, or before and after), named by their place."""
    marked = key == "backward" and stages["slip"]
    out = []
    for where, lines in _labels(stages, key, example):
        name = "d" + where[0] if where[0] in ("W0", "b0") else lines[0]
        out.append((where, lines, bool(marked) and slipped(stages, name)))
    return out


def _labels(stages, key, example):
    n_h, out = stages["n_h"], []
    j = example
    c = None if j is ALL else at(stages, j)  # example j's column
    if key == "forward" and j is not ALL:
        f = stages["forward"]
        for k in range(2):
            out.append((("input", k), ["A0[{},{}] = {}".format(k, j, stages["A0"][k][c])]))
        for i in range(n_h):
            out.append(
                (
                    ("hidden", i),
                    ["Z1[{},{}] = {}".format(i, j, f["Z1"][i][c]), "A1[{},{}] = {}".format(i, j, f["A1"][i][c])],
                )
            )
        out.append((("output",), ["Z2[0,{}] = {}".format(j, f["Z2"][0][c]), "A2[0,{}] = {}".format(j, f["A2"][0][c])]))
    elif key == "cost":
        lines = ["J = " + stages["cost"]["J"]]
        if j is not ALL:
            lines.append("A2 − Y = {}".format(stages["cost"]["error"][0][c]))
        out.append((("output",), lines))
    elif key == "backward":
        b, e = stages["backward"], column(stages, j)
        if e is not None:
            for i in range(n_h):
                out.append((("hidden", i), ["dZ1[{},{}] = {}".format(i, j, b["dZ1"][i][e])]))
            out.append((("output",), ["dZ2[0,{}] = {}".format(j, b["dZ2"][0][e])]))
        for name in PARAMS:  # on its line or under its unit: the place names it
            for page_name, text in param_texts(name, b["d" + name]):
                out.append((place(page_name), [text]))
    elif key == "update":
        u = stages["update"]
        for name in PARAMS:
            for (page_name, before), (_, after) in zip(
                param_texts(name, u[name]["before"]), param_texts(name, u[name]["after"])
            ):
                out.append((place(page_name), [before, "→ " + after]))
    return out


def table(stages, key, example):
    """The stage as a table: {"caption", "head": [...], "rows": [[...], ...], "note": what it leaves out of a data
    set, or ""}, or None."""
    n_h = stages["n_h"]
    note = left_out(stages)
    if key == "forward":
        f = stages["forward"]
        head = ["example", "x1", "x2"]
        for i in range(n_h):
            head += ["Z1[{},j]".format(i), "A1[{},j]".format(i)]
        head += ["Z2[0,j]", "A2[0,j]"]
        rows = []
        for j in shown(stages, example):
            c = at(stages, j)
            row = [str(j), stages["A0"][0][c], stages["A0"][1][c]]
            for i in range(n_h):
                row += [f["Z1"][i][c], f["A1"][i][c]]
            rows.append(row + [f["Z2"][0][c], f["A2"][0][c]])
        note = note if example is ALL else ""
        return {"caption": "Forward pass, example by example (j)", "head": head, "rows": rows, "note": note}
    if key == "cost":
        cost = stages["cost"]
        rows = []
        for j in shown_examples(stages):
            c = at(stages, j)
            rows.append(
                [str(j), stages["forward"]["A2"][0][c], stages["Y"][0][c], cost["error"][0][c], cost["share"][0][c]]
            )
        rows.append(["all", "", "", "", "J = " + cost["J"]])
        return {
            "caption": "Cost: each example's error and its share of J",
            "head": ["example", "A2", "Y", "A2 − Y", "share of J"],
            "rows": rows,
            "note": note,
        }
    if key == "backward":
        b = stages["backward"]
        rows = []
        for e, j in enumerate(backward_examples(stages)):
            rows.append(["dZ2[0,{}]".format(j), b["dZ2"][0][e]])
            for i in range(n_h):
                rows.append(["dZ1[{},{}]".format(i, j), b["dZ1"][i][e]])
        for name in PARAMS:
            rows += [["d" + page_name, text] for page_name, text in param_texts(name, b["d" + name])]
        return {
            "caption": "Backpropagation: each unit's dZ and each weight's and bias's gradient",
            "head": ["name", "value"],
            "rows": rows,
            "note": note if len(backward_examples(stages)) < len(stages["examples"]) else "",
        }
    if key == "update":
        u = stages["update"]
        rows = []
        for name in PARAMS:
            before, change, after = (param_texts(name, u[name][part]) for part in ("before", "change", "after"))
            for (page_name, b), (_, c), (_, a) in zip(before, change, after):
                rows.append([page_name, b, c, a])
        head = ["parameter", "before", "learning rate × gradient", "after"]
        return {
            "caption": "Update with learning rate " + stages["learning_rate"],
            "head": head,
            "rows": rows,
            "note": "",
        }
    return None


def shown(stages, example):
    return shown_examples(stages) if example is ALL else [example]


def announcement(stages, key, example, slip=True):
    """The stage in words, with its numbers, for a screen reader's live region."""
    title = STAGES[key][0]
    if key == "done":
        return "{}: now at step {}, cost J = {}.".format(title, stages["step"] + 1, stages["after"]["J"])
    if key == "forward":
        if example is ALL:
            a2 = ", ".join(
                "example {}: {}".format(j, stages["forward"]["A2"][0][at(stages, j)]) for j in shown_examples(stages)
            )
            return "{}, {} (the table lists Z1 and A1): A2 = {}.".format(title, scope(stages), a2)
        words = [line for _, group, _ in labels(stages, key, example) for line in group]
        return "{}, {}: {}.".format(title, example_words(stages, example), ", ".join(words))
    if key == "cost":
        c = stages["cost"]
        errors = ", ".join(
            "example {}: A2 − Y = {}, share {}".format(j, c["error"][0][at(stages, j)], c["share"][0][at(stages, j)])
            for j in shown_examples(stages)
        )
        text = "{}: J = {}; {}.".format(title, c["J"], errors)
        return text + " " + left_out(stages) if stages.get("limit") else text
    rows = table(stages, key, example)["rows"]
    if key == "backward":
        text = "{}: {} {}.".format(title, uses(stages), ", ".join("{} = {}".format(n, v) for n, v in rows))
        return text + " " + SLIP_NOTE if slip and stages["slip"] else text
    changes = ", ".join("{}: {} → {} (change {})".format(n, b, a, c) for n, b, c, a in rows)
    return "{}: learning rate {}; {}.".format(title, stages["learning_rate"], changes)


def slipped(stages, name):
    """Whether a backward number (e.g. "dZ1[0,2]", "dW0[1,0]") is changed by the notebook's slip (notebook mode)."""
    return name.split("[")[0].split(" ")[0] in stages["slip"]
