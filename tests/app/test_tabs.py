"""The view tabs (app/tabs.py) on a fake page: the ARIA tabs pattern (one tab selected and in the tab order, its
panel shown, the others hidden), Left/Right/Home/End, <html data-view>, and the callback only for the student's
picks. Oracles: the WAI-ARIA Authoring Practices' tabs pattern, written out by hand per state."""

import types

import pytest

import fake_dom
from app.tabs import Tabs

VIEWS = ("lab", "notebook")


class Page(fake_dom.Document):
    """A tablist of one tab per view (id "tab-<view>", aria-controls "view-<view>") and the panels."""

    def __init__(self, views=VIEWS):
        super().__init__()
        self.elements, self.focused = {}, []
        self.tablist = self.createElement("div")
        self.tablist.setAttribute("role", "tablist")
        for view in views:
            tab = self.createElement("button")
            tab.id = "tab-" + view
            tab.setAttribute("role", "tab")
            tab.setAttribute("aria-controls", "view-" + view)
            tab.props["focus"] = lambda tab=tab: self.focused.append(tab.id)
            label = tab.appendChild(self.createElement("span"))  # a click may land on the tab's text
            label.textContent = view.title()
            self.elements[tab.id] = self.tablist.appendChild(tab)
            self.elements["view-" + view] = self.createElement("section")
        self.documentElement = types.SimpleNamespace(dataset=types.SimpleNamespace())

    def querySelector(self, selector):
        return self.tablist if fake_dom.matches(self.tablist, selector) else None

    def getElementById(self, name):
        return self.elements.get(name)

    def tab(self, view):
        return self.elements["tab-" + view]

    def state(self):
        """Per view: (aria-selected, tabIndex, panel hidden); and <html data-view>."""
        views = [name[len("tab-") :] for name in self.elements if name.startswith("tab-")]
        return (
            {
                view: (
                    self.tab(view).getAttribute("aria-selected"),
                    self.tab(view).tabIndex,
                    self.elements["view-" + view].hidden,
                )
                for view in views
            },
            getattr(self.documentElement.dataset, "view", None),
        )


class Event:
    def __init__(self, target, key=None):
        self.target, self.key, self.prevented = target, key, False

    def preventDefault(self):
        self.prevented = True


def fire(element, kind, event):
    for name, handler in element.listeners:
        if name == kind:
            handler(event)
    return event


def selected(view, views=VIEWS):
    """The state of the page with view's tab selected, written out."""
    return ({v: ("true", 0, False) if v == view else ("false", -1, True) for v in views}, view)


@pytest.fixture
def page(monkeypatch):
    fake_dom.install(monkeypatch)
    return Page()


def open_tabs(page, view="lab"):
    picked = []
    tabs = Tabs(page, picked.append)
    tabs.show(view)
    return tabs, picked


def test_the_tabs_are_the_tablists_tabs_in_order(page):
    tabs, _picked = open_tabs(page)
    assert tabs.views == ["lab", "notebook"] and tabs.tabs == [page.tab("lab"), page.tab("notebook")]
    assert {kind for kind, _ in page.tablist.listeners} == {"click", "keydown"}
    assert len(page.tablist.listeners) == 2  # on the tablist, once: not one per tab


@pytest.mark.parametrize("view", VIEWS)
def test_show_selects_a_tab_and_shows_only_its_panel_without_a_callback(page, view):
    tabs, picked = open_tabs(page, view)
    assert page.state() == selected(view)
    other = "lab" if view == "notebook" else "notebook"
    tabs.show(other)
    assert page.state() == selected(other)
    assert picked == []  # show() is the page's own doing (a link, Back): nothing to save
    assert page.focused == []


def test_a_click_on_a_tab_picks_it(page):
    _tabs, picked = open_tabs(page)
    fire(page.tablist, "click", Event(page.tab("notebook")))
    assert page.state() == selected("notebook") and picked == ["notebook"]
    # a click on the tab's text is a click on the tab
    fire(page.tablist, "click", Event(page.tab("lab").children[0]))
    assert page.state() == selected("lab") and picked == ["notebook", "lab"]
    assert page.focused == []  # a click focuses the tab itself


def test_a_click_beside_the_tabs_does_nothing(page):
    _tabs, picked = open_tabs(page, "notebook")
    fire(page.tablist, "click", Event(page.tablist))
    assert page.state() == selected("notebook") and picked == []


@pytest.mark.parametrize(
    "start, key, view",
    [
        ("lab", "ArrowRight", "notebook"),
        ("notebook", "ArrowRight", "lab"),  # Right wraps from the last tab
        ("notebook", "ArrowLeft", "lab"),
        ("lab", "ArrowLeft", "notebook"),  # Left wraps from the first
        ("notebook", "Home", "lab"),
        ("lab", "Home", "lab"),
        ("lab", "End", "notebook"),
        ("notebook", "End", "notebook"),
    ],
)
def test_arrow_keys_home_and_end_pick_and_focus_a_tab(page, start, key, view):
    _tabs, picked = open_tabs(page, start)
    event = fire(page.tablist, "keydown", Event(page.tab(start), key))
    assert event.prevented  # the page does not scroll
    assert page.state() == selected(view)
    assert picked == [view] and page.focused == ["tab-" + view]


@pytest.mark.parametrize("key", ["ArrowDown", "ArrowUp", "Enter", " ", "Tab", "a"])
def test_other_keys_are_left_to_the_browser(page, key):
    _tabs, picked = open_tabs(page)
    event = fire(page.tablist, "keydown", Event(page.tab("lab"), key))
    assert not event.prevented and picked == [] and page.focused == []
    assert page.state() == selected("lab")


def test_keys_outside_a_tab_are_ignored(page):
    _tabs, picked = open_tabs(page)
    event = fire(page.tablist, "keydown", Event(page.tablist, "ArrowRight"))
    assert not event.prevented and picked == [] and page.state() == selected("lab")


def test_three_tabs_move_one_at_a_time(monkeypatch):
    fake_dom.install(monkeypatch)
    views = ("lab", "notebook", "glossary")
    page = Page(views)
    picked = []
    Tabs(page, picked.append).show("lab")
    for key, view in [
        ("ArrowRight", "notebook"),
        ("ArrowRight", "glossary"),
        ("ArrowRight", "lab"),
        ("ArrowLeft", "glossary"),
        ("ArrowLeft", "notebook"),
        ("End", "glossary"),
        ("Home", "lab"),
    ]:
        current = page.documentElement.dataset.view
        fire(page.tablist, "keydown", Event(page.tab(current), key))
        assert page.state() == selected(view, views), (key, view)
    assert picked == ["notebook", "glossary", "lab", "glossary", "notebook", "glossary", "lab"]
