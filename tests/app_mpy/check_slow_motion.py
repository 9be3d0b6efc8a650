"""The slow-motion step's texts under the page's MicroPython (app/network/slow_motion.py, stage_numbers.py and
stage_view.py's markup): the stages' order and bounds, what each stage writes and says, and where on the diagram.
The stages dict is the worker contract's shape for a 2-1-1 network (texts as CPython's repr writes them). See
mpy_checks.py.
"""

from mpy_checks import Checks, equal

from app.network.slow_motion import ALL, SlowMotion, announcement, formulas, labels, table, uses
from app.network.stage_numbers import flows, positions
from app.network.stage_view import overlay_svg, picker_all, table_html

CHECKS = Checks()
check = CHECKS.check


def stages(notebook_mode=False, examples=(0, 1, 2, 3)):
    e = len(examples)
    return {
        "step": 7,
        "examples": list(examples),
        "batch": "full" if e == 4 else "one",
        "m": 4,
        "n_h": 1,
        "activation": "tanh",
        "cost_function": "cross_entropy",
        "notebook_mode": notebook_mode,
        "learning_rate": "0.46",
        "A0": [["0.0", "1.0", "0.0", "1.0"], ["1.0", "0.0", "0.0", "1.0"]],
        "Y": [["1.0", "1.0", "0.0", "0.0"]],
        "forward": {
            "Z1": [["0.1", "0.2", "0.30000000000000004", "-0.4"]],
            "A1": [["0.09966799462495582", "0.197375320224904", "0.2913126124515909", "-0.3799489622552249"]],
            "Z2": [["1e-05", "-2.5e-17", "nan", "inf"]],
            "A2": [["0.5000025", "0.5", "0.6", "0.7"]],
        },
        "cost": {
            "J": "0.6931471805599453",
            "error": [["-0.4999975", "-0.5", "0.6", "0.7"]],
            "share": [["0.17", "0.18", "0.19", "0.15314718055994532"]],
        },
        "backward": {
            "dZ2": [["-0.12" if j == 0 else str(j) + ".5" for j in range(e)]],
            "dW1": [["0.001"]],
            "db1": [["-0.002"]],
            "dA1": [["0.3"] * e],
            "dZ1": [["-0.0004"] * e],
            "dW0": [["1.5e-05", "-2e-05"]],
            "db0": [["0.003"]],
        },
        "update": {
            "W0": {"before": [["0.1", "0.2"]], "change": [["0.01", "0.02"]], "after": [["0.09", "0.18"]]},
            "b0": {"before": [["0.0"]], "change": [["0.001"]], "after": [["-0.001"]]},
            "W1": {"before": [["0.5"]], "change": [["-0.05"]], "after": [["0.55"]]},
            "b1": {"before": [["0.0"]], "change": [["0.1"]], "after": [["-0.1"]]},
        },
        "after": {"J": "0.6931471805599452"},
        "slip": ["dZ1", "dW0", "db0"] if notebook_mode else [],
    }


# A 2-1-1 diagram's geometry, in the shape of app/network/diagram.py's layout(1).
GEOMETRY = {
    "input": [(44.0, 70.0), (44.0, 170.0)],
    "hidden": [(196.0, 120.0)],
    "output": [(352.0, 120.0)],
    "W0": [[(64.0, 70.0, 166.0, 120.0), (64.0, 170.0, 166.0, 120.0)]],
    "W1": [(226.0, 120.0, 312.0, 120.0)],
    "boxes": {"input": (20.0, 12.0), "hidden": (30.0, 12.0), "output": (40.0, 27.0)},
}


@check("the stages' order and bounds")
def _():
    motion = SlowMotion(stages())
    keys, actions = [motion.key], []
    while motion.can_next():
        actions.append(motion.next())
        keys.append(motion.key)
    equal(keys, ["forward", "cost", "backward", "update", "done"], "order")
    equal(actions, [None, None, None, "step"], "actions")
    motion.previous()
    equal(motion.key, "done", "no way back once the step is taken")
    equal(SlowMotion(stages(examples=[2])).example, 2, "one example mode shows the step's example")
    equal(SlowMotion(stages()).example is ALL, True, "full batch shows all four")


