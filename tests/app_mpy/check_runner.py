"""The runner works: this script runs under MicroPython, with the repository's py/ folder on sys.path."""

import sys

assert sys.implementation.name == "micropython", sys.implementation.name

import app  # noqa: E402 - imported after the interpreter check, to fail with that message first

assert app.__file__.endswith("py/app/__init__.py"), app.__file__
print("check_runner: MicroPython", sys.implementation.version, "imports app from", app.__file__)
