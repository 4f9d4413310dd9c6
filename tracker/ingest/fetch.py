"""Polite, bounded HTTP: the only module that builds an `httpx.Client`.

Every request of tracker (feeds and article pages) goes through `fetch`, so every request gets
the same limits: connect/read timeouts plus a total deadline checked while the body streams (a
server that drips one byte a second still fails on time), a body-size cap, a redirect cap, only
http/https (local files only when the client was made with `allow_files=True`), a User-Agent that
names tracker, and a cap on requests in flight overall and per host. httpx errors become
`tracker.errors.FetchError` subclasses with one-line messages, here and nowhere else.
"""
from __future__ import annotations

import email.utils
import logging
import threading
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpx

from tracker import __version__ as _version
from tracker.clock import monotonic
from tracker.config import Settings
from tracker.errors import FeedGoneError, FetchError, RateLimitedError, TooLargeError

log = logging.getLogger(__name__)


@dataclass
class FetchResult:
    """What one GET returned: enough to parse the body and to schedule the next request."""

    url: str
    final_url: str
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)   # lower-case names
    etag: str | None = None
    last_modified: str | None = None
    retry_after_s: float | None = None
    max_age_s: int | None = None
    not_modified: bool = False
    elapsed_s: float = 0.0

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class _Limits:
    """Concurrency caps and the deadline for one client (a small semaphore map per host)."""

    total_s: float
    max_bytes: int
    per_host: int
    allow_files: bool
    overall: threading.BoundedSemaphore
    hosts: dict[str, threading.BoundedSemaphore] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def host(self, name: str) -> threading.BoundedSemaphore:
        with self.lock:
            return self.hosts.setdefault(name, threading.BoundedSemaphore(self.per_host))


_LIMITS: weakref.WeakKeyDictionary[httpx.Client, _Limits] = weakref.WeakKeyDictionary()


def user_agent(settings: Settings) -> str:
    return settings.fetch.user_agent or f"tracker/{_version} (+feed tracker; https://example.org/tracker)"


def make_client(settings: Settings, transport: httpx.BaseTransport | None = None, *, allow_files: bool = False) -> httpx.Client:
    """The one HTTP client: explicit timeouts, redirect cap, User-Agent, connection caps."""
    f = settings.fetch
    client = httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(connect=f.connect_timeout_s, read=f.read_timeout_s, write=f.read_timeout_s, pool=f.timeout_s),
        follow_redirects=True,
        max_redirects=f.max_redirects,
        limits=httpx.Limits(max_connections=f.max_connections, max_keepalive_connections=f.max_connections),
        headers={"User-Agent": user_agent(settings), "Accept-Encoding": "gzip, deflate"},
        trust_env=False,
    )
    _LIMITS[client] = _Limits(total_s=f.timeout_s, max_bytes=f.max_bytes, per_host=f.max_per_host,
                              allow_files=allow_files, overall=threading.BoundedSemaphore(f.max_connections))
    return client


