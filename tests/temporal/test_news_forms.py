"""Forms that news stories use, read as a careful reader would (round 2 of the news-forms work):
parts of a year or decade ("mid-2026", "by mid-year", "the mid-2020s"), a weekday with its
explicit date, parts of a month ("the first week of May"), halves and quarters of a relative
year. Each row: (sentence, publication day, expression, `value [mod] first..last deadline D`).
The interval and the deadline are what the timeline and the follow-ups use, so both are checked.
"""
from __future__ import annotations

import pytest

from tracker.nlp.temporal import tag

from _temporal_canon import canonical, day

CASES = [
    # a part of a year: MID is May 1 - Aug 31 (docs/dates.md), a deadline at its end
    ("The plant will open in mid-2026.", "2025-12-09", "mid-2026", "2026 [MID] 2026-05-01..2026-08-31 deadline 2026-08-31"),
    ("It must be finished by mid-2026.", "2025-12-09", "mid-2026", "2026 [MID] 2026-05-01..2026-08-31 deadline 2026-08-31"),
    ("The review is due by mid-year.", "2026-03-10", "mid-year", "2026 [MID] 2026-05-01..2026-08-31 deadline 2026-08-31"),
    ("Talks should resume by midyear, officials said.", "2026-03-10", "midyear", "2026 [MID] 2026-05-01..2026-08-31 deadline 2026-08-31"),
    ("A ruling is expected midmonth.", "2026-03-02", "midmonth", "2026-03 [MID] 2026-03-11..2026-03-20 deadline 2026-03-20"),
    ("The fleet will be replaced by the mid-2020s.", "2018-09-23", "the mid-2020s", "202 [MID] 2024-01-01..2026-12-31 deadline 2026-12-31"),
    # a weekday with its explicit date: one expression, the date's value (the weekday picks the year)
    ("The union said its members would strike again from 6 a.m. on Monday, Aug. 25.", "2025-08-18", "6 a.m. on Monday, Aug. 25", "2025-08-25T06:00 2025-08-25..2025-08-25"),
    ("The vote is on Monday, Aug. 25.", "2025-08-20", "Monday, Aug. 25", "2025-08-25 2025-08-25..2025-08-25"),
    # session 3: a weekday and part of day with the date: that night, not the coming Sunday
    ("The band will close the festival on Sunday night, Aug. 17, their only British show.", "2025-03-12",
     "Sunday night, Aug. 17", "2025-08-17TNI 2025-08-17..2025-08-17"),
    ("Police said the shop was raided on Friday morning, June 6, 2025.", "2025-06-09",
     "Friday morning, June 6, 2025", "2025-06-06TMO 2025-06-06..2025-06-06"),
    ("The band played on Sunday night in Hamilton.", "2025-03-12", "Sunday night", "2025-03-09TNI 2025-03-09..2025-03-09"),
    ("The hearing was held Monday, August 25, 2025.", "2026-03-10", "Monday, August 25, 2025", "2025-08-25 2025-08-25..2025-08-25"),
    ("Ministers will meet Tuesday (June 17) in Geneva.", "2025-06-14", "Tuesday (June 17)", "2025-06-17 2025-06-17..2025-06-17"),
    ("Ministers met on Tuesday (June 17) in Geneva, officials said.", "2025-08-20", "Tuesday (June 17)", "2025-06-17 2025-06-17..2025-06-17"),
    # a part of a month: the days themselves, the month as value, a deadline at the last day
    ("Engineers will load-test the deck with forty lorries in the first week of May, the department said.", "2026-03-02", "the first week of May", "2026-05 [START] 2026-05-01..2026-05-07 deadline 2026-05-07"),
    ("The port was shut in the last week of June.", "2025-08-10", "the last week of June", "2025-06 [END] 2025-06-24..2025-06-30 deadline 2025-06-30"),
    ("Repairs will run through the second half of March.", "2026-03-02", "the second half of March", "2026-03 [END] 2026-03-16..2026-03-31 deadline 2026-03-31"),
    ("The first shipments are due in the first days of July.", "2026-03-02", "the first days of July", "2026-07 [START] 2026-07-01..2026-07-07 deadline 2026-07-07"),
    ("Leap-year February: prices fell in the last few days of February 2024.", "2024-06-01", "the last few days of February 2024", "2024-02 [END] 2024-02-23..2024-02-29 deadline 2024-02-29"),
    ("The vote is planned for the third week of next month.", "2026-03-02", "the third week of next month", "2026-04 2026-04-15..2026-04-21 deadline 2026-04-21"),
    # a half or quarter "of next / last year" is one expression counted from the anchor's year
    ("The acquisition is expected to close in the first half of next year, the companies said.", "2024-11-04", "the first half of next year", "2025-H1 2025-01-01..2025-06-30"),
    ("The opening had been expected in the first half of this year.", "2025-03-24", "the first half of this year", "2025-H1 2025-01-01..2025-06-30"),
    ("Sales fell in the fourth quarter of last year.", "2024-11-04", "the fourth quarter of last year", "2023-Q4 2023-10-01..2023-12-31"),
    # headline style drops "the" before an edge: still a deadline
    ("Riverside Line on track to open by end of next year, minister says", "2023-11-14", "end of next year", "2024 [END] 2024-09-01..2024-12-31 deadline 2024-12-31"),
    ("Regulator to rule by end of March", "2025-01-20", "end of March", "2025-03 [END] 2025-03-21..2025-03-31 deadline 2025-03-31"),
    # "as planned / as scheduled" after a date speaks of the plan, not the date's tense
    ("The minister did not meet the two sides on Wednesday as planned, after the employers asked for time.", "2025-06-19", "Wednesday", "2025-06-18 2025-06-18..2025-06-18"),
    ("The launch went ahead on Friday as scheduled.", "2025-06-23", "Friday", "2025-06-20 2025-06-20..2025-06-20"),
    # the quarter being reported stays in view across the reporting day: "a year earlier" is that quarter
    ("Norvane reported a fourth-quarter operating loss of 180 million crowns on Thursday, narrower than the 260 million loss it posted a year earlier.", "2025-02-06", "a year earlier", "2023-Q4 2023-10-01..2023-12-31"),
    ("Norvane reported third-quarter results on Thursday, returning to a profit in the July-September quarter from a loss a year earlier.", "2025-10-23", "the July-September quarter", "2025-Q3 2025-07-01..2025-09-30"),
    ("Norvane reported third-quarter results on Thursday, returning to a profit in the July-September quarter from a loss a year earlier.", "2025-10-23", "a year earlier", "2024-Q3 2024-07-01..2024-09-30"),
    # an optional space in a pattern is optional: day and month ranges written without spaces
    ("The fair runs Oct. 23-25 in Frankfurt.", "2025-10-01", "Oct. 23-25", "2025-10-23 2025-10-23..2025-10-25"),
    ("Testing is planned for March-June 2026.", "2025-10-01", "March-June 2026", "2026-03 2026-03-01..2026-06-30"),
    # wire-service forms: "end-2025", "H1 2025", "Monday next week", "8 p.m. local time"
    ("The central bank expects inflation to fall to 2% by end-2025.", "2025-05-12", "end-2025", "2025 [END] 2025-09-01..2025-12-31 deadline 2025-12-31"),
    ("The deal should close by end-June, the company said.", "2025-05-12", "end-June", "2025-06 [END] 2025-06-21..2025-06-30 deadline 2025-06-30"),
    ("The group will report H1 2025 results in August.", "2025-05-12", "H1 2025", "2025-H1 2025-01-01..2025-06-30"),
    ("The trial will resume on Monday next week.", "2025-05-14", "Monday next week", "2025-05-19 2025-05-19..2025-05-19"),
    ("Polls will close at 8 p.m. local time on Sunday.", "2025-05-14", "8 p.m. local time on Sunday", "2025-05-18T20:00 2025-05-18..2025-05-18"),
]


@pytest.mark.parametrize("sentence,anchor,expr,expect", CASES)
def test_news_form(sentence: str, anchor: str, expr: str, expect: str) -> None:
    found = [t for t in tag(sentence, day(anchor)) if t.text == expr]
    assert found, f"{expr!r} not tagged in {sentence!r}: {[t.text for t in tag(sentence, day(anchor))]}"
    assert canonical(found[0]) == expect
