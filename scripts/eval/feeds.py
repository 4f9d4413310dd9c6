"""How many feed entries tracker stores, on every feed of the shared corpus, served on 127.0.0.1.

    python scripts/eval/feeds.py [--data ../shared/data] [--verbose]

Every feed file under <data>/feeds (feedparser's conformance corpus, rss-parser's and feed-rs's real
publisher feeds, trafilatura's samples; expected-output JSON files are skipped) is served by a local
server with the HTTP headers its `Header:` comment asks for. Every http(s) URL in the feed is
rewritten to point back at that server, which answers with a small generated article page, and the
client refuses any host but 127.0.0.1: nothing reaches outside. Then one `run_once` ingests it all.

Reported:
- entries stored: ArticleFeed rows / distinct entries feedparser (or json.loads, for JSON Feed) sees;
- feedparser's `Expect:` assertions evaluated against OUR normalized entries (bozo = a recorded
  problem, entries[i].link/title/id/published_parsed/summary/content... mapped onto our fields);
  assertions about fields we do not keep (encoding, enclosures, authors...) count as not applicable.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

SKIP = re.compile(r"(\.serde\.json$|/test/output/|LICENSE|README|\.md$|date_parser_vectors\.json$)")
URL = re.compile(rb"https?://[A-Za-z0-9.\-]+(?::\d+)?")


def feed_files(data: Path) -> list[Path]:
    return sorted(p for p in (data / "feeds").rglob("*") if p.is_file() and not SKIP.search(str(p)))


def header_lines(body: bytes) -> dict[str, str]:
    """The `Header:` lines of feedparser's test comment (emulated HTTP response headers)."""
    head = body[:2000].decode("latin-1")
    headers = {}
    for match in re.finditer(r"Header:\s*([A-Za-z-]+):\s*(.*)", head):
        headers[match.group(1).strip()] = match.group(2).strip()
    return headers


def expectation(body: bytes) -> str | None:
    head = body[:3000].decode("utf-8", "replace")
    match = re.search(r"Expect:\s*(.+?)\s*(?:-->|\n)", head)
    return match.group(1).strip() if match else None


class Server:
    """Serves /feed/<n> (feed file n, links rewritten) and /x/<anything> (a generated article)."""

    def __init__(self, files: list[Path]) -> None:
        self.files, self.base = files, ""
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                outer.serve(self)

            def log_message(self, *a: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def body_of(self, n: int) -> tuple[bytes, dict[str, str]]:
        raw = self.files[n].read_bytes()
        head = raw[:4].replace(b"\xef\xbb\xbf", b"")
        if not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff") or b"\x00" in head):
            raw = URL.sub(lambda m: f"{self.base}/x/{m.group(0).split(b'//')[1].decode()}".encode(), raw)
        return raw, header_lines(raw)

    def serve(self, req: BaseHTTPRequestHandler) -> None:
        if req.path.startswith("/feed/"):
            body, headers = self.body_of(int(req.path.split("/")[2]))
        else:
            title = req.path.rsplit("/", 1)[-1] or "index"
            words = " ".join(f"{title} sentence {i} of the article, long enough to be kept as text." for i in range(8))
            body = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{words}</p></article></body></html>".encode()
            headers = {"Content-Type": "text/html; charset=utf-8"}
        req.send_response(200)
        for k, v in headers.items():
            req.send_header(k, v)
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)


class LocalOnly(httpx.HTTPTransport):
    """A transport that refuses every host but 127.0.0.1."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host != "127.0.0.1":
            raise httpx.ConnectError(f"refused: {request.url.host} is not local", request=request)
        return super().handle_request(request)


def distinct_entries(body: bytes, headers: dict[str, str]) -> int:
    """Entries feedparser (or JSON) sees, one per id/link (duplicates within a feed are one story)."""
    import feedparser

    if body.lstrip()[:1] == b"{":
        try:
            items = json.loads(body.decode("utf-8-sig")).get("items", [])
        except (ValueError, AttributeError):
            return 0
        return len({str(i.get("id") or i.get("url") or n) for n, i in enumerate(items) if isinstance(i, dict)})
    import io

    parsed = feedparser.parse(io.BytesIO(body), response_headers={k.lower(): v for k, v in headers.items()})
    keys = {e.get("id") or e.get("link") or f"#{n}:{e.get('title', '')}{e.get('summary', '')}" for n, e in enumerate(parsed.entries)}
    return len(keys)


class NotApplicable(Exception):
    pass


class View(dict):
    """A feedparser-like view of our normalized data; a key we do not map is "not applicable"."""

    def __getitem__(self, key: Any) -> Any:
        if key not in self:
            raise NotApplicable(key)
        return super().__getitem__(key)

    def __getattr__(self, key: str) -> Any:
        return self[key]

    def get(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            raise NotApplicable(key)
        return super().get(key, default)


class PlainStr(str):
    """Our plain text compared with feedparser's HTML: equal when the expected HTML has the same text."""

    def __eq__(self, other: object) -> bool:
        from tracker.ingest.feeds import _plain

        return isinstance(other, str) and _plain(str(self)) == _plain(other)

    __hash__ = str.__hash__


