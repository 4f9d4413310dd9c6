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
# A cue right after a determiner is an adjective ("a proposed merger", "Iran's scheduled parade").
_ADJECTIVAL = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our)|['’]s) (?:\w+-\w+ )?$", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:may|might|could|would|threaten(?:s|ed)? to|likely to)\b(?:\s+\w+){0,2}\s*$",
                    re.IGNORECASE)
_VAGUE_MODS = frozenset({"APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                         "START", "MID", "END"})


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load("cues")
    names = [*data["order"], "ongoing", "doubted", "committed", "hedged", "negated", "refused", "withheld",
             "revised", "until_inclusive", "late"]
    return {n: re.compile(r"(?<![\w'])(?:" + "|".join(data[n]) + r")(?![\w'])", re.IGNORECASE) for n in names}


def has_cue(name: str, text: str) -> re.Match[str] | None:
    """First match of cue class `name` in `text` (time expressions already blanked out); an
    intention or schedule word right after a determiner is an adjective ("a proposed merger",
    "Iran's scheduled parade"), or a noun ("its long-awaited offer to bondholders"), and does not count."""
    for m in _patterns()[name].finditer(text):
        if name not in ("weak", "strong") or not _ADJECTIVAL.search(text[max(0, m.start() - 24):m.start()]):
            return m
    return None


def cue_spans(name: str, text: str) -> list[tuple[int, int]]:
    """Where the cues of class `name` stand in `text` (start, end), every one, adjectives included."""
    return [m.span() for m in _patterns()[name].finditer(text)]


def is_precise(timex: Timex) -> bool:
    """A fixed day or clock time, not approximate and not a deadline: what 'scheduled' needs."""
    return bool(_PRECISE.match(timex.value)) and timex.mod not in _VAGUE_MODS and timex.deadline is None


def is_future(timex: Timex, dct: date) -> bool:
    """Ends on or after the document date, or is a deadline phrase."""
    end = timex.deadline or timex.last or timex.first
    return end is not None and end >= dct


_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our)|['’]s) $|\w-$", re.IGNORECASE)
_AS_PLANNED = re.compile(r"\bas (?:planned|scheduled|expected|announced|promised|forecast)\b", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad (?:been |already been |earlier been )?$", re.IGNORECASE)


def _attributive(text: str, m: re.Match[str]) -> bool:
    """A cue used as an adjective: 'the postponed summit', 'their long-delayed summit'."""
    return bool(_ATTRIBUTIVE.search(text[max(0, m.start() - 8):m.start()]))


_CHOICE = re.compile(r"\b(?:decision|whether|either|option|options|consider(?:s|ed|ing)?|propos(?:al|ed|es|ing)|"
                     r"plans? to|planning to|intends? to|wants? to|seeks? to)\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)


def _firm(name: str, text: str) -> bool:
    """A cue not hedged by a modal: 'was cancelled' counts, 'may be cancelled' does not; nor does an
    adjective ('their long-delayed summit' was held, not delayed), nor a choice or plan still open
    ('a decision to either sell, scrap or ...', 'plans to scrap the tax': nothing is called off yet)."""
    return any(not _hedged(text, m.start()) and not _attributive(text, m)
               and not _CHOICE.search(text[max(0, m.start() - 40):m.start()])
               for m in _patterns()[name].finditer(text))


# "would" reporting what someone announced is no hedge: "Okafor said the rollout to all other adults
# would also be delayed" (she announced a delay); "it would be cancelled if ..." stays conditional
# (the conditional class) and "could be delayed" stays a hedge.
_REPORTED_WOULD = re.compile(r"\b(?:said|says|told \w+|announced|announces|confirmed|confirms)\b(?: that)?"
                             r"[^,;]{0,80}?\bwould\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)


def _hedged(text: str, at: int) -> bool:
    """A modal hedges the cue at `at` (see `_firm`); a reported 'would' does not."""
    hedge = _HEDGE.search(text[max(0, at - 28):at])
    if hedge is None:
        return False
    return not (hedge.group().lower().startswith("would") and _REPORTED_WOULD.search(text[max(0, at - 120):at]))


_SLIP_TAIL = re.compile(r"^\s*(?:(?:to|until|till|into|for|as late as|as far as|at least|by|back)\s*)*$", re.IGNORECASE)


def _hedged_slip(scope: str) -> bool:
    """'The restart, planned for July, could slip to August', 'the hearing may be pushed back to the autumn':
    a hedged put-off whose target is the time itself (only a preposition between the cue and the time) is a
    guess, neither a new date nor a put-off; the plan keeps its date. A firm one ('slipped to August') is a
    reschedule as before, and the old date told before the hedge ('planned for July') is read as before."""
    return any(_hedged(scope, m.start()) and _SLIP_TAIL.match(scope[m.end():])
               for m in _patterns()["postponed"].finditer(scope))


def background_postponement(text: str) -> bool:
    """'The meeting had been put off in March': a past perfect postponement is background to a
    later report; it is neither a new date nor a new postponement."""
    return any(_PLUPERFECT.search(text[max(0, m.start() - 24):m.start()]) for m in _patterns()["postponed"].finditer(text))


_NEGATION_BREAK = re.compile(r"\b(?:and|but|or)\b|[,;]", re.IGNORECASE)
_NOT_UNTIL = re.compile(r"\b(?:until|till|before|after|earlier than|later than)\s*$", re.IGNORECASE)


def negated(before_time: str) -> bool:
    """The verb dated by the time that follows is negated ('did not meet the two sides on
    Wednesday', 'will not open this year'): the last negation cue (`cues.toml` `negated`) with no
    conjunction or comma between it and the time, and not 'not until / not before' (a date)."""
    last = None
    for m in _patterns()["negated"].finditer(before_time):
        last = m
    if last is None:
        return False
    tail = before_time[last.end():]
    return not _NEGATION_BREAK.search(tail) and not _NOT_UNTIL.search(tail)


def classify(scope: str, clause: str, near: str, timex: Timex | None, tense: str, dct: date,
             not_done: bool = False) -> str | None:
    """Modality, or None when the clause states a superseded plan (not an event of its own).

    `scope`: clause text up to the time and predicate; `clause`: the whole clause (for "if", and for
    a cancellation told after the time: "the match on Saturday was called off"); `near`: the few
    words before the time (for "had been scheduled"); all with times blanked. `not_done`: the
    dated verb is negated (see `negated`): it did not or will not happen at that time, `postponed`.
    """
    future = timex is not None and is_future(timex, dct)
    if has_cue("superseded", near) or background_postponement(clause) or has_cue("doubted", scope):
        return None
    scope = _patterns()["superseded"].sub(lambda m: " " * len(m.group()), scope)   # an old plan's cue is not ours
    scope = _AS_PLANNED.sub(lambda m: " " * len(m.group()), scope)    # "closed as planned": it happened
    clause = _AS_PLANNED.sub(lambda m: " " * len(m.group()), clause)
    if _hedged_slip(scope) and not has_cue("conditional", clause):
        return None                        # "could slip to the autumn": a hedge names no date of the plan
    denied, cancelled = _firm("denied", scope), _firm("cancelled", clause)
    if denied and (has_cue("cancelled", clause) or has_cue("postponed", clause)):
        return "scheduled" if timex is not None and _day(timex) else "expected"   # denied it was off
    if cancelled:
        return "cancelled"
    if denied:
        return "denied"
    if not_done and timex is not None:
        return "postponed"                 # "did not meet ... on Wednesday", "will not open this year"
    strong = False
    if _firm("postponed", clause):
        ahead = timex is not None and (timex.first or timex.last or dct) > dct
        if not ahead or not _firm("postponed", scope):
            return "postponed"             # put off with no new date, or this time is the old one
        strong = True                      # a reschedule: this time is the new date
    if has_cue("conditional", clause):
        return "conditional"
    if has_cue("weak", scope) or (timex is not None and timex.mod == "APPROX" and future and tense != "past"):
        return "expected"
    if strong and timex is not None:
        return "scheduled" if _day(timex) else "expected"
    if has_cue("strong", scope) or tense == "future":
        return "scheduled" if timex is not None and is_precise(timex) else "expected"
    return _by_tense(tense, timex, future, scope, dct)


def _by_tense(tense: str, timex: Timex | None, future: bool, scope: str, dct: date) -> str:
    if tense == "past":
        return "occurred"
    if future and timex is not None and timex.deadline is not None:
        return "expected"                 # "heading toward Fiji within the next two days"
    if future and timex is not None and (timex.first or timex.last or dct) > dct:
        return "scheduled" if is_precise(timex) else "expected"
    if tense == "progressive" or has_cue("ongoing", scope):
        return "ongoing"
    return "occurred" if not future else "ongoing"


def _day(timex: Timex) -> bool:
    """A precise day, even when the tagger reads it as a bound ('delayed until May 2')."""
    return bool(_PRECISE.match(timex.value)) and timex.mod not in _VAGUE_MODS
