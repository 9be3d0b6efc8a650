"""The page in Spanish and German (issue 22): each view at 360 px with no English text of the source catalog left
visible, axe-core content and nothing scrolling sideways; the browser's language picks the catalog, an unknown lang=
falls back to English with a note, and the language menu opens the page in another language with its settings.

"English left" is an element whose own text is, whole, an English message of locale/messages.pot (its placeholders
matching anything) that the language translates differently: what a person would see untranslated."""

import html
import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from guard import PageGuard
from labpage import expect_ready
from playwright.sync_api import expect
from test_accessibility import axe_violations, describe

ROOT = Path(__file__).resolve().parents[2]
RUNNER_TIMEOUT_MS = 120_000
PHONE = {"width": 360, "height": 740}
LANGUAGES = [code for code in json.loads((ROOT / "static" / "i18n" / "languages.json").read_text()) if code != "en"]

# Each visible element's own text, whitespace made one space: an element with a text node of its own gives its whole
# text (as the translation unit is the element); code, editors and translate="no" are left out.
VISIBLE_TEXTS = """() => {
  const texts = [];
  const skip = "code, pre, var, kbd, samp, [translate=no], .cm-editor, #editor, script, style";
  for (const element of document.body.querySelectorAll("*")) {
    if (element.closest(skip) || !element.checkVisibility({ visibilityProperty: true })) continue;
    const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.data.trim());
    if (own) texts.push(element.textContent.replace(/\\s+/g, " ").trim());
    for (const name of ["aria-label", "title", "placeholder"]) {
      if (element.hasAttribute(name)) texts.push(element.getAttribute(name).replace(/\\s+/g, " ").trim());
    }
  }
  return texts;
}"""


def catalog(language):
    return json.loads((ROOT / "static" / "i18n" / f"{language}.json").read_text(encoding="utf-8"))["messages"]


def plain(message):
    """A message as the page shows it: no tags, entities read, white space made one space."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", message))).strip()


def say(language, message):
    """The words the page shows for an English message in language."""
    return plain(catalog(language).get(message, message))


@pytest.fixture(scope="module")
def english():
    with open(ROOT / "locale" / "messages.pot", "rb") as file:
        return [message for message in read_po(file) if message.id and not message.context]


def untranslated_finder(language, messages):
    """text -> whether it is an English message this language says otherwise."""
    translated = catalog(language)
    exact, patterns = set(), []
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        translation = translated.get(ids[0])
        forms = translation if isinstance(translation, list) else [translation]
        for text in ids:
            shown = plain(text)
            if len(shown) < 3 or any(plain(form or "") == shown for form in forms):
                continue
            if re.search(r"\{[^{}]*\}", shown):
                parts = re.split(r"\{[^{}]*\}", shown)
                if not re.search(r"[A-Za-z]{3}", "".join(parts)):
                    continue  # placeholders and punctuation only ("{name}: {detail}"): it says nothing of its own
                patterns.append(".+?".join(re.escape(part) for part in parts))
            else:
                exact.add(shown)
    pattern = re.compile("|".join("(?:{})".format(p) for p in patterns)) if patterns else None
    return lambda text: text in exact or (pattern is not None and pattern.fullmatch(text) is not None)


def assert_in(page, language, english, where):
    left = untranslated_finder(language, english)
    texts = page.evaluate(VISIBLE_TEXTS)
    leftovers = sorted({text for text in texts if left(text)})
    assert leftovers == [], f"{where} in {language}: English left on screen: {leftovers}"
    violations = axe_violations(page)
    assert violations == [], f"{where} in {language}: axe-core found:\n{describe(violations)}"
    width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"{where} in {language}: the page scrolls sideways at 360 px ({width})"


def guarded(browser, site_url, **options):
    """A page of a new browser context made with options, guarded as the `page` fixture's is."""
    page = browser.new_context(**options).new_page()
    page.guard = PageGuard(page, site_url.rstrip("/"))
    return page


def finish(page):
    problems = page.guard.problems(page)
    page.context.close()
    assert not problems, "the page misbehaved:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_view_is_in_the_language_at_360_px(browser, site_url, language, english):
    page = guarded(browser, site_url, viewport=PHONE)
    try:
        page.goto(site_url + f"?lang={language}")
        expect_ready(page)
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.get_by_role("button", name=say(language, "Train"), exact=True)).to_be_enabled()
        assert_in(page, language, english, "the Lab")

        page.get_by_role("tab", name=say(language, "Notebook"), exact=True).click()
        expect(page.locator("#view-notebook .nb-gradient").first).to_be_attached(timeout=30_000)
        assert_in(page, language, english, "the Notebook")

        page.get_by_role("tab", name=say(language, "Exercises"), exact=True).click()
        expect(page.get_by_role("button", name=say(language, "Run"), exact=True)).to_be_enabled(
            timeout=RUNNER_TIMEOUT_MS
        )
        assert_in(page, language, english, "the Exercises")

        page.get_by_role("tab", name=say(language, "Many seeds"), exact=True).click()
        expect(page.get_by_role("tab", name=say(language, "Many seeds"), exact=True)).to_have_attribute(
            "aria-selected", "true"
        )
        assert_in(page, language, english, "Many seeds")
        assert "lang=" + language in page.url  # the link keeps the language
    finally:
        finish(page)


def test_the_browsers_language_picks_the_catalog(browser, site_url):
    page = guarded(browser, site_url, locale="de-AT")
    try:
        page.goto(site_url)
        expect_ready(page)
        expect(page.locator("html")).to_have_attribute("lang", "de")
        expect(page.get_by_role("button", name=say("de", "Train"), exact=True)).to_be_visible()
        assert "lang=" not in page.url  # chosen by the browser, not written into links
    finally:
        finish(page)


def test_an_unknown_language_falls_back_to_english_with_a_note(open_lab):
    page = open_lab("?lang=tlh&n_h=3")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Train", exact=True)).to_be_visible()
    expect(page.get_by_role("list", name="Messages")).to_contain_text("language tlh")


def test_the_language_menu_opens_the_page_in_another_language_with_its_settings_and_run(open_lab):
    page = open_lab("?n_h=3&seed=7")
    for _ in range(3):
        page.get_by_role("button", name="Step", exact=True).click()
    expect(page.get_by_label("Step", exact=True)).to_have_text("3")
    cost = page.get_by_label("Cost J", exact=True).inner_text()
    menu = page.get_by_role("combobox", name="Language", exact=True)
    expect(menu).to_have_value("en")
    menu.select_option(label="Español")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect_ready(page)
    assert re.search(r"[?&]lang=es(&|$)", page.url) and re.search(r"[?&]n_h=3(&|$)", page.url)
    expect(page.get_by_label(say("es", "Hidden units <var>n_h</var>"), exact=True)).to_have_value("3")
    expect(page.get_by_role("combobox", name=say("es", "Language"), exact=True)).to_have_value("es")
    # the run went with it (app/share/carry.py): its step and cost, not a new network's
    expect(page.get_by_label(say("es", "Step"), exact=True)).to_have_text("3")
    expect(page.get_by_label(say("es", "Cost <var>J</var>"), exact=True)).to_have_text(cost)
