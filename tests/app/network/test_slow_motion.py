"""The slow-motion step's stages (app/network/slow_motion.py): their order and bounds, what each stage writes on the
diagram and in its table from a contract-shaped stages dict (stage_fakes.py, computed by hand with NumPy), the words
a screen reader hears, the notebook's slip marked, and the formulas equal to the Notebook view's own."""

import itertools

import pytest
from stage_fakes import fake_stages

from app.network import slow_motion
from app.network.slow_motion import ALL, ORDER, SlowMotion, announcement, formulas, labels, table
from worker.notebook import forward as notebook_forward
from worker.notebook.mathml import formulas as notebook_formulas


def test_the_fake_is_the_notebooks_network_at_step_0():
    stages = fake_stages()
    assert stages["forward"]["Z1"][0][0] == "0.09437331727736706"  # the (the notebook's) Z1[0,0]
    assert stages["cost"]["J"] == "0.12519375208599626"  # the notebook's first logged cost


def test_the_stages_go_forward_cost_backward_update_then_the_step():
    motion = SlowMotion(fake_stages())
    seen = [motion.key]
    actions = []
    while motion.can_next():
        actions.append(motion.next())
        seen.append(motion.key)
    assert seen == ["forward", "cost", "backward", "update", "done"] == list(ORDER)
    assert actions == [None, None, None, "step"]  # only passing the update stage takes the step
    assert motion.next() is None and motion.key == "done"  # once


def test_previous_stops_at_the_first_stage_and_not_after_the_step():
    motion = SlowMotion(fake_stages())
    assert not motion.can_previous()
    motion.previous()
    assert motion.key == "forward"
    motion.next()
    motion.next()
    motion.previous()
    assert motion.key == "cost"
    assert motion.finish() == "step" and motion.key == "done"
    motion.previous()
    assert motion.key == "done" and not motion.can_previous()
    assert motion.finish() is None  # the step is taken once


def test_the_example_shown_first_is_the_steps_own_in_one_example_mode():
    assert SlowMotion(fake_stages()).example is ALL
    motion = SlowMotion(fake_stages(examples=[2]))
    assert motion.example == 2
    motion.pick(3)
    assert motion.example == 3
    motion.pick(ALL)
    assert motion.example is ALL
    motion.pick(7)  # not an example
    assert motion.example is ALL


def by_place(stage_labels):
    return {where: lines for where, lines, _ in stage_labels}


def test_forward_writes_z_and_a_on_every_unit_for_the_chosen_example():
    stages = fake_stages()
    f = stages["forward"]
    placed = by_place(labels(stages, "forward", 0))
    assert placed[("hidden", 0)] == ["Z1[0,0] = 0.09437331727736706", "A1[0,0] = " + f["A1"][0][0]]
    assert placed[("hidden", 1)] == ["Z1[1,0] = " + f["Z1"][1][0], "A1[1,0] = " + f["A1"][1][0]]
    assert placed[("output",)] == ["Z2[0,0] = " + f["Z2"][0][0], "A2[0,0] = " + f["A2"][0][0]]
    assert placed[("input", 0)] == ["A0[0,0] = 0.0"] and placed[("input", 1)] == ["A0[1,0] = 1.0"]
    assert labels(stages, "forward", ALL) == []  # all four: the table


def test_forward_table_has_a_row_per_example():
    stages = fake_stages()
    spec = table(stages, "forward", ALL)
    assert spec["head"] == ["example", "x1", "x2", "Z1[0,j]", "A1[0,j]", "Z1[1,j]", "A1[1,j]", "Z2[0,j]", "A2[0,j]"]
    assert [row[0] for row in spec["rows"]] == ["0", "1", "2", "3"]
    assert spec["rows"][3][-1] == stages["forward"]["A2"][0][3]
    assert len(table(stages, "forward", 1)["rows"]) == 1


def test_cost_writes_j_and_each_examples_error_and_share():
    stages = fake_stages()
    placed = by_place(labels(stages, "cost", 1))
    assert placed[("output",)] == ["J = 0.12519375208599626", "A2 − Y = " + stages["cost"]["error"][0][1]]
    rows = table(stages, "cost", ALL)["rows"]
    assert rows[0] == [
        "0",
        stages["forward"]["A2"][0][0],
        "1.0",
        stages["cost"]["error"][0][0],
        stages["cost"]["share"][0][0],
    ]
    assert rows[-1][-1] == "J = 0.12519375208599626"


def test_backward_writes_dz_on_units_and_dw_db_on_every_weight_and_bias():
    stages = fake_stages()
    b = stages["backward"]
    placed = by_place(labels(stages, "backward", 2))
    assert placed[("hidden", 1)] == ["dZ1[1,2] = " + b["dZ1"][1][2]]
    assert placed[("output",)] == ["dZ2[0,2] = " + b["dZ2"][0][2]]
    # a weight's or bias's number alone, on its line or under its unit
    assert placed[("W0", 1, 0)] == [b["dW0"][1][0]]
    assert placed[("W1", 1)] == [b["dW1"][0][1]]
    assert placed[("b0", 0)] == [b["db0"][0][0]]
    assert placed[("b1",)] == [b["db1"][0][0]]
    assert len(placed) == 2 + 1 + 4 + 2 + 2 + 1  # dZ1 x 2, dZ2, dW0 x 4, dW1 x 2, db0 x 2, db1


