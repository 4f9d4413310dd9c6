"""Claims with no event verb: a reported 'would be available ... by DATE' is a claim about its subject;
a reported clause with a real verb, or a report's own date, is read as before."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp import find_mentions

D = date(2026, 1, 9)


@pytest.mark.parametrize("sentence, predicate, deadline", [
    ("Arden said relvastim would be available in U.S. pharmacies by the end of February.", "relvastim",
     date(2026, 2, 28)),
    ("Halcyon said the drug would be available to patients within two weeks.", "drug", date(2026, 1, 23)),
    ("Officials said results should be available on Wednesday.", "result", date(2026, 1, 14)),
])
def test_a_reported_claim_with_no_verb_is_found(sentence: str, predicate: str, deadline: date) -> None:
    got = [(m.predicate, m.forward, m.deadline) for m in find_mentions(sentence, D)]
    assert (predicate, True, deadline) in got


@pytest.mark.parametrize("sentence, expected", [
    # the time dates the report: nothing reported is dated
    ("Officials said on Wednesday that the bridge would reopen.", []),
    ("The company said on Tuesday it could not comment.", []),
    # a reported verb keeps its own predicate
    ("He said he would resign on Friday.", [("resign", True)]),
])
def test_a_report_date_or_a_reported_verb_is_read_as_before(sentence: str, expected: list) -> None:
    assert [(m.predicate, m.forward) for m in find_mentions(sentence, D)] == expected


@pytest.mark.parametrize("sentence, predicate, subject", [
    # an -ing word after a quantifier is an adjective, not the event
    ("The utility now says it will restore power to all remaining customers by Friday.", "restore", "utility"),
    ("Police arrested all remaining protesters on Friday.", "arrest", "police"),
    # 'where' opens a relative clause: it is no part of the subject
    ("In the city, where power was restored to the last customers on Sept. 11, rebuilding goes on.", "restore",
     "power"),
])
def test_adjectival_ing_and_relative_where(sentence: str, predicate: str, subject: str) -> None:
    got = [(m.predicate, m.subject) for m in find_mentions(sentence, date(2025, 9, 8))]
    assert (predicate, subject) in got


@pytest.mark.parametrize("sentence, predicate", [
    ("Workers are remaining on strike until Friday.", "remain"),   # a verb after an auxiliary stays one
    ("The rebels will stop all fighting by Friday.", "stop"),       # the verb before the quantifier is the event
])
def test_an_ing_verb_is_still_a_verb(sentence: str, predicate: str) -> None:
    assert predicate in [m.predicate for m in find_mentions(sentence, date(2025, 9, 8))]


@pytest.mark.parametrize("words, k, expected", [
    ("results are set to be announced tomorrow", 5, True),     # a passive infinitive: still to come
    ("the winners will be announced on Friday", 4, True),
    ("the ministry will announce", 3, True),
    ("the results were announced on Friday", 3, False),        # a past report
    ("the ministry announced on Friday", 2, False),
])
def test_future_marked_verb_groups(words: str, k: int, expected: bool) -> None:
    from tracker.nlp._clauses import _future_marked
    from tracker.nlp._words import tokenize
    assert _future_marked(tokenize(words), k) is expected


@pytest.mark.parametrize("words, t0, t1, expected", [
    ("reopen in mid-September due to damage", 2, 2, None),     # before 'due': the clause's time, no modifier
    ("the July-September quarter from a loss", 1, 2, None),     # before a preposition
    ("the 2020 election was held", 1, 1, "election"),           # a modifier of an event noun
])
def test_prenominal_leaves_a_time_before_a_function_word(words: str, t0: int, t1: int, expected) -> None:
    from tracker.nlp._mention_parts import prenominal
    from tracker.nlp._words import tokenize
    got = prenominal(tokenize(words), t0, t1, set())
    assert (got.predicate if got is not None and not isinstance(got, str) else got) == expected


@pytest.mark.parametrize("sentence, predicate, subject", [
    # the subject of a verb in an 'after' clause is named after the subordinator
    ("The opening of the bridge has been postponed to June 20 after inspectors found faulty cables on Wednesday.",
     "find", "inspectors"),
    # a pronoun there still goes to its referent (not the bare pronoun)
    ("Fenmoor Festival organisers said the festival would open on Friday, and that they would decide on Sunday's "
     "programme on Saturday evening.", "decide", "Fenmoor Festival"),
    # 'X of the Y' before the verb: the head is X
    ("The governors of the five coastal provinces met on Tuesday.", "meet", "governors"),
    ("The price of oil rose on Tuesday.", "rise", "price"),
])
def test_subjects_of_subordinate_clauses_and_of_phrases(sentence: str, predicate: str, subject: str) -> None:
    got = [(m.predicate, m.subject) for m in find_mentions(sentence, date(2025, 8, 14))]
    assert (predicate, subject) in got


@pytest.mark.parametrize("text, limit, keep, expected", [
    ("Czech National Bank to open a public consultation on a possible", 120, "", "Czech National Bank to open a public consultation"),
    ("Tide Pool to return home for a show at the", 120, "", "Tide Pool to return home for a show"),
    ("Dan to swear in", 120, "swear in", "Dan to swear in"),            # a phrasal predicate keeps its particle
    ("Norvane to launch its heat pump", 120, "", "Norvane to launch its heat pump"),   # nothing dangles
    ("which the committee rejected the plan", 25, "", "which the committee"),       # cut at a word boundary
])
def test_a_claim_never_ends_mid_word_or_on_a_function_word(text: str, limit: int, keep: str, expected: str) -> None:
    from tracker.nlp._mention_parts import _tidy
    assert _tidy(text, limit, keep) == expected


@pytest.mark.parametrize("sentence, part", [
    ("Norvane called off its planned 2.1 billion euro acquisition of Kestrel Energy on Monday.", "2.1 billion"),
    ("Karol Nawrocki won Poland's presidential runoff with 50.9 percent on Sunday.", "50.9"),
])
def test_a_claim_keeps_decimal_points(sentence: str, part: str) -> None:
    assert any(part in m.claim for m in find_mentions(sentence, date(2025, 6, 3)))