def fetch(client: httpx.Client, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
    """GET `url` within the client's limits; 304 gives `not_modified`, HTTP errors raise `FetchError`."""
    limits = _LIMITS.get(client) or _Limits(20.0, 10_000_000, 2, False, threading.BoundedSemaphore(8))
    scheme = urlsplit(url).scheme.lower()
    if scheme == "file" and limits.allow_files:
        return _fetch_file(url, limits)
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, got {url[:200]!r}")
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    started = monotonic()
    with _slot(limits, urlsplit(url).hostname or ""), _translate(url, limits):
        with client.stream("GET", url, headers=headers) as response:
            result = _read(response, url, limits, started)
    log.debug("Fetched a URL.", extra={"event": "url_fetched", "url": url, "status": result.status,
                                         "elapsed_ms": round(result.elapsed_s * 1000), "bytes": len(result.body)})
    _raise_for_status(result)
    return result


fetch_feed = fetch      # the package-level name (`tracker.ingest.fetch` is this module)


@contextmanager
def _slot(limits: _Limits, host: str) -> Iterator[None]:
    """Hold one request slot overall and one for the host while the request runs."""
    with limits.host(host), limits.overall:
        yield


def _read(response: httpx.Response, url: str, limits: _Limits, started: float) -> FetchResult:
    """Stream the body under the size cap and the total deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise TooLargeError(f"{_host(url)}: response of {int(declared)} bytes is over the {limits.max_bytes}-byte cap")
    chunks, size = [], 0
    if response.status_code != 304:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limits.max_bytes:
                raise TooLargeError(f"{_host(url)}: response is over the {limits.max_bytes}-byte cap")
            if monotonic() - started > limits.total_s:
                raise FetchError(f"{_host(url)}: timed out after {limits.total_s:g}s (response too slow)")
            chunks.append(chunk)
    headers = {k.lower(): v for k, v in response.headers.items()}
    return FetchResult(
        url=url, final_url=str(response.url), status=response.status_code, body=b"".join(chunks),
        headers=headers, etag=headers.get("etag"), last_modified=headers.get("last-modified"),
        retry_after_s=parse_retry_after(headers), max_age_s=parse_max_age(headers.get("cache-control", "")),
        not_modified=response.status_code == 304, elapsed_s=monotonic() - started,
    )


def _raise_for_status(result: FetchResult) -> None:
    status = result.status
    if status < 400:
        return
    where = _host(result.final_url)
    if status == 410:
        exc: FetchError = FeedGoneError(f"{where}: 410 Gone (the publisher removed it)")
    elif status in (429, 503) and result.retry_after_s is not None:
        exc = RateLimitedError(f"{where}: {status}, asked to retry after {result.retry_after_s:g}s", result.retry_after_s)
    else:
        exc = FetchError(f"{where}: HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip())
    exc.status = status  # type: ignore[attr-defined]
    raise exc


@contextmanager
def _translate(url: str, limits: _Limits) -> Iterator[None]:
    """httpx's exceptions as one-line `FetchError`s (the one place that knows httpx's tree)."""
    where = _host(url)
    try:
        yield
    except httpx.TooManyRedirects:
        raise FetchError(f"{where}: too many redirects (a redirect loop?)") from None
    except httpx.ConnectTimeout:
        raise FetchError(f"{where}: timed out while connecting") from None
    except httpx.TimeoutException:
        raise FetchError(f"{where}: timed out waiting for the server") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"{where}: cannot connect ({_short(exc)})") from None
    except httpx.UnsupportedProtocol:
        raise FetchError(f"{where}: redirected to a URL that is not http or https") from None
    except httpx.DecodingError:
        raise FetchError(f"{where}: the response body is not valid for its Content-Encoding") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"not a valid URL {url[:200]!r}: {_short(exc)}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{where}: {type(exc).__name__} ({_short(exc)})") from None


def _fetch_file(url: str, limits: _Limits) -> FetchResult:
    """A local file, when asked for explicitly (for tests and offline use)."""
    path = Path(url2pathname(urlsplit(url).path))
    try:
        if path.stat().st_size > limits.max_bytes:
            raise TooLargeError(f"{path}: file is over the {limits.max_bytes}-byte cap")
        body = path.read_bytes()
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror}") from None
    return FetchResult(url=url, final_url=url, status=200, body=body)


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Retry-After as seconds: delta-seconds, or an HTTP date measured from the response's Date."""
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
        sent = email.utils.parsedate_to_datetime(headers.get("date", ""))
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None or sent.tzinfo is None:
        return None
    return max(0.0, (when - sent).total_seconds())


def parse_max_age(cache_control: str) -> int | None:
    """Cache-Control max-age in seconds (a floor for the poll interval), if any."""
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        if name.lower() == "max-age" and value.strip().strip('"').isdigit():
            return int(value.strip().strip('"'))
    return None


def _host(url: str) -> str:
    return urlsplit(url).netloc or url[:80]


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
