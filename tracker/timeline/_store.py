"""Writing the timeline: store an article's mentions, then rebuild every thread they touch.

Everything runs in the caller's session and transaction (no commits here), so an article and all
that is derived from it commit together. The touched threads (those of the new mentions'
neighbours, found through two indexes) are re-read whole, re-threaded, and rebuilt with the pure
`plan_block` / `settle`, then synced onto the rows they had, keeping ids stable (an event or
follow-up keeps its id as long as it keeps most of its mentions).
"""
from __future__ import annotations

import json
import logging
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from tracker.store.models import (
    Article, Event, EventEntity, Followup, FollowupChange, FollowupLink, Mention, MentionKey,
)
from tracker.timeline._events import describe_event
from tracker.timeline._records import Record, record_from_row
from tracker.timeline.followups import Settlement, settle
from tracker.timeline._keys import (
    COMMON_SIDE, UNTIMED, WINDOW_DAYS, dated_variants, is_dated_key, is_word_key, mention_keys, named_dated,
    thread_records, untimed_base,
)
from tracker.timeline._compat import COMPAT_DAYS, PREFIX, compat_of, endpoints
from tracker.timeline.resolver import Plan, attach_reports, merge_outlets, outlet_keys, plan_block

log = logging.getLogger(__name__)


def record_article(session: Session, article: Article) -> int:
    """Find the article's mentions and fold them into the timeline; returns how many it had."""
    from tracker.nlp import find_mentions
    from tracker.timeline._clauses import coordinated_deeds, during_deeds, passing_deeds

    offset = timedelta(minutes=article.published_offset_min or 0)
    dct = _aware(article.published_at).astimezone(timezone(offset))
    found = find_mentions(article.text or "", dct, title=article.title or "")
    found += passing_deeds(article.text or "", found)
    found += coordinated_deeds(found)
    found += during_deeds(found)
    return resolve_mentions(session, article, found)


def resolve_mentions(session: Session, article: Article, mentions: list[Any]) -> int:
    """Store `mentions` (EventMention) as the article's, replacing any earlier run's, and resolve them.

    A re-run keeps the stored mentions that did not change (so events and follow-ups keep their
    ids, links and recorded history) and only replaces the ones that did.
    """
    if article.id is None:
        session.add(article)
        session.flush()
    fresh = [_mention_row(article.id, em) for em in mentions]
    kept: dict[tuple, list[Mention]] = {}
    for row in session.execute(select(Mention).where(Mention.article_id == article.id)).scalars():
        kept.setdefault(_signature(row), []).append(row)
    rows = [r for r in fresh if not (kept.get(_signature(r)) and kept[_signature(r)].pop())]
    gone = [r for left in kept.values() for r in left]
    if not rows and not gone:
        return len(mentions)
    threads = {m.block_key for m in gone} | _linked_threads(session, [m.id for m in gone if m.id is not None])
    for row in gone:
        session.delete(row)
    session.add_all(rows)
    session.flush()
    own: set[str] = set()
    specific: set[str] = set()
    for row in rows:
        own.add(row.anchor_key)
        keys = mention_keys(row.predicate, row.subject, json.loads(row.participants), row.sentence, row.forward,
                            _one_day(row), _untimed(row))[1]
        specific.update(keys)
        session.add_all(MentionKey(mention_id=row.id, key=k) for k in keys)
        session.add_all(MentionKey(mention_id=row.id, key=k)   # the outlet merge's side (`resolver.outlet_keys`)
                        for k in outlet_keys(row.subject, json.loads(row.participants), row.start_on, row.end_on))
    session.flush()
    threads |= _neighbour_threads(session, own, specific, [_day_of(row, article) for row in rows])
    threads |= _compat_threads(session, compat_of(specific), [d for row in rows for d in _days_of(row, article)])
    threads |= _untimed_threads(session, specific, _published_on(article))
    rebuild_threads(session, threads, [r.id for r in rows if r.id is not None])
    log.debug("Article resolved.", extra={"event": "mention_resolved", "article_id": article.id,
                                          "mentions": len(mentions), "threads": len(threads)})
    return len(mentions)


