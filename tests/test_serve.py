"""The development server sends the MIME types the browser runtime needs."""

import urllib.error
import urllib.request

import pytest

import serve


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
