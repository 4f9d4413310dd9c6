"""`tracker feeds add | list | remove | import | export`: the subscription list.

Adding is idempotent (a second add only updates the interval), a new feed is due at once, and
OPML goes both ways so a subscription list moves between tracker and any feed reader.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import typer

from tracker.cli.app import STATE, FormatOption, feeds_app
from tracker.cli.output import default_format, emit
from tracker.errors import NotFoundError, TrackerError

COLUMNS = ["url", "title", "interval_minutes", "articles", "last_fetched", "last_status", "consecutive_failures", "next_fetch"]
TABLE_COLUMNS = ["url", "title", "articles", "consecutive_failures", "next_fetch"]   # what fits a terminal


def check_feed_url(url: str) -> str:
    """A feed URL must be absolute http(s); say so in one line otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise TrackerError(f"a feed URL must start with http:// or https://, got {url!r}")
    return url


def add_feed(session: Any, url: str, interval: int | None = None, title: str = "") -> bool:
    """Subscribe to `url` (True) or update the existing subscription (False). Due at once."""
    from sqlmodel import select

    from tracker.store import Feed

    feed = session.exec(select(Feed).where(Feed.url == url)).first()
    if feed is not None:
        if interval is not None:
            feed.interval_minutes = interval
        if title and not feed.title:
            feed.title = title
        session.add(feed)
        return False
    session.add(Feed(url=url, title=title, interval_minutes=interval, created_at=STATE.clock.now()))
    return True


@feeds_app.command("add")
def add_command(url: str = typer.Argument(..., help="The feed's URL (RSS, Atom or JSON Feed)."),
                interval: int | None = typer.Option(None, "--interval", min=1, help="Minutes between polls (default: fetch.interval_minutes).")) -> None:
    """Subscribe to a feed (idempotent). It is polled at the next `tracker ingest`."""
    from tracker.store import session_scope

    url = check_feed_url(url)
    with session_scope(STATE.engine) as s:
        created = add_feed(s, url, interval)
    typer.echo(f"Subscribed: {url}" if created else f"Already subscribed: {url}" + (f" (interval now {interval} min)" if interval else ""))


@feeds_app.command("list")
def list_command(fmt: str = FormatOption) -> None:
    """List subscribed feeds with their health and article counts."""
    fmt = default_format(fmt)
    rows = feed_rows(STATE.engine)
    emit(rows, fmt, columns=TABLE_COLUMNS if fmt == "table" else COLUMNS, title="Feeds")


def feed_rows(engine: Any) -> list[dict[str, Any]]:
    """One row per feed: the contract's status fields plus the interval."""
    from sqlalchemy import func
    from sqlmodel import select

    from tracker.store import ArticleFeed, Feed, session_scope

    with session_scope(engine) as s:
        counts = dict(s.exec(select(ArticleFeed.feed_id, func.count(func.distinct(ArticleFeed.article_id)))
                             .group_by(ArticleFeed.feed_id)).all())
        feeds = s.exec(select(Feed).order_by(Feed.id)).all()
        return [{"url": f.url, "title": f.title, "interval_minutes": f.interval_minutes, "articles": counts.get(f.id, 0),
                 "last_fetched": f.last_fetched_at, "last_status": f.last_status, "last_error": f.last_error,
                 "consecutive_failures": f.consecutive_failures, "next_fetch": f.next_fetch_at} for f in feeds]


@feeds_app.command("remove")
def remove_command(url: str = typer.Argument(..., help="The feed's URL, as `tracker feeds list` shows it.")) -> None:
    """Unsubscribe from a feed (its articles stay; links to this feed go)."""
    from sqlmodel import select

    from tracker.store import ArticleFeed, Feed, session_scope

    with session_scope(STATE.engine) as s:
        feed = s.exec(select(Feed).where(Feed.url == url.strip())).first()
        if feed is None:
            raise NotFoundError(f"no feed {url!r} is subscribed. See `tracker feeds list`")
        for link in s.exec(select(ArticleFeed).where(ArticleFeed.feed_id == feed.id)).all():
            s.delete(link)
        s.delete(feed)
    typer.echo(f"Removed: {url.strip()}")


@feeds_app.command("import")
def import_command(file: Path = typer.Argument(..., help="An OPML file, as feed readers export it.")) -> None:
    """Subscribe to every feed of an OPML file (feeds already subscribed are kept as they are)."""
    from tracker.ingest.feeds import read_opml
    from tracker.store import session_scope

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise TrackerError(f"cannot read {file}: {exc.strerror}") from None
    entries = read_opml(data, str(file))
    added = skipped = 0
    with session_scope(STATE.engine) as s:
        for entry in entries:
            try:
                url = check_feed_url(entry.url)
            except TrackerError:
                skipped += 1
                continue
            added += add_feed(s, url, title=entry.title)
    known = len(entries) - added - skipped
    typer.echo(f"Imported {added} feeds from {file} ({known} already subscribed, {skipped} skipped: not http/https).")


@feeds_app.command("export")
def export_command() -> None:
    """Write the subscription list as OPML on stdout."""
    from sqlmodel import select

    from tracker.ingest.feeds import OpmlFeed, write_opml
    from tracker.store import Feed, session_scope

    with session_scope(STATE.engine) as s:
        feeds = [OpmlFeed(url=f.url, title=f.title) for f in s.exec(select(Feed).order_by(Feed.id)).all()]
    sys.stdout.write(write_opml(feeds))