def _linked_threads(session: Session, mention_ids: list[int]) -> set[str]:
    """Threads of the follow-ups these mentions are linked to: a report of another thread that settled a claim
    in other words (`_compat`) is linked to the claim's follow-up, which must be re-derived when it goes."""
    if not mention_ids:
        return set()
    return set(session.execute(select(Followup.block_key).join(FollowupLink, FollowupLink.followup_id == Followup.id)
                               .where(FollowupLink.mention_id.in_(mention_ids))).scalars())


def _signature(row: Mention) -> tuple:
    """Everything the resolver reads from a mention: equal signatures, same mention."""
    return (row.sentence_index, row.sentence, row.time_text, row.time_value, row.time_mod, row.time_start,
            row.start_on, row.end_on, row.deadline_on, row.predicate, row.participants, row.modality,
            row.subject, row.claim, row.forward)


def _neighbour_threads(session: Session, own: set[str], specific: set[str], days: list[date]) -> set[str]:
    """Threads of stored mentions that may agree with new ones (both indexed sides of the test).

    Common-noun keys only reach mentions within the window around the new ones' days.
    """
    if not own:
        return set()
    found: set[str] = set()
    specific = {k for k in specific if not k.startswith(PREFIX)}
    named_spec, word_spec = _split(specific)
    named_own, word_own = _split(own)
    lo, hi = min(days) - timedelta(days=WINDOW_DAYS), max(days) + timedelta(days=WINDOW_DAYS)
    near = or_(Mention.start_on.between(lo, hi), and_(Mention.start_on.is_(None), Article.published_at.between(
        datetime.combine(lo, time.min, tzinfo=timezone.utc), datetime.combine(hi, time.max, tzinfo=timezone.utc))))
    if named_spec:
        found |= set(session.execute(select(Mention.block_key).where(Mention.anchor_key.in_(named_spec))).scalars())
    if named_own:
        found |= set(session.execute(select(Mention.block_key).join(MentionKey, MentionKey.mention_id == Mention.id)
                                     .where(MentionKey.key.in_(named_own))).scalars())
    dated = sorted({v for k in word_spec if is_dated_key(k) for v in dated_variants(k)})
    word_spec = [k for k in word_spec if not is_dated_key(k)]
    if dated:
        found |= set(session.execute(select(Mention.block_key).join(MentionKey, MentionKey.mention_id == Mention.id)
                                     .where(MentionKey.key.in_(dated))).scalars())
    if word_spec or word_own:
        found |= set(session.execute(select(Mention.block_key).join(Article, Article.id == Mention.article_id)
                                     .where(Mention.anchor_key.in_(word_spec + word_own), near)).scalars())
    if word_own:  # a report carries the noun it is about ("the first test tram ran": `run|~tram`) as a specific
        found |= set(session.execute(select(Mention.block_key).join(Article, Article.id == Mention.article_id)
                                     .join(MentionKey, MentionKey.mention_id == Mention.id)
                                     .where(MentionKey.key.in_(word_own), near)).scalars())
    return found


def _window(days: list[date], width: int) -> Any:
    """Mentions with a day (start, else publication; end; deadline: `_compat.endpoints`) within `width` days
    of `days`' range."""
    lo, hi = min(days) - timedelta(days=width), max(days) + timedelta(days=width)
    return or_(Mention.start_on.between(lo, hi), Mention.end_on.between(lo, hi), Mention.deadline_on.between(lo, hi),
               and_(Mention.start_on.is_(None), Article.published_at.between(
                   datetime.combine(lo, time.min, tzinfo=timezone.utc),
                   datetime.combine(hi, time.max, tzinfo=timezone.utc))))


def _compat_threads(session: Session, keys: frozenset[str], days: list[date]) -> set[str]:
    """Threads holding a claim or report that shares a compat key (`_compat`) within the window: a new report
    rebuilds the threads of the claims it may settle (and a new claim finds its reports when its own thread is
    rebuilt, see `load_partners`). One indexed lookup by key, like the other keys."""
    if not keys or not days:
        return set()
    return set(session.execute(select(Mention.block_key).join(Article, Article.id == Mention.article_id)
                               .join(MentionKey, MentionKey.mention_id == Mention.id)
                               .where(MentionKey.key.in_(sorted(keys)), _window(days, COMPAT_DAYS))).scalars())


