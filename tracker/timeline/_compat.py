"""Compatible claims and reports: a report that settles a claim told in other words.

Threads join mentions of one class with one anchor ("Webb to launch" / "Webb lifted off"). News often
reports the outcome of a claim with another verb or another subject: "City council will vote on the
budget on Feb. 10" is settled by "Toronto city council approved a C$18.7 billion budget on Tuesday";
"expected to reach a pay deal" by "the two sides reached a provisional agreement on pay"; "would override
the veto on Feb. 25" is called off by "an attempt to overturn the veto failed". The relations are data
(`data/compat.toml`): which classes of claim a class of report settles, and which words in a report call
the claim off.

A mention of such a relation carries *compat keys* `=<relation>|<thing>` (stored with its other keys,
so blocking stays a lookup by key: `_store._neighbour_threads`), one per thing it names: the head noun of
its subject phrase ("Toronto city council" -> council), of its object ("a C$18.7 billion budget" ->
budget), or its subject's name. An open claim is settled by the earliest report of another thread that
shares a key and falls in the claim's window (`can_settle`); the report stays an event of its own thread.
This is a pure function of the two records, so the answer does not depend on arrival order.

Besides the listed relations, the general case (`family_keys`): a claim is settled by a report whose verb or
event noun is of its *derivational family* (WordNet 3.1 "+" links and shared synsets, generated into
`data/families.txt`: "deliver her ruling" / "ruled", "reassess" / "reviewed", "gave her consent" / "consents")
and that shares a noun or a name of the claim's clause. Such keys are `=~<family id>|<thing>`; the same guards
hold (window, another actor, another named object), and a report that says it is about another thing of the
kind ("a separate suspension", "in an unrelated case") carries none.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from tracker.nlp._words import verb_form
from tracker.timeline._lexicon import (
    is_country, is_place, is_symmetric, normalize_name, places_identify, predicate_class,
)

DATA = Path(__file__).parent / "data" / "compat.toml"
FAMILIES = Path(__file__).parent / "data" / "families.txt"
PREFIX = "="
FAMILY = "~"               # family keys are `=~<family id>|<thing>`
FAMILY_IDS = 4             # a word's first ids (its first sense and its links first; see the builder)
FAMILY_THINGS = 6          # at most this many things of a clause are keyed
COMMON = "-"               # a common noun among a family key's things ("-council"): never taken for a name
COMPAT_DAYS = 120          # blocking window around a mention's day (the store's query uses the same)
LATE_DAYS = 62             # a report this long after the deadline still settles the claim (late)
_AUX = frozenset("will would has have had is are was were be been could can may might should must shall "
                 "did does do to then also now not and or but who which that of in on at for with from by".split())
_NOT_THINGS = frozenset("""it them this that these those one some all more way day days week weeks month months
year years time times morning afternoon evening night today tomorrow yesterday cent percent per
otherwise stand part""".split())
_TIME_NAMES = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                         r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|"
                         r"Jul|Aug|Sept?|Oct|Nov|Dec)\b")
_OBJECT = re.compile(
    r"\s+(?:(?:down|up|off|out|on|for|over|about|into)\s+)?(?:(?:the|a|an|its|their|his|her|our|this|that)\s+)?"
    r"(?P<np>(?!(?:in|on|at|to|by|of|with|from|for|as|than|after|before|until|that|which|who|and|or)\b)"
    r"(?:[^\s,;:()]*[^\s,.;:()]\s+){0,4}?[a-z][a-z-]*)"
    r"(?=\s+(?:by|on|in|at|before|after|within|to|for|from|this|next|last|until|with|of|the|its|their|and|that|"
    r"which|who|when|as|because|but|if|unless|while)\b|\s+[a-z]+ing\s+(?:the|a|an|its|their)\b|\s*[,.;:]|\s*$)")


@dataclass(frozen=True, slots=True)
class Relation:
    name: str
    claims: frozenset[str]                 # classes of the claims it settles
    reports: frozenset[str]                # classes of the reports that settle them
    cancels: tuple[re.Pattern[str], ...]   # words in a report that call the claim off
    held_by: frozenset[str] = frozenset()  # claim verbs done by any outcome ("vote": a rejection is a vote held)


@cache
def relations() -> tuple[Relation, ...]:
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return tuple(Relation(r["name"], frozenset(r["claims"]), frozenset(r["reports"]),
                          tuple(re.compile(p) for p in r.get("cancels", [])), frozenset(r.get("held_by", [])))
                 for r in raw.get("relation", []))


@cache
def _things() -> dict[str, str]:
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return {w: name for name, words in raw.get("things", {}).items() for w in words}


def classes_of(pclass: str, predicate: str) -> frozenset[str]:
    """The mention's class and its predicate's own class ("override the veto" may borrow `raise` from "cut")."""
    return frozenset({pclass, predicate_class(predicate)} - {""})


def calls_off(claim_classes: frozenset[str], sentence: str) -> bool:
    """Does the sentence call off a claim of these classes ("withdrew its strike notice")?"""
    low = sentence.lower()
    return any(claim_classes & r.claims and any(p.search(low) for p in r.cancels) for r in relations())


def held_by_outcome(claim_predicate: str, claim_classes: frozenset[str], report_classes: frozenset[str]) -> bool:
    """Is a claim of this verb done by any report of its relation, a rejection too ("will vote on the agreement" /
    "members rejected the agreement")?"""
    verb = claim_predicate.lower().split()[0] if claim_predicate.split() else ""
    return any(verb in r.held_by and claim_classes & r.claims and report_classes & r.reports for r in relations())


def compat_keys(pclass: str, predicate: str, subject: str, participants: Sequence[str], sentence: str,
                forward: bool, anchor: str = "") -> tuple[str, ...]:
    """`=<relation>|<thing>` keys: claims by the relations that settle their class, reports by the relations
    whose outcome they are (or whose claim they call off)."""
    if not sentence or is_symmetric(pclass) or places_identify(pclass):
        return ()
    return tuple(sorted(set(_relation_keys(pclass, predicate, subject, participants, sentence, forward, anchor))
                        | set(family_keys(pclass, predicate, subject, participants, sentence, forward))))


def _relation_keys(pclass: str, predicate: str, subject: str, participants: Sequence[str], sentence: str,
                   forward: bool, anchor: str = "") -> tuple[str, ...]:
    classes = classes_of(pclass, predicate)
    low = sentence.lower()
    names: list[str] = []
    cancelled: list[re.Match[str]] = []
    for rel in relations():
        side = rel.claims if forward else rel.reports
        hits = [] if forward else [m for p in rel.cancels if (m := p.search(low))]
        if classes & side or hits:
            names.append(rel.name)
            cancelled += hits
    if not names:
        return ()
    things = things_of(predicate, subject, participants, sentence, _verbs_of(names))
    for match in cancelled:   # "the airline's cabin crew union withdrew its strike notice": who called it off
        things |= {_thing(w) for w in re.findall(r"[a-z][a-z-]+", low[max(0, match.start() - 40):match.start()])[-3:]
                   if w not in _AUX and w not in ("the", "a", "an", "its", "their")}
    if forward and any(rel.cancels for rel in relations() if rel.name in names):
        things |= _speakers(subject, participants, sentence)   # who threatened it may call it off
    if anchor and not anchor.startswith("~") and "+" not in anchor:
        things.add(anchor)    # the named thing the mention is anchored at ("its acquisition of Baltica Ferries")
    things -= {""}
    return tuple(sorted({f"{PREFIX}{n}|{t}" for n in names for t in things}))


def _verbs_of(names: list[str]) -> tuple[str, ...]:
    """Single-word verbs of the classes of these relations ("reach", "agree", "sign" for a deal)."""
    from tracker.timeline._keys import _lemmas

    classes = {c for r in relations() if r.name in names for c in r.claims | r.reports}
    return tuple(sorted({lemma for c in classes for lemma in _lemmas(c)} | classes))


def _speakers(subject: str, participants: Sequence[str], sentence: str) -> set[str]:
    """Names that speak for a claim ("The CFMEU said its members would walk off the job"): a threat is called off
    by whoever made it ("the CFMEU called off the stoppage")."""
    from tracker.timeline._keys import is_speaker

    return {normalize_name(p) for p in participants if p and p != subject and is_speaker(p, sentence)}


def things_of(predicate: str, subject: str, participants: Sequence[str], sentence: str,
              verbs: Sequence[str] = ()) -> set[str]:
    """What a mention is about, as a few words: its subject's head noun or name, and the head noun of the object
    of its predicate or of another verb of its relations ("reached an agreement in principle": the deal)."""
    from tracker.timeline._keys import _counted, _head, _is_common

    parties = [p for p in participants if p]
    out: set[str] = set()
    if subject and _is_common(subject, parties):
        out.add("" if _counted(subject) else _thing(_head(subject)))
    elif subject and not is_country(subject) and not is_place(subject):
        out.add(normalize_name(subject))
        out.add(_thing(_name_phrase_head(subject, sentence)))
    elif subject:
        out.add(_thing(_name_phrase_head(subject, sentence)))
    out.add(object_head(predicate, sentence))
    out |= {object_head(verb, sentence) for verb in verbs if " " not in verb}
    return out - {""}


def _name_phrase_head(subject: str, sentence: str) -> str:
    """'Toronto city council approved' -> council: the common nouns after a name, before the verb."""
    at = sentence.find(subject)
    if at < 0:
        return ""
    rest = re.sub(r"^['\u2019]s\b", "", sentence[at + len(subject):])
    nouns: list[str] = []
    for word in rest.split()[:4]:
        if not re.fullmatch(r"[a-z][a-z-]*", word) or word in _AUX or verb_form(word):
            break
        nouns.append(word)
    return nouns[-1] if nouns else ""


def object_head(predicate: str, sentence: str) -> str:
    """The head noun of the phrase just after the predicate's verb ('voted down a request for ...' -> request,
    'approved a C$18.7 billion budget on Tuesday' -> budget); no time ('approved on Tuesday')."""
    from tracker.timeline._keys import _forms_re

    words = predicate.lower().split()
    if not words:
        return ""
    verb = re.search(rf"\b{_forms_re(words[0])}\b", sentence, re.IGNORECASE)
    if not verb:
        return ""
    found = _OBJECT.match(sentence, verb.end())
    if not found or _TIME_NAMES.search(found.group("np")):
        return ""
    return _thing(found.group("np").split()[-1])


def _thing(word: str) -> str:
    from tracker.timeline._keys import _singular

    word = _singular(word.lower())
    return "" if word in _NOT_THINGS or len(word) < 3 else _things().get(word, word)


def compat_of(keys: Sequence[str]) -> frozenset[str]:
    return frozenset(k for k in keys if k.startswith(PREFIX))


def endpoints(first: date | None, last: date | None, deadline: date | None, published_on: date) -> list[date]:
    """The days blocking knows a mention by (as the store's window query: start, else publication; end; deadline)."""
    return [first or published_on] + [d for d in (last, deadline) if d is not None]


def in_window(a: Sequence[date], b: Sequence[date]) -> bool:
    """Are two mentions near enough to be looked up from either side? Some day of each lies within the window
    around the other's span (the store looks up with COMPAT_DAYS; 20 days spare for time zones)."""
    width = timedelta(days=COMPAT_DAYS - 20)

    def near(points: Sequence[date], span: Sequence[date]) -> bool:
        return any(min(span) - width <= p <= max(span) + width for p in points)

    return near(a, b) and near(b, a)


def settles_window(report_first: date, report_last: date, announced: date, deadline: date | None,
                   one_day: date | None, calls_off_claim: bool) -> bool:
    """A report settles an open claim when it is about the claim's time: not before the claim was announced
    (a day's slack), not more than a month after its deadline (late), and, for a claim of one fixed day
    ("vote at a special meeting on Feb. 10"), a deed on or after that day (another city's approval a week
    before is not it). A call-off may come any time before the day."""
    if report_last < announced - timedelta(days=1):
        return False
    if deadline is not None and report_first > deadline + timedelta(days=1 if calls_off_claim else LATE_DAYS):
        return False
    return calls_off_claim or one_day is None or report_last >= one_day


def other_actor(claim_names: Sequence[str], report_subject: str, report_parties: Sequence[str]) -> bool:
    """Is the report's subject someone the claim does not name? A name ("Ryanair's cabin crew called off their
    strike" against Lusavia's crew), or a place when the claim names another place ("Winnipeg's council approved
    its budget" against a claim about Toronto's). A common noun ("the two sides", "city council") or a country
    is nobody in particular: the things the two share decide."""
    from tracker.timeline._keys import _is_common

    if not report_subject or _is_common(report_subject, [p for p in report_parties if p]) or is_country(report_subject):
        return False
    from tracker.timeline._keys import acronym

    names = {normalize_name(n) for n in claim_names if n}
    names |= {acronym(n) for n in names} - {""}
    if normalize_name(report_subject) in names or acronym(normalize_name(report_subject)) in names:
        return False
    if is_place(report_subject):
        return any(is_place(n) and not is_country(n) for n in claim_names if n)
    return True


def other_thing(claim_names: Sequence[str], pclass: str, sentence: str, subject: str,
                parties: Sequence[str]) -> bool:
    """Does the report name, as what it acted on, a thing the claim does not name? "Hanil released a software
    update for the Aero 5's navigation system" is another car's update, not the one Hanil promised (for the Aero 7,
    which the claim does not even name): a named object identifies the event (`_keys.named_object_of`)."""
    from tracker.timeline._keys import acronym, named_object_of

    thing = named_object_of(pclass, sentence, subject, parties)
    if not thing or is_place(thing):
        return False
    names = {normalize_name(n) for n in claim_names if n}
    return normalize_name(thing) not in names and acronym(normalize_name(thing)) not in names


# --- the general case: reports in the words of the claim's derivational family -----------------------------------

@cache
def _family_table() -> dict[str, tuple[str, ...]]:
    """word -> family ids (`data/families.txt`, generated from WordNet 3.1; plain text, it parses in milliseconds)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in FAMILIES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *ids = line.split()
            out[word] = tuple(ids)
    return out


@cache
def _derived() -> dict:
    raw = tomllib.loads(DATA.read_text(encoding="utf-8")).get("derived", {})
    return {"support": frozenset(raw.get("support", [])), "held": frozenset(raw.get("held", [])),
            "outcomes": frozenset(raw.get("outcomes", [])),
            "others": tuple(re.compile(p) for p in raw.get("others", [])),
            "not_things": frozenset(raw.get("not_things", []))}


@cache
def _lemma_forms(word: str) -> tuple[str, ...]:
    from tracker.timeline._lexicon import _paraphrase_forms

    return tuple(_paraphrase_forms(word.lower()))


@cache
def family(word: str) -> frozenset[str]:
    """The family ids of a word and its forms ("ruled" -> rule, "rulings" -> ruling), with the word itself:
    "ruling" and "rule" share `rule.v4`, "reassess" and "review" share `reappraisal.n1`. Empty for a word the
    table leaves out (very general verbs: "make", "say")."""
    table = _family_table()
    for form in _lemma_forms(word.strip()):
        if form in table:
            return frozenset({form, *table[form][:FAMILY_IDS]})
    return frozenset()


_WHETHER = re.compile(r"\bwhether\s+(?:to\s+|(?:[\w'-]+\s+){0,4}?(?:to|should|would|will|could|can|she|he|it|they|we)\s+)"
                      r"(?P<verb>[a-z][a-z-]+)")


def families_of(predicate: str, sentence: str, forward: bool) -> frozenset[str]:
    """A mention's family ids: its predicate's; after a verb that names no deed of its own (`support`), the event
    noun's ("deliver her ruling": rule; "gave her consent": consent); in a claim, the verb of its "whether" clause
    ("will announce tomorrow whether she consents"); and `outcome` for a claim held whatever its result ("will
    vote on a resolution") and a report that is such a result ("backed a resolution", "turned down the bid")."""
    from tracker.timeline._lexicon import predicate_class

    low = predicate.lower().strip()
    if not low:
        return frozenset()
    head = low.split()[0]
    data = _derived()
    lemma = next((f for f in _lemma_forms(head) if f in data["support"] or f in data["held"]), head)
    fam = set(family(low) or family(head))
    if lemma in data["support"]:
        noun = _object_word(head, sentence)
        if noun:
            fam |= family(noun)
    if forward:
        found = _WHETHER.search(sentence.lower())
        if found:
            fam |= family(found.group("verb"))
        if lemma in data["held"]:
            fam.add("outcome")
    elif low in data["outcomes"] or lemma in data["outcomes"] or predicate_class(low) in data["outcomes"]:
        fam.add("outcome")
    return frozenset(fam)


def _find_verb(head: str, sentence: str) -> re.Match[str] | None:
    """The first word of the sentence whose lemma is the predicate's ("gave" for give, "ruled" for rule)."""
    from tracker.nlp._words import irregular_base

    for m in re.finditer(r"[A-Za-z][A-Za-z'-]*", sentence):
        low = m.group(0).lower()
        if low == head or head in _lemma_forms(low) or irregular_base(low) == head:
            return m
    return None


def _object_word(head: str, sentence: str) -> str:
    """The first noun after the verb ("delivered her ruling on Oct. 30" -> ruling; "gave her consent" -> consent)."""
    verb = _find_verb(head, sentence)
    if not verb:
        return ""
    words = re.findall(r"[a-z][a-z-]+", sentence[verb.end():verb.end() + 60])
    skip = (_AUX | {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "down", "up", "over", "out",
                    "off"} | _derived()["not_things"])
    return next((w for w in words if w not in skip), "")


_LEFT_STOP = re.compile(r"(?:[,;:()]|\b(?:that|which|who|and|but|after|before|because|while|if|unless)\b)", re.IGNORECASE)
_RIGHT_STOP = re.compile(r"(?:[,;:()!?]|\.(?:\s|$)|\b(?:that|which|who|because|but|while|if|unless|although|after|"
                         r"before|so)\b)", re.IGNORECASE)


def clause_things(predicate: str, subject: str, participants: Sequence[str], sentence: str) -> list[str]:
    """What a clause is about, most telling first: its subject's head or name and its object's head (`things_of`),
    then the nouns and names of its clause, up to eight words before its verb and ten after ("The Hokkaido
    prefectural assembly will vote on March 17 on a resolution backing the restart": assembly, resolution,
    restart). A gerund counts as its verb ("to restarting the reactor": restart). Common nouns are marked `-`, so
    that "Winnipeg city council" (-city) is never taken for a claim's name "City" (the resolver lets a shared
    name stand for the thing itself)."""
    from tracker.timeline._keys import _is_common

    parties = [p for p in participants if p]
    named = {normalize_name(p) for p in parties} | ({normalize_name(subject)} if subject and not _is_common(subject, parties) else set())
    out = [t if t in named else COMMON + t for t in sorted(things_of(predicate, subject, participants, sentence))]
    head = predicate.lower().split()[0] if predicate.split() else ""
    verb = _find_verb(head, sentence) if head else None
    if verb is None:
        return out[:FAMILY_THINGS]
    left = _LEFT_STOP.split(sentence[:verb.start()])[-1]
    right = _RIGHT_STOP.split(sentence[verb.end():])[0]
    window = " ".join(left.split()[-8:] + right.split()[:10])
    names = [p for p in participants if p and p in window]
    for name in names:
        window = window.replace(name, " ")
    skip = _AUX | _NOT_THINGS | _derived()["not_things"]
    for raw in re.findall(r"[A-Za-z][a-z-]+", window):
        word = raw.lower()
        if word in skip or len(word) < 4 or _TIME_NAMES.fullmatch(raw) or word.endswith(("ly", "ed")):
            continue
        if word.endswith("ing") and len(word) > 6:
            word = word[:-3]
        thing = _thing(word)
        if thing:
            out.append(COMMON + thing)
    out += [normalize_name(n) for n in names]
    return list(dict.fromkeys(t for t in out if t and t != COMMON))[:FAMILY_THINGS]


def family_keys(pclass: str, predicate: str, subject: str, participants: Sequence[str], sentence: str,
                forward: bool) -> tuple[str, ...]:
    """`=~<family id>|<thing>` keys: a claim meets a report of its derivational family that shares a thing of
    its clause. A report that says it is about another thing of the kind ("a separate suspension") has none."""
    if not forward and any(p.search(sentence.lower()) for p in _derived()["others"]):
        return ()
    fams = families_of(predicate, sentence, forward)
    if not fams:
        return ()
    things = clause_things(predicate, subject, participants, sentence)
    return tuple(f"{PREFIX}{FAMILY}{f}|{t}" for f in sorted(fams) for t in things)
