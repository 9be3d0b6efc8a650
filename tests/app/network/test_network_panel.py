"""The network panel's wiring (app/network/panel.py) on the fake page with the real worker: what the lab asks the
worker for (the units' pictures when they are on, the chain rule of the open panel), the "Unit pictures" check box
and its link key pictures=false, and the notebook mode's slip said in the chain rule of a first-layer weight."""

import asyncio
import json
import types

from lab_page import open_page, settle


def asked(lab):
    return json.loads(lab.request())


def change_box(page, checked):
    box = page.elements["pictures"]
    box.props["checked"] = checked
    for kind, handler in box.listeners:
        if kind == "change":
            handler(types.SimpleNamespace(target=box))


def test_the_pictures_check_box_and_its_link_key(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch, "?pictures=false")
    assert context.settings["pictures"] is False and page.elements["pictures"].checked is False

    async def scenario():
        await context.start()
        await settle()
        assert asked(lab)["units"] is False and "units" not in context.snap
        assert "no-pictures" in lab.diagram.svg.classList.names
        change_box(page, True)  # on: asked for at once, drawn, and gone from the link (its default)
        await settle()
        assert asked(lab)["units"] is True and context.snap["units"]["names"] == ["A1[0]", "A1[1]", "A2"]
        assert "no-pictures" not in lab.diagram.svg.classList.names
        assert "pictures=" not in window.location.search
        assert lab.diagram.picture_slots[2]["canvas"].context.called("putImageData")
        change_box(page, False)
        assert "pictures=false" in window.pushed[-1]
        assert asked(lab)["units"] is False and asked(lab)["chain"] is None

    asyncio.run(scenario())


def test_the_notebook_modes_slip_is_said_in_a_first_layer_weights_chain_rule(monkeypatch, session):
    page, _window, context, lab = open_page(monkeypatch, "?notebook_mode=true")
    page.element("chain-field").props["select"] = lambda: None

    async def scenario():
        await context.start()
        await settle()
        lab.network.open(lab.diagram.keys.index(("W0", 1, 0)))
        await settle()
        assert asked(lab)["chain"] == "W0[1,0]"
        assert page.elements["chain-slip"].hidden is False
        assert "notebook's slip" in page.text("chain-slip")
        assert any("slip" in item.textContent for item in page.elements["chain-definitions"].children)
        lab.network.open(lab.diagram.keys.index(("W1", 0, 0)))  # the output layer's: no slip on its way
        await settle()
        assert page.elements["chain-slip"].hidden is True and page.text("chain-heading") == "Chain rule for W1[0,0]"

    asyncio.run(scenario())


class Key:
    """A keydown as the browser passes it from the weight to the document: preventDefault marks it taken."""

    def __init__(self, target, key):
        self.target, self.key = target, key
        self.shiftKey = self.ctrlKey = self.metaKey = self.altKey = False
        self.defaultPrevented = False

    def preventDefault(self):
        self.defaultPrevented = True


def test_space_on_a_weight_opens_its_chain_rule_and_does_not_start_training(monkeypatch, session):
    from lab_page import load_main

    page, window, context, lab = open_page(monkeypatch)
    page.element("chain-field").props["select"] = lambda: None
    load_main().wire(page, window, lab)
    (document_keys,) = [handler for kind, handler in page.listeners if kind == "keydown"]

    async def scenario():
        await context.start()
        await settle()
        weight = lab.diagram.items[lab.diagram.keys.index(("W0", 0, 1))]["group"]
        weight.props["tagName"] = "g"
        event = Key(weight, " ")
        for kind, handler in lab.diagram.svg.listeners:
            if kind == "keydown":
                handler(event)
        document_keys(event)  # the event bubbles on to the page's shortcuts
        await settle()
        assert lab.network.chain.name == "W0[0,1]" and not lab.training and session.run.step == 0

    asyncio.run(scenario())
