"""Mention finder: scope of cues and subjects (relative clauses, reporting frames, coreference)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.unit.test_mentions import T
from tracker.nlp.mentions import find_mentions


def _one(sentence: str, text: str, value: str, first: str, dct: date = date(2025, 5, 5)):
    ms = [m for m in find_mentions(sentence, dct, timexes=[T(sentence, text, value, first)]) if m.timex]
    assert len(ms) == 1, ms
    return ms[0]


def test_relative_clause_tense_does_not_date_the_main_clause() -> None:
    s = "He will face Bucharest mayor Nicusor Dan, who came second with about 21 percent, in a runoff on May 18."
    m = _one(s, "May 18", "2025-05-18", "2025-05-18")
    assert m.modality == "scheduled" and m.forward and m.deadline == date(2025, 5, 18)
    assert m.predicate != "come" and "Nicusor Dan" in m.participants
    assert m.sentence == s


def test_relative_clause_denial_does_not_colour_the_main_clause() -> None:
    s = ("Montenegro, who denies any conflict of interest involving a consultancy firm, will lead his "
         "Democratic Alliance into the vote.")
    assert all(m.modality not in ("denied", "cancelled") for m in find_mentions(s, date(2025, 3, 13), timexes=[]))


def test_time_inside_a_relative_clause_still_dates_it() -> None:
    s = "The assembly, which held its first session on June 3 after the May election, is the most fragmented."
    m = _one(s, "June 3", "2025-06-03", "2025-06-03", date(2025, 11, 28))
    assert m.predicate == "session" and m.modality == "occurred"


def test_runoff_is_its_own_event_and_he_takes_the_article_topic() -> None:
    text = ("Warsaw mayor Rafal Trzaskowski led the first round of Poland's presidential election. "
            "He will face conservative historian Karol Nawrocki, who took about 30 percent, in a runoff on June 1.")
    tx = T(text, "June 1", "2025-06-01", "2025-06-01")
    ms = [m for m in find_mentions(text, date(2025, 5, 19), title="Poland's presidential race heads to a runoff",
                                   timexes=[tx]) if m.timex]
    assert [m.predicate for m in ms] == ["runoff"] and ms[0].forward
    assert "Poland" in ms[0].participants


def test_attributive_delay_is_not_a_postponement() -> None:
    s = "Morita and Zhao met in Beijing on Friday for their long-delayed summit."
    m = _one(s, "Friday", "2025-04-25", "2025-04-25", date(2025, 4, 26))
    assert m.modality == "occurred"


def test_past_perfect_postponement_is_background() -> None:
    s = "The meeting had been put off in March after a collision between two boats."
    tx = T(s, "March", "2025-03", "2025-03-01", "2025-03-31")
    assert find_mentions(s, date(2025, 4, 26), timexes=[tx]) == []


def test_definite_noun_takes_the_referent_of_its_class_and_first_half_of_next_year() -> None:
    from tracker.nlp.temporal import tag
    text = ("Norvane agreed on Monday to buy Danish rival Kestrel Energy for 2.1 billion euros in cash. "
            "The acquisition is expected to close in the first half of next year, the companies said.")
    ms = [m for m in find_mentions(text, date(2024, 11, 4)) if m.forward]
    assert len(ms) == 1 and ms[0].subject == "Kestrel Energy" and ms[0].deadline == date(2025, 6, 30)
    assert tag  # the real tagger splits "the first half" / "next year"; the finder joins them


def test_reported_claim_is_about_the_company_not_the_speaker() -> None:
    text = ("Norvane reported a loss on Thursday. Chief Executive Elin Berg said the company expects to return "
            "to an operating profit in the third quarter.")
    s2 = text.split(". ")[1]
    tx = T(text, "the third quarter", "2025-Q3", "2025-07-01", "2025-09-30")
    ms = [m for m in find_mentions(text, date(2025, 2, 6), timexes=[tx]) if m.forward]
    assert ms and ms[0].subject == "Norvane" and s2


def test_withdrawn_plan_is_cancelled_and_a_doubt_is_no_date() -> None:
    s = "The ACCC on Monday withdrew its planned rule capping app store commissions."
    assert _one(s, "Monday", "2024-10-21", "2024-10-21", date(2024, 10, 21)).modality == "cancelled"
    s = "Parliament rises next week, making it unlikely the bill can pass this year, Kirby conceded."
    tx = T(s, "this year", "2024", "2024-01-01", "2024-12-31")
    assert not [m for m in find_mentions(s, date(2024, 11, 28), timexes=[tx]) if m.predicate == "pass"]


def test_closed_as_planned_happened() -> None:
    s = "Across the city, the harbour bridge closed as planned at 10 p.m., with crews starting work."
    m = _one(s, "10 p.m.", "2025-02-15T22:00", "2025-02-15", date(2025, 2, 15))
    assert m.predicate == "close" and m.modality == "occurred"


def test_will_on_a_weekday_read_as_past_is_the_coming_one() -> None:
    s = "New Zealand will host England in the third and deciding one-day international at Eden Park on Saturday."
    tx = replace(T(s, "Saturday", "2025-02-08", "2025-02-08"), rule="weekday")   # as the tagger reads it
    ms = [m for m in find_mentions(s, date(2025, 2, 11), timexes=[tx]) if m.timex]
    assert ms and ms[0].forward and ms[0].deadline == date(2025, 2, 15)


def test_receive_a_person_is_a_meeting() -> None:
    s = "He will also receive Brazilian President Ricardo Alves on Friday evening."
    m = _one(s, "Friday evening", "2025-04-25TEV", "2025-04-25", date(2025, 4, 24))
    assert m.predicate == "meet"


def test_expects_the_bill_to_pass_is_about_the_bill_and_a_withdrawn_rule_is_the_rule() -> None:
    text = ("Treasurer Anna Kirby introduced the Digital Competition Bill on Tuesday and said the government "
            "expects the bill to pass both houses of Parliament by the end of the year.")
    tx = T(text, "the end of the year", "2024", "2024-12-31", "2024-12-31", deadline="2024-12-31")
    ms = [m for m in find_mentions(text, date(2024, 8, 13), timexes=[tx]) if m.forward]
    assert ms and ms[0].subject == "Digital Competition Bill"
    s = "The ACCC on Monday withdrew its planned rule capping app store commissions."
    m = _one(s, "Monday", "2024-10-21", "2024-10-21", date(2024, 10, 21))
    assert (m.predicate, m.modality) == ("rule", "cancelled")


def test_deciding_international_is_a_match_not_a_decision() -> None:
    s = "New Zealand will host England in the third and deciding one-day international at Eden Park on Saturday."
    m = _one(s, "Saturday", "2025-02-15", "2025-02-15", date(2025, 2, 11))
    assert m.predicate == "match" and m.forward
