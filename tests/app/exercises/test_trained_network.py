"""app/exercises/ann.py: the ANN exercise's trained network offered after a Run or Check, and shown in the Lab
through the model's start_from (the lesson link's params= door); refused or mismatched networks said in words."""

import asyncio
import types

from app.exercises.ann import TrainedNetwork
from shared.protocol import Refused

TRAINED = {"n_h": 2, "seed": 2, "learning_rate": 10.0, "steps": 1000, "params": "1.5_-2.0_0.5_3.0_0.1_0.2_-4.0_4.0_0.3"}


class Element:
    def __init__(self, tag):
        self.tag, self.children, self.listeners, self.textContent, self.className = tag, [], {}, "", ""

    def appendChild(self, child):
        self.children.append(child)
        return child

    def addEventListener(self, kind, listener):
        self.listeners[kind] = listener


class Model:
    def __init__(self, refuse=False):
        self.asked, self.refuse = [], refuse

    async def start_from(self, params, view):
        self.asked.append(params)
        if self.refuse:
            raise Refused("a parameter is too large")
        return {"step": 0}, b"surface"


def context(n_h=2, refuse=False):
    said, shown, views, tasks = [], [], [], []
    return types.SimpleNamespace(
        document=types.SimpleNamespace(createElement=Element),
        settings={"n_h": n_h},
        model=Model(refuse),
        request=lambda: "{}",
        say=said.append,
        show=lambda snap, surface: shown.append(snap),
        select_view=views.append,
        later=tasks.append,
        said=said,
        shown=shown,
        views=views,
        tasks=tasks,
    )


def test_nothing_is_offered_without_a_trained_network():
    box = Element("div")
    TrainedNetwork(context(), box).show({"trained": None, "values": []})
    TrainedNetwork(context(), box).show({})
    assert box.children == []


def test_the_offer_opens_the_lab_on_the_trained_network():
    ctx, box = context(), Element("div")
    TrainedNetwork(ctx, box).show({"trained": TRAINED})
    (offer,) = box.children
    assert "trained a network of 2 hidden units (seed 2, learning rate 10.0) for 1000 steps" in offer.textContent
    (button,) = offer.children
    assert button.textContent == "Show the network your class trained in the Lab"
    button.listeners["click"](None)
    asyncio.run(ctx.tasks[0])
    assert ctx.model.asked == [TRAINED["params"]] and ctx.shown == [{"step": 0}] and ctx.views == ["lab"]
    assert "trained in 1000 steps" in ctx.said[-1]


def test_another_n_h_in_the_lab_is_said_and_changes_nothing():
    ctx = context(n_h=3)
    asyncio.run(TrainedNetwork(ctx, Element("div")).open(TRAINED))
    assert ctx.model.asked == [] and ctx.views == [] and "the Lab now has 3" in ctx.said[-1]


def test_a_refused_network_is_said():
    ctx = context(refuse=True)
    asyncio.run(TrainedNetwork(ctx, Element("div")).open(TRAINED))
    assert (
        ctx.views == []
        and ctx.said[-1] == "The Lab could not take the network your class trained: a parameter is too large."
    )
