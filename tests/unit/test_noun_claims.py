"""Forward claims told as noun phrases, with no future verb of their own ("Commercial operation is
planned for late October", "a parallel civil lawsuit in the coming weeks", "a public open day at the
plant on Aug. 1"), and the later reports that settle them ("entered commercial operation", "filed a
civil lawsuit", "scrapped the open day"). Each rule has negatives. All sentences are made up."""
from datetime import date

import pytest

from tracker.nlp.mentions import find_mentions

DCT = date(2026, 3, 2)


def _all(text: str, dct: date = DCT) -> list[tuple[str, str, bool, str | None, str]]:
    return [(m.predicate, m.modality, m.forward, m.deadline.isoformat() if m.deadline else None, m.subject)
            for m in find_mentions(text, dct)]


@pytest.mark.parametrize("text, predicate, deadline, subject", [
    # an event noun that is no verb form needs no determiner ("commercial operation")
    ("Commercial operation is planned for late October.", "operate", "2026-10-31", "commercial operation"),
    ("Commercial service will begin in mid-May, and commercial operation will start in late October.",
     "operate", "2026-10-31", "commercial operation"),
    ("The mill owner expects commercial operation in late October.", "operate", "2026-10-31", "mill owner"),
    ("The turbine will be tested in June, with commercial operation in late October.", "operate",
     "2026-10-31", None),
    ("The utility is aiming for commercial operation in late October.", "operate", "2026-10-31", "utility"),
    # a lawsuit expected, with no verb of its own
    ("A parallel civil lawsuit by the regulator is expected in the coming weeks.", "sue", "2026-04-13", None),
    # a compound event noun: the open day is no opening
    ("Brandvik Power will also hold a public open day at the dam on Aug. 1.", "open day", "2026-08-01",
     "Brandvik Power"),
    ("A public open day at the dam is planned for Aug. 1.", "open day", "2026-08-01", None),
    # a facility planned for a day is its opening
    ("The county plans a second warming centre in Aldermoor on Friday.", "open", "2026-03-06", "county"),
    ("A second warming centre in Aldermoor is planned for Friday.", "open", "2026-03-06", None),
    # an appearance in court is an event ("appear" is otherwise a linking verb)
    ("Marten Quill is due to appear at Harlow Crown Court tomorrow.", "appear", "2026-03-03", "Marten Quill"),
    ("Marten Quill will appear before a judge on Friday.", "appear", "2026-03-06", "Marten Quill"),
])
def test_noun_claim(text, predicate, deadline, subject):
    found = [m for m in _all(text) if m[0] == predicate and m[2]]
    assert found, _all(text)
    assert found[-1][3] == deadline
    if subject is not None:
        assert found[-1][4] == subject


@pytest.mark.parametrize("text, predicate, modality", [
    # the reports that settle such claims use the same predicate
    ("The reactor entered commercial operation on Thursday.", "operate", "occurred"),
    ("The regulator filed a parallel civil lawsuit against him on Monday.", "sue", "occurred"),
    ("The regulator filed a lawsuit against Dunmore Capital on Monday.", "sue", "occurred"),
    ("He appeared before the magistrates on Monday.", "appear", "occurred"),
])
def test_noun_report(text, predicate, modality):
    found = [m for m in _all(text) if m[0] == predicate]
    assert found and found[0][1] == modality and not found[0][2], _all(text)


def test_open_day_called_off():
    found = _all("The company has also scrapped the public open day it had planned at the dam on Aug. 1.")
    assert ("open day", "cancelled") in [(m[0], m[1]) for m in found], found


@pytest.mark.parametrize("text, wrong", [
    # a linking "appear", a facility that is only a place, a party after "against": no such events
    ("She appears to be calm on Monday.", "appear"),
    ("The minister appeared confident on Monday.", "appear"),
    ("About 900 people registered at the Aldermoor centre overnight.", "open"),
    # an adjective between an -ing verb and its noun is no verb ("assessing damaged homes")
    ("Inspectors will finish assessing damaged homes by Friday.", "damage"),
    # "open" in "open day" is no opening
    ("Brandvik Power will also hold a public open day at the dam on Aug. 1.", "open"),
])
def test_not_an_event(text, wrong):
    assert wrong not in [m[0] for m in _all(text)], _all(text)


def test_against_a_party_is_no_comparison():
    # "against" closes a comparison only before a figure or a period ("rose 5% against 3% a year earlier")
    assert [m[0] for m in _all("Sales rose 5% against 3% a year earlier.")] == []
    assert "sue" in [m[0] for m in _all("The regulator filed a lawsuit against Quill on Monday.")]


def test_subject_before_a_between_phrase():
    found = _all("Route 12 between Aldermoor and Kestleigh is expected to fully reopen by the end of July.")
    assert [(m[0], m[4]) for m in found if m[2]] == [("reopen", "Route 12")], found


@pytest.mark.parametrize("text, cancelled", [
    # an institution told as a definite common noun calls its plan off like a named actor
    ("The county will no longer open a second warming centre in Aldermoor because the first still has room.", True),
    ("The council will no longer hold the vote.", True),
    # no actor's choice
    ("The weather will no longer hold up the work.", False),
    ("Prices will no longer rise.", False),
])
def test_institution_calls_off(text, cancelled):
    assert any(m[1] == "cancelled" for m in _all(text)) == cancelled, _all(text)


@pytest.mark.parametrize("text, predicate, deadline", [
    # a reporting verb in a future-in-the-past group is the act ("add" also reports: "she added")
    ("The transit board said it would add 40 new trams by the end of June, paid for with a levy.", "add",
     "2026-06-30"),
    ("The mayor said she would announce the shortlist on Friday.", "announce", "2026-03-06"),
])
def test_would_report_verb(text, predicate, deadline):
    found = [m for m in _all(text) if m[0] == predicate and m[2]]
    assert found and found[0][3] == deadline, _all(text)


def test_would_add_that_reports():
    assert [m for m in _all("He would add on Monday that the plan was sound.") if m[2]] == []


@pytest.mark.parametrize("text, appeared", [
    # telling a court on a day is appearing before it that day
    ("Marten Quill told a Harlow court on Friday that he would fight the charges.", True),
    ("She told the judge on Monday that she had been misled.", True),
    # telling reporters only dates a report
    ("The minister told reporters on Friday that the plan was sound.", False),
])
def test_told_a_court(text, appeared):
    assert ("appear" in [m[0] for m in _all(text)]) == appeared, _all(text)
