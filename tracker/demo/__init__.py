"""`tracker demo`: the whole pipeline, offline, on a small news site bundled with the package.

Two feeds (RSS and Atom) and six article pages tell a story with dated events and forward-looking
statements (a bridge opening that slips, a summit that then happens). `run_demo` serves them on
127.0.0.1, ingests them into the database it is given and returns a readable summary.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.clock import Clock
    from tracker.config import Settings


def run_demo(db_url: str, settings: Settings, clock: Clock) -> list[str]:
    """Serve the demo site, subscribe its feeds, ingest everything; return the summary lines."""
    from sqlmodel import select

    from tracker.demo.server import DemoSite
    from tracker.ingest.pipeline import run_once
    from tracker.store import Feed, make_engine, session_scope

    engine = make_engine(db_url)
    try:
        with DemoSite() as site:
            with session_scope(engine) as s:
                for url in site.feed_urls:
                    if s.exec(select(Feed).where(Feed.url == url)).first() is None:
                        s.add(Feed(url=url, created_at=clock.now()))
            summary = run_once(engine, settings, clock, all_feeds=True)
            lines = [f"Demo site: {site.base} (2 feeds, 6 pages, served from the package)",
                     f"Ingest: {summary.line()}."]
            lines += summary.errors
        lines += _articles(engine) + _timeline(engine, clock)
    finally:
        engine.dispose()
    return lines


def _articles(engine: Any) -> list[str]:
    """One line per article, on the publisher's own calendar day, with how it was obtained."""
    from datetime import timedelta

    from sqlalchemy import func
    from sqlmodel import select

    from tracker.store import Article, ArticleFeed, session_scope

    with session_scope(engine) as s:
        rows = s.exec(select(Article, func.count(ArticleFeed.id)).join(ArticleFeed, isouter=True)
                      .group_by(Article.id).order_by(Article.published_at)).all()
        lines = ["", f"Articles ({len(rows)}):"]
        for article, feeds in rows:
            local = (article.published_at + timedelta(minutes=article.published_offset_min)).strftime("%Y-%m-%d")
            via = f"{feeds} feeds" if feeds != 1 else "1 feed"
            lines.append(f"  {local}  {article.title}  [{via}; text from {article.extraction}; date from {article.published_source}]")
    return lines


def _timeline(engine: Any, clock: Clock) -> list[str]:
    """The timeline and follow-ups, through tracker.timeline's public summary when it exists."""
    from tracker.store import session_scope

    try:
        from tracker.timeline import summarize_timeline
    except ImportError:
        return ["", "Timeline: not available in this version."]
    try:
        with session_scope(engine) as s:
            text = summarize_timeline(s, today=clock.now().date())
    except Exception as exc:  # noqa: BLE001 - the demo still shows what was ingested
        return ["", f"Timeline: could not be built ({type(exc).__name__}: {str(exc)[:200]})."]
    if not text or not text.strip():
        return ["", "Timeline: empty (no dated events were found in the articles)."]
    return ["", *text.rstrip().splitlines()]


__all__ = ["run_demo"]
