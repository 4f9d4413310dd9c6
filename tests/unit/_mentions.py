"""Hand-made mentions for timeline tests: the resolver is tested on what nlp promises, not on nlp."""
from __future__ import annotations

from datetime import date, datetime, timezone
from itertools import count

from tracker.nlp._types import EventMention
from tracker.nlp.temporal._types import Timex
from tracker.timeline._records import Record

_ids = count(1)


def timex(value: str, first: date | None, last: date | None = None, text: str = "", deadline: date | None = None,
          mod: str | None = None) -> Timex:
    text = text or value
    return Timex(start=0, end=len(text), text=text, type="DATE", value=value, mod=mod, first=first,
                 last=last or first, deadline=deadline)


def mention(predicate: str, subject: str, modality: str, first: date | None = None, last: date | None = None, *,
            participants: tuple[str, ...] = (), sentence: str = "", claim: str = "", deadline: date | None = None,
            value: str = "", sentence_index: int = 0, text: str = "") -> EventMention:
    forward = modality in ("scheduled", "expected", "conditional")
    tx = timex(value or (first.isoformat() if first else ""), first, last, text=text, deadline=deadline) if first else None
    return EventMention(
        sentence_index=sentence_index, sentence=sentence or claim or f"{subject} {predicate}", start=0,
        end=len(sentence), timex=tx, predicate=predicate, participants=participants or (subject,), subject=subject,
        modality=modality, claim=claim or f"{subject} {predicate}", forward=forward,
        deadline=deadline or (last or first if forward else None), first=first, last=last or first)


def record(predicate: str, subject: str, modality: str, published: date, first: date | None = None,
           last: date | None = None, *, participants: tuple[str, ...] = (), deadline: date | None = None,
           article_id: int | None = None, sentence_index: int = 0, text: str = "") -> Record:
    forward = modality in ("scheduled", "expected", "conditional")
    return Record(
        published_at=datetime(published.year, published.month, published.day, 12, tzinfo=timezone.utc),
        article_id=article_id if article_id is not None else next(_ids), sentence_index=sentence_index,
        predicate=predicate, subject=subject, modality=modality, forward=forward, first=first,
        last=last or first, deadline=deadline or ((last or first) if forward else None), time_text=text,
        participants=participants or (subject,), url=f"http://news.example/{published.isoformat()}",
        mention_id=next(_ids))


def sentence_record(predicate: str, subject: str, modality: str, published: date, first: date | None, sentence: str,
                    parties: tuple[str, ...], last: date | None = None, deadline: date | None = None) -> Record:
    """A `record` told in a given sentence, with exactly the named parties (settlement reads both)."""
    base = record(predicate, subject, modality, published, first, last, participants=parties or ("",),
                  deadline=deadline)
    return Record(published_at=base.published_at, article_id=base.article_id, sentence_index=0,
                  predicate=predicate, subject=subject, modality=modality, forward=base.forward, first=first,
                  last=last or first, deadline=base.deadline, participants=tuple(p for p in parties if p),
                  sentence=sentence, url=base.url, mention_id=base.mention_id)


def settled_apart(claim: Record, reports: list[Record]) -> tuple[str | None, Record | None]:
    """Each record in a thread of its own (as when anchors differ); then compatible reports settle claims.
    Returns the claim's (status, resolution) as known on 2027-01-01."""
    from tracker.timeline.followups import settle
    from tracker.timeline.resolver import attach_reports, plan_block

    plans = [(f"t{i}", p) for i, r in enumerate([claim, *reports]) for p in plan_block([r]).plans]
    attach_reports(plans, [(f"t{i}", r) for i, r in enumerate([claim, *reports])])
    plan = next(p for _, p in plans if claim in p.claims)
    state = settle(plan.records, as_of=date(2027, 1, 1))
    return state.status, state.resolution
