"""A claim that needs both chambers, stored: the House alone is progress, the separate Senate-vote
follow-up survives, and the answer does not depend on the order the reports arrive in."""
from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

import pytest

from tests.unit._mentions import mention
from tracker.store import Article, session_scope
from tracker.timeline import query_followups, resolve_mentions

D = date
BILL = "Digital Competition Bill"

STORY = {
    "introduced": (D(2024, 8, 13), [
        mention("pass", BILL, "expected", D(2024, 9, 1), D(2024, 12, 31), participants=(BILL, "Parliament"),
                deadline=D(2024, 12, 31), text="by the end of the year", claim="bill to pass both houses of Parliament",
                sentence="The government expects the bill to pass both houses of Parliament by the end of the year.")]),
    "house": (D(2024, 9, 11), [
        mention("pass", "House of Representatives", "occurred", D(2024, 9, 11),
                participants=("House of Representatives", BILL, "Senate"),
                sentence=f"The House of Representatives passed the {BILL} on Wednesday, sending it to the Senate.")]),
    "vote-set": (D(2024, 11, 25), [
        mention("vote", "Senate", "scheduled", D(2024, 11, 28), participants=("Senate",), text="Thursday",
                claim="Senate to vote on the bill", sentence="The Senate is scheduled to vote on the bill on Thursday.")]),
    "delayed": (D(2024, 11, 28), [
        mention("vote", "Senate", "postponed", participants=("Senate", BILL), claim=f"Senate vote on the {BILL}",
                sentence=f"The Senate on Thursday delayed its vote on the {BILL}.")]),
    "senate": (D(2025, 2, 13), [
        mention("pass", "Senate", "occurred", D(2025, 2, 13), participants=("Senate", BILL),
                sentence=f"The Senate passed the {BILL} on Thursday by 38 votes to 31.")]),
}


def _article(day: date, name: str) -> Article:
    at = datetime(day.year, day.month, day.day, 3, tzinfo=timezone.utc)
    return Article(url=f"http://news.example/{name}", title=name, text="", content_hash=name, published_at=at,
                   published_offset_min=600, fetched_at=at)


def _states(engine, order: list[str], as_of: date | None = None) -> list[tuple]:
    for name in order:
        day, mentions = STORY[name]
        with session_scope(engine) as s:
            resolve_mentions(s, _article(day, name), mentions)
    with session_scope(engine) as s:
        fus = query_followups(s, as_of=as_of, today=D(2026, 1, 1))
    return sorted((f["claim"], f["status"], f["deadline"], (f["resolution"] or {}).get("url")) for f in fus)


@pytest.mark.parametrize("order", [list(p) for p in itertools.islice(itertools.permutations(STORY), 0, 120, 29)])
def test_both_houses_and_the_senate_vote_settle_apart_in_any_order(engine, order: list[str]) -> None:
    assert _states(engine, order) == [
        ("Senate to vote on the bill", "late", D(2024, 11, 28), "http://news.example/senate"),
        ("bill to pass both houses of Parliament", "late", D(2024, 12, 31), "http://news.example/senate"),
    ]


def test_as_known_after_the_house_vote_the_claim_is_still_open(engine) -> None:
    assert _states(engine, list(STORY), as_of=D(2024, 10, 1)) == [
        ("bill to pass both houses of Parliament", "open", D(2024, 12, 31), None)]
