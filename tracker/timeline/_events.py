"""An event's fields, derived from its mentions alone, so the final state ignores arrival order.

- kind: `occurred` (or `ongoing`) when any report says so; else the modality of the latest
  published forward mention (`scheduled`, `expected`, `postponed`, ...);
- value / start / end: among the mentions of that kind, the most precise time (shortest
  interval), ties to the latest published: "Saturday" beats "late December";
- title: the predicate class's title template with the block's anchor ("Launch of James Webb
  Space Telescope"), falling back to the best mention's claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.timeline._keys import _forms_re, object_of
from tracker.timeline._lexicon import class_title, is_country, normalize_name, predicate_class, strip_title
from tracker.timeline._records import Record


@dataclass(frozen=True, slots=True)
class EventFields:
    title: str
    kind: str
    predicate: str
    value: str
    start: date
    end: date
    entities: tuple[str, ...]


def describe_event(records: list[Record]) -> EventFields:
    """The event that these mentions (non-empty) report."""
    recs = sorted(records, key=lambda r: r.sort_key)
    block_key = _main_key(recs)
    happened = [r for r in recs if r.happened]
    if happened:
        kind = "ongoing" if all(r.modality == "ongoing" for r in happened) else "occurred"
        pool = happened
    else:
        dated = [r for r in recs if r.due is not None] or recs
        kind = recs[-1].modality if recs[-1].modality != "occurred" else "expected"
        pool = dated
    best = min(pool, key=lambda r: ((r.day_last - r.day_first).days, _neg(r)))
    value = best.time_value or best.day_first.isoformat()
    pclass, _, anchor = block_key.partition("|")
    return EventFields(_title(recs, best, pclass, anchor), kind, pclass or best.predicate, value,
                       best.day_first, best.day_last, entities_of(recs))


def _main_key(records: list[Record]) -> str:
    """The key most of the mentions are filed under (ties: the smallest), which names the event."""
    counts: dict[str, int] = {}
    for rec in records:
        counts[rec.own_key] = counts.get(rec.own_key, 0) + 1
    return min(counts, key=lambda k: (-counts[k], k)) if counts else ""


def _neg(rec: Record) -> tuple[float, int, int]:
    """Sort key that puts the latest-published first."""
    return (-rec.published_at.timestamp(), -rec.article_id, -rec.sentence_index)


def entities_of(records: list[Record]) -> tuple[str, ...]:
    """Every participant once (by normalized name), in a stable order."""
    seen: dict[str, str] = {}
    for rec in records:
        for raw in (*rec.participants, rec.subject):
            name = raw.strip().splitlines()[-1].strip() if raw.strip() else ""  # a name never spans lines
            key = normalize_name(name)
            if key and (key not in seen or len(name) > len(seen[key])):
                seen[key] = name
    return tuple(sorted(seen.values(), key=str.lower))


def _title(records: list[Record], best: Record, pclass: str, anchor: str) -> str:
    template = class_title(pclass)
    names = entities_of(records)
    display = {normalize_name(n): n for n in names}
    if template is None or not anchor:
        return _clip(best.claim or best.sentence)
    if "{parties}" in template:
        display.update({normalize_name(strip_title(n)): strip_title(n) for n in names})
        parties = [display.get(p, p) for p in anchor.split("+")]
        people = [p for p in parties if not is_country(p)] or parties
        return _clip(template.format(parties=_and(people)))
    if anchor.startswith("~") or not display.get(anchor):
        thing = object_of(pclass, best.sentence) or _bare(best.subject) or anchor.lstrip("~")
    else:
        thing = display[anchor]
    return _clip(_fill(template, thing, best, pclass))


def _fill(template: str, subject: str, best: Record, pclass: str) -> str:
    """The class's template with the mention's own words: a general verb's entry reads with that verb
    and what it acts on ("James Webb Space Telescope reaches destination", "Cut ferry fares"), never
    with one domain's event name."""
    verb = " ".join(best.predicate.lower().split())
    thing = ""
    if "{verb}" in template.lower() or "{object}" in template:
        if template.startswith("{Verb} ") or predicate_class(verb) != pclass:
            # what this verb acts on, not another verb's object; a verb that only borrowed the class
            # from a word of its sentence ('suspended its strike after reaching ...') says what it did
            thing = _object_after(verb, best.sentence)
            template = "{Verb} {object}" if thing else "{subject}: {verb}"
    if "{object}" in template:
        thing = _object_after(verb, best.sentence)
        if not thing:
            template = "{subject}: {verb}"
    return template.format(subject=subject, verb=verb, Verb=verb[:1].upper() + verb[1:], object=thing)


def _object_after(verb: str, sentence: str) -> str:
    """The lower-case noun phrase just after the verb, up to a preposition, a clause word or a name
    ('reached its destination around ...' -> 'destination'; 'cut ferry fares by ...' -> 'ferry fares')."""
    words = verb.split()
    if not words or not sentence:
        return ""
    head = _forms_re(words[0]) + "".join(rf"\s+{re.escape(w)}" for w in words[1:])
    match = re.search(rf"\b{head}\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?(?P<rest>[^,.;:]*)", sentence,
                      re.IGNORECASE)
    phrase: list[str] = []
    for word in (match.group("rest").split() if match else []):
        if not re.fullmatch(r"[a-z][a-z-]*", word) or word in _STOP:
            break
        phrase.append(word)
    return " ".join(phrase[:3]) if len(phrase) <= 3 else ""


_STOP = frozenset({"by", "on", "in", "at", "to", "for", "of", "and", "or", "with", "before", "after", "within", "from",
                   "this", "next", "last", "later", "until", "around", "into", "onto", "toward", "towards", "through",
                   "over", "under", "about", "as", "than", "that", "which", "who", "when", "while", "again", "early",
                   "late", "is", "are", "was", "were", "will", "would", "has", "have", "had", "not"})


def _bare(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[1:] if words and words[0].lower() in ("the", "a", "an") else words)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
