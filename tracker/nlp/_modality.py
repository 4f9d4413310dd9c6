"""Modality of a mention from cue lexicons (`data/cues.toml`) and the tense of its verb.

The cue classes are tried in a fixed order: cancelled, denied, postponed, conditional,
superseded (an old plan: the mention is dropped), weak (expected/planned), strong (fixed:
scheduled when the date is a precise day, expected otherwise). Without cues the tense decides:
past -> occurred, present progressive -> ongoing, present with a future date -> scheduled/expected.
A postponement that names a new date is a reschedule: it reads as a strong cue on the new date.
"""
from __future__ import annotations

import re
from datetime import date
from functools import cache

from tracker.nlp._lexicon import load
from tracker.nlp.temporal._types import Timex

_PRECISE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_VAGUE_MODS = frozenset({"APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                         "START", "MID", "END"})


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load("cues")
    names = [*data["order"], "ongoing"]
    return {n: re.compile(r"(?<![\w'])(?:" + "|".join(data[n]) + r")(?![\w'])", re.IGNORECASE) for n in names}


def has_cue(name: str, text: str) -> re.Match[str] | None:
    """First match of cue class `name` in `text` (time expressions already blanked out)."""
    return _patterns()[name].search(text)


def is_precise(timex: Timex) -> bool:
    """A fixed day or clock time, not approximate and not a deadline: what 'scheduled' needs."""
    return bool(_PRECISE.match(timex.value)) and timex.mod not in _VAGUE_MODS and timex.deadline is None


def is_future(timex: Timex, dct: date) -> bool:
    """Ends on or after the document date, or is a deadline phrase."""
    end = timex.deadline or timex.last or timex.first
    return end is not None and end >= dct


def classify(scope: str, clause: str, near: str, timex: Timex | None, tense: str, dct: date) -> str | None:
    """Modality, or None when the clause states a superseded plan (not an event of its own).

    `scope`: clause text up to the time and predicate; `clause`: the whole clause (for "if");
    `near`: the few words before the time (for "had been scheduled"); all with times blanked.
    """
    future = timex is not None and is_future(timex, dct)
    if has_cue("superseded", near):
        return None
    scope = _patterns()["superseded"].sub(lambda m: " " * len(m.group()), scope)   # an old plan's cue is not ours
    denied, cancelled = has_cue("denied", scope), has_cue("cancelled", scope)
    if denied and (has_cue("cancelled", clause) or has_cue("postponed", clause)):
        return "scheduled" if timex is not None and is_precise(timex) else "expected"   # denied it was off
    if cancelled:
        return "cancelled"
    if denied:
        return "denied"
    strong = False
    if has_cue("postponed", scope):
        if not future:
            return "postponed"
        strong = True
    if has_cue("conditional", clause):
        return "conditional"
    if has_cue("weak", scope) or (timex is not None and timex.mod == "APPROX" and future):
        return "expected"
    if strong or has_cue("strong", scope) or tense == "future":
        return "scheduled" if timex is not None and is_precise(timex) else "expected"
    if tense == "past":
        return "occurred"
    if future and timex is not None and timex.deadline is not None:
        return "expected"                 # "heading toward Fiji within the next two days"
    if future and timex is not None and (timex.first or timex.last or dct) > dct:
        return "scheduled" if is_precise(timex) else "expected"
    if tense == "progressive" or has_cue("ongoing", scope):
        return "ongoing"
    return "occurred" if not future else "ongoing"
