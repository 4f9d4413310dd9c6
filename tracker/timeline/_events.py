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
from tracker.nlp._lexicon import load
from tracker.nlp._words import verb_form
from tracker.nlp.entities import is_place_name, looks_like_person
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
        pool = [r for r in happened if not r.untimed] or happened   # "after the bridge opened" has no day of its own
    else:
        dated = [r for r in recs if r.due is not None] or recs
        kind = recs[-1].modality if recs[-1].modality != "occurred" else "expected"
        pool = dated
    best = min(pool, key=lambda r: ((r.day_last - r.day_first).days, _neg(r)))
    value = best.time_value or best.day_first.isoformat()
    pclass, _, anchor = block_key.partition("|")
    return EventFields(_title(recs, best, pclass, anchor, kind), kind, pclass or best.predicate, value,
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


def _title(records: list[Record], best: Record, pclass: str, anchor: str, kind: str = "occurred") -> str:
    """How a person would head the entry. A class's noun title names what underwent the event
    ("Opening of Alder Harbour Bridge", "Launch of Artemis I"); when the anchor is the doer of a verb
    with an object, or the class has no noun title, the entry reads as a headline of the best
    mention: subject, verb (present for what happened, 'to' for what is ahead) and object ("Senate
    passes bill", "City to cut ferry fares", "Inspectors find faulty anchor cables")."""
    template = class_title(pclass)
    names = entities_of(records)
    display = {normalize_name(n): n for n in names}
    ahead = kind not in ("occurred", "ongoing")
    if template is None or not anchor:
        return _clip(_headline(best, display, ahead) or _tidy(best))
    if "{parties}" in template:
        display.update({normalize_name(strip_title(n)): strip_title(n) for n in names})
        parties = [display.get(p, p) for p in anchor.split("+")]
        parties = [p for p in parties if not is_place_name(p)            # where they meet is no party,
                   and p.split()[-1].lower() not in _DOCUMENTS            # nor what they discuss
                   and p.lower() not in _PRONOUNS]
        if not parties:
            return _clip(_headline(best, display, ahead) or _tidy(best))
        people = [p for p in parties if not is_country(p)] or parties
        return _clip(template.format(parties=_and(people)))
    if anchor.startswith("~") or not display.get(anchor):
        thing = object_of(pclass, best.sentence) or _bare(best.subject) or anchor.lstrip("~")
    else:
        thing = display[anchor]
    generic = "{verb}" in template.lower() or "{object}" in template or template.strip() == "{subject}"
    doer = bool(best.subject) and bool(_object_after(best.predicate, _untimed(best)) or _pronoun_after(best)) \
        or normalize_name(best.subject) == normalize_name(thing) and _people(thing)   # 'Passage of Marisol Chen'

    other = (_lemma(best.predicate.split()[0]) if best.predicate.split() else "") not in ("", pclass) \
        and normalize_name(best.subject) != normalize_name(thing)    # 'work on the span began': no 'Opening of'

    if (generic or (doer or other) and " of {subject}" in template) and (line := _headline(best, display, ahead)):
        return _clip(line)
    return _clip(_fill(template, thing, best, pclass))


_DOCUMENTS = frozenset({"bill", "act", "law", "treaty", "accord", "agreement", "deal", "plan", "budget", "policy"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "which", "themselves",
                       "itself", "himself", "herself", "there", "the"})
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s"})


def _headline(best: Record, display: dict[str, str], ahead: bool) -> str:
    """'Alder Harbour Bridge opens', 'Inspectors find faulty anchor cables', 'City to cut ferry fares',
    'Northern fleets to be allowed back': the best mention's subject, verb and object as a headline;
    empty when the mention has no verb or no subject to head it."""
    words = best.predicate.lower().split()
    if words and (found := _lemma(words[0])):
        words[0] = found                   # 'presented' -> 'present'
    verb = " ".join(words)
    subject = _bare(best.subject.strip().splitlines()[-1].strip() if best.subject.strip() else "")
    if words and re.search(r"\b[a-z]+ing$", subject):      # an event noun ('opening') as the doer: the noun
        subject = _noun_before(words[0], best.sentence)     # right before the verb ('after inspectors found')
    if not words or not _is_verb(words[0]) or not subject or subject.lower() in _PRONOUNS \
            or not any(ch.isalpha() for ch in subject) or re.search(r"\b[a-z]+ing$", subject):
        return ""                          # no subject, or an event noun ('opening', 'sentencing') as the doer
    if subject.split()[-1].lower().startswith(words[0][:4]):
        return ""                          # 'Strike strikes', 'delay to delay': the noun of the verb itself
    subject = display.get(normalize_name(subject), subject)
    subject = _head_of(subject, words[0], best.sentence)
    subject = subject[:1].upper() + subject[1:]
    participle = _passive(words[0], best.sentence)
    sentence = _untimed(best)
    thing = _object_after(verb, sentence, 4) or _named_after(verb, sentence, (*best.participants, *display.values()))
    if thing.lower() in (subject.lower(), best.subject.lower()) or thing.lower() in _ORDINALS:
        thing = ""                         # 'Career begins career', 'unveils first'
    particle = "" if thing else _particle_after(verb, sentence)
    tail = f" {thing}" if thing else f" {particle}" if particle else ""
    if participle:
        participle = " ".join([participle, *words[1:]])               # 'sworn in'
        return f"{subject} to be {participle}{tail}" if ahead else f"{subject} {participle}{tail}"
    if ahead:
        return f"{subject} to {verb}{tail}"
    if _plural(subject):
        return f"{subject} {verb}{tail}"
    return f"{subject} {' '.join([_third(words[0]), *words[1:]])}{tail}"


def _pronoun_after(rec: Record) -> bool:
    """'The FDA approved it on Friday': the verb acts on something named earlier."""
    word = _lemma(rec.predicate.split()[0]) if rec.predicate.split() else ""
    return bool(word) and re.search(rf"\b{_verb_re(word)}\s+(?:it|them)\b", rec.sentence, re.IGNORECASE) is not None


def _people(name: str) -> bool:
    """A person ('Marisol Chen') or a group of people ('members', 'governors'): the doer of a deed,
    never what a noun title names ('Passage of X', 'Release of X')."""

    words = name.split()
    if words and name.islower():
        return words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is")) and len(words) <= 3
    return looks_like_person(name)


def _named_after(verb: str, sentence: str, names: tuple[str, ...]) -> str:
    """A name right after the verb ('beat New Zealand', 'introduced the Digital Competition Bill')."""
    words = verb.split()
    head = _verb_re(words[0]) + "".join(rf"\s+{re.escape(w)}" for w in words[1:])
    match = re.search(rf"\b{head}\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?(?P<rest>[A-Z][^,.;:]*)", sentence)
    if not match:
        return ""
    rest = match.group("rest")
    return max((n for n in names if n and rest.startswith(n)), key=len, default="")


_ORDINALS = frozenset({"first", "second", "third", "last", "next", "new", "final", "latest", "initial"})
_PARTICLES = frozenset({"in", "out", "up", "down", "off", "back", "over", "away"})


def _particle_after(verb: str, sentence: str) -> str:
    """'sworn in on May 26', 'called off': a particle that ends the verb, not a preposition with an object."""
    words = verb.split()
    head = _verb_re(words[0]) + "".join(rf"\s+{re.escape(w)}" for w in words[1:])
    match = re.search(rf"\b{head}\s+(?P<p>[a-z]+)\b(?P<next>\s*[,.;:]|\s+\w+|\s*$)", sentence, re.IGNORECASE)
    if not match or match.group("p").lower() not in _PARTICLES:
        return ""
    nxt = match.group("next").strip().lower()
    return match.group("p").lower() if not nxt or not nxt[0].isalpha() or nxt in _STOP else ""


def _untimed(rec: Record) -> str:
    """The sentence with the mention's own time cut out, so no object runs into it ('collapsed two years ago')."""
    if rec.time_text and rec.time_text in rec.sentence:
        return re.sub(rf"(?:\s+(?:on|in|at|by|from|since|until|during|before|after|for|over|within|through|throughout|around|"
                      rf"towards?|into|of))?\s*{re.escape(rec.time_text)}", ",", rec.sentence, count=1)
    return rec.sentence


def _tidy(rec: Record) -> str:
    """A claim or sentence as a title: its first clause, without its time ('The Port Alder car ferry moved
    to a reduced summer timetable on Monday, with ...' -> 'Port Alder car ferry moved to a reduced summer
    timetable')."""
    text = rec.claim or rec.sentence
    if len(text.split()) < 2 and text and text in rec.sentence:     # a bare noun ('storms'): what it did
        text = rec.sentence[rec.sentence.index(text):]
    if rec.time_text:
        text = re.sub(rf"\s*\b(?:on|in|at|by|from|since|until|during)?\s*{re.escape(rec.time_text)}", "", text, count=1)
    text = re.split(r"[,;:(]|\s[-\u2013\u2014]\s", text, maxsplit=1)[0].strip()
    cut = re.search(r"\s(?:with|after|as|while|because|once|when|before|which|who|but)\s", text)
    if cut and len(text[:cut.start()].split()) >= 4:
        text = text[:cut.start()]
    text = _bare(text.strip().rstrip("."))
    return text[:1].upper() + text[1:] if text else (rec.claim or rec.sentence)


def _plural(subject: str) -> bool:
    """'governors', 'five coastal provinces', 'Socialists' take 'meet'; 'Arden Therapeutics' (a name of
    several words) and 'Norvane' take 'meets'."""
    words = subject.split()
    if "of" in words[1:]:                  # 'Shares of Pramaan Pay': the head is before 'of'
        words = words[:words.index("of", 1)]
    last = words[-1] if words else ""
    if not last.endswith("s") or last.endswith(("ss", "us", "is", "'s", "\u2019s")):
        return False
    return last[:1].islower() or len(words) == 1


def _head_of(subject: str, lemma: str, sentence: str) -> str:
    """'Work on the 640-metre span began ...': a subject that only ends a prepositional phrase opening the
    sentence keeps that phrase's head ('Work on span'), so the title does not say the span began."""
    match = re.match(rf"\s*(?P<head>[A-Z][a-z]+)\s+(?P<prep>on|of|at|for|in)\s+(?:(?:the|a|an|its|their)\s+)?"
                     rf"(?:[\w-]+\s+){{0,2}}?{re.escape(subject)}\s+(?:\w+\s+)?{_verb_re(lemma)}\b", sentence,
                     re.IGNORECASE)
    if not match or match.group("head").lower() in _STOP | _PRONOUNS or match.group("head") == subject.split()[0]:
        return subject
    return f"{match.group('head').lower()} {match.group('prep').lower()} {subject}"


def _noun_before(lemma: str, sentence: str) -> str:
    """The plural noun right before a past or present form of the verb ('after inspectors found ...'),
    else ''."""
    match = re.search(rf"\b(?P<noun>[a-z][a-z-]+s)\s+{_verb_re(lemma)}\b", sentence)
    return match.group("noun") if match and match.group("noun") not in _STOP | _PRONOUNS else ""


def _lemma(word: str) -> str:

    found = verb_form(word)
    return found[0] if found else ""


def _is_verb(word: str) -> bool:

    found = verb_form(word)
    if found is not None:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p.isalpha() for p in parts) and verb_form(parts[-1]) is not None


