"""Gather what one digest says: the sections for one recipient and one day.

A digest covers everything published up to its cut-off (digest.time on its day, in
digest.timezone) that no earlier digest to that recipient covered. "Covered by digest E" means
the article was published by E's cut-off *and* already stored when E was built (E.claimed_at),
so an article fetched late with an old publication date (a backfill) still reaches the next
digest, and a week of downtime is caught up by one digest that loses nothing and repeats
nothing. Only digests that were actually sent count as covering anything.

"Stored" is the article's `processed_at` (stamped by the timeline just before the article's
transaction commits; `fetched_at` if the timeline never ran), not `fetched_at` alone: a long
poll stamps `fetched_at` on all of a feed's entries before committing them one by one, and a
digest built in between must not count the uncommitted ones as covered. A digest built at T
counts as built at T - SETTLE_MARGIN, so an article committed a little after its stamp (or
stamped by another host whose clock is a little off) lands in the next digest rather than nowhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, false, func, not_, or_
from sqlmodel import Session, col, select

from tracker.clock import utc
from tracker.config import Settings
from tracker.store import Article, Digest, Event, Feed, Followup, FollowupChange, Mention

SETTLED = ("fulfilled", "late", "cancelled", "postponed")
PENDING = ("open", "postponed")
UPCOMING_KINDS = ("scheduled", "expected")
DUE_DAYS = 7
UPCOMING_DAYS = 30
LIMIT = 50
SETTLE_MARGIN = timedelta(seconds=30)
MAX_EVENTS = 200


@dataclass(frozen=True)
class Window:
    """What a digest may include: published by `cutoff_at`, stored by `as_of`, not covered before."""

    cutoff_at: datetime
    as_of: datetime                         # built at, less SETTLE_MARGIN
    covered_from: datetime | None = None
    covered: tuple[tuple[datetime, datetime], ...] = ()   # (cutoff_at, built_at) of covering digests


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    published_at: datetime | None = None
    sentence: str = ""


@dataclass(frozen=True)
class EventItem:
    id: int
    title: str
    kind: str
    value: str
    start_on: date
    end_on: date
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class FollowupItem:
    id: int
    claim: str
    status: str
    deadline_on: date | None
    deadline_text: str = ""
    days_left: int | None = None
    evidence: Source | None = None      # for settled ones: the sentence and link that settled it


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str
    consecutive_failures: int
    last_error: str | None


@dataclass(frozen=True)
class DigestContent:
    """Everything a digest says; rendering only formats it."""

    recipient: str
    day: date
    window: Window
    events: list[EventItem] = field(default_factory=list)
    settled: list[FollowupItem] = field(default_factory=list)
    due: list[FollowupItem] = field(default_factory=list)
    overdue: list[FollowupItem] = field(default_factory=list)
    upcoming: list[EventItem] = field(default_factory=list)
    failing: list[FeedItem] = field(default_factory=list)
    more_events: int = 0        # new events beyond the cap, left out of the email (not of the timeline)

    @property
    def is_empty(self) -> bool:
        return not (self.events or self.settled or self.due or self.overdue or self.upcoming or self.failing)


def cutoff_for(settings: Settings, day: date) -> datetime:
    """The digest time on `day` in the digest's time zone, as aware UTC."""
    parts = [int(p) for p in settings.digest.time.split(":")]
    local = datetime.combine(day, time(*parts), tzinfo=ZoneInfo(settings.digest.timezone))
    return utc(local)


def local_day(settings: Settings, at: datetime) -> date:
    """The calendar day of `at` in the digest's time zone."""
    return at.astimezone(ZoneInfo(settings.digest.timezone)).date()


def make_window(session: Session, settings: Settings, recipient: str, day: date, as_of: datetime) -> Window:
    """The window of (recipient, day): its cut-off, and the sent digests that already covered things."""
    cutoff = cutoff_for(settings, day)
    rows = session.exec(
        select(Digest).where(Digest.recipient == recipient, Digest.status == "sent", Digest.day != day)
    ).all()
    pairs = [(utc(r.cutoff_at), utc(r.claimed_at or r.sent_at or r.cutoff_at) - SETTLE_MARGIN) for r in rows if r.cutoff_at]
    earlier = [c for c, _ in pairs if c < cutoff]
    return Window(cutoff, as_of - SETTLE_MARGIN, max(earlier) if earlier else None, _frontier(pairs))


def _frontier(pairs: list[tuple[datetime, datetime]]) -> tuple[tuple[datetime, datetime], ...]:
    """Drop digests whose coverage another one includes (usually all but the latest)."""
    keep = [p for p in pairs if not any(q != p and q[0] >= p[0] and q[1] >= p[1] for q in pairs)]
    return tuple(sorted(set(keep)))


def _stored_at() -> Any:
    return func.coalesce(col(Article.processed_at), col(Article.fetched_at))


def _fresh(window: Window) -> Any:
    """SQL condition: an article this digest may report (published and stored in time, not covered)."""
    cond = and_(col(Article.published_at) <= window.cutoff_at, _stored_at() <= window.as_of)
    return and_(cond, not_(_covered(window)))


def _covered(window: Window) -> Any:
    """SQL condition: an article an earlier digest to this recipient already reported."""
    if not window.covered:
        return false()
    return or_(*(and_(col(Article.published_at) <= c, _stored_at() <= b) for c, b in window.covered))


