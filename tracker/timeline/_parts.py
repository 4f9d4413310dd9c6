"""Claims that need every part of a whole, and the part a report covers.

"The government expects the bill to pass both houses of Parliament by the end of the year" is not
fulfilled when "The House of Representatives passed the bill": a careful reader counts one chamber
of two and waits for the other. A claim whose object is quantified ("both houses", "all three
races", "each of the 27 member states") needs reports covering as many distinct parts; each report
of one part is progress. Which part a report covers is its actor (the chamber that passed the bill)
unless the actor is the thing the claim is about ("The bill cleared the Senate": the Senate). A
report whose actor is the whole itself ("Parliament passed the bill") covers every part.

The quantifier words live in `data/parts.toml`; this module is the small engine that reads them.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tracker.timeline._lexicon import _forms, is_symmetric, normalize_name, normalize_predicate, predicate_class
from tracker.timeline._records import Record

DATA = Path(__file__).parent / "data" / "parts.toml"
_TOKEN = re.compile(r"[A-Za-z][\w'-]*|\d+")
_CLAUSE_END = re.compile(r"[,;:(]|\s-\s|\s\u2014\s")
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "this", "that", "which", "who"})


@dataclass(frozen=True, slots=True)
class Quantified:
    """What a claim needs: how many parts, and the whole they make when the claim names it."""

    parts: int = 1
    whole: str = ""


@dataclass(frozen=True, slots=True)
class _Table:
    reach: int
    quantifiers: dict[tuple[str, ...], int]
    numbers: dict[str, int]
    examples: tuple[dict[str, Any], ...]


@cache
def table() -> _Table:
    """The quantifier table (read once per process)."""
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    quantifiers = {tuple(k.lower().split()): int(v) for k, v in raw.get("quantifiers", {}).items()}
    numbers = {k.lower(): int(v) for k, v in raw.get("numbers", {}).items()}
    return _Table(int(raw.get("reach", 3)), quantifiers, numbers, tuple(raw.get("example", [])))


def quantified(claim: str, predicate: str) -> Quantified:
    """The parts a claim needs: `Quantified(2, "Parliament")` for "bill to pass both houses of Parliament".

    The quantifier must stand within `reach` words after the claim's verb, in the same clause, so a
    quantified subject ("Both leaders to meet") is an ordinary claim.
    """
    words = _TOKEN.findall(_CLAUSE_END.split(claim, maxsplit=1)[0]) if claim else []
    verb = _verb_index(words, predicate)
    if verb is None or is_symmetric(predicate_class(predicate)):
        return Quantified()               # "to meet both sides": the sides are the meeting's parties, not parts
    tab = table()
    for start in range(verb + 1, min(len(words), verb + 1 + tab.reach)):
        found = _quantifier_at(words, start, tab)
        if found is not None:
            return found
    return Quantified()


def _verb_index(words: list[str], predicate: str) -> int | None:
    head = normalize_predicate(predicate).split()
    if not head:
        return None
    for i, word in enumerate(words):
        if head[0] in _forms(word.lower()):
            return i
    return None


def _quantifier_at(words: list[str], start: int, tab: _Table) -> Quantified | None:
    """A quantifier starting at `start`, its count (number words read when it needs one) and the whole."""
    low = [w.lower() for w in words]
    for key, count in tab.quantifiers.items():
        end = start + len(key)
        if tuple(low[start:end]) != key:
            continue
        while end < len(low) and low[end] in _DETERMINERS:
            end += 1
        if count == 0:
            number = _number(low[end] if end < len(low) else "", tab)
            if number is None:
                return None
            count, end = number, end + 1
        if count < 2 or "and" in low[start + 1:end + 3]:  # "both the budget and the tax bill": two things, not parts
            return None
        return Quantified(count, _whole(words, end + 1))
    return None


def _number(word: str, tab: _Table) -> int | None:
    if word.isdigit():
        return int(word)
    return tab.numbers.get(word)


def _whole(words: list[str], after_noun: int) -> str:
    """'houses of Parliament' -> 'Parliament': the named whole after 'of' (capitalized words only)."""
    low = [w.lower() for w in words[after_noun:after_noun + 3]]
    if "of" in low:
        i = after_noun + low.index("of") + 1
        while i < len(words) and words[i].lower() in _DETERMINERS:
            i += 1
        name = []
        while i < len(words) and words[i][:1].isupper():
            name.append(words[i])
            i += 1
        return " ".join(name)
    return ""


def claim_needs(rec: Record) -> Quantified:
    """What a forward mention needs (its claim, else its sentence, is read)."""
    if not rec.forward:
        return Quantified()
    return quantified(rec.claim or rec.sentence, rec.predicate)


def part_of(rec: Record, claim: Record) -> str:
    """The part of the whole that a report of the deed covers ('' when it names none).

    Only a report whose own verb is of the claim's class counts (a verb the table does not know,
    classed by another word of its sentence, says nothing about a part).
    """
    pclass = predicate_class(claim.predicate)
    if predicate_class(rec.predicate) != pclass:
        return ""
    whole = normalize_name(claim_needs(claim).whole)
    if whole and normalize_name(rec.subject) == whole:
        return whole
    known = _names_of(claim)
    actor = _part_name(rec.subject, known)
    if actor:
        return actor
    low = rec.sentence.lower()
    verb_at = _verb_position(low, rec.predicate)
    after = sorted((low.find(p.lower(), verb_at), p) for p in rec.participants
                   if p and low.find(p.lower(), verb_at) >= 0)
    for _pos, name in after:
        part = _part_name(name, known)
        if part:
            return part
    return ""


def _names_of(claim: Record) -> set[str]:
    """What the claim is about: its subject and participants, by name and by head word."""
    names = {normalize_name(n) for n in (claim.subject, *claim.participants) if n}
    return names | {n.split()[-1] for n in names if n}


def _part_name(name: str, known: set[str]) -> str:
    key = normalize_name(name)
    if not key or key in _PRONOUNS or key in known or key.split()[-1] in known:
        return ""
    return key


def _verb_position(low: str, predicate: str) -> int:
    head = normalize_predicate(predicate).split()
    for match in re.finditer(r"[a-z][\w-]*", low):
        if head and head[0] in _forms(match.group()):
            return match.start()
    return 0


def covered(parts: Iterable[str], whole: str) -> int:
    """How many distinct parts the reports cover ('Senate' and 'Australian Senate' are one part); a
    report by the whole itself covers them all (returned as a large number)."""
    whole_key = normalize_name(whole) if whole else ""
    distinct: list[set[str]] = []
    for part in parts:
        if whole_key and part == whole_key:
            return 1 << 16
        words = set(part.split())
        if not any(words <= seen or seen <= words for seen in distinct):
            distinct.append(words)
    return len(distinct)
