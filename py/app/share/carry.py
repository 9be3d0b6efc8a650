"""The run goes with the page into another language: the language menu (static/js/i18n.js) opens the page anew in
the language picked, and the run on screen (its steps, cost history and parameters) would be lost with the old
page. So the menu asks here first: the run, saved as Save / export saves it, waits in this tab's sessionStorage, and
the new page takes it in as an imported run once its model is ready. Settings and points are in the link anyway;
a run that cannot be kept (storage full or off) leaves the page to switch without it."""

CARRY_KEY = "backprop-lab-carried-run"


def offer(context):
    """Tell static/js/i18n.js that the page's Python carries the run (window.backpropSwitchLanguage)."""
    from pyscript.ffi import create_proxy

    context.window.backpropSwitchLanguage = create_proxy(lambda url: context.later(switch(context, url)))
    context.subscribe("model ready", lambda: context.later(take(context)))


async def switch(context, url):
    try:
        if context.ready:
            context.pause()
            _name, text = await context.model.export_file("json")
            context.window.sessionStorage.setItem(CARRY_KEY, text)
    except Exception:  # the run is not carried; the page still switches, as the student asked
        pass
    context.window.location.assign(url)


async def take(context):
    """The carried run, if any, on screen (once: it leaves the storage)."""
    storage = context.window.sessionStorage
    text = storage.getItem(CARRY_KEY)
    if not text:
        return
    storage.removeItem(CARRY_KEY)
    from app.door import Refused
    from app.share.importer import show_run

    try:
        snap, surface, learning_rate_text = await context.model.import_run(text, context.request())
    except Refused:  # a run the new page cannot take (it never should): the page starts afresh
        return
    show_run(context, snap, surface, learning_rate_text)
