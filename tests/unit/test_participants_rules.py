"""Participants, subjects and claims as a careful reader would give them: names that stop at line
breaks, venues that are places and not parties, describing words and titles that are not names, the
real subject of a reported or governed event, pair nouns, and the subject of verbs joined by 'and'."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp import find_mentions
from tracker.nlp._clauses import split_clauses
from tracker.nlp._lexicon import load
from tracker.nlp._words import tokenize
from tracker.nlp.entities import find_entities, known_names, link_entities, participant_names
from tracker.nlp.sentences import split_sentences


def names(text: str) -> list[str]:
    starts = frozenset(s.start for s in split_sentences(text)) | {0}
    return list(participant_names(link_entities(find_entities(text, starts, known_names(text, starts)))))


def only(text: str, dct: date, title: str = "", predicate: str | None = None):
    found = [m for m in find_mentions(text, dct, title=title) if predicate is None or m.predicate == predicate]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("example", load("venues")["examples"], ids=lambda e: e["text"][:40])
def test_venue_data_examples(example: dict) -> None:
    assert names(example["text"]) == example["participants"]


def test_a_name_stops_at_a_line_break() -> None:
    text = ("Morita to visit Beijing next month for summit with Zhao\n"
            "Japanese Prime Minister Kenji Morita will visit Beijing next month for a summit with Chinese "
            "President Zhao Wen, the two governments said on Monday.")
    m = only(text, date(2025, 2, 17), title="Morita to visit Beijing next month for summit with Zhao")
    assert m.subject == "Kenji Morita"
    assert {"Kenji Morita", "Zhao Wen", "Japan", "China"} <= set(m.participants)
    assert not any("Japanese" in p or "Zhao Japanese" in p for p in m.participants)


def test_a_venue_is_no_participant_but_stays_a_subject() -> None:
    met = only("Chinese President Zhao Wen met Brazilian President Ricardo Alves at the Great Hall of the People "
               "on Friday evening.", date(2025, 4, 25))
    assert met.participants == ("China", "Zhao Wen", "Brazil", "Ricardo Alves")
    host = only("Eden Park will host the final on Saturday.", date(2025, 2, 11))
    assert host.subject == "Eden Park" and "Eden Park" in host.participants


def test_the_x_of_the_y_is_one_name() -> None:
    assert names("Crowds gathered at the Great Hall of the People.") == []          # a venue, one name
    assert names("She joined the Bank of the Philippine Islands.") == ["Bank of the Philippine Islands"]
    assert names("He met the Governor of the Bank of England.") == ["Bank of England"]
    # negatives: a person is not "of the" organisation; reference data ends the name
    assert names("He spoke to Jana McGuinness of the Vancouver Police Department.") == \
        ["Jana McGuinness", "Vancouver Police Department"]
    assert names("He met the U.S. Ambassador to the Republic of the Philippines Kristie Anne Kenney.") == \
        ["United States", "Philippines", "Kristie Anne Kenney"]


@pytest.mark.parametrize("text, expected", [
    ("Nationalist George Simion won the first round.", ["George Simion"]),
    ("Rival Kestrel Energy reported a small profit.", ["Kestrel Energy"]),
    ("Conservative Karol Nawrocki won the runoff.", ["Karol Nawrocki"]),
    # negatives: a party name keeps its word; mid-sentence capitals are part of the name
    ("Conservative Party leaders met in London.", ["Conservative Party", "London", "United Kingdom"]),
    ("Liberal Democrats won the seat.", ["Liberal Democrats"]),
    ("Voters backed the Nationalist Front candidate.", ["Nationalist Front"]),
])
def test_describing_words_before_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chief Executive Elin Berg said the company expects to grow.", ["Elin Berg"]),
    ("Chief Cabinet Secretary Yumi Kato said so.", ["Yumi Kato"]),
    ("Crossbench senators met Treasurer Anna Kirby on Monday.", ["Anna Kirby"]),
    # an office keeps the title word that opens its name
    ("The Foreign Ministry said. Foreign Minister Wang Yi agreed.", ["Foreign Ministry", "Wang Yi"]),
    ("The State Department objected.", ["State Department"]),
])
def test_titles_are_not_names_but_offices_are(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_particles_do_not_stop_a_person() -> None:
    ents = find_entities("Portugal's president, Marcelo Rebelo de Sousa, spoke.", frozenset({0}))
    assert [(e.name, e.person) for e in ents if e.kind == "name"] == [("Marcelo Rebelo de Sousa", True)]


def test_a_reported_clause_gives_its_own_subject_and_claim() -> None:
    text = ("Portugal's president, Marcelo Rebelo de Sousa, said on Thursday he would dissolve parliament and "
            "call a snap election for May 18, after Prime Minister Luis Montenegro's minority government lost a "
            "confidence vote on Tuesday.")
    m = only(text, date(2025, 3, 13), predicate="election")
    assert m.subject == "Marcelo Rebelo de Sousa"
    assert "said" not in m.claim and "call a snap election" in m.claim
    assert {"Portugal", "Marcelo Rebelo de Sousa"} <= set(m.participants)


def test_an_apposition_before_said_is_not_a_reporting_frame() -> None:
    toks = tokenize("Portugal's president, Marcelo Rebelo de Sousa, said on Thursday he would call an election.")
    thursday = {k for k, t in enumerate(toks) if t.text == "Thursday"}     # the tagger's time
    assert [c.a for c in split_clauses(toks, thursday)] == [0]
    frame = tokenize("The launch will happen in May, NASA said on Monday.")
    assert len(split_clauses(frame, set())) == 2


@pytest.mark.parametrize("pronoun_person", ["George Simion", "Rafal Trzaskowski"])
def test_a_governed_noun_event_takes_the_verbs_subject(pronoun_person: str) -> None:
    text = (f"{pronoun_person} won the first round on Sunday. He will face Bucharest mayor Nicusor Dan, who came "
            "second with about 21 percent, in a runoff on May 18.")
    m = only(text, date(2025, 5, 5), predicate="runoff")
    assert m.subject == pronoun_person                         # not the object, Nicusor Dan
    assert {pronoun_person, "Nicusor Dan"} <= set(m.participants)
    assert "face" in m.claim and "came second" not in m.claim


def test_different_speakers_give_different_runoff_subjects() -> None:
    """The Abe-Xi / Trump-Xi kind: the same object with a different subject is a different party set."""
    a = only("George Simion won on Sunday. He will face Nicusor Dan in a runoff on May 18.", date(2025, 5, 5),
             predicate="runoff")
    b = only("Crin Antonescu lost on Sunday. He will face Nicusor Dan in a runoff on May 18.", date(2025, 5, 5),
             predicate="runoff")
    assert a.subject != b.subject and set(a.participants) != set(b.participants)


def test_pair_nouns_stand_for_the_two_people_named_last() -> None:
    text = ("Japanese Prime Minister Kenji Morita will visit Beijing next month for a summit with Chinese President "
            "Zhao Wen. Officials said the two sides aim to sign a new fisheries agreement within the year.")
    m = only(text, date(2025, 2, 17), predicate="sign")
    assert m.subject == "two sides"
    assert {"Kenji Morita", "Zhao Wen"} <= set(m.participants)


def test_a_pair_noun_with_one_person_named_adds_nobody() -> None:
    text = "Kenji Morita will visit Beijing. Officials said the two sides aim to sign an agreement within the year."
    m = only(text, date(2025, 2, 17), predicate="sign")
    assert "Zhao Wen" not in m.participants and m.subject == "two sides"


def test_a_joined_verb_keeps_the_first_verbs_subject() -> None:
    m = only("Prime Minister Kenji Morita and President Zhao Wen met in Beijing and signed a fisheries agreement "
             "on Friday.", date(2025, 4, 26))
    assert m.predicate == "sign" and m.subject == "Kenji Morita"    # not Beijing


def test_a_possessive_time_dates_its_event_noun_and_the_subject_is_its_verbs() -> None:
    m = only("The vote was held again after a court annulled last year's election over allegations of fraud.",
             date(2025, 5, 5), predicate="election")
    assert m.timex is not None and m.timex.value == "2024"
    assert m.subject == "court"                                  # not "vote", the main clause's subject


def test_a_demonym_qualifies_a_common_noun_but_an_institution_acts_for_the_country() -> None:
    sales = only("European heat pump sales have recovered slowly this year.", date(2025, 10, 22))
    assert sales.subject == "heat pump sales"
    vote = only("The British parliament will vote on the Brexit deal next Tuesday.", date(2019, 2, 6))
    assert vote.subject == "United Kingdom"


def test_a_capitalized_possessive_owner_is_a_name() -> None:
    m = only("Norvane reported a loss on Monday. Norvane's new factory will open this spring.", date(2025, 2, 6),
             predicate="open")
    assert "Norvane" in m.participants
    assert names("Today's launch was delayed. Everyone's plans changed.") == []


def test_a_headline_line_left_in_the_text_names_nobody() -> None:
    text = "Rain washes out decider\nThe deciding match between New Zealand and England was abandoned on Saturday."
    found = find_mentions(text, date(2025, 2, 15), title="Rain washes out decider")
    assert found and all("Rain" not in m.participants for m in found)


@pytest.mark.parametrize("sentence, dated", [
    ("Parliament rises for the summer break next week.", "rise"),       # "break" is a noun after "the summer"
    ("The dock workers strike on Monday.", "strike"),                   # a plural subject: "strike" is a verb
])
def test_a_base_verb_after_determiner_and_singular_noun_is_a_compound_noun(sentence: str, dated: str) -> None:
    assert [m.predicate for m in find_mentions(sentence, date(2024, 11, 28))] == [dated]


def test_a_compound_noun_with_no_known_verb_is_still_the_event() -> None:
    m = only("In mid-July, Trump commuted the prison sentence of Roger Stone.", date(2020, 12, 1))
    assert m.predicate == "sentence" and "Roger Stone" in m.participants


def test_a_possessive_time_followed_by_a_date_leaves_the_event_to_the_date() -> None:
    found = find_mentions("The campaign ends before this year's election on November 24.", date(2007, 10, 1))
    assert [(m.predicate, m.timex.value) for m in found if m.predicate == "election"] == [("election", "2007-11-24")]


def test_a_noun_after_a_subordinator_is_not_the_verbs_object() -> None:
    m = only("Donohoe supplied radio transmitters before the 2021 attack on the Capitol.", date(2023, 1, 1),
             predicate="attack")
    assert "supplied" not in m.claim                               # the attack is not what he supplied


def test_a_name_in_a_prepositional_phrase_gives_way_to_its_noun() -> None:
    m = only("Yesterday, police in Nigeria arrested a suspected highwayman in Kaduna.", date(2010, 1, 1))
    assert m.subject == "police" and "Nigeria" in m.participants
    m = only("Sales of heat pumps in Europe fell sharply last year.", date(2025, 2, 6))
    assert m.subject == "sales"


def test_a_governed_claim_names_the_doer_not_the_object() -> None:
    m = only("Norvane called off its planned acquisition of Kestrel Energy on Monday after the deal was blocked.",
             date(2025, 4, 14))
    assert m.claim.startswith("Norvane called off") and m.subject == "Kestrel Energy"


@pytest.mark.parametrize("text, expected", [
    ("The deal would harm competition in Nordic markets.", []),
    ("The Nordic Council met in Oslo.", ["Nordic Council", "Oslo", "Norway"]),
    ("Ships crossed the Baltic Sea.", ["Baltic Sea"]),
])
def test_region_adjectives_alone_are_not_participants(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_list_of_places_is_one_group_before_its_verb() -> None:
    m = only("Voters in Portugal, Romania and Poland go to the polls on Sunday.", date(2025, 5, 16))
    assert m.subject == "voters" and m.participants[:3] == ("Portugal", "Romania", "Poland")


def test_a_place_opening_the_sentence_frames_all_its_clauses() -> None:
    text = ("In Poland, 13 candidates are running in the first round; if none wins more than half the vote, "
            "the top two will meet in a runoff on June 1.")
    assert "Poland" in only(text, date(2025, 5, 16), predicate="meet").participants
    # negative: a year is no place
    assert only("In 2019, Abe met Xi in Osaka.", date(2020, 1, 1)).participants == ("Abe", "Xi", "Osaka", "Japan")


def test_an_adverb_before_a_reporting_verb_still_closes_the_apposition() -> None:
    toks = tokenize("Tim Leiweke, chief of the group, earlier told Billboard that the tour will start on July 8.")
    july = {k for k, t in enumerate(toks) if t.text in ("July", "8")}
    assert [c.a for c in split_clauses(toks, july)][:1] == [0] and \
        all(toks[c.a].low != "earlier" for c in split_clauses(toks, july))
