"""Backprop Lab's page layer, on MicroPython: the lab view, its controls, readouts and plots.

Plain Python that also runs under CPython for the tests: no NumPy, no dataclasses, no maths. The
numbers come from the model's worker as snapshots (app/door.py); the plots paint what the worker
computed (ticks, paths, images). Browser modules (`js`, `pyscript`) are imported lazily inside the
methods that need them, so the modules import anywhere.
"""
