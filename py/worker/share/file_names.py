"""File names for the exports, from the settings: backprop-lab_xor_nh2_seed2_step1000.py.

The table, n_h, seed and step are always there; the activation, the cost, the learning rate, notebook mode and
the examples per step (batch-one, batch-shuffled) only when they differ from the defaults
(backprop-lab_and_nh4_relu_cross-entropy_lr0.5_seed7_step250.json).
Only letters, digits, ".", "-" and "_", so the name is safe on every file system.
"""

import re

from backprop import Config

DEFAULTS = Config()


def file_name(config, step, extension):
    """e.g. file_name(run.config, run.step, "py"); extension with or without its dot."""
    config = Config.from_dict(config)
    parts = ["backprop-lab", config.table.lower(), f"nh{config.n_h}"]
    if config.activation != DEFAULTS.activation:
        parts.append(config.activation)
    if config.cost != DEFAULTS.cost:
        parts.append(config.cost.replace("_", "-"))
    if config.learning_rate != DEFAULTS.learning_rate:
        parts.append("lr" + repr(config.learning_rate).replace("e+", "e"))
    if config.notebook_mode:
        parts.append("notebook-mode")
    if config.batch != DEFAULTS.batch:
        parts.append("batch-" + config.batch)
    parts += [f"seed{config.seed}", f"step{int(step)}"]
    extension = re.sub(r"[^A-Za-z0-9]", "", extension)
    return "_".join(parts) + "." + extension
