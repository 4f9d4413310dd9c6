"""Reading the timeline: the rows behind `tracker timeline`, `tracker followups`, the digest, the demo.

Results are plain dicts in the contract's shapes (DESIGN.md section 6) plus a few extra keys.
Follow-up states are always replayed with `settle` from their linked mentions (cheap: a follow-up
has a handful), so the stored state, `--as-of D` and `overdue` against today can never disagree.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from tracker.errors import NotFoundError
from tracker.store.models import Article, Event, EventEntity, Followup, FollowupLink, Mention
from tracker.timeline._events import describe_event
from tracker.timeline._records import Record, record_from_row
from tracker.timeline.followups import Settlement, end_of_day, mark_overdue, settle


MAX_IDS = 5000


def query_timeline(session: Session, since: date | None = None, until: date | None = None,
                   entity: str | None = None, search: str | None = None, as_of: date | None = None) -> list[dict[str, Any]]:
    """Events overlapping [since, until], optionally about `entity` or containing `search`, as known on `as_of`."""
    q = select(Event)
    if since is not None:
        q = q.where(Event.end_on >= since)
    if until is not None:
        q = q.where(Event.start_on <= until)
    if entity:  # the ids first (few, through the name index), so no planner prefers a date-range scan
        sub = _entity_events(session, entity)
        ids = list(session.execute(sub.limit(MAX_IDS + 1)).scalars())
        q = q.where(Event.id.in_(ids if len(ids) <= MAX_IDS else sub))
    if search:
        like = f"%{search.lower()}%"
        q = q.where(or_(func.lower(Event.title).like(like), Event.id.in_(
            select(Mention.event_id).where(func.lower(Mention.sentence).like(like)))))
    events = session.execute(q.order_by(Event.start_on, Event.id)).scalars().all()
    records = _event_records(session, [e.id for e in events if e.id is not None])
    out = []
    for event in events:
        recs = records.get(event.id, [])  # type: ignore[arg-type]
        if as_of is not None:
            recs = [r for r in recs if r.published_at <= end_of_day(as_of)]
            if not recs:
                continue
        out.append(_event_dict(event, recs, as_of is not None))
    return sorted(out, key=lambda e: (e["start"], e["id"])) if as_of else out


def _entity_events(session: Session, entity: str) -> Any:
    """Event ids for a participant name: exact (any case) through the index, else a substring."""
    variants = {entity, entity.lower(), entity.title(), entity.upper()}
    exact = select(EventEntity.event_id).where(EventEntity.name.in_(variants))
    if session.execute(exact.limit(1)).first() is not None:
        return exact
    return select(EventEntity.event_id).where(func.lower(EventEntity.name).like(f"%{entity.lower()}%"))


def _event_records(session: Session, ids: list[int]) -> dict[int, list[Record]]:
    out: dict[int, list[Record]] = {}
    for chunk in _chunks(ids, 500):
        rows = session.execute(
            select(Mention, Article.published_at, Article.url, Article.published_offset_min)
            .join(Article, Article.id == Mention.article_id).where(Mention.event_id.in_(chunk))).all()
        for m, pub, url, off in rows:
            out.setdefault(m.event_id, []).append(record_from_row(m, pub, url, off))
    for recs in out.values():
        recs.sort(key=lambda r: r.sort_key)
    return out


def _chunks(ids: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _event_dict(event: Event, recs: list[Record], rederive: bool) -> dict[str, Any]:
    fields = describe_event(recs) if rederive and recs else None
    return {
        "id": event.id,
        "title": fields.title if fields else event.title,
        "kind": fields.kind if fields else event.kind,
        "value": fields.value if fields else event.value,
        "start": fields.start if fields else event.start_on,
        "end": fields.end if fields else event.end_on,
        "entities": list(fields.entities) if fields else sorted({n for r in recs for n in _names(r)}, key=str.lower),
        "predicate": event.predicate,
        "sources": [_source(r) for r in recs],
    }


def _names(rec: Record) -> tuple[str, ...]:
    return tuple(n for n in (*rec.participants, rec.subject) if n)


def _source(rec: Record | None) -> dict[str, Any] | None:
    if rec is None:
        return None
    return {"url": rec.url, "published": rec.published_at, "text": rec.sentence,
            "modality": rec.modality, "time": rec.time_text, "mention_id": rec.mention_id}


def get_event(session: Session, event_id: int) -> dict[str, Any]:
    """One event with every source, and the follow-ups it belongs to."""
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(f"no event with id {event_id}. List them with: tracker timeline")
    recs = _event_records(session, [event_id]).get(event_id, [])
    out = _event_dict(event, recs, False)
    out["followups"] = list(session.execute(select(Followup.id).where(Followup.event_id == event_id)).scalars())
    return out


def query_followups(session: Session, status: str | None = None, as_of: date | None = None,
                    today: date | None = None) -> list[dict[str, Any]]:
    """Follow-ups as known on `as_of` (default: everything), overdue judged against as_of or today."""
    rows = session.execute(select(Followup).order_by(Followup.id)).scalars().all()
    links = _followup_records(session, [f.id for f in rows if f.id is not None])
    out = []
    for row in rows:
        state = _state(links.get(row.id, []), as_of, today)  # type: ignore[arg-type]
        if state.status is None or (status and state.status != status):
            continue
        out.append(_followup_dict(row, state))
    return sorted(out, key=lambda f: (f["deadline"] is None, f["deadline"] or date.max, f["id"]))


def _state(records: list[tuple[str, Record]], as_of: date | None, today: date | None) -> Settlement:
    state = settle([r for _, r in records], as_of)
    if as_of is None and today is not None:
        mark_overdue(state, today)
    return state


def _followup_records(session: Session, ids: list[int]) -> dict[int, list[tuple[str, Record]]]:
    out: dict[int, list[tuple[str, Record]]] = {}
    for chunk in _chunks(ids, 500):
        rows = session.execute(
            select(FollowupLink.followup_id, FollowupLink.role, Mention, Article.published_at, Article.url,
                   Article.published_offset_min)
            .join(Mention, Mention.id == FollowupLink.mention_id).join(Article, Article.id == Mention.article_id)
            .where(FollowupLink.followup_id.in_(chunk))).all()
        for fid, role, m, pub, url, off in rows:
            out.setdefault(fid, []).append((role, record_from_row(m, pub, url, off)))
    return out


def _followup_dict(row: Followup, state: Settlement) -> dict[str, Any]:
    return {
        "id": row.id,
        "claim": state.source.claim or state.source.sentence if state.source else row.claim,
        "deadline": state.deadline,
        "deadline_text": state.deadline_text,
        "status": state.status,
        "source": _source(state.source),
        "resolution": _source(state.resolution),
        "history": [{"at": s.at, "status": s.status, "deadline": s.deadline,
                     "url": s.record.url if s.record else None, **({"note": s.note} if s.note else {})}
                    for s in state.history],
        "subject": row.subject,
        "predicate": row.predicate,
        "event_id": row.event_id,
    }


def get_followup(session: Session, followup_id: int, as_of: date | None = None,
                 today: date | None = None) -> dict[str, Any]:
    """One follow-up with its evidence trail: every linked mention, claim or evidence, in order."""
    row = session.get(Followup, followup_id)
    if row is None:
        raise NotFoundError(f"no follow-up with id {followup_id}. List them with: tracker followups")
    linked = sorted(_followup_records(session, [followup_id]).get(followup_id, []), key=lambda x: x[1].sort_key)
    state = _state(linked, as_of, today)
    out = _followup_dict(row, state)
    out["evidence"] = [{"role": role, **(_source(r) or {}), "deadline": r.due} for role, r in linked]
    return out
