"""Settlement: every status, reschedules, as-of, and order independence (a property over shuffles)."""
from __future__ import annotations

import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit._mentions import record
from tracker.timeline import settle
from tracker.timeline.resolver import plan_block

D = date


def test_a_claim_alone_is_open_with_its_deadline() -> None:
    s = settle([record("launch", "Webb", "expected", D(2018, 3, 27), D(2020, 5, 1), D(2020, 5, 31), text="May 2020")])
    assert (s.status, s.deadline, s.deadline_text) == ("open", D(2020, 5, 31), "May 2020")
    assert [h.status for h in s.history] == ["open"]


def test_scheduled_and_conditional_claims_are_open_too() -> None:
    for modality in ("scheduled", "conditional"):
        assert settle([record("launch", "X", modality, D(2020, 1, 1), D(2020, 6, 1))]).status == "open"


def test_happened_on_or_before_the_deadline_is_fulfilled() -> None:
    claim = record("launch", "Webb", "scheduled", D(2021, 12, 21), D(2021, 12, 25))
    done = record("launch", "Webb", "occurred", D(2021, 12, 25), D(2021, 12, 25))
    s = settle([claim, done])
    assert (s.status, s.resolution) == ("fulfilled", done)


def test_a_report_that_it_is_under_way_settles_it_too() -> None:
    claim = record("visit", "Abe", "scheduled", D(2018, 9, 23), D(2018, 10, 23))
    under_way = record("visit", "Abe", "ongoing", D(2018, 10, 24), D(2018, 10, 23), D(2018, 10, 25))
    assert settle([claim, under_way]).status == "fulfilled"


def test_happened_after_the_deadline_is_late() -> None:
    claim = record("launch", "Artemis I", "expected", D(2021, 10, 22), D(2022, 2, 1), D(2022, 2, 28))
    done = record("launch", "Artemis I", "occurred", D(2022, 11, 16), D(2022, 11, 16))
    assert settle([claim, done]).status == "late"


def test_overdue_is_judged_against_the_day_asked_about() -> None:
    claim = record("launch", "Artemis I", "expected", D(2021, 10, 22), D(2022, 2, 1), D(2022, 2, 28))
    done = record("launch", "Artemis I", "occurred", D(2022, 11, 16), D(2022, 11, 16))
    assert settle([claim, done], as_of=D(2022, 1, 15)).status == "open"
    assert settle([claim, done], as_of=D(2022, 6, 1)).status == "overdue"
    assert settle([claim, done], as_of=D(2022, 12, 1)).status == "late"


def test_nothing_is_known_before_the_claim_was_published() -> None:
    claim = record("launch", "X", "expected", D(2021, 10, 22), D(2022, 2, 1))
    assert settle([claim], as_of=D(2021, 10, 1)).status is None


