"""A negated verb with its time is no occurrence and no plan for that time (end to end with the
real tagger): it reads as `postponed`, keeping its time. Near misses keep the old reading."""
from __future__ import annotations

from datetime import date

from tracker.nlp._modality import negated
from tracker.nlp.mentions import find_mentions

D = date.fromisoformat


def _at(text: str, dct: date, time_text: str) -> list:
    return [m for m in find_mentions(text, dct) if m.timex is not None and m.timex.text == time_text]


def test_a_past_negated_meeting_did_not_happen_that_day() -> None:
    got = _at("Labour Minister Anne Tremblay did not meet the union on Wednesday as planned.", D("2025-06-19"),
              "Wednesday")
    assert got and all(m.modality == "postponed" and not m.forward for m in got)


def test_a_negated_future_is_no_plan_for_that_time_but_the_next_clause_is() -> None:
    text = ("The last five stations will not open this year and are now expected to open in mid-2026, "
            "the minister said on Tuesday.")
    this_year = _at(text, D("2025-12-09"), "this year")
    assert this_year and all(m.modality == "postponed" and not m.forward for m in this_year)
    later = _at(text, D("2025-12-09"), "mid-2026")
    assert later and all(m.forward and m.modality == "expected" for m in later)


def test_plain_past_and_future_keep_their_reading() -> None:
    assert [m.modality for m in _at("The minister met the union on Wednesday.", D("2025-06-19"), "Wednesday")] \
        == ["occurred"]
    got = _at("The line will open on Saturday, Aug. 16.", D("2025-05-12"), "Saturday, Aug. 16")
    assert got and got[0].forward


def test_not_until_and_a_comma_break_the_negation() -> None:
    assert not negated("The line will not open until ")       # "not until March": a date
    assert not negated("will not be ready before ")
    assert not negated("did not say, but the line opened on ")
    assert not negated("will not open this year and are expected to open in ")
    assert negated("did not meet the two sides in the port strike on ")
    assert negated("will not open ")


# --- a named actor's choice not to act, with no time, calls the act off ------------------------------

def _undated(text: str, dct: date) -> list:
    return [m for m in find_mentions(text, dct) if m.timex is None]


def test_a_decision_not_to_act_is_a_call_off_of_that_act() -> None:
    got = _undated("Defence lawyer Daniel Omondi said Kariuki had decided not to give evidence on legal advice.",
                   D("2025-02-27"))
    assert [(m.modality, m.subject) for m in got] == [("cancelled", "Kariuki")]
    assert not got[0].forward
    got = _undated("Peter Kariuki will not take the witness stand in his corruption trial.", D("2025-02-27"))
    assert [m.modality for m in got] == ["cancelled"]


def test_no_call_off_without_a_named_actor_or_with_would_or_a_hedge() -> None:
    for text in ('"I will not put passengers on a line that is not safe," she said.',
                 "The union said it would not strike while talks continue.",
                 "Kariuki may decide not to give evidence."):
        assert not [m for m in _undated(text, D("2025-02-27")) if m.modality == "cancelled"], text