def load_partners(session: Session, records: list[Record]) -> list[tuple[str, Record]]:
    """Reports of other threads that share a compat key with the claims among `records` (within the window),
    as (their thread, record): what `attach_reports` may settle those claims with. Read, never rebuilt here."""
    claims = [r for r in records if r.forward and compat_of(r.keys)]
    if not claims:
        return []
    keys = sorted(set().union(*(compat_of(r.keys) for r in claims)))
    days = [d for r in claims for d in endpoints(r.first, r.last, r.deadline, r.published_on)]
    seen = {r.mention_id for r in records}
    ids = set(session.execute(select(Mention.id).join(Article, Article.id == Mention.article_id)
                              .join(MentionKey, MentionKey.mention_id == Mention.id)
                              .where(MentionKey.key.in_(keys), Mention.forward.is_(False), _window(days, COMPAT_DAYS)))
              .scalars()) - seen
    if not ids:
        return []
    base = select(Mention, Article.published_at, Article.url, Article.published_offset_min).join(
        Article, Article.id == Mention.article_id)
    rows = session.execute(base.where(Mention.id.in_(sorted(ids)))).all()
    return [(m.block_key, record_from_row(m, pub, url, off)) for m, pub, url, off in rows]


def _split(keys: set[str]) -> tuple[list[str], list[str]]:
    return sorted(k for k in keys if not is_word_key(k)), sorted(k for k in keys if is_word_key(k))


def _untimed(row: Mention) -> bool:
    """A deed told in passing with no time (as Record.untimed)."""
    return row.modality in ("occurred", "ongoing") and not row.forward and row.start_on is None \
        and row.end_on is None and not row.time_text


def _untimed_threads(session: Session, keys: set[str], published: date) -> set[str]:
    """Both sides of `_keys._join_untimed`: a new untimed deed ('after the bridge opened') reads every named
    thing of its head told for a day in the window before it; a new named dated key reads the untimed deeds
    after its day and, when there are any, every other named thing they might mean (the answer needs all)."""
    found: set[str] = set()
    for base in {untimed_base(k) for k in keys} - {""}:
        found |= _dated_range(session, base, published - timedelta(days=WINDOW_DAYS), published)
    for base, day in {d for d in map(named_dated, keys) if d}:
        lo = datetime.combine(day, time.min, tzinfo=timezone.utc)
        hi = datetime.combine(day + timedelta(days=WINDOW_DAYS + 1), time.max, tzinfo=timezone.utc)
        deeds = set(session.execute(select(Mention.block_key).join(MentionKey, MentionKey.mention_id == Mention.id)
                                    .join(Article, Article.id == Mention.article_id)
                                    .where(MentionKey.key == base + UNTIMED, Article.published_at.between(lo, hi)))
                    .scalars())
        if deeds:
            found |= deeds | _dated_range(session, base, day - timedelta(days=WINDOW_DAYS), day + timedelta(
                days=WINDOW_DAYS + 1))
    return found


def _dated_range(session: Session, base: str, lo: date, hi: date) -> set[str]:
    """Threads holding a dated key of `base` (`open|~bridge@...`) for a day in [lo, hi] (an index range)."""
    return set(session.execute(select(Mention.block_key).join(MentionKey, MentionKey.mention_id == Mention.id)
                               .where(MentionKey.key >= f"{base}@{lo.isoformat()}",
                                      MentionKey.key <= f"{base}@{hi.isoformat()}{COMMON_SIDE}")).scalars())


def _published_on(article: Article) -> date:
    return (_aware(article.published_at) + timedelta(minutes=article.published_offset_min or 0)).date()


def _one_day(row: Mention) -> date | None:
    """The day of a mention whose time is one day (as Record.one_day)."""
    return row.start_on if row.start_on is not None and row.start_on == (row.end_on or row.start_on) else None