def test_one_example_mode_shows_which_example_the_step_uses():
    stages = fake_stages(examples=[2])
    b = stages["backward"]
    placed = by_place(labels(stages, "backward", 2))
    assert placed[("hidden", 0)] == ["dZ1[0,2] = " + b["dZ1"][0][0]]  # the step's one column
    assert ("hidden", 0) not in by_place(labels(stages, "backward", 0))  # example 0 is not in this step
    assert (
        slow_motion.uses(stages)
        == "This step's gradient takes example 2 (x1 = 0.0, x2 = 0.0, Y = 0.0) only (one batch)."
    )
    assert "dZ1[1,2] = " + b["dZ1"][1][0] in announcement(stages, "backward", 2)
    assert slow_motion.uses(fake_stages()) == "This step's gradient takes all 4 examples (full batch)."


def test_update_writes_each_weight_before_and_after_with_the_change():
    stages = fake_stages()
    u = stages["update"]
    placed = by_place(labels(stages, "update", ALL))
    before, after = u["W0"]["before"][0][1], u["W0"]["after"][0][1]
    assert before == "-0.0056266827226329474"  # the notebook's W0[0,1]
    assert placed[("W0", 0, 1)] == [before, "→ " + after]
    rows = table(stages, "update", ALL)["rows"]
    assert rows[0] == ["W0[0,0]", u["W0"]["before"][0][0], u["W0"]["change"][0][0], u["W0"]["after"][0][0]]
    assert [row[0] for row in rows] == [
        "W0[0,0]",
        "W0[0,1]",
        "W0[1,0]",
        "W0[1,1]",
        "b0[0]",
        "b0[1]",
        "W1[0,0]",
        "W1[0,1]",
        "b1",
    ]
    assert table(stages, "update", ALL)["caption"] == "Update with learning rate 10.0"


def test_the_announcements_name_each_stage_with_its_numbers():
    stages = fake_stages()
    said = {key: announcement(stages, key, 0) for key in ORDER}
    assert said["forward"].startswith("Forward pass, example 0 (x1 = 0.0, x2 = 1.0, Y = 1.0): A0[0,0] = 0.0, ")
    assert "Z1[0,0] = 0.09437331727736706, A1[0,0] = " in said["forward"]
    assert said["cost"].startswith("Cost: J = 0.12519375208599626; example 0: A2 − Y = ")
    assert said["backward"].startswith(
        "Backpropagation: This step's gradient takes all 4 examples (full batch). dZ2[0,0] = "
    )
    assert "db1 = " + stages["backward"]["db1"][0][0] in said["backward"]
    assert said["update"].startswith("Update: one gradient-descent step: learning rate 10.0; W0[0,0]: ")
    assert said["done"] == "The step taken: now at step 1, cost J = {}.".format(stages["after"]["J"])
    assert announcement(stages, "forward", ALL).startswith(
        "Forward pass, all 4 examples (the table lists Z1 and A1): A2 = example 0: "
    )


def test_notebook_mode_marks_dz1_dw0_db0_with_the_notebooks_derivative():
    stages = fake_stages(notebook_mode=True)
    marked = {where: lines[0].split(" ")[0] for where, lines, slip in labels(stages, "backward", 0) if slip}
    assert sorted(marked) == sorted(
        [("hidden", 0), ("hidden", 1), ("W0", 0, 0), ("W0", 0, 1), ("W0", 1, 0), ("W0", 1, 1), ("b0", 0), ("b0", 1)]
    )
    assert marked[("hidden", 1)] == "dZ1[1,0]" and marked[("W0", 1, 0)] == stages["backward"]["dW0"][1][0]
    assert announcement(stages, "backward", 0).endswith(slow_motion.SLIP_NOTE)
    assert not [slip for _, _, slip in labels(fake_stages(), "backward", 0) if slip]
    assert "notebook" not in announcement(fake_stages(), "backward", 0).lower()


@pytest.mark.parametrize(
    "activation, cost, notebook_mode",
    list(itertools.product(("tanh", "sigmoid", "relu"), ("half_mse", "cross_entropy"), (False, True))),
)
def test_the_formulas_are_the_notebook_views(activation, cost, notebook_mode):
    stages = dict(fake_stages(), activation=activation, cost_function=cost, notebook_mode=notebook_mode)
    texts = notebook_formulas(cost, activation, notebook_mode)
    assert formulas(stages, "backward") == [
        texts[name][1] for name in ("dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0")
    ]
    assert formulas(stages, "forward")[1] == notebook_forward.MATRIX_A1[activation]
    assert formulas(stages, "cost") == [notebook_forward.MATRIX_J[cost]]
    assert formulas(stages, "update")[0] == "W0 ← W0 − learning_rate · dW0"


def test_each_stage_links_to_its_notebook_section():
    from worker.notebook.html import SECTION_TITLES

    for key, (_title, section, heading) in slow_motion.STAGES.items():
        assert SECTION_TITLES[section] == heading, key
