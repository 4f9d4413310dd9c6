"""Blocking keys and threads: which mentions may be one event, decided from the mentions alone.

A mention's *anchor* is the participant it is about: its subject, unless the subject only speaks
for it ("NASA said the launch of Webb ..." is about Webb), and for symmetric predicates (a meeting)
the set of all parties. Its *specifics* are the anchor plus every participant that is not a country
(countries never identify an event: "Japan" is in every Japanese story).

Two mentions of one predicate class *agree* when one's anchor is among the other's specifics:
"Artemis I to launch in February (with the SLS rocket and Orion)" and "the SLS rocket launched
Orion" agree through SLS; "Webb to launch" and "Artemis I to launch" do not, though NASA is in
both. A *thread* is a connected component of agreement; the resolver works thread by thread.
Components of a graph do not depend on the order its edges were found in, and the thread key
(the smallest anchor key in it) is a function of its members, so threads are order independent.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from pathlib import Path

from tracker.nlp._words import verb_form
from tracker.nlp.entities import find_entities
from tracker.timeline._lexicon import (
    _VERB_BEFORE,
    _forms, countries_are_parties, has_object_identity, is_country, is_framing, is_own_deed, is_place, is_symmetric, lexicon,
    normalize_name, normalize_predicate, places_identify, predicate_class, strip_title,
)

_VERBS = (r"(?:said|says|announced|announces|told|reported|confirmed|stated|added|set|sets|is\s+now\s+targeting|"
          r"are\s+now\s+targeting|is\s+targeting|are\s+targeting|targets|targeted|plans|planned)")
_OBJECT = (r"(?:(?:the|a|an|its|their|his|her|our|new)\s+)?(?P<np>(?!(?:is|are|was|were|be|been|will|would|has|have|had|"
           r"can|could|may|might|should|must|not|also|now|then|that|which|who|as)\b)(?:(?!by\b|on\b|in\b|at\b|to\b|for\b|of\b|and\b|"
           r"with\b|before\b|after\b|within\b|from\b|this\b|next\b|last\b|later\b|until\b)[\w-]+\s+){0,3}?"
           r"(?!(?:by|on|in|at|to|for|of|and|this|next|until|with|before|after|within|from|into|since|during|over|the|its|"
           r"their)\b)[a-z][\w-]*)"
           r"(?=\s+(?:by|on|in|at|before|after|within|to|for|from|this|next|last|later|until|with|the|its|their)\b|\s+[a-z]+ing\s+(?:the|a|an|its|their)\b|"
           r"\s*[,.;]|\s*$)")
WINDOW_DAYS = 400
_ADVERBS = frozenset({"again", "too", "also", "further", "back", "once", "soon", "now", "then", "today",
                      "yesterday", "instead", "later", "earlier", "still", "even", "ahead"})
_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "one", "some", "all", "more", "way"})
_WORD = re.compile(r"[a-z][a-z-]+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_DAYS = 400
_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "one", "some", "all", "more", "way"})
_WORD = re.compile(r"[a-z][a-z-]+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_STOP = frozenset("""that this with from have has had will would been were they their them there than then
when what which while about after before into over under also more most such only other some said says
according officials""".split())
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
# What may stand between a speaker and its verb: "and the European Space Agency", "on Wednesday", "now".
_GAP = (r"(?:\s+and\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?(?:\s+(?:on\s+)?" + _DAYS + r")?"
        r"(?:\s+(?:also|now|again|officially|has|have|had))?")
_AFTER = re.compile(_GAP + r"\s+(?i:" + _VERBS + r")\b")
_BEFORE = re.compile(r"\b(?:said|announced|told)\s+(?:on\s+\w+\s+)?(?:the\s+)?$", re.IGNORECASE)


def anchor_of(subject: str, participants: Sequence[str], sentence: str, pclass: str, forward: bool = False) -> str:
    """The participant a mention is about (normalized).

    A subject that is a common noun rather than a name ("the first science images") is no
    identity on its own: a claim about it is anchored at its head word (`~image`), which later
    reports match through the words of their sentences; a report about it falls back to the
    first named participant ("the rocket lifted off", Webb aboard).
    """
    parties = [p for p in participants if p]
    if is_symmetric(pclass):
        return "+".join(_parties(subject, parties, countries_are_parties(pclass), sentence)) or normalize_name(subject)
    if places_identify(pclass):
        where = [p for p in [subject, *parties] if p and is_country(p)] or [p for p in parties if is_place(p)]
        if where:
            return normalize_name(where[0])
    part = first_part_of(pclass, subject, sentence, parties)
    if part:
        return "~" + _head(part)
    named_thing = named_object_of(pclass, sentence, subject, parties)
    if named_thing:
        return normalize_name(named_thing)
    thing = object_of(pclass, sentence, parties)
    if thing:
        return "~" + _head(thing)
    if _is_common(subject, parties):
        named = [p for p in parties if not is_country(p)]
        passive, agent = passive_of(pclass, subject, sentence)
        if agent:
            return normalize_name(agent) if normalize_name(agent) in {normalize_name(p) for p in parties} \
                else "~" + _head(agent)
        if forward or not named or (passive and all(is_place(p) for p in named)):
            return "~" + _head(subject)
        return normalize_name(named[0])
    subj = _longest_alias(subject, parties)
    if subj and not is_speaker(subj, sentence):
        return normalize_name(subj)
    others = [p for p in parties if normalize_name(p) != normalize_name(subj) and not is_country(p)]
    return normalize_name(others[0]) if others else normalize_name(subj)


@cache
def _matching() -> dict:
    return tomllib.loads(_MATCHING.read_text(encoding="utf-8"))


_MATCHING = Path(__file__).parent / "data" / "matching.toml"
_TIME_WORDS = re.compile(r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s|"
                         r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)", re.IGNORECASE)


def passive_of(pclass: str, subject: str, sentence: str) -> tuple[bool, str]:
    """(passive?, agent) for a common-noun subject that is what was acted on: "power was restored to the last
    customers on Sept. 11" is passive with no agent, "power was restored by a rival utility" names its agent
    ("a rival utility"); "by Friday", "by 25 basis points", "by the end of May" are no agents. A passive report
    with no agent is about its subject ("~power"), so it meets the claim of whoever was to do it ("Gulf Coast
    Electric will restore power by Friday", which carries its object as a specific, see `specifics_of`)."""
    words = _ARTICLE.sub("", subject.strip())
    if not words or not sentence:
        return False, ""
    table = _matching()
    aux = "|".join(table["passive_auxiliaries"])
    lemmas = _lemmas(pclass) or [pclass]
    verbs = "|".join(_forms_re(lemma) for lemma in sorted(lemmas, key=len, reverse=True) if " " not in lemma)
    if not verbs:
        return False, ""
    match = re.search(rf"\b{re.escape(words)}\s+(?:(?:has|have|had|will|would|could|may|might)\s+)?"
                      rf"(?:(?:{aux})\s+)+(?:[a-z]+ly\s+)?(?:{verbs})\b", sentence, re.IGNORECASE)
    if not match:
        return False, ""
    by = re.match(r"(?:\s+[\w'-]+){0,6}?\s+by\s+(?P<agent>[^,;.]+)", _object_window_raw(sentence[match.end():]))
    if not by:
        return True, ""
    agent = re.split(r"\s(?:on|in|at|to|for|from|with|after|before|during|since|until|as|and|or)\s",
                     by.group("agent").strip() + " ")[0].strip()
    low = agent.lower()
    if _TIME_WORDS.match(agent) or any(low == w or low.startswith(w + " ") for w in table["not_agents"]):
        return True, ""
    named = re.match(r"(?:the\s+)?((?:[A-Z][\w.'-]*\s*)+)", agent)
    if named:
        return True, named.group(1).strip()
    return True, " ".join(agent.split()[:4])


def _object_window_raw(rest: str) -> str:
    """The phrase after a verb up to a clause boundary, case kept."""
    cut = re.search(r"[,;:.()\u2014]|\s(?:which|who|that|when|while|because|after|before|but)\s", rest)
    return rest[:cut.start()] if cut else rest


_FIRST_PART = re.compile(r"^(?:(?:the|its|their|his|her)\s+)?(?P<first>[a-z]+)\s+(?:(?P<n>\d+|[a-z]+)\s+)?(?P<noun>[a-z-]+)$")


def first_part_of(pclass: str, subject: str, sentence: str, parties: Sequence[str] = ()) -> str:
    """'the first six stations', 'the first stage' (of a line): the first part of a whole, told as the
    subject or, for classes whose object names the event, as the object ('opened its first six stations').

    Its opening is not the whole's: a claim or report about a first part is a thread of its own (the
    part's noun), never joined to the whole through the whole's name. A count ('six') or a noun of parts
    ('stage', 'section') makes it a part: 'the first science images' is no part of anything. The words
    are data (`first_part_words`, `part_nouns`, `count_words` in the predicate table)."""
    table = lexicon()
    phrases = [subject] if _is_common(subject, list(parties)) else []
    thing = object_of(pclass, sentence, parties)
    if thing:
        phrases.append(thing)
    for phrase in phrases:
        match = _FIRST_PART.match(" ".join(phrase.lower().split()))
        if not match or match.group("first") not in table.first_part_words:
            continue
        n, noun = match.group("n"), _singular(match.group("noun"))
        counted = n is not None and (n.isdigit() or n in table.count_words)
        if counted or (n is None and noun in table.part_nouns):
            return phrase
    return ""


def _counted(phrase: str) -> bool:
    """'the last five stations', '92 per cent of customers': a count of things, a part of a whole."""
    return any(w.isdigit() or w in lexicon().count_words for w in phrase.lower().split())


def _parties(subject: str, parties: list[str], countries: bool = False, sentence: str = "") -> list[str]:
    """Who meets: people and organisations by name (titles dropped), not places or common nouns.

    For a class whose parties may be national sides (a match), countries are parties too, when the
    sentence names them as countries in their own right ("New Zealand will host England"): a possessive
    ("at England's Fenmoor Festival"), a demonym ("hundreds of Australians") or a city's country is where.
    """
    names = [*([] if _is_common(subject, parties) else [subject]), *parties]
    wheres = _countries_as_places(sentence) if countries and sentence else frozenset()
    return sorted({normalize_name(strip_title(p)) for p in names
                   if p and (not is_place(p) or (countries and is_country(p) and normalize_name(p) not in wheres))}
                  - {""})


def _countries_as_places(sentence: str) -> frozenset[str]:
    """Countries the sentence names only as where something is: a possessive ("at England's Fenmoor Festival"),
    a demonym ("hundreds of Australians") or a city's country ("in Sydney"), never bare ("will host England").
    A country the sentence does not name (carried from the article) keeps its part."""

    bare: set[str] = set()
    other: set[str] = set()
    for e in find_entities(sentence):
        if e.kind == "country" and sentence[e.end:e.end + 2] not in ("'s", "\u2019s"):
            bare.add(normalize_name(e.name))
        elif e.kind == "country" or e.country:
            other.add(normalize_name(e.country or e.name))
    return frozenset(other - bare)


def object_of(pclass: str, sentence: str, parties: Sequence[str] = ()) -> str:
    """What is acted on, for classes where it names the event: 'passed the 2019 budget on ...' -> '2019 budget'.

    Only a lower-case noun phrase counts; a named thing is a participant and identifies itself.
    """
    if not has_object_identity(pclass) or not sentence:
        return ""
    for lemma in sorted(_lemmas(pclass), key=len, reverse=True):
        match = re.search(rf"\b{_forms_re(lemma)}\s+{_OBJECT}", sentence, re.IGNORECASE)
        np = match.group("np") if match else ""
        if np and np.lower() not in _PRONOUNS and not any(w[0].isupper() for w in np.split()):
            return np
    return _relative_object(pclass, sentence)


_REL_SUBJECT = r"(?:that\s+|which\s+)?(?:it|they|he|she|we)\s+(?:(?:has|have|had|will|would|just)\s+)?"
_REL_NOT = frozenset("""day days week weeks month months year years time times moment morning afternoon evening night
date way reason place""".split()) | _STOP


def _relative_object(pclass: str, sentence: str) -> str:
    """The object told before its verb, in a relative clause: 'according to the strategy review it released in
    Prague on Thursday' -> 'strategy review'. Only a lower-case noun phrase after a determiner with a pronoun as
    the clause's subject; a time ('on the day it launched') or a reporting verb ('the board said it') is none."""
    for lemma in sorted(_lemmas(pclass), key=len, reverse=True):
        match = re.search(rf"\b(?:the|a|an|its|their|his|her|this)\s+(?P<np>(?:[a-z][\w-]*\s+){{0,3}}?[a-z][\w-]*)\s+"
                          rf"{_REL_SUBJECT}{_forms_re(lemma)}\b", sentence)
        np = match.group("np") if match else ""
        if np and not any(w in _REL_NOT or w in _PRONOUNS for w in np.split()):
            return np
    return ""


def named_object_of(pclass: str, sentence: str, subject: str, parties: Sequence[str]) -> str:
    """A named participant just after the verb: 'SpaceX launched a batch of 52 Starlink satellites' -> 'Starlink'.

    For classes whose object names the event, the thing launched (not the company launching it)
    tells one launch from the next. Places and the subject itself do not count.
    """
    if not has_object_identity(pclass) or not sentence:
        return ""
    candidates = [p for p in parties if p and normalize_name(p) != normalize_name(subject) and not is_place(p)]
    if not candidates:
        return ""
    low = sentence.lower()
    for lemma in sorted(_lemmas(pclass), key=len, reverse=True):
        match = re.search(rf"\b{_forms_re(lemma)}\b", sentence, re.IGNORECASE)
        if not match:
            continue
        window = _object_window(low[match.end():])
        found = [(window.find(p.lower()), p) for p in candidates if p.lower() in window]
        if found:
            return min(found)[1]
    return ""


_PHRASE_END = re.compile(r"[,;:.()\u2014]|\s(?:on|in|at|after|before|by|to|from|with|as|until|since|during|when|"
                         r"while|because|and|but|which|who|that|toward|towards|into|onto|over|across|through|"
                         r"against|off|near|under|around|about|between|than|via|without)\s")


def _object_window(rest: str) -> str:
    """The object phrase just after the verb, up to ten words, running on through 'of' ('approve a higher dose
    of its older drug Corvexa') and 'for' ('released a software update for the Aero 5's navigation system' is
    the Aero 5's update) but never past a clause or a phrase of time or place ('did not reopen on Saturday as
    planned after a Coast Guard survey', 'launched the capsule toward the Moon')."""
    long = " " + " ".join(rest.split()[:10]) + " "
    cut = _PHRASE_END.search(long)
    return (long[:cut.start()] if cut else long).strip()


def _lemmas(pclass: str) -> list[str]:
    return [lemma for lemma, cls in lexicon().by_lemma.items() if cls == pclass and " " not in lemma]


def _forms_re(lemma: str) -> str:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return rf"(?:{re.escape(lemma)}|{re.escape(lemma)}s|{re.escape(lemma)}es|{re.escape(stem)}ed|{re.escape(stem)}ing)"


def _is_common(subject: str, parties: list[str]) -> bool:
    """'first science images', 'independent review board': lower case and not a named participant."""
    words = _ARTICLE.sub("", subject.strip())
    return bool(words) and words[0].islower() and normalize_name(subject) not in {normalize_name(p) for p in parties}


def _head(phrase: str) -> str:
    """The head noun of a phrase: its last word that is not an adverb ('interest rates again' -> 'rate')."""
    words = [w for w in _WORD.findall(phrase.lower()) if w not in _ADVERBS and not w.endswith("ly")]
    return _singular(words[-1]) if words else ""


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _longest_alias(subject: str, parties: list[str]) -> str:
    """'Webb' in a mention that also names 'James Webb Space Telescope' is the telescope."""
    key = normalize_name(subject).split()
    if not key:
        return subject
    n = len(key)
    longer = [p for p in parties if len(p) > len(subject) and any(
        normalize_name(p).split()[i:i + n] == key for i in range(len(normalize_name(p).split())))]
    return max(longer, key=len) if longer else subject


def is_speaker(subject: str, sentence: str) -> bool:
    """'NASA said ...', 'NASA on Wednesday set ...', 'said NASA': the subject only reports.

    Precompiled patterns applied around each occurrence of the name: no regex per name, so the cost
    does not depend on how many names the timeline holds.
    """
    if not sentence or not subject:
        return False
    low, name = sentence.lower(), subject.lower()
    pos = low.find(name)
    while pos >= 0:
        end = pos + len(name)
        bounded = (pos == 0 or not low[pos - 1].isalnum()) and (end == len(low) or not low[end].isalnum())
        if bounded and (_AFTER.match(sentence, end) or _BEFORE.search(sentence[:pos])):
            return True
        pos = low.find(name, pos + 1)
    return False


def specifics_of(subject: str, participants: Sequence[str], sentence: str, pclass: str, anchor: str,
                 forward: bool = False) -> tuple[str, ...]:
    """The anchor and every non-country participant except a speaking subject; a report about a common
    noun anchored at a name of its sentence also carries its noun ("The first test tram ran on Brisbane's
    Riverside Line on Monday" is about test trams: `~tram`), which is what a claim about that noun is
    anchored at ("Test trams will start running next month"). A first part stands alone (see `first_part_of`)."""
    if is_symmetric(pclass) or places_identify(pclass):
        return (anchor,)
    parties = [p for p in participants if p]
    if anchor.startswith("~") and first_part_of(pclass, subject, sentence, parties):
        return (anchor,)
    speaker = normalize_name(subject) if is_speaker(subject, sentence) and normalize_name(subject) != anchor else ""
    speaker = speaker or _doer_of_named_object(pclass, subject, parties, sentence, anchor)
    common = _is_common(subject, parties)
    names = {normalize_name(p) for p in [*([] if common else [subject]), *participants] if p and not is_country(p)}
    head = _head(subject) if common else ""
    told = {"~" + head} if (head and not forward and not anchor.startswith("~") and not _counted(subject)
                            and head not in lexicon().generic_heads) else set()
    short = {acronym(n) for n in names - {speaker}} - {""}
    acted = {"~" + _head(thing)} if forward and not anchor.startswith("~") and (thing := claim_object(pclass, sentence)) \
        else set()
    return tuple(sorted((names - {speaker, ""}) | {anchor} | told | short | acted))


def claim_object(pclass: str, sentence: str) -> str:
    """What a claim's verb acts on, a lower-case noun phrase: "Gulf Coast Electric will restore power to all
    customers by Friday" -> "power". A claim carries it as a specific (`restore|~power`), which is what a
    passive report with no agent is anchored at ("power was restored to the last customers on Sept. 11")."""
    lemmas = _lemmas(pclass) or [pclass]
    for lemma in sorted(lemmas, key=len, reverse=True):
        if " " in lemma:
            continue
        match = re.search(rf"\b(?:to|will|would|could|can|may|might|should|must|shall|not|[a-z]+ly)\s+"
                          rf"{_forms_re(lemma)}\s+{_OBJECT}", sentence)
        np = match.group("np") if match else ""
        if np and np.lower() not in _PRONOUNS | _DETERMINERS and not _counted(np):
            return np
    return ""


def _doer_of_named_object(pclass: str, subject: str, parties: list[str], sentence: str, anchor: str) -> str:
    """The subject of a class whose object names the event, when the mention names that object by name: it is
    no identity of its own (a common object, "the Senate passed the law", keeps its doer: the noun alone
    identifies nothing). "The FDA on Friday approved Halcyon Bio's tepravir" and "the FDA will decide whether
    to approve the drug" are two approvals; through "FDA" they would meet (and through any third mention
    naming the FDA and no object, "the FDA approved it"). A mention that names no object keeps its subject, and
    so does one whose subject is not told before the verb ("the launch of the James Webb Space Telescope has been
    moved ...": the telescope is what is launched, whatever noun the sentence names later)."""
    if not has_object_identity(pclass) or not subject or _is_common(subject, parties) or anchor.startswith("~"):
        return ""
    doer = normalize_name(subject)
    if anchor == doer or normalize_name(named_object_of(pclass, sentence, subject, parties)) != anchor:
        return ""
    low = sentence.lower()
    verbs = [m for lemma in _lemmas(pclass) if " " not in lemma and (m := re.search(rf"\b{_forms_re(lemma)}\b", low))]
    at = low.find(subject.lower())
    if not verbs or not 0 <= at < min(m.start() for m in verbs):
        return ""                          # "the launch of the James Webb Space Telescope": no doer
    verb = min(verbs, key=lambda m: m.start())
    last = subject.lower().split()[-1]
    if re.search(rf"\b{re.escape(last)}\s+to\s+$", low[:verb.start()]):
        return ""                          # "expects the Digital Competition Bill to pass": what is passed
    return doer


_LINKS = frozenset({"and", "of", "the", "for", "&"})


def acronym(name: str) -> str:
    """'Australian Competition and Consumer Commission' -> 'accc': the short name news uses for it once
    introduced, so a mention naming the body in full meets one that names it by its initials."""
    words = [w for w in name.split() if w not in _LINKS]
    return "".join(w[0] for w in words) if len(words) >= 3 and all(w[:1].isalpha() for w in words) else ""


def mention_class(predicate: str, sentence: str, forward: bool = False) -> str:
    """The predicate's class; a predicate the table does not know takes the class of the first event
    word of the table in its sentence ("The launch of the Crew-5 mission has been moved": `launch`).

    A verb that names a deed of its own ("restart", "sentence", "test") keeps its own class: only a
    framing or light verb (`light_verbs` and the cue verbs: "moved", "resumed", "completed the move")
    or a word that is no known verb borrows one. Framing verbs of the sentence never lend their class
    ("Sentencing is set for May 15" is no `raise`; "will start running" is no opening).
    """
    pclass = predicate_class(predicate)
    phrase = _phrasal_class(predicate, sentence)
    if phrase:
        return phrase
    taker = _taking_class(predicate, sentence) or (_purpose_class(predicate, sentence) if forward else "")
    if taker:
        return taker
    governed = _governing_class(predicate, pclass, sentence)
    if governed:
        return governed
    if pclass in lexicon().classes or not sentence or is_own_deed(predicate, sentence) \
            or _put_off_object(predicate, sentence) or _held_subject(predicate, sentence):
        return pclass
    words = _WORD.findall(sentence.lower())
    for i, word in enumerate(words):
        known = predicate_class(word)
        if known in lexicon().classes and not is_framing(word) and not _time_position(words, i):
            return known
    return pclass


def late_borrowed(predicate: str, pclass: str, sentence: str) -> bool:
    """A deed that only borrowed its class from its sentence (`mention_class`), told in a sentence saying the
    thing is late (`cues.toml` late): "the red line extension had fallen behind because of flooding in a tunnel
    shaft in December, and ... could not yet give a new opening date" is a flooding in December, not an opening.
    Such a report settles no claim of the class it borrowed. A deed of the class itself ("opened in March,
    though the second phase has fallen behind") is still its deed."""
    from tracker.nlp._modality import cue_spans

    if not sentence or not pclass or predicate_class(predicate) == pclass:
        return False
    return bool(cue_spans("late", " ".join(sentence.split())))


_DETERMINERS = frozenset("the its their his her a an our this".split())
_OBJECT_OPEN = r"\s+(?:the|its|their|his|her|a|an|this)\s+(?:[\w-]+\s+){0,2}?"


_HELD = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:(?:now|also|still|instead|again|then)\s+)?held\b")