def _passive(lemma: str, sentence: str) -> str:
    """The participle of a passive use of the verb ('will be allowed back', 'was postponed'), else ''."""
    match = re.search(rf"\b(?P<be>\w+)\s+(?:(?:not|also|already|now|then|still|later|again)\s+)?(?P<verb>{_verb_re(lemma)})\b",
                      sentence, re.IGNORECASE)
    if not match or match.group("be").lower() not in _BE:
        return ""

    word = match.group("verb").lower()
    form = verb_form(word)
    return word if word != lemma and (form and form[1] == "past" or word.endswith(("en", "wn", "ne"))) else ""


def _verb_re(lemma: str) -> str:
    """Every form of a verb, irregular ones too ('find' -> found, 'meet' -> met, 'plan' -> planned)."""

    extra = sorted(form for form, base in load("verbs")["irregular"].items() if base == lemma)
    if len(lemma) > 2 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou":
        extra += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return "(?:" + "|".join([_forms_re(lemma), *map(re.escape, extra)]) + ")"


_THIRD = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def _third(verb: str) -> str:
    """The present third person singular of a base form: 'open' -> 'opens', 'reach' -> 'reaches'."""
    head, sep, last = verb.rpartition("-")
    word = last or verb
    if word in _THIRD:
        out = _THIRD[word]
    elif word.endswith(("s", "sh", "ch", "x", "z", "o")):
        out = word + "es"
    elif len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        out = word[:-1] + "ies"
    else:
        out = word + "s"
    return f"{head}{sep}{out}"


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


