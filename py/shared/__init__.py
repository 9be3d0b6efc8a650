"""Plain Python shipped to all three interpreters: the page's MicroPython and both Pyodide workers.

What one side writes and the other reads is defined here once: the message envelope (protocol.py), and the
limits and words both sides use. No NumPy, no browser modules, nothing MicroPython lacks."""
