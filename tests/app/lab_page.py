"""The page as the page-layer tests see it: a fake document with the elements of index.html (each made by its
tag when first asked for by id, a few laid out as the page lays them out), a fake window, and the model's worker
as PyScript hands it to the page (the real worker functions of py/worker/door.py, answered a little later). The
page is built by py/main.py's own build(), as the browser builds it. One definition for every page-layer test."""

import ast
import asyncio
import html.parser
import pathlib
import sys
import types

import fake_dom
from app.settings import FORM
from worker import door as exports

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAIN = ROOT / "py" / "main.py"
FIELDS = FORM
TABS = (("lab", "Lab"), ("notebook", "Notebook"), ("exercise", "Exercises"), ("sweep", "Many seeds"))


def index_tags():
    """{id: (tag, {attribute: value})} of every element of index.html that has an id."""
    tags = {}

    class Ids(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if "id" in attributes:
                tags[attributes["id"]] = (tag, attributes)

    parser = Ids()
    parser.feed((ROOT / "index.html").read_text())
    parser.close()
    return tags


TAGS = index_tags()


class Page(fake_dom.Document):
    """The elements of index.html by id: the settings form's fields in their wrappers, the training buttons, the
    view tabs in their nav, the Save and share groups with their controls; any other id of index.html is made by
    its tag when first asked for (a canvas is not laid out until a test gives it a size)."""

    def __init__(self):
        super().__init__()
        self.elements = {}
        for name in FIELDS:
            field = self.createElement("input")
            field.props.update(value="", checked=False)
            self.elements[name] = self.createElement("div").appendChild(field)
            self.elements[name + "-error"] = self.createElement("p")
        buttons = self.createElement("div")
        for name in ("train", "step", "reset"):
            self.elements[name] = buttons.appendChild(self.createElement("button"))
            self.elements[name].props["disabled"] = True
        self.elements["messages"] = fake_dom.MessageList()
        for name, size in (("cost-chart", (640, 400)), ("surface", (400, 400))):
            canvas = self.createElement("canvas")
            canvas.props.update(clientWidth=size[0], clientHeight=size[1])
            self.elements[name] = canvas
        # the view tabs: a tablist in a nav, each tab controlling its panel
        self.nav = self.createElement("nav")
        self.tablist = self.nav.appendChild(self.createElement("div"))
        self.tablist.setAttribute("role", "tablist")
        self.focused = []
        for view, text in TABS:
            tab = self.createElement("button")
            tab.id = "tab-" + view
            tab.textContent = text
            tab.setAttribute("role", "tab")
            tab.setAttribute("aria-controls", "view-" + view)
            tab.props["focus"] = lambda tab=tab: self.focused.append(tab.id)
            self.elements[tab.id] = self.tablist.appendChild(tab)
        # Save and share: each group with a control in it
        for group, inner, name in (
            ("export-group", "button", None),
            ("import-group", "input", "import-file"),
            ("lesson-group", "input", None),
        ):
            control = self.element(group).appendChild(self.createElement(inner))
            if name is not None:
                self.elements[name] = control
        self.body = self.createElement("body")
        self.listeners = []
        self.documentElement = types.SimpleNamespace(dataset=types.SimpleNamespace(appState="interactive"))

    def element(self, name):
        return self.getElementById(name)

    def getElementById(self, name):
        if name not in self.elements and name in TAGS:
            tag, attributes = TAGS[name]
            element = self.elements[name] = self.createElement(tag)
            element.props.update(disabled="disabled" in attributes, hidden="hidden" in attributes)
            if "value" in attributes:
                element.props["value"] = attributes["value"]
        return self.elements.get(name)

    def querySelector(self, selector):
        return self.tablist if fake_dom.matches(self.tablist, selector) else None

    def querySelectorAll(self, selector):
        return self.tablist.querySelectorAll(selector)

    def addEventListener(self, event, handler):
        self.listeners.append((event, handler))

    def text(self, name):
        return self.elements[name].textContent


class Window:
    def __init__(self, search=""):
        self.location = types.SimpleNamespace(search=search, hash="", origin="http://localhost", pathname="/")
        self.frames = []
        self.pushed, self.replaced = [], []
        self.listeners = []
        self.stored = {}  # localStorage
        self.localStorage = types.SimpleNamespace(getItem=self.stored.get, setItem=self.stored.__setitem__)
        self.history = types.SimpleNamespace(
            pushState=lambda state, title, url: self._go(self.pushed, url),
            replaceState=lambda state, title, url: self._go(self.replaced, url),
        )

    def _go(self, log, url):
        log.append(url)
        self.location.search = url.split("#")[0]

    def requestAnimationFrame(self, callback):
        self.frames.append(callback)

    def addEventListener(self, event, handler):
        self.listeners.append((event, handler))


class FakeWorker:
    """The model's worker as PyScript hands it to the page: async calls of the exported functions, each
    answered a little later, as from a worker. calls: the names called, in order; args: their arguments."""

    def __init__(self, calls=None):
        self.calls = [] if calls is None else calls
        self.args = []
        for name in exports.EXPORTS:
            setattr(self, name, self._async(name))

    def _async(self, name):
        async def call(*args):
            self.calls.append(name)
            self.args.append(args)
            await asyncio.sleep(0)
            return getattr(exports, name)(*args)

        return call


class ExerciseWorker:
    """The exercise worker as PyScript hands it to the page once started: the real checker's exports
    (py/checker/door.py), each answered a little later."""

    def __init__(self):
        from checker import door

        for name in door.EXPORTS:
            setattr(self, name, self._async(getattr(door, name)))

    @staticmethod
    def _async(export):
        async def call(*args):
            await asyncio.sleep(0)
            return export(*args)

        return call


def load_main():
    """py/main.py's definitions (VIEWS, build, wire, ...): the module without its last statement, which boots the
    page (and awaits at the top level, as PyScript's MicroPython allows)."""
    flags = ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    tree = compile(MAIN.read_text(), str(MAIN), "exec", flags)
    assert isinstance(tree.body[-1], ast.Try), "main.py ends with the statement that boots the page"
    tree.body = tree.body[:-1]
    namespace = {"__name__": "main"}
    exec(compile(tree, str(MAIN), "exec"), namespace)
    return types.SimpleNamespace(**namespace)


def open_page(monkeypatch, search="", page=None):
    """The page of a link, built by main.py's build(): (page, window, context, the lab view)."""
    fake_dom.install(monkeypatch)
    page, window = page or Page(), Window(search)
    page.calls = []
    window.BackpropEditor = types.SimpleNamespace(mount=mount_editor)

    class Workers:  # pyscript.workers: awaiting workers[name] gives the worker once it has started
        def __getitem__(self, name):
            async def ready():
                return FakeWorker(page.calls) if name == "model" else ExerciseWorker()

            return ready()

    sys.modules["pyscript"].workers = Workers()
    context, lab = load_main().build(page, window)
    return page, window, context, lab


async def mount_editor(parent, text, label, on_edit):
    """The code editor of static/js/code-editor.js: its text, set and read."""
    editor = types.SimpleNamespace(value=text)
    editor.text = lambda: editor.value
    editor.setText = lambda value: setattr(editor, "value", value)
    editor.goToLine = lambda line: None
    return editor


async def settle():
    for _ in range(100):
        await asyncio.sleep(0)


def readout(page):
    return page.text("status"), page.text("step-count"), page.text("cost-value")
