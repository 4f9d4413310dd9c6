"""Table-driven checks per family: (sentence, anchor, expression, expected canonical form, type).

The canonical form is `value [mod] first..last deadline D` (see _temporal_canon.canonical).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tracker.nlp.temporal import Timex, tag

from _temporal_canon import canonical, day

CASES = [
    # absolute dates
    ("Abe will arrive on Oct. 23.", "2018-09-23", "Oct. 23", "2018-10-23 2018-10-23..2018-10-23", "DATE"),
    ("It happened on 23 October 2018.", "2018-09-23", "23 October 2018", "2018-10-23 2018-10-23..2018-10-23", "DATE"),
    ("It happens October 23rd.", "2018-09-23", "October 23rd", "2018-10-23 2018-10-23..2018-10-23", "DATE"),
    ("Filed 10/23/2018.", "2018-09-23", "10/23/2018", "2018-10-23 2018-10-23..2018-10-23", "DATE"),
    ("Dated 2018-10-23.", "2018-09-23", "2018-10-23", "2018-10-23 2018-10-23..2018-10-23", "DATE"),
    ("Sales in October 2018 rose.", "2018-09-23", "October 2018", "2018-10 2018-10-01..2018-10-31", "DATE"),
    ("The treaty of 1978 holds.", "2018-09-23", "1978", "1978 1978-01-01..1978-12-31", "DATE"),
    ("It was big in the 1990s.", "2018-09-23", "the 1990s", "199 1990-01-01..1999-12-31", "DATE"),
    ("Profit in fiscal 2019 grew.", "2018-09-23", "fiscal 2019", "2019 2019-01-01..2019-12-31", "DATE"),
    ("Profit in the third quarter grew.", "2018-10-23", "the third quarter", "2018-Q3 2018-07-01..2018-09-30", "DATE"),
    ("Profit in Q3 2019 grew.", "2018-09-23", "Q3 2019", "2019-Q3 2019-07-01..2019-09-30", "DATE"),
    ("The launch is set for March 30, 2021.", "2018-06-27", "March 30, 2021", "2021-03-30 2021-03-30..2021-03-30", "DATE"),
    ("It will launch on Oct. 31, 2021.", "2020-07-16", "Oct. 31, 2021", "2021-10-31 2021-10-31..2021-10-31", "DATE"),
    ("NASA is targeting February 2022 for the launch.", "2021-10-22", "February 2022", "2022-02 2022-02-01..2022-02-28", "DATE"),
    ("They are now targeting Dec. 18 for the launch.", "2021-09-08", "Dec. 18", "2021-12-18 2021-12-18..2021-12-18", "DATE"),
    ("It moved to no earlier than Dec. 22, NASA said.", "2021-11-22", "no earlier than Dec. 22", "2021-12-22 [ON_OR_AFTER] 2021-12-22..2021-12-22", "DATE"),
    ("NASA is now targeting Friday, Dec. 24, for the launch.", "2021-12-14", "Friday, Dec. 24", "2021-12-24 2021-12-24..2021-12-24", "DATE"),
    ("The launch moved to Saturday, Dec. 25, NASA said.", "2021-12-21", "Saturday, Dec. 25", "2021-12-25 2021-12-25..2021-12-25", "DATE"),
    ("Orion will splash down on Dec. 11, 2022.", "2022-11-16", "Dec. 11, 2022", "2022-12-11 2022-12-11..2022-12-11", "DATE"),
    ("It is targeted for approximately May 2020.", "2018-03-27", "approximately May 2020", "2020-05 [APPROX] 2020-05-01..2020-05-31", "DATE"),
    # relative dates
    ("He said today.", "2018-09-23", "today", "2018-09-23 2018-09-23..2018-09-23", "DATE"),
    ("He said yesterday.", "2018-09-23", "yesterday", "2018-09-22 2018-09-22..2018-09-22", "DATE"),
    ("He speaks tonight.", "2018-09-23", "tonight", "2018-09-23TNI 2018-09-23..2018-09-23", "TIME"),
    ("Sources said Sunday.", "2018-09-23", "Sunday", "2018-09-23 2018-09-23..2018-09-23", "DATE"),
    ("They will meet on Monday.", "2018-09-23", "Monday", "2018-09-24 2018-09-24..2018-09-24", "DATE"),
    ("The telescope launched on Saturday.", "2021-12-25", "Saturday", "2021-12-25 2021-12-25..2021-12-25", "DATE"),
    ("It fell last week.", "2018-09-23", "last week", "2018-W37 2018-09-10..2018-09-16", "DATE"),
    ("He visits next month.", "2018-09-23", "next month", "2018-10 2018-10-01..2018-10-31", "DATE"),
    ("Growth this year slowed.", "2018-09-23", "this year", "2018 2018-01-01..2018-12-31", "DATE"),
    ("It closed two years ago.", "2018-09-23", "two years ago", "2016 2016-01-01..2016-12-31", "DATE"),
    ("They agreed in May to cooperate.", "2018-09-23", "May", "2018-05 2018-05-01..2018-05-31", "DATE"),
    ("They will decide in May.", "2018-09-23", "May", "2019-05 2019-05-01..2019-05-31", "DATE"),
    ("It rose earlier this year.", "1989-10-26", "earlier this year", "1989 [START] 1989-01-01..1989-04-30", "DATE"),
    ("He recently resigned.", "2018-09-23", "recently", "PAST_REF", "DATE"),
    ("Prices are now higher.", "2018-09-23", "now", "PRESENT_REF 2018-09-23..2018-09-23", "DATE"),
    ("It may change in the future.", "2018-09-23", "the future", "FUTURE_REF", "DATE"),
    # ranges
    ("The fair runs Oct. 25 to 27.", "2018-09-23", "Oct. 25 to 27", "2018-10-25 2018-10-25..2018-10-27", "DATE"),
    ("They will meet from Monday to Wednesday.", "2018-09-23", "from Monday to Wednesday", "2018-09-24 2018-09-24..2018-09-26", "DATE"),
    ("It was to fly between March and June of next year.", "2018-03-27", "between March and June of next year", "2019-03 2019-03-01..2019-06-30", "DATE"),
    # durations
    ("During a three-day visit", "2018-09-23", "three-day", "P3D", "DURATION"),
    ("It was closed for 90 days.", "2018-09-23", "90 days", "P90D", "DURATION"),
    ("It took a decade.", "2018-09-23", "a decade", "P10Y", "DURATION"),
    ("In the last twenty four hours, stocks fell.", "1998-01-08", "the last twenty four hours", "P1D", "DURATION"),
    # sets
    ("They meet every Tuesday.", "2018-09-23", "every Tuesday", "XXXX-WXX-2", "SET"),
    ("It is paid annually.", "2018-09-23", "annually", "P1Y", "SET"),
    ("They report each year.", "2018-09-23", "each year", "P1Y", "SET"),
    # times
    ("The window opens at 7:20 a.m. EST.", "2021-12-14", "7:20 a.m. EST", "2021-12-14T07:20 2021-12-14..2021-12-14", "TIME"),
    ("Biden unveiled it on Monday evening.", "2022-07-12", "Monday evening", "2022-07-11TEV 2022-07-11..2022-07-11", "TIME"),
    ("The offer expires at midnight.", "2018-09-23", "midnight", "2018-09-23T24:00 2018-09-23..2018-09-23", "TIME"),
    # seasons and holidays
    ("The first images are expected this summer.", "2022-01-08", "this summer", "2022-SU 2022-06-21..2022-09-22 deadline 2022-09-22", "DATE"),
    ("It opens next spring.", "2018-09-23", "next spring", "2019-SP 2019-03-20..2019-06-20 deadline 2019-06-20", "DATE"),
    ("Weather bumps the launch to Christmas Day.", "2021-12-21", "Christmas Day", "2021-12-25 2021-12-25..2021-12-25", "DATE"),
    # deadlines
    ("It could be launched within the year.", "2018-09-23", "within the year", "2018 2018-01-01..2018-12-31 deadline 2018-12-31", "DATE"),
    ("A board will report by the end of May, officials said.", "2018-03-27", "the end of May", "2018-05 [END] 2018-05-21..2018-05-31 deadline 2018-05-31", "DATE"),
    ("A vote is due by the end of March.", "2018-09-23", "the end of March", "2019-03 [END] 2019-03-21..2019-03-31 deadline 2019-03-31", "DATE"),
    ("The bill must pass before April.", "2018-09-23", "April", "2019-04 2019-04-01..2019-04-30 deadline 2019-03-31", "DATE"),
    ("A vote comes later this month.", "2018-09-23", "later this month", "2018-09 2018-09-01..2018-09-30 deadline 2018-09-30", "DATE"),
    ("Talks resume early next year.", "2018-09-23", "early next year", "2019 [START] 2019-01-01..2019-04-30 deadline 2019-04-30", "DATE"),
    ("A decision is expected in the coming weeks.", "2018-09-23", "the coming weeks", "FUTURE_REF deadline 2018-11-04", "DATE"),
    ("The plant will close by 2020.", "2018-09-23", "2020", "2020 2020-01-01..2020-12-31 deadline 2020-12-31", "DATE"),
    ("It should reach orbit in late January.", "2021-12-25", "late January", "2022-01 [END] 2022-01-21..2022-01-31 deadline 2022-01-31", "DATE"),
    ("Webb will unfold its mirrors over the next two weeks.", "2021-12-25", "the next two weeks", "P2W deadline 2022-01-08", "DURATION"),
    ("They must respond within 30 days.", "2018-09-23", "30 days", "P30D deadline 2018-10-23", "DURATION"),
    # narrative anchors
    ("He arrived on Oct. 23 and left the following day.", "2018-10-30", "the following day", "2018-10-24 2018-10-24..2018-10-24", "DATE"),
    ("They met on Aug. 7. That day the deal was signed.", "1998-08-21", "That day", "1998-08-07 1998-08-07..1998-08-07", "DATE"),
]


def _find(timexes: list[Timex], text: str) -> Timex:
    hits = [t for t in timexes if t.text == text]
    assert hits, f"{text!r} not found in {[(t.text, t.value) for t in timexes]}"
    return hits[0]


@pytest.mark.parametrize(("sentence", "anchor", "expr", "expect", "kind"), CASES, ids=[c[2] for c in CASES])
def test_family(sentence: str, anchor: str, expr: str, expect: str, kind: str) -> None:
    t = _find(tag(sentence, day(anchor)), expr)
    assert (canonical(t), t.type) == (expect, kind)


@pytest.mark.parametrize("sentence", [
    "They mark the 40th anniversary of the treaty.",
    "The agency sent 52 memorandums.",
    "Officials may decide to act.",
    "He writes for the Sunday Times.",
    "She said Prime Minister Theresa May agreed.",
])
def test_no_false_alarm(sentence: str) -> None:
    assert tag(sentence, day("2018-09-23")) == []


def test_aware_dct_anchors_at_the_publishers_local_date() -> None:
    # Saturday 01:15 at +09:00 is still Friday in UTC; "on Friday" is the day before publication.
    dct = datetime(2018, 9, 22, 1, 15, tzinfo=timezone(timedelta(hours=9)))
    t = _find(tag("The deal was signed on Friday.", dct), "Friday")
    assert t.value == "2018-09-21"


def test_results_sorted_and_offsets_slice() -> None:
    text = "On Monday, Oct. 1, 2018, he said that next week the talks resume for three days."
    found = tag(text, day("2018-09-23"))
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(text[t.start:t.end] == t.text for t in found)
