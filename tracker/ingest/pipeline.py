"""The orchestrator (miniflux's handler): claim due feeds, fetch, parse, fetch pages, extract, store.

Durability is the point of the shape:
- each article, its feed link and everything the timeline derives from it commit in ONE
  transaction, so a crash (even kill -9) leaves all of it or none of it;
- a feed's validators (ETag, Last-Modified) and its next poll time are written only after all of
  its entries are stored, so a crash mid-feed leaves the feed due and the next run fetches it in
  full again; entries stored already are skipped by entry id: nothing lost, nothing duplicated.
The network is concurrent, the database is not: feeds are fetched and parsed ahead in one thread
pool, their entries' pages fetched and extracted in another (both sized `fetch.max_connections`;
the client's overall and per-host caps keep every host's load polite), while every database write
stays on the calling thread, feed by feed in claim order, one article at a time. So `stop()` is
honoured between articles, a feed fetched ahead but not stored is simply fetched again next run,
and the storage order is the same as a serial run's.
"""
from __future__ import annotations

import logging
import math
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import FetchError, NotFoundError, TrackerError
from tracker.ingest.articles import Candidate, candidate_from, fetch_page, prepare_entry, storable_url
from tracker.ingest.feeds import Entry, ParsedFeed, canonical_url, parse_feed
from tracker.ingest.fetch import FetchResult, fetch, make_client
from tracker.ingest.schedule import next_after_failure, next_after_success
from tracker.store import Article, ArticleFeed, Feed, session_scope

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], Any]     # (feeds done, feeds total, feed URL)
AHEAD = 16                                    # pages fetched/extracted ahead of the writer, at most
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class RunSummary:
    """What one run did; `line()` is the one summary line `tracker ingest` prints."""

    feeds_polled: int = 0
    not_modified: int = 0
    new_articles: int = 0
    failures: int = 0
    linked: int = 0            # stories already stored through another feed, now linked to this one too
    from_feed: int = 0         # new articles whose text came from the feed (page unreachable or empty)
    stopped: bool = False
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.feeds_polled} feeds polled, {self.not_modified} not modified, "
                f"{self.new_articles} new articles, {self.failures} failures")


@dataclass
class _Job:
    """A claimed feed, detached from its session."""

    id: int
    url: str
    etag: str | None
    last_modified: str | None


def default_owner() -> str:
    """The lease owner of a CLI run: stable per host, so a re-run after a crash can take its feeds back."""
    return f"{socket.gethostname()}:cli"


def claim_due_feeds(session: Session, clock: Clock, owner: str, lease_s: float, limit: int | None,
                    *, all_feeds: bool = False) -> list[Feed]:
    """Due feeds (next_fetch_at null or past), oldest first.

    On PostgreSQL the rows are locked with FOR UPDATE SKIP LOCKED and leased to `owner` until
    now + lease_s, so several daemons share the feeds and each feed is fetched once per interval;
    an expired lease (a daemon that died) may be taken again. SQLite allows one daemon: a plain select.
    """
    now = clock.now()
    query = select(Feed).order_by(Feed.next_fetch_at.asc().nulls_first(), Feed.id)  # type: ignore[union-attr]
    if not all_feeds:
        query = query.where(or_(Feed.next_fetch_at.is_(None), Feed.next_fetch_at <= now))  # type: ignore[union-attr,operator]
    if limit:
        query = query.limit(limit)
    if session.get_bind().dialect.name != "postgresql":
        return list(session.exec(query).all())
    query = query.where(or_(Feed.lease_until.is_(None), Feed.lease_until < now, Feed.lease_owner == owner))  # type: ignore[union-attr,operator,arg-type]
    feeds = list(session.exec(query.with_for_update(skip_locked=True)).all())
    for feed in feeds:
        feed.lease_owner, feed.lease_until = owner, now + timedelta(seconds=lease_s)
        session.add(feed)
    return feeds


