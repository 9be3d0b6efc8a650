"""Predict-then-see questions before an exercise, from the network on screen: multiple choice, the right answer and
its explanation computed here with the model (backprop/), the numbers written by CPython. The page shows them and
compares the student's choice with "answer"; it does no maths.

questions(name, network_json, settings_json) -> {"exercise", "network", "questions": [{"id", "prompt",
"choices", "answer", "explanation"}]}; an exercise without questions has none.
"""

import json

from shared.i18n import _

from .. import networks
from . import activations, ann, backward, cost, forward, numeric, update

QUESTIONS = {
    "activations": (activations.sigmoid_slope, activations.tanh_slope, activations.relu_slope),
    "cost": (cost.costs_compared, cost.da2_sign, cost.cost_is_a_mean),
    "numeric": (numeric.best_h, numeric.one_sided, numeric.numeric_sign),
    "forward": (forward.z1_of_zeros, forward.a2_side, forward.cost_level, forward.a1_range),
    "backward": (backward.dw1_sign, backward.big_step, backward.db1_sum, backward.slip),
    "update": (update.change_sign, update.rates_compared, update.w0_after),
    "ann": (ann.first_j, ann.printed_lines, ann.prediction),
}


def questions(name, network_json, settings_json=None):
    """The questions before exercise name on the network on screen (see the module's docstring)."""
    net = networks.on_screen(network_json)
    try:
        settings = json.loads(settings_json) if isinstance(settings_json, str) else dict(settings_json or {})
    except ValueError as error:
        raise ValueError(_("the settings are not valid JSON ({error})").format(error=error)) from None
    made = [make(net, settings) for make in QUESTIONS.get(str(name), ())]
    return {"exercise": str(name), "network": net.label, "questions": made}
