"""Ingestion: fetch feeds and pages politely, parse them, extract articles, store them durably.

The leaf modules (`fetch`, `feeds`, `extract`, `schedule`) never touch the store; `pipeline` is the
orchestrator that does. `fetch_feed` is `tracker.ingest.fetch.fetch` (the
submodule `fetch` shadows a package attribute of that name). `import tracker.ingest` stays light: the names below are loaded on first
use, so the CLI's start-up does not pay for httpx, feedparser or SQLModel.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.ingest.fetch import FetchResult, fetch_feed, make_client
    from tracker.ingest.pipeline import RunSummary, claim_due_feeds, ingest_url, run_once

_WHERE = {
    "FetchResult": "fetch", "fetch_feed": "fetch", "make_client": "fetch",
    "RunSummary": "pipeline", "claim_due_feeds": "pipeline", "ingest_url": "pipeline", "run_once": "pipeline",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'tracker.ingest' has no attribute {name!r}")
    return getattr(importlib.import_module(f"tracker.ingest.{_WHERE[name]}"), name)


__all__ = ["FetchResult", "RunSummary", "claim_due_feeds", "fetch_feed", "ingest_url", "make_client", "run_once"]
