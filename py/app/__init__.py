"""Backprop Lab's plots: decision surface, cost chart, predictions table and network diagram.

Each module keeps its computation in plain functions of NumPy arrays and numbers (tested under
CPython) and a thin class that touches the page. The classes import the browser modules (`js`,
`pyodide.ffi`) lazily, inside the methods that need them, so the pure functions import anywhere.
No model maths here: the network's outputs come only from `run.predict(...)` and `run.A2`.
"""