def run_once(engine: Engine, settings: Settings, clock: Clock, *, all_feeds: bool = False,
             owner: str | None = None, client: httpx.Client | None = None, progress: Progress | None = None,
             stop: Callable[[], bool] | None = None, limit: int | None = None) -> RunSummary:
    """Poll every due feed once (all feeds with `all_feeds`) and store their new articles."""
    owner = owner or default_owner()
    with session_scope(engine) as session:
        jobs = [_Job(f.id, f.url, f.etag, f.last_modified) for f in   # type: ignore[arg-type]
                claim_due_feeds(session, clock, owner, settings.daemon.lease_seconds, limit, all_feeds=all_feeds)]
    summary, http = RunSummary(), client or make_client(settings)
    size = settings.fetch.max_connections
    feed_pool = ThreadPoolExecutor(max_workers=size, thread_name_prefix="tracker-feed")
    page_pool = ThreadPoolExecutor(max_workers=size, thread_name_prefix="tracker-page")
    try:
        _poll_all(engine, settings, clock, http, (feed_pool, page_pool), jobs, summary, stop, progress)
    finally:
        for pool in (feed_pool, page_pool):    # queued fetches are cancelled; running ones end on their own
            pool.shutdown(wait=False, cancel_futures=True)
        if client is None:
            http.close()
        _release(engine, [j.id for j in jobs], owner)
    log.info("Ingest run finished.", extra={"event": "ingest_finished", "feeds": summary.feeds_polled,
             "not_modified": summary.not_modified, "new_articles": summary.new_articles, "failures": summary.failures})
    return summary


@dataclass
class _Fetched:
    """One feed's network outcome, made in a worker: the response and its parse, or the error."""

    fetched_at: datetime
    result: FetchResult | None = None
    parsed: ParsedFeed | None = None
    error: Exception | None = None


def _poll_all(engine: Engine, settings: Settings, clock: Clock, client: httpx.Client, pools: tuple[Executor, Executor],
              jobs: list[_Job], summary: RunSummary, stop: Callable[[], bool] | None, progress: Progress | None) -> None:
    """Store the feeds in claim order while the next ones are fetched in the pool.

    At most `max_connections` feeds are fetched ahead (bounded memory, and nothing much fetched in
    vain should we stop); `stop` is checked before each feed so no new fetch starts after it.
    """
    feed_pool, page_pool = pools
    halted = threading.Event()          # tells queued feed fetches not to start (`stop` is the caller's)
    fetched = _ordered_map(feed_pool, lambda job: _fetch_feed(clock, client, job, halted), jobs,
                           settings.fetch.max_connections)
    if progress:
        progress(0, len(jobs), "")
    try:
        for done, job in enumerate(jobs, 1):
            if summary.stopped or (stop and stop()):    # this feed and the rest stay due
                summary.stopped = True
                return
            _poll_feed(engine, settings, clock, client, page_pool, job, next(fetched), summary, stop)
            if progress:
                progress(done, len(jobs), job.url)
    finally:
        halted.set()


def _fetch_feed(clock: Clock, client: httpx.Client, job: _Job, halted: threading.Event) -> _Fetched:
    """Worker side: network and parsing only, never the database (writes belong to the caller's
    thread); errors are returned, not raised, so the caller records them on the feed."""
    got = _Fetched(fetched_at=clock.now())
    try:
        if halted.is_set():
            raise FetchError(f"{job.url}: not fetched, the run was stopped")   # never stored: the run ended
        got.result = fetch(client, job.url, job.etag, job.last_modified)
        if not got.result.not_modified:
            got.parsed = parse_feed(got.result.body, got.result.headers, got.result.final_url)
    except Exception as exc:            # noqa: BLE001 - recorded on the feed by the caller
        got.error = exc
    return got


def _poll_feed(engine: Engine, settings: Settings, clock: Clock, client: httpx.Client, pool: Executor,
               job: _Job, got: _Fetched, summary: RunSummary, stop: Callable[[], bool] | None) -> None:
    """Store one fetched feed: a failure of any kind is recorded on the feed and never stops the run."""
    summary.feeds_polled += 1
    try:
        if got.error is not None:
            raise got.error
        assert got.result is not None
        if got.parsed is None:
            summary.not_modified += 1
        elif not _store_entries(engine, clock, client, pool, job, got.parsed, summary, stop):
            return                      # stopped mid-feed: leave it due, its validators unchanged
        _record_success(engine, settings, clock, job, got.fetched_at, got.result, got.parsed)
    except Exception as exc:            # noqa: BLE001 - one bad feed (or a bug it triggers) must not stop the others
        summary.failures += 1
        message = exc.message if isinstance(exc, TrackerError) else f"unexpected {type(exc).__name__}: {exc}"
        summary.errors.append(f"{job.url}: {message}")
        log.warning("Feed failed.", exc_info=not isinstance(exc, TrackerError),
                    extra={"event": "feed_failed", "feed_id": job.id, "url": job.url, "error": message})
        _record_failure(engine, settings, clock, job, got.fetched_at, exc, message)


