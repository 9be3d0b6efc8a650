"""How the exercises after forward and backward are checked: each Spec says on what the student's functions are
called (cases: the networks, or arrays made from them), what the model gives there, and which named mistakes a
wrong value is compared with. check.py runs them like the forward and backward exercises, with the same rows.
common.py holds what they share, one module per exercise its Spec."""

from .activations import Activations
from .ann import Ann
from .cost import Cost
from .numeric import Numeric
from .update import Update

SPECS = {"activations": Activations(), "cost": Cost(), "numeric": Numeric(), "update": Update(), "ann": Ann()}


def get(name):
    return SPECS.get(name)