def test_a_new_date_is_a_reschedule_and_history_keeps_every_deadline() -> None:
    days = [D(2020, 5, 31), D(2021, 3, 30), D(2021, 10, 31), D(2021, 12, 18), D(2021, 12, 22), D(2021, 12, 24), D(2021, 12, 25)]
    claims = [record("launch", "Webb", "scheduled", D(2018 + i // 2, 1 + i, 1), d) for i, d in enumerate(days)]
    s = settle(claims)
    assert s.status == "open" and s.deadline == D(2021, 12, 25)
    assert [h.deadline for h in s.history] == days


def test_the_same_date_reported_twice_is_one_step() -> None:
    a = record("launch", "X", "scheduled", D(2021, 1, 1), D(2021, 6, 1))
    b = record("launch", "X", "scheduled", D(2021, 1, 2), D(2021, 6, 1))
    assert len(settle([a, b]).history) == 1


def test_put_off_without_a_new_date_is_postponed_and_a_new_date_reopens_it() -> None:
    claim = record("meet", "Summit", "scheduled", D(2019, 1, 1), D(2019, 3, 1))
    off = record("meet", "Summit", "postponed", D(2019, 2, 1))
    assert settle([claim, off]).status == "postponed"
    again = record("meet", "Summit", "scheduled", D(2019, 4, 1), D(2019, 6, 1))
    s = settle([claim, off, again])
    assert (s.status, s.deadline) == ("open", D(2019, 6, 1))


def test_called_off_or_denied_is_cancelled() -> None:
    claim = record("meet", "Summit", "scheduled", D(2019, 1, 1), D(2019, 3, 1))
    for modality in ("cancelled", "denied"):
        assert settle([claim, record("meet", "Summit", modality, D(2019, 2, 1))]).status == "cancelled"


def test_the_call_off_is_the_resolution_until_a_new_date_reopens_it() -> None:
    claim = record("meet", "Summit", "scheduled", D(2019, 1, 1), D(2019, 3, 1))
    off = record("meet", "Summit", "cancelled", D(2019, 2, 1))
    assert (settle([claim, off]).status, settle([claim, off]).resolution) == ("cancelled", off)
    again = record("meet", "Summit", "scheduled", D(2019, 2, 10), D(2019, 5, 1))
    assert (settle([claim, off, again]).status, settle([claim, off, again]).resolution) == ("open", None)


def test_a_report_ingested_before_its_claim_settles_it_just_the_same() -> None:
    claim = record("launch", "Webb", "scheduled", D(2021, 12, 21), D(2021, 12, 25))
    done = record("launch", "Webb", "occurred", D(2021, 12, 25), D(2021, 12, 25))
    assert settle([done, claim]).status == settle([claim, done]).status == "fulfilled"


def test_fulfilment_is_final() -> None:
    claim = record("launch", "X", "scheduled", D(2021, 1, 1), D(2021, 2, 1))
    done = record("launch", "X", "occurred", D(2021, 2, 1), D(2021, 2, 1))
    later = record("launch", "X", "cancelled", D(2021, 3, 1))
    assert settle([claim, done, later]).status == "fulfilled"


def _story() -> list:
    """A block with two plans (a launch that slips and happens, then the next one that is called off)."""
    return [
        record("launch", "Rocket", "expected", D(2020, 1, 1), D(2020, 6, 1), D(2020, 6, 30)),
        record("launch", "Rocket", "scheduled", D(2020, 5, 1), D(2020, 7, 10)),
        record("launch", "Rocket", "postponed", D(2020, 7, 5)),
        record("launch", "Rocket", "scheduled", D(2020, 7, 20), D(2020, 8, 2)),
        record("launch", "Rocket", "occurred", D(2020, 8, 2), D(2020, 8, 2)),
        record("launch", "Rocket", "occurred", D(2020, 8, 3), D(2020, 8, 2)),
        record("launch", "Rocket", "scheduled", D(2020, 9, 1), D(2020, 12, 1)),
        record("launch", "Rocket", "cancelled", D(2020, 10, 1)),
    ]


def _outcome(records: list, as_of: date | None = None) -> list:
    result = plan_block(records)
    plans = [(settle(p.records, as_of).status, settle(p.records, as_of).deadline) for p in result.plans]
    events = sorted(tuple(sorted(r.mention_id for r in e)) for e in result.events)
    return [plans, events]


def test_the_story_reads_as_a_careful_reader_would() -> None:
    plans, events = _outcome(_story())
    assert plans == [("fulfilled", D(2020, 8, 2)), ("cancelled", D(2020, 12, 1))]
    assert len(events) == 2


@settings(max_examples=60, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from([None, D(2020, 3, 1), D(2020, 7, 12), D(2020, 9, 15)]))
def test_any_arrival_order_gives_the_same_plans_events_and_statuses(rnd: random.Random, as_of: date | None) -> None:
    story = _story()
    shuffled = story[:]
    rnd.shuffle(shuffled)
    assert _outcome(shuffled, as_of) == _outcome(story, as_of)


def test_a_call_off_followed_by_a_new_date_in_the_same_report_is_one_reschedule() -> None:
    claim = record("match", "New Zealand", "scheduled", D(2025, 2, 11), D(2025, 2, 15))
    abandoned = record("match", "New Zealand", "cancelled", D(2025, 2, 15), D(2025, 2, 15), article_id=900)
    replay = record("match", "New Zealand", "expected", D(2025, 2, 15), D(2025, 2, 16), article_id=900, sentence_index=1)
    s = settle([claim, abandoned, replay])
    assert (s.status, s.deadline) == ("open", D(2025, 2, 16))
    assert [(h.status, h.deadline) for h in s.history] == [("open", D(2025, 2, 15)), ("open", D(2025, 2, 16))]
    assert settle([claim, abandoned]).status == "cancelled"


def test_the_day_a_plan_fell_through_stays_an_event_after_it_came_true() -> None:
    claim = record("match", "New Zealand", "scheduled", D(2025, 2, 11), D(2025, 2, 15))
    off = record("match", "New Zealand", "postponed", D(2025, 2, 15), D(2025, 2, 15))
    played = record("match", "New Zealand", "occurred", D(2025, 2, 16), D(2025, 2, 16))
    events = plan_block([claim, off, played]).events
    assert sorted(sorted(r.mention_id for r in e) for e in events) == sorted(
        [sorted([claim.mention_id, played.mention_id]), [off.mention_id]])