def _store_entries(engine: Engine, clock: Clock, client: httpx.Client, pool: Executor, job: _Job,
                   parsed: ParsedFeed, summary: RunSummary, stop: Callable[[], bool] | None) -> bool:
    """Store the feed's new entries one transaction each; False if `stop` interrupted."""
    known_ids, known_urls = _known(engine, job.id, parsed.entries)
    fresh = [e for e in parsed.entries if e.entry_id not in known_ids]
    now = clock.now()

    def prepare(entry: Entry) -> Candidate:
        if entry.link and entry.link in known_urls:
            return candidate_from(entry, None, "stored already through another feed", now, job.url)
        return prepare_entry(client, entry, now, job.url)

    for entry, cand in zip(fresh, _ordered_map(pool, prepare, fresh, AHEAD)):
        if stop and stop():
            summary.stopped = True
            return False
        created = store_candidate(engine, clock, cand, feed_id=job.id, entry_id=entry.entry_id)
        if created is True:
            summary.new_articles += 1
            summary.from_feed += cand.extraction == "feed"
        elif created is False:
            summary.linked += 1
    return True


def _known(engine: Engine, feed_id: int, entries: list[Entry]) -> tuple[set[str], set[str]]:
    """Entry ids this feed has stored, and canonical URLs stored by any feed, among `entries`."""
    ids, urls = [e.entry_id for e in entries], [e.link for e in entries if e.link]
    known_ids: set[str] = set()
    known_urls: set[str] = set()
    with session_scope(engine) as s:
        for chunk in _chunks(ids, 500):
            known_ids.update(s.exec(select(ArticleFeed.entry_id).where(
                ArticleFeed.feed_id == feed_id, ArticleFeed.entry_id.in_(chunk))).all())  # type: ignore[attr-defined]
        for chunk in _chunks(urls, 500):
            known_urls.update(s.exec(select(Article.url).where(Article.url.in_(chunk))).all())  # type: ignore[attr-defined]
    return known_ids, known_urls


def store_candidate(engine: Engine, clock: Clock, cand: Candidate, *, feed_id: int | None = None,
                    entry_id: str | None = None) -> bool | None:
    """Store one article and what derives from it in ONE transaction.

    Returns True (new article), False (an existing article, newly linked to this feed) or None
    (nothing to do). A concurrent writer that stored the same story first makes the insert fail;
    the second attempt finds and links that article instead.
    """
    for attempt in (1, 2):
        try:
            with session_scope(engine) as session:
                return _store_in(session, clock, cand, feed_id, entry_id)
        except IntegrityError:
            if attempt == 2:
                raise
    return None


def _store_in(session: Session, clock: Clock, cand: Candidate, feed_id: int | None, entry_id: str | None) -> bool | None:
    if feed_id is not None and session.exec(select(ArticleFeed.id).where(
            ArticleFeed.feed_id == feed_id, ArticleFeed.entry_id == entry_id)).first() is not None:
        return None
    article = session.exec(select(Article).where(Article.url == cand.url)).first() or same_story(session, cand)
    created = article is None
    if article is None:
        article = Article(url=cand.url, title=cand.title[:1000], text=cand.text, content_hash=cand.content_hash,
                          published_at=cand.published_at, published_offset_min=cand.published_offset_min,
                          published_source=cand.published_source, fetched_at=cand.fetched_at,
                          extraction=cand.extraction, extraction_note=(cand.extraction_note or None))
        session.add(article)
        session.flush()
        _derive(session, clock, article)
    elif feed_id is None:
        return None
    if feed_id is not None:
        session.add(ArticleFeed(article_id=article.id, feed_id=feed_id, entry_id=entry_id or cand.url))  # type: ignore[arg-type]
    log.debug("Article stored.", extra={"event": "article_stored", "article_id": article.id, "new": created})
    return created


def same_story(session: Session, cand: Candidate) -> Article | None:
    """A stored article with the same body from ANOTHER site: the same wire story republished.

    The same text at two URLs of one site is more likely a cookie wall, a paywall or a "page not
    found" template than one story, so it never merges (two articles are better than a lost one).
    """
    host = _site(cand.url)
    for article in session.exec(select(Article).where(Article.content_hash == cand.content_hash).limit(20)).all():
        if _site(article.url) != host:
            return article
    return None


def _site(url: str) -> str:
    name = (urlsplit(url).hostname or "").lower()
    return name.removeprefix("www.")


def _derive(session: Session, clock: Clock, article: Article) -> None:
    """Run the timeline on the article inside its transaction (a savepoint guards the article:
    should the timeline fail on it, the article is still stored, unprocessed, and can be redone)."""
    try:
        with session.begin_nested():
            from tracker.timeline import record_article

            record_article(session, article)
            article.processed_at = clock.now()
            session.add(article)
    except Exception:                   # noqa: BLE001 - keep the article; processed_at stays empty
        log.exception("Timeline failed on an article.", extra={"event": "timeline_failed", "article_id": article.id})


