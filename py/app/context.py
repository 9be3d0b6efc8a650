"""The page's context: what every view and panel shares, and the one way they talk to each other. A view or a panel
gets the context, never another view; it reads and changes the settings here, asks the worker through the door
here, and hears about the others' doings by subscribing to a topic.

- settings: the settings on screen (a dict of app/settings.py's table), read from the link at start, with the
  link's messages in `messages` (and in `notes`, by their setting's key). link(); save_link() (a new history entry,
  or the same one when embedded); replace_link(); load_link(query) (Back and Forward); change(name, value) and
  update(values) set settings and tell the subscribers.
- model: the door to the model's worker (app/door.py's Model). configure() sends it the settings and shows its
  answer; request(plots=True) is what to ask of it with the next snapshot (the lab view, which draws them, sets it).
- later(coroutine): runs it after this event; a failure of the worker shows the error panel.
- snap: the snapshot on screen, None until the worker is ready; show(snap, surface, plots) puts one on screen.
  looping: the lab's training loop runs (the snapshot on screen is moving); the lab view sets it.
- subscribe(topic, callback) and publish(topic, *args); the topics and their arguments:
      "snapshot" (snap, surface, plots)   a snapshot is on screen; plots: its plots are drawn too
      "settings changed" (names, origin)  settings changed by a control, a link, an import or another view
      "model ready" ()                    the worker answered (a callback subscribed later is called at once)
      "message" (text)                    a note for the student, in the page's list of messages
      "pause" (), "step" ()               asked of the lab's training: another view needs the worker; Take this step
      "highlight" (what)                  a weight or an example pointed at, lit in the plots and the notebook
      "failed" ()                         the worker failed: nothing trains any more
- views: register(name, module, class_name) names a view and the module to import for it; view(name) makes it
  when first asked for; show_view() shows the view the settings name (its tab, then view.open()); select_view(name)
  opens another view and puts it in the link. A view is a class made with the context, with open() and
  model_ready().
"""

import asyncio
import sys

from app.door import ModelError, Refused, view_request
from app.link import read_link, write_link
from app.settings import DEFAULTS, model_settings
from app.stages import show_error
from shared.i18n import _


def no_plots(plots=True):
    """What to ask of the worker until a view draws the plots: the readouts' numbers only."""
    return view_request()


class Context:
    def __init__(self, document, window, model):
        self.document, self.window, self.model = document, window, model
        self.notes = {}  # the link's messages by their setting's key (app/link.py's read_link)
        self.settings, self.messages = read_link(window.location.search, self.notes)
        self._embed()
        window.history.replaceState(None, "", self.link())
        self.snap = None
        self.looping = False
        self.ready = False
        self.request = no_plots
        self.subscribers = {}
        self.tasks = []
        self.registry, self.views, self.tabs = {}, {}, None

    # --- publish and subscribe ---------------------------------------------------------------------------------------

    def subscribe(self, topic, callback):
        if topic == "model ready" and self.ready:
            callback()
            return
        self.subscribers.setdefault(topic, []).append(callback)

    def publish(self, topic, *args):
        for callback in list(self.subscribers.get(topic, ())):
            callback(*args)

    def say(self, text):
        self.publish("message", text)

    def pause(self):
        self.publish("pause")

    # --- the settings and the link -----------------------------------------------------------------------------------

    def _embed(self):
        self.document.documentElement.dataset.embed = "true" if self.settings["embed"] else "false"

    def link(self):
        return write_link(self.settings) + self.window.location.hash

    def save_link(self):
        if self.window.location.search + self.window.location.hash != self.link():
            # Embedded, a new history entry would be the host page's too (its Back button would undo a
            # setting in the frame instead of leaving the page), so the frame's address is replaced.
            if self.settings["embed"]:
                self.replace_link()
            else:
                self.window.history.pushState(None, "", self.link())

    def replace_link(self):
        self.window.history.replaceState(None, "", self.link())

    def change(self, name, value, origin=None):
        """A control set one setting (value already valid): into the link, and to the subscribers."""
        self.settings[name] = value
        self.save_link()
        self.publish("settings changed", (name,), origin)

    def update(self, values):
        """Several settings at once (an imported run, a seed opened): to the subscribers; the caller saves the link."""
        self.settings.update(values)
        self.publish("settings changed", tuple(values), None)

    def load_link(self, query):
        """The settings of a link (Back or Forward): its bad values said, the subscribers told, its view shown."""
        settings, messages = read_link(query)
        self.settings.update(settings)
        self._embed()
        for message in messages:
            self.say(message)
        self.publish("settings changed", tuple(DEFAULTS), None)
        self.show_view()

    # --- the worker ------------------------------------------------------------------------------------------------

    async def start(self):
        """Wait for the model's worker, show the network of the settings; returns the worker's versions."""
        versions = await self.model.start()
        await self.configure()
        self.ready = True
        self.publish("model ready")
        self.subscribers.pop("model ready", None)  # from now on, subscribe() calls back at once
        return versions

    async def configure(self):
        try:
            snap, surface = await self.model.configure(model_settings(self.settings), self.request())
        except Refused as err:  # the page validates with the model's rules, so this is a slip between them
            self.say(_("The model refused a setting: {error}.").format(error=err))
            return
        self.show(snap, surface)

    def show(self, snap, surface=None, plots=True):
        """Put snapshot snap on screen (with the surface's bytes, when it carries them)."""
        self.snap = snap
        self.publish("snapshot", snap, surface, plots)

    def later(self, coroutine):
        """Run coroutine after this event; a failure of the worker shows the error panel."""
        self.tasks = [task for task in self.tasks if not task.done()]  # held while they run
        self.tasks.append(asyncio.create_task(self._guarded(coroutine)))

    async def _guarded(self, coroutine):
        try:
            await coroutine
        except ModelError as err:
            self.fail(str(err))

    def fail(self, message):
        self.publish("failed")
        show_error(
            self.document,
            _("The model stopped with an error: {error}").format(error=message.strip().split("\n")[-1]),
        )

    async def next_frame(self):
        """Resolves at the browser's next animation frame."""
        frame = asyncio.Event()
        self.window.requestAnimationFrame(lambda timestamp: frame.set())
        await frame.wait()

    # --- the views -------------------------------------------------------------------------------------------------

    def register(self, name, module, class_name):
        self.registry[name] = (module, class_name)

    def view(self, name):
        """The view called name, made (and its module imported) the first time it is asked for."""
        if name not in self.views:
            module, class_name = self.registry[name]
            __import__(module)
            make = getattr(sys.modules[module], class_name)
            if not self.ready:  # before the view subscribes: a view's model_ready comes before its panels'
                self.subscribe("model ready", lambda: self.views[name].model_ready())
            self.views[name] = make(self)
            if self.ready:
                self.views[name].model_ready()
        return self.views[name]

    def show_view(self):
        """Show the view the settings name: its tab selected and its panel shown, then the view opened."""
        name = self.settings["view"]
        if self.tabs is None:
            from app.tabs import Tabs

            self.tabs = Tabs(self.document, self.select_view)
        self.tabs.show(name)
        self.view(name).open()

    def select_view(self, name):
        """Open view name (a tab picked, or a view opening another), with a new entry in the history."""
        self.settings["view"] = name
        self.save_link()
        self.show_view()
