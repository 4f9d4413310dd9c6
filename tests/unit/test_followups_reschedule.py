"""Reschedules told in the next sentence: 'the meeting' is the meeting just told of (its subject and
parties), so the new date moves that plan; a negated verb keeps its own event word."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp import find_mentions

D = date(2025, 6, 19)


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(m.predicate, m.modality, m.subject) for m in find_mentions(text, D)]


@pytest.mark.parametrize("text, expected", [
    ("Minister Anne Tremblay did not meet the two sides in the Vancouver port strike on Wednesday as planned. "
     "The meeting has been moved to Friday, her office said.",
     [("meet", "postponed", "Anne Tremblay"), ("meet", "scheduled", "Anne Tremblay")]),
])
def test_the_event_noun_takes_the_subject_of_the_event_just_told(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize("text, subject", [
    # another predicate: no link ("the meeting" is not the vote)
    ("Senator Jane Ode voted against the bill on Wednesday. The meeting has been moved to Friday.", "meeting"),
    # too far back (three sentences): no link
    ("Minister Anne Tremblay met the two sides on Monday. Talks went on. Nothing was agreed. Workers waited. "
     "The meeting has been moved to Friday.", "meeting"),
])
def test_no_link_without_the_same_event_nearby(text: str, subject: str) -> None:
    assert _read(text)[-1][2] == subject


@pytest.mark.parametrize("text, expected", [
    # a base verb after a name inside a prepositional noun phrase is that phrase's head noun
    ("Minister Anne Tremblay did not meet the two sides in the Vancouver port strike on Wednesday.", "meet"),
    ("She will speak about the Senate vote on Friday.", "speak"),
    # a past verb stays the event
    ("The Vancouver port workers struck on Monday.", "strike"),
])
def test_a_named_compound_noun_is_no_verb(text: str, expected: str) -> None:
    assert [m.predicate for m in find_mentions(text, D)][:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # the call-off cue stays out of the relative clause it governs: the strike ended, it was not called off
    ("Dockworkers have rejected the tentative agreement that ended last month's strike, the union said.",
     ("strike", "occurred")),
    # a call-off of the noun the relative clause describes is still one
    ("The union cancelled the meeting that was scheduled for Friday.", ("meet", "cancelled")),
])
def test_a_call_off_does_not_colour_a_relative_clause(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(m.predicate, m.modality) for m in find_mentions(text, D)]
