"""check("ann", ...): the notebook's ANN class trained in the checker beside the model. Oracles: the notebook's
printed log (cell 35, ../shared/seed/ann_xor_notebook.txt) and its printed predictions (cell 36)."""

import numpy as np
import pytest

import exercises
from checker import door
from checker.specs.ann import logged
from shared.protocol import read

EX = exercises.ann
SLIP = EX.SOLUTION.replace("dZ1 = dA1 * (1 - self.A1**2)", "dZ1 = dA1 * (1 - np.tanh(self.A1)**2)")
# The notebook's printed log, cell 35: J at steps 0 and 100 (it carries the 1 - tanh(A1)**2 slip).
NOTEBOOK_LOG = (0.12519375208599626, 0.044109941906362596)


def check(code, screen):
    return read(door.check("ann", code, screen))[0]


def rows(result):
    return {row["name"]: row for row in result["rows"]}


def test_the_reference_is_right_on_every_network(screen):
    result = check(EX.SOLUTION, screen)
    assert result["summary"] == "6 of 6 right" and result["error"] is None and result["stopped"] is None
    assert result["networks"][0] == "n_h = 2, seed 2, learning rate 10 (the notebook's)"
    assert len(result["networks"]) >= 2


def test_the_starter_is_all_missing(screen):
    result = check(EX.STARTER, screen)
    assert [row["status"] for row in result["rows"]] == ["missing"] * 6 and result["trained"] is None


def test_the_notebooks_slip_reproduces_the_notebooks_log_and_is_named(screen):
    result = check(SLIP, screen)
    printed = logged(result["output"])
    assert len(printed) == 10
    assert abs(printed[0] - NOTEBOOK_LOG[0]) < 1e-9 and abs(printed[1] - NOTEBOOK_LOG[1]) < 1e-9
    for row in result["rows"]:
        assert row["status"] == "wrong" and row["diagnosis"]["mistake"] == "tanh_of_A1", row
    assert "notebook's slip" in rows(result)["log"]["diagnosis"]["text"]


def test_the_right_class_learns_xor_as_the_notebook_shows(screen):
    result = read(door.run("ann", EX.SOLUTION, screen))[0]
    predict = {v["name"]: v["text"] for v in result["values"]}["predict"]
    A2 = np.array([float(x) for x in predict.strip("[]").split()])
    # the notebook's cell 36 (with its slip): A2 = [0.98 0.98 0.016 0.016] for Y = [1 1 0 0]
    assert (A2[:2] > 0.95).all() and (A2[2:] < 0.05).all()
    assert logged(result["output"])[0] == NOTEBOOK_LOG[0]  # step 0: before any update, the slip changes nothing


def test_the_trained_network_is_returned_for_the_lab(screen):
    trained = read(door.run("ann", EX.SOLUTION, screen))[0]["trained"]
    assert trained["n_h"] == 2 and trained["seed"] == 2 and trained["steps"] == 1000
    numbers = [float(x) for x in trained["params"].split("_")]
    assert len(numbers) == 4 * 2 + 1 and all(np.isfinite(numbers))


LEN_Y = EX.SOLUTION.replace("m = Y.shape[1]", "m = len(Y)")
PRINT_AFTER = EX.SOLUTION.replace(
    """            self.forward(A0, Y)
            if i % 100 == 0:
                print(self.J)
            self.backward(A0, Y)
            self.update(learning_rate)""",
    """            self.forward(A0, Y)
            self.backward(A0, Y)
            self.update(learning_rate)
            self.forward(A0, Y)
            if i % 100 == 0:
                print(self.J)""",
)


@pytest.mark.parametrize(
    "code, name, mistake",
    [
        (SLIP, "W1", "tanh_of_A1"),
        (LEN_Y, "log", "forgot_m"),
        (LEN_Y, "predict", "forgot_m"),
        (PRINT_AFTER, "log", "log_after_update"),
    ],
)
def test_a_named_mistake_is_diagnosed_as_itself(screen, code, name, mistake):
    assert code != EX.SOLUTION
    row = rows(check(code, screen))[name]
    assert row["status"] == "wrong" and row["diagnosis"]["mistake"] == mistake


def test_a_class_that_never_ends_its_fit_is_stopped(screen):
    code = EX.SOLUTION.replace(
        "        for i in range(steps):", "        while True:\n            pass\n        for i in range(steps):"
    )
    result = check(code, screen)
    assert result["stopped"] is not None and result["stopped"]["why"] == "deadline"


def test_logged_reads_the_last_number_of_each_line():
    assert logged("0.5\nJ = 1e-3\nstep 100: 2.5e-05\nno number here\n").tolist() == [0.5, 1e-3, 2.5e-05]
    assert logged("") is None
