"""The slow-motion player on the page: "Step slowly" beside Step opens it; it pauses training, asks the worker for
the stages of the next step once (Model.stages()), then shows them one at a time, with the numbers written on the
network diagram (inside diagram.overlay, the svg's last <g>), a table, the Notebook's formulas and a link to the
Notebook's section. Passing the update stage takes the lab's own step (LabView.step, as the Step button), so the end
state is Step's. Which stage and what it says: app/network/slow_motion.py; where on the diagram: stage_numbers.py.

Keys while the player has focus: ArrowRight or N, next stage; ArrowLeft or P, previous; Escape closes it. Play moves
on every PACE_MS with the page's timers. The browser modules are imported inside the methods.
"""

from app.door import Refused
from app.network.slow_motion import (
    ALL,
    ORDER,
    SLIP_NOTE,
    STAGES,
    SlowMotion,
    announcement,
    example_choice,
    formulas,
    labels,
    shown_examples,
    table,
    uses,
)
from app.network.stage_numbers import flows, positions
from shared.i18n import _

PACE_MS = 1500  # the automatic pace, a stage every 1.5 s
ARROW = "slow-motion-arrow"  # the arrowhead marker's id
KEYS = {"ArrowRight": "next", "n": "next", "N": "next", "ArrowLeft": "previous", "p": "previous", "P": "previous"}


def escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def table_html(spec):
    """A stage's table (slow_motion.table) as HTML; its note (what a data set's table leaves out) in the caption."""
    if spec is None:
        return ""
    out = ["<table><caption>", escape(spec["caption"])]
    if spec.get("note"):
        out += ['<br><span class="table-note">', escape(spec["note"]), "</span>"]
    out.append("</caption><thead><tr>")
    out += ['<th scope="col">' + escape(head) + "</th>" for head in spec["head"]]
    out.append("</tr></thead><tbody>")
    for row in spec["rows"]:
        out.append('<tr><th scope="row">' + escape(row[0]) + "</th>")
        out += ["<td>" + escape(cell) + "</td>" for cell in row[1:]]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def overlay_svg(geometry, stage_labels, key):
    """The overlay's SVG markup for a stage: arrows along the weights (forward, or backward against them) and the
    numbers."""
    out = [
        '<defs><marker id="' + ARROW + '" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
    ]
    if key in ("forward", "backward"):
        for x1, y1, x2, y2 in flows(geometry, key == "backward"):
            out.append(
                '<line class="flow" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" marker-end="url(#{})"/>'.format(
                    x1, y1, x2, y2, ARROW
                )
            )
    for t in positions(geometry, stage_labels):
        out.append(
            '<text class="{}" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text>'.format(
                t["cls"], t["x"], t["y"], t["anchor"], escape(t["text"])
            )
        )
    return "".join(out)


def picker_all(stages):
    """The example picker's first choice: "All 4 examples (a table)", or for a data set "All 50 examples (a table of
    the first 8)"; the picker then offers those the worker sent."""
    if stages.get("limit"):
        return _("All {m} examples (a table of the first {limit})").format(m=stages["m"], limit=stages["limit"])
    return _("All {m} examples (a table)").format(m=stages["m"])


