"""Serve Backprop Lab as static files on 127.0.0.1 (standard library only).

Runs the runtime setup first, so one command takes a fresh clone to a page. Serving the repository, it answers a
request for a bundle (static/bundles/<name>.zip) or a compiled page module (static/mpy/<module>.mpy) only after
making it again if a source changed since (setup_runtime.compile_page, tools/bundles.py), so the page never runs
a compiled file that does not match its source.
"""

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

import bundles
import file_lists
import setup_runtime

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".toml": "application/toml; charset=utf-8",
    ".py": "text/x-python; charset=utf-8",
    ".mpy": "application/octet-stream",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


def normal_prefix(prefix):
    """ "/course/lab", "course/lab/" -> "/course/lab/"; "" or "/" -> "/"."""
    parts = [part for part in prefix.split("/") if part]
    return "/" + "".join(part + "/" for part in parts)


class StaticHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    quiet = False
    prefix = "/"  # the folder is served only under this URL path, as a host serves a project site
    sources = None  # the repository served (its py/ beside static/mpy/): compiled modules are kept fresh

    def send_head(self):
        path, _, query = self.path.partition("?")
        if self.prefix != "/":
            if path == self.prefix.rstrip("/"):  # the prefix without its slash: relative URLs need it
                self.send_response(301)
                self.send_header("Location", self.prefix + (f"?{query}" if query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if not path.startswith(self.prefix):
                self.send_error(404)
                return None
        # Never serve dot-folders (.git, .venv, .cache) even if someone binds a public address.
        if any(part.startswith(".") for part in path.split("/")):
            self.send_error(404)
            return None
        if self.sources is not None and not self.fresh_compiled(path.removeprefix(self.prefix)):
            return None
        return super().send_head()

    def fresh_compiled(self, relative):
        """Recompile the module that relative (e.g. "static/mpy/app/lab/view.mpy") is compiled from, if it changed,
        and remake a bundle (e.g. "static/bundles/worker.zip") whose modules changed. False (with the error sent)
        when it has no source or does not compile."""
        bundle = self.bundle_config(relative)
        if bundle is not False:
            if bundles.fresh(bundle, root=self.sources):
                return True
            try:
                setup_runtime.make_bundles(root=self.sources, configs=[bundle])
            except setup_runtime.SetupError as err:
                self.send_error(500, str(err).splitlines()[0])
                return False
            return True
        folder = file_lists.COMPILED_DIR + "/"
        if not (relative.startswith(folder) and relative.endswith(".mpy")):
            return True
        module = relative.removeprefix(folder).removesuffix(".mpy") + ".py"
        if module not in file_lists.modules(file_lists.SHIPS["pyscript.toml"], root=self.sources):
            self.send_error(404, "no page module is compiled to this file")
            return False
        try:
            setup_runtime.compile_page(root=self.sources, only=module)
        except setup_runtime.SetupError as err:
            self.send_error(500, str(err).splitlines()[0])
            return False
        return True

    @staticmethod
    def bundle_config(relative):
        """The config whose bundle relative is ("static/bundles/worker.zip" -> "worker.toml"; NumPy's bundle ->
        None), else False."""
        for config in [*file_lists.BUNDLED, None]:
            if relative == f"{file_lists.BUNDLES_DIR}/{bundles.file_name(config)}":
                return config
        return False

    def translate_path(self, path):
        # send_head has checked that the path starts with the prefix; the folder is what follows it.
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


def start(directory, host="127.0.0.1", port=0, quiet=True, prefix="/"):
    """Serve directory under the URL path prefix in a background thread; returns (server, its URL).
    Used by the tests."""
    server, url = make_server(directory, host, port, quiet, prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, url


def make_server(directory, host, port, quiet, prefix):
    prefix = normal_prefix(prefix)
    # A folder with the page layer's sources is a source tree (the repository or a copy), not a built site.
    sources = Path(directory).resolve() if (Path(directory) / "py" / "app").is_dir() else None
    handler = type("Handler", (StaticHandler,), {"quiet": quiet, "prefix": prefix, "sources": sources})
    server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(directory)))
    return server, f"http://{host}:{server.server_address[1]}{prefix}"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serve Backprop Lab on this machine.")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (0 picks a free one; default 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--prefix",
        default="/",
        help="URL path to serve under, as a host does for a sub-path (e.g. /course/backprop-lab/)",
    )
    parser.add_argument(
        "--dir", type=Path, default=None, help="folder to serve (default: the repository; e.g. _site after `make site`)"
    )
    args = parser.parse_args(argv)
    if args.dir is not None and not (args.dir / "index.html").is_file():
        print(f"{args.dir} has no index.html: build the site first (make site)", file=sys.stderr)
        return 1
    if args.dir is None:
        try:
            setup_runtime.assemble()
            setup_runtime.compile_page()
        except setup_runtime.SetupError as err:
            print(f"runtime setup failed: {err}", file=sys.stderr)
            return 1
    server, url = make_server(args.dir or setup_runtime.ROOT, args.host, args.port, False, args.prefix)
    with server:
        print(f"Backprop Lab is served at {url}  (Ctrl+C stops it)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