def _held_subject(predicate: str, sentence: str) -> bool:
    """An event noun that is held is that event: "The inquiry's hearing into the collision will now be held on
    Sept. 8" is the hearing moved (the class of `hearing`), not a `hold`; the passive "be held" names no deed of
    its own. The noun stands before the passive, in its subject (at most twelve words before it)."""
    key = normalize_predicate(predicate)
    if " " in key or is_framing(key):
        return False
    low = " ".join(sentence.lower().split())
    held = _HELD.search(low)
    if held is None:
        return False
    before = _WORD.findall(low[:held.start()])[-12:]
    return key in before or f"{key}s" in before


def _put_off_object(predicate: str, sentence: str) -> bool:
    """The event noun a put-off or call-off verb acts on is that event: "put off the restart of its No. 3
    reactor indefinitely after finding a fault" is the restart put off (the restart's class, not the class of
    "finding"), "postponed the sale of its stake" the sale. The noun follows the cue (`cues.toml` postponed,
    cancelled) after a determiner and at most two other words, and is a verb too (a deed of its own); a framing
    word ("the date") or a noun of no verb ("postponed her verdict", told as "deliver her verdict") is read as before."""
    from tracker.nlp._modality import cue_spans   # the cue lists are the mention finder's

    key = normalize_predicate(predicate)
    if " " in key or is_framing(key) or not verb_form(key):
        return False          # "postponed her verdict": a noun of no verb of its own ("deliver her verdict") borrows
    low = " ".join(sentence.lower().split())
    noun = re.compile(_OBJECT_OPEN + re.escape(key) + r"(?:s|es)?\b")
    return any(noun.match(low, end) for name in ("postponed", "cancelled") for _, end in cue_spans(name, low))


