"""One deed told by two outlets in other words ('arrested' / 'detained'; a hearing announced for a day and the
ruling reported that day) is one event through the store, in any arrival order, and stays one when a later
article rebuilds only one side's thread (`_store._with_outlet_partners`, `resolver.merge_outlets`). SQLite always;
PostgreSQL too when TRACKER_TEST_POSTGRES_URL is set (the `engine` fixture)."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tests.unit._mentions import mention
from tracker.store import Article, session_scope
from tracker.timeline import query_followups, query_timeline, resolve_mentions

D = date

STORY = {
    "arrest": (D(2031, 5, 10), [
        mention("arrest", "Jonas Pikkel", "occurred", D(2031, 5, 9), participants=("Jonas Pikkel", "Brenmoor"),
                text="Friday", sentence="Police arrested the financier Jonas Pikkel in Brenmoor on Friday.")]),
    "detain": (D(2031, 5, 11), [
        mention("detain", "Jonas Pikkel", "occurred", D(2031, 5, 9), participants=("Jonas Pikkel",),
                text="Friday", sentence="Jonas Pikkel was detained on Friday as he boarded a train, his lawyer said.")]),
    "court": (D(2031, 5, 12), [
        mention("arrest", "Jonas Pikkel", "occurred", D(2031, 5, 9), participants=("Jonas Pikkel",),
                text="Friday", sentence="Jonas Pikkel, who was arrested on Friday, appeared in court on Monday."),
        mention("appear", "Jonas Pikkel", "occurred", D(2031, 5, 12), participants=("Jonas Pikkel",),
                text="Monday", sentence="Jonas Pikkel, who was arrested on Friday, appeared in court on Monday.",
                sentence_index=0)]),
    "claim": (D(2031, 6, 1), [
        mention("hear", "Harlow Tribunal", "scheduled", D(2031, 6, 2), participants=("Harlow Tribunal",),
                text="tomorrow", sentence="The Harlow Tribunal will hear the port workers' appeal tomorrow.",
                claim="Harlow Tribunal to hear the appeal")]),
    "ruling": (D(2031, 6, 3), [
        mention("reject", "Harlow Tribunal", "occurred", D(2031, 6, 2), participants=("Harlow Tribunal",),
                text="Monday", sentence="The Harlow Tribunal on Monday turned down the port workers' appeal.")]),
}


def _article(day: date, name: str) -> Article:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
    return Article(url=f"http://news.example/{name}", title=name, text="", content_hash=name, published_at=at,
                   published_offset_min=0, fetched_at=at)


def _run(engine, order: list[str]) -> tuple[list[tuple[str, list[str]]], list[tuple[str, str | None]]]:
    for name in order:
        day, mentions = STORY[name]
        with session_scope(engine) as s:
            resolve_mentions(s, _article(day, name), mentions)
    with session_scope(engine) as s:
        events = sorted((str(e["start"]), sorted({src["url"].rsplit("/", 1)[-1] for src in e["sources"]}))
                        for e in query_timeline(s))
        fus = [(f["status"], ((f.get("resolution") or {}).get("url") or "").rsplit("/", 1)[-1] or None)
               for f in query_followups(s)]
    return events, fus


@pytest.mark.parametrize("order", [["arrest", "detain"], ["detain", "arrest"]])
def test_arrested_and_detained_are_one_event_in_any_order(engine, order: list[str]) -> None:
    events, _ = _run(engine, order)
    assert events == [("2031-05-09", ["arrest", "detain"])]


@pytest.mark.parametrize("order", [["arrest", "detain", "court"], ["court", "detain", "arrest"],
                                   ["detain", "court", "arrest"]])
def test_a_later_article_of_one_thread_keeps_the_merge(engine, order: list[str]) -> None:
    events, _ = _run(engine, order)
    assert ("2031-05-09", ["arrest", "court", "detain"]) in events
    assert ("2031-05-12", ["court"]) in events


@pytest.mark.parametrize("order", [["claim", "ruling"], ["ruling", "claim"]])
def test_a_hearing_announced_and_the_ruling_reported_that_day_are_one_event(engine, order: list[str]) -> None:
    events, fus = _run(engine, order)
    assert events == [("2031-06-02", ["claim", "ruling"])]
    assert fus == [("fulfilled", "ruling")]