def _day_of(row: Mention, article: Article) -> date:
    """The day a mention is about (its time, else its article's publication day, as Record.day_first)."""
    local = _aware(article.published_at) + timedelta(minutes=article.published_offset_min or 0)
    return row.start_on or row.end_on or local.date()


def _days_of(row: Mention, article: Article) -> list[date]:
    """Every day blocking knows the mention by (`_compat.endpoints`)."""
    local = _aware(article.published_at) + timedelta(minutes=article.published_offset_min or 0)
    return endpoints(row.start_on, row.end_on, row.deadline_on, local.date())


def _mention_row(article_id: int | None, em: Any) -> Mention:
    timex = em.timex
    own = mention_keys(em.predicate, em.subject, em.participants, em.sentence, bool(em.forward))[0]
    return Mention(
        article_id=article_id, sentence_index=em.sentence_index, sentence=em.sentence,
        time_text=timex.text if timex else "", time_value=timex.value if timex else "",
        time_type=timex.type if timex else "", time_mod=timex.mod if timex else None,
        time_start=timex.start if timex else 0,
        start_on=em.first or (timex.first if timex else None), end_on=em.last or (timex.last if timex else None),
        deadline_on=em.deadline, predicate=em.predicate, participants=json.dumps(list(em.participants)),
        modality=em.modality, subject=em.subject, claim=em.claim, forward=bool(em.forward),
        anchor_key=own, block_key=own,
    )


def load_threads(session: Session, threads: set[str], extra_ids: list[int]) -> list[Record]:
    """Every stored mention of these threads (plus `extra_ids`), as records."""
    base = select(Mention, Article.published_at, Article.url, Article.published_offset_min).join(
        Article, Article.id == Mention.article_id)
    rows = list(session.execute(base.where(Mention.block_key.in_(sorted(threads)))).all()) if threads else []
    seen = {m.id for m, *_ in rows}
    missing = [i for i in extra_ids if i not in seen]
    if missing:  # a separate query: an OR of two indexes can make a planner scan the whole table
        rows += session.execute(base.where(Mention.id.in_(missing))).all()
    return [record_from_row(m, pub, url, off) for m, pub, url, off in rows]


def rebuild_threads(session: Session, threads: set[str], extra_ids: list[int] | None = None) -> None:
    """Re-derive the events and follow-ups of these threads from all their mentions."""
    threads = _with_outlet_partners(session, threads, extra_ids or [])
    records = load_threads(session, threads, extra_ids or [])
    more = set().union(*(_untimed_threads(session, set(r.keys), r.published_on) for r in records
                         if any(untimed_base(k) for k in r.keys))) - threads
    if more:   # an untimed deed loaded for another reason needs every candidate of its head (`_join_untimed`)
        threads = threads | more
        records = load_threads(session, threads, extra_ids or [])
    keys = thread_records((r.own_key, r.keys, r.day_first) for r in records)
    by_thread: dict[str, list[Record]] = {}
    for rec, key in zip(records, keys):
        by_thread.setdefault(key, []).append(rec)
        if rec.block_key != key:
            session.execute(update(Mention).where(Mention.id == rec.mention_id).values(block_key=key))
    events: list[tuple[str, list[Record]]] = []
    plans: list[tuple[str, Plan]] = []
    for key in sorted(by_thread):
        result = plan_block(by_thread[key])
        events += [(key, e) for e in result.events]
        plans += [(key, p) for p in result.plans]
    attach_reports(plans, [(k, r) for r, k in zip(records, keys)] + load_partners(session, records))
    events = merge_outlets(events, plans)
    event_of = _sync_events(session, records, events)
    _sync_followups(session, threads | set(by_thread), plans, event_of)


