"""Serve Backprop Lab as static files on 127.0.0.1 (standard library only).

Runs the runtime setup first when static/vendor/ is missing, so one command takes a fresh clone to a page.
"""

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import setup_runtime  # noqa: E402

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".toml": "application/toml; charset=utf-8",
    ".py": "text/x-python; charset=utf-8",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class StaticHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    quiet = False

    def send_head(self):
        # Never serve dot-folders (.git, .venv, .cache) even if someone binds a public address.
        if any(part.startswith(".") for part in self.path.split("?")[0].split("/")):
            self.send_error(404)
            return None
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


def start(directory, host="127.0.0.1", port=0, quiet=True):
    """Serve directory in a background thread; returns (server, base URL). Used by the tests."""
    handler = type("Handler", (StaticHandler,), {"quiet": quiet})
    server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serve Backprop Lab on this machine.")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (0 picks a free one; default 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    args = parser.parse_args(argv)
    try:
        setup_runtime.assemble()
    except setup_runtime.SetupError as err:
        print(f"runtime setup failed: {err}", file=sys.stderr)
        return 1
    handler = functools.partial(StaticHandler, directory=str(setup_runtime.ROOT))
    with ThreadingHTTPServer((args.host, args.port), handler) as server:
        print(f"Backprop Lab is served at http://{args.host}:{server.server_address[1]}/  (Ctrl+C stops it)",
              flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
