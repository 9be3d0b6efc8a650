"""The model's worker script: PyScript runs it in a Web Worker with Pyodide and NumPy (worker.toml)
and hands the page the functions named in __export__ (see worker/exports.py)."""

from worker.exports import configure, notebook, reset, snapshot, start, step, train_for  # noqa: F401

__export__ = ["start", "configure", "reset", "step", "train_for", "snapshot", "notebook"]