def _governing_class(predicate: str, pclass: str, sentence: str) -> str:
    """A predicate that stands in its sentence only as the noun ending the object of a verb of the table
    is what that verb does: 'will release its long-delayed monetary policy strategy review tomorrow' is a
    release (of a review), not a review. The verb must stand before a determiner opening the phrase, at
    most six words back; a predicate that also stands as a verb ('will review the report') keeps its class."""

    key = normalize_predicate(predicate)
    words = _WORD.findall(sentence.lower()) if sentence and " " not in key else []
    spots = [i for i, w in enumerate(words) if w == key]
    found = ""
    for i in spots:
        det = next((j for j in range(i - 1, max(i - 7, 0), -1) if words[j] in _DETERMINERS), 0)
        verb = words[det - 1] if det > 0 and not any(w in _VERB_BEFORE for w in words[det:i]) else ""
        cls = predicate_class(verb) if verb and verb_form(verb) else ""
        if not cls or cls == pclass or cls not in lexicon().classes or is_framing(verb):
            return ""
        found = found or cls
    return found


_POSITIONS = frozenset({"end", "start", "beginning", "middle", "close", "turn", "opening"})


def _time_position(words: list[str], i: int) -> bool:
    """'by the end of the year', 'since the start of September': a place in time, not an event."""
    return words[i] in _POSITIONS and i + 1 < len(words) and words[i + 1] == "of"


