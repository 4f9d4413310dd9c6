"""Storage: SQLModel tables, the one session factory, and Alembic migrations."""
from tracker.store.db import make_engine, migrate, session_scope
from tracker.store.models import (
    Article, ArticleFeed, DaemonLock, Digest, Event, EventEntity, Feed, Followup, FollowupChange,
    FollowupLink, Mention,
)

__all__ = [
    "Article", "ArticleFeed", "DaemonLock", "Digest", "Event", "EventEntity", "Feed", "Followup",
    "FollowupChange", "FollowupLink", "Mention", "make_engine", "migrate", "session_scope",
]
