"""Words of a sentence as the mention finder sees them: tokens, verb lemmas, event nouns.

No part-of-speech tagger (too slow and heavy for every article): a verb is a word whose form
reduces, by a few suffix rules or the irregular table (`data/verbs.toml`), to a known base, or an
inflected word right after an auxiliary ("was unveiled"). Event nouns ("launch", "visit",
"deployment") map to the predicate they name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker.nlp._lexicon import load, word_set

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’-]\w+)*|[,;:()\[\]—–\"“”]")
_E_STEMS = ("dg", "v", "c", "z", "u", "at", "ag", "as", "os", "ur")
_NOT_VERBS = frozenset("the not also now then still soon likely never only just probably certainly "
                       "definitely again be have".split())
_SUBJECT_PRONOUNS = frozenset("he she it who which that this".split())
_DETERMINERS = frozenset("the a an its his her their our this that these those new first final".split())
_VOWELS = re.compile(r"[aeiouy]+")
_CONSONANT_L = re.compile(r"[bcdfgkptz]l$")   # a stem that needs its final e back: "tabl", "bundl", "cycl"


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Word and clause-punctuation tokens, offsets shifted by `offset`."""
    return [Tok(m.start() + offset, m.end() + offset, m.group(), m.group().lower().replace("’", "'"))
            for m in _TOKEN.finditer(text)]


@cache
def _verbs() -> frozenset[str]:
    data = load("verbs")
    return frozenset(data["verbs"]) | frozenset(data["reporting"]) | frozenset(data["verb_only_cues"])


@lru_cache(maxsize=65536)
def verb_form(low: str) -> tuple[str, str] | None:
    """(base, form) for a known verb form, form in base|3sg|past|ing; None if not a known verb.
    A British -ise spelling of a verb listed as -ize is that verb ("finalised" -> finalize).
    Cached: a pure function of the word, asked about every token of every clause (61k calls per 250 articles)."""
    found = _verb_form(low)
    if found is None and _BRITISH.search(low):
        found = _verb_form(_BRITISH.sub(lambda m: "iz" + m.group(1), low))
    return found


_BRITISH = re.compile(r"is(e|ed|es|ing)$")


def irregular_base(low: str) -> str | None:
    """The base of an irregular form from the verb table ("sent" -> send), else None."""
    return load("verbs")["irregular"].get(low)


def undoubled(low: str, suffix: str) -> str | None:
    """The base of a form that doubled its last consonant before `suffix` ("scrubbed", "shipping" -> scrub,
    ship), else None; a doubled l or s is the base's own ("called", "stalled", "passed")."""
    stem = low[: -len(suffix)] if low.endswith(suffix) else ""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]
    return None


