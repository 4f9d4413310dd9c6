"""The timeline: resolve mentions into events, keep follow-ups and settle them.

`record_article(session, article)` is the seam the ingestion pipeline calls, inside the same
transaction that stores the article, so an article and everything derived from it commit together.
"""
from __future__ import annotations

from typing import Any


def record_article(session: Any, article: Any) -> None:
    """Derive the article's mentions, events and follow-ups (filled in by the timeline work)."""
    return None


__all__ = ["record_article"]
