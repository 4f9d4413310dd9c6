"""A call-off or postponement cue belongs to its own clause: the verb of an 'after' (because,
since, when...) clause that follows it reports what happened, with its own time (end to end with
the real tagger). The main clause keeps its reading."""
from __future__ import annotations

from datetime import date

from tracker.nlp.mentions import find_mentions

D = date.fromisoformat
TEXT = ("The opening of the Alder Harbour Bridge has been postponed to June 20 after inspectors found "
        "faulty anchor cables during load tests on Wednesday.")


def _by_time(text: str, dct: date) -> dict[str, list]:
    out: dict[str, list] = {}
    for m in find_mentions(text, dct):
        if m.timex is not None:
            out.setdefault(m.timex.text, []).append(m)
    return out


def test_the_after_clause_happened_on_its_own_day() -> None:
    got = _by_time(TEXT, D("2026-05-08"))
    assert got["Wednesday"] and all(m.modality == "occurred" and not m.forward for m in got["Wednesday"])


def test_the_main_clause_is_still_the_new_date_of_the_opening() -> None:
    got = _by_time(TEXT, D("2026-05-08"))
    assert got["June 20"] and all(m.forward and m.predicate == "open" for m in got["June 20"])


def test_a_call_off_after_a_comma_or_far_away_is_not_cut() -> None:
    text = "The summit was called off on Tuesday after the talks collapsed."
    got = _by_time(text, D("2026-05-08"))
    assert got["Tuesday"] and all(m.modality == "cancelled" for m in got["Tuesday"])