def _verb_form(low: str) -> tuple[str, str] | None:
    base = irregular_base(low)
    if base is not None:
        return base, ("3sg" if low.endswith("s") and low != base else "past" if low != base else "base")
    verbs = _verbs()
    if low in verbs:
        return low, "base"
    for suffix, form in (("ing", "ing"), ("ied", "past"), ("ies", "3sg"), ("ed", "past"), ("es", "3sg"),
                         ("s", "3sg")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 2:
            base = _base_candidates(low[: -len(suffix)], suffix)
            if base is not None:
                return base, form
    return None


def _base_candidates(stem: str, suffix: str) -> str | None:
    """The known base behind a stripped stem: 'arriv'+'e', 'plann'->'plan', 'appli'->'apply'."""
    options = [stem, stem + "e"]
    if suffix in ("ied", "ies"):
        options = [stem + "y"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        options.append(stem[:-1])
    return next((o for o in options if o in _verbs()), None)


def guess_form(low: str) -> tuple[str, str] | None:
    """Verb reading of an unknown word seen right after an auxiliary ('were evacuated')."""
    if low.endswith("ed") and len(low) > 4:
        stem = low[:-2]
        single = undoubled(low, "ed")
        if single:
            return single, "past"              # "scrubbed" -> scrub
        if stem.endswith("ll") and len(_VOWELS.findall(stem[:-2])) >= 2:
            return stem[:-1], "past"           # British "pencilled" -> pencil ("called", "stalled" keep ll)
        if _CONSONANT_L.search(stem):
            return stem + "e", "past"          # "tabled" -> table, "bundled" -> bundle
        return (stem + "e" if stem.endswith(_E_STEMS) else stem), "past"   # "hedged" -> hedge
    if low.endswith("ing") and len(low) > 5:
        return low[:-3], "ing"
    if low.isalpha() and len(low) > 2 and low not in _NOT_VERBS:
        return low, "base"
    if "-" in low and all(part.isalpha() for part in low.split("-")) and low.split("-")[-1] in _verbs():
        return low, "base"                 # "Engineers will load-test the deck"
    return None


def is_auxiliary(low: str) -> bool:
    return low in word_set("verbs", "auxiliaries")


def event_noun(toks: list[Tok], i: int) -> str | None:
    """Predicate named by an event noun at token i ('the launch of' -> launch), else None.

    A noun only counts with a determiner or possessive before it, or 'of'/'date' after it, and
    not as a modifier of another noun ('launch site').
    """
    nouns = load("verbs")["event_nouns"]
    low = toks[i].low
    if i and f"{toks[i - 1].low} {low}" in nouns:
        return nouns[f"{toks[i - 1].low} {low}"]    # "a public open day": a compound is a noun wherever it stands
    plural = low.endswith("s") and not low.endswith("ss") and (low in nouns or low[:-1] in nouns)
    if low not in nouns and plural:
        low = low[:-1]                              # "attacks", "elections"
    if low not in nouns:
        return None
    if plural and i and toks[i - 1].low not in _SUBJECT_PRONOUNS and not toks[i - 1].text[:1].isupper():
        return nouns[low]                           # "planned elections": a plural is no verb here
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if nxt in word_set("verbs", "modifier_heads"):
        return None
    prev = toks[i - 1].low if i else ""
    if i == 0 or not prev[:1].isalnum() or prev in _DETERMINERS or prev.endswith(("'s", "-day")) \
            or nxt in ("of", "date", "for") or (i > 1 and toks[i - 2].low in _DETERMINERS):
        return nouns[low]
    if _only_noun(low) and _adjective(toks[i - 1], initial=i == 1):
        return nouns[low]                           # "expects commercial operation", "a parallel civil lawsuit"
    return None


def is_compound_modifier(toks: list[Tok], i: int) -> bool:
    """The first word of a compound event noun ("open" in "a public open day") is no event of its own."""
    return i + 1 < len(toks) and f"{toks[i].low} {toks[i + 1].low}" in load("verbs")["event_nouns"]


def _only_noun(low: str) -> bool:
    """An event noun that is no verb form ("operation", "lawsuit"; not "test", "vote", "meeting"):
    nothing else it could be, so it needs no determiner to be read as a noun."""
    return verb_form(low) is None and low not in load("verbs")["irregular"].values()


def _adjective(tok: Tok, initial: bool = False) -> bool:
    """A plain lower-case modifier before a noun ("commercial", "civil"; capitalized only when it opens
    the sentence): no verb, auxiliary or function word."""
    low = tok.low
    return (tok.text.islower() or initial and tok.text[1:].islower()) and low.isalpha() and verb_form(low) is None and not is_auxiliary(low) \
        and low not in _NOT_MODIFIERS


_NOT_MODIFIERS = frozenset("of in on at by for from with to into about over and or but than as after before since "
                           "until during within without which who whom whose what that this these those there here "
                           "it they he she we you i me him them us not no also now then still soon very more most "
                           "such".split())


def phrasal(toks: list[Tok], i: int, base: str) -> tuple[str, int]:
    """Predicate of a verb at token i, folding a particle or light-verb object ('reach an agreement'
    -> agree, 'splash down' -> splash down); returns (predicate, index of the last token used)."""
    data = load("verbs")
    if i + 2 < len(toks) and f"{base} {toks[i + 1].low} {toks[i + 2].low}" in data["phrasal"]:
        return data["phrasal"][f"{base} {toks[i + 1].low} {toks[i + 2].low}"], i + 2   # "go on sale"
    if i + 1 < len(toks) and f"{base} {toks[i + 1].low}" in data["phrasal"]:
        return data["phrasal"][f"{base} {toks[i + 1].low}"], i + 1
    for j in (i + 1, i + 2):   # before a person: "receive SEBI's approval" is an approval, no meeting
        if j < len(toks) and f"{base} {_singular(toks[j].low)}" in data["light"]:
            return data["light"][f"{base} {_singular(toks[j].low)}"], j
        if j + 1 < len(toks) and f"{base} {toks[j].low} {_singular(toks[j + 1].low)}" in data["light"]:
            return data["light"][f"{base} {toks[j].low} {_singular(toks[j + 1].low)}"], j + 1   # "the green light"
    for j in range(i + 3, min(i + 5, len(toks))):    # "filed a parallel civil lawsuit": modifiers between
        if not all(toks[m].low in _DETERMINERS or _adjective(toks[m]) for m in range(i + 1, j)):
            break
        if f"{base} {_singular(toks[j].low)}" in data["light"]:
            return data["light"][f"{base} {_singular(toks[j].low)}"], j
    if base in data.get("with_person", {}) and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        return data["with_person"][base], i
    return base, i


def _singular(low: str) -> str:
    return low[:-1] if low.endswith("s") and not low.endswith("ss") and low != "talks" else low


def is_reporting(base: str) -> bool:
    return base in word_set("verbs", "reporting")


def is_cue(base: str) -> bool:
    return base in word_set("verbs", "cue_verbs")


def is_decision(base: str) -> bool:
    return base in word_set("verbs", "decision_verbs")
