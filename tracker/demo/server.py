"""The demo's news site, served from the package on 127.0.0.1 by the standard library.

Files under `site/` are written for the project (a fictional town's news); `{{BASE}}` in them
becomes the server's own address, so every link stays on 127.0.0.1 and the demo runs offline.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SITE = Path(__file__).parent / "site"
TYPES = {"gazette.xml": "application/rss+xml; charset=utf-8", "coastal.xml": "application/atom+xml; charset=utf-8"}
FEEDS = ("/feeds/gazette.xml", "/feeds/coastal.xml")   # .xml and .html: the package data pyproject ships


class DemoSite:
    """A context manager: the site is up inside `with`, on a free port (`base`)."""

    def __init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                site._serve(self)

            def log_message(self, *args: Any) -> None:   # quiet: the demo prints its own summary
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> DemoSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def feed_urls(self) -> list[str]:
        return [self.base + path for path in FEEDS]

    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        path = req.path.split("?")[0]
        file = _resolve(path)
        if file is None:
            req.send_error(404)
            return
        body = file.read_text(encoding="utf-8").replace("{{BASE}}", self.base).encode("utf-8")
        req.send_response(200)
        req.send_header("Content-Type", TYPES.get(file.name, "text/html; charset=utf-8"))
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)


def _resolve(path: str) -> Path | None:
    """/feeds/x.rss -> site/feeds/x.rss, /news/slug -> site/pages/slug.html; nothing else."""
    if path.startswith("/feeds/"):
        file = SITE / "feeds" / path.removeprefix("/feeds/")
    elif path.startswith("/news/"):
        file = SITE / "pages" / (path.removeprefix("/news/") + ".html")
    else:
        return None
    if ".." in path or not file.is_file():
        return None
    return file
