"""The exercises' worker script: PyScript runs it in a Web Worker of its own with Pyodide and NumPy
(exercise.toml), so that the page can end it when a student's code hangs, and hands the page the functions named
in __export__, which PyScript looks up among this module's names: checker/door.py's EXPORTS, each bound here."""

from checker import door
from checker.door import EXPORTS

globals().update((name, getattr(door, name)) for name in EXPORTS)
__export__ = EXPORTS
