"""What the Exercises view tells the exercise worker of the lab: the network on screen (its exact parameter texts,
and the data on screen when it is not a truth table: checker/networks.py takes it) and the lab's settings. No
maths here: the numbers go as the model wrote them."""

import json

from app.settings import spell
from shared.protocol import Refused

DATA_KEYS = ("data_seed", "data_size", "noise", "train_percent")  # a generated set's parameters, in snap["config"]


def network_json(context):
    """The network on screen as the checker takes it: exact parameter texts (CPython's repr), and the data on
    screen when it is not a truth table (checker/networks.py's page_data: the checker checks on it too)."""
    snap = context.snap
    config = snap["config"]
    network = {
        "n_h": config["n_h"],
        "table": config["table"],
        "seed": config["seed"],
        "step": snap["step"],
        "params": snap["params_text"],
    }
    data = data_json(context)
    if data is not None:
        network["data"] = data
    return json.dumps(network)


def data_json(context):
    """The data on screen as the checker takes it: a generated set by its parameters, the student's own points
    by the link's points= text ("" when the link cannot hold them: check() then asks the model for their CSV);
    None for a truth table."""
    config = context.snap["config"]
    kind = config.get("data", "table")
    if kind == "table":
        return None
    if kind == "points":
        return {"kind": "points", "points": context.settings.get("points") or ""}
    data = {"kind": kind}
    for key in DATA_KEYS:
        if key in config:
            data[key] = config[key]
    return data


async def with_points(context, network):
    """The network JSON of a check, with the points on screen as the model's CSV when their link text is not
    there (more points than a link holds). The JSON unchanged when the model has none to give."""
    found = json.loads(network)
    data = found.get("data")
    if data is None or data.get("kind") != "points" or data.get("points"):
        return network
    try:
        _name, text = await context.model.export_points_csv()
    except Refused:
        return network
    data["csv"] = text
    return json.dumps(found)


def settings_json(settings):
    """The lab's settings as the checker takes them: Train with my backward trains with them, the questions are
    asked on them."""
    return json.dumps(
        {
            "n_h": settings["n_h"],
            "seed": settings["seed"],
            "table": settings["table"],
            "learning_rate": spell(settings["learning_rate"]),
        }
    )