def our_view(parsed: Any, plain: bool = False) -> dict[str, Any]:
    wrap = PlainStr if plain else str

    def entry(e: Any) -> View:
        t = e.published_at.utctimetuple() if e.published_at else None
        u = e.updated_at.utctimetuple() if e.updated_at else None
        return View(id=e.entry_id, guid=e.entry_id, link=e.link, title=wrap(e.title), summary=wrap(e.summary),
                    description=wrap(e.summary), content=[View(value=wrap(e.content))] if e.content else [],
                    published_parsed=t, updated_parsed=u, date_parsed=t or u, issued_parsed=t, modified_parsed=u)
    feed = View(title=wrap(parsed.title), link=parsed.site_url)
    return {"bozo": 1 if parsed.problem else 0, "entries": [entry(e) for e in parsed.entries], "feed": feed,
            "channel": feed, "items": None, "version": parsed.kind}


def check_expect(expr: str, body: bytes, headers: dict[str, str], plain: bool = False) -> str:
    """'hold' | 'fail' | 'n/a' for one Expect: assertion evaluated on our parse (`plain`: text
    fields compared as text, since ours are plain text by design and feedparser's are HTML)."""
    from tracker.errors import FeedParseError
    from tracker.ingest.feeds import parse_feed

    try:
        parsed = parse_feed(body, headers)
        env = our_view(parsed, plain)
    except FeedParseError:
        env = {"bozo": 1, "entries": [], "feed": View(), "channel": View(), "version": ""}
    env["items"] = env["entries"]
    try:
        ok = eval(expr, {"__builtins__": __builtins__, "time": time}, env)  # noqa: S307 - the corpus's own test expressions
    except NotApplicable:
        return "n/a"
    except (NameError, KeyError, AttributeError, TypeError):
        return "n/a"
    except IndexError:
        return "fail"
    return "hold" if ok else "fail"


def run(data: Path, verbose: bool) -> dict[str, Any]:
    from sqlmodel import func, select

    from tracker.clock import SystemClock
    from tracker.config import Settings, with_overrides
    from tracker.ingest.fetch import make_client
    from tracker.ingest.pipeline import run_once
    from tracker.store import ArticleFeed, Feed, make_engine, session_scope

    files = feed_files(data)
    server = Server(files)
    settings = with_overrides(Settings(), fetch={"max_per_host": 8, "timeout_s": 10.0})
    expected: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/eval.db")
        with session_scope(engine) as s:
            for n, path in enumerate(files):
                body, headers = server.body_of(n)
                expected[f"{server.base}/feed/{n}"] = distinct_entries(body, headers)
                s.add(Feed(url=f"{server.base}/feed/{n}"))
        started = time.monotonic()
        with make_client(settings, transport=LocalOnly()) as client:
            summary = run_once(engine, settings, SystemClock(), all_feeds=True, client=client)
        elapsed = time.monotonic() - started
        with session_scope(engine) as s:
            stored = dict(s.exec(select(Feed.url, func.count(ArticleFeed.id)).join(ArticleFeed, isouter=True).group_by(Feed.url)).all())
    short = [(files[int(u.rsplit("/", 1)[1])], expected[u], stored.get(u, 0)) for u in expected if stored.get(u, 0) < expected[u]]
    if verbose:
        for path, want, got in short:
            print(f"  short: {path.relative_to(data)}: {got}/{want}")
    total, kept = sum(expected.values()), sum(min(stored.get(u, 0), n) for u, n in expected.items())
    return {"files": len(files), "entries": total, "stored": kept, "share": kept / total if total else 0.0,
            "feeds_failed": summary.failures, "seconds": elapsed, "short_feeds": len(short)}


def run_expect(data: Path, verbose: bool, plain: bool = False) -> dict[str, int]:
    counts = {"hold": 0, "fail": 0, "n/a": 0}
    for path in feed_files(data):
        if "feedparser" not in str(path):
            continue
        body = path.read_bytes()
        expr = expectation(body)
        if not expr:
            continue
        verdict = check_expect(expr, body, header_lines(body), plain)
        counts[verdict] += 1
        if verbose and verdict == "fail" and plain:
            print(f"  expect fails: {path.relative_to(data)}: {expr}")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    stored = run(args.data, args.verbose)
    print(f"feeds: {stored['files']} files, {stored['entries']} distinct entries, {stored['stored']} stored "
          f"({stored['share']:.1%}); {stored['feeds_failed']} feeds failed (not a feed / no entries); "
          f"{stored['short_feeds']} feeds short; {stored['seconds']:.1f} s")
    for plain, label in ((False, "strictly"), (True, "comparing text fields as text")):
        expect = run_expect(args.data, args.verbose, plain)
        applicable = expect["hold"] + expect["fail"]
        print(f"feedparser Expect ({label}): {sum(expect.values())} assertions, {applicable} applicable to our "
              f"normalized entries, {expect['hold']} hold ({expect['hold'] / applicable if applicable else 0:.1%}), "
              f"{expect['n/a']} not applicable")


if __name__ == "__main__":
    main()
