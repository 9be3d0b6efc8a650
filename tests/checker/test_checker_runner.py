"""The student's code runs safely: errors with their line, output captured, a deadline, modules restored."""

import sys
import time

import numpy as np
import pytest

import exercises
from checker import door as exports
from checker.runner import Sandbox
from shared.protocol import read

SOLUTION = exercises.backward.SOLUTION


def run(code, screen, exercise="backward"):
    result = read(exports.run(exercise, code, screen))[0]
    return result


def test_run_shows_the_notebooks_printed_gradients(screen):
    values = {v["name"]: v for v in run(SOLUTION, screen)["values"]}
    # cells 17, 19 and 21 of the notebook print these (np.round(..., 5))
    assert values["dA2"]["text"] == "[[-0.12116 -0.11881  0.12961  0.13039]]"
    assert values["dZ2"]["text"] == "[[-0.03026 -0.02963  0.03236  0.03254]]"
    assert values["dW1"]["text"] == "[[0.00036 0.00041]]"
    assert values["dA2"]["shape"] == [1, 4]


def test_a_syntax_error_gives_its_line(screen):
    result = run("import numpy as np\n\ndef backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2)\n    return {}\n", screen)
    assert result["error"]["kind"] == "SyntaxError"
    assert result["error"]["line"] == 3
    assert result["error"]["text"].startswith("def backward(")


def test_an_exception_gives_the_line_in_the_students_code(screen):
    code = SOLUTION.replace("dA1 = np.dot(W1.T, dZ2)", "dA1 = np.dot(W1, dZ2)")
    result = run(code, screen)
    error = result["error"]
    assert error["kind"] == "ValueError"
    assert error["text"] == "dA1 = np.dot(W1, dZ2)"
    assert code.splitlines()[error["line"] - 1].strip() == "dA1 = np.dot(W1, dZ2)"
    assert "checker" not in error["message"] and "Traceback" not in error["message"]


def test_print_output_is_captured(screen):
    code = SOLUTION.replace("    dA2 = (A2 - Y) / m", "    print('m is', m)\n    dA2 = (A2 - Y) / m")
    result = run(code, screen)
    assert result["output"] == "m is 4\n"
    checked = read(exports.check("backward", code, screen))[0]
    assert checked["output"] == "m is 4\n"  # the network on screen only, not every network
    assert checked["summary"] == "8 of 8 right"


def test_long_output_is_cut_with_a_note(screen):
    result = run("for i in range(100000):\n    print('x' * 10)\n", screen)
    assert len(result["output"]) < 21_000 and "more characters of output not shown" in result["output"]


def test_an_endless_loop_is_stopped_after_about_a_second(screen):
    code = SOLUTION.replace("    m = Y.shape[1]", "    m = Y.shape[1]\n    while True:\n        pass")
    started = time.perf_counter()
    result = read(exports.check("backward", code, screen))[0]
    seconds = time.perf_counter() - started
    assert 0.9 < seconds < 3.0
    assert result["stopped"]["seconds"] == 1.0
    assert result["stopped"]["message"] == "Stopped after 1 s: does your loop end?"
    assert result["error"] is None


def test_an_endless_loop_at_the_top_level_is_stopped(screen):
    result = run("import numpy as np\nwhile True:\n    pass\n", screen)
    assert result["stopped"] is not None


def test_catching_the_stop_does_not_escape_it(screen):
    code = (
        "def backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2):\n"
        "    try:\n        while True:\n            pass\n"
        "    except BaseException:\n        pass\n"
        "    while True:\n        pass\n"
    )
    started = time.perf_counter()
    result = run(code, screen)
    assert result["stopped"] is not None and time.perf_counter() - started < 3.0


def test_deep_recursion_is_a_stopped_run_in_words(screen):
    code = "def f(n):\n    return f(n + 1)\n\ndef backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2):\n    return f(0)\n"
    result = run(code, screen)
    assert result["error"] is None and result["stopped"]["why"] == "recursion"
    assert "called itself too many times (line 2" in result["stopped"]["message"]
    assert sys.gettrace() is None


def test_overwriting_numpy_in_the_students_code_changes_nothing_outside_it(screen):
    # A wrong dZ1 that would pass if the checker used the student's np.tanh / np.allclose afterwards.
    code = "import numpy as np\nnp.tanh = lambda Z: Z\nnp.linalg.norm = lambda x, *a, **k: 0.0\n" + SOLUTION.replace(
        "dZ1 = dA1 * (1 - A1**2)", "dZ1 = dA1 * (1 - np.tanh(A1)**2)"
    )
    result = read(exports.check("backward", code, screen))[0]
    assert {row["name"]: row["status"] for row in result["rows"]}["dZ1"] != "right"
    assert np.tanh(1.0) == pytest.approx(0.7615941559557649)
    assert np.linalg.norm(np.array([3.0, 4.0])) == 5.0


def test_the_student_gets_copies_of_the_arrays(screen):
    code = SOLUTION.replace("    m = Y.shape[1]", "    m = Y.shape[1]\n    A2[...] = 0.5\n    W1[...] = 0")
    result = read(exports.check("backward", code, screen))[0]
    assert result["right"] < 8  # their own A2 changed, so their gradients differ
    again = read(exports.check("backward", SOLUTION, screen))[0]
    assert again["summary"] == "8 of 8 right"  # the checker's networks are untouched


def test_exit_is_a_stopped_run(screen):
    result = run("import sys\nsys.exit(3)\n", screen)
    assert result["error"] is None and result["stopped"]["why"] == "exit"
    assert result["stopped"]["message"].startswith("Stopped: your code called sys.exit(3) (line 2)")


def test_the_trace_is_gone_after_a_stop():
    box = Sandbox("def f():\n    while True:\n        pass\n", seconds=0.2)
    assert box.load()
    assert box.call(box.function("f")) == (False, None)
    assert box.stopped is not None and sys.gettrace() is None and sys.getprofile() is None
    assert box.call(box.function("f")) == (False, None)  # once stopped, always stopped
