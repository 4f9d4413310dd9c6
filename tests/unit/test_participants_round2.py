"""Third-round participant and clause rules, each with a negative: a cue verb's event stops at a
clause of its own ('postponed to June 20 after inspectors found ...'), 'during' keeps the verb as
the dated event, a name before a lower-case title is no person, a bare person-event noun
('Sentencing is set for May 15') is the event of the person named last, titles inside a name,
pronouns that skip a person quoted in passing, a relative clause's antecedent as its subject,
hyphenated verbs and 'will start running'."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp import find_mentions
from tracker.nlp.entities import find_entities, known_names, link_entities, participant_names
from tracker.nlp.sentences import split_sentences


def names(text: str) -> list[str]:
    starts = frozenset(s.start for s in split_sentences(text)) | {0}
    return list(participant_names(link_entities(find_entities(text, starts, known_names(text, starts)))))


def _by_time(text: str, dct: date) -> dict[str, object]:
    return {m.timex.text: m for m in find_mentions(text, dct) if m.timex is not None}


def test_a_cue_verbs_event_stops_at_a_clause_of_its_own() -> None:
    found = _by_time("The opening of the Alder Harbour Bridge has been postponed to June 20 after inspectors "
                     "found faulty anchor cables during load tests on Wednesday.", date(2026, 5, 8))
    assert found["June 20"].predicate == "open"
    assert found["June 20"].subject == "Alder Harbour Bridge"
    assert found["Wednesday"].predicate == "find"       # "during load tests": the finding is dated


def test_a_preposition_after_a_cue_verb_does_not_end_its_event() -> None:
    found = _by_time("The vote was postponed until after the holidays in December.", date(2026, 5, 8))
    assert all(m.predicate != "holiday" for m in found.values())


def test_a_temporal_link_other_than_during_still_leaves_the_noun_dated() -> None:
    found = _by_time("Parliament ends before this year's election on November 24.", date(2024, 10, 1))
    assert found["November 24"].predicate == "election"


def test_a_name_before_a_lower_case_title_is_not_the_person() -> None:
    found = _by_time("Former Mara Ridge governor Peter Kariuki was sentenced on Thursday to 12 years in prison.",
                     date(2025, 5, 15))
    assert found["Thursday"].subject == "Peter Kariuki"


def test_a_two_word_place_without_a_title_after_it_stays_the_subject() -> None:
    found = _by_time("Mara Ridge was sentenced on Thursday to 12 years in prison.", date(2025, 5, 15))
    assert found["Thursday"].subject == "Mara Ridge"


def test_a_bare_person_event_is_the_last_named_persons() -> None:
    found = _by_time("Peter Kariuki was found guilty on Thursday. Kariuki was taken into custody. "
                     "Sentencing is set for May 15.", date(2025, 4, 24))
    assert found["May 15"].predicate == "sentence"
    assert found["May 15"].subject == "Peter Kariuki"


def test_an_owned_or_other_event_noun_does_not_take_the_last_person() -> None:
    found = _by_time("Peter Kariuki was found guilty on Thursday. The hearing is set for May 15.",
                     date(2025, 4, 24))
    assert found["May 15"].subject != "Peter Kariuki"


@pytest.mark.parametrize("text, expected", [
    ("Federal Labour Minister Anne Tremblay said she would meet both sides.", ["Anne Tremblay"]),
    ("He met Queensland Transport Minister Helen Voss on Monday.", ["Helen Voss"]),
    ("He met Bank of England Governor Andrew Bailey.", ["Bank of England", "Andrew Bailey"]),
    ("The Foreign Ministry said.", ["Foreign Ministry"]),                # an office keeps its title word
    ("He met Labour Party Chairman Office staff.", ["Labour Party Chairman Office"]),   # no person follows
])
def test_a_title_inside_a_name_leaves_the_person(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_she_after_a_multi_word_title_is_the_speaker_not_a_quoted_bystander() -> None:
    text = ('Pickets gathered in the rain. "Nobody wants to be out here," said crane operator Raj Sandhu. '
            "Federal Labour Minister Anne Tremblay said she would meet both sides in Vancouver on Wednesday.")
    found = _by_time(text, date(2025, 6, 16))
    assert found["Wednesday"].subject == "Anne Tremblay"


def test_a_pronoun_skips_a_person_quoted_in_passing() -> None:
    text = ('Labour Minister Anne Tremblay flew to Vancouver on Monday. "Nobody wants to be out here," said crane '
            "operator Raj Sandhu. She will meet both sides on Wednesday.")
    assert _by_time(text, date(2025, 6, 16))["Wednesday"].subject == "Anne Tremblay"


def test_a_pronoun_after_a_person_who_acts_takes_that_person() -> None:
    text = ('"Nobody wants to be out here," said crane operator Raj Sandhu. Union president Marisol Chen '
            "spoke on Monday. She will meet both sides on Wednesday.")
    assert _by_time(text, date(2025, 6, 16))["Wednesday"].subject == "Marisol Chen"


def test_a_pronoun_with_only_a_quoted_person_before_it_still_takes_him() -> None:
    text = '"Nobody wants to be out here," said crane operator Raj Sandhu. He will strike again on Wednesday.'
    assert _by_time(text, date(2025, 6, 16))["Wednesday"].subject == "Raj Sandhu"


@pytest.mark.parametrize("text, dct, subject", [
    ("Governor Ines Varga called the accord a fair deal for the northern fleets, which will be allowed back to "
     "sea in June.", date(2026, 4, 15), "northern fleets"),
    ("The depot's second maintenance shed, which was completed in June, now houses the fleet.", date(2025, 12, 9),
     "second maintenance shed"),
    ("The Bank of Canada, which left interest rates unchanged on June 4, said a strike could hurt.",
     date(2025, 6, 19), "Bank of Canada"),
])
def test_a_relative_clauses_subject_is_its_antecedent(text: str, dct: date, subject: str) -> None:
    assert next(iter(_by_time(text, dct).values())).subject == subject


def test_a_relative_clause_with_its_own_subject_keeps_it() -> None:
    found = _by_time("Chen defended the deal, which members rejected on Thursday.", date(2025, 7, 18))
    assert found["Thursday"].subject != "deal"


def test_a_name_after_a_preposition_and_the_gives_way_to_the_noun() -> None:
    found = _by_time("A second maintenance shed at the Murarrie depot will be completed by the end of the year.",
                     date(2024, 8, 2))
    assert found["the end of the year"].subject == "second maintenance shed"


def test_a_hyphenated_verb_after_a_modal_is_the_event() -> None:
    found = _by_time("Engineers will load-test the deck with forty lorries in the first week of May.", date(2026, 3, 2))
    assert found["the first week of May"].predicate == "load-test"
    assert found["the first week of May"].subject == "engineers"


def test_a_hyphenated_adjective_after_a_determiner_is_no_verb() -> None:
    found = _by_time("Their long-delayed summit was held on Friday.", date(2026, 3, 2))
    assert found["Friday"].predicate == "summit"


def test_the_subject_of_start_running_is_the_noun_before_it() -> None:
    found = _by_time("Test trams will start running on the first section of track next month.", date(2023, 11, 14))
    assert found["next month"].subject == "test trams"


def test_a_plural_noun_before_a_modal_is_still_the_subject() -> None:
    found = _by_time("The first trains would run on the line next month.", date(2023, 11, 14))
    assert found["next month"].subject == "first trains"
