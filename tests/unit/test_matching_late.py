"""A report that the thing is late is no report that it happened, and a claim about another common thing is
another plan (session 5, the Lisbon Metro link): each rule with the cases it must change and one it must not."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.unit._mentions import record
from tracker.timeline._keys import late_borrowed
from tracker.timeline.followups import settle
from tracker.timeline.resolver import plan_block

D = date
BEHIND = ("Metropolitano de Lisboa said the red line extension to the terminal had fallen behind because of flooding "
          "in a tunnel shaft in December, and that it could not yet give a new opening date.")


@pytest.mark.parametrize("predicate, pclass, sentence, late", [
    ("flood", "open", BEHIND, True),
    ("storm", "launch", "The launch campaign is behind schedule after storms hit the pad in March, NASA said.", True),
    # negatives: a deed of the class itself, and a borrowed deed in a sentence that tells nothing late
    ("open", "open", "The first section opened in March, but the second section has fallen behind.", False),
    ("flood", "open", "Flooding in December damaged the tunnel shaft, the operator said before the opening.", False),
])
def test_a_borrowed_deed_told_late(predicate: str, pclass: str, sentence: str, late: bool) -> None:
    assert late_borrowed(predicate, pclass, sentence) is late


def _claim(anchor: str, published: date, due: date, sentence: str) -> object:
    rec = record("open", anchor.strip("~"), "scheduled", published, due)
    return replace(rec, sentence=sentence, own_key=f"open|{anchor}", keys=(f"open|{anchor}", "open|ana"))


def _report(predicate: str, published: date, day: date, sentence: str, modality: str = "occurred") -> object:
    rec = record(predicate, "ANA", modality, published, day)
    return replace(rec, sentence=sentence, own_key="open|~date", keys=("open|ana", "open|~date"))


RED_LINE = _claim("~line", D(2025, 9, 16), D(2026, 3, 29), "The red line extension will open at the same time.")


def test_a_deed_told_late_fulfils_nothing() -> None:
    flood = _report("flood", D(2026, 1, 20), D(2025, 12, 1), BEHIND)
    result = plan_block([RED_LINE, flood])
    assert [p.outcome for p in result.plans] == [None]
    assert settle(result.plans[0].records).status == "open"
    assert [flood] in result.events                       # still an event of its own (the flooding)


def test_an_opening_told_on_time_still_fulfils() -> None:   # negative: no late words, the deed of the class
    opened = _report("open", D(2026, 3, 30), D(2026, 3, 29), "The red line extension opened on Sunday.")
    result = plan_block([RED_LINE, opened])
    assert [p.outcome for p in result.plans] == [opened]


def test_a_claim_about_another_common_thing_is_another_plan() -> None:
    terminal = _claim("~terminal", D(2026, 2, 1), D(2026, 3, 29), "ANA said the terminal would open on March 29.")
    opened = _report("open", D(2026, 4, 13), D(2026, 4, 12), "The terminal opened on April 12.")
    plans = plan_block([RED_LINE, terminal, opened]).plans
    assert [(p.claims, p.outcome) for p in plans] == [([RED_LINE], None), ([terminal], opened)]


def test_a_restated_claim_about_the_same_thing_is_a_reschedule() -> None:   # negative: one plan
    again = _claim("~line", D(2026, 2, 1), D(2026, 6, 30), "The red line extension will now open in June.")
    plans = plan_block([RED_LINE, again]).plans
    assert [p.claims for p in plans] == [[RED_LINE, again]]