def _record_success(engine: Engine, settings: Settings, clock: Clock, job: _Job, fetched_at: datetime,
                    result: FetchResult, parsed: ParsedFeed | None) -> None:
    with session_scope(engine) as s:
        feed = s.get(Feed, job.id)
        if feed is None:                # removed while we were polling it
            return
        feed.last_fetched_at, feed.last_status, feed.last_error, feed.consecutive_failures = fetched_at, result.status, None, 0
        feed.etag = result.etag or (feed.etag if result.not_modified else None)
        feed.last_modified = result.last_modified or (feed.last_modified if result.not_modified else None)
        if parsed is not None:
            feed.title = parsed.title or feed.title
            feed.site_url = parsed.site_url or feed.site_url
            feed.parse_problem = parsed.problem
            feed.ttl_minutes = max(parsed.ttl_minutes or 0, _minutes(result.max_age_s)) or None
        elif result.max_age_s:
            feed.ttl_minutes = max(feed.ttl_minutes or 0, _minutes(result.max_age_s))
        feed.next_fetch_at = next_after_success(clock.now(), settings.fetch, feed.interval_minutes,
                                                feed.ttl_minutes, result.retry_after_s)
        feed.lease_owner = feed.lease_until = None
        s.add(feed)
    log.info("Feed fetched.", extra={"event": "feed_fetched", "feed_id": job.id, "status": result.status,
                                     "elapsed_ms": round(result.elapsed_s * 1000)})


def _record_failure(engine: Engine, settings: Settings, clock: Clock, job: _Job, fetched_at: datetime,
                    exc: BaseException, message: str) -> None:
    with session_scope(engine) as s:
        feed = s.get(Feed, job.id)
        if feed is None:
            return
        feed.consecutive_failures += 1
        feed.last_fetched_at, feed.last_error = fetched_at, message[:1000]
        feed.last_status = getattr(exc, "status", None)
        feed.next_fetch_at = next_after_failure(clock.now(), settings.fetch, feed.interval_minutes,
                                                feed.consecutive_failures, getattr(exc, "retry_after_s", None))
        feed.lease_owner = feed.lease_until = None
        s.add(feed)


def _release(engine: Engine, feed_ids: list[int], owner: str) -> None:
    """Give back the leases this run still holds (feeds it did not finish stay due)."""
    if not feed_ids:
        return
    with session_scope(engine) as s:
        for chunk in _chunks(feed_ids, 500):
            s.exec(update(Feed).where(Feed.id.in_(chunk), Feed.lease_owner == owner)  # type: ignore[call-overload,union-attr]
                   .values(lease_owner=None, lease_until=None))


def _minutes(seconds: int | None) -> int:
    return math.ceil(seconds / 60) if seconds else 0


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _ordered_map(pool: Executor, fn: Callable[[T], R], items: Iterable[T], ahead: int) -> Iterator[R]:
    """`pool.map` in order, but at most `ahead` results in flight (bounded memory for big feeds)."""
    pending: deque[Any] = deque()
    source = iter(items)
    for item in source:
        pending.append(pool.submit(fn, item))
        if len(pending) >= ahead:
            break
    while pending:
        future = pending.popleft()
        nxt = next(source, None)
        if nxt is not None:
            pending.append(pool.submit(fn, nxt))
        yield future.result()


def ingest_url(engine: Engine, settings: Settings, clock: Clock, url: str, published: datetime | None = None,
               *, client: httpx.Client | None = None) -> tuple[Article, bool]:
    """Fetch, extract and store one article page; (article, True) if new, (existing, False) if known."""
    canonical = canonical_url(url)
    link = storable_url(canonical)
    if not link.startswith(("http://", "https://")):
        raise FetchError(f"only http and https URLs can be ingested, got {url[:200]!r}")
    with session_scope(engine) as s:
        existing = s.exec(select(Article).where(Article.url == link)).first()
    if existing is not None:
        return existing, False
    http = client or make_client(settings)
    try:
        page = fetch_page(http, canonical)
    finally:
        if client is None:
            http.close()
    entry = Entry(entry_id=link, link=canonical, title=page.title)
    cand = candidate_from(entry, page, None, clock.now(), canonical)
    if published is not None:
        offset = published.utcoffset()
        cand.published_at, cand.published_source = published, "given"
        cand.published_offset_min = int(offset.total_seconds() // 60) if offset else 0
    created = store_candidate(engine, clock, cand) is True
    with session_scope(engine) as s:       # new, or the same story stored under another URL
        article = s.exec(select(Article).where(Article.url == link)).first() or same_story(s, cand)
    if article is None:            # removed by someone else in between
        raise NotFoundError(f"{link}: the article was removed while it was being stored")
    return article, created
