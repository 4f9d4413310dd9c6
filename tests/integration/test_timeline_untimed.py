"""A deed told in passing with no time ("in the first week after the bridge opened", dated only by its publication
day) joins the one earlier event of its class whose name has its noun as head, through the store and in any
arrival order; with two such things, or none, it is no event of its own (`_keys._join_untimed`,
`resolver._cluster`). SQLite always; PostgreSQL too when TRACKER_TEST_POSTGRES_URL is set (the `engine` fixture)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from tests.unit._mentions import mention
from tracker.store import Article, session_scope
from tracker.timeline import query_timeline, resolve_mentions

D = date
FELL = "Passenger numbers fell by more than half in the first week after the bridge opened."

STORY = {
    "opens": (D(2026, 6, 21), [
        mention("open", "Alder Harbour Bridge", "occurred", D(2026, 6, 20), participants=("Alder Harbour Bridge",),
                text="Saturday", sentence="The Alder Harbour Bridge opened to traffic on Saturday.")]),
    "other": (D(2026, 5, 2), [
        mention("open", "Kestrel Bay Bridge", "occurred", D(2026, 5, 1), participants=("Kestrel Bay Bridge",),
                text="Friday", sentence="The Kestrel Bay Bridge opened to traffic on Friday.")]),
    "ferry": (D(2026, 6, 24), [   # as `_clauses.passing_deeds` tells it: no time, no participants
        replace(mention("opened", "bridge", "occurred", sentence=FELL, claim="bridge opened"), participants=())]),
}


def _article(day: date, name: str) -> Article:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
    return Article(url=f"http://news.example/{name}", title=name, text="", content_hash=name, published_at=at,
                   published_offset_min=0, fetched_at=at)


def _events(engine, order: list[str]) -> list[tuple[str, str, list[str]]]:
    for name in order:
        day, mentions = STORY[name]
        with session_scope(engine) as s:
            resolve_mentions(s, _article(day, name), mentions)
    with session_scope(engine) as s:
        return sorted((str(e["start"]), e["title"], sorted(src["url"].rsplit("/", 1)[-1] for src in e["sources"]))
                      for e in query_timeline(s))


@pytest.mark.parametrize("order", [["opens", "ferry"], ["ferry", "opens"]])
def test_an_untimed_deed_joins_the_one_named_event_of_its_noun(engine, order: list[str]) -> None:
    assert _events(engine, order) == [("2026-06-20", "Opening of Alder Harbour Bridge", ["ferry", "opens"])]


@pytest.mark.parametrize("order", [["other", "opens", "ferry"], ["ferry", "opens", "other"],
                                   ["opens", "ferry", "other"]])
def test_with_two_bridges_it_joins_neither_and_is_no_event(engine, order: list[str]) -> None:
    events = _events(engine, order)
    assert [(day, sources) for day, _title, sources in events] == [("2026-05-01", ["other"]), ("2026-06-20", ["opens"])]


def test_with_no_earlier_bridge_it_is_no_event(engine) -> None:
    assert _events(engine, ["ferry"]) == []
