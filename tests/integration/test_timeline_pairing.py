"""Reports that settle claims they do not name, stored, in either arrival order: 'the harbour bridge
closed as planned' settles the named bridge's closure that day; the washed-out decider replayed the
following day is one reschedule, then fulfilled."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tests.unit._mentions import mention
from tracker.store import Article, session_scope
from tracker.timeline import query_followups, query_timeline, resolve_mentions

D = date
BRIDGE = "Auckland Harbour Bridge"
SIDES = ("New Zealand", "United Kingdom")

STORY = {
    "notice": (D(2025, 2, 10), [
        mention("close", BRIDGE, "scheduled", D(2025, 2, 15), participants=(BRIDGE,), text="10 p.m. on Saturday",
                claim=f"{BRIDGE} to close", sentence=f"The {BRIDGE} will close to all traffic at 10 p.m. on Saturday.")]),
    "preview": (D(2025, 2, 11), [
        mention("match", "New Zealand", "scheduled", D(2025, 2, 15), participants=SIDES, text="Saturday",
                claim="New Zealand to host England at Eden Park",
                sentence="New Zealand will host England in the deciding one-day international at Eden Park on Saturday.")]),
    "washout": (D(2025, 2, 15), [
        mention("match", "deciding international", "postponed", D(2025, 2, 15), participants=SIDES, text="tonight",
                sentence="The deciding one-day international between New Zealand and England was abandoned tonight."),
        mention("match", "deciding international", "expected", D(2025, 2, 16), participants=SIDES, sentence_index=1,
                text="the following day", claim="match to be replayed",
                sentence="Organisers said the match would be replayed the following day."),
        mention("close", "harbour bridge", "occurred", D(2025, 2, 15), sentence_index=2, text="10 p.m.",
                participants=("New Zealand",), sentence="Across the city, the harbour bridge closed as planned at 10 p.m.")]),
    "result": (D(2025, 2, 16), [
        mention("beat", "United Kingdom", "occurred", D(2025, 2, 16), participants=SIDES, text="Sunday",
                sentence="England beat New Zealand by five wickets at Eden Park on Sunday.")]),
}


def _article(day: date, name: str) -> Article:
    at = datetime(day.year, day.month, day.day, 1, tzinfo=timezone.utc)
    return Article(url=f"http://news.example/{name}", title=name, text="", content_hash=name, published_at=at,
                   published_offset_min=780, fetched_at=at)


def _ingest(engine, order: list[str]) -> tuple[list, list]:
    for name in order:
        day, mentions = STORY[name]
        with session_scope(engine) as s:
            resolve_mentions(s, _article(day, name), mentions)
    with session_scope(engine) as s:
        fus = sorted((f["claim"], f["status"], f["deadline"], (f["resolution"] or {}).get("url"),
                      tuple(h["deadline"] for h in f["history"])) for f in query_followups(s, today=D(2025, 3, 1)))
        events = sorted((e["start"], e["kind"]) for e in query_timeline(s))
    return fus, events


@pytest.mark.parametrize("order", [list(STORY), list(reversed(STORY))], ids=["oldest-first", "newest-first"])
def test_reports_settle_the_claims_they_do_not_name(engine, order: list[str]) -> None:
    fus, events = _ingest(engine, order)
    assert fus == [
        (f"{BRIDGE} to close", "fulfilled", D(2025, 2, 15), "http://news.example/washout", (D(2025, 2, 15),) * 2),
        ("New Zealand to host England at Eden Park", "fulfilled", D(2025, 2, 16), "http://news.example/result",
         (D(2025, 2, 15), D(2025, 2, 16), D(2025, 2, 16))),
    ]
    assert (D(2025, 2, 15), "postponed") in events  # the day the decider was abandoned
