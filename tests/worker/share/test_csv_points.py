"""A student's points as CSV (worker/share/csv_points.py): each bad case gets a message naming the line and what is
wrong; good files read in every usual form; written files read back exactly; and the model's cost on an imported
CSV against the forward pass written out here in NumPy.

Oracles: the files' own numbers (typed here), messages checked word for word as the issue asks for them, and the
half-MSE and cross-entropy costs computed by hand in NumPy (not backprop's functions).
"""

import numpy as np
import pytest

from backprop import Config, Run
from worker.share.csv_points import SIZE_LIMIT, parse_points, points_csv

GOOD = "x1,x2,y\n0.5,-0.25,1\n-1,2,0\n"


@pytest.mark.parametrize(
    "text, message",
    [
        ("x1,x2,y\n0.5,0.25,1\n0.5,abc,0\n", "line 3: x2 is not a number (got 'abc')"),
        ("x1,x2,y\n0.5,0.25,1\n0.1,0.2,1\n1,1,2\n", "line 4: the class y must be 0 or 1 (got '2')"),
        ("x1,x2,y\n0.5,0.25,0.5\n", "line 2: the class y must be 0 or 1 (got '0.5')"),
        ("x1,x2,y\n0.5,0.25,1\n0.5,1\n", "line 3: 2 values where the header has 3: no y (got '0.5,1')"),
        ("x1,x2,y\n0.5,0.25,1\n0.5,,1\n", "line 3: x2 is not a number (got '')"),
        ("x1,x2,y\nnan,0.25,1\n", "line 2: x1 must be a finite number (got 'nan')"),
        ("x1,x2,y\n0.5,0.25,1\n0.5,-inf,1\n", "line 3: x2 must be a finite number (got '-inf')"),
        ("x1,x2,y\n1e400,0,1\n", "line 2: x1 must be a finite number (got '1e400')"),
        ("", "the file is empty: the first line must be the header x1,x2,y (or x1,x2,y,split), then a point a line"),
        (
            "\n \r\n",
            "the file is empty: the first line must be the header x1,x2,y (or x1,x2,y,split), then a point a line",
        ),
        (
            "0.5,0.25,1\n1,1,0\n",
            "line 1: the first line must be the header x1,x2,y (or x1,x2,y,split) (got '0.5,0.25,1')",
        ),
        (
            "x1,x2\n0.5,0.25\n",
            "line 1: the header has no y column: the first line must be the header x1,x2,y (or x1,x2,y,split) "
            "(got 'x1,x2')",
        ),
        (
            "x,x2,y\n0.5,0.25,1\n",
            "line 1: the header names a column 'x' this page does not know (the columns: x1, x2, y and optionally "
            "split)",
        ),
        ("x1,x2,y\n", "the file has a header but no points: add a point a line, such as 0.5,-0.25,1"),
        (
            "x1,x2,y,split\n0.5,0.25,1,test\n1,1,0,TEST\n",
            "the file has no training point: all 2 are test points; mark at least one split train",
        ),
        ("x1,x2,y,split\n0.5,0.25,1,train\n1,1,0,validate\n", "line 3: split must be train or test (got 'validate')"),
        ("x1,x2,y\n0.5,0.25,1,7\n", "line 2: 4 values where the header has 3 (got '0.5,0.25,1,7')"),
    ],
)
def test_each_bad_case_names_its_line_and_what_is_wrong(text, message):
    with pytest.raises(ValueError) as caught:
        parse_points(text)
    assert str(caught.value) == message


def test_over_1000_points():
    text = "x1,x2,y\n" + "0.5,0.25,1\n" * 1234
    with pytest.raises(ValueError, match=r"^the file has 1,234 points; at most 1,000$"):
        parse_points(text)
    assert len(parse_points("x1,x2,y\n" + "0.5,0.25,1\n" * 1000)) == 1000


def test_over_1_megabyte():
    text = "x1,x2,y\n" + "0.5,0.25,1" + " " * (SIZE_LIMIT) + "\n"
    with pytest.raises(ValueError, match=r"^the file is 1\.0 MB; at most 1\.0 MB$"):
        parse_points(text)
    with pytest.raises(ValueError, match=r"^the file is 1\.5 MB; at most 1\.0 MB$"):
        parse_points(b"x1,x2,y\n" + b"0" * 1_500_000)
    assert SIZE_LIMIT == 1_000_000


def test_good_files_with_and_without_split():
    assert parse_points(GOOD) == [[0.5, -0.25, 1, 0], [-1.0, 2.0, 0, 0]]
    text = "x1,x2,y,split\n0.5,-0.25,1,train\n-1,2,0,test\n3e-2,1.5E1,1.0,Train\n"
    assert parse_points(text) == [[0.5, -0.25, 1, 0], [-1.0, 2.0, 0, 1], [0.03, 15.0, 1, 0]]


