"""Polite, bounded fetching against a real server on 127.0.0.1 (issue items 5 and 11)."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from _ingest_site import Route, Site

from tracker.config import Settings, with_overrides
from tracker.errors import FeedGoneError, FetchError, RateLimitedError, TooLargeError
from tracker.ingest.fetch import fetch, make_client, parse_max_age, parse_retry_after


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return with_overrides(settings, fetch={"timeout_s": 1.5, "read_timeout_s": 0.5, "connect_timeout_s": 0.5,
                                           "max_bytes": 4096, "max_redirects": 3})


def test_ok_sends_user_agent_and_returns_validators(site: Site, fast: Settings) -> None:
    url = site.add("/feed", b"<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Sat, 25 Dec 2021 10:00:00 GMT",
                                                "Cache-Control": "public, max-age=1800"})
    with make_client(fast) as client:
        result = fetch(client, url)
    assert (result.status, result.body, result.etag) == (200, b"<rss/>", '"v1"')
    assert result.last_modified == "Sat, 25 Dec 2021 10:00:00 GMT"
    assert result.max_age_s == 1800 and not result.not_modified
    assert site.requests[0][1]["user-agent"].startswith("tracker/")


def test_conditional_get_gives_not_modified(site: Site, fast: Settings) -> None:
    def conditional(req) -> Route | None:
        if req.headers.get("If-None-Match") == '"v1"' and req.headers.get("If-Modified-Since") == "LM":
            return Route(b"", 304, {"ETag": '"v1"'})
        return None

    url = site.add("/feed", b"<rss/>", headers={"ETag": '"v1"'}, handler=conditional)
    with make_client(fast) as client:
        result = fetch(client, url, etag='"v1"', last_modified="LM")
    assert result.not_modified and result.status == 304 and result.body == b""


@pytest.mark.parametrize(("status", "error", "words"), [
    (404, FetchError, "HTTP 404 Not Found"), (500, FetchError, "HTTP 500 Internal Server Error"),
    (410, FeedGoneError, "410 Gone"),
])
def test_http_errors_are_one_line_fetch_errors(site: Site, fast: Settings, status: int, error: type, words: str) -> None:
    url = site.add("/x", b"nope", status=status)
    with make_client(fast) as client, pytest.raises(error) as info:
        fetch(client, url)
    assert words in info.value.message and "\n" not in info.value.message
    assert info.value.status == status


def test_retry_after_seconds_and_http_date(site: Site, fast: Settings) -> None:
    url = site.add("/busy", b"", status=429, headers={"Retry-After": "120"})
    with make_client(fast) as client, pytest.raises(RateLimitedError) as info:
        fetch(client, url)
    assert info.value.retry_after_s == 120
    assert parse_retry_after({"retry-after": "Sat, 25 Dec 2021 10:05:00 GMT",
                              "date": "Sat, 25 Dec 2021 10:00:00 GMT"}) == 300
    assert parse_retry_after({"retry-after": "soon"}) is None
    assert parse_max_age('no-cache, max-age="60"') == 60 and parse_max_age("no-store") is None


def test_read_timeout(site: Site, fast: Settings) -> None:
    url = site.add("/stall", b"late", delay_s=1.0)
    with make_client(fast) as client, pytest.raises(FetchError, match="timed out"):
        fetch(client, url)


def test_slow_drip_fails_on_the_total_deadline(site: Site, fast: Settings) -> None:
    url = site.add("/drip", b"x" * 200, drip_s=0.05)     # each read is quick; the whole takes 10 s
    started = time.monotonic()
    with make_client(fast) as client, pytest.raises(FetchError, match="timed out after 1.5s"):
        fetch(client, url)
    assert time.monotonic() - started < 3


def test_connection_refused(fast: Settings) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with make_client(fast) as client, pytest.raises(FetchError, match="cannot connect"):
        fetch(client, f"http://127.0.0.1:{port}/feed")


def test_declared_oversized_body(site: Site, fast: Settings) -> None:
    url = site.add("/big", b"x" * 5000)
    with make_client(fast) as client, pytest.raises(TooLargeError, match="4096-byte cap"):
        fetch(client, url)


def test_streamed_oversized_body_without_length(fast: Settings) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"y" * 3000, b"y" * 3000]))   # chunked, no Content-Length

    with make_client(fast, transport=httpx.MockTransport(handler)) as client, pytest.raises(TooLargeError):
        fetch(client, "http://feeds.example/big")


def test_redirect_loop_and_cap(site: Site, fast: Settings) -> None:
    site.add("/a", status=302, headers={"Location": "/b"})
    site.add("/b", status=302, headers={"Location": "/a"})
    for i in range(5):
        site.add(f"/hop{i}", status=301, headers={"Location": f"/hop{i + 1}"})
    site.add("/hop5", b"arrived")
    site.add("/near", status=301, headers={"Location": "/hop3"})
    with make_client(fast) as client:
        with pytest.raises(FetchError, match="too many redirects"):
            fetch(client, site.url("/a"))
        with pytest.raises(FetchError, match="too many redirects"):
            fetch(client, site.url("/hop0"))          # 5 hops > cap of 3
        result = fetch(client, site.url("/near"))     # 3 hops: fine
    assert result.body == b"arrived" and result.final_url.endswith("/hop5")


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"])
def test_only_http_and_https(fast: Settings, url: str) -> None:
    with make_client(fast) as client, pytest.raises(FetchError, match="only http and https"):
        fetch(client, url)


def test_redirect_to_another_scheme_is_refused(site: Site, fast: Settings) -> None:
    url = site.add("/evil", status=302, headers={"Location": "file:///etc/passwd"})
    with make_client(fast) as client, pytest.raises(FetchError, match="not http or https"):
        fetch(client, url)


def test_local_files_only_when_asked(tmp_path, fast: Settings) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(b"<rss/>")
    with make_client(fast, allow_files=True) as client:
        assert fetch(client, path.as_uri()).body == b"<rss/>"


def test_per_host_and_overall_caps(site: Site, settings: Settings) -> None:
    live, peak, lock = [0], [0], threading.Lock()

    def counting(req) -> Route | None:
        with lock:
            live[0] += 1
            peak[0] = max(peak[0], live[0])
        time.sleep(0.15)
        with lock:
            live[0] -= 1
        return None

    url = site.add("/slow", b"ok", handler=counting)
    capped = with_overrides(settings, fetch={"max_per_host": 2, "max_connections": 8})
    with make_client(capped) as client:
        threads = [threading.Thread(target=fetch, args=(client, url)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert site.hits["/slow"] == 6 and peak[0] == 2


def test_leaf_modules_stay_light() -> None:
    """fetch/feeds/extract never pull in the store or the timeline (and feedparser/trafilatura only on use)."""
    import subprocess
    import sys

    code = ("import sys, tracker.ingest, tracker.ingest.fetch, tracker.ingest.feeds, tracker.ingest.extract; "
            "print(','.join(m for m in ('sqlmodel', 'tracker.store', 'tracker.timeline', 'feedparser', 'trafilatura') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr
