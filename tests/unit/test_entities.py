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


def kinds(text: str) -> list[tuple[str, str, bool]]:
    starts = frozenset(s.start for s in split_sentences(text)) | {0}
    return [(e.name, e.kind, e.person) for e in find_entities(text, starts, known_names(text, starts))]


@pytest.mark.parametrize("text, expected", [
    # place prefixes and place heads: a place, never a person or a party
    ("The governors met in Port Alder on Tuesday.", [("Port Alder", "place", False)]),
    ("Climbers on Mount Kenya turned back.", [("Mount Kenya", "place", False)]),
    ("Ships on Lake Victoria stopped.", [("Lake Victoria", "place", False)]),
    ("Schools in Nueces County reopen.", [("Nueces County", "place", False)]),
    ("Ferries cross Alder Harbour daily.", [("Alder Harbour", "place", False)]),
    ("Refiners in Corpus Christi said so.", [("Corpus Christi", "place", False)]),
    # negatives: an organisation named after a port, a bridge, a person, a storm, a firm
    ("The Port of Corpus Christi reopened.", [("Port of Corpus Christi", "name", False)]),
    ("The Port Authority said so.", [("Port Authority", "name", False)]),
    ("The Alder Harbour Bridge closed.", [("Alder Harbour Bridge", "name", False)]),
    ("He met Kenji Morita.", [("Kenji Morita", "name", True)]),
    ("Federal Labour Minister Anne Tremblay said so.", [("Anne Tremblay", "name", True)]),
    ("Hurricane Delphine made landfall.", [("Hurricane Delphine", "name", False)]),
    ("Officials at Gulf Coast Electric said so.", [("Gulf Coast Electric", "name", False)]),
    ("Shares of Arden Therapeutics fell.", [("Arden Therapeutics", "name", False)]),
    ("It was upgraded to a Category 3 storm.", [("Category 3", "name", False)]),
    ("The Coast Guard said so.", [("Coast Guard", "name", False)]),
    ("Manager Ellis Cole said so.", [("Ellis Cole", "name", True)]),
])
def test_places_organisations_and_people_by_their_words(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize("name, place", [
    ("Port Alder", True), ("the Port Alder", True), ("Beijing", True), ("China", True), ("Nueces County", True),
    ("East China Sea", True), ("Corpus Christi", True), ("Eden Park", True), ("Mount Kenya", True),
    ("Port of Corpus Christi", False), ("Alder Harbour Bridge", False), ("Anne Tremblay", False),
    ("governors", False), ("Gulf Coast Electric", False), ("Port Authority", False), ("Senate", False),
])
def test_is_place_name(name: str, place: bool) -> None:
    from tracker.nlp.entities import is_place_name

    assert is_place_name(name) is place


@pytest.mark.parametrize("text, expected", [
    ("Shares of Arden Therapeutics fell.", ["Arden Therapeutics"]),
    ("Residents of Middleton asked for limits.", ["Middleton"]),
    ("Bank of England officials met.", ["Bank of England"]),          # an institution keeps its 'of'
    ("Gulf of Mexico output fell.", ["Gulf of Mexico"]),
    ("University of Tokyo researchers said so.", ["University of Tokyo"]),
])
def test_a_common_noun_opening_a_sentence_before_of_is_not_part_of_the_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Pramaan Pay will raise Rs 4,000 crore in its IPO.", ["Pramaan Pay"]),
    ("The IPO opens on Monday for SEBI review.", ["SEBI"]),
    ("GDP grew in Q3, the Czech National Bank said.", ["Czech National Bank"]),
    ("Kenya Airways said so.", ["Kenya Airways"]),                      # a name that merely starts like one stays
])
def test_currency_codes_and_business_abbreviations_are_no_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The U.S. Food and Drug Administration approved it. The FDA said so.", ["U.S. Food and Drug Administration"]),
    ("The Department of Health and Human Services said so.", ["Department of Health and Human Services"]),
    ("Abe and Li met.", ["Abe", "Li"]),                                  # 'and' between two names stays a break
    ("Norvane and Kestrel Energy agreed.", ["Norvane", "Kestrel Energy"]),
    ("Canada and the United States agreed.", ["Canada", "United States"]),
])
def test_and_inside_the_name_of_an_office(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kenyan prosecutors charged him.", ["Kenya"]),
    ("Qatari officials met Emirati envoys.", ["Qatar", "United Arab Emirates"]),
    ("Ugandans voted on Thursday.", ["Uganda"]),
    ("Slovak President Peter Pellegrini said so.", ["Slovakia", "Peter Pellegrini"]),
    ("The Poles won.", ["Poland"]),
])
def test_demonyms_link_to_their_country(text: str, expected: list[str]) -> None:
    starts = frozenset(s.start for s in split_sentences(text)) | {0}
    ents = link_entities(find_entities(text, starts, known_names(text, starts)))
    assert [e.country or e.name for e in ents] == expected


@pytest.mark.parametrize("text, expected", [
    # a word capitalized by its position after a dateline or a quote mark is no name
    ("TORONTO — Dockworkers at the Port of Vancouver have voted.", ["Toronto", "Canada", "Port of Vancouver"]),
    ("LONDON — Refiners began shutting down.", ["London", "United Kingdom"]),
    ('He said: "Nobody wants to be out here."', []),
    ("It was a long-awaited deal — Abe said so.", ["Abe"]),              # a dash mid-sentence: still a name
    # a plural owner inside an organisation's name
    ("The Western Terminal Employers' Association will resume talks.", ["Western Terminal Employers' Association"]),
    ("The Workers' Party won.", ["Workers' Party"]),
    ("The Smiths' house burned.", ["Smiths"]),
])
def test_datelines_quotes_and_plural_owners(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text, subject", [
    ("Gulf Coast Electric restored power to 92 percent of homes. "
     "The utility now says it will restore power to all customers by Friday.", "Gulf Coast Electric"),
    ("Kestrel Energy shut its plant. The refiner expects to restart the plant on Monday.", "Kestrel Energy"),
    # negatives: a noun outside the list keeps its words; a named subject is never replaced
    ("Gulf Coast Electric restored power to 92 percent of homes. The union will strike on Friday.", "union"),
    ("Gulf Coast Electric restored power to 92 percent of homes. Entergy will restore power by Friday.", "Entergy"),
])
def test_a_definite_business_noun_stands_for_the_organisation_named_last(text: str, subject: str) -> None:
    from datetime import datetime, timezone

    from tracker.nlp import find_mentions

    found = find_mentions(text, datetime(2025, 9, 8, 12, tzinfo=timezone.utc))
    assert found and found[-1].subject == subject
