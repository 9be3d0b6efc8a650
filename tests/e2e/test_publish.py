"""The published site: the folder `make site` writes, served alone under a sub-path as a project site is
(http://host/course/backprop-lab/), works; and embedded with ?embed=1 in an iframe of a page on another
origin, the compact layout fits 800 x 520 and the lab trains in it."""

import json
import re
import struct
from pathlib import Path

import pytest
from guard import PageGuard
from labpage import READY_TIMEOUT_MS, button, expect_ready, field, readout, step_count, wait_for_step_at_least
from playwright.sync_api import expect

import build_site
import serve

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results"
PREFIX = "/course/backprop-lab/"
FRAME = "iframe[title='Backprop Lab']"
FIELDS = (
    "Speed",
    "Learning rate",
    "Hidden units n_h",
    "Hidden activation",
    "Cost",
    "Seed",
    "Truth table",
    "Notebook mode",
    "Log scale for the cost",
)


def origin_of(url):
    return re.match(r"https?://[^/]+", url)[0]


@pytest.fixture(scope="module")
def published_url(tmp_path_factory):
    """The built site, alone, served under PREFIX on a free port."""
    site = tmp_path_factory.mktemp("published") / "site"
    build_site.build(site)
    server, url = serve.start(site, prefix=PREFIX)
    assert url.endswith(PREFIX)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def host_url(tmp_path_factory, published_url):
    """A page on another origin (another port) that embeds the lab as the README tells."""
    folder = tmp_path_factory.mktemp("host")
    (folder / "host.html").write_text(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title>
<link rel="icon" href="data:,">
<style>body {{ margin: 0; }} iframe {{ display: block; border: 0; }}</style></head>
<body>
<iframe src="{published_url}?embed=1" title="Backprop Lab" width="800" height="520"
        sandbox="allow-scripts allow-same-origin"></iframe>
</body></html>
""")
    server, url = serve.start(folder)
    assert origin_of(url) != origin_of(published_url)
    yield url + "host.html"
    server.shutdown()


def guarded_page(browser, origin, also=()):
    context = browser.new_context(service_workers="block")  # so that the guard sees every request
    page = context.new_page()
    page.guard = PageGuard(page, origin, also)
    return page


def finish(page, frame=None):
    problems = page.guard.problems(page)
    if frame is not None:  # the guard looks for PyScript's error banner in the top page only
        problems += [
            f"PyScript error banner in the frame: {text}" for text in frame.locator(".py-error").all_inner_texts()
        ]
    page.context.close()
    assert not problems, "the page misbehaved:\n" + "\n".join(problems)


def test_the_built_site_served_alone_under_a_sub_path_starts_and_trains(browser, published_url):
    page = guarded_page(browser, origin_of(published_url))
    page.goto(published_url.rstrip("/"))  # as a person types it: the server adds the slash
    assert page.url == published_url
    expect_ready(page)
    assert page.url.startswith(published_url + "?")  # the settings link stays under the sub-path
    button(page, "Train").click()
    wait_for_step_at_least(page, 200)
    button(page, "Pause").click()
    expect(readout(page, "Status")).to_have_text("paused")
    assert step_count(page) >= 200
    finish(page)


def in_view(frame, selector):
    """Whether the element lies wholly inside the frame's viewport with the frame not scrolled."""
    return frame.evaluate(
        """(selector) => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return scrollX === 0 && scrollY === 0 && box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
            && box.bottom <= innerHeight && box.right <= innerWidth;
    }""",
        selector,
    )


def test_embedded_in_another_origins_page_it_fits_800_by_520_and_trains(browser, published_url, host_url):
    page = guarded_page(browser, origin_of(host_url), also=[origin_of(published_url)])
    page.set_viewport_size({"width": 800, "height": 520})
    page.goto(host_url)
    lab = page.frame_locator(FRAME)
    expect(lab.locator("html[data-app-state=ready]")).to_be_attached(timeout=READY_TIMEOUT_MS)
    expect(lab.locator("html")).to_have_attribute("data-embed", "true")
    frame = next(frame for frame in page.frames if frame.url.startswith(published_url))
    assert frame.evaluate("[innerWidth, innerHeight]") == [800, 520]

    # Compact: no lede or footer, the title for screen readers only; every control still there and usable.
    expect(lab.locator(".lede")).to_be_hidden()
    expect(lab.get_by_role("heading", level=1, name="Backprop Lab")).to_be_attached()
    expect(lab.locator(".page-footer")).to_be_hidden()
    for label in FIELDS:
        expect(field(lab, label)).to_be_visible()
        expect(field(lab, label)).to_be_enabled()
    for name in ("Train", "Step", "Reset"):
        expect(button(lab, name)).to_be_visible()
    for selector in ("#train", "#step-count", "#cost-chart"):
        assert in_view(frame, selector), f"{selector} is not visible in the 800 x 520 frame without scrolling"

    button(lab, "Train").click()
    wait_for_step_at_least(frame, 300)
    button(lab, "Pause").click()
    expect(readout(lab, "Status")).to_have_text("paused")
    assert step_count(frame) >= 300
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "embed-800x520.png"  # after some training, for a person to look at
    page.locator(FRAME).screenshot(path=str(path))
    assert struct.unpack(">II", path.read_bytes()[16:24]) == (800, 520)

    history = page.evaluate("history.length")
    field(lab, "Hidden units n_h").fill("4")
    field(lab, "Hidden units n_h").press("Enter")
    expect(lab.get_by_role("list", name="Messages").get_by_role("listitem")).to_have_text(
        ["Hidden units changed: the network was reset to step 0."]
    )
    assert re.search(r"[?&]n_h=4(&|$)", frame.url) and "embed=true" in frame.url  # the frame's link, kept
    # ... by replacing the frame's address: a new entry would make the host page's Back undo the setting.
    assert page.evaluate("history.length") == history
    finish(page, lab)


def test_embed_shows_a_links_messages_and_a_bad_embed_value_keeps_the_full_page(browser, published_url):
    page = guarded_page(browser, origin_of(published_url))
    page.set_viewport_size({"width": 800, "height": 520})
    page.goto(published_url + "?embed=1&n_h=99")
    expect_ready(page)
    message = page.get_by_role("list", name="Messages").get_by_role("listitem")
    expect(message).to_have_count(1)
    expect(message).to_be_visible()
    expect(message).to_contain_text("n_h was ignored")
    expect(page.locator(".lede")).to_be_hidden()

    page.goto(published_url + "?embed=maybe")
    expect_ready(page)
    expect(page.locator("html")).to_have_attribute("data-embed", "false")
    expect(page.locator(".lede")).to_be_visible()
    expect(message).to_contain_text("embed was ignored")
    finish(page)


def test_the_embed_tests_guard_allows_the_two_origins_only_and_hears_the_frame(browser, published_url, host_url):
    page = guarded_page(browser, origin_of(host_url), also=[origin_of(published_url)])
    page.goto(host_url)
    frame = page.frame_locator(FRAME)
    expect(frame.locator("#train")).to_be_attached()
    inner = next(frame for frame in page.frames if frame.url.startswith(published_url))
    inner.evaluate(
        """async (favicon) => {
        await fetch(favicon);
        await fetch("http://127.0.0.1:9/third-origin").catch(() => {});
        console.error("deliberate console error in the frame");
    }""",
        published_url + "static/img/favicon.svg",
    )
    # The host page has no policy of its own: its request to a third origin is aborted and listed.
    page.evaluate("() => fetch('http://127.0.0.1:9/from-the-host').catch(() => {})")
    page.guard.allow_console_error(
        r"^Connecting to 'http://127\.0\.0\.1:9/third-origin' violates the following "
        r"Content Security Policy directive: \"connect-src 'self'\""
    )
    problems = page.guard.problems(page)
    page.context.close()
    assert "console error: deliberate console error in the frame" in problems
    # The lab's policy refuses the frame's request to a third origin before it leaves, and the guard hears it.
    assert "Content-Security-Policy violation: connect-src refused http://127.0.0.1:9/third-origin" in problems
    assert "request left the origin: http://127.0.0.1:9/from-the-host" in problems
    assert not any("favicon" in problem for problem in problems)


def embedded(browser, host_url, published_url, query):
    """(the host page at 800 x 520, guarded for both origins, its frame) with the frame at the lab's link query,
    once the lab in it is ready."""
    page = guarded_page(browser, origin_of(host_url), also=[origin_of(published_url)])
    page.set_viewport_size({"width": 800, "height": 520})
    page.goto(host_url)
    page.evaluate("url => { document.querySelector('iframe').src = url; }", published_url + query)
    lab = page.frame_locator(FRAME)
    expect(lab.locator("html[data-app-state=ready]")).to_be_attached(timeout=READY_TIMEOUT_MS)
    return page, lab


def test_embedded_with_view_notebook_the_frame_opens_the_notebook(browser, published_url, host_url):
    page, lab = embedded(browser, host_url, published_url, "?view=notebook&embed=1")
    expect(lab.get_by_role("tab", name="Notebook")).to_have_attribute("aria-selected", "true")
    panel = lab.get_by_role("tabpanel", name="Notebook")
    expect(panel.get_by_text(re.compile(r"^Worked through for the network at step 0,"))).to_be_visible(timeout=30_000)
    expect(panel).to_contain_text("8 of 8 gradients right.")
    frame = next(frame for frame in page.frames if frame.url.startswith(published_url))
    assert frame.evaluate("document.documentElement.scrollWidth") <= 800
    finish(page, lab)


def test_embedded_a_lesson_link_hides_locks_and_opens_its_view(browser, published_url, host_url):
    page, lab = embedded(
        browser, host_url, published_url, "?embed=1&n_h=3&hide=seed,table,tabs&lock=n_h,reset&view=notebook"
    )
    expect(lab.get_by_role("tabpanel", name="Notebook")).to_be_visible()
    expect(lab.get_by_role("tablist")).to_be_hidden()
    for label in ("Seed", "Truth table"):
        expect(field(lab, label)).to_be_hidden()
    expect(field(lab, "Hidden units n_h")).to_be_disabled()
    expect(field(lab, "Hidden units n_h")).to_have_value("3")
    expect(button(lab, "Reset")).to_be_disabled()
    button(lab, "Step").click()
    expect(readout(lab, "Step")).to_have_text("1")
    finish(page, lab)


def test_embedded_a_lesson_link_with_lang_de_is_in_german(browser, published_url, host_url):
    german = json.loads((ROOT / "static" / "i18n" / "de.json").read_text(encoding="utf-8"))["messages"]
    page, lab = embedded(browser, host_url, published_url, "?embed=1&lang=de&n_h=3&lock=n_h,reset")
    expect(lab.locator("html")).to_have_attribute("lang", "de")
    expect(lab.get_by_role("combobox", name=german["Language"])).to_be_hidden()  # embedded: the link chooses
    expect(button(lab, german["Reset"])).to_be_disabled()
    button(lab, german["Step"]).click()
    expect(readout(lab, german["Step"])).to_have_text("1")
    frame = next(frame for frame in page.frames if frame.url.startswith(published_url))
    assert re.search(r"[?&]lang=de(&|$)", frame.url)  # the frame's link keeps the language
    finish(page, lab)
