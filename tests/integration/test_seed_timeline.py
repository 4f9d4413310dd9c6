"""The seed article (shared/data/seed, copied to tests/data/seed_article.txt), read through
`record_article` as expected-reading.md says: its events and follow-ups with their deadlines."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tracker.store import Article, make_engine, session_scope
from tracker.timeline import query_followups, query_timeline, record_article

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_article.txt"
D = date


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}")
    at = datetime(2018, 9, 23, 0, 0, tzinfo=timezone(timedelta(hours=9)))
    with session_scope(engine) as s:
        art = Article(url="https://www.japantimes.co.jp/seed", title="", text=SEED.read_text(encoding="utf-8"),
                      content_hash="seed", published_at=at.astimezone(timezone.utc), published_offset_min=540,
                      fetched_at=at)
        s.add(art)
        s.flush()
        record_article(s, art)
    with session_scope(engine) as s:
        yield query_timeline(s), query_followups(s, today=D(2018, 9, 24))
    engine.dispose()


def _find(rows: list[dict], *words: str) -> list[dict]:
    return [r for r in rows if all(w.lower() in (r.get("claim", "") + " " + r.get("title", "") + " " + " ".join(
        s["text"] for s in r.get("sources", [])) + " " + ((r.get("source") or {}).get("text", ""))).lower() for w in words)]


@pytest.mark.parametrize(("words", "deadline"), [
    (("dialogue",), D(2018, 12, 31)),            # could be launched within the year (conditional)
    (("agreement",), D(2018, 10, 31)),           # expected to reach an agreement ... next month
    (("Beijing",), D(2018, 10, 23)),             # arrive in Beijing on Oct. 23
    (("anniversary",), D(2018, 10, 23)),         # the 40th anniversary on Oct. 23
    (("Xi Jinping",), D(2018, 10, 25)),          # meet Xi and Li during the three-day visit
])
def test_forward_statements_are_open_follow_ups_with_their_deadlines(seed, words, deadline) -> None:
    _, followups = seed
    found = _find(followups, *words)
    assert found and any(f["deadline"] == deadline and f["status"] == "open" for f in found), found


def test_what_already_happened_is_an_occurred_event_in_may(seed) -> None:
    events, _ = seed
    may = [e for e in events if e["kind"] == "occurred" and e["start"] == D(2018, 5, 1)]
    assert any("Li Keqiang" in e["entities"] for e in may)


def test_the_visit_is_one_scheduled_event_on_oct_23(seed) -> None:
    events, _ = seed
    visit = [e for e in events if e["start"] == D(2018, 10, 23) and "Shinzo Abe" in e["entities"] and e["kind"] == "scheduled"]
    assert visit