def _with_outlet_partners(session: Session, threads: set[str], extra_ids: list[int], rounds: int = 3) -> set[str]:
    """The threads plus every thread whose events one deed told by several outlets may join (`merge_outlets`):
    threads of mentions that share an event with theirs (an earlier merge stays whole when one side is rebuilt)
    and threads of mentions holding one of their outlet keys (a name's head on one of their days). Indexed
    lookups by event id and by key, a few rounds at most."""
    seen: set[str] = set()
    ids = list(extra_ids)
    for _ in range(rounds):
        new = threads - seen
        if not new and not ids:
            break
        seen |= threads
        cols = select(Mention.event_id, Mention.subject, Mention.participants, Mention.start_on, Mention.end_on)
        rows = list(session.execute(cols.where(Mention.block_key.in_(sorted(new)))).all()) if new else []
        if ids:   # two queries: an OR of two indexes can make a planner scan the whole table
            rows += session.execute(cols.where(Mention.id.in_(ids))).all()
        ids = []
        events = sorted({r.event_id for r in rows if r.event_id is not None})
        keys = sorted({k for r in rows for k in outlet_keys(r.subject, json.loads(r.participants or "[]"),
                                                             r.start_on, r.end_on)})
        found: set[str] = set()
        if events:
            found |= set(session.execute(select(Mention.block_key).where(Mention.event_id.in_(events))).scalars())
        if keys:
            found |= set(session.execute(select(Mention.block_key).join(MentionKey, MentionKey.mention_id == Mention.id)
                                         .where(MentionKey.key.in_(keys))).scalars())
        if found <= threads:
            break
        threads = threads | found
    return threads


def _best_match(groups: list[list[int]], old: dict[int, set[int]]) -> list[int | None]:
    """Old ids for new groups: the old row sharing most mentions (each old row used once)."""
    used: set[int] = set()
    out: list[int | None] = []
    for ids in groups:
        scores = [(len(old[o] & set(ids)), -o) for o in old if o not in used and old[o] & set(ids)]
        if scores:
            best = -max(scores)[1]
            used.add(best)
            out.append(best)
        else:
            out.append(None)
    return out


def _sync_events(session: Session, records: list[Record], groups: list[tuple[str, list[Record]]]) -> dict[int, int]:
    """Write the threads' events, reusing the rows their mentions had; returns mention id -> event id."""
    old_ids = dict(session.execute(select(Mention.id, Mention.event_id)
                                   .where(Mention.id.in_([r.mention_id for r in records]))).all())
    old: dict[int, set[int]] = {}
    for mid, eid in old_ids.items():
        if eid is not None:
            old.setdefault(eid, set()).add(mid)
    matches = _best_match([[r.mention_id for r in g] for _, g in groups], old)
    rows = {e.id: e for e in session.execute(select(Event).where(Event.id.in_(list(old)))).scalars()} if old else {}
    names: dict[int, list[str]] = {}
    if old:
        for eid, name in session.execute(select(EventEntity.event_id, EventEntity.name)
                                         .where(EventEntity.event_id.in_(list(old)))).all():
            names.setdefault(eid, []).append(name)
    event_of: dict[int, int] = {}
    for (key, group), eid in zip(groups, matches):
        event_id = _write_event(session, rows.get(eid) if eid is not None else None, key, group, names.get(eid, []))
        for rec in group:
            event_of[rec.mention_id] = event_id
    for eid in set(old) - {e for e in matches if e is not None}:
        session.execute(delete(Event).where(Event.id == eid))
    for mid, eid in event_of.items():
        if old_ids.get(mid) != eid:
            session.execute(update(Mention).where(Mention.id == mid).values(event_id=eid))
    loose = [mid for mid, eid in old_ids.items() if eid is not None and mid not in event_of]
    if loose:   # a deed told in passing that no longer joins an event is no event of its own (`resolver._loose`)
        session.execute(update(Mention).where(Mention.id.in_(loose)).values(event_id=None))
    return event_of


