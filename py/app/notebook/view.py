"""The Notebook view: the seed notebook's sections for the network on screen, as the worker wrote them.

The view asks the worker for the notebook when it is shown and out of date: at once, or every NOTEBOOK_INTERVAL
while training, one request at a time. The worker sends each section's HTML (py/worker/notebook/html.py);
Sections holds the section elements, in the notebook's order, and writes a section's body (one innerHTML), a
section a frame, only when its HTML changed. Its terms light up what they name in the lab's plots
(app/notebook/terms.py). No maths here, and no formatting: the page only puts the worker's text where it goes.
"""

from app.notebook.terms import Links
from app.pacing import Throttle, clock
from shared.i18n import _, ngettext

NOTEBOOK_INTERVAL = 0.5  # seconds between the notebook's refreshes while training (a section a frame)


class NotebookView:
    def __init__(self, context):
        self.context = context
        container = context.document.getElementById("notebook")
        self.sections = Sections(container)
        self.links = Links(container, context)
        self.throttle = Throttle(NOTEBOOK_INTERVAL)
        self.busy = False  # a notebook request or render is under way
        self.version = None  # the snapshot version the notebook shows
        container.addEventListener("click", self._on_click)
        context.subscribe("snapshot", self._on_snapshot)

    def open(self):
        self.want()

    def model_ready(self):
        """Nothing to do: the model's first snapshot asks for the notebook when it is shown."""

    def _on_snapshot(self, snap, surface, plots):
        if plots:
            self.want()

    def _on_click(self, event):
        if event.target.closest('[data-action="step"]') is not None:  # Take this step
            self.context.publish("step")

    def want(self):
        """Refresh the notebook when it is shown and out of date: at once, or every NOTEBOOK_INTERVAL while
        training; one refresh at a time."""
        context = self.context
        if context.settings["view"] != "notebook" or context.snap is None or self.busy:
            return
        if self.version == context.snap["version"]:
            return
        if context.looping and not self.throttle.due(clock()):
            return
        self.busy = True
        context.later(self.refresh())

    async def refresh(self):
        context = self.context
        try:
            page = await context.model.notebook(True)
            # A section a frame, so that a large network's notebook never blocks one (n_h = 16: 16 x 4 sums).
            for key in page["keys"]:
                if self.sections.show_section(key, page):
                    self.links.refresh()
                await context.next_frame()
            self.sections.hide_others(page)
            self.version = page["version"]
            context.document.getElementById("notebook-at").textContent = at_text(page["run"])
        finally:
            self.busy = False
        self.want()


def at_text(run):
    """What the notebook is worked through for: the step and cost J (the worker's texts), and a data set's examples."""
    if run.get("data"):
        count = run.get("m")
        # Translators: {data} is the model's name of the data set, such as "the spiral (...)" or "your points".
        words = ngettext(
            "Worked through for the network at step {step}, cost J = {cost}, over the {n} training example of {data}.",
            "Worked through for the network at step {step}, cost J = {cost}, over the {n} training examples of {data}.",
            count,
        )
        return words.format(step=run["step"], cost=run["cost_text"], n=count, data=run["data"])
    return _("Worked through for the network at step {step}, cost J = {cost}.").format(
        step=run["step"], cost=run["cost_text"]
    )


def heading_id(key):
    return "nb-heading-" + key.replace("_", "-")


class Sections:
    """The notebook's sections in container (e.g. a <div>).

    Each is <section class="nb-section" aria-labelledby=...><h3 id=...>title</h3><div class="nb-body">, created
    when the worker first names it; a section the latest answer lacks (the log, say) is hidden.
    """

    def __init__(self, container):
        self.container = container
        self.sections = {}  # key -> (section element, body element)
        self.html = {}  # key -> the HTML last written

    def _section(self, key, title):
        import js

        if key not in self.sections:
            document = js.document
            section = document.createElement("section")
            section.className = "nb-section"
            section.setAttribute("aria-labelledby", heading_id(key))
            heading = document.createElement("h3")
            heading.id = heading_id(key)
            heading.textContent = title
            body = document.createElement("div")
            body.className = "nb-body"
            section.appendChild(heading)
            section.appendChild(body)
            self.container.appendChild(section)
            self.sections[key] = (section, body)
        return self.sections[key]

    def show_section(self, key, page):
        """Write one section of page (the worker's {"keys", "titles", "html"}). Returns 1 when its body was
        written, 0 when its HTML had not changed."""
        section, body = self._section(key, page["titles"][key])
        section.hidden = False
        html = page["html"][key]
        if self.html.get(key) == html:
            return 0
        body.innerHTML = self.html[key] = html
        return 1

    def hide_others(self, page):
        """Hide the sections page does not have."""
        for key, (section, _body) in self.sections.items():
            if key not in page["keys"]:
                section.hidden = True
