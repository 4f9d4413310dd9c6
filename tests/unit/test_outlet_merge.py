"""One deed told by several outlets in other words (`resolver.merge_outlets`): same day, same participant, same or
related deed, different articles -> one event; otherwise apart. Made-up stories, hand-made records."""
from __future__ import annotations

from datetime import date, datetime, timezone
from itertools import count

from tracker.timeline._records import Record
from tracker.timeline.resolver import Plan, merge_outlets, outlet_keys, plan_block

D = date
_ids = count(1000)


def rec(predicate: str, subject: str, modality: str, published: date, first: date | None, last: date | None = None,
        *, participants: tuple[str, ...] = (), sentence: str = "", article: int | None = None) -> Record:
    forward = modality in ("scheduled", "expected", "conditional")
    return Record(published_at=datetime(published.year, published.month, published.day, 12, tzinfo=timezone.utc),
                  article_id=article if article is not None else next(_ids), sentence_index=0, predicate=predicate,
                  subject=subject, modality=modality, forward=forward, first=first, last=last or first,
                  deadline=(last or first) if forward else None, time_text="Friday" if first else "",
                  participants=participants or (subject,), sentence=sentence, url=f"http://news.example/{next(_ids)}",
                  mention_id=next(_ids))


def events_of(*records: Record) -> list[tuple[str, list[Record]]]:
    """Each record's own thread and events, as `_store.rebuild_threads` hands them to `merge_outlets`."""
    out = []
    for r in records:
        out += [(r.own_key, e) for e in plan_block([r]).events]
    return out


def sizes(groups: list[tuple[str, list[Record]]]) -> list[int]:
    return sorted(len(g) for _k, g in groups)


ARRESTED = rec("arrest", "Jonas Pikkel", "occurred", D(2031, 5, 10), D(2031, 5, 9), participants=("Jonas Pikkel",),
               sentence="Police arrested the financier Jonas Pikkel at Brenmoor station on Friday.")
DETAINED = rec("detain", "Jonas Pikkel", "occurred", D(2031, 5, 11), D(2031, 5, 9), participants=("Jonas Pikkel",),
               sentence="Jonas Pikkel was detained on Friday as he boarded a train, his lawyer said.")


def test_arrested_and_detained_by_two_outlets_are_one_event() -> None:
    assert ARRESTED.own_key != DETAINED.own_key            # two threads: other words
    assert sizes(merge_outlets(events_of(ARRESTED, DETAINED))) == [2]


def test_the_merge_does_not_depend_on_the_order_of_the_events() -> None:
    a = merge_outlets(events_of(ARRESTED, DETAINED))
    b = merge_outlets(list(reversed(events_of(ARRESTED, DETAINED))))
    assert [sorted(r.mention_id for r in g) for _k, g in a] == [sorted(r.mention_id for r in g) for _k, g in b]


def test_another_day_another_person_or_the_same_article_stay_apart() -> None:
    later = rec("detain", "Jonas Pikkel", "occurred", D(2031, 5, 20), D(2031, 5, 19), participants=("Jonas Pikkel",),
                sentence="Jonas Pikkel was detained again on Tuesday.")
    other = rec("detain", "Mira Oltz", "occurred", D(2031, 5, 11), D(2031, 5, 9), participants=("Mira Oltz",),
                sentence="Mira Oltz was detained on Friday.")
    same = rec("detain", "Jonas Pikkel", "occurred", D(2031, 5, 10), D(2031, 5, 9), participants=("Jonas Pikkel",),
               sentence="Jonas Pikkel was detained on Friday.", article=ARRESTED.article_id)
    for second in (later, other, same):
        assert sizes(merge_outlets(events_of(ARRESTED, second))) == [1, 1]


def test_a_country_is_nobody_unless_it_acts_in_both() -> None:
    a = rec("default", "Veltria", "occurred", D(2031, 3, 4), D(2031, 3, 3), participants=("France",),
            sentence="Veltria defaulted on its bonds on Monday, France said.")
    b = rec("protest", "farmers", "occurred", D(2031, 3, 4), D(2031, 3, 3), participants=("France",),
            sentence="Farmers protested in France on Monday against a default on fuel subsidies.")
    assert sizes(merge_outlets(events_of(a, b))) == [1, 1]


def test_a_claim_and_the_report_of_that_day_in_other_words_are_one_event_and_settle_the_plan() -> None:
    claim = rec("hear", "Harlow Tribunal", "scheduled", D(2031, 6, 1), D(2031, 6, 2), participants=("Harlow Tribunal",),
                sentence="The Harlow Tribunal will hear the port workers' appeal tomorrow.")
    report = rec("reject", "Harlow Tribunal", "occurred", D(2031, 6, 3), D(2031, 6, 2),
                 participants=("Harlow Tribunal",), sentence="The Harlow Tribunal on Monday turned down the appeal.")
    plans = [(claim.own_key, Plan(claims=[claim]))]
    merged = merge_outlets(events_of(claim, report), plans)
    assert sizes(merged) == [2]
    assert plans[0][1].outcome is report


