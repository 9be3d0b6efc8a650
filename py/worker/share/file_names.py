"""File names for the exports, from the settings: backprop-lab_xor_nh2_seed2_step1000.py.

The data (the truth table, or the data set's kind), n_h, seed and step are always there; the activation, the
cost, the learning rate, notebook mode and the examples per step (batch-one, batch-shuffled) only when they differ
from the defaults
(backprop-lab_and_nh4_relu_cross-entropy_lr0.5_seed7_step250.json).
A generated data set adds its data seed, size, noise and train share when they differ from the defaults
(backprop-lab_spiral_data7_noise10_nh2_seed2_step100.py); the student's own points are "points". The points'
CSV is named after the data alone (backprop-lab_spiral_data7_noise10_200-points.csv).
Only letters, digits, ".", "-" and "_", so the name is safe on every file system.
"""

import re

from backprop import Config

DEFAULTS = Config()


def file_name(config, step, extension):
    """e.g. file_name(run.config, run.step, "py"); extension with or without its dot."""
    config = Config.from_dict(config)
    parts = ["backprop-lab"] + data_parts(config) + [f"nh{config.n_h}"]
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


def data_parts(config):
    """The name's words for the data: the truth table ("xor"), the kind of a generated set with the data settings
    that differ from the defaults ("spiral", "data7", "size100", "noise10", "train80"), or "points"."""
    config = Config.from_dict(config)
    if config.data == "table":
        return [config.table.lower()]
    parts = [config.data.replace("_", "-")]
    if config.data != "points":
        for field, word in (
            ("data_seed", "data"),
            ("data_size", "size"),
            ("noise", "noise"),
            ("train_percent", "train"),
        ):
            if getattr(config, field) != getattr(DEFAULTS, field):
                parts.append(f"{word}{getattr(config, field)}")
    return parts


def points_file_name(config, count):
    """The CSV's name for the `count` points of the config's data: backprop-lab_points_25-points.csv."""
    return "_".join(["backprop-lab"] + data_parts(config) + [f"{int(count)}-points"]) + ".csv"
