"""Claims that need every part of a whole: one part reported is progress, not fulfilment."""
from __future__ import annotations

import dataclasses
import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit._mentions import record
from tracker.timeline import settle
from tracker.timeline._parts import covered, quantified, table
from tracker.timeline._records import Record
from tracker.timeline.resolver import plan_block

D = date
BILL = "Digital Competition Bill"


def said(rec: Record, sentence: str, claim: str = "") -> Record:
    """The record with its sentence and claim (keys recomputed from them)."""
    return dataclasses.replace(rec, sentence=sentence, claim=claim or sentence, own_key="", keys=())


@pytest.mark.parametrize("example", table().examples, ids=lambda e: e["claim"])
def test_every_example_of_the_table_reads_as_written(example: dict) -> None:
    q = quantified(example["claim"], example["predicate"])
    assert (q.parts, q.whole) == (example["parts"], example["whole"])


def test_a_quantified_subject_or_a_pair_of_things_is_no_whole() -> None:
    assert quantified("both sides to sign the accord", "sign").parts == 1
    assert quantified("parliament to pass both the budget and the tax bill", "pass").parts == 1


def test_the_same_part_named_two_ways_counts_once_and_the_whole_counts_for_all() -> None:
    assert covered(["senate", "australia senate"], "") == 1
    assert covered(["senate", "house of representatives"], "") == 2
    assert covered(["parliament"], "Parliament") >= 2


def _claim() -> Record:
    rec = record("pass", BILL, "expected", D(2024, 8, 13), D(2024, 9, 1), D(2024, 12, 31),
                 participants=(BILL, "Parliament"), deadline=D(2024, 12, 31))
    return said(rec, "The government expects the bill to pass both houses of Parliament by the end of the year.",
                "bill to pass both houses of Parliament")


def _passed(chamber: str, published: date, day: date, verb: str = "pass") -> Record:
    rec = record(verb, chamber, "occurred", published, day, participants=(chamber, BILL, "Senate"))
    return said(rec, f"The {chamber} {verb}ed the {BILL} on Wednesday, sending it on.")


def test_one_chamber_of_two_is_progress_kept_in_the_history() -> None:
    s = settle([_claim(), _passed("House of Representatives", D(2024, 9, 11), D(2024, 9, 11))])
    assert (s.status, s.resolution) == ("open", None)
    assert [h.status for h in s.history] == ["open", "open"]
    assert "1 of 2" in s.history[-1].note


def test_the_second_chamber_settles_it_late_or_on_time() -> None:
    house = _passed("House of Representatives", D(2024, 9, 11), D(2024, 9, 11))
    senate = _passed("Senate", D(2025, 2, 13), D(2025, 2, 13))
    s = settle([_claim(), house, senate])
    assert (s.status, s.resolution) == ("late", senate)
    early = _passed("Senate", D(2024, 11, 28), D(2024, 11, 28))
    assert settle([_claim(), house, early]).status == "fulfilled"


def test_the_same_chamber_reported_twice_is_still_one_part() -> None:
    house = _passed("House of Representatives", D(2024, 9, 11), D(2024, 9, 11))
    again = _passed("House of Representatives", D(2024, 9, 12), D(2024, 9, 11))
    assert settle([_claim(), house, again]).status == "open"


def test_a_report_by_the_whole_covers_every_part() -> None:
    whole = record("pass", "Parliament", "occurred", D(2024, 10, 1), D(2024, 10, 1), participants=("Parliament", BILL))
    assert settle([_claim(), said(whole, f"Parliament passed the {BILL} on Tuesday.")]).status == "fulfilled"


def test_an_ordinary_claim_is_still_settled_by_one_report() -> None:
    rec = record("pass", BILL, "expected", D(2024, 8, 13), D(2024, 12, 31), participants=(BILL,))
    plain = said(rec, "The government expects the bill to pass by the end of the year.", "bill to pass")
    assert settle([plain, _passed("Senate", D(2024, 9, 11), D(2024, 9, 11))]).status == "fulfilled"


def _story() -> list[Record]:
    """The bill: both houses by year end; the House passes; a Senate vote is set, delayed, then held."""
    vote = said(record("vote", "Senate", "scheduled", D(2024, 11, 25), D(2024, 11, 28), participants=("Senate",)),
                "The Senate is scheduled to vote on the bill on Thursday.", "Senate to vote on the bill")
    delay = said(record("vote", "Senate", "postponed", D(2024, 11, 28), participants=("Senate", BILL)),
                 f"The Senate on Thursday delayed its vote on the {BILL}.", f"Senate vote on the {BILL}")
    return [_claim(), _passed("House of Representatives", D(2024, 9, 11), D(2024, 9, 11)), vote, delay,
            _passed("Senate", D(2025, 2, 13), D(2025, 2, 13)),
            _passed("Senate", D(2025, 2, 14), D(2025, 2, 13), verb="approv")]


def _outcome(records: list[Record], as_of: date | None = None) -> list:
    plans = plan_block(records).plans
    states = [(p.claims[0].claim, settle(p.records, as_of)) for p in plans]
    return sorted((claim, s.status, s.deadline) for claim, s in states if s.status is not None)


def test_the_whole_and_the_part_are_two_follow_ups_each_judged_on_its_own() -> None:
    assert _outcome(_story()) == [("Senate to vote on the bill", "late", D(2024, 11, 28)),
                                  ("bill to pass both houses of Parliament", "late", D(2024, 12, 31))]
    assert [s for _, s, _ in _outcome(_story(), D(2024, 10, 1))] == ["open"]
    assert [s for _, s, _ in _outcome(_story(), D(2024, 12, 5))] == ["postponed", "postponed"]


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from([None, D(2024, 10, 1), D(2024, 12, 5), D(2025, 3, 1)]))
def test_any_arrival_order_gives_the_same_follow_ups(rnd: random.Random, as_of: date | None) -> None:
    story = _story()
    shuffled = story[:]
    rnd.shuffle(shuffled)
    assert _outcome(shuffled, as_of) == _outcome(story, as_of)


def test_a_part_reported_before_the_claim_counts_toward_it() -> None:
    house = _passed("House of Representatives", D(2024, 8, 1), D(2024, 8, 1))
    senate = _passed("Senate", D(2024, 10, 1), D(2024, 10, 1))
    story = [house, _claim(), senate]
    plans = plan_block(story).plans
    assert len(plans) == 1 and house in plans[0].evidence
    s = settle(plans[0].records)
    assert (s.status, s.resolution) == ("fulfilled", senate)
    assert "reported before" in s.history[1].note
    assert settle(plans[0].records, as_of=D(2024, 9, 1)).status == "open"
