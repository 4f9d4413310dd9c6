"""A hearing set, put off and held again is one thread: an event noun that 'will be held' keeps its own class
(the passive 'be held' lends none), so the new date joins the claim and the put-off (made-up sentences)."""
from __future__ import annotations

from datetime import date

from tests.unit._mentions import record
from tracker.timeline import settle
from tracker.timeline._keys import mention_class, mention_keys

D = date


def test_an_event_noun_that_is_held_keeps_its_class() -> None:
    s = "The coroner's inquest into the collapse of the Dunmore footbridge will now be held on Oct. 2 in Carlow."
    assert mention_class("inquest", s) == mention_class("inquest", "The inquest was put off.")
    assert mention_class("inquest", s) != mention_class("hold", s)


def test_held_far_from_the_noun_or_of_something_else_changes_nothing() -> None:
    # the noun is no subject of the passive: the old reading (borrowing) is kept
    s = ("The inquest heard from eleven witnesses, many of whom had travelled from abroad to give evidence "
         "about the collapse of the bridge, and a vigil will be held on Friday.")
    from tracker.timeline import _keys

    assert not _keys._held_subject("inquest", s)


def test_set_put_off_and_held_again_is_one_rescheduled_follow_up() -> None:
    claim_s = "The owner will appear before a Maritime Board hearing on May 14."
    moved_s = "The Maritime Board's hearing into the grounding of the Sea Lark will now be held on Sept. 8."
    k1 = mention_keys("hearing", "owner", ("Maritime Board", "Sea Lark"), claim_s, True)
    k2 = mention_keys("hearing", "Maritime Board", ("Maritime Board", "Sea Lark"), moved_s, True)
    assert k1[0].split("|")[0] == k2[0].split("|")[0]
    assert k2[0] in k1[1] or k1[0] in k2[1]          # they agree: one thread
    claim = record("hearing", "Maritime Board", "scheduled", D(2026, 3, 3), D(2026, 5, 14))
    put_off = record("hearing", "Maritime Board", "postponed", D(2026, 5, 11))
    moved = record("hearing", "Maritime Board", "scheduled", D(2026, 8, 4), D(2026, 9, 8))
    assert settle([claim, put_off, moved], as_of=D(2026, 6, 1)).status == "postponed"
    state = settle([claim, put_off, moved], as_of=D(2026, 8, 10))
    assert (state.status, state.deadline) == ("open", D(2026, 9, 8))
    assert [h.deadline for h in state.history if h.status == "open"] == [D(2026, 5, 14), D(2026, 9, 8)]