def _taking_class(predicate: str, sentence: str) -> str:
    """The class that claims a verb of completion in its own context: 'The acquisition is expected to
    close' is the deal closing (`acquire`), not a factory closing (`close`)."""
    table = lexicon()
    if not sentence:
        return ""
    key = normalize_predicate(predicate)
    taker = next((table.takes[f] for f in _forms(key) if f in table.takes), "")
    if not taker:
        return ""
    words = _WORD.findall(sentence.lower())
    return taker if any(predicate_class(w) == taker for w in words) else ""


_PURPOSE = re.compile(r"\bfor\s+(?:(?:a|an|the|their|his|her|its)\s+)?((?:[\w-]+\s+){0,2}[\w-]+)\b", re.IGNORECASE)


def _purpose_class(predicate: str, sentence: str) -> str:
    """A plan told as a trip whose purpose is an event of another class is that event: 'will visit
    Beijing next month for a summit with Zhao' is the summit (`meet`), settled when the summit is held."""
    table = lexicon()
    key = normalize_predicate(predicate)
    taker = next((table.takes_for[f] for f in _forms(key) if f in table.takes_for), "")
    if not taker or not sentence:
        return ""
    for match in _PURPOSE.finditer(sentence):
        if any(predicate_class(w) == taker for w in match.group(1).lower().split()):
            return taker
    return ""


