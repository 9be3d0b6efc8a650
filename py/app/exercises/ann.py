"""The ANN exercise's page part: the network the student's class trained (the checker's answer "trained": n_h,
seed, learning rate, steps and the parameters as a lesson link's params= text) shown in the Lab on request,
through the model's start_from (the door a lesson link's params= uses). No maths here: the texts come from the
checker, the network from the model."""

from shared.i18n import _
from shared.protocol import Refused


class TrainedNetwork:
    def __init__(self, context, box):
        self.context, self.box = context, box  # box: the results area the offer is added to

    def show(self, answer):
        """Offer the trained network, when the answer carries one (the ANN exercise's Run and Check)."""
        trained = answer.get("trained")
        if not trained:
            return
        document = self.context.document
        offer = document.createElement("p")
        offer.className = "trained-network"
        offer.textContent = _(
            "Your class trained a network of {n_h} hidden units (seed {seed}, learning rate {learning_rate}) for "
            "{steps} steps. "
        ).format(
            n_h=trained["n_h"], seed=trained["seed"], learning_rate=trained["learning_rate"], steps=trained["steps"]
        )
        button = document.createElement("button")
        button.type = "button"
        button.textContent = _("Show the network your class trained in the Lab")
        button.addEventListener("click", lambda event: self.context.later(self.open(trained)))
        offer.appendChild(button)
        self.box.appendChild(offer)

    async def open(self, trained):
        """Start the Lab's network from the trained parameters and open the Lab; say why not when it cannot."""
        context = self.context
        if context.settings["n_h"] != trained["n_h"]:
            context.say(
                _(
                    "Your class trained {trained} hidden units and the Lab now has {lab}: set the Lab's hidden units "
                    "to {trained} and run your class again."
                ).format(trained=trained["n_h"], lab=context.settings["n_h"])
            )
            return
        try:
            snap, surface = await context.model.start_from(trained["params"], context.request())
        except Refused as err:
            context.say(_("The Lab could not take the network your class trained: {error}.").format(error=err))
            return
        context.show(snap, surface)
        context.select_view("lab")
        context.say(
            _(
                "The Lab shows the network your ANN class trained in {steps} steps, as its step 0: Step or Train go "
                "on training it with the model."
            ).format(steps=trained["steps"])
        )
