"""Plans told in the past and 'moved to' (end to end with the real tagger). Each rule with a near miss."""
from __future__ import annotations

from datetime import date

from tracker.nlp.mentions import find_mentions

D = date.fromisoformat


def _at(text: str, dct: date, time_text: str) -> list:
    return [m for m in find_mentions(text, dct) if m.timex is not None and m.timex.text == time_text]


def test_was_to_is_a_plan_told_in_the_past_not_an_occurrence() -> None:
    got = _at("The bridge was to open on Friday, officials said.", D("2025-03-05"), "Friday")
    assert got and all(m.modality == "scheduled" and not m.forward for m in got)
    got = _at("The bridge opened on Friday, officials said.", D("2025-03-05"), "Friday")
    assert [m.modality for m in got] == ["occurred"]


def test_moved_to_a_time_is_a_reschedule_but_moved_to_a_thing_happened() -> None:
    got = _at("The meeting has been moved to Friday, her office said.", D("2025-06-19"), "Friday")
    assert got and got[0].forward and got[0].deadline == D("2025-06-20")
    got = _at("The Port Alder car ferry moved to a reduced summer timetable on Monday.", D("2025-06-11"), "Monday")
    assert [m.modality for m in got] == ["occurred"]
