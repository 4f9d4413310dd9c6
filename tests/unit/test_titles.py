"""Timeline titles read like a headline a person would write: the thing that underwent the event
("Opening of Alder Harbour Bridge"), or subject + verb + object ("Senate passes bill", "City to cut
ferry fares"); never a place as a meeting party, a time as an object, or a sentence cut mid-word."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.unit._mentions import record
from tracker.timeline._events import _plural, _third, describe_event

D = date


def said(predicate: str, subject: str, modality: str, sentence: str, *, participants: tuple[str, ...] = (),
         text: str = "", claim: str = "") -> object:
    day = D(2026, 5, 6)
    rec = record(predicate, subject, modality, D(2026, 5, 1), day, day, participants=participants, text=text)
    return replace(rec, sentence=sentence, claim=claim or f"{subject} {predicate}", own_key="", keys=())


@pytest.mark.parametrize("predicate, subject, modality, sentence, participants, text, title", [
    # the thing that underwent the event keeps the noun title
    ("open", "Alder Harbour Bridge", "occurred", "The Alder Harbour Bridge opened to traffic on Saturday.",
     ("Alder Harbour Bridge",), "Saturday", "Opening of Alder Harbour Bridge"),
    # a doer with an object: a headline, present tense for what happened
    ("find", "inspectors", "occurred", "Inspectors found faulty anchor cables during load tests on Wednesday.",
     (), "Wednesday", "Inspectors find faulty anchor cables"),
    ("pass", "Senate", "occurred", "The Senate passed the bill on Thursday.", ("Senate",), "Thursday",
     "Senate passes bill"),
    # what is ahead reads with 'to'
    ("cut", "city", "expected", "The mayor said the city would cut ferry fares before the end of the year.",
     (), "the end of the year", "City to cut ferry fares"),
    ("load-test", "engineers", "expected", "Engineers will load-test the deck in the first week of May.",
     (), "the first week of May", "Engineers to load-test deck"),
    # a plural subject takes the plain verb; a passive keeps its participle
    ("collapse", "northern stocks", "occurred", "The quotas were disputed after the northern stocks collapsed two years ago.",
     (), "two years ago", "Northern stocks collapse"),
    ("allow", "northern fleets", "expected", "It is a fair deal for the northern fleets, which will be allowed back to sea in June.",
     (), "June", "Northern fleets to be allowed back"),
    # a time is never the object ('two years ago'), a name is never split from its title
    ("reach", "James Webb Space Telescope", "occurred",
     "The James Webb Space Telescope reached its destination around the second Lagrange point on Monday.",
     ("James Webb Space Telescope",), "Monday", "James Webb Space Telescope reaches destination"),
])
def test_headline_titles(predicate, subject, modality, sentence, participants, text, title) -> None:
    assert describe_event([said(predicate, subject, modality, sentence, participants=participants, text=text)]).title \
        == title


def test_a_place_is_no_meeting_party_in_a_title() -> None:
    rec = said("meet", "governors", "occurred", "The governors met in Port Alder on Tuesday.",
               participants=("Port Alder",), text="Tuesday")
    title = describe_event([rec]).title
    assert "Port Alder" not in title and "overnors" in title
    people = said("meet", "Shinzo Abe", "occurred", "Shinzo Abe met Xi Jinping in Beijing on Friday.",
                  participants=("Shinzo Abe", "Xi Jinping", "Beijing", "China"), text="Friday")
    assert describe_event([people]).title == "Meeting of Shinzo Abe and Xi Jinping"


@pytest.mark.parametrize("claim, sentence, text, title", [
    ("The Port Alder car ferry moved to a reduced summer timetable on Monday with sailings every forty minutes",
     "The Port Alder car ferry moved to a reduced summer timetable on Monday, with sailings every forty minutes.",
     "Monday", "Port Alder car ferry moved to a reduced summer timetable"),
    ("storms", "Work began in April 2023, but storms in the winter of 2024 slowed the crews.", "the winter of 2024",
     "Storms slowed the crews"),
])
def test_a_title_without_verb_is_the_claims_first_clause_without_its_time(claim, sentence, text, title) -> None:
    rec = said("ferry" if "ferry" in claim else "storm", claim.split()[-1], "occurred", sentence, text=text, claim=claim)
    assert describe_event([rec]).title == title


@pytest.mark.parametrize("verb, third", [("open", "opens"), ("reach", "reaches"), ("carry", "carries"), ("go", "goes"),
                                         ("pay", "pays"), ("load-test", "load-tests"), ("pass", "passes")])
def test_third_person(verb: str, third: str) -> None:
    assert _third(verb) == third


@pytest.mark.parametrize("subject, plural", [("governors", True), ("five coastal provinces", True), ("Socialists", True),
                                             ("Arden Therapeutics", False), ("Norvane", False), ("city", False),
                                             ("business", False), ("the company's", False)])
def test_plural_subjects(subject: str, plural: bool) -> None:
    assert _plural(subject) is plural


@pytest.mark.parametrize("predicate, subject, modality, sentence, participants, text, title", [
    # a named object, a particle that ends the verb, a time that is no particle's object
    ("beat", "England", "occurred", "England beat New Zealand by six wickets on Sunday.",
     ("England", "New Zealand"), "Sunday", "England beats New Zealand"),
    ("swear in", "Nicusor Dan", "scheduled", "Dan is due to be sworn in on May 26.", ("Nicusor Dan",), "May 26",
     "Nicusor Dan to be sworn in"),
    ("arrest", "Peter Kariuki", "occurred", "Kariuki was arrested in August 2023.", ("Peter Kariuki",), "August 2023",
     "Peter Kariuki arrested"),
    ("acquit", "court", "occurred", "A court acquitted a former port procurement officer in January.", (), "January",
     "Court acquits former port procurement officer"),
    # negatives: an event noun is no doer; a pronoun heads nothing
    ("return", "Norvane", "expected", "Norvane expects to return to an operating profit in the third quarter.",
     ("Norvane",), "the third quarter", "Norvane to return"),
])
def test_headline_objects_and_particles(predicate, subject, modality, sentence, participants, text, title) -> None:
    assert describe_event([said(predicate, subject, modality, sentence, participants=participants, text=text)]).title \
        == title


def test_a_document_or_a_pronoun_is_no_meeting_party() -> None:
    rec = said("meet", "Anna Kirby", "occurred", "Anna Kirby met crossbench senators on the Digital Competition Bill on Monday.",
               participants=("Anna Kirby", "Digital Competition Bill"), text="Monday")
    assert "Bill" not in describe_event([rec]).title


def test_an_event_noun_heads_no_headline() -> None:
    rec = said("find", "opening", "occurred",
               "The opening has been postponed after inspectors found faulty anchor cables on Wednesday.",
               participants=("Alder Harbour Bridge",), text="Wednesday")
    assert describe_event([rec]).title == "Inspectors find faulty anchor cables"      # the noun before the verb
    alone = said("find", "opening", "occurred", "The opening found nothing on Wednesday.", text="Wednesday")
    assert not describe_event([alone]).title.startswith("Opening finds")


@pytest.mark.parametrize("text, limit, out", [
    ("city to cut ferry fares", 70, "city to cut ferry fares"),
    ("Czech National Bank to open a public consultation on a possible change", 40,
     "Czech National Bank to open a public…"),
    ("one two, three", 10, "one two…"),
])
def test_summary_clips_claims_at_a_word(text: str, limit: int, out: str) -> None:
    from tracker.timeline._summary import _clip

    assert _clip(text, limit) == out


@pytest.mark.parametrize("predicate, subject, modality, sentence, participants, text, title", [
    ("presented", "company", "occurred", "The company presented trial results on Monday.", (), "Monday",
     "Company presents trial results"),                                  # an unlemmatized predicate
    ("approve", "FDA", "occurred", "The FDA approved it on Friday.", ("FDA",), "Friday", "FDA approves"),
    ("ratify", "Marisol Chen", "expected", "Marisol Chen will ratify in July.", ("Marisol Chen",), "July",
     "Marisol Chen to ratify"),                                          # a person is never what is passed
])
def test_doers_head_their_titles(predicate, subject, modality, sentence, participants, text, title) -> None:
    assert describe_event([said(predicate, subject, modality, sentence, participants=participants, text=text)]).title \
        == title


def test_a_subject_that_is_the_verbs_own_noun_heads_no_headline() -> None:
    rec = said("strike", "strike", "occurred", "The strike began on Monday.", text="Monday")
    assert "Strike strikes" not in describe_event([rec]).title


def test_a_verb_that_only_borrows_a_noun_title_class_says_what_it_did() -> None:
    work = said("begin", "span", "occurred", "Work on the 640-metre span began in April 2023.",
                participants=("Alder Harbour Bridge",), text="April 2023")
    assert not describe_event([work]).title.startswith("Opening of")
    opened = said("open", "Alder Harbour Bridge", "occurred", "The Alder Harbour Bridge opened on Saturday.",
                  participants=("Alder Harbour Bridge",), text="Saturday")
    assert describe_event([opened]).title == "Opening of Alder Harbour Bridge"


@pytest.mark.parametrize("predicate, subject, sentence, title", [
    ("begin", "career", "He began his career at Fluminense in 2022.", "Career begins"),
    ("unveil", "Joe Biden", "Joe Biden unveiled the first image on Monday.", "Joe Biden unveils first image"),
    ("unveil", "Joe Biden", "Joe Biden unveiled the telescope's images on Monday.", "Joe Biden unveils"),
    ("release", "NASA", "NASA released first full-color images on Tuesday.", "NASA releases first full-color images"),
])
def test_no_object_that_repeats_the_subject_or_is_an_ordinal_alone(predicate, subject, sentence, title) -> None:
    rec = said(predicate, subject, "occurred", sentence, participants=(subject,), text="Monday")
    assert describe_event([rec]).title == title


@pytest.mark.parametrize("subject, sentence, title", [
    ("span", "Work on the 640-metre span began in April 2023.", "Work on span begins"),
    ("Pramaan Pay", "Shares of Pramaan Pay rose on Tuesday.", "Shares of Pramaan Pay rise"),
    ("bridge", "The bridge began carrying traffic in April 2023.", "Bridge begins carrying traffic"),  # no phrase
    ("Abe", "In Beijing, Abe began talks in April 2023.", "Abe begins talks"),
])
def test_a_subject_ending_an_opening_phrase_keeps_its_head(subject, sentence, title) -> None:
    verb = "rise" if "rose" in sentence else "begin"
    rec = said(verb, subject, "occurred", sentence, participants=("Alder Harbour Bridge",) if subject == "span" else (subject,),
               text="April 2023" if "April" in sentence else "Tuesday")
    assert describe_event([rec]).title == title
