"""The site build writes a folder a static host can serve alone: everything the page and its configuration
name, the verified runtime, and nothing of the repository's tests, tools or dependencies."""

import contextlib
import hashlib
import io
import json
import re
import shutil
import tomllib
import zipfile

import pytest

import build_site
import setup_runtime


@pytest.fixture(scope="module")
def build_output(tmp_path_factory):
    """(site folder, what the command printed)."""
    out = tmp_path_factory.mktemp("build") / "site"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert build_site.main(["--out", str(out)]) == 0
    return out, stdout.getvalue()


def files_in(folder):
    return sorted(path for path in folder.rglob("*") if path.is_file())


def test_every_file_the_configuration_and_the_page_name_is_there(build_output):
    site, _ = build_output
    named = []
    for name in ("pyscript.toml", "worker.toml", "exercise.toml"):
        config = tomllib.loads((site / name).read_text())
        named += list(config["files"]) + [config["interpreter"]]
    html = (site / "index.html").read_text()
    # files, not the page's own address in its languages (the hreflang alternates: ./?lang=es, ./)
    named += [url for url in re.findall(r'(?:src|href|config)="([^"]*)"', html) if not re.fullmatch(r"\./(\?.*)?", url)]
    assert len(named) > 20
    for url in named:
        assert url.startswith("./"), f"{url} is not relative"
        assert (site / url).is_file(), f"{url} is missing from the site"
    assert (site / "py" / "main.py").is_file() and (site / ".nojekyll").is_file()
    assert (site / "py" / "model_worker.py").is_file()
    if (setup_runtime.ROOT / "sw.js").is_file():
        assert (site / "sw.js").read_bytes() == (setup_runtime.ROOT / "sw.js").read_bytes()


def test_nothing_but_the_site(build_output):
    site, _ = build_output
    top = {path.name for path in site.iterdir()}
    assert top <= {"index.html", "pyscript.toml", "worker.toml", "exercise.toml", "sw.js", "py", "static", ".nojekyll"}
    for path in site.rglob("*"):
        parts = path.relative_to(site).parts
        assert not {"tests", "tools", "node_modules", ".git", "__pycache__", ".cache", ".venv", "bench"} & set(parts), (
            path
        )
        assert path.suffix not in (".pyc", ".map"), path
    assert {path.name for path in (site / "static").iterdir()} == {
        "bundles",
        "css",
        "i18n",
        "img",
        "js",
        "mpy",
        "vendor",
    }


def test_the_page_names_each_language_as_an_alternate(build_output):
    site, _ = build_output
    languages = json.loads((site / "static" / "i18n" / "languages.json").read_text())
    assert {"en", "es", "de"} <= set(languages)
    alternates = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', (site / "index.html").read_text()
    )
    assert alternates == [(code, f"./?lang={code}") for code in languages] + [("x-default", "./")]
    for code in languages:
        if code != "en":
            assert json.loads((site / "static" / "i18n" / f"{code}.json").read_text())["language"] == code


def test_the_runtime_in_the_site_matches_its_manifest(build_output):
    site, _ = build_output
    vendor = site / "static" / "vendor"
    manifest = json.loads((vendor / "manifest.json").read_text())
    assert manifest["files"], "the manifest lists the runtime's files"
    for relative, digest in manifest["files"].items():
        assert hashlib.sha256((vendor / relative).read_bytes()).hexdigest() == digest, relative
    listed = {(vendor / relative) for relative in manifest["files"]} | {vendor / "manifest.json"}
    assert set(files_in(vendor)) == listed, "the runtime folder holds exactly what the setup verified"


def test_the_printed_count_and_size_are_the_folders(build_output):
    site, printed = build_output
    files = files_in(site)
    match = re.search(r": (\d+) files, ([\d,]+) bytes", printed)
    assert match, printed
    assert int(match[1]) == len(files)
    assert int(match[2].replace(",", "")) == sum(path.stat().st_size for path in files)


