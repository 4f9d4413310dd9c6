"""`Record`: one mention as the resolver and settlement see it, whether fresh or read back.

The resolver and `settle` are pure functions over records, so the same code runs inside
`record_article` (fresh mentions), for `--as-of` queries (stored mentions, filtered by
publication) and in the unit tests (hand-made records, no database).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

HAPPENED = ("occurred", "ongoing")
PLANNED = ("scheduled", "expected", "conditional")
STOPPED = ("cancelled", "denied")


@dataclass(frozen=True, slots=True)
class Record:
    """A mention with its article's publication facts; ordered by `sort_key` everywhere."""

    published_at: datetime
    article_id: int
    sentence_index: int
    predicate: str
    subject: str
    modality: str
    forward: bool = False
    first: date | None = None
    last: date | None = None
    deadline: date | None = None
    time_text: str = ""
    time_value: str = ""
    time_mod: str | None = None
    time_start: int = 0
    participants: tuple[str, ...] = ()
    sentence: str = ""
    claim: str = ""
    url: str = ""
    mention_id: int = 0
    offset_min: int = 0
    block_key: str = field(default="", compare=False)
    own_key: str = field(default="", compare=False)          # `<class>|<anchor>` (computed when empty)
    keys: tuple[str, ...] = field(default=(), compare=False)  # its specifics' keys

    def __post_init__(self) -> None:
        if not self.own_key:
            from tracker.timeline._keys import mention_keys

            own, keys = mention_keys(self.predicate, self.subject, self.participants, self.sentence, self.forward,
                                     self.one_day, self.untimed)
            object.__setattr__(self, "own_key", own)
            object.__setattr__(self, "keys", keys)

    @property
    def sort_key(self) -> tuple[datetime, int, int, int, int]:
        """Publication order: the order in which the world learned things, not arrival order."""
        return (self.published_at, self.article_id, self.sentence_index, self.time_start, self.mention_id)

    @property
    def published_on(self) -> date:
        """The publication day in the publisher's own time zone."""
        return (self.published_at + timedelta(minutes=self.offset_min)).date()

    @property
    def happened(self) -> bool:
        """A report that the thing took place (or is taking place)."""
        return self.modality in HAPPENED and not self.forward

    @property
    def untimed(self) -> bool:
        """A deed told in passing with no time of its own ("after the bridge opened", `_clauses.passing_deeds`):
        its day is only the publication day, by which it had happened."""
        return self.happened and self.first is None and self.last is None and not self.time_text

    @property
    def day_first(self) -> date:
        return self.first or self.last or self.published_on

    @property
    def day_last(self) -> date:
        return self.last or self.first or self.published_on

    @property
    def one_day(self) -> date | None:
        """The day of a mention whose time is one day (None for a longer or missing time)."""
        return self.first if self.first is not None and self.first == (self.last or self.first) else None

    @property
    def due(self) -> date | None:
        """The day by which a forward mention says it will happen.

        A report that it was put off, dated before its own publication day ("The port did not reopen on
        Saturday as planned", told on Sunday), names the day that failed, not a new one: no due day. (Put
        off "tonight", the same report usually gives the new day: that stays one reschedule.)
        """
        if self.modality == "postponed" and not self.forward and self.first is not None \
                and self.day_last < self.published_on:
            return None
        return self.deadline or self.last or self.first


def record_from_row(mention: Any, published_at: datetime, url: str, offset_min: int = 0) -> Record:
    """A stored `Mention` row (plus its article's facts) as a record."""
    return Record(
        published_at=_aware(published_at), article_id=mention.article_id, sentence_index=mention.sentence_index,
        predicate=mention.predicate, subject=mention.subject, modality=mention.modality, forward=mention.forward,
        first=mention.start_on, last=mention.end_on, deadline=mention.deadline_on, time_text=mention.time_text,
        time_value=mention.time_value, time_mod=mention.time_mod, time_start=mention.time_start,
        participants=tuple(json.loads(mention.participants or "[]")), sentence=mention.sentence,
        claim=mention.claim, url=url, mention_id=mention.id or 0, offset_min=offset_min,
        block_key=mention.block_key,
    )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
