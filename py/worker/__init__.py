"""The model's worker: the side of the page that runs Pyodide and NumPy in a Web Worker.

`session.Session` holds the network being trained (a `backprop.Run`), trains it in time slices and
turns it into plain snapshots (JSON-able dicts, the decision surface as RGBA bytes); `exports` is the
message API the page calls (py/model_worker.py hands it to PyScript). Nothing here touches the DOM.
"""
