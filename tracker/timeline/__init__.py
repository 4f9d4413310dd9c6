"""The timeline: resolve mentions into events, keep follow-ups and settle them.

`record_article(session, article)` is the seam the ingestion pipeline calls, inside the same
transaction that stores the article, so an article and everything derived from it commit together.
The query functions return the contract's shapes (DESIGN.md section 6) for the CLI, digest and demo.
"""
from __future__ import annotations

from tracker.timeline._store import record_article, resolve_mentions, settle_followups
from tracker.timeline._summary import summarize_timeline
from tracker.timeline.followups import settle
from tracker.timeline.queries import get_event, get_followup, query_followups, query_timeline

__all__ = [
    "get_event", "get_followup", "query_followups", "query_timeline", "record_article", "resolve_mentions",
    "settle", "settle_followups", "summarize_timeline",
]
