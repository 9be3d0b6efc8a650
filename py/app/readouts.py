"""The readouts (status, step, cost, speed), the polite live region, and the messages list."""

from app.pacing import Throttle

LIVE_INTERVAL = 5.0  # seconds between spoken progress updates while training
MAX_MESSAGES = 8


class Readouts:
    def __init__(self, document):
        self.document = document
        self.elements = {name: document.getElementById(name)
                         for name in ("status", "step-count", "cost-value", "rate", "status-reason", "live")}
        self.messages = document.getElementById("messages")
        self.last = {}
        self.live_throttle = Throttle(LIVE_INTERVAL)

    def _set(self, name, text):
        if self.last.get(name) != text:  # skip writes that change nothing: they cost a boundary crossing
            self.elements[name].textContent = text
            self.last[name] = text

    def show(self, run, status, rate, now):
        previous_status = self.last.get("status")
        self._set("status", status)
        self._set("step-count", str(run.step))
        self._set("cost-value", f"{run.cost:.10g}")
        self._set("rate", "–" if rate is None else f"{rate:,.0f}")
        self._set("status-reason", f"Diverged: {run.reason}. Press Reset to start again."
                  if status == "diverged" else "")
        if status != previous_status:
            self.speak(self._summary(run, status))
            self.live_throttle.last = now
        elif status == "training" and self.live_throttle.due(now):
            self.speak(self._summary(run, status))

    def _summary(self, run, status):
        if status == "diverged":
            return f"Diverged at step {run.step}: {run.reason}."
        return f"{status.capitalize()}. Step {run.step}, cost {run.cost:.4g}."

    def speak(self, text):
        self._set("live", text)

    def note(self, text):
        """Add a message for the student at the top of the list, keeping the few newest."""
        item = self.document.createElement("li")
        item.textContent = text
        self.messages.prepend(item)
        while self.messages.children.length > MAX_MESSAGES:
            self.messages.lastElementChild.remove()
