"""A tiny stand-in for the browser's `js` module and PyScript's `pyscript.ffi` (and the older `pyodide.ffi`),
enough to run the page classes' DOM code under CPython and count what they write. Not a DOM: only what
the classes call."""

import types


class ClassList:
    def __init__(self):
        self.names = []

    def add(self, *names):
        self.names += [n for n in names if n not in self.names]

    def remove(self, *names):
        self.names = [n for n in self.names if n not in names]

    def contains(self, name):
        return name in self.names


class NodeList:
    """What querySelectorAll returns: .length and indexing, as JavaScript reads a NodeList."""

    def __init__(self, items):
        self.items = list(items)

    @property
    def length(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]


def matches(element, selector):
    """Whether element matches a selector of one of the forms tag, [name] and [name="value"], or a list of them
    separated by commas (enough for the page's queries)."""
    if "," in selector and not selector.startswith("["):
        return any(matches(element, part.strip()) for part in selector.split(","))
    if not selector.startswith("["):
        return element.tag == selector
    name, _, value = selector[1:-1].partition("=")
    if name not in element.attributes:
        return False
    return not value or element.attributes[name] == value.strip('"')


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
        object.__setattr__(
            self, "props", {"tag": tag, "children": [], "attributes": {}, "listeners": [], "textContent": ""}
        )
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
        child.props["parentNode"] = self
        return child

    append = appendChild

    @property
    def parentElement(self):
        return self.props.get("parentNode")

    def after(self, node):
        """Records the node put after this one (its parent's children are not changed)."""
        self.props["followed_by"] = node

    # click, focus and remove: a test may give an element its own, in props
    def click(self):
        self.props["click"]() if "click" in self.props else self.log.append(("click", self))

    def focus(self):
        self.props["focus"]() if "focus" in self.props else self.log.append(("focus", self))

    def replaceWith(self, node):
        parent = self.props["parentNode"]
        children = parent.props["children"]
        children[children.index(self)] = node
        node.props["parentNode"] = parent

    def querySelector(self, selector):
        found = self.querySelectorAll(selector)
        return found[0] if found.length else None

    @property
    def lastChild(self):
        return self.props["children"][-1] if self.props["children"] else None

    def remove(self):
        if "remove" in self.props:
            return self.props["remove"]()
        parent = self.props.pop("parentNode", None)
        if parent is not None:
            parent.props["children"].remove(self)
        return None

    def replaceChildren(self, *children):
        self.props["children"] = list(children)
        for child in children:
            child.props["parentNode"] = self

    def closest(self, selector):
        """This element or its nearest ancestor that matches selector (see matches), else None."""
        element = self
        while element is not None:
            if matches(element, selector):
                return element
            element = element.props.get("parentNode")
        return None

    def querySelectorAll(self, selector):
        """The descendants (appended with appendChild, not written as innerHTML) that match selector."""
        return NodeList(element for element in self.walk() if element is not self and matches(element, selector))

    def addEventListener(self, event, handler):
        self.props["listeners"].append((event, handler))

    def removeEventListener(self, event, handler):
        self.props["listeners"].remove((event, handler))

    def walk(self):
        yield self
        for child in self.props["children"]:
            yield from child.walk()


class ImageData:
    def __init__(self, width, height):
        self.width, self.height = width, height
        self.data = PixelArray(width * height * 4)


class PixelArray:
    """ImageData.data: set() copies bytes in."""

    def __init__(self, size):
        self.bytes = bytes(size)

    def set(self, source):
        source = bytes(source)
        assert len(source) == len(self.bytes), (len(source), len(self.bytes))
        self.bytes = source


class Context2D:
    """A canvas's 2D context: records every method call as (name, args) and every property set as
    ("=name", value), in order."""

    def __init__(self):
        object.__setattr__(self, "calls", [])

    def __setattr__(self, name, value):
        self.calls.append(("=" + name, value))

    def __getattr__(self, name):
        def method(*args):
            self.calls.append((name, args))
            if name == "createImageData":
                return ImageData(*args)
            return None

        return method

    def called(self, name):
        """The arguments of every call of method name."""
        return [args for call, args in self.calls if call == name]


class MessageList:
    """A <ul> as Readouts.note uses it: prepend, children.length and lastElementChild.remove()."""

    def __init__(self):
        self.items = []

    def prepend(self, item):
        self.items.insert(0, item)
        item.props["remove"] = lambda: self.items.remove(item)

    @property
    def children(self):
        return types.SimpleNamespace(length=len(self.items))

    @property
    def lastElementChild(self):
        return self.items[-1]

    def texts(self):
        return [item.textContent for item in self.items]


class Document:
    def __init__(self):
        self.log = []
        self.documentElement = types.SimpleNamespace(dataset=types.SimpleNamespace())

    def createElement(self, tag):
        element = Element(tag, self.log)
        element.props["ownerDocument"] = self
        if tag == "canvas":  # not laid out (clientWidth 0) until a test gives it a size
            context = Context2D()
            element.props.update(
                width=300, height=150, clientWidth=0, clientHeight=0, context=context, getContext=lambda kind: context
            )
        return element

    def createElementNS(self, namespace, tag):
        return Element(tag, self.log)

    def createTextNode(self, text):
        node = Element("#text", self.log)
        node.props["textContent"] = text
        return node

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
    """Put fake `js`, `pyscript`, `pyscript.ffi`, `pyodide` and `pyodide.ffi` modules in sys.modules;
    returns the fake document (its .js is the fake `js` module)."""
    document = Document()
    js = types.ModuleType("js")
    js.document = document
    js.window = types.SimpleNamespace(devicePixelRatio=1, innerWidth=1024)
    js.timers = []

    def set_timeout(callback, ms):
        js.timers.append((callback, ms))
        return len(js.timers)

    js.setTimeout = set_timeout
    js.Path2D = types.SimpleNamespace(new=lambda d: ("Path2D", d))
    js.Uint8ClampedArray = types.SimpleNamespace(new=lambda data: bytes(data))
    js.clearTimeout = lambda handle: None
    pyodide = types.ModuleType("pyodide")
    ffi = types.ModuleType("pyodide.ffi")
    ffi.create_proxy = Proxy
    ffi.to_js = lambda value, **options: value
    pyodide.ffi = ffi
    pyscript = types.ModuleType("pyscript")
    pyscript.__path__ = []  # a package, so that `from pyscript.ffi import ...` finds the submodule
    pyscript_ffi = types.ModuleType("pyscript.ffi")
    pyscript_ffi.create_proxy = Proxy
    pyscript_ffi.to_js = lambda value, **options: value
    pyscript.ffi = pyscript_ffi
    pyscript.document, pyscript.window = document, js.window
    pyscript.handlers = []  # (event, selector, handler) of @when

    def when(event, selector):
        def register(handler):
            pyscript.handlers.append((event, selector, handler))
            return handler

        return register

    pyscript.when = when
    modules = __import__("sys").modules
    for name, module in (
        ("js", js),
        ("pyodide", pyodide),
        ("pyodide.ffi", ffi),
        ("pyscript", pyscript),
        ("pyscript.ffi", pyscript_ffi),
    ):
        monkeypatch.setitem(modules, name, module)
    document.js = js
    return document