def _phrasal_class(predicate: str, sentence: str) -> str:
    """A phrase of the table that starts with the predicate and stands in the sentence wins over the
    bare word: 'Romania goes to the polls' is an election, not a trip."""
    low = " ".join(sentence.lower().split())
    head = predicate.lower().split()[0] if predicate.split() else ""
    for lemma, cls in lexicon().by_lemma.items():
        words = lemma.split()
        if len(words) > 2 and words[0] == head and " ".join(words[1:]) in low:
            return cls
    return ""


def block_key(predicate: str, subject: str, participants: Sequence[str], sentence: str, forward: bool = False) -> str:
    """A mention's own key, `<predicate class>|<anchor>`."""
    pclass = mention_class(predicate, sentence, forward)
    return f"{pclass}|{anchor_of(subject, participants, sentence, pclass, forward)}"


def mention_keys(predicate: str, subject: str, participants: Sequence[str], sentence: str,
                 forward: bool = False, day: date | None = None, untimed: bool = False) -> tuple[str, tuple[str, ...]]:
    """(own key, keys of its specifics): the two indexed sides of the agreement test.

    A mention tied to one day also gets a *dated head key* (see `dated_key`); a deed told in passing with no
    time about a common noun gets an *untimed key* (see `untimed_key`).
    """
    pclass = mention_class(predicate, sentence, forward)
    anchor = anchor_of(subject, participants, sentence, pclass, forward)
    specifics = tuple(f"{pclass}|{s}" for s in specifics_of(subject, participants, sentence, pclass, anchor, forward))
    dated = dated_key(pclass, anchor, day)
    told = _told_common_key(pclass, subject, participants, anchor, day)
    part = _part_key(pclass, subject, participants, sentence, anchor, day)
    common = [k for k in ((dated if anchor.startswith("~") else ""), told) if k]
    from tracker.timeline._compat import compat_keys   # a cycle at import time otherwise

    compat = compat_keys(pclass, predicate, subject, participants, sentence, forward, anchor)
    keyed = untimed and anchor.startswith("~") and dated_key(pclass, anchor, date.min)   # a noun a dated key has
    loose = f"{pclass}|{anchor}{UNTIMED}" if keyed else ""
    return f"{pclass}|{anchor}", specifics + tuple(k for k in (dated, told, part, loose) if k) + tuple(
        t for k in common for t in _compound_keys(k)) + compat


