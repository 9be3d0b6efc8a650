"""The code lines the Notebook view shows, read verbatim from the model's own source (py/backprop) with
inspect and ast: what each gradient is computed by, and how Run.train updates the parameters. The model's
source does not change while the worker runs, so each answer is computed once."""

import ast
import functools
import inspect
import os
import textwrap

from backprop import ACTIVATIONS, COSTS, backward, network, train


def _source_name(func):
    return f"backprop/{os.path.basename(inspect.getsourcefile(func))}: {func.__qualname__}"


def _parsed(func):
    source = textwrap.dedent(inspect.getsource(func))
    return source, ast.parse(source)


def _assignment(source, tree, target):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == target for t in node.targets):
            return ast.get_source_segment(source, node)
    raise LookupError(f"no assignment to {target} in the model's source")


def _backward_lines(notebook_mode):
    """The lines of network.backward assigning each gradient; dZ1's from the notebook_mode branch or the other."""
    source, tree = _parsed(backward)
    lines = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "notebook_mode":
            branch = node.body if notebook_mode else node.orelse
            lines["dZ1"] = ast.get_source_segment(source, branch[0])
    for name in ("dW1", "db1", "dA1", "dW0", "db0"):
        lines[name] = _assignment(source, tree, name)
    return lines


def _g_prime_line(activation):
    """The lambda that is ACTIVATIONS[activation].g_prime, as written in network.py."""
    g_prime = ACTIVATIONS[activation].g_prime
    source = inspect.getsource(network)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Lambda) and node.lineno == g_prime.__code__.co_firstlineno:
            return ast.get_source_segment(source, node)
    raise LookupError(f"no g_prime for {activation} in the model's source")


def code_lines(cost, activation, notebook_mode):
    """{gradient name: [{"code", "source"}, ...]}: the model's own source lines that compute it."""
    cached = _code_lines(cost, activation, notebook_mode)
    return {name: [dict(line) for line in lines] for name, lines in cached.items()}


@functools.cache
def _code_lines(cost, activation, notebook_mode):
    output_gradients = COSTS[cost].output_gradients
    out_source, out_tree = _parsed(output_gradients)
    lines = _backward_lines(notebook_mode)
    where = _source_name(backward)
    result = {
        name: [{"code": _assignment(out_source, out_tree, name), "source": _source_name(output_gradients)}]
        for name in ("dA2", "dZ2")
    }
    for name in ("dW1", "db1", "dA1", "dZ1", "dW0", "db0"):
        result[name] = [{"code": lines[name], "source": where}]
    result["dZ1"].append(
        {"code": _g_prime_line(activation), "source": f"backprop/network.py: ACTIVATIONS[{activation!r}].g_prime"}
    )
    return result


@functools.cache
def update_lines():
    """The lines of Run.train that update the parameters, verbatim: its augmented assignments to local
    names (grad *= learning rate, theta -= grad), not to attributes such as self.step."""
    source, tree = _parsed(train.Run.train)
    return tuple(
        ast.get_source_segment(source, node)
        for node in ast.walk(tree)
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name)
    )