class SlowMotionPlayer:
    def __init__(self, context, lab):
        from pyscript.ffi import create_proxy

        self.context, self.lab = context, lab
        get = context.document.getElementById
        self.button, self.panel, self.live = get("step-slowly"), get("slow-motion"), get("slow-motion-live")
        self.parts = {
            name: get("slow-motion-" + name)
            for name in ("stage", "uses", "formulas", "note", "table", "link", "example", "previous", "next")
        }
        self.parts.update({name: get("slow-motion-" + name) for name in ("play", "finish", "close")})
        self.motion = None  # SlowMotion while open
        self.busy = False  # the stages asked of the worker, not yet here
        self.timer = None  # the automatic pace's timeout
        self._proxies = []
        for element, event, handler in (
            (self.button, "click", lambda e: self.open()),
            (self.parts["previous"], "click", lambda e: self.previous()),
            (self.parts["next"], "click", lambda e: self.next()),
            (self.parts["play"], "click", lambda e: self.toggle_play()),
            (self.parts["finish"], "click", lambda e: self.finish()),
            (self.parts["close"], "click", lambda e: self.close()),
            (self.parts["example"], "change", lambda e: self.pick(e.target.value)),
            (self.parts["link"], "click", self.to_notebook),
            (self.panel, "keydown", self.on_key),
        ):
            proxy = create_proxy(handler)
            self._proxies.append(proxy)
            element.addEventListener(event, proxy)
        self.tick = create_proxy(self.on_tick)
        lesson = getattr(lab, "lesson", None)  # a lesson that hides or locks Step does the same to Step slowly
        self.allowed = lesson is None or lesson.allows("step")
        if lesson is not None and "step" in lesson.hidden:
            self.button.hidden = True
        context.subscribe("model ready", self.enable)
        context.subscribe("failed", lambda: self.enable(False))
        context.subscribe("snapshot", self.on_snapshot)

    def enable(self, enabled=True):
        self.button.disabled = not (enabled and self.allowed)

    # --- opening and closing -----------------------------------------------------------------------------------------

    def open(self):
        if self.busy or self.context.snap is None or not self.allowed:
            return
        self.busy = True
        self.stop_play()
        self.context.pause()  # as Step: training stops, and the slices in flight land before the worker's stages
        self.context.later(self._load())

    async def _load(self):
        try:
            stages = await self.context.model.stages()
        except Refused as err:
            # Translators: "Step slowly" is the button's name; {error} why the model could not give the stages.
            self.context.say(_("Step slowly: {error}.").format(error=err))
            return
        finally:
            self.busy = False
        self.motion = SlowMotion(stages)
        self._examples(stages)
        self.panel.hidden = False
        self.render()
        self.panel.focus()

    def close(self):
        self.stop_play()
        self.motion = None
        self.panel.hidden = True
        self.clear_overlay()
        self.button.focus()

    def _examples(self, stages):
        options = ['<option value="all">{}</option>'.format(escape(picker_all(stages)))]
        for j in shown_examples(stages):
            options.append('<option value="{}">{}</option>'.format(j, escape(example_choice(stages, j))))
        select = self.parts["example"]
        select.innerHTML = "".join(options)
        select.value = "all" if self.motion.example is ALL else str(self.motion.example)

    def on_snapshot(self, snap, surface, plots):
        """The network moved on without the player (Train, Reset, a setting): the stages shown are stale."""
        motion = self.motion
        if motion is None:
            return
        expected = motion.stages["step"] + (1 if motion.taken else 0)
        if snap["step"] != expected:
            self.context.say(_("Slow motion closed: the network changed."))
            self.close()
        elif plots and not self.panel.hidden:
            self.draw_overlay()  # the diagram may have been rebuilt, with a new overlay

    # --- moving ----------------------------------------------------------------------------------------------------

    def _act(self, action):
        if action == "step":
            self.stop_play()
            self.lab.step()  # the lab's own Step: the same call, the same end state
        self.render()

    def next(self):
        if self.motion is not None:
            self._act(self.motion.next())

    def previous(self):
        if self.motion is not None:
            self.motion.previous()
            self.render()

    def finish(self):
        if self.motion is not None:
            self._act(self.motion.finish())

    def pick(self, value):
        if self.motion is not None:
            self.motion.pick(ALL if value == "all" else int(value))
            self.render()

    def toggle_play(self):
        if self.timer is not None:
            self.stop_play()
        elif self.motion is not None and not self.motion.taken:
            self.timer = self.context.window.setTimeout(self.tick, PACE_MS)
            # Translators: the slow motion's Play button while it plays.
            self.parts["play"].textContent = _("Pause")

    def stop_play(self):
        if self.timer is not None:
            self.context.window.clearTimeout(self.timer)
            self.timer = None
        self.parts["play"].textContent = _("Play")

    def on_tick(self, *args):
        self.timer = None
        if self.motion is None:
            return
        self.next()
        if self.motion is not None and not self.motion.taken:
            self.timer = self.context.window.setTimeout(self.tick, PACE_MS)
        else:
            self.stop_play()

    def on_key(self, event):
        if event.target.tagName == "SELECT" or event.ctrlKey or event.metaKey or event.altKey:
            return
        if event.key == "Escape":
            self.close()
        elif event.key in KEYS:
            getattr(self, KEYS[event.key])()
        else:
            return
        event.preventDefault()
        event.stopPropagation()

    def to_notebook(self, event):
        """The stage's Notebook section: the Notebook tab opened, the section's heading scrolled to once written."""
        event.preventDefault()
        target = self.parts["link"].getAttribute("href")[1:]
        self.context.select_view("notebook")
        self.context.later(self._scroll_to(target))

    async def _scroll_to(self, element_id):
        """Scroll to the heading once the notebook has written it, and again while the sections above it are written
        (each changes the heading's place), until it stays in view."""
        context, heading, steady = self.context, None, 0
        for _unused in range(600):  # the notebook writes a section a frame; at most about 10 s
            heading = heading or context.document.getElementById(element_id)
            if heading is not None:
                notebook = context.views.get("notebook")
                box = heading.getBoundingClientRect()
                if box.top < 0 or box.bottom > context.window.innerHeight:
                    heading.scrollIntoView()
                    steady = 0
                elif notebook is None or not notebook.busy:
                    steady += 1
                    if steady > 2:
                        break
            await context.next_frame()
        if heading is not None:
            heading.setAttribute("tabindex", "-1")
            heading.focus()

    # --- drawing ---------------------------------------------------------------------------------------------------

    def render(self):
        motion = self.motion
        if motion is None:
            return
        stages, key = motion.stages, motion.key
        title, section, heading = STAGES[key]
        title = _(title)
        number = ORDER.index(key) + 1
        parts = self.parts
        if key == "done":
            parts["stage"].textContent = title
        else:
            parts["stage"].textContent = _("Stage {number} of {count}: {title}").format(
                number=number, count=len(ORDER) - 1, title=title
            )
        parts["uses"].textContent = uses(stages)
        lines = formulas(stages, key)
        parts["formulas"].innerHTML = "".join("<li><code>" + escape(line) + "</code></li>" for line in lines)
        parts["note"].textContent = _(SLIP_NOTE) if key == "backward" and stages["slip"] else ""
        parts["table"].innerHTML = table_html(table(stages, key, motion.example))
        parts["link"].setAttribute("href", "#nb-heading-" + section.replace("_", "-"))
        # Translators: {heading} is the Notebook section's heading, as the Notebook view says it.
        parts["link"].textContent = _("In the Notebook: {heading}").format(heading=_(heading))
        parts["previous"].disabled = not motion.can_previous()
        parts["next"].disabled = not motion.can_next()
        parts["finish"].disabled = motion.taken
        parts["play"].disabled = motion.taken
        parts["next"].textContent = _("Take the step") if key == "update" else _("Next")
        self.live.textContent = announcement(stages, key, motion.example)
        self.draw_overlay()

    def draw_overlay(self):
        diagram = self.lab.diagram
        overlay, geometry = getattr(diagram, "overlay", None), getattr(diagram, "geometry", None)
        if overlay is None or geometry is None or self.motion is None:
            return
        key = self.motion.key
        overlay.setAttribute("class", "diagram-overlay slow-motion stage-" + key)
        overlay.innerHTML = overlay_svg(geometry, labels(self.motion.stages, key, self.motion.example), key)

    def clear_overlay(self):
        overlay = getattr(self.lab.diagram, "overlay", None)
        if overlay is not None:
            overlay.setAttribute("class", "diagram-overlay")
            overlay.innerHTML = ""