def _compound_keys(key: str) -> tuple[str, ...]:
    """A closed compound is a case of its last noun: 'dockworkers returned on Saturday' is about workers
    ('Workers will return to the terminals on Saturday'). Only the common side of a dated key gets these
    (the same class, the same day); a name is never split. The tail and what stands before it are long
    enough to be words (five and four letters)."""
    head_part, _, rest = key.partition("|~")
    head, _, day = rest.partition("@")
    return tuple(f"{head_part}|~{head[i:]}@{day}" for i in range(4, len(head) - 4) if head[i:].isalpha())


def _part_key(pclass: str, subject: str, participants: Sequence[str], sentence: str, anchor: str,
              day: date | None) -> str:
    """`open|~riverside line^first@2025-08-16`: the first part of a named whole, on one day. "The first
    six stations of the Riverside Line will open on Saturday" and "The first stage of the Riverside Line
    opened on Saturday" are one opening, whatever noun names the part."""
    parties = [p for p in participants if p]
    if day is None or not anchor.startswith("~") or not first_part_of(pclass, subject, sentence, parties):
        return ""
    wholes = [p for p in ([subject] if not _is_common(subject, parties) else []) + parties
              if not is_place(p) and normalize_name(p)]
    whole = normalize_name(wholes[0]) if wholes else ""
    return f"{pclass}|~{whole}^first@{day.isoformat()}"


