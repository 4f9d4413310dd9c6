"""Put-offs, reschedules and hedges in the words courts, utilities and agencies use (session 6):
'adjourned', 'until further notice', a hedged slip that names no date, the event a put-off verb acts on,
and a report that a thing is late that settles nothing. Made-up sentences, each rule with negatives."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from tests.unit._mentions import record
from tracker.nlp import find_mentions
from tracker.nlp._modality import has_cue
from tracker.timeline import settle
from tracker.timeline._keys import late_borrowed, mention_class

D = date


def _read(text: str, dct: str = "2026-03-10T10:00:00+00:00") -> list[tuple[str, str, date | None]]:
    return [(m.predicate, m.modality, m.deadline) for m in find_mentions(text, datetime.fromisoformat(dct))]


# --- cues ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The inquest has been adjourned after a key witness fell ill.",
    "The judge adjourned the trial until the new expert reports arrive.",
    "The committee was adjourned sine die.",
    "The ferry service has been shelved until further notice.",
    "The tower project was shelved indefinitely.",
])
def test_adjourned_and_until_further_notice_are_put_offs(text: str) -> None:
    assert has_cue("postponed", text) and not has_cue("cancelled", text)


@pytest.mark.parametrize("text", [
    "The council session adjourned at 6 p.m.",      # a sitting closed: no put-off
    "The senators adjourned for lunch.",
])
def test_a_sitting_that_closes_is_no_put_off(text: str) -> None:
    assert not has_cue("postponed", text)


def test_shelved_alone_is_still_a_call_off() -> None:
    assert has_cue("cancelled", "The bank shelved its listing plans on Monday.")
    assert not has_cue("postponed", "The bank shelved its listing plans on Monday.")


def test_an_adjourned_trial_keeps_no_date_and_a_new_date_reschedules_it() -> None:
    put_off = _read("The fraud trial of Tom Pellew, which was due to begin on March 23, has been adjourned.")
    assert put_off and all(mod == "postponed" and due is None for _, mod, due in put_off)
    moved = _read("The judge adjourned the fraud trial of Tom Pellew until May 4.")
    assert moved == [("trial", "scheduled", D(2026, 5, 4))]


# --- a hedged slip names no date ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kept", [
    ("The reopening, planned for April, could slip to June, an engineer said.", D(2026, 4, 30)),
    ("The tribunal remains scheduled for May 11, although lawyers said it may be pushed back to the summer.",
     D(2026, 5, 11)),
])
def test_a_hedged_slip_is_no_new_date(text: str, kept: date) -> None:
    read = _read(text)
    assert [due for _, _, due in read] == [kept]


@pytest.mark.parametrize("text, due", [
    ("The reopening slipped to June, an engineer said.", D(2026, 6, 30)),          # firm: a reschedule
    ("The ballot was pushed back to May 20.", D(2026, 5, 20)),
])
def test_a_firm_slip_is_still_a_reschedule(text: str, due: date) -> None:
    assert [d for _, mod, d in _read(text) if mod in ("scheduled", "expected")] == [due]


def test_a_hedged_slip_with_a_condition_stays_conditional() -> None:
    assert [mod for _, mod, _ in _read("The vote would be delayed until June if the count ran late.")] == ["conditional"]


# --- the event a put-off verb acts on ------------------------------------------------------------------------

@pytest.mark.parametrize("predicate, sentence, cls", [
    ("restart", "Norvik Energy on Monday put off the restart of its Berg 2 turbine indefinitely after finding "
                "a crack in a blade.", "restart"),
    ("reopen", "The county postponed the reopening of the old quay after surveyors found rot.", "reopen"),
])
def test_the_noun_a_put_off_verb_acts_on_keeps_its_class(predicate: str, sentence: str, cls: str) -> None:
    from tracker.timeline._lexicon import predicate_class

    assert mention_class(predicate, sentence) == predicate_class(cls)


def test_a_noun_after_no_put_off_verb_still_borrows() -> None:
    # no put-off verb before the noun: the rule does not apply (the old reading is kept)
    sentence = "Engineers said the restart of the turbine followed a review of the blades."
    from tracker.timeline import _keys

    assert not _keys._put_off_object("restart", sentence)


# --- a report that the thing is late settles nothing ---------------------------------------------------------

LATE = ("Harbour Trams said the tram extension to the stadium had fallen behind because of flooding in a "
        "culvert in October, and that it could not yet give a new opening date.")


def test_a_borrowed_deed_in_a_late_sentence_is_no_report_of_the_deed() -> None:
    assert late_borrowed("flood", "open", LATE)
    assert not late_borrowed("open", "open", "The first stage opened in May, though the second has fallen behind.")
    assert not late_borrowed("flood", "open", "Harbour Trams said flooding in a culvert in October closed the depot.")


def test_settlement_skips_a_late_borrowed_deed() -> None:
    claim = record("open", "tram extension", "scheduled", D(2025, 9, 1), D(2026, 3, 29))
    put_off = record("open", "tram extension", "postponed", D(2026, 1, 20))
    flood = replace(record("flood", "tram extension", "occurred", D(2026, 1, 20), D(2025, 10, 1), D(2025, 10, 31)),
                    sentence=LATE, own_key="open|~extension")
    state = settle([claim, put_off, flood])
    assert state.status == "postponed" and state.resolution is None
    assert settle([claim, put_off, flood], as_of=D(2026, 4, 15)).status == "postponed"
    # the same deed told without the late words is a report as before
    plain = replace(flood, sentence="The tram extension flooded in October.")
    assert settle([claim, plain]).status == "fulfilled"


def test_an_adjourned_event_noun_is_the_event_moved() -> None:
    # a passive adjournment is about its subject (`cues.toml` call_off): the trial, moved to May 4
    assert _read("The trial of Tom Pellew has been adjourned until May 4.") == [("trial", "scheduled", D(2026, 5, 4))]


def test_a_put_off_noun_of_no_verb_is_read_as_before() -> None:
    # "postponed her verdict": the claim is told "deliver her verdict", so the noun borrows as before
    from tracker.timeline import _keys

    assert not _keys._put_off_object("verdict", "The judge on Friday postponed her verdict in the bribery trial.")
    assert _keys._put_off_object("restart", "The utility put off the restart of its reactor after a fault.")
