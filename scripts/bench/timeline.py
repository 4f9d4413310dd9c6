#!/usr/bin/env python3
"""Timeline benchmark: does resolving one article stay flat as the timeline grows?

    python scripts/bench/timeline.py [--url URL] [--sizes 10000,100000,1000000] [--runs 15]

Grows one database to each size with synthetic events (bulk inserts: one article per ten events,
one mention per event, two participants each, drawn from a pool of size/5 names, so a name is in
about ten events whatever the size), then measures, at each size:

- resolve: `resolve_mentions` of one new article of 8 mentions whose participants are names
  already in the timeline (so blocking finds neighbours and rebuilds their threads), rolled back
  after each run so every run sees the same database;
- query: `query_timeline(since, until, entity)` for one year and one name, in process.

Prints one Markdown table: medians of wall and CPU time (CPU time is what a busy machine blurs
least) and the mean number of SQL statements per article (which no neighbour can blur at all).
Default database: a fresh SQLite file in a temp dir; `--url postgresql://...` for PostgreSQL.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tracker.nlp import EventMention, Timex  # noqa: E402
from tracker.store import Article, make_engine, session_scope  # noqa: E402
from sqlalchemy import select  # noqa: E402

from tracker.store.models import Event, EventEntity, Mention, MentionKey  # noqa: E402
from tracker.timeline import query_timeline, resolve_mentions  # noqa: E402

CLASSES = ["launch", "visit", "report", "release", "open", "close", "elect", "agree", "hold", "sign"]
START = date(2000, 1, 1)
SPAN_DAYS = 30 * 365
CHUNK = 20_000


class _Rollback(Exception):
    """Raised to leave session_scope without committing."""


def _name(k: int) -> str:
    return f"Person {k}"


def grow(engine, have: int, want: int, rnd: random.Random) -> None:
    """Bulk-insert events have..want (and their articles, mentions, entities, keys)."""
    pool = max(1000, want // 5)
    for lo in range(have, want, CHUNK):
        rows = _rows(lo, min(want, lo + CHUNK), pool, rnd)
        with engine.begin() as conn:
            for table, values in rows:
                if values:
                    conn.execute(table.__table__.insert(), values)


def _rows(lo: int, hi: int, pool: int, rnd: random.Random) -> list[tuple[type, list[dict]]]:
    arts, events, ents, mentions, keys = [], [], [], [], []
    now = datetime(2031, 1, 1, tzinfo=timezone.utc)
    for i in range(lo, hi):
        day = START + timedelta(days=rnd.randrange(SPAN_DAYS))
        if i % 10 == 0:
            at = datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc)
            arts.append({"id": i // 10 + 1, "url": f"http://bench.example/{i // 10}", "title": "", "text": "",
                         "content_hash": f"h{i // 10}", "published_at": at, "published_offset_min": 0,
                         "published_source": "feed", "fetched_at": at, "extraction": "page"})
        cls = CLASSES[i % len(CLASSES)]
        a, b = _name(rnd.randrange(pool)), _name(rnd.randrange(pool))
        own = f"{cls}|{a.lower()}"
        events.append({"id": i + 1, "title": f"{cls} of {a}", "kind": "occurred", "predicate": cls,
                       "value": day.isoformat(), "start_on": day, "end_on": day, "block_key": own, "updated_at": now})
        ents += [{"event_id": i + 1, "name": a, "kind": ""}, {"event_id": i + 1, "name": b, "kind": ""}]
        mentions.append({"id": i + 1, "article_id": i // 10 + 1, "event_id": i + 1, "sentence_index": i % 10,
                         "sentence": f"{a} {cls} with {b}.", "time_text": day.isoformat(), "time_value": day.isoformat(),
                         "time_type": "DATE", "start_on": day, "end_on": day, "predicate": cls,
                         "participants": json.dumps([a, b]), "modality": "occurred", "subject": a, "claim": "",
                         "forward": False, "time_start": 0, "block_key": own, "anchor_key": own})
        keys += [{"mention_id": i + 1, "key": own}, {"mention_id": i + 1, "key": f"{cls}|{b.lower()}"}]
    return [(Article, arts), (Event, events), (EventEntity, ents), (Mention, mentions), (MentionKey, keys)]


def _article_mentions(pool: int, rnd: random.Random) -> list[EventMention]:
    out = []
    for i in range(8):
        cls = CLASSES[rnd.randrange(len(CLASSES))]
        a, b = _name(rnd.randrange(pool)), _name(rnd.randrange(pool))
        day = START + timedelta(days=rnd.randrange(SPAN_DAYS))
        forward = i % 2 == 0
        tx = Timex(start=0, end=10, text=day.isoformat(), type="DATE", value=day.isoformat(), first=day, last=day)
        out.append(EventMention(sentence_index=i, sentence=f"{a} will {cls} with {b}.", start=0, end=10, timex=tx,
                                predicate=cls, participants=(a, b), subject=a,
                                modality="scheduled" if forward else "occurred", claim=f"{a} to {cls}",
                                forward=forward, deadline=day if forward else None, first=day, last=day))
    return out


class _Statements:
    """Counts SQL statements on an engine: a measure of the work that no noisy neighbour can blur."""

    def __init__(self, engine) -> None:
        from sqlalchemy import event

        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args) -> None:
        self.count += 1


def time_resolve(engine, size: int, runs: int, rnd: random.Random, stmts: _Statements) -> tuple[float, float, float]:
    """Median wall ms, median CPU ms and mean SQL statements of resolving one new article."""
    wall, cpu, counts = [], [], []
    for run in range(runs):
        mentions = _article_mentions(max(1000, size // 5), rnd)
        at = datetime(2031, 1, 1, tzinfo=timezone.utc)
        try:
            with session_scope(engine) as s:
                art = Article(url=f"http://bench.example/new-{run}", text="", content_hash=f"new{run}",
                              published_at=at, fetched_at=at)
                t0, c0, n0 = time.perf_counter(), time.process_time(), stmts.count
                resolve_mentions(s, art, mentions)
                s.flush()
                wall.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                counts.append(stmts.count - n0)
                raise _Rollback
        except _Rollback:
            pass
    return statistics.median(wall[1:] or wall), statistics.median(cpu[1:] or cpu), statistics.mean(counts)


def time_query(engine, size: int, runs: int, rnd: random.Random) -> tuple[float, int]:
    samples, found = [], 0
    with session_scope(engine) as s:
        for _ in range(runs):
            # One participant of a random stored event, and that event's year: never an empty answer.
            name, day = s.execute(select(EventEntity.name, Event.start_on).join(Event, Event.id == EventEntity.event_id)
                                  .where(Event.id == rnd.randrange(1, size + 1))).first()
            year = day.year
            t0 = time.perf_counter()
            rows = query_timeline(s, since=date(year, 1, 1), until=date(year, 12, 31), entity=name)
            samples.append((time.perf_counter() - t0) * 1000)
            found += len(rows)
    return statistics.median(samples), found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="database URL (default: a fresh SQLite file)")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    engine = make_engine(args.url or f"sqlite:///{tmp.name}/bench.db")
    rnd = random.Random(42)
    have = 0
    print(f"database: {engine.dialect.name}\n")
    print("| events | load s | resolve 1 article: wall ms | CPU ms | SQL statements | timeline --since --until --entity: ms |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    stmts = _Statements(engine)
    for size in (int(s) for s in args.sizes.split(",")):
        t0 = time.perf_counter()
        grow(engine, have, size, rnd)
        have = size
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":  # explicit ids were inserted: move the sequences past them
                for table in ("article", "event", "evententity", "mention", "mentionkey"):
                    conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                         f"(SELECT max(id) FROM {table}))")
            conn.exec_driver_sql("ANALYZE")
        load = time.perf_counter() - t0
        wall, cpu, count = time_resolve(engine, size, args.runs, rnd, stmts)
        query_ms, found = time_query(engine, size, args.runs, rnd)
        print(f"| {size:,} | {load:.0f} | {wall:.1f} | {cpu:.1f} | {count:.0f} | {query_ms:.1f} ({found} events in {args.runs} queries) |",
              flush=True)
    engine.dispose()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
