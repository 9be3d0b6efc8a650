"""The model's worker script: PyScript runs it in a Web Worker with Pyodide and NumPy (worker.toml)
and hands the page the functions named in __export__ (see worker/door.py)."""

from worker.door import configure, notebook, reset, snapshot, start, step, train_for  # noqa: F401
from worker.door import landscape, sweep_advance, sweep_pick, sweep_start, sweep_stop  # noqa: F401
from worker.door import export_file, import_run, start_from  # noqa: F401

__export__ = ["start", "configure", "reset", "step", "train_for", "snapshot", "notebook",
              "sweep_start", "sweep_advance", "sweep_stop", "sweep_pick", "landscape",
              "export_file", "import_run", "start_from"]