def _object_after(verb: str, sentence: str, limit: int = 3) -> str:
    """The lower-case noun phrase just after the verb, up to a preposition, a clause word or a name
    ('reached its destination around ...' -> 'destination'; 'cut ferry fares by ...' -> 'ferry fares')."""
    words = verb.split()
    if not words or not sentence:
        return ""
    head = _verb_re(words[0]) + "".join(rf"\s+{re.escape(w)}" for w in words[1:])
    match = re.search(rf"\b{head}\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?(?P<rest>[^,.;:]*)", sentence,
                      re.IGNORECASE)
    phrase: list[str] = []
    for word in (match.group("rest").split() if match else []):
        if not re.fullmatch(r"[a-z][a-z-]*", word) or word in _STOP:
            break
        phrase.append(word)
    return " ".join(phrase) if len(phrase) <= limit else ""


_STOP = frozenset({"by", "on", "in", "at", "to", "for", "of", "and", "or", "with", "before", "after", "within", "from",
                   "this", "next", "last", "later", "until", "around", "into", "onto", "toward", "towards", "through",
                   "over", "under", "about", "as", "than", "that", "which", "who", "when", "while", "again", "early",
                   "late", "is", "are", "was", "were", "will", "would", "has", "have", "had", "not", "during",
                   "despite", "amid", "ahead", "because", "once", "while", "without", "among", "between", "across",
                   "along", "behind", "beyond", "near", "per", "via", "but", "if", "unless", "where", "following",
                   "including", "like", "instead", "so", "since", "said", "says", "say", "it", "them", "him", "her",
                   "us", "me", "itself", "themselves", "do", "does", "did", "can", "could", "should", "may", "might",
                   "must", "be", "been"})


def _bare(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[1:] if words and words[0].lower() in ("the", "a", "an") else words)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
