"""The runner works: this script runs under MicroPython, with the repository's py/ folder on sys.path."""

import sys

assert sys.implementation.name == "micropython", sys.implementation.name

import app  # py/app/__init__.py, copied into MicroPython's filesystem by tools/micropython_run.mjs

assert app.__file__.endswith("py/app/__init__.py"), app.__file__
print("check_runner: MicroPython", sys.implementation.version, "imports app from", app.__file__)
