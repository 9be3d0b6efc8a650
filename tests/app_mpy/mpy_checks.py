"""What the page layer's check scripts (tests/app_mpy/check_*.py, one per feature) share.

Each script checks that under the page's own MicroPython the page says what it says under CPython, where the two
differ (float texts, repr of strings, dict order, UTF-8 decoding, format options). tests/test_app_in_micropython.py
runs each script in Node, with py/ on sys.path; tests/app/test_page_layer_checks.py runs the very same checks under
CPython, so that their expected texts stay CPython's own: every expected text was written down from a CPython run of
the same call (CPython's repr, format and urllib.parse are the oracles). Floats whose decimal text MicroPython may
read back wrongly are built from their IEEE 754 bits. Plain asserts, no pytest; MicroPython-compatible (no
dataclasses, no !r in f-strings).
"""

import struct
import sys


class Checks:
    """A script's checks, in order: @checks.check(name) registers one, run() runs them all (under MicroPython)."""

    def __init__(self):
        self.items = []  # (name, function)

    def check(self, name):
        def register(function):
            self.items.append((name, function))
            return function

        return register

    def failures(self):
        """Run every check; returns the names of those that failed (each failure's traceback is printed)."""
        failed = []
        for name, function in self.items:
            try:
                function()
            except Exception as err:  # every check runs; the script fails at the end, naming each failure
                failed.append(name)
                print("FAILED:", name)
                if hasattr(sys, "print_exception"):
                    sys.print_exception(err)
                else:
                    print(repr(err))
            else:
                print("ok:", name)
        return failed

    def run(self):
        assert sys.implementation.name == "micropython", sys.implementation.name
        failed = self.failures()
        assert not failed, "{} of {} checks failed: {}".format(len(failed), len(self.items), "; ".join(failed))


def from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def equal(got, expected, what):
    assert got == expected, "{}: got {} expected {}".format(what, repr(got), repr(expected))
