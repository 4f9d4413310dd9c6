"""A real HTTP server on 127.0.0.1 for the ingestion tests (stdlib, threaded).

pytest-httpserver serves one request at a time, which a slow-drip or stalling response would
block; this one serves each request on its own thread, and can stall, drip, redirect and count.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0             # wait before the status line
    drip_s: float | None = None      # send the body one byte at a time, this long apart
    handler: Callable[[BaseHTTPRequestHandler], Route | None] | None = None   # decide per request


class Site:
    """Routes by path; `hits[path]` counts requests; `requests` keeps (path, headers)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                site._serve(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kw: Any) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kw)
        return self.url(path)

    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        path = req.path.split("?")[0]
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            self.requests.append((path, {k.lower(): v for k, v in req.headers.items()}))
        route = self.routes.get(path, Route(b"not found", 404))
        if route.handler is not None:
            route = route.handler(req) or route
        time.sleep(route.delay_s)
        try:
            req.send_response(route.status)
            for name, value in route.headers.items():
                req.send_header(name, value)
            req.send_header("Content-Length", str(len(route.body)))
            req.end_headers()
            if route.drip_s is None:
                req.wfile.write(route.body)
                return
            for i in range(len(route.body)):
                req.wfile.write(route.body[i:i + 1])
                req.wfile.flush()
                time.sleep(route.drip_s)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def rss(items: list[dict[str, str]], title: str = "Test feed", extra: str = "") -> str:
    """A small RSS 2.0 document; each item has guid, link and optional title, pubDate, description."""
    parts = []
    for it in items:
        parts.append(
            f"<item><guid>{it['guid']}</guid><link>{it['link']}</link>"
            + (f"<title>{it['title']}</title>" if it.get("title") else "")
            + (f"<pubDate>{it['pubDate']}</pubDate>" if it.get("pubDate") else "")
            + f"<description>{it.get('description', 'Summary of ' + it['guid'])}</description></item>"
        )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link>{extra}{''.join(parts)}</channel></rss>")


def page(title: str, paragraphs: list[str], published: str | None = None) -> str:
    """An article page trafilatura can extract."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright The Test Gazette</footer></body></html>")


def story(n: int, topic: str = "bridge") -> list[str]:
    """Distinct, article-length paragraphs for story `n` (distinct stories hash differently)."""
    return [
        f"Story number {n} about the {topic}: the city council met on Tuesday to discuss the project in detail.",
        f"Officials said the {topic} work numbered {n} would be finished by the end of March, weather permitting.",
        f"Residents of district {n} have waited for years, and several of them spoke at the meeting about delays.",
    ]
