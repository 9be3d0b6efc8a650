"""The development server sends the MIME types the browser runtime needs, and compiled page modules and bundles
that match their sources."""

import hashlib
import io
import json
import shutil
import urllib.error
import urllib.request
import zipfile

import pytest

import serve
import setup_runtime


@pytest.fixture
def served(tmp_path):
    for name in ("a.wasm", "a.mjs", "a.js", "a.toml", "a.whl", "a.py", "index.html"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("secret")
    server, url = serve.start(tmp_path)
    yield url
    server.shutdown()


@pytest.mark.parametrize(
    "name, mime",
    [
        ("a.wasm", "application/wasm"),
        ("a.mjs", "text/javascript"),
        ("a.js", "text/javascript"),
        ("a.toml", "application/toml"),
        ("a.whl", "application/zip"),
        ("a.py", "text/x-python"),
        ("", "text/html"),
    ],
)
def test_mime_types(served, name, mime):
    with urllib.request.urlopen(served + name) as response:
        assert response.headers["Content-Type"].split(";")[0] == mime


def test_dot_folders_are_not_served(served):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(served + ".git/config")
    assert error.value.code == 404


def test_binds_loopback_by_default(served):
    assert served.startswith("http://127.0.0.1:")


@pytest.fixture
def served_under_prefix(tmp_path):
    (tmp_path / "index.html").write_text("page")
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "a.wasm").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("secret")
    server, url = serve.start(tmp_path, prefix="course/backprop-lab")
    yield url
    server.shutdown()


def test_a_prefix_serves_the_folder_only_under_it(served_under_prefix):
    url = served_under_prefix
    assert url.startswith("http://127.0.0.1:") and url.endswith("/course/backprop-lab/")
    with urllib.request.urlopen(url) as response:
        assert response.read() == b"page"
    with urllib.request.urlopen(url + "static/a.wasm") as response:
        assert response.headers["Content-Type"] == "application/wasm"
    origin = url.removesuffix("course/backprop-lab/")
    for outside in (
        "index.html",
        "static/a.wasm",
        "course/index.html",
        "course/backprop-lab-x/index.html",
        "course/backprop-lab/.git/config",
    ):
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(origin + outside)
        assert error.value.code == 404, outside


def test_the_prefix_without_its_slash_and_a_folder_without_its_slash_redirect_under_the_prefix(served_under_prefix):
    url = served_under_prefix
    with urllib.request.urlopen(url.rstrip("/") + "?embed=1") as response:
        assert (response.url, response.read()) == (url + "?embed=1", b"page")
    with urllib.request.urlopen(url + "static") as response:  # a folder: the standard redirect, kept under it
        assert response.url == url + "static/"


# Serving a source tree, a compiled page module is brought up to date with its source before it is sent.


@pytest.fixture
def served_tree(tmp_path):
    """A copy of the repository's py/ served as the repository is, compiled once."""
    tree = tmp_path / "tree"
    shutil.copytree(setup_runtime.ROOT / "py", tree / "py", ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "index.html").write_text("page")
    setup_runtime.compile_page(root=tree)
    server, url = serve.start(tree)
    yield tree, url
    server.shutdown()


def recorded(tree):
    return json.loads((tree / "static" / "mpy" / "manifest.json").read_text())["modules"]


def test_a_compiled_module_is_recompiled_when_its_source_changed(served_tree):
    tree, url = served_tree
    source = tree / "py" / "app" / "lab" / "view.py"
    before = urllib.request.urlopen(url + "static/mpy/app/lab/view.mpy").read()
    source.write_text(source.read_text() + "\nSERVED_FRESH = 1\n")
    with urllib.request.urlopen(url + "static/mpy/app/lab/view.mpy") as response:
        served = response.read()
        assert response.headers["Content-Type"] == "application/octet-stream"
    assert served != before and b"SERVED_FRESH" in served
    entry = recorded(tree)["app/lab/view.py"]
    assert entry["source"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert entry["compiled"] == hashlib.sha256(served).hexdigest()


def test_a_missing_compiled_module_is_compiled_on_request_and_one_without_source_is_not_served(served_tree):
    tree, url = served_tree
    (tree / "static" / "mpy" / "shared" / "limits.mpy").unlink()
    with urllib.request.urlopen(url + "static/mpy/shared/limits.mpy") as response:
        assert response.read()[:2] == b"M\x06"
    (tree / "py" / "app" / "tabs.py").unlink()  # its stale .mpy is still on disk
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(url + "static/mpy/app/tabs.mpy")
    assert error.value.code == 404


def bundle_members(url):
    with urllib.request.urlopen(url) as response:
        assert response.headers["Content-Type"] == "application/zip"
        with zipfile.ZipFile(io.BytesIO(response.read())) as archive:
            return {name: archive.read(name) for name in archive.namelist()}


def test_a_bundle_is_made_again_on_request_when_one_of_its_sources_changed(served_tree):
    tree, url = served_tree
    model = tree / "py" / "backprop" / "config.py"
    model.write_text(model.read_text() + "\nSERVED_FRESH = 1\n")
    assert bundle_members(url + "static/bundles/worker.zip")["backprop/config.py"] == model.read_bytes()
    assert bundle_members(url + "static/bundles/exercise.zip")["backprop/config.py"] == model.read_bytes()
    assert "_core/__pycache__/numeric.cpython-312.pyc" in bundle_members(url + "static/bundles/numpy.zip")


def test_a_built_site_is_served_as_it_is(tmp_path):
    site = tmp_path / "site"
    (site / "py").mkdir(parents=True)
    (site / "py" / "main.py").write_text("print(1)")
    (site / "static" / "mpy" / "app").mkdir(parents=True)
    (site / "static" / "mpy" / "app" / "tabs.mpy").write_bytes(b"M\x06built")
    server, url = serve.start(site)
    try:
        assert urllib.request.urlopen(url + "static/mpy/app/tabs.mpy").read() == b"M\x06built"
    finally:
        server.shutdown()
