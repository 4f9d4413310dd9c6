"""Rows for digest tests: articles with mentions, events and follow-ups, stored in a real DB."""
from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

from tracker.store import Article, Event, Feed, Followup, FollowupChange, Mention, session_scope

_n = itertools.count(1)


def at(text: str) -> datetime:
    """`2026-03-02 06:00` as aware UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def add_event(engine, title: str, published: str, fetched: str | None = None, *, on: str = "2026-03-01",
              kind: str = "occurred", event_id: int | None = None, sentence: str = "",
              processed: str | None = None) -> int:
    """One article reporting one event (a new event, or another report of `event_id`)."""
    n = next(_n)
    with session_scope(engine) as s:
        art = Article(url=f"https://news.example/{n}", title=f"{title} (report {n})", text=sentence or title,
                      content_hash=f"h{n}", published_at=at(published), fetched_at=at(fetched or published),
                      processed_at=at(processed) if processed else None)
        s.add(art)
        if event_id is None:
            ev = Event(title=title, kind=kind, value=on, start_on=date.fromisoformat(on), end_on=date.fromisoformat(on))
            s.add(ev)
            s.flush()
            event_id = ev.id
        s.flush()
        s.add(Mention(article_id=art.id, event_id=event_id, sentence=sentence or f"{title}.", time_value=on))
    return event_id


def add_followup(engine, claim: str, deadline: str, status: str = "open") -> int:
    with session_scope(engine) as s:
        f = Followup(claim=claim, deadline_on=date.fromisoformat(deadline), deadline_text=deadline, status=status)
        s.add(f)
        s.flush()
        return f.id


def settle(engine, followup_id: int, status: str, published: str, sentence: str, fetched: str | None = None) -> str:
    """A report that settles a follow-up; returns the article URL."""
    n = next(_n)
    with session_scope(engine) as s:
        art = Article(url=f"https://news.example/settle-{n}", title=f"Report {n}", text=sentence,
                      content_hash=f"s{n}", published_at=at(published), fetched_at=at(fetched or published))
        s.add(art)
        s.flush()
        m = Mention(article_id=art.id, sentence=sentence)
        s.add(m)
        s.flush()
        f = s.get(Followup, followup_id)
        f.status = status
        s.add(FollowupChange(followup_id=followup_id, at=art.published_at, status=status, mention_id=m.id))
        return art.url


def add_failing_feed(engine, url: str, failures: int) -> None:
    with session_scope(engine) as s:
        s.add(Feed(url=url, title="Flaky", consecutive_failures=failures, last_error="HTTP 500"))