def test_a_second_build_replaces_the_folder_and_a_foreign_folder_is_refused(tmp_path):
    site = tmp_path / "site"
    build_site.build(site)
    (site / "stale.txt").write_text("from an earlier build")
    build_site.build(site)
    assert not (site / "stale.txt").exists()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(setup_runtime.SetupError, match="not a site this command wrote"):
        build_site.build(foreign)
    assert (foreign / "notes.txt").read_text() == "keep me"


# The site's Content-Security-Policy, directive by directive; README.md ("Content-Security-Policy") says why
# each exception to 'self' is there.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-eval'"],
    "worker-src": ["'self'", "blob:"],
    "connect-src": ["'self'"],
    "img-src": ["'self'", "blob:"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}


def test_the_built_page_carries_the_content_security_policy_before_any_script(build_output):
    site, _ = build_output
    html = (site / "index.html").read_text()
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(metas) == 1, "one policy, as a meta tag (GitHub Pages cannot set headers)"
    directives = {}
    for part in metas[0].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    assert directives == POLICY
    # The policy governs only what comes after it: nothing is loaded before it, and no script is inline.
    assert html.index("Content-Security-Policy") < min(html.index(tag) for tag in ("<script", "<link"))
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", html), "an inline script"
    assert not re.search(r'\sstyle="', html) and not re.search(r"\son[a-z]+=", html), "inline style or handler"


def bundle(site, name):
    """{name: bytes} of a bundle in the site."""
    with zipfile.ZipFile(site / "static" / "bundles" / name) as archive:
        return {member: archive.read(member) for member in archive.namelist()}


def test_the_page_modules_are_there_compiled_and_the_workers_in_their_bundles(build_output):
    site, _ = build_output
    root = setup_runtime.ROOT
    compiled = sorted((site / "static" / "mpy").rglob("*.mpy"))
    assert [path.relative_to(site / "static" / "mpy").as_posix() for path in compiled] == sorted(
        path.relative_to(root / "py").with_suffix(".mpy").as_posix()
        for package in ("app", "exercises", "shared")
        for path in (root / "py" / package).rglob("*.py")
    )
    for path in compiled:
        assert path.read_bytes()[:2] == b"M\x06", path
    assert not (site / "py" / "app").exists(), "the page layer's sources are not needed by the site"
    # The workers' modules ship in their bundles; of py/ only the three scripts PyScript runs.
    shipped = {path.relative_to(site).as_posix() for path in (site / "py").rglob("*")}
    assert shipped == {"py/main.py", "py/model_worker.py", "py/exercise_worker.py"}
    worker = bundle(site, "worker.zip")
    assert worker["backprop/train.py"] == (root / "py" / "backprop" / "train.py").read_bytes()
    assert "worker/door.py" in worker and not any(name.startswith("app/") for name in worker)
    assert "checker/check.py" in bundle(site, "exercise.zip")
    assert "_core/__pycache__/numeric.cpython-312.pyc" in bundle(site, "numpy.zip")


def test_the_site_build_compiles_the_current_sources(tmp_path):
    # A copy of the tree with one page module and one model module edited: the site built from it carries the
    # page's module compiled from the edited source (an .mpy holds its constant names), the model's as edited.
    root = setup_runtime.ROOT
    tree = tmp_path / "tree"
    for name in build_site.TOP_FILES:
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_bytes((root / name).read_bytes())
    shutil.copytree(root / "py", tree / "py", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in build_site.STATIC_FOLDERS:
        (tree / "static" / folder).mkdir(parents=True)
    shutil.copy(root / "static" / "i18n" / "languages.json", tree / "static" / "i18n")
    source = tree / "py" / "app" / "settings.py"
    source.write_text(source.read_text() + "\nBUILT_FROM_THE_EDIT = 1\n")
    model = tree / "py" / "backprop" / "config.py"
    model.write_text(model.read_text() + "\nBUILT_FROM_THE_EDIT = 1\n")
    site = tmp_path / "site"
    build_site.build(site, root=tree, assemble=False)
    assert b"BUILT_FROM_THE_EDIT" in (site / "static" / "mpy" / "app" / "settings.mpy").read_bytes()
    assert bundle(site, "worker.zip")["backprop/config.py"] == model.read_bytes()
    assert bundle(site, "exercise.zip")["backprop/config.py"] == model.read_bytes()
