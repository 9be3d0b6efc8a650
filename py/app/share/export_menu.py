"""Save / export: the run on screen as a file made in the page (a Blob and an <a download>), named after its
settings by the worker (worker/share/file_names.py): the run as JSON, a Python script and a Jupyter notebook (written
by the worker), the points on screen as CSV (x1,x2,y,split, which the import reads back), and each plot as a PNG at
the screen's device resolution. Also the summary a printout starts with.
"""

from app.door import Refused
from app.lab.readouts import format_cost
from app.link import in_link
from app.settings import BY_NAME, MODEL_KEYS, spell
from shared.i18n import N_, _

TEXT_FILES = {"json": "application/json", "py": "text/x-python", "ipynb": "application/x-ipynb+json", "csv": "text/csv"}
PLOTS = {"cost-chart": "cost-chart", "decision-surface": "surface", "network-diagram": "diagram"}  # name: element id
# What is said when a plot is not on screen to be saved, by its name (translated where it is said).
NOT_ON_SCREEN = {
    "cost-chart": N_("The cost chart is not on screen: open the Lab view to save it."),
    "decision-surface": N_("The decision surface is not on screen: open the Lab view to save it."),
    "network-diagram": N_("The network diagram is not on screen: open the Lab view to save it."),
}
SVG_NS = "http://www.w3.org/2000/svg"
# What the stylesheet gives the network diagram, copied onto a copy of it as attributes: an SVG drawn as an
# image sees no stylesheet of the page.
SVG_STYLE = (
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linecap",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
)


def plot_file_name(name, plot):
    """The PNG's name for a plot: backprop-lab_xor_nh2_seed2_step0.png -> ..._step0_cost-chart.png."""
    return name[: -len(".png")] + "_" + plot + ".png"


def summary(settings, snap, address):
    """The printout's first lines: the step, the cost and every setting, and the link back to this state."""
    parts = ["{} = {}".format(key, spell(settings[key])) for key in MODEL_KEYS if in_link(BY_NAME[key], settings)]
    # Translators: a printout's first lines; {settings} lists the settings as a link spells them (n_h = 2, ...).
    return _(
        "Backprop Lab at step {step}, cost J = {cost}. Settings: {settings}. Open this state again at {address}"
    ).format(step=snap["step"], cost=format_cost(snap["cost"]), settings=", ".join(parts), address=address)


def download(document, window, blob, name):
    link = document.createElement("a")
    link.href = window.URL.createObjectURL(blob)
    link.download = name
    document.body.appendChild(link)
    link.click()
    link.remove()
    url = link.href
    window.setTimeout(lambda: window.URL.revokeObjectURL(url), 1000)


def white_canvas(document, width, height):
    """A new canvas of width x height pixels, painted white (a PNG's background); returns (canvas, context)."""
    canvas = document.createElement("canvas")
    canvas.width, canvas.height = width, height
    context = canvas.getContext("2d")
    context.fillStyle = "#ffffff"
    context.fillRect(0, 0, width, height)
    return canvas, context


class ExportMenu:
    def __init__(self, context):
        self.context, self.document, self.window = context, context.document, context.window
        document, window = self.document, self.window
        self.group = document.getElementById("export-group")
        found = self.group.querySelectorAll("button")
        self.buttons = [found[i] for i in range(found.length)]
        self.message = document.getElementById("export-message")
        self.group.addEventListener("click", self._on_click)
        window.addEventListener("beforeprint", lambda event: self.before_print())

    def model_ready(self):
        for button in self.buttons:
            button.disabled = False

    def say(self, text):
        self.message.textContent = text

    def _on_click(self, event):
        button = event.target.closest("button")
        if button is not None and not button.disabled:
            self.context.pause()  # the file is of the network on screen once the slice in flight has landed
            self.context.later(self.save(button.dataset.export))

    async def save(self, kind):
        from pyscript.ffi import to_js

        try:
            if kind == "csv":
                name, text = await self.context.model.export_points_csv()
            else:
                name, text = await self.context.model.export_file(kind if kind in TEXT_FILES else "png")
        except Refused as err:
            self.say(_("This cannot be saved: {error}.").format(error=err))
            return
        if kind in TEXT_FILES:
            blob = self.window.Blob.new(to_js([text]), to_js({"type": TEXT_FILES[kind]}))
            download(self.document, self.window, blob, name)
            self.say(_("Saved {file}.").format(file=name))
            return
        name = plot_file_name(name, kind)
        element = self.document.getElementById(PLOTS[kind])
        canvas = await self.svg_canvas(element) if kind == "network-diagram" else self.on_white(element)
        if canvas is None:
            self.say(_(NOT_ON_SCREEN[kind]))
            return
        self.save_png(canvas, name)

    def on_white(self, source):
        """A copy of a plot's canvas (its bitmap is already at device resolution) on a white background."""
        if not source.width or not source.clientWidth:
            return None
        canvas, context = white_canvas(self.document, source.width, source.height)
        context.drawImage(source, 0, 0)
        return canvas

    async def svg_canvas(self, svg):
        """The network diagram drawn on a canvas of its on-screen size times devicePixelRatio, on white."""
        from pyscript.ffi import to_js

        box = svg.getBoundingClientRect()
        if not box.width:
            return None
        ratio = self.window.devicePixelRatio or 1
        width, height = round(box.width * ratio), round(box.height * ratio)  # ints, on MicroPython too
        copy = svg.cloneNode(True)
        originals, copies = svg.querySelectorAll("*"), copy.querySelectorAll("*")
        for i in range(originals.length):
            style = self.window.getComputedStyle(originals[i])
            for name in SVG_STYLE:
                value = style.getPropertyValue(name)
                if value:
                    copies[i].setAttribute(name, value)
        # The units' pictures are HTML canvases in foreignObjects, which would taint the canvas drawn from the SVG
        # image: they are left out of the copy and drawn onto the canvas after it.
        holders = copy.querySelectorAll("foreignObject")
        for i in range(holders.length):
            holders[i].remove()
        copy.setAttribute("xmlns", SVG_NS)
        copy.setAttribute("width", str(width))
        copy.setAttribute("height", str(height))
        text = self.window.XMLSerializer.new().serializeToString(copy)
        url = self.window.URL.createObjectURL(self.window.Blob.new(to_js([text]), to_js({"type": "image/svg+xml"})))
        try:
            image = self.window.Image.new()
            image.src = url
            await image.decode()
        finally:
            self.window.URL.revokeObjectURL(url)
        canvas, context = white_canvas(self.document, width, height)
        context.drawImage(image, 0, 0, width, height)
        pictures = svg.querySelectorAll("canvas")
        for i in range(pictures.length):
            part = pictures[i].getBoundingClientRect()
            left, top = (part.left - box.left) * ratio, (part.top - box.top) * ratio
            context.drawImage(pictures[i], left, top, part.width * ratio, part.height * ratio)
        return canvas

    def save_png(self, canvas, name):
        from pyscript.ffi import create_proxy

        def saved(blob):
            download(self.document, self.window, blob, name)
            self.say(
                _("Saved {file} ({width} × {height} pixels).").format(
                    file=name, width=canvas.width, height=canvas.height
                )
            )

        canvas.toBlob(create_proxy(saved), "image/png")

    def before_print(self):
        snap = self.context.snap
        if snap is not None:
            address = self.window.location.href
            self.document.getElementById("print-summary").textContent = summary(self.context.settings, snap, address)
