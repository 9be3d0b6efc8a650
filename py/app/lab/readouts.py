"""The readouts (status, step, cost, the test cost when there are test points, speed), the polite live region, and
the messages list."""

from app.pacing import Throttle
from shared.i18n import N_, _

LIVE_INTERVAL = 5.0  # seconds between spoken progress updates while training
MAX_MESSAGES = 8
NO_STEPS = N_("No steps yet: press Train or Step, and the cost J of every step is drawn here.")
# The page's status (a value the page compares) as the status readout says it.
STATUS_WORDS = {
    # Translators: the lab's status while the model's worker starts.
    "starting": N_("starting"),
    # Translators: the lab's status: a new network at step 0.
    "ready": N_("ready"),
    # Translators: the lab's status while it trains.
    "training": N_("training"),
    # Translators: the lab's status when training is paused.
    "paused": N_("paused"),
    # Translators: the lab's status when the cost is no longer a finite number.
    "diverged": N_("diverged"),
}
# What the live region says of the network on screen, by the page's status: {step}, and {cost} to 4 digits.
SUMMARIES = {
    "ready": N_("Ready. Step {step}, cost {cost}."),
    "training": N_("Training. Step {step}, cost {cost}."),
    "paused": N_("Paused. Step {step}, cost {cost}."),
}


def thousands(number):
    """A whole number with thousands separators: 12,345 (MicroPython's format has no "," option)."""
    text = str(round(number))
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + ",".join([digits] + groups)


def format_cost(cost):
    return "{:.10g}".format(cost)


def summary(snap, status):
    """What the live region says of the network on screen."""
    if status == "diverged":
        # Translators: {reason} is the model's sentence of what went wrong.
        return _("Diverged at step {step}: {reason}.").format(step=snap["step"], reason=snap["reason"])
    return _(SUMMARIES[status]).format(step=snap["step"], cost="{:.4g}".format(snap["cost"]))


# The page's elements the readouts write to, by id.
ELEMENT_IDS = (
    "status",
    "step-count",
    "cost-value",
    "test-cost-value",
    "test-cost-row",
    "rate",
    "status-reason",
    "live",
    "cost-chart-note",
)


class Readouts:
    def __init__(self, document):
        self.document = document
        self.elements = {name: document.getElementById(name) for name in ELEMENT_IDS}
        self.messages = document.getElementById("messages")
        self.last = {}
        self.live_throttle = Throttle(LIVE_INTERVAL)

    def _set(self, name, text):
        if self.last.get(name) != text:  # skip writes that change nothing: they cost a boundary crossing
            self.elements[name].textContent = text
            self.last[name] = text

    def show_starting(self):
        """Before the model's worker is ready: no network to describe yet."""
        self._set("status", _(STATUS_WORDS["starting"]))

    def show(self, snap, status, rate, now):
        """The network of snapshot snap, the page's status and its steps per second (None: not training)."""
        previous_status = self.last.get("status value")
        self.last["status value"] = status
        self._set("status", _(STATUS_WORDS[status]))
        self._set("step-count", str(snap["step"]))
        self._set("cost-value", format_cost(snap["cost"]))
        test_cost = snap.get("test_cost")
        self._set("test-cost-value", "–" if test_cost is None else format_cost(test_cost))
        if self.last.get("test-cost-row") != (test_cost is None):
            self.elements["test-cost-row"].hidden = self.last["test-cost-row"] = test_cost is None
        self._set("rate", "–" if rate is None else thousands(rate))
        self._set("cost-chart-note", _(NO_STEPS) if snap["step"] == 0 else "")  # the chart's empty state
        self._set(
            "status-reason",
            _("Diverged: {reason}. Press Reset to start again.").format(reason=snap["reason"])
            if status == "diverged"
            else "",
        )
        if status != previous_status:
            self.speak(summary(snap, status))
            self.live_throttle.last = now
        elif status == "training" and self.live_throttle.due(now):
            self.speak(summary(snap, status))

    def speak(self, text):
        self._set("live", text)

    def note(self, text):
        """Add a message for the student at the top of the list, keeping the few newest."""
        item = self.document.createElement("li")
        item.textContent = text
        self.messages.prepend(item)
        while self.messages.children.length > MAX_MESSAGES:
            self.messages.lastElementChild.remove()