def build_digest(session: Session, settings: Settings, recipient: str, day: date, as_of: datetime) -> DigestContent:
    """The digest of `day` for `recipient`, from what the database held at `as_of`."""
    window = make_window(session, settings, recipient, day, utc(as_of))
    events = _new_events(session, window)
    return DigestContent(
        recipient=recipient, day=day, window=window,
        events=events[:MAX_EVENTS], more_events=max(0, len(events) - MAX_EVENTS),
        settled=_settled(session, window),
        due=_due(session, day),
        overdue=_overdue(session, day),
        upcoming=_upcoming(session, day),
        failing=_failing(session, settings),
    )


def _new_events(session: Session, window: Window) -> list[EventItem]:
    """Events first reported in this window: a fresh mention, and none an earlier digest reported."""
    fresh_rows = session.exec(
        select(Mention, Article).join(Article, col(Mention.article_id) == Article.id)
        .where(col(Mention.event_id).is_not(None), _fresh(window))
        .order_by(col(Article.published_at), col(Mention.id))
    ).all()
    if not fresh_rows:
        return []
    ids = {m.event_id for m, _ in fresh_rows}
    old = set(session.exec(
        select(Mention.event_id).join(Article, col(Mention.article_id) == Article.id)
        .where(col(Mention.event_id).in_(ids), _covered(window))
    ).all())
    sources: dict[int, list[Source]] = {}
    for m, a in fresh_rows:
        if m.event_id not in old and not any(s.url == a.url for s in sources.get(m.event_id, [])):
            sources.setdefault(m.event_id, []).append(Source(a.url, a.title, a.published_at, m.sentence))
    events = session.exec(select(Event).where(col(Event.id).in_(list(sources)))).all()
    items = [_event_item(e, sources[e.id or 0]) for e in events]
    return sorted(items, key=lambda e: (e.start_on, e.end_on, e.id))


def _event_item(event: Event, sources: list[Source] | tuple[Source, ...] = ()) -> EventItem:
    return EventItem(event.id or 0, event.title, event.kind, event.value, event.start_on, event.end_on,
                     tuple(sources[:3]))


def _settled(session: Session, window: Window) -> list[FollowupItem]:
    """Follow-ups whose status changed for good in this window, with the evidence that did it."""
    with_evidence = session.exec(
        select(FollowupChange, Followup, Mention, Article)
        .join(Followup, col(FollowupChange.followup_id) == Followup.id)
        .join(Mention, col(FollowupChange.mention_id) == Mention.id)
        .join(Article, col(Mention.article_id) == Article.id)
        .where(col(FollowupChange.status).in_(SETTLED), _fresh(window))
        .order_by(col(FollowupChange.at), col(FollowupChange.id))
    ).all()
    lower = [col(FollowupChange.at) > window.covered_from] if window.covered_from else []
    bare = session.exec(
        select(FollowupChange, Followup).join(Followup, col(FollowupChange.followup_id) == Followup.id)
        .where(col(FollowupChange.status).in_(SETTLED), col(FollowupChange.mention_id).is_(None),
               col(FollowupChange.at) <= window.cutoff_at, *lower)
        .order_by(col(FollowupChange.at), col(FollowupChange.id))
    ).all()
    items = [_followup_item(f, status=ch.status, deadline_on=ch.deadline_on,
                            evidence=Source(a.url, a.title, a.published_at, m.sentence))
             for ch, f, m, a in with_evidence]
    items += [_followup_item(f, status=ch.status, deadline_on=ch.deadline_on) for ch, f in bare]
    return items[:LIMIT]


def _followup_item(f: Followup, day: date | None = None, **over: Any) -> FollowupItem:
    deadline = over.pop("deadline_on", None) or f.deadline_on
    days_left = (deadline - day).days if (deadline and day) else None
    return FollowupItem(f.id or 0, f.claim, over.pop("status", f.status), deadline, f.deadline_text,
                        days_left, over.pop("evidence", None))


def _due(session: Session, day: date) -> list[FollowupItem]:
    """Open follow-ups whose deadline falls within the next week (today included)."""
    rows = session.exec(
        select(Followup).where(col(Followup.status).in_(PENDING), col(Followup.deadline_on) >= day,
                               col(Followup.deadline_on) <= day + timedelta(days=DUE_DAYS))
        .order_by(col(Followup.deadline_on), col(Followup.id)).limit(LIMIT)
    ).all()
    return [_followup_item(f, day) for f in rows]


def _overdue(session: Session, day: date) -> list[FollowupItem]:
    """Follow-ups past their deadline and still unsettled (marked overdue, or not yet marked)."""
    rows = session.exec(
        select(Followup).where(or_(
            col(Followup.status) == "overdue",
            and_(col(Followup.status).in_(PENDING), col(Followup.deadline_on) < day),
        )).order_by(col(Followup.deadline_on), col(Followup.id)).limit(LIMIT)
    ).all()
    return [_followup_item(f, day, status="overdue") for f in rows]


def _upcoming(session: Session, day: date) -> list[EventItem]:
    """Scheduled or expected events in the coming weeks."""
    rows = session.exec(
        select(Event).where(col(Event.kind).in_(UPCOMING_KINDS), col(Event.end_on) >= day,
                            col(Event.start_on) <= day + timedelta(days=UPCOMING_DAYS))
        .order_by(col(Event.start_on), col(Event.id)).limit(LIMIT)
    ).all()
    return [_event_item(e) for e in rows]


def _failing(session: Session, settings: Settings) -> list[FeedItem]:
    """Feeds that failed at least `fetch.failing_after` times in a row."""
    rows = session.exec(
        select(Feed).where(col(Feed.consecutive_failures) >= settings.fetch.failing_after)
        .order_by(col(Feed.consecutive_failures).desc(), col(Feed.url)).limit(LIMIT)
    ).all()
    return [FeedItem(f.url, f.title, f.consecutive_failures, f.last_error) for f in rows]