def test_a_word_of_the_other_sentence_naming_the_deed_counts_for_the_very_same_day_only() -> None:
    claim = rec("begin", "Dunmore Rovers", "scheduled", D(2031, 7, 1), D(2031, 7, 12),
                participants=("Dunmore Rovers", "Kestrel Athletic"),
                sentence="Dunmore Rovers begin their league season at home to Kestrel Athletic on July 12.")
    report = rec("beat", "Dunmore Rovers", "occurred", D(2031, 7, 13), D(2031, 7, 12),
                 participants=("Dunmore Rovers", "Kestrel Athletic"),
                 sentence="Dunmore Rovers beat Kestrel Athletic 2-0 on Saturday in their opening league match.")
    assert sizes(merge_outlets(events_of(claim, report))) == [2]
    week = rec("beat", "Dunmore Rovers", "occurred", D(2031, 7, 16), D(2031, 7, 7), D(2031, 7, 13),
               participants=("Dunmore Rovers", "Kestrel Athletic"),
               sentence="Dunmore Rovers beat Kestrel Athletic last week in their opening league match.")
    assert sizes(merge_outlets(events_of(claim, week))) == [1, 1]


def test_on_friday_within_last_week_is_one_event_for_the_same_class() -> None:
    week = rec("detain", "Jonas Pikkel", "occurred", D(2031, 5, 16), D(2031, 5, 5), D(2031, 5, 11),
               participants=("Jonas Pikkel",), sentence="Jonas Pikkel, detained last week, denies the charges.")
    assert sizes(merge_outlets(events_of(ARRESTED, week))) == [2]


def test_two_meetings_of_one_leader_on_one_day_stay_apart() -> None:
    a = rec("meet", "Ilse Marrow", "occurred", D(2031, 4, 5), D(2031, 4, 4), participants=("Ilse Marrow", "Teo Vance"),
            sentence="Ilse Marrow met Teo Vance on Friday.")
    b = rec("meet", "Ilse Marrow", "occurred", D(2031, 4, 6), D(2031, 4, 4),
            participants=("Ilse Marrow", "Anka Rhee"), sentence="Ilse Marrow and Anka Rhee met on Friday.")
    assert sizes(merge_outlets(events_of(a, b))) == [1, 1]


def test_two_things_opening_on_one_day_stay_apart() -> None:
    hall = rec("open", "Corvane Hall", "scheduled", D(2031, 2, 1), D(2031, 3, 9), participants=("Corvane Hall", "Pellmark"),
               sentence="Pellmark said Corvane Hall will open on March 9.")
    arena = rec("open", "Pellmark Arena", "scheduled", D(2031, 2, 2), D(2031, 3, 9),
                participants=("Pellmark Arena", "Pellmark"), sentence="Pellmark's new Pellmark Arena will open on March 9.")
    assert sizes(merge_outlets(events_of(hall, arena))) == [1, 1]
    line = rec("open", "tram line", "scheduled", D(2031, 2, 2), D(2031, 3, 9), participants=("Pellmark",),
               sentence="Pellmark said the tram line will open on March 9.")
    depot = rec("open", "bus depot", "scheduled", D(2031, 2, 3), D(2031, 3, 9), participants=("Pellmark",),
                sentence="Pellmark said the bus depot will open on March 9.")
    assert sizes(merge_outlets(events_of(line, depot))) == [1, 1]


def test_a_name_ending_another_and_initials_are_one_participant() -> None:
    a = rec("issue", "Federal Transit Board", "occurred", D(2031, 8, 2), D(2031, 8, 1),
            participants=("Federal Transit Board",), sentence="The Federal Transit Board issued a safety notice on Friday.")
    b = rec("issue", "FTB", "occurred", D(2031, 8, 3), D(2031, 8, 1), participants=("FTB",),
            sentence="The FTB's safety notice, issued on Friday, remains in force.")
    assert "%ftb@2031-08-01" in outlet_keys(a.subject, a.participants, a.first, a.last)
    assert sizes(merge_outlets(events_of(a, b))) == [2]


def test_a_passive_report_with_no_agent_meets_the_active_one_through_its_place() -> None:
    active = rec("issue", "Orlen County", "occurred", D(2031, 8, 10), D(2031, 8, 9),
                 participants=("Orlen County", "Tamworth"),
                 sentence="Orlen County issued a boil-water notice for Tamworth on Sunday.")
    passive = rec("issue", "boil-water notice", "occurred", D(2031, 8, 12), D(2031, 8, 9), participants=("Tamworth",),
                  sentence="Residents of Tamworth went without tap water after a boil-water notice was issued on Aug. 9.")
    assert sizes(merge_outlets(events_of(active, passive))) == [2]
    other = rec("close", "school", "occurred", D(2031, 8, 12), D(2031, 8, 9), participants=("Tamworth",),
                sentence="A school in Tamworth was closed on Aug. 9.")
    assert sizes(merge_outlets(events_of(active, other))) == [1, 1]   # one place, another deed


def test_outlet_keys_are_name_heads_on_each_day_of_a_short_time() -> None:
    keys = outlet_keys("Jonas Pikkel", ("Jonas Pikkel", "Brenmoor Bank"), D(2031, 5, 9), D(2031, 5, 10))
    assert keys == ("%bank@2031-05-09", "%bank@2031-05-10", "%pikkel@2031-05-09", "%pikkel@2031-05-10")
    assert outlet_keys("Jonas Pikkel", ("Jonas Pikkel",), D(2031, 5, 1), D(2031, 5, 31)) == ()   # a month: none
