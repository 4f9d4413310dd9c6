"""The tables. One model per noun; aware UTC datetimes end in `_at`, calendar days in `_on`.

    Feed ─< ArticleFeed >─ Article ─< Mention >─ Event ─< EventEntity
                                        │
                                        └─< FollowupLink >─ Followup ─< FollowupChange
    Digest (recipient, day)      DaemonLock (one row per running daemon)

Schema changes go through Alembic migrations in `migrations/versions/` (applied on start).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from tracker.store._types import UTCDateTime


def _at(nullable: bool = True, index: bool = False) -> object:
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


class Feed(SQLModel, table=True):
    """A subscribed feed and its fetch state (the schedule lives here, not in the scheduler)."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)
    title: str = ""
    site_url: str = ""
    interval_minutes: int | None = None          # None: the configured default
    ttl_minutes: int | None = None               # the feed's own TTL / Cache-Control max-age: a floor
    etag: str | None = None
    last_modified: str | None = None
    created_at: datetime | None = _at()
    last_fetched_at: datetime | None = _at()
    last_status: int | None = None               # HTTP status of the last attempt (None: no response)
    last_error: str | None = None
    parse_problem: str | None = None             # a recoverable feed error (bozo) seen on the last parse
    consecutive_failures: int = 0
    next_fetch_at: datetime | None = _at(index=True)   # None or past: due now
    lease_owner: str | None = None               # daemon that claimed the feed
    lease_until: datetime | None = _at()


class Article(SQLModel, table=True):
    """One story, stored once however many feeds carry it."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)                # canonical URL
    title: str = ""
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    content_hash: str = Field(index=True)        # of the normalized text: same wire story, same hash
    published_at: datetime | None = _at(nullable=False, index=True)
    published_offset_min: int = 0                # the publisher's UTC offset, to anchor relative dates locally
    published_source: str = "feed"              # feed | page | fetched
    fetched_at: datetime | None = _at(nullable=False)
    extraction: str = "page"                     # page | feed: where the text came from
    extraction_note: str | None = None           # why the feed's text was used (page unreachable, ...)
    processed_at: datetime | None = _at()        # when nlp + timeline last ran on it


class ArticleFeed(SQLModel, table=True):
    """Which feed carried which article, under which entry id."""

    __table_args__ = (UniqueConstraint("feed_id", "entry_id"),)
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    feed_id: int = Field(foreign_key="feed.id", index=True, ondelete="CASCADE")
    entry_id: str


class Event(SQLModel, table=True):
    """One timeline entry: something that happens at a time, with every mention that reports it."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = ""
    kind: str = "occurred"                       # occurred | ongoing | scheduled | expected | ...
    predicate: str = ""
    value: str = ""                              # TIMEX-like value
    start_on: date = Field(index=True)
    end_on: date = Field(index=True)
    block_key: str = Field(default="", index=True)   # blocking key for the resolver
    updated_at: datetime | None = _at()


class EventEntity(SQLModel, table=True):
    """A participant of an event, normalized (for --entity and for blocking)."""

    __table_args__ = (Index("ix_evententity_name_event", "name", "event_id"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    name: str
    kind: str = ""                               # person | country | org | place


class Mention(SQLModel, table=True):
    """A clause of an article that ties something happening to a time."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    event_id: int | None = Field(default=None, foreign_key="event.id", index=True, ondelete="SET NULL")
    sentence_index: int = 0
    sentence: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    time_text: str = ""
    time_value: str = ""
    time_type: str = "DATE"
    start_on: date | None = None
    end_on: date | None = None
    deadline_on: date | None = None
    predicate: str = ""
    participants: str = "[]"                     # JSON list of names
    modality: str = "occurred"
    # 0002b (timeline): what settlement re-reads; block_key files the mention for the resolver.
    subject: str = Field(default="", sa_column_kwargs={"server_default": ""})
    claim: str = Field(default="", sa_column=Column(Text, nullable=False, default="", server_default=""))
    forward: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    time_mod: str | None = None
    time_start: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    block_key: str = Field(default="", index=True, sa_column_kwargs={"server_default": ""})
    # 0002c (timeline): the mention's own key; `MentionKey` rows list its participants' keys.
    anchor_key: str = Field(default="", index=True, sa_column_kwargs={"server_default": ""})


class MentionKey(SQLModel, table=True):
    """A blocking key of a mention (`<predicate class>|<participant>`), indexed for the resolver."""

    id: int | None = Field(default=None, primary_key=True)
    mention_id: int = Field(foreign_key="mention.id", index=True, ondelete="CASCADE")
    key: str = Field(index=True)


class Followup(SQLModel, table=True):
    """A forward-looking claim with a deadline, settled by later reports."""

    id: int | None = Field(default=None, primary_key=True)
    claim: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    subject: str = ""
    predicate: str = ""
    block_key: str = Field(default="", index=True)
    deadline_on: date | None = Field(default=None, index=True)
    deadline_text: str = ""
    status: str = Field(default="open", index=True)   # open|fulfilled|late|overdue|postponed|cancelled
    source_mention_id: int | None = Field(default=None, foreign_key="mention.id", ondelete="SET NULL")
    resolution_mention_id: int | None = Field(default=None, foreign_key="mention.id", ondelete="SET NULL")
    event_id: int | None = Field(default=None, foreign_key="event.id", ondelete="SET NULL")
    updated_at: datetime | None = _at()


class FollowupLink(SQLModel, table=True):
    """A mention that bears on a follow-up: the claims that state it and the reports that settle it."""

    __table_args__ = (UniqueConstraint("followup_id", "mention_id"),)
    id: int | None = Field(default=None, primary_key=True)
    followup_id: int = Field(foreign_key="followup.id", index=True, ondelete="CASCADE")
    mention_id: int = Field(foreign_key="mention.id", index=True, ondelete="CASCADE")
    role: str = "claim"                          # claim | evidence


class FollowupChange(SQLModel, table=True):
    """One step of a follow-up's history, with the evidence that caused it."""

    id: int | None = Field(default=None, primary_key=True)
    followup_id: int = Field(foreign_key="followup.id", index=True, ondelete="CASCADE")
    at: datetime | None = _at(nullable=False)   # publication time of the evidence
    status: str
    deadline_on: date | None = None
    mention_id: int | None = Field(default=None, foreign_key="mention.id", ondelete="SET NULL")


class Digest(SQLModel, table=True):
    """A digest claimed for (recipient, day); the row is inserted before sending."""

    __table_args__ = (UniqueConstraint("recipient", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    recipient: str
    day: date
    cutoff_at: datetime | None = _at(nullable=False)
    covered_from: datetime | None = _at()
    claimed_at: datetime | None = _at()
    sent_at: datetime | None = _at()
    claimed_by: str = ""
    status: str = "claimed"                      # claimed | sent | failed
    error: str | None = None


class DaemonLock(SQLModel, table=True):
    """A running daemon: who, since when, last heartbeat (for `tracker status` and stale leases)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    host: str = ""
    pid: int = 0
    started_at: datetime | None = _at()
    heartbeat_at: datetime | None = _at()
    state: str = "running"
