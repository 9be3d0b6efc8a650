"""The Notebook view: the seed notebook's sections for the network on screen, as the worker wrote them.

The worker sends each section's HTML (py/worker/notebook/html.py); this holds the section elements, in the
notebook's order, and writes a section's body (one innerHTML) only when its HTML changed. No maths here, and
no formatting: the page only puts the worker's text where it goes.
"""


def heading_id(key):
    return "nb-heading-" + key.replace("_", "-")


class NotebookView:
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
        for key, (section, _) in self.sections.items():
            if key not in page["keys"]:
                section.hidden = True
