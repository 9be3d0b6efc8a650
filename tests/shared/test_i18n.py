"""shared/i18n.py under CPython (tests/app_mpy/check_i18n.py runs the same under MicroPython): the compiled
catalogs of the repository load, and each plural rule picks the form gettext's own reading of the .po would."""

import gettext
import json

import pytest

import catalogs
from shared import i18n


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.load("")


@pytest.mark.parametrize("path", sorted(catalogs.OUT.glob("*.json")), ids=lambda path: path.name)
def test_each_compiled_catalog_loads(path):
    if path.name == "languages.json":
        return
    text = path.read_text(encoding="utf-8")
    i18n.load(text)
    catalog = json.loads(text)
    assert i18n.language() == catalog["language"] == path.stem
    singular = [key for key, value in catalog["messages"].items() if isinstance(value, str) and "\x04" not in key]
    assert singular, "a catalog with no messages"
    for key in singular[:50]:
        assert i18n._(key) == catalog["messages"][key]


@pytest.mark.parametrize(
    "rule",
    [
        "nplurals=2; plural=(n != 1);",
        "nplurals=2; plural=(n > 1);",
        "nplurals=1; plural=0;",
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
        "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    ],
)
def test_a_plural_rule_picks_the_form_gettext_picks(rule):
    expression = rule.split("plural=")[1].rstrip(";")
    reference = gettext.c2py(expression)  # the standard library's reading of the same C expression
    forms = int(rule.split("nplurals=")[1].split(";")[0])
    i18n.load(
        json.dumps(
            {
                "language": "xx",
                "plural": catalogs.plural_expression(rule),
                "messages": {"{n} thing": ["form {}".format(k) for k in range(forms)]},
            }
        )
    )
    for n in range(1201):
        assert i18n.ngettext("{n} thing", "{n} things", n) == "form {}".format(reference(n)), n
