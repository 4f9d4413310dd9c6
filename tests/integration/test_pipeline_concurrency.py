"""`run_once` fetches feeds concurrently (network only; the database stays on the calling thread):
against a real slow server it finishes well under the serial time, never exceeds the per-host cap,
and stores in claim order. Runs on SQLite, and on PostgreSQL when TRACKER_TEST_POSTGRES_URL is set."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from _ingest_site import Route, Site, rss
from sqlmodel import select

from tracker.clock import FixedClock
from tracker.config import Settings, with_overrides
from tracker.ingest.pipeline import run_once
from tracker.store import Article, Feed, session_scope

DELAY_S, FEEDS = 0.5, 8


class CountingSite(Site):
    """A Site that records the most requests in flight at once, per Host header."""

    def __init__(self) -> None:
        super().__init__()
        self.in_flight: dict[str, int] = {}
        self.max_in_flight: dict[str, int] = {}
        self.count_lock = threading.Lock()

    def _serve(self, req) -> None:  # type: ignore[no-untyped-def]
        host = req.headers.get("Host", "").split(":")[0]
        with self.count_lock:
            self.in_flight[host] = self.in_flight.get(host, 0) + 1
            self.max_in_flight[host] = max(self.max_in_flight.get(host, 0), self.in_flight[host])
        try:
            super()._serve(req)
        finally:
            with self.count_lock:
                self.in_flight[host] -= 1


@pytest.fixture
def site() -> Iterator[CountingSite]:
    s = CountingSite()
    yield s
    s.close()


def slow_feeds(site: Site) -> list[str]:
    """8 feeds of one item each (no page: the entry links nowhere), every response after 0.5 s;
    half addressed as 127.0.0.1 and half as localhost, so two hosts share the work."""
    urls = []
    for i in range(FEEDS):
        items = [{"guid": f"f{i}", "link": "", "title": f"Story {i}", "description": f"Story {i} text."}]
        site.add(f"/feed{i}.xml", rss(items, title=f"Feed {i}"), headers={"Content-Type": "application/rss+xml"},
                 delay_s=DELAY_S)
        url = site.url(f"/feed{i}.xml")
        urls.append(url if i % 2 == 0 else url.replace("127.0.0.1", "localhost"))
    return urls


def test_feeds_are_fetched_concurrently_within_the_per_host_cap(engine, settings: Settings, clock: FixedClock,
                                                                 site: CountingSite, monkeypatch) -> None:
    import tracker.timeline

    monkeypatch.setattr(tracker.timeline, "record_article", lambda session, article: None)   # time the network
    cfg = with_overrides(settings, fetch={"max_connections": 8, "max_per_host": 2, "timeout_s": 5.0,
                                          "read_timeout_s": 3.0, "connect_timeout_s": 2.0})
    urls = slow_feeds(site)
    with session_scope(engine) as s:
        for url in urls:
            s.add(Feed(url=url))
    seen: list[tuple[int, int, str]] = []
    started = time.monotonic()
    summary = run_once(engine, cfg, clock, progress=lambda d, t, u: seen.append((d, t, u)))
    elapsed = time.monotonic() - started
    serial = FEEDS * DELAY_S                                    # 4 s one after another
    assert (summary.feeds_polled, summary.new_articles, summary.failures) == (FEEDS, FEEDS, 0), summary.errors
    assert elapsed < 0.6 * serial, f"{elapsed:.2f}s, serial would be {serial:.1f}s"   # ideal: 1 s (2 hosts x 2)
    assert site.max_in_flight == {"127.0.0.1": 2, "localhost": 2}
    assert seen == [(0, FEEDS, "")] + [(i + 1, FEEDS, url) for i, url in enumerate(urls)]   # claim order
    with session_scope(engine) as s:
        titles = [a.title for a in s.exec(select(Article).order_by(Article.id)).all()]
    assert titles == [f"Story {i}" for i in range(FEEDS)]       # stored in claim order


def test_stop_cancels_fetches_not_yet_started(engine, settings: Settings, clock: FixedClock, site: CountingSite) -> None:
    cfg = with_overrides(settings, fetch={"max_connections": 2, "max_per_host": 2, "timeout_s": 5.0,
                                          "read_timeout_s": 3.0, "connect_timeout_s": 2.0})
    urls = slow_feeds(site)
    with session_scope(engine) as s:
        for url in urls:
            s.add(Feed(url=url))
    done = {"n": 0}

    def progress(d: int, total: int, url: str) -> None:
        done["n"] = d
    summary = run_once(engine, cfg, clock, progress=progress, stop=lambda: done["n"] >= 1)
    assert summary.stopped and summary.feeds_polled == 1
    time.sleep(DELAY_S * 2)                                     # let any fetch already running end
    with site.lock:
        fetched = sum(site.hits.values())
    assert fetched <= 1 + 2 + 1                                 # the stored feed, its look-ahead, one more at most
    with session_scope(engine) as s:
        due = [f.url for f in s.exec(select(Feed).order_by(Feed.id)).all() if f.next_fetch_at is None]
        assert due == urls[1:] and all(f.lease_owner is None for f in s.exec(select(Feed)).all())
