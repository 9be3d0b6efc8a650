"""Hostile code in the exercise worker ends as a stopped run with the worker (here: this process) unharmed:
os._exit and os.abort are refused, sys.exit caught, a deep recursion stopped even after raising the recursion
limit, an allocation too big for memory stopped; NumPy's error settings and the warnings filters are put back."""

import builtins
import os
import sys
import warnings

import numpy as np
import pytest

import exercises
from checker import door
from checker.runner import Sandbox
from shared.protocol import read

HEAD = "import numpy as np\nimport os\nimport sys\n\n\ndef cost(A2, Y):\n    return 0.0\n\n\n"
GOOD = exercises.forward.SOLUTION


def run(code, screen):
    return read(door.run("forward", code, screen))[0]


def forward_doing(body):
    return HEAD + "def forward(A0, W0, b0, W1, b1):\n    " + body + "\n"


@pytest.mark.parametrize(
    "body, why, words",
    [
        ("os._exit(1)", "exit", "your code called os._exit(1) (line 11)"),
        ("os.abort()", "exit", "your code called os.abort() (line 11)"),
        ("import posix; posix._exit(3)", "exit", "posix._exit(3)"),
        ("sys.exit(1)", "exit", "your code called sys.exit(1) (line 11)"),
        ("exit()", "exit", "sys.exit()"),
        ("raise MemoryError()", "memory", "more memory than Python here can give (line 11)"),
    ],
)
def test_ending_python_is_a_stopped_run_and_the_next_run_answers(screen, body, why, words):
    if body == "exit()" and not hasattr(builtins, "exit"):
        pytest.skip("no builtin exit() here")
    result = run(forward_doing(body), screen)
    assert result["error"] is None and result["stopped"]["why"] == why, result
    assert words in result["stopped"]["message"]
    assert os._exit.__name__ == "_exit" and os.abort.__name__ == "abort"  # the real ones are back
    assert run(GOOD, screen)["values"][-1]["text"] == "0.12519"  # the notebook's J (cell 13)


def test_a_deep_recursion_is_stopped_even_with_a_raised_limit(screen):
    limit = sys.getrecursionlimit()
    code = HEAD + "def f(n):\n    return f(n + 1)\n\n\ndef forward(A0, W0, b0, W1, b1):\n"
    code += "    sys.setrecursionlimit(10**7)\n    return f(0)\n"
    result = run(code, screen)
    assert result["stopped"]["why"] == "recursion" and "(line 11)" in result["stopped"]["message"]
    assert sys.getrecursionlimit() == limit and sys.gettrace() is None
    assert run(GOOD, screen)["error"] is None


def test_an_array_too_big_for_memory_is_a_stopped_run(screen):
    # 2**62 bytes: more than any machine's memory, refused by NumPy (here MemoryError, in Pyodide a ValueError)
    result = run(forward_doing("big = np.ones(2**59)\n    return big, big, big, big"), screen)
    assert result["stopped"]["why"] == "memory" and result["error"] is None
    assert run(GOOD, screen)["error"] is None


def test_numpys_refusal_of_a_too_big_array_counts_as_memory(screen):
    code = forward_doing(
        "raise ValueError('array is too big; `arr.size * arr.dtype.itemsize` is larger than the "
        "maximum possible size.')"
    )
    assert run(code, screen)["stopped"]["why"] == "memory"


def test_the_students_numpy_error_settings_and_warning_filters_are_undone(screen):
    before, filters = np.geterr(), warnings.filters[:]
    result = run(
        forward_doing(
            "np.seterr(all='raise')\n    import warnings\n    warnings.simplefilter('error')\n    "
            "return None, None, None, None"
        ),
        screen,
    )
    assert result["error"] is None
    assert np.geterr() == before and warnings.filters == filters
    # the checker's own overflow (e^800 in a right sigmoid) is no error after it
    assert read(door.check("activations", exercises.activations.SOLUTION, screen))[0]["summary"] == "6 of 6 right"


def test_a_student_catching_exit_goes_on(screen):
    code = forward_doing(
        "try:\n        os._exit(1)\n    except BaseException:\n        pass\n    return None, None, None, None"
    )
    result = run(code, screen)
    assert result["stopped"] is None and result["error"] is None


def test_a_stopped_sandbox_stays_stopped():
    box = Sandbox("import os\n\ndef f():\n    os._exit(1)\n")
    assert box.load() and box.call(box.function("f")) == (False, None)
    assert box.stopped["why"] == "exit" and box.call(box.function("f")) == (False, None)


def test_a_worker_grown_past_the_heap_limit_asks_for_a_restart():
    from checker.runner import HEAP_LIMIT

    box = Sandbox("x = 1\n")
    assert box.load()
    assert "restart" not in box.report(heap=HEAP_LIMIT)
    grown = box.report(heap=2 * 2**30 + 1)
    assert grown["restart"] is True and grown["stopped"]["why"] == "memory"
    assert "2.0 GB of memory" in grown["stopped"]["message"]