COMMON_SIDE = "*"   # marks a dated key given by a common noun whose mention is anchored elsewhere
UNTIMED = "^untimed"  # `open|~bridge^untimed`: a deed told in passing with no time ("after the bridge opened")


def untimed_base(key: str) -> str:
    """`open|~bridge` for the untimed key `open|~bridge^untimed`, else ''."""
    return key[: -len(UNTIMED)] if key.endswith(UNTIMED) else ""


def named_dated(key: str) -> tuple[str, date] | None:
    """(`open|~bridge`, day) for a named thing's dated key `open|~bridge@2026-06-20` (not a common side, not
    a part), else None: what an untimed deed about "the bridge" may be a report of."""
    if not is_dated_key(key) or key.endswith(COMMON_SIDE) or "^" in key:
        return None
    base, _, day = key.partition("@")
    try:
        return base, date.fromisoformat(day)
    except ValueError:
        return None


def dated_key(pclass: str, anchor: str, day: date | None) -> str:
    """`close|~bridge@2025-02-15`: the head noun of what a mention is about, with its one day.

    "The harbour bridge closed as planned at 10 p.m." names no bridge, yet a reader pairs it with
    "The Auckland Harbour Bridge will close at 10 p.m. on Saturday": same class, same kind of thing
    (the name's head is the report's noun) and the same day. The head of a name is its last word, or
    the word before "of" ("Port of Corpus Christi": a port; "Bank of Canada": a bank). Mentions sharing
    a dated key are one thread; without the day a common noun would tie every bridge of the year
    together. Meetings and elections are identified by their parties and places, not by a noun, and get none.
    """
    if day is None or not anchor or "+" in anchor or is_symmetric(pclass) or places_identify(pclass):
        return ""
    head = anchor[1:] if anchor.startswith("~") else name_head(anchor)
    return f"{pclass}|~{head}@{day.isoformat()}" if head.isalpha() and len(head) > 2 else ""


def name_head(name: str) -> str:
    """The noun a name is a case of: 'Auckland Harbour Bridge' -> 'bridge', 'Port of Corpus Christi' -> 'port'."""
    words = normalize_name(name).split()
    if "of" in words[1:-1]:
        return _singular(words[words.index("of", 1) - 1])
    return _singular(words[-1]) if words else ""


