"""Follow-ups put off, rescheduled and called off in the words news uses, read from article text by the
real mention finder and stored through `record_article`, in either arrival order: an undated hold-up
("has been held up ... has not said when") stays `postponed` past the old deadline until a new date
("will now launch ... on Dec. 8"), which reschedules the same follow-up; a call-off of a plan
("scrapped plans to sell") cancels it; a hedge ("may be cancelled") changes nothing."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tracker.store import Article, session_scope
from tracker.timeline import query_followups, record_article

D = date

LAUNCH = {
    "plan": (D(2025, 9, 10), "Hanil Motors will launch the Aero 9 in South Korea by the end of October."),
    "held-up": (D(2025, 10, 20), "The launch of the Aero 9 has been held up by a safety inspection. "
                                 "Hanil has not said when it will take place."),
    "new-date": (D(2025, 11, 20), "Hanil Motors said it would now launch the Aero 9 in South Korea on Dec. 8."),
    "launched": (D(2025, 12, 9), "Hanil Motors launched the Aero 9 in South Korea on Monday."),
}

SALE = {
    "plan": (D(2025, 4, 15), "Hanil Motors will start selling the Aero 7 in Australia in August, the company said."),
    "hedge": (D(2025, 5, 20), "Analysts said the Australian launch may be cancelled."),
    "scrapped": (D(2025, 6, 20), "Hanil Motors has scrapped plans to sell the Aero 7 in Australia, blaming weak demand."),
}


def _article(day: date, name: str, text: str) -> Article:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
    return Article(url=f"http://news.example/{name}", title="", text=text, content_hash=name, published_at=at,
                   published_offset_min=0, fetched_at=at)


def _ingest(engine, story: dict, order: list[str], as_of: date) -> list[dict]:
    for name in order:
        day, text = story[name]
        with session_scope(engine) as s:
            s.add(row := _article(day, name, text))
            s.flush()
            record_article(s, row)
    with session_scope(engine) as s:
        return [f for f in query_followups(s, today=as_of, as_of=as_of)]


ORDERS = ["oldest-first", "newest-first"]


def _order(story: dict, which: str) -> list[str]:
    return list(story) if which == "oldest-first" else list(reversed(story))


def _launch(fus: list[dict]) -> dict:
    found = [f for f in fus if f["predicate"] == "launch"]
    assert len(found) == 1, [(f["claim"], f["status"]) for f in fus]
    return found[0]


@pytest.mark.parametrize("which", ORDERS)
def test_a_hold_up_stays_postponed_until_the_new_date(engine, which: str) -> None:
    fus = _ingest(engine, LAUNCH, _order(LAUNCH, which), D(2025, 11, 10))
    launch = _launch(fus)
    # put off with no new date: postponed, and still postponed after the old deadline (Oct. 31), not overdue
    assert (launch["status"], launch["deadline"]) == ("postponed", D(2025, 10, 31))


@pytest.mark.parametrize("which", ORDERS)
def test_the_new_date_reschedules_the_same_follow_up(engine, which: str) -> None:
    fus = _ingest(engine, LAUNCH, _order(LAUNCH, which), D(2025, 12, 31))
    launch = _launch(fus)
    assert (launch["status"], launch["deadline"]) == ("fulfilled", D(2025, 12, 8))
    steps = [(h["status"], h["deadline"]) for h in launch["history"]]
    assert steps[:3] == [("open", D(2025, 10, 31)), ("postponed", D(2025, 10, 31)), ("open", D(2025, 12, 8))]
    assert launch["resolution"]["url"].endswith("/launched")


@pytest.mark.parametrize("which", ORDERS)
def test_a_call_off_of_the_plan_cancels_and_a_hedge_does_not(engine, which: str) -> None:
    fus = _ingest(engine, SALE, _order(SALE, which), D(2025, 6, 10))     # before the call-off: the hedge alone
    sale = [f for f in fus if f["predicate"] == "sell"]
    assert [f["status"] for f in sale] == ["open"]


@pytest.mark.parametrize("which", ORDERS)
def test_scrapped_plans_cancel_the_sale(engine, which: str) -> None:
    fus = _ingest(engine, SALE, _order(SALE, which), D(2025, 9, 1))
    sale = [f for f in fus if f["predicate"] == "sell"]
    assert [(f["status"], f["resolution"]["url"].rsplit("/", 1)[-1]) for f in sale] == [("cancelled", "scrapped")]
