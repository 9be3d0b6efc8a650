"""The Exercises' checker: runs a student's forward or backward pass in its own worker (exercise.toml),
checks every value against the model (py/backprop) and names known mistakes. exports.py is its API."""
