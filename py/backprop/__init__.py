"""Backprop Lab's model: a 2-n_h-1 network learning a truth table, in NumPy.

Runs under Pyodide's NumPy 2.0 in the browser and under CPython for the tests; it
imports nothing from the browser.
"""

from .config import Config, params_from_dict, params_to_dict
from .data import A0, TABLE_NAMES, TABLES, truth_table
from .gradcheck import GRADIENT_NAMES, gradient_check, numeric_gradient, relative_error
from .network import ACTIVATIONS, COSTS, PARAM_NAMES, backward, forward, init_params, linear, param_shapes, sigmoid
from .train import Batch, Run
from .unrolled import unroll

__all__ = [
    "A0",
    "ACTIVATIONS",
    "COSTS",
    "GRADIENT_NAMES",
    "PARAM_NAMES",
    "TABLES",
    "TABLE_NAMES",
    "Batch",
    "Config",
    "Run",
    "backward",
    "forward",
    "gradient_check",
    "init_params",
    "linear",
    "numeric_gradient",
    "param_shapes",
    "params_from_dict",
    "params_to_dict",
    "relative_error",
    "sigmoid",
    "truth_table",
    "unroll",
]