def _told_common_key(pclass: str, subject: str, participants: Sequence[str], anchor: str, day: date | None) -> str:
    """A report about a common noun anchored at a name of its sentence ("The port, which closed to vessel
    traffic at noon on Wednesday, will stay shut until the Coast Guard ...": anchored at the Coast Guard)
    is still about a port: its noun's dated key, marked as the common side (`...@2025-08-27*`), joins the
    named port that was to close that day, as a common-noun mention would."""
    if anchor.startswith("~") or not _is_common(subject, [p for p in participants if p]):
        return ""
    key = dated_key(pclass, "~" + _head(subject), day)
    return key + COMMON_SIDE if key and key.partition("@")[0] != f"{pclass}|~{name_head(anchor)}" else ""


def is_dated_key(key: str) -> bool:
    return "|~" in key and "@" in key


def dated_variants(key: str) -> tuple[str, str]:
    """A dated key's two sides (named and common), as stored: both are looked up."""
    base = key.rstrip(COMMON_SIDE)
    return base, base + COMMON_SIDE


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def is_word_key(key: str) -> bool:
    """A key of a common noun (`pass|~bill`): an identity only within WINDOW days."""
    return "|~" in key


def thread_records(items: Iterable[tuple[str, tuple[str, ...], date]]) -> list[str]:
    """The thread key of each (own key, specific keys, day) item: agreement's connected components.

    Named keys join unconditionally; common-noun keys join mentions at most WINDOW days apart
    (every parliament passes a bill now and then: those are not one thread).
    """
    items = list(items)
    union = _Union(len(items))
    by_own: dict[str, list[int]] = {}
    for i, (own, _keys, _day) in enumerate(items):
        by_own.setdefault(own, []).append(i)
    for own, members in by_own.items():
        _join_group(union, members, items, is_word_key(own))
    by_dated: dict[str, list[int]] = {}
    told: set[tuple[str, int]] = set()
    for i, (own, keys, day) in enumerate(items):
        for key in keys:
            if is_dated_key(key):
                base = key.rstrip(COMMON_SIDE)
                by_dated.setdefault(base, []).append(i)
                if key != base:
                    told.add((base, i))
            elif key != own and key in by_own:
                for j in by_own[key] if is_word_key(key) else by_own[key][:1]:
                    if not is_word_key(key) or abs((items[j][2] - day).days) <= WINDOW_DAYS:
                        union.join(i, j)
    for base, members in by_dated.items():
        _join_dated(union, members, items, {i for i in members if (base, i) in told})
    _join_untimed(union, items)
    return _thread_keys(union, items)


def _join_untimed(union: _Union, items: list[tuple[str, tuple[str, ...], date]]) -> None:
    """'Passenger numbers fell in the first week after the bridge opened' (no time: its day is the publication
    day) is a report of the one named bridge whose opening was told for a day in the WINDOW_DAYS before it
    ('Alder Harbour Bridge', head 'bridge'); with none, or two named bridges, it joins nothing. The caller
    loads every such candidate (`_store`), so the answer does not depend on which side arrived first."""
    named: dict[str, list[tuple[int, str, date]]] = {}
    for j, (own, keys, _day) in enumerate(items):
        if is_word_key(own):
            continue
        for key in keys:
            found = named_dated(key)
            if found:
                named.setdefault(found[0], []).append((j, own, found[1]))
    for i, (_own, keys, day) in enumerate(items):
        for key in keys:
            base = untimed_base(key)
            if not base:
                continue
            near = [(j, own) for j, own, when in named.get(base, ()) if 0 <= (day - when).days <= WINDOW_DAYS]
            if len({own for _j, own in near}) == 1:
                union.join(i, near[0][0])


def _join_dated(union: _Union, members: list[int], items: list[tuple[str, tuple[str, ...], date]],
                told: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """A mention about a common noun joins the named things of that noun on its day; two named things
    ('Auckland Harbour Bridge', 'Sydney Harbour Bridge') are not one because their nouns agree."""
    common = [i for i in members if is_word_key(items[i][0]) or i in told]
    for i in common:
        for j in members:
            union.join(i, j)


def _join_group(union: _Union, members: list[int], items: list[tuple[str, tuple[str, ...], date]], word: bool) -> None:
    if not word:
        for j in members[1:]:
            union.join(members[0], j)
        return
    ordered = sorted(members, key=lambda j: items[j][2])
    for a, b in zip(ordered, ordered[1:]):
        if (items[b][2] - items[a][2]).days <= WINDOW_DAYS:
            union.join(a, b)


def _thread_keys(union: _Union, items: list[tuple[str, tuple[str, ...], date]]) -> list[str]:
    """A component's key: its smallest named own key, else its smallest key `@` its first day (unique)."""
    named: dict[int, str] = {}
    word: dict[int, str] = {}
    first: dict[int, date] = {}
    for i, (own, _keys, day) in enumerate(items):
        root = union.find(i)
        first[root] = min(first.get(root, day), day)
        table = word if is_word_key(own) else named
        table[root] = min(table.get(root, own), own)
    roots = [union.find(i) for i in range(len(items))]
    return [named[r] if r in named else f"{word[r]}@{first[r].isoformat()}" for r in roots]
