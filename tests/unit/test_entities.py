"""Participants: capitalized names with titles stripped, reference data that connects capitals and
demonyms to their country, and short forms linked to the long form named in the same article."""
from __future__ import annotations

import pytest

from tracker.nlp.entities import find_entities, known_names, link_entities, lookup, participant_names
from tracker.nlp.sentences import split_sentences


def names(text: str) -> list[str]:
    starts = frozenset(s.start for s in split_sentences(text)) | {0}
    ents = link_entities(find_entities(text, starts, known_names(text, starts)))
    return list(participant_names(ents))


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Shinzo Abe will visit China.", ["Shinzo Abe", "China"]),
    ("He met President Xi Jinping and Premier Li Keqiang.", ["Xi Jinping", "Li Keqiang"]),
    ("Chinese President Xi Jinping met U.S. President Donald Trump.", ["China", "Xi Jinping", "United States",
                                                                      "Donald Trump"]),
    ("Abe will arrive in Beijing on Oct. 23.", ["Abe", "Beijing", "China"]),
    ("Tokyo is now arranging the trip.", ["Tokyo", "Japan"]),
    ("It is a joint effort of NASA, the European Space Agency and the Canadian Space Agency.",
     ["NASA", "European Space Agency", "Canadian Space Agency"]),
    ("NASA is targeting February 2022 for the launch of Artemis I, the first flight of its rocket.",
     ["NASA", "Artemis I"]),
    ("The James Webb Space Telescope launched on Saturday from French Guiana aboard an Ariane 5 rocket.",
     ["James Webb Space Telescope", "French Guiana", "Ariane 5"]),
    ("Administrator Jim Bridenstine told reporters.", ["Jim Bridenstine"]),
    ("Bosnia and Herzegovina voted.", ["Bosnia and Herzegovina"]),
    ("Abe will meet South Korean President Moon Jae-in.", ["Abe", "South Korea", "Moon Jae-in"]),
    ("He met Secretary of State Mike Pompeo.", ["Mike Pompeo"]),
])
def test_names_titles_and_reference_data(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Engineers completed the deployment on Saturday.",
    "Poor weather at the launch site has pushed the launch back.",
    "During the visit, leaders are expected to discuss cooperation.",
    "The launch window opens at 7:20 a.m. EST on Monday in May.",
])
def test_sentence_initial_words_months_and_weekdays_are_not_names(text: str) -> None:
    assert names(text) == []


def test_capital_demonym_and_country_connect() -> None:
    assert lookup("Beijing") == ("Beijing", "capital", "China")
    assert lookup("chinese")[0] == "China" and lookup("China")[0] == "China"
    assert names("Beijing said Chinese firms in China agree.") == ["Beijing", "China"]


def test_short_forms_link_to_long_forms_in_the_same_article() -> None:
    text = ("Prime Minister Shinzo Abe will meet Premier Li Keqiang. Abe and Li agreed in May. "
            "The James Webb Space Telescope is ready. Webb is expected to unfold. "
            "The European Space Agency agreed. ESA said so.")
    assert names(text) == ["Shinzo Abe", "Li Keqiang", "James Webb Space Telescope", "European Space Agency"]


def test_generic_words_do_not_link() -> None:
    text = "The European Space Agency agreed. Space is big, Agency staff said."
    assert "European Space Agency" in names(text)
    assert names("Space is big.") == []


def test_abe_met_xi_and_trump_met_xi_have_different_participants() -> None:
    assert names("Abe met Xi in Beijing.") != names("Trump met Xi in Beijing.")
    assert "Xi" in names("Trump met Xi in Beijing.")


def test_weekday_possessives_are_not_names() -> None:
    assert names("Monday's meeting between the two leaders ended without an agreement.") == []


def test_possessives_are_stripped() -> None:
    assert names("It was NASA's top priority and Webb's mirror.") == ["NASA", "Webb"]


def test_month_range_is_no_entity_and_ambiguous_small_capital_is_no_country() -> None:
    from tracker.nlp.entities import find_entities, lookup
    text = "Norvane returned to an operating profit in the July-September quarter, beating rivals in Hamilton."
    names = [e.name for e in find_entities(text)]
    assert "July-September" not in names and "Bermuda" not in names
    assert lookup("Hamilton") is None and lookup("Wellington")[2] == "New Zealand"
