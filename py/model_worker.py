"""The model's worker script: PyScript runs it in a Web Worker with Pyodide and NumPy (worker.toml)
and hands the page the functions named in __export__ (see worker/door.py)."""

from worker.door import (  # noqa: F401  # noqa: F401  # noqa: F401
    configure,
    export_file,
    import_run,
    landscape,
    notebook,
    reset,
    snapshot,
    start,
    start_from,
    step,
    sweep_advance,
    sweep_pick,
    sweep_start,
    sweep_stop,
    train_for,
)

__export__ = [
    "start",
    "configure",
    "reset",
    "step",
    "train_for",
    "snapshot",
    "notebook",
    "sweep_start",
    "sweep_advance",
    "sweep_stop",
    "sweep_pick",
    "landscape",
    "export_file",
    "import_run",
    "start_from",
]