def _write_event(session: Session, event: Event | None, key: str, group: list[Record], names: list[str]) -> int:
    """Create or update one event (untouched when nothing changed); returns its id."""
    fields = describe_event(group)
    values = {"title": fields.title, "kind": fields.kind, "predicate": fields.predicate, "value": fields.value,
              "start_on": fields.start, "end_on": fields.end, "block_key": key,
              "updated_at": max(r.published_at for r in group)}
    if event is None:
        event = Event(**values)
        session.add(event)
        session.flush()
    elif any(getattr(event, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(event, k, v)
    if sorted(names) != sorted(fields.entities):
        session.execute(delete(EventEntity).where(EventEntity.event_id == event.id))
        session.add_all(EventEntity(event_id=event.id, name=n) for n in fields.entities)
    return event.id  # type: ignore[return-value]


def _sync_followups(session: Session, threads: set[str], plans: list[tuple[str, Plan]], event_of: dict[int, int]) -> None:
    old_rows = session.execute(select(Followup).where(Followup.block_key.in_(sorted(threads)))).scalars().all()
    old: dict[int, set[int]] = {f.id: set() for f in old_rows if f.id is not None}
    if old:
        for fid, mid in session.execute(select(FollowupLink.followup_id, FollowupLink.mention_id)
                                        .where(FollowupLink.followup_id.in_(list(old)))).all():
            old[fid].add(mid)
    matches = _best_match([[r.mention_id for r in p.records] for _, p in plans], old)
    for (key, plan), fid in zip(plans, matches):
        _write_followup(session, fid, key, plan, event_of)
    for fid in set(old) - {f for f in matches if f is not None}:
        session.execute(delete(Followup).where(Followup.id == fid))


def _write_followup(session: Session, fid: int | None, key: str, plan: Plan, event_of: dict[int, int]) -> None:
    state = settle(plan.records)
    row = session.get(Followup, fid) if fid is not None else None
    if state.status is None or state.source is None:  # reports of the deed alone: nothing was promised
        if row is not None:
            session.delete(row)
        return
    was_overdue = row is not None and row.status == "overdue" and row.deadline_on == state.deadline
    if row is None:
        row = Followup()
        session.add(row)
    status = "overdue" if was_overdue and state.status == "open" else state.status
    row.claim, row.subject, row.block_key = state.source.claim or state.source.sentence, state.source.subject, key
    row.predicate = state.source.own_key.partition("|")[0]
    row.deadline_on, row.deadline_text, row.status = state.deadline, state.deadline_text, status
    row.source_mention_id = state.source.mention_id
    row.resolution_mention_id = state.resolution.mention_id if state.resolution else None
    row.event_id = event_of.get(state.source.mention_id)
    row.updated_at = state.history[-1].at if state.history else None
    session.flush()
    _write_links(session, row.id, plan)
    _write_changes(session, row.id, state, keep_overdue=was_overdue and state.status == "open")


def _write_links(session: Session, fid: int | None, plan: Plan) -> None:
    session.execute(delete(FollowupLink).where(FollowupLink.followup_id == fid))
    session.add_all(FollowupLink(followup_id=fid, mention_id=r.mention_id, role="claim") for r in plan.claims)
    session.add_all(FollowupLink(followup_id=fid, mention_id=r.mention_id, role="evidence") for r in plan.evidence)


def _write_changes(session: Session, fid: int | None, state: Settlement, keep_overdue: bool) -> None:
    """Replace the follow-up's history with the replayed one (plus a recorded overdue, if still true)."""
    kept = []
    if keep_overdue:
        kept = session.execute(select(FollowupChange).where(FollowupChange.followup_id == fid,
                                                            FollowupChange.status == "overdue")).scalars().all()
        kept = [(c.at, c.deadline_on) for c in kept]
    session.execute(delete(FollowupChange).where(FollowupChange.followup_id == fid))
    for step in state.history:
        session.add(FollowupChange(followup_id=fid, at=step.at, status=step.status, deadline_on=step.deadline,
                                   mention_id=step.record.mention_id if step.record else None))
    for at, deadline in kept:
        session.add(FollowupChange(followup_id=fid, at=at, status="overdue", deadline_on=deadline))


def settle_followups(session: Session, today: date) -> int:
    """Mark open follow-ups whose deadline passed before `today` as overdue; returns how many."""
    rows = session.execute(select(Followup).where(Followup.status == "open", Followup.deadline_on < today)).scalars().all()
    at = datetime.combine(today, time.min, tzinfo=timezone.utc)
    for row in rows:
        row.status = "overdue"
        row.updated_at = at
        session.add(FollowupChange(followup_id=row.id, at=at, status="overdue", deadline_on=row.deadline_on))
    session.flush()
    return len(rows)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