def test_line_ends_spaces_order_and_other_forms():
    want = [[0.5, -0.25, 1, 0], [-1.0, 2.0, 0, 1]]
    forms = [
        "x1,x2,y,split\r\n0.5,-0.25,1,train\r\n-1,2,0,test\r\n",  # Windows
        "x1,x2,y,split\r0.5,-0.25,1,train\r-1,2,0,test",  # old Mac, no line end at the end
        "\ufeff X1 , x2 ,Y, Split \n  0.5 , -0.25 , 1 , train \n\n-1,  2,0,  test\n\n",  # BOM, spaces, blank lines
        'x1,x2,y,split\n"0.5","-0.25","1","train"\n-1,2,0,test\n',  # quoted, as spreadsheets write
        "split,y,x2,x1\ntrain,1,-0.25,0.5\ntest,0,2,-1\n",  # any order of the columns
        "x1;x2;y;split\n0.5;-0.25;1;train\n-1;2;0;test\n",  # semicolons
        "x1\tx2\ty\tsplit\n0.5\t-0.25\t1\ttrain\n-1\t2\t0\ttest\n",  # tabs
        "x1,x2,y,split\n0.5,-0.25,1,train,\n-1,2,0,test\n",  # an empty trailing field
        b"x1,x2,y,split\n0.5,-0.25,1,train\n-1,2,0,test\n",  # bytes
    ]
    for text in forms:
        assert parse_points(text) == want, repr(text)


def test_line_numbers_count_blank_lines_as_an_editor_does():
    with pytest.raises(ValueError, match=r"^line 5: x1 is not a number \(got 'x'\)$"):
        parse_points("x1,x2,y\n0,0,1\n\n1,1,0\nx,1,1\n")


def test_written_points_read_back_exactly():
    run = Run(Config(data="spiral", data_size=60, noise=25))
    points = run.data.points()
    text = points_csv(points)
    assert text.splitlines()[0] == "x1,x2,y,split"
    assert text.splitlines()[1] == "{!r},{!r},{},train".format(*points[0][:3])
    assert text.endswith("test\n") and text.count("\n") == 61
    assert parse_points(text) == points
    assert points_csv([[0.1, 0.2, 1]]) == "x1,x2,y,split\n0.1,0.2,1,train\n"


def forward_cost(params, X, Y, cost):
    """J of the tanh network written out: Z1 = W0 X + b0, A1 = tanh(Z1), A2 = 1 / (1 + exp(-(W1 A1 + b1)))."""
    A1 = np.tanh(params["W0"] @ X + params["b0"])
    Z2 = params["W1"] @ A1 + params["b1"]
    A2 = 1 / (1 + np.exp(-Z2))
    if cost == "half_mse":
        return np.mean((A2 - Y) ** 2) / 2
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))


@pytest.mark.parametrize("cost", ["half_mse", "cross_entropy"])
def test_the_models_cost_on_an_imported_csv(cost):
    text = "x1,x2,y,split\n0.5,-0.25,1,train\n-1,2,0,test\n1.5,0.75,0,train\n-0.5,-1.25,1,train\n2,2,1,test\n"
    run = Run(Config(data="points", n_h=3, seed=7, cost=cost), points=parse_points(text))
    params = {name: np.array(value) for name, value in run.params.items()}
    X = np.array([[0.5, 1.5, -0.5], [-0.25, 0.75, -1.25]])
    Y = np.array([[1.0, 0.0, 1.0]])
    X_test, Y_test = np.array([[-1.0, 2.0], [2.0, 2.0]]), np.array([[0.0, 1.0]])
    assert run.cost == pytest.approx(forward_cost(params, X, Y, cost), rel=1e-12)
    assert run.test_cost() == pytest.approx(forward_cost(params, X_test, Y_test, cost), rel=1e-12)
    # Trained 100 steps by hand (full batch, half-MSE or cross-entropy gradients written out), then compared.
    if cost == "half_mse":
        W0, b0, W1, b1 = (params[name].copy() for name in ("W0", "b0", "W1", "b1"))
        m = Y.shape[1]
        for _ in range(100):
            A1 = np.tanh(W0 @ X + b0)
            A2 = 1 / (1 + np.exp(-(W1 @ A1 + b1)))
            dZ2 = (A2 - Y) / m * A2 * (1 - A2)
            dZ1 = (W1.T @ dZ2) * (1 - A1**2)
            W1, b1 = W1 - 10 * dZ2 @ A1.T, b1 - 10 * dZ2.sum(axis=1, keepdims=True)
            W0, b0 = W0 - 10 * dZ1 @ X.T, b0 - 10 * dZ1.sum(axis=1, keepdims=True)
        run.train(100)
        by_hand = {"W0": W0, "b0": b0, "W1": W1, "b1": b1}
        assert run.cost == pytest.approx(forward_cost(by_hand, X, Y, cost), rel=1e-9)
