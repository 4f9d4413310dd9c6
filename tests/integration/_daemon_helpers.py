"""A local news site (RSS feeds + article pages, counting requests), a local SMTP inbox, and
`tracker daemon` as a real subprocess, for the daemon tests."""
from __future__ import annotations

import email
import email.policy
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BODY = ("<p>The city council of town {id} met on Monday to discuss the new bridge over the river. Officials "
        "said bridge {id} will reopen by 15 March after repairs that began last autumn.</p>" * 3)


class NewsSite:
    """`/feed/<n>.xml` lists that feed's items; `/article/<n>-<k>.html` is one story; hits are counted."""

    def __init__(self, feeds: int = 1, items: int = 2, delay_s: float = 0.0, page_delay_s: float = 0.0) -> None:
        self.items = {n: items for n in range(feeds)}
        self.page_delay_s = page_delay_s
        self.hits: dict[str, int] = {}
        self.delay_s = delay_s
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                site.serve(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def feed_url(self, n: int) -> str:
        return f"{self.base}/feed/{n}.xml"

    def serve(self, req: BaseHTTPRequestHandler) -> None:
        path = req.path.split("?")[0]
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
        if self.delay_s:
            time.sleep(self.delay_s)
        status, ctype, body = self.route(path)
        req.send_response(status)
        req.send_header("Content-Type", ctype)
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    def route(self, path: str) -> tuple[int, str, bytes]:
        if path.startswith("/feed/") and path.endswith(".xml"):
            n = int(path[6:-4])
            return 200, "application/rss+xml", self.rss(n).encode()
        if path.startswith("/article/"):
            time.sleep(self.page_delay_s)
            n, k = path[9:-5].split("-")
            html = f"<html><head><title>Story {n}-{k}</title></head><body><article><h1>Story {n}-{k}</h1>{BODY.format(id=int(n) * 1000 + int(k))}</article></body></html>"
            return 200, "text/html; charset=utf-8", html.encode()
        return 404, "text/plain", b"not found"

    def rss(self, n: int) -> str:
        items = "".join(
            f"<item><title>Story {n}-{k}</title><link>{self.base}/article/{n}-{k}.html</link><guid>story-{n}-{k}</guid>"
            f"<pubDate>{format_datetime(datetime(2026, 3, 1, 8, k % 60, tzinfo=timezone.utc))}</pubDate>"
            f"<description>Story {n}-{k}: the bridge will reopen by 15 March.</description></item>"
            for k in range(self.items[n]))
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title><link>{self.base}/</link>{items}</channel></rss>'

    def feed_hits(self) -> dict[str, int]:
        with self.lock:
            return {p: c for p, c in self.hits.items() if p.startswith("/feed/")}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Inbox:
    """An aiosmtpd handler that keeps each message with the time it arrived."""

    def __init__(self) -> None:
        self.received: list[tuple[float, email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.received.append((time.time(), email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_config(path: Path, smtp_port: int, digest_time: str, to: str = "reader@example.org") -> None:
    path.write_text(
        f'[digest]\nto = ["{to}"]\nsender = "tracker@example.org"\ntime = "{digest_time}"\ntimezone = "UTC"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\ntimeout_s = 5\n'
        f'[daemon]\npoll_seconds = 1\nshutdown_timeout_s = 3\n[fetch]\nmax_per_host = 8\n', encoding="utf-8")


class DaemonProcess:
    """`python -m tracker daemon` with its stderr in a file."""

    def __init__(self, env: dict[str, str], log_path: Path, *args: str) -> None:
        self.log_path = log_path
        self._log = open(log_path, "ab")  # noqa: SIM115 - closed in wait()
        full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen([sys.executable, "-m", "tracker", "daemon", *args], cwd=ROOT, env=full_env,
                                     stdout=subprocess.DEVNULL, stderr=self._log)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def signal(self, sig: int = signal.SIGTERM) -> None:
        self.proc.send_signal(sig)

    def wait(self, timeout: float = 10) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self._log.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.wait()


def wait_for(check: Callable[[], Any], timeout: float, what: str, every: float = 0.1) -> Any:
    """Poll `check` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
