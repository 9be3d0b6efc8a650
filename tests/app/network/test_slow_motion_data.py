"""The slow-motion player on a data set (issue 20): the worker sends the first 8 examples' columns (and the step's
one example's); the tables, the picker, the labels and the words show those and say what they leave out.

Oracles: the stages computed by hand with NumPy in stage_fakes.fake_data_stages (every example), sliced here.
"""

from stage_fakes import fake_data_stages, fake_stages

from app.network.slow_motion import ALL, SlowMotion, announcement, example_words, labels, left_out, table
from app.network.stage_view import picker_all, table_html


def test_the_all_examples_tables_show_the_first_eight_with_a_note():
    s = fake_data_stages(m=12)
    note = "The tables show the first 8 of the 12 examples; J and the gradients are over all 12."
    assert left_out(s) == note
    forward = table(s, "forward", ALL)
    assert [row[0] for row in forward["rows"]] == [str(j) for j in range(8)] and forward["note"] == note
    assert [row[-1] for row in forward["rows"]] == [repr(float(x)) for x in s["_A2"][0, :8]]
    cost = table(s, "cost", ALL)
    assert [row[0] for row in cost["rows"]] == [str(j) for j in range(8)] + ["all"] and cost["note"] == note
    assert cost["rows"][-1][-1] == "J = " + s["cost"]["J"]
    backward = table(s, "backward", ALL)
    names = [row[0] for row in backward["rows"]]
    assert "dZ2[0,7]" in names and "dZ2[0,8]" not in names and backward["note"] == note
    assert table(s, "update", ALL)["note"] == ""
    assert '<span class="table-note">' + note + "</span>" in table_html(forward)


def test_the_picker_offers_the_first_eight_and_one_of_them_shows_its_own_numbers():
    s = fake_data_stages(m=12)
    assert picker_all(s) == "All 12 examples (a table of the first 8)"
    motion = SlowMotion(s)
    motion.pick(10)  # not sent: back to the table
    assert motion.example is ALL
    motion.pick(6)
    assert motion.example == 6
    assert example_words(s, 6) == "example 6 (x1 = {}, x2 = {}, Y = {})".format(
        repr(float(s["_A0"][0, 6])), repr(float(s["_A0"][1, 6])), s["Y"][0][6]
    )
    forward = {place: lines for place, lines, _ in labels(s, "forward", 6)}
    assert forward[("output",)][1] == "A2[0,6] = " + repr(float(s["_A2"][0, 6]))
    assert table(s, "forward", 6)["note"] == ""


def test_one_example_per_step_shows_the_steps_example_beyond_the_first_eight():
    s = fake_data_stages(m=12, examples=[10], step=10)
    assert s["shown"] == [0, 1, 2, 3, 4, 5, 6, 7, 10]
    motion = SlowMotion(s)
    assert motion.example == 10  # the step's own example first
    assert left_out(s) == "The tables show the first 8 of the 12 examples and this step's example 10; J is over all 12."
    forward = {place: lines for place, lines, _ in labels(s, "forward", 10)}
    assert forward[("input", 0)] == ["A0[0,10] = " + repr(float(s["_A0"][0, 10]))]
    backward = {place: lines for place, lines, _ in labels(s, "backward", 10)}
    assert backward[("output",)] == ["dZ2[0,10] = " + s["backward"]["dZ2"][0][0]]
    assert [row[0] for row in table(s, "forward", ALL)["rows"]] == [str(j) for j in [0, 1, 2, 3, 4, 5, 6, 7, 10]]
    assert table(s, "backward", ALL)["note"] == ""  # the step's one example is all the backward pass has


def test_the_words_name_the_examples_shown():
    s = fake_data_stages(m=12)
    forward = announcement(s, "forward", ALL)
    assert forward.startswith("Forward pass, the first 8 of 12 examples (the table lists Z1 and A1): A2 = example 0: ")
    assert "example 8:" not in forward
    cost = announcement(s, "cost", ALL)
    assert "example 7: A2 − Y" in cost and "example 8:" not in cost and cost.endswith(left_out(s))


def test_the_truth_table_is_as_before():
    s = fake_stages()
    assert left_out(s) == "" and picker_all(s) == "All 4 examples (a table)"
    assert table(s, "forward", ALL)["note"] == "" and len(table(s, "cost", ALL)["rows"]) == 5
    assert announcement(s, "forward", ALL).startswith("Forward pass, all 4 examples")
