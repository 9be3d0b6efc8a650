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

from shared.i18n import N_, _

ORDER = ("forward", "cost", "backward", "update", "done")
# key -> (title, the Notebook section's key, its heading there); the titles and headings are marked for the catalog
# and translated where they are shown (the headings as the Notebook view's worker says them).
STAGES = {
    "forward": (N_("Forward pass"), "forward", N_("2. Forward pass and cost, unrolled and as matrices")),
    "cost": (N_("Cost"), "forward", N_("2. Forward pass and cost, unrolled and as matrices")),
    "backward": (N_("Backpropagation"), "backward", N_("3. Backpropagation and gradient checks")),
    "update": (N_("Update: one gradient-descent step"), "step", N_("5. One gradient-descent step")),
    "done": (N_("The step taken"), "step", N_("5. One gradient-descent step")),
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
SLIP_NOTE = N_(
    "Notebook mode: dZ1, dW0 and db0 use the notebook's derivative 1 − tanh(A1)², where the calculus says 1 − A1²."
)  # translated where it is shown: _(SLIP_NOTE)
# The words of a step that takes some of the examples, by the batch setting (its value in a link).
BATCH_USES = {
    # Translators: {examples} lists the examples, such as "example 2 (x1 = 1.0, x2 = 0.0, Y = 1.0)".
    "one": N_("This step's gradient takes {examples} only (one batch)."),
    "shuffled": N_("This step's gradient takes {examples} only (shuffled batch)."),
}


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
        return _("The tables show the first {limit} of the {m} examples; J and the gradients are over all {m}.").format(
            limit=limit, m=m
        )
    if extra:
        return _(
            "The tables show the first {limit} of the {m} examples and this step's example {j}; J is over all {m}."
        ).format(limit=limit, m=m, j=extra[0])
    return _("The tables show the first {limit} of the {m} examples; J is over all {m}.").format(limit=limit, m=m)


def scope(stages):
    """ "all 4 examples", or "the first 8 of 50 examples" for a data set."""
    if stages.get("limit"):
        return _("the first {limit} of {m} examples").format(limit=stages["limit"], m=stages["m"])
    return _("all {m} examples").format(m=stages["m"])


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
    # Translators: an example named in a sentence; x1, x2 and Y are the notebook's names.
    return _("example {j} (x1 = {x1}, x2 = {x2}, Y = {y})").format(j=j, x1=A0[0][c], x2=A0[1][c], y=Y[0][c])


def example_choice(stages, j):
    """ "Example 2 (x1 = 1.0, x2 = 0.0, Y = 1.0)": an example as the picker offers it."""
    A0, Y, c = stages["A0"], stages["Y"], at(stages, j)
    # Translators: an example as the slow motion's example picker offers it.
    return _("Example {j} (x1 = {x1}, x2 = {x2}, Y = {y})").format(j=j, x1=A0[0][c], x2=A0[1][c], y=Y[0][c])


def uses(stages):
    """Which examples the step's gradient takes, in words."""
    examples = stages["examples"]
    if len(examples) == stages["m"]:
        return _("This step's gradient takes all {m} examples (full batch).").format(m=stages["m"])
    listed = ", ".join(example_words(stages, j) for j in examples)
    if stages["batch"] in BATCH_USES:
        return _(BATCH_USES[stages["batch"]]).format(examples=listed)
    # Translators: {batch} is the batch setting's value in a link (one, shuffled), kept as it is.
    return _("This step's gradient takes {examples} only ({batch} batch).").format(
        examples=listed, batch=stages["batch"]
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
            for (page_name, before), (_unused, after) in zip(
                param_texts(name, u[name]["before"]), param_texts(name, u[name]["after"])
            ):
                out.append((place(page_name), [before, "→ " + after]))
    return out


def table(stages, key, example):
    """The stage as a table: {"caption", "head": [...], "rows": [[...], ...], "note": what it leaves out of a data
    set, or ""}, or None."""
    n_h = stages["n_h"]
    note = left_out(stages)
    # Translators: a slow-motion table's column of the examples' numbers.
    example_head = _("example")
    if key == "forward":
        f = stages["forward"]
        head = [example_head, "x1", "x2"]
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
        caption = _("Forward pass, example by example (j)")
        return {"caption": caption, "head": head, "rows": rows, "note": note}
    if key == "cost":
        cost = stages["cost"]
        rows = []
        for j in shown_examples(stages):
            c = at(stages, j)
            rows.append(
                [str(j), stages["forward"]["A2"][0][c], stages["Y"][0][c], cost["error"][0][c], cost["share"][0][c]]
            )
        # Translators: the cost table's last row, of all the examples together.
        rows.append([_("all"), "", "", "", "J = " + cost["J"]])
        return {
            "caption": _("Cost: each example's error and its share of J"),
            "head": [example_head, "A2", "Y", "A2 − Y", _("share of J")],
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
            "caption": _("Backpropagation: each unit's dZ and each weight's and bias's gradient"),
            # Translators: the backpropagation table's column headings.
            "head": [_("name"), _("value")],
            "rows": rows,
            "note": note if len(backward_examples(stages)) < len(stages["examples"]) else "",
        }
    if key == "update":
        u = stages["update"]
        rows = []
        for name in PARAMS:
            before, change, after = (param_texts(name, u[name][part]) for part in ("before", "change", "after"))
            for (page_name, b), (_unused, c), (_unused, a) in zip(before, change, after):
                rows.append([page_name, b, c, a])
        # Translators: the update table's column headings.
        head = [_("parameter"), _("before"), _("learning rate × gradient"), _("after")]
        return {
            "caption": _("Update with learning rate {rate}").format(rate=stages["learning_rate"]),
            "head": head,
            "rows": rows,
            "note": "",
        }
    return None


def shown(stages, example):
    return shown_examples(stages) if example is ALL else [example]


def announcement(stages, key, example, slip=True):
    """The stage in words, with its numbers, for a screen reader's live region."""
    if key == "done":
        return _("The step taken: now at step {step}, cost J = {cost}.").format(
            step=stages["step"] + 1, cost=stages["after"]["J"]
        )
    if key == "forward":
        if example is ALL:
            # Translators: an example's output in a list, such as "example 2: 0.93".
            each = _("example {j}: {value}")
            a2 = ", ".join(
                each.format(j=j, value=stages["forward"]["A2"][0][at(stages, j)]) for j in shown_examples(stages)
            )
            if stages.get("limit"):
                words = _("Forward pass, the first {limit} of {m} examples (the table lists Z1 and A1): A2 = {values}.")
            else:
                words = _("Forward pass, all {m} examples (the table lists Z1 and A1): A2 = {values}.")
            return words.format(limit=stages.get("limit"), m=stages["m"], values=a2)
        words = [line for _unused, group, _unused in labels(stages, key, example) for line in group]
        # Translators: {example} is "example 2 (x1 = 1.0, x2 = 0.0, Y = 1.0)"; {values} its numbers (Z1[0,2] = ...).
        return _("Forward pass, {example}: {values}.").format(
            example=example_words(stages, example), values=", ".join(words)
        )
    if key == "cost":
        c = stages["cost"]
        each = _("example {j}: A2 − Y = {error}, share {share}")
        errors = ", ".join(
            each.format(j=j, error=c["error"][0][at(stages, j)], share=c["share"][0][at(stages, j)])
            for j in shown_examples(stages)
        )
        text = _("Cost: J = {cost}; {errors}.").format(cost=c["J"], errors=errors)
        return text + " " + left_out(stages) if stages.get("limit") else text
    rows = table(stages, key, example)["rows"]
    if key == "backward":
        # Translators: {uses} is a sentence of the examples the step takes; {values} the gradients (dW1[0,0] = ...).
        text = _("Backpropagation: {uses} {values}.").format(
            uses=uses(stages), values=", ".join("{} = {}".format(n, v) for n, v in rows)
        )
        return text + " " + _(SLIP_NOTE) if slip and stages["slip"] else text
    each = _("{name}: {before} → {after} (change {change})")
    changes = ", ".join(each.format(name=n, before=b, after=a, change=c) for n, b, c, a in rows)
    return _("Update: one gradient-descent step: learning rate {rate}; {changes}.").format(
        rate=stages["learning_rate"], changes=changes
    )


def slipped(stages, name):
    """Whether a backward number (e.g. "dZ1[0,2]", "dW0[1,0]") is changed by the notebook's slip (notebook mode)."""
    return name.split("[")[0].split(" ")[0] in stages["slip"]
