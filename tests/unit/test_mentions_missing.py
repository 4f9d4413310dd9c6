"""Sentences that used to give no mention: a base verb form after a singular name is a noun
('in Mexico's Oaxaca state' is no reporting verb 'state'), 'kept' with an object is an event
('kept its base rate unchanged'), and a place opening the sentence is no list with the subject."""
from datetime import date

import pytest

from tracker.nlp.mentions import find_mentions

DCT = date(2025, 8, 28)


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(m.predicate, m.subject, m.modality) for m in find_mentions(text, DCT)]


@pytest.mark.parametrize("text, predicate, subject", [
    ("Tropical Storm Emil made landfall in Mexico's Oaxaca state on Tuesday.", "make landfall", "Tropical Storm Emil"),
    ("The storm made landfall in Oaxaca state on Tuesday.", "make landfall", "storm"),
    ("In Budapest, Hungary's central bank kept its base rate unchanged on Tuesday.", "keep", "Hungary's central bank"),
    ("The central bank kept its base rate unchanged on Tuesday.", "keep", "central bank"),
    ("In Budapest, Hungary's central bank cut its base rate on Tuesday.", "cut", "Hungary's central bank"),
])
def test_found(text, predicate, subject):
    assert (predicate, subject, "occurred") in _found(text)


@pytest.mark.parametrize("text, predicate, subject", [
    # must not change: a real verb after a plural or joined subject, an aspectual 'kept', a noun compound
    ("Voters in Portugal, Romania and Poland go to the polls on Sunday.", "go", "voters"),
    ("Prices kept falling on Tuesday.", "fall", "prices"),
    ("The Senate vote on Tuesday was close.", "vote", "Senate"),
    ("Workers at the Ford plant strike on Tuesday.", "strike", "workers"),
    ("NASA on Wednesday set a new launch date of March 30, 2021, for the James Webb Space Telescope.",
     "launch", "James Webb Space Telescope"),                   # a weekday before 'set' is no name
])
def test_unchanged(text, predicate, subject):
    assert any(p == predicate and s == subject for p, s, _ in _found(text))
    assert not any(p == "set" for p, _, m in _found(text) if m == "occurred" and "NASA" in text)


@pytest.mark.parametrize("text", [
    "Officials state on Tuesday that they have no comment.",     # a reporting verb still dates no event
])
def test_no_event(text):
    assert not any(p == "state" for p, _, _ in _found(text))


@pytest.mark.parametrize("text, subject", [
    # a verb group opened by 'and' + an auxiliary shares the first verb's subject
    ("The FDA has extended its review of Arden Therapeutics' relvastim and will now decide whether to approve "
     "the drug by Jan. 14.", "FDA"),
    ("The FDA has extended its review of Arden's relvastim and will now decide by Jan. 14.", "FDA"),
    ("Smith met Jones and will meet Brown on Friday.", "Smith"),
    # must not change: names joined by 'and' before the verb
    ("Smith and Jones will meet on Friday.", "Smith"),
])
def test_joined_verb_group(text, subject):
    found = find_mentions(text, DCT)
    assert found and found[0].subject == subject


@pytest.mark.parametrize("text, subject, modality", [
    # a subordinate if-clause ends at the comma where a subject and a modal open the main clause
    ("Governor Martina Veselá told reporters that if inflation kept falling, the board would cut again at its "
     "December meeting.", "board", "conditional"),
    # must not change: an if-clause that opens the sentence or follows the main clause
    ("If talks fail, the union will strike on Monday.", "union", "conditional"),
    ("The union will strike on Monday if talks fail.", "union", "conditional"),
    ("The board would cut again at its December meeting.", "board", "expected"),
])
def test_if_clause_then_main(text, subject, modality):
    found = find_mentions(text, DCT)
    assert found and (found[0].subject, found[0].modality) == (subject, modality)
