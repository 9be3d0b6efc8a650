"""The documents a newcomer reads: the README stays a few screens long with the two commands near its top, its
pictures exist and are small, and every relative link in README.md and docs/*.md leads to a file that exists
(and, where it names an anchor, to a heading of that file)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]
MAX_README_LINES = 150
COMMANDS_BEFORE_LINE = 40
MAX_PICTURE_BYTES = 200_000

FENCE = re.compile(r"^(```|~~~)")
CODE_SPAN = re.compile(r"`[^`]*`")
# [text](target) and ![alt](target); a target may carry a "title" after a space.
LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK = re.compile(r"<(?:img|a)\b[^>]*\b(src|href)=\"([^\"]+)\"", re.IGNORECASE)
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def prose_lines(path, blank_code_spans=True):
    """(line number, text) of every line outside fenced code blocks, with inline code spans blanked."""
    inside = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if FENCE.match(line.strip()):
            inside = not inside
            continue
        if not inside:
            yield number, CODE_SPAN.sub("``", line) if blank_code_spans else line


def links(path):
    """(line number, is an image, target) of every Markdown or HTML link and image in path's prose."""
    for number, line in prose_lines(path):
        for match in LINK.finditer(line):
            yield number, match[1] == "!", match[2]
        for match in HTML_LINK.finditer(line):
            yield number, match[1].lower() == "src", match[2]


def is_relative(target):
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) and not target.startswith("//")


def slug(heading):
    """GitHub's anchor for a heading: lower case, code marks and punctuation dropped, spaces made hyphens."""
    text = heading.strip().lower().replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    """The anchors of path's headings, a repeated heading numbered as GitHub does (-1, -2...)."""
    found, seen = set(), {}
    for _, line in prose_lines(path, blank_code_spans=False):
        match = HEADING.match(line)
        if match:
            base = slug(match[1])
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def relative_links():
    for document in DOCUMENTS:
        for number, is_image, target in links(document):
            if is_relative(target):
                yield document, number, is_image, target


def test_there_are_guides_and_links_to_check():
    assert len(DOCUMENTS) > 1, "no docs/*.md beside the README"
    assert any(document == README for document, *_ in relative_links()), "the README links to nothing"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(document):
    broken = []
    for number, _, target in links(document):
        if not is_relative(target):
            continue
        file_part, _, anchor = target.partition("#")
        linked = (document.parent / file_part).resolve() if file_part else document
        where = f"{document.relative_to(ROOT)}:{number}: {target}"
        if not linked.exists():
            broken.append(f"{where} (no such file)")
        elif not linked.is_relative_to(ROOT):
            broken.append(f"{where} (outside the repository)")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{where} (no heading #{anchor} in {linked.relative_to(ROOT)})")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_the_readmes_pictures_exist_and_are_small():
    pictures = [target for number, is_image, target in links(README) if is_image and is_relative(target)]
    assert pictures, "the README shows no pictures"
    problems = []
    for target in pictures:
        path = ROOT / target.partition("#")[0]
        if not path.is_file():
            problems.append(f"{target}: missing (remake it: .venv/bin/python tools/screenshots.py)")
        elif path.stat().st_size > MAX_PICTURE_BYTES:
            problems.append(f"{target}: {path.stat().st_size:,} bytes, over {MAX_PICTURE_BYTES:,}")
    assert not problems, "\n".join(problems)


def test_the_readme_is_a_few_screens_with_the_two_commands_first():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, (
        f"README.md has {len(lines)} lines; keep it at most {MAX_README_LINES} and move detail into docs/"
    )
    for command in ("make serve", "make test"):
        first = next((number for number, line in enumerate(lines, start=1) if command in line), None)
        assert first is not None, f"README.md never mentions `{command}`"
        assert first < COMMANDS_BEFORE_LINE, (
            f"`{command}` first appears on line {first} of README.md; it belongs before line {COMMANDS_BEFORE_LINE}"
        )
