"""The exercises' worker script: PyScript runs it in a Web Worker of its own with Pyodide and NumPy
(exercise.toml), so that the page can end it when a student's code hangs, and hands the page the
functions named in __export__ (see checker/door.py)."""

from checker.door import check, run, start, train  # noqa: F401

__export__ = ["start", "run", "check", "train"]