@check("what each stage writes and says")
def _():
    s = stages()
    equal(
        labels(s, "forward", 3),
        [
            (("input", 0), ["A0[0,3] = 1.0"], False),
            (("input", 1), ["A0[1,3] = 1.0"], False),
            (("hidden", 0), ["Z1[0,3] = -0.4", "A1[0,3] = -0.3799489622552249"], False),
            (("output",), ["Z2[0,3] = inf", "A2[0,3] = 0.7"], False),
        ],
        "forward labels",
    )
    equal(
        announcement(s, "cost", 0),
        "Cost: J = 0.6931471805599453; example 0: A2 − Y = -0.4999975, share 0.17, example 1: A2 − Y = -0.5, "
        "share 0.18, example 2: A2 − Y = 0.6, share 0.19, example 3: A2 − Y = 0.7, share 0.15314718055994532.",
        "cost announcement",
    )
    equal(
        announcement(s, "update", ALL),
        "Update: one gradient-descent step: learning rate 0.46; W0[0,0]: 0.1 → 0.09 (change 0.01), "
        "W0[0,1]: 0.2 → 0.18 (change 0.02), b0[0]: 0.0 → -0.001 (change 0.001), W1[0,0]: 0.5 → 0.55 (change -0.05), "
        "b1: 0.0 → -0.1 (change 0.1).",
        "update announcement",
    )
    equal(announcement(s, "done", ALL), "The step taken: now at step 8, cost J = 0.6931471805599452.", "done")
    equal(table(s, "forward", 1)["rows"], [["1", "1.0", "0.0", "0.2", "0.197375320224904", "-2.5e-17", "0.5"]], "row")
    equal(formulas(s, "cost"), ["J = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))"], "cost formula")
    one = stages(examples=[2])
    equal(uses(one), "This step's gradient takes example 2 (x1 = 0.0, x2 = 0.0, Y = 0.0) only (one batch).", "uses")
    equal(
        labels(one, "backward", 2)[:2],
        [(("hidden", 0), ["dZ1[0,2] = -0.0004"], False), (("output",), ["dZ2[0,2] = -0.12"], False)],
        "one",
    )
    slipped = [where for where, _, slip in labels(stages(notebook_mode=True), "backward", 0) if slip]
    equal(slipped, [("hidden", 0), ("W0", 0, 0), ("W0", 0, 1), ("b0", 0)], "the notebook's slip marked")


@check("where the numbers go on the diagram, and the overlay's markup")
def _():
    geometry = GEOMETRY
    texts = positions(geometry, labels(stages(), "backward", 1))
    equal(
        ["{} {:.1f} {:.1f} {}".format(t["anchor"], t["x"], t["y"], t["text"]) for t in texts[:3]],
        ["start 166.0 103.0 dZ1[0,1] = -0.0004", "end 392.0 72.0 dZ2[0,1] = 1.5", "end 143.6 107.0 1.5e-05"],
        "positions",
    )
    equal(len(flows(geometry, True)), 3, "arrows")
    svg = overlay_svg(geometry, labels(stages(), "cost", 2), "cost")
    equal(
        svg[-90:], '</text><text class="stage-number" x="392.0" y="72.0" text-anchor="end">A2 − Y = 0.6</text>', "svg"
    )
    equal(
        table_html(table(stages(), "cost", ALL))[:92],
        "<table><caption>Cost: each example's error and its share of J</caption><thead><tr><th scope=",
        "table",
    )


@check("a data set's stages: the first examples sent, the step's one example, the notes")
def _():
    s = stages(examples=[9])  # the worker sent examples 0, 1, 2 and 9 of 12 (limit 3), the step's 9 last
    s.update({"m": 12, "shown": [0, 1, 2, 9], "backward_shown": [9], "limit": 3, "batch": "one"})
    s["backward"].update({"dZ2": [["0.5"]], "dA1": [["0.3"]], "dZ1": [["-0.0004"]]})
    equal(SlowMotion(s).example, 9, "the step's example first")
    equal(labels(s, "forward", 9)[0], (("input", 0), ["A0[0,9] = 1.0"], False), "its column")
    equal(labels(s, "backward", 9)[1], (("output",), ["dZ2[0,9] = 0.5"], False), "its backward column")
    equal([row[0] for row in table(s, "cost", ALL)["rows"]], ["0", "1", "2", "9", "all"], "the cost rows")
    equal(
        table(s, "cost", ALL)["note"],
        "The tables show the first 3 of the 12 examples and this step's example 9; J is over all 12.",
        "the note",
    )
    motion = SlowMotion(s)
    motion.pick(5)
    equal(motion.example is ALL, True, "an example not sent is not picked")
    equal(picker_all(s), "All 12 examples (a table of the first 3)", "the picker")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
