"""Which Chromium the end-to-end tests and the benchmarks drive, and how it is started."""

import os
import shutil
from pathlib import Path

DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium phones home at start; on a closed network that is noise, not a page request.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def executable(playwright):
    """BACKPROP_LAB_CHROMIUM, else Playwright's own Chromium where installed (None), else Debian's."""
    chosen = os.environ.get("BACKPROP_LAB_CHROMIUM")
    if chosen:
        return chosen
    if Path(playwright.chromium.executable_path).exists():
        return None
    if shutil.which(DEBIAN_CHROMIUM):
        return DEBIAN_CHROMIUM
    raise RuntimeError(
        "No Chromium: install Debian's chromium, run `playwright install chromium`, "
        "or set BACKPROP_LAB_CHROMIUM to a Chromium binary."
    )


def launch(playwright):
    return playwright.chromium.launch(executable_path=executable(playwright), args=ARGS)
