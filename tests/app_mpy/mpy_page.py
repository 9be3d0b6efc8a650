"""A tiny page for the checks of the context (check_page.py, check_notebook.py): a document, a window whose history
records the links, and a view (mpy_page.View) that records what it is told. Plain Python for MicroPython."""

LOG = []


class Dataset:
    pass


class Root:
    def __init__(self):
        self.dataset = Dataset()


class Document:
    def __init__(self):
        self.documentElement = Root()


class Location:
    def __init__(self, search):
        self.search, self.hash = search, ""


class History:
    def __init__(self, window):
        self.window, self.pushed, self.replaced = window, [], []

    def pushState(self, state, title, url):
        self.pushed.append(url)
        self.window.location.search = url

    def replaceState(self, state, title, url):
        self.replaced.append(url)
        self.window.location.search = url


class Window:
    def __init__(self, search):
        self.location = Location(search)
        self.history = History(self)


class View:
    def __init__(self, context):
        self.context = context
        LOG.append("made")
        context.subscribe("snapshot", lambda snap, surface, plots: LOG.append(("snapshot", snap["step"], plots)))

    def open(self):
        LOG.append("open")

    def model_ready(self):
        LOG.append("model ready")
