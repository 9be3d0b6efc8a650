"""The model's worker script: PyScript runs it in a Web Worker with Pyodide and NumPy (worker.toml) and hands
the page the functions named in __export__, which PyScript looks up among this module's names: worker/door.py's
EXPORTS, each bound here."""

from worker import door
from worker.door import EXPORTS

globals().update((name, getattr(door, name)) for name in EXPORTS)
__export__ = EXPORTS
