"""A tiny stand-in for the browser's `js` and `pyodide.ffi` modules, enough to run the plot classes'
DOM code under CPython and count what they write. Not a DOM: only what the classes call."""

import types


class ClassList:
    def __init__(self):
        self.names = []

    def add(self, *names):
        self.names += [n for n in names if n not in self.names]


class Style:
    def __init__(self, element):
        object.__setattr__(self, "_element", element)
        object.__setattr__(self, "values", {})

    def __setattr__(self, name, value):
        self._element.log.append(("style." + name, value))
        self.values[name] = value

    def __getattr__(self, name):
        return self.values.get(name, "")


class Element:
    def __init__(self, tag, log):
        object.__setattr__(self, "props", {"tag": tag, "children": [], "attributes": {},
                                           "listeners": [], "textContent": ""})
        object.__setattr__(self, "log", log)
        object.__setattr__(self, "classList", ClassList())
        object.__setattr__(self, "style", Style(self))

    # properties written as attributes (textContent, className, hidden, id) are logged
    def __setattr__(self, name, value):
        self.log.append((name, value))
        self.props[name] = value

    def __getattr__(self, name):
        props = object.__getattribute__(self, "props")
        if name in props:
            return props[name]
        if name in ("id",):
            return ""
        raise AttributeError(name)

    def setAttribute(self, name, value):
        self.log.append(("@" + name, value))
        self.props["attributes"][name] = value

    def getAttribute(self, name):
        return self.props["attributes"].get(name)

    def removeAttribute(self, name):
        self.props["attributes"].pop(name, None)

    def appendChild(self, child):
        self.props["children"].append(child)
        return child

    def replaceChildren(self, *children):
        self.props["children"] = list(children)

    def addEventListener(self, event, handler):
        self.props["listeners"].append((event, handler))

    def removeEventListener(self, event, handler):
        self.props["listeners"].remove((event, handler))

    def walk(self):
        yield self
        for child in self.props["children"]:
            yield from child.walk()


class Document:
    def __init__(self):
        self.log = []

    def createElement(self, tag):
        return Element(tag, self.log)

    def createElementNS(self, namespace, tag):
        return Element(tag, self.log)

    def createDocumentFragment(self):
        return Element("#fragment", self.log)


class Proxy:
    def __init__(self, function):
        self.function = function

    def __call__(self, *args):
        return self.function(*args)

    def destroy(self):
        pass


def install(monkeypatch):
    """Put fake `js`, `pyodide` and `pyodide.ffi` modules in sys.modules; returns the fake document."""
    document = Document()
    js = types.ModuleType("js")
    js.document = document
    js.window = types.SimpleNamespace(devicePixelRatio=1, innerWidth=1024)
    js.timers = []

    def set_timeout(callback, ms):
        js.timers.append((callback, ms))
        return len(js.timers)

    js.setTimeout = set_timeout
    js.clearTimeout = lambda handle: None
    pyodide = types.ModuleType("pyodide")
    ffi = types.ModuleType("pyodide.ffi")
    ffi.create_proxy = Proxy
    ffi.to_js = lambda value: value
    pyodide.ffi = ffi
    monkeypatch.setitem(__import__("sys").modules, "js", js)
    monkeypatch.setitem(__import__("sys").modules, "pyodide", pyodide)
    monkeypatch.setitem(__import__("sys").modules, "pyodide.ffi", ffi)
    document.js = js
    return document
