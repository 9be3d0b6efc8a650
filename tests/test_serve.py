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


@pytest.mark.parametrize("name, mime", [
    ("a.wasm", "application/wasm"),
    ("a.mjs", "text/javascript"),
    ("a.js", "text/javascript"),
    ("a.toml", "application/toml"),
    ("a.whl", "application/zip"),
    ("a.py", "text/x-python"),
    ("", "text/html"),
])
def test_mime_types(served, name, mime):
    with urllib.request.urlopen(served + name) as response:
        assert response.headers["Content-Type"].split(";")[0] == mime


def test_dot_folders_are_not_served(served):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(served + ".git/config")
    assert error.value.code == 404


def test_binds_loopback_by_default(served):
    assert served.startswith("http://127.0.0.1:")
