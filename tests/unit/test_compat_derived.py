"""Reports in the words of a claim's derivational family (`_compat.family_keys`, `data/families.txt`, generated
from WordNet 3.1; `[derived]` in `data/compat.toml`): pairs that must join and pairs that must not (another
actor, another thing of the kind, antonyms). The sentences are made up for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from tests.unit._mentions import sentence_record as _rec
from tests.unit._mentions import settled_apart as _settled
from tracker.timeline._compat import clause_things, families_of, family, family_keys
from tracker.timeline._records import Record

D = date


@pytest.mark.parametrize(("a", "b"), [("ruling", "ruled"), ("reassess", "reviewed"), ("assessment", "assessing"),
                                      ("consent", "consents"), ("decision", "decided"), ("audit", "audited")])
def test_derived_words_share_a_family(a: str, b: str) -> None:
    assert family(a) & family(b)


@pytest.mark.parametrize(("a", "b"), [("approve", "reject"), ("open", "close"), ("sign", "resign"),
                                      ("launch", "land"), ("ruling", "consent")])
def test_opposites_and_strangers_share_none(a: str, b: str) -> None:
    assert not family(a) & family(b)


def test_a_support_verb_takes_its_event_noun_and_a_whether_clause_its_verb() -> None:
    assert families_of("hand", "The panel will hand down its decision on Monday.", True) & family("decided")
    assert families_of("reveal", "The mayor will reveal next week whether she approves the plan.", True) & family("approve")
    assert "outcome" in families_of("vote", "The board will vote on the merger on Friday.", True)
    assert "outcome" in families_of("reject", "The board rejected the merger on Friday.", False)


def test_clause_things_are_nouns_and_names_of_the_clause() -> None:
    things = clause_things("vote", "Westland assembly", ["Westland"],
                           "The Westland assembly will vote on June 3 on a motion opposing the landfill.")
    assert {"-motion", "-landfill"} <= set(things)
    assert all(t not in things for t in ("-june", "-will"))


def test_another_thing_of_the_kind_carries_no_keys() -> None:
    assert not family_keys("lift", "lift", "regulator", ["Brakstad Foods"],
                           "The regulator lifted a separate ban on Brakstad Foods on Monday.", False)


RULING = _rec("deliver", "Priya Nandakumar", "expected", D(2026, 3, 2), D(2026, 3, 20),
              "Magistrate Priya Nandakumar said she would deliver her ruling on March 20.", ("Priya Nandakumar",))
RULED = _rec("rule", "magistrate", "occurred", D(2026, 3, 21), D(2026, 3, 20),
             "The magistrate ruled on Friday that the harbour lease was void.", ("",))
AUDIT = _rec("complete", "review of the plant", "expected", D(2026, 5, 4), None,
             "An external review of the bottling plant will be completed within 21 days, the firm said.", ("",),
             deadline=D(2026, 5, 25))
AUDITED = _rec("complete", "reassessment", "occurred", D(2026, 5, 23), D(2026, 5, 22),
               "The external reassessment of the bottling plant was completed on Friday.", ("",))
OTHER_PLANT = _rec("complete", "Harwick Brewing", "occurred", D(2026, 5, 23), D(2026, 5, 22),
                   "Harwick Brewing completed a review of its own bottling plant on Friday.", ("Harwick Brewing",))
MOTION = _rec("vote", "Westland assembly", "scheduled", D(2026, 5, 1), D(2026, 6, 3),
              "The Westland assembly will vote on June 3 on a motion opposing the landfill.", ("Westland",))
BACKED = _rec("back", "assembly", "occurred", D(2026, 6, 4), D(2026, 6, 3),
              "The assembly backed a motion opposing the landfill on Wednesday by 31 votes to 12.", ("",))
OTHER_MOTION = _rec("reject", "Eastvale", "occurred", D(2026, 6, 4), D(2026, 6, 3),
                    "Eastvale's council rejected a motion on the landfill on Wednesday.", ("Eastvale",))


@pytest.mark.parametrize(("why", "claim", "report", "status"), [
    ("a ruling delivered, told with the verb", RULING, RULED, "fulfilled"),
    ("a review completed, told as a reassessment", AUDIT, AUDITED, "fulfilled"),
    ("a vote held, told by its outcome", MOTION, BACKED, "fulfilled"),
])
def test_a_report_of_the_family_settles_the_claim(why: str, claim: Record, report: Record, status: str) -> None:
    assert _settled(claim, [report]) == (status, report)


@pytest.mark.parametrize(("why", "claim", "report"), [
    ("another company's review of its own plant", AUDIT, OTHER_PLANT),
    ("another council's vote on the landfill", MOTION, OTHER_MOTION),
])
def test_the_same_deed_by_another_actor_settles_nothing(why: str, claim: Record, report: Record) -> None:
    status, by = _settled(claim, [report])
    assert by is None and status in ("open", "overdue")


LINE = _rec("open", "Harbourside Line", "expected", D(2025, 2, 3), None,
            "The Harbourside Line, a nine-station tram line from Eastport to Millbank, will open to passengers by the "
            "end of the year, the transport minister said.", ("Harbourside Line", "Eastport", "Millbank"),
            deadline=D(2025, 12, 31))
OTHER_LINE = _rec("open", "Singapore", "occurred", D(2025, 11, 10), D(2025, 11, 8),
                  "In better news for the builder, its three-station extension of the Kembangan Line in western "
                  "Singapore opened to passengers on Saturday, two months ahead of schedule.", ("Kembangan Line", "Singapore"))
FIRST_STAGE = _rec("open", "first stage", "occurred", D(2025, 11, 10), D(2025, 11, 8),
                   "The first stage of the Harbourside Line opened to passengers on Saturday, with hundreds queuing "
                   "at Eastport for the first tram.", ("Harbourside Line", "Eastport"))


@pytest.mark.parametrize(("why", "report"), [
    ("another named thing of the claim's kind: they share only 'open to passengers'", OTHER_LINE),
    ("the first part of a whole is partial progress, not the whole line", FIRST_STAGE),
])
def test_a_report_about_another_or_a_part_of_the_thing_settles_nothing(why: str, report: Record) -> None:
    status, by = _settled(LINE, [report])
    assert by is not report and status != "fulfilled"
