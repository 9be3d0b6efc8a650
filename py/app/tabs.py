"""The view tabs, as the ARIA tabs pattern has them: one tab selected and in the tab order; Left and
Right (and Home and End) move to another tab and show its panel; each tab shows its panel, hides the
others and names the view on <html data-view>, for the stylesheet's layout of that view."""


class Tabs:
    def __init__(self, document, on_select):
        """on_select(view): called when the student picks a tab; the view is the tab's id without "tab-"."""
        self.document, self.on_select = document, on_select
        self.tablist = document.querySelector('[role="tablist"]')
        tabs = self.tablist.querySelectorAll('[role="tab"]')
        self.tabs = [tabs[i] for i in range(tabs.length)]
        self.views = [tab.id[len("tab-") :] for tab in self.tabs]
        self.tablist.addEventListener("click", self._on_click)
        self.tablist.addEventListener("keydown", self._on_key)

    def show(self, view):
        """Select view's tab and show its panel (no callback)."""
        for tab, name in zip(self.tabs, self.views):
            selected = name == view
            tab.setAttribute("aria-selected", "true" if selected else "false")
            tab.tabIndex = 0 if selected else -1
            self.document.getElementById(tab.getAttribute("aria-controls")).hidden = not selected
        self.document.documentElement.dataset.view = view

    def _pick(self, index, focus=False):
        view = self.views[index % len(self.views)]
        self.show(view)
        if focus:
            self.tabs[self.views.index(view)].focus()
        self.on_select(view)

    def _on_click(self, event):
        tab = event.target.closest('[role="tab"]')
        if tab is not None:
            self._pick(self.views.index(tab.id[len("tab-") :]))

    def _on_key(self, event):
        tab = event.target.closest('[role="tab"]')
        if tab is None:
            return
        index = self.views.index(tab.id[len("tab-") :])
        moves = {"ArrowRight": index + 1, "ArrowLeft": index - 1, "Home": 0, "End": len(self.views) - 1}
        if event.key in moves:
            event.preventDefault()
            self._pick(moves[event.key], focus=True)
