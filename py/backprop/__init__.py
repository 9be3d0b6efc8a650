"""Backprop Lab's model: a 2-n_h-1 network learning a truth table or a set of points, in NumPy.

Runs under Pyodide's NumPy 2.0 in the browser and under CPython for the tests; it
imports nothing from the browser.
"""

from .batch import Batch
from .chain import chain_terms, hidden_derivative, page_name, parse_name
from .config import BATCHES, Config, params_from_dict, params_to_dict
from .data import A0, TABLE_NAMES, TABLES, truth_table
from .datasets import DATA_KINDS, GENERATED, POINTS_LIMIT, Data, accuracy, check_point, generate, make_data, points_data
from .gradcheck import GRADIENT_NAMES, gradient_check, numeric_gradient, relative_error
from .network import ACTIVATIONS, COSTS, PARAM_NAMES, backward, forward, init_params, linear, param_shapes, sigmoid
from .stages import SLIPPED, cost_shares, step_stages
from .train import Run, pass_order, step_examples
from .unrolled import unroll

__all__ = [
    "A0",
    "ACTIVATIONS",
    "BATCHES",
    "COSTS",
    "DATA_KINDS",
    "GENERATED",
    "GRADIENT_NAMES",
    "PARAM_NAMES",
    "POINTS_LIMIT",
    "SLIPPED",
    "TABLES",
    "TABLE_NAMES",
    "Batch",
    "Config",
    "Data",
    "Run",
    "accuracy",
    "backward",
    "chain_terms",
    "check_point",
    "cost_shares",
    "forward",
    "generate",
    "gradient_check",
    "hidden_derivative",
    "init_params",
    "linear",
    "make_data",
    "numeric_gradient",
    "page_name",
    "param_shapes",
    "params_from_dict",
    "params_to_dict",
    "parse_name",
    "pass_order",
    "points_data",
    "relative_error",
    "sigmoid",
    "step_examples",
    "step_stages",
    "truth_table",
    "unroll",
]
