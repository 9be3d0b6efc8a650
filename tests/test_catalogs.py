"""The catalogs (tools/catalogs.py, README "Translations"): the source catalog holds every message the code and the
page use, every language's .po translates each of them, placeholders and markup agree, and the compiled JSON the
page reads is the .po's. Babel, the standard tool, extracts afresh and reads each .po."""

import ast
import re
import subprocess

import pytest
from babel.messages.pofile import read_po

import catalogs

ROOT = catalogs.ROOT
PO_FILES = catalogs.po_files()
# The calls whose texts must be literals; _() also takes a constant's value, marked where it is written with N_().
CALLS = {"N_": 1, "ngettext": 2, "pgettext": 2}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
# Markup attributes a translation must keep as they are (they are read by the page's code and style).
KEPT_ATTRIBUTES = re.compile(r'\b(?:class|id|href|for|data-[a-z-]+)="[^"]*"')


def babel_catalog(path):
    with open(path, "rb") as file:
        return read_po(file)


def keys(catalog):
    return {
        (message.context, message.id if isinstance(message.id, str) else message.id[0])
        for message in catalog
        if message.id
    }


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory):
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [str(catalogs.PYBABEL), "extract", *catalogs.EXTRACT_OPTIONS, f"--output-file={out}", "."],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "tools"), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    return babel_catalog(out)


def test_the_source_catalog_holds_every_message_of_the_code_and_the_page(fresh_template):
    committed = keys(babel_catalog(catalogs.TEMPLATE))
    fresh = keys(fresh_template)
    assert sorted(fresh - committed, key=str) == [], "run: python3 tools/catalogs.py extract, then update"
    assert sorted(committed - fresh, key=str) == [], "messages no longer used: run python3 tools/catalogs.py extract"
    assert len(fresh) > 300


def test_every_marked_text_in_py_is_a_literal_the_extractor_can_read():
    bad = []
    for path in sorted((ROOT / "py").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CALLS:
                args = node.args[: CALLS[node.func.id]]
                if len(args) < CALLS[node.func.id] or not all(
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in args
                ):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bad == []


def test_there_are_spanish_and_german_catalogs():
    assert {path.parts[-3] for path in PO_FILES} >= {"es", "de"}


@pytest.mark.parametrize("path", PO_FILES, ids=lambda path: path.parts[-3])
def test_each_language_translates_every_message_and_no_other(path, fresh_template):
    catalog = babel_catalog(path)
    assert keys(catalog) == keys(fresh_template)
    untranslated = [
        message.id
        for message in catalog
        if message.id and (not message.string or (isinstance(message.string, tuple) and not all(message.string)))
    ]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert untranslated == [] and fuzzy == []
    assert catalog.locale_identifier == path.parts[-3]


def markup(text):
    return sorted(TAG.findall(text)), sorted(KEPT_ATTRIBUTES.findall(text))


@pytest.mark.parametrize("path", PO_FILES, ids=lambda path: path.parts[-3])
def test_placeholders_and_markup_agree_between_source_and_translation(path):
    wrong = []
    for message in babel_catalog(path):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        placeholders = set(PLACEHOLDER.findall(sources[-1]))
        for translation in translations:
            if set(PLACEHOLDER.findall(translation)) != placeholders:
                wrong.append(("placeholders", sources[0], translation))
            if markup(translation) != markup(sources[0]):
                wrong.append(("markup", sources[0], translation))
    assert wrong == []


def test_the_compiled_catalogs_are_the_po_files():
    expected = catalogs.compiled()
    written = {path.name: path.read_text(encoding="utf-8") for path in catalogs.OUT.glob("*.json")}
    assert written == expected, "run: python3 tools/catalogs.py compile"


def test_a_compiled_catalog_leaves_out_fuzzy_and_untranslated_messages_and_reads_its_header(tmp_path):
    po = r"""
msgid ""
msgstr ""
"Language: de\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#. Translators: a button
#: index.html
msgid "Train"
msgstr "Trainieren"

#, fuzzy
msgid "Step"
msgstr "Schritt"

msgid "Reset"
msgstr ""

msgctxt "stage"
msgid "Forward"
msgstr "Vorwärts"

msgid "{n} point"
msgid_plural "{n} points"
msgstr[0] "{n} Punkt"
msgstr[1] "{n} "
"Punkte"

msgid "A \"quoted\"\n"
"text"
msgstr "Ein „zitierter“\nText"

#~ msgid "Old"
#~ msgstr "Alt"
"""
    path = tmp_path / "messages.po"
    path.write_text(po, encoding="utf-8")
    catalog = catalogs.compile_catalog(catalogs.read(path))
    assert catalog == {
        "language": "de",
        "name": "Deutsch",
        "plural": "(n != 1)",
        "messages": {
            'A "quoted"\ntext': "Ein „zitierter“\nText",
            "Train": "Trainieren",
            "stage\x04Forward": "Vorwärts",
            "{n} point": ["{n} Punkt", "{n} Punkte"],
        },
    }


def test_a_plural_rule_that_is_not_gettexts_arithmetic_is_refused():
    with pytest.raises(catalogs.CatalogError, match="plural rule"):
        catalogs.plural_expression("nplurals=2; plural=__import__('os').getpid();")
