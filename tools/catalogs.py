"""The page's catalogs: English source messages extracted by Babel, a .po file per language, compiled to JSON.

    .venv/bin/python tools/catalogs.py extract   # locale/messages.pot from py/, static/js/ and index.html
    .venv/bin/python tools/catalogs.py update    # each locale/<lang>/LC_MESSAGES/messages.po brought up to it
    .venv/bin/python tools/catalogs.py init xx   # a new language's .po, to translate
    .venv/bin/python tools/catalogs.py compile   # static/i18n/<lang>.json and languages.json, which the page reads

extract, update and init run Babel's command line (pybabel, a test requirement) with babel.cfg; compile reads each
.po with Babel. A compiled catalog is {"language", "name", "plural", "messages"}: "name" is the language's own name
(CLDR's, by Babel: the language menu's word for it), "plural" the .po's Plural-Forms as a Python expression of n, and
"messages" each translated English message (a list of forms for a plural one; gettext's "context\\x04message" key
for a message with a context). Fuzzy and untranslated messages are left out, so the page shows their English.
"""

import argparse
import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
TEMPLATE = LOCALE / "messages.pot"
OUT = ROOT / "static" / "i18n"
SOURCE, SOURCE_NAME = "en", "English"
CONTEXT_GLUE = "\x04"
PYBABEL = ROOT / ".venv" / "bin" / "pybabel"
EXTRACT_OPTIONS = (
    "--mapping-file=babel.cfg",
    "--keywords=_ N_ ngettext:1,2 pgettext:1c,2",
    "--add-comments=Translators:",
    "--add-location=file",
    "--sort-by-file",
    "--project=Backprop Lab",
    "--no-wrap",
)


class CatalogError(Exception):
    """A .po file or a plural rule that cannot be compiled."""


# --- the plural rule -----------------------------------------------------------------------------------------------


def plural_expression(plural_forms):
    """The Python expression of n that a Plural-Forms header's C expression computes:
    "nplurals=2; plural=(n != 1);" -> "(n != 1)"; C's ?: becomes Python's if/else, && and || and ! the words."""
    match = re.search(r"plural\s*=\s*([^;]+)", plural_forms or "")
    if not match:
        return "n != 1"
    c = match.group(1).strip()
    if not re.fullmatch(r"[n0-9\s()!=<>%&|?:+\-*/]+", c):
        raise CatalogError(f"cannot read the plural rule {c!r}")
    tokens = re.findall(r"n|\d+|&&|\|\||==|!=|<=|>=|[()!<>%?:+\-*/]", c)
    python, _ = _ternary(tokens, 0)
    ast.parse(python, mode="eval")
    return python


def _ternary(tokens, i):
    condition, i = _operators(tokens, i)
    if i < len(tokens) and tokens[i] == "?":
        then, i = _ternary(tokens, i + 1)
        if i >= len(tokens) or tokens[i] != ":":
            raise CatalogError("a plural rule's ? has no :")
        otherwise, i = _ternary(tokens, i + 1)
        return f"(({then}) if ({condition}) else ({otherwise}))", i
    return condition, i


def _operators(tokens, i):
    """A run of operands and C's binary and unary operators up to a ? or : or ) (precedence as Python's, which
    agrees with C's for these operators), the words spelled for Python."""
    out = []
    while i < len(tokens) and tokens[i] not in ("?", ":", ")"):
        token = tokens[i]
        if token == "(":
            inner, i = _ternary(tokens, i + 1)
            if i >= len(tokens) or tokens[i] != ")":
                raise CatalogError("a plural rule's ( has no )")
            out.append(f"({inner})")
        elif token == "&&":
            out.append(" and ")
        elif token == "||":
            out.append(" or ")
        elif token == "!":
            out.append(" not ")
        elif token == "/":
            out.append(" // ")
        else:
            out.append(token if token in ("n",) or token.isdigit() else f" {token} ")
        i += 1
    return "".join(out).strip(), i


# --- compiling -----------------------------------------------------------------------------------------------------


def compile_catalog(catalog):
    """The JSON-ready dict of a .po file that Babel read (see the module's docstring)."""
    if catalog.locale is None:
        raise CatalogError("the .po's header names no Language")
    language = str(catalog.locale).replace("_", "-")
    name = catalog.locale.get_display_name(catalog.locale)
    messages = {}
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or message.fuzzy or not all(strings):
            continue
        text = message.id[0] if isinstance(message.id, tuple) else message.id
        key = text if message.context is None else message.context + CONTEXT_GLUE + text
        messages[key] = list(strings) if isinstance(message.id, tuple) else strings[0]
    return {
        "language": language,
        "name": name[:1].upper() + name[1:],
        "plural": plural_expression("plural=" + catalog.plural_expr),
        "messages": dict(sorted(messages.items())),
    }


def read(path):
    from babel.messages.pofile import read_po

    with open(path, "rb") as file:
        return read_po(file)


def po_files(locale=LOCALE):
    return sorted(locale.glob("*/LC_MESSAGES/messages.po"))


def compiled(locale=LOCALE):
    """{file name: text} of the compiled catalogs and languages.json."""
    files, languages = {}, {SOURCE: SOURCE_NAME}
    for path in po_files(locale):
        catalog = compile_catalog(read(path))
        languages[catalog["language"]] = catalog["name"]
        files[catalog["language"] + ".json"] = json.dumps(catalog, ensure_ascii=False, separators=(",", ":")) + "\n"
    files["languages.json"] = json.dumps(languages, ensure_ascii=False) + "\n"
    return files


def write_compiled(locale=LOCALE, out=OUT):
    """Write the compiled catalogs into out (removing any of a language no longer there); returns the names."""
    out.mkdir(parents=True, exist_ok=True)
    files = compiled(locale)
    for stale in out.glob("*.json"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return sorted(files)


# --- Babel ---------------------------------------------------------------------------------------------------------


def pybabel(*args):
    """Run Babel's command line from the repository's root, with tools/ importable (babel.cfg's HTML extractor)."""
    program = str(PYBABEL) if PYBABEL.exists() else "pybabel"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "tools"))
    subprocess.run([program, *args], cwd=ROOT, env=env, check=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("extract", "update", "init", "compile"))
    parser.add_argument("language", nargs="?", help="for init: the new language's code (fr, pt_BR)")
    args = parser.parse_args(argv)
    if args.command == "extract":
        pybabel("extract", *EXTRACT_OPTIONS, f"--output-file={TEMPLATE.relative_to(ROOT)}", ".")
    elif args.command == "update":
        pybabel("update", f"--input-file={TEMPLATE.relative_to(ROOT)}", "--output-dir=locale", "--no-wrap")
    elif args.command == "init":
        if not args.language:
            parser.error("init needs the new language's code")
        pybabel("init", f"--input-file={TEMPLATE.relative_to(ROOT)}", "--output-dir=locale", "-l", args.language)
    else:
        try:
            for name in write_compiled():
                print(f"static/i18n/{name}")
        except CatalogError as err:
            sys.exit(f"catalogs: {err}")


if __name__ == "__main__":
    main()
