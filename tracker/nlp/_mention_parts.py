"""The parts of a mention besides its time and modality: tense, subject, participants, claim.

Kept apart from `mentions.py` so the orchestration stays short; every function reads one
sentence's `Context` and returns plain values.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tracker.nlp._clauses import SKIP, Clause, Pred, candidate, subject_head
from tracker.nlp._modality import background_postponement, has_cue
from tracker.nlp._words import Tok, event_noun, is_auxiliary, is_cue, is_reporting, verb_form
from tracker.nlp._lexicon import load, word_set
from tracker.nlp.entities import Entity, participant_names
from tracker.nlp.sentences import Sentence
from tracker.nlp.temporal._types import Timex

_DETS = frozenset("the a an its his her their our this that these those".split())
_SUBORD = frozenset("when if while whereas although though because unless that which who where whom whose".split())
_ADVERBS = frozenset("also not now still then just already soon reportedly".split())
_FUNCTION = frozenset("of in on at by for from with to into about over and or but as than near between among "
                      "after before since during through across against toward towards without within under".split())
_PRONOUNS = {"he": "person", "she": "person", "it": "topic", "they": "topic", "we": "speaker", "i": "speaker"}
_STOP_CLAIM = frozenset({",", ";", ":", "when", "if", "while", "after", "before", "by", "over"})
_PREPS = frozenset("in on at by over during from since until before after for within around".split())
_DURING = re.compile(r"\bduring (?:a|the|his|her|their|this|that) (?:(\w+)-day )?(visit|trip|tour|summit|talks|"
                     r"meeting|meetings|stay|conference)\b", re.IGNORECASE)
_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "2": 2, "3": 3, "4": 4, "5": 5}
_NOUN_TO_KEY = {"trip": "visit", "tour": "visit", "stay": "visit", "meetings": "meeting"}


@dataclass
class Context:
    text: str
    sent: Sentence
    toks: list[Tok]
    ents: list[Entity]
    in_timex: set[int]
    blocked: set[int]
    timexes: list[Timex]
    clauses: list[Clause]
    terms: dict[str, str] = field(default_factory=dict)   # head word -> quoted term of the article
    pair: tuple[str, ...] = ()     # who a pair-noun subject ("the two sides") stands for, set by subject()

    def with_conditions(self, clause: Clause) -> tuple[int, int]:
        """Span of a clause plus a following if/unless clause ('could be launched ... if they agree') or
        one right before it ('if inflation kept falling, the board would cut')."""
        end, start = clause.b, clause.a
        for c in self.clauses:
            if c.a == end and c.kind in ("if", "unless"):
                end = c.b
            if c.b == clause.a and c.kind in ("if", "unless"):
                start = c.a
        return self.toks[start].start, self.toks[end - 1].end

    def masked(self, start: int, end: int) -> str:
        """Article text [start, end) with time expressions blanked ("May" is then never the modal)."""
        chars = list(self.text[start:end])
        for t in self.timexes:
            for i in range(max(t.start, start), min(t.end, end)):
                chars[i - start] = " "
        return "".join(chars)


def token_span(toks: list[Tok], tx: Timex) -> tuple[int, int]:
    """First and last token index inside the time expression, (-1, -1) if none."""
    inside = [k for k, t in enumerate(toks) if tx.start <= t.start < tx.end]
    return (inside[0], inside[-1]) if inside else (-1, -1)


def tense(toks: list[Tok], clause: Clause, pred: Pred) -> str:
    """future | past | progressive | present, from the verb group at or before the predicate."""
    k = pred.index
    if pred.kind != "verb":
        k = next((j for j in range(pred.index - 1, clause.a - 1, -1)
                  if verb_form(toks[j].low) or is_auxiliary(toks[j].low)), -1)
        if k < 0:
            k = next((j for j in range(pred.index + 1, clause.b) if is_auxiliary(toks[j].low)
                      or verb_form(toks[j].low)), -1)
        if k < 0:
            return "present"
    window = [toks[j].low for j in range(max(clause.a, k - 3), k + 1)]
    if toks[k].low.endswith("ed") and not verb_form(toks[k].low) and "to" not in window[:-1]:
        return "past"
    if any(w in ("will", "'ll", "shall") for w in window):
        return "future"
    if any(w in ("was", "were", "had", "did") for w in window) or (
            any(w in ("has", "have") for w in window) and "been" not in window):
        return "past"
    forms = [verb_form(w) for w in window]
    passive = any(w in ("is", "are", "am", "be", "been", "to") for w in window)
    if forms[-1] and forms[-1][1] == "ing" and any(w in ("is", "are", "am") for w in window):
        return "progressive"
    if not passive and any(f and f[1] == "past" for f in forms):
        return "past"
    return "present"


def _canonical(e: Entity) -> str:
    return e.country if e.kind == "demonym" and e.country else e.name


def subject(ctx: Context, clause: Clause, pred: Pred, topic: tuple[str, ...],
            people: list[Entity]) -> tuple[str, str]:
    """(canonical subject, surface): the entity or noun after 'launch of', else the nearest entity
    before the predicate, else a pronoun's referent, else the subject noun phrase, else the topic.

    A pair noun as subject ('the two sides aim to sign', 'the two leaders agreed') keeps its words
    and leaves the two people named last in `ctx.pair`, for `participants` to add."""
    found = _subject(ctx, clause, pred, topic, people)
    ctx.pair = _pair(ctx, clause, found[0], people)
    return found


def _pair(ctx: Context, clause: Clause, subj: str, people: list[Entity]) -> tuple[str, ...]:
    """The two people a pair noun ('two sides', 'both leaders', from data/coreference.toml) stands for:
    the last two distinct people named before the clause, in this sentence or earlier ones."""
    words = subj.lower().split()
    if len(words) != 2 or words[0] not in ("two", "both") or words[1] not in word_set("coreference", "pairs"):
        return ()
    start = ctx.toks[clause.a].start
    names: list[str] = []
    for e in reversed(people + [e for e in ctx.ents if e.person and e.start < start]):
        if e.name not in names:
            names.append(e.name)
    return tuple(reversed(names[:2])) if len(names) >= 2 else ()


def _subject(ctx: Context, clause: Clause, pred: Pred, topic: tuple[str, ...],
             people: list[Entity]) -> tuple[str, str]:
    toks = ctx.toks
    if pred.kind == "noun" and (after := _after_noun(ctx, clause, pred)):
        return after
    if pred.kind == "verb" and pred.index >= 3 and toks[pred.index - 1].low == "to":
        k = pred.index - 2                 # "expects the bill to pass": the bill passes, not who expects
        while k > clause.a and toks[k].low not in _DETS and not verb_form(toks[k].low):
            k -= 1
        while toks[k].low in _DETS and k - 2 > clause.a and toks[k - 1].low == "and":
            k -= 2                         # "expects the government and its bondholders to reach"
            while k > clause.a and toks[k].low not in _DETS and not verb_form(toks[k].low):
                k -= 1
        vf = verb_form(toks[k - 1].low) if toks[k].low in _DETS and k > clause.a else None
        if vf and is_cue(vf[0]) and vf[1] in ("past", "3sg", "base"):
            inner = _subject(ctx, Clause(k, clause.b, "that"), pred, topic, people)
            if inner[0]:
                return inner
    if pred.kind == "verb" and (ante := _antecedent(ctx, clause, pred)) is not None:
        return ante                        # "a fair deal for the northern fleets, which will be allowed back"
    said = next((k for k in range(pred.index - 2, clause.a - 1, -1) if (vf := verb_form(toks[k].low))
                 and is_reporting(vf[0]) and vf[1] in ("past", "3sg") and _reported(ctx, k) < pred.index
                 and toks[_reported(ctx, k)].low in _DETS | {"it", "they", "he", "she", "we"}), None)
    if said is not None:       # "Berg said the company expects to return ...": the claim is about the company
        return _subject(ctx, Clause(_reported(ctx, said), clause.b, "that"), pred, topic, people)
    start, stop = _subject_window(ctx, clause, pred)
    cut = max((k + 1 for k in range(start, stop) if toks[k].low == "," and k not in ctx.in_timex), default=start)
    while cut - 2 >= start and toks[cut - 1].low == "," and _entity_at(ctx, toks[cut - 2]) is not None \
            and _entity_at(ctx, toks[cut]) is not None \
            and any(toks[k].low in ("and", "or") for k in range(cut, stop)):  # "Voters in Portugal, Romania and Poland go": a list
        #                                   ("In Budapest, Hungary's central bank": no 'and', so no list)
        cut = max((k + 1 for k in range(start, cut - 1) if toks[k].low == "," and k not in ctx.in_timex),
                  default=start)
    before = [e for e in ctx.ents if toks[cut].start <= e.start < toks[stop].start]
    if not before and stop < pred.index and any(toks[k].low in _PRONOUNS for k in range(cut, stop)):
        if (ref := _pronoun(ctx, Clause(cut, stop, clause.kind), pred, topic, people)) is not None:
            return ref                     # "He will face Dan ... in a runoff": he runs, not Dan
    if not before and start > clause.a and (np := _np_before(toks, Clause(cut, stop, clause.kind), stop)):
        return np, np                      # "after a court annulled last year's election": the court
    if not before and cut > clause.a and pred.kind == "verb" and (np := _np_before(toks, clause, pred.index)):
        return np, np                      # "..., a federal judge ruled on Monday"
    if not before and cut > clause.a:      # "Abe, who arrived on Tuesday, met Xi": the clause's opening name
        comma = next((k for k in range(clause.a, cut) if toks[k].low == "," and k not in ctx.in_timex), cut)
        opening = [e for e in ctx.ents if toks[clause.a].start <= e.start < toks[min(clause.a + 3, cut)].start]
        if opening:                        # "Australian opposition leader Bill Shorten, speaking ...": Shorten
            first = [e for e in ctx.ents if toks[clause.a].start <= e.start < toks[comma].start]
            opening = [_group_head(ctx, first)] if first else opening
        if not opening and _bare_verb_group(ctx, clause, cut, pred) \
                and (np := _lowered(ctx, _noun_phrase(toks, clause, cut))).islower():
            return np, np                  # "Norvane's new factory in Ostrava, in the Czech Republic, will open"
        before = opening[:1] or [e for e in ctx.ents if toks[clause.a].start <= e.start < toks[pred.index].start]
    if before:
        e = _group_head(ctx, before)
        if (owned := _owned(ctx, e, before, pred)) is not None:
            return owned
        if _in_pp(ctx, e):
            np = _head_before_pp(ctx, e)   # "police in Nigeria arrested", "sales of heat pumps in Europe fell"
            if not np and (owner := _name_before_pp(ctx, e, before)) is not None:
                return _canonical(owner), owner.text   # "Highway 97 between Penticton and Summerland is"
            return (np, np) if np else (_canonical(e), e.text)
        if e.kind == "demonym" and (np := _after_demonym(ctx, e, stop)):
            return np, np                  # "European heat pump sales have recovered": the sales
        return _canonical(e), e.text
    if (ref := _pronoun(ctx, clause, pred, topic, people)) is not None:
        return ref
    if (who := _person_event(ctx, clause, pred, people)) is not None:
        return who                         # "Kariuki was taken into custody. Sentencing is set for May 15."
    closed = pred.kind == "verb" and stop < pred.index and toks[stop].low in ("that", "which", "who")
    np = (_np_around(toks, pred.index) if pred.kind == "noun" and _is_subject(toks, pred.index) else
          _np_before(toks, Clause(start, stop, clause.kind), stop) if closed else      # "The bridge that ... reopened"
          _np_before(toks, clause, pred.index) if pred.kind == "verb" else "")
    np = np or _noun_phrase(toks, clause, clause.b if pred.kind == "np" else pred.index + (pred.kind != "verb"))
    if np and np[:1].isupper() and np.split()[0] not in ctx.text[ctx.sent.end:]:
        np = np[0].lower() + np[1:]
    if np:
        term = ctx.terms.get(np.split()[-1].lower())
        return (term, term) if term else (np, np)     # "the envisaged dialogue" -> innovation dialogue
    return (topic[0], topic[0]) if topic else ("", "")


def _person_event(ctx: Context, clause: Clause, pred: Pred, people: list[Entity]) -> tuple[str, str] | None:
    """'Sentencing is set for May 15': a bare event that happens to one person (`person_events` of
    data/coreference.toml), opening its clause with no determiner or owner, is that of the person
    named last before it (this sentence or earlier ones); 'the sentencing of X' and 'Wanjiru's
    sentencing' name their own."""
    toks = ctx.toks
    if pred.kind != "noun" or pred.index != clause.a or toks[pred.index].low not in word_set("coreference",
                                                                                          "person_events"):
        return None
    start = toks[pred.index].start
    named = people + [e for e in ctx.ents if e.person and e.start < start]
    return (named[-1].name, named[-1].text) if named else None


def _antecedent(ctx: Context, clause: Clause, pred: Pred) -> tuple[str, str] | None:
    """', which will be allowed back to sea in June', 'The shed, which was completed in June': the
    subject of a relative clause whose verb follows 'which/who' (only auxiliaries and adverbs
    between) is its antecedent, the name or noun phrase right before the comma; 'which' as an
    object ('the deal, which Chen recommended') is left to the usual rules."""
    toks = ctx.toks
    k = pred.index - 1
    while k > clause.a and (is_auxiliary(toks[k].low) or toks[k].low in _ADVERBS):
        k -= 1
    if k > clause.a + 1 and toks[k].low == "who" and toks[k - 1].text.islower() and _nounish(toks, k - 1) \
            and toks[k - 1].low.endswith("s") and _entity_at(ctx, toks[k - 1]) is None:
        words = []                         # "thanked the crews who replaced the faulty cables": the crews
        j = k - 1
        while j >= clause.a and _nounish(toks, j) and toks[j].text.islower() and len(words) < 3:
            words.append(toks[j].text)
            j -= 1
        np = " ".join(reversed(words))
        return (np, np) if np else None
    if k <= clause.a or toks[k].low not in ("which", "who") or toks[k - 1].low != ",":
        return None
    e = next((e for e in ctx.ents if toks[k - 2].start <= e.start and e.end <= toks[k - 1].start), None) \
        if k >= 2 else None
    if e is not None and e.kind != "venue":
        return _canonical(e), e.text
    words: list[str] = []
    j = k - 2
    while j >= 0 and _nounish(ctx.toks, j) and toks[j].text.islower() and len(words) < 4:
        words.append(toks[j].text)
        j -= 1
    np = " ".join(reversed(words))
    return (np, np) if np else None


def _bare_verb_group(ctx: Context, clause: Clause, cut: int, pred: Pred) -> bool:
    """'X, in the Czech Republic, will open': only auxiliaries or adverbs stand between the last comma
    and the verb, and the clause opens with a noun phrase (not 'According to', 'Yesterday,', 'where')."""
    toks = ctx.toks
    first = toks[clause.a].low
    vf = verb_form(first)
    return cut < pred.index and all(is_auxiliary(toks[k].low) or toks[k].low in _ADVERBS
                                    for k in range(cut, pred.index)) \
        and first not in _OPENERS | {"where", "there", "how", "what", "according"} and clause.a not in ctx.in_timex \
        and (vf is None or first in _DETS) and not first.endswith("ing")


def _lowered(ctx: Context, np: str) -> str:
    """A noun phrase that opens the sentence, its capital dropped unless the word is a name used
    later in the article ('Sales of heat pumps' -> 'sales of heat pumps'... 'sales')."""
    if np[:1].isupper() and np.split()[0] not in ctx.text[ctx.sent.end:]:
        return np[0].lower() + np[1:]
    return np


def _after_demonym(ctx: Context, e: Entity, stop: int) -> str:
    """The common noun phrase a demonym qualifies, right up to the verb: 'European heat pump sales'
    -> 'heat pump sales'; empty when a name or anything else follows ('Chinese President Xi'), or
    when the phrase is an institution that acts for the country ('the British parliament' is the
    United Kingdom: `generic` and `common_subjects` of data/entities.toml)."""
    words = [t for t in ctx.toks[:stop] if t.start >= e.end]
    while words and (is_auxiliary(words[-1].low) or words[-1].low in _ADVERBS):
        words.pop()
    ok = words and len(words) <= 4 and all(t.text.islower() and t.low.isalpha() and t.low not in _FUNCTION
                                           and t.low not in _DETS and t.low not in _PRONOUNS
                                           and not ((vf := verb_form(t.low)) and vf[1] in ("base", "3sg", "past")
                                                    and t is words[-1]) for t in words) \
        and words[-1].low not in word_set("entities", "generic") | word_set("entities", "common_subjects")
    return " ".join(t.text for t in words) if ok else ""


def _reported(ctx: Context, k: int) -> int:
    """Where the reported clause begins after a reporting verb at k: 'said on Thursday he would',
    'said that the company' -> the index of 'he' / 'the' (a time and 'that' skipped)."""
    j = k + 1
    while j < len(ctx.toks) and (j in ctx.in_timex or ctx.toks[j].low in ("on", "that", "reporters", "journalists")
                                 or j < len(ctx.toks) - 1 and ctx.toks[j + 1].low == "that"
                                 and _entity_at(ctx, ctx.toks[j]) is not None):
        j += 1                             # "told Billboard that the tour ...": the addressee is skipped
    return j


_OPENERS = frozenset("after before since when while because until once whereas although though that who which "
                     "where as".split())


def _subject_window(ctx: Context, clause: Clause, pred: Pred) -> tuple[int, int]:
    """Token range [start, stop) where the event's subject is named. A verb: up to the verb, or up to
    the first verb of the clause for one joined by 'and' ('Morita and Zhao met ... and signed'). A
    noun: up to the verb group that governs it, from the subordinator that opens that verb's clause
    ('after **a court** annulled last year's election'; '**He** will face Dan ... in a runoff')."""
    toks = ctx.toks
    if pred.kind != "noun":
        joined = pred.index - 1 > clause.a and (toks[pred.index - 1].low == "and" or toks[pred.index - 2].low == "and"
                                                and toks[pred.index - 1].low in _ADVERBS | {"later", "jointly"}) \
            or _joined_verb_group(ctx, clause, pred)
        if not joined:
            g = pred.index
            while g - 1 > clause.a and (is_auxiliary(toks[g - 1].low) or toks[g - 1].low in _ADVERBS):
                g -= 1
            start = max((k + 1 for k in range(clause.a + 1, g - 1) if toks[k].low in _OPENERS
                         and k not in ctx.in_timex and toks[k - 1].low != ","), default=clause.a)
            if any(toks[k].low in _PRONOUNS for k in range(start, g)):
                return clause.a, pred.index   # "and that they would decide": the pronoun's referent, as before
            if _closed_relative(ctx, start, g):
                return clause.a, start - 1    # "The patch that the studio had promised ... arrived": the patch
            return start, pred.index      # "postponed to June 20 after **inspectors** found": the inspectors
        rel = next((k for k in range(pred.index - 1, clause.a, -1) if toks[k].low in ("who", "which", "that")), None)
        return (clause.a, rel) if rel is not None else (clause.a, _verb_group(ctx, clause, pred))
        #       "the skull of journalist Georgiy Gongadze who was kidnapped and found": Gongadze
    v = _governor(ctx, clause, pred)
    if v is None or v > clause.a and toks[v - 1].low == "and":
        return clause.a, _verb_group(ctx, clause, pred)
    g = v
    while g - 1 > clause.a and (is_auxiliary(toks[g - 1].low) or toks[g - 1].low in _ADVERBS):
        g -= 1
    start = max((k + 1 for k in range(clause.a, g) if toks[k].low in _OPENERS and k not in ctx.in_timex),
                default=clause.a)
    return (start, g) if start < g else (clause.a, g)


def _closed_relative(ctx: Context, start: int, g: int) -> bool:
    """'The PC performance patch that the studio had promised within two weeks finally arrived': a
    that/which/who clause with a subject and a finite verb of its own, ended before the main verb group,
    is a relative clause on the noun before it (the main verb's subject), not the subject's place."""
    toks = ctx.toks
    if start < 2 or toks[start - 1].low not in ("that", "which", "who") or not toks[start - 2].low.isalpha():
        return False
    return any(k not in ctx.in_timex and (is_auxiliary(toks[k].low) and toks[k].low not in ("be", "been", "being")
                                          or (vf := verb_form(toks[k].low)) and vf[1] == "past")
               for k in range(start, g))   # "the crews who replaced ...": the dated verb is the relative's own


def _joined_verb_group(ctx: Context, clause: Clause, pred: Pred) -> bool:
    """'The FDA has extended its review of Arden Therapeutics' relvastim **and will** now decide whether
    to approve the drug': a verb group opened by 'and' + an auxiliary, after a finite verb of the same
    clause, shares that verb's subject (not the name nearest to it)."""
    toks = ctx.toks
    for k in range(pred.index - 1, clause.a + 1, -1):
        if toks[k].low in (",", ";"):
            return False
        if toks[k].low == "and" and k + 1 < pred.index and is_auxiliary(toks[k + 1].low):
            return _verb_group(ctx, Clause(clause.a, k, clause.kind), Pred("", k, "verb", "base")) < k
    return False


def _verb_group(ctx: Context, clause: Clause, pred: Pred) -> int:
    """The first verb or auxiliary of the clause before a noun predicate ('He **will** face Dan in a
    runoff') or a verb joined by 'and' ('Morita and Zhao **met** ... and signed'), whose subject is
    the event's; the predicate's own index when no verb precedes it."""
    for k in range(clause.a, pred.index):
        if k in ctx.blocked:
            continue
        if is_auxiliary(ctx.toks[k].low) or ((c := candidate(ctx.toks, k, ctx.blocked)) is not None
                                            and c.kind == "verb" and c.form in ("past", "3sg", "base")):
            return k
    return pred.index


def _after_noun(ctx: Context, clause: Clause, pred: Pred) -> tuple[str, str] | None:
    """'the launch of the James Webb Space Telescope' -> the telescope; 'construction of the bridge'
    -> bridge; 'a new launch date of March 30, 2021, for Webb' skips the date."""
    toks = ctx.toks
    for k in range(pred.index + 1, min(clause.b + 3, len(toks), pred.index + 20)):
        e = _entity_at(ctx, toks[k])
        if e is not None:
            return _canonical(e), e.text
        if toks[k].low == "of" and k + 1 < len(toks) and k + 1 not in ctx.in_timex:
            j = k + 1 + (toks[k + 1].low in _DETS)
            ahead = next((_entity_at(ctx, toks[i]) for i in range(j, min(j + 4, len(toks)))
                          if _entity_at(ctx, toks[i]) or not _nounish(toks, i)), None)
            if ahead is not None:            # "the trial of former Trump aide Peter Navarro"
                named = [e for e in ctx.ents if ahead.start <= e.start and e.end <= toks[min(j + 5, len(toks) - 1)].end]
                e = next((e for e in named if e.person), ahead)
                return _canonical(e), e.text
            if j < len(toks) and _entity_at(ctx, toks[j]) is None and (np := _np_around(toks, j)):
                return np, np
        if toks[k].low not in ("of", "for", ",", "date", "new") and toks[k].low not in _DETS \
                and k not in ctx.in_timex:
            return None
    return None


def _pronoun(ctx: Context, clause: Clause, pred: Pred, topic: tuple[str, ...],
             people: list[Entity]) -> tuple[str, str] | None:
    """He/she: the last person named; it/they: the last organisation or thing named earlier in the
    sentence, else the sentence's opening noun phrase, else the article's topic."""
    toks = ctx.toks
    for k in range(clause.a, pred.index):
        kind = _PRONOUNS.get(toks[k].low)
        if kind == "person":
            named = people + [e for e in ctx.ents if e.person and e.start < toks[k].start]
            actors = [e for e in named if not _bystander(ctx.text, e)] or named
            if actors:                     # '..." said crane operator Raj Sandhu. She would meet': not him
                return actors[-1].name, actors[-1].text.split()[-1]
        elif kind == "speaker" and (who := _speaker(ctx, clause)):
            return who
        elif kind in ("topic", "speaker"):
            earlier = [e for e in ctx.ents if e.start < toks[k].start and not e.person]
            if earlier:
                return _canonical(earlier[-1]), earlier[-1].text
            if k > 0 and (np := _noun_phrase(toks, Clause(0, k, "main"), k)):
                return np, np
            if topic:
                return topic[0], topic[0]
    return None


_ATTRIBUTION = re.compile(r"[,\"”’']\s*(?:said|says|added|told)\s+(?:[a-z][\w-]*\s+){0,3}$")


def _bystander(text: str, e: Entity) -> bool:
    """A person named only as the source of a quote (', said crane operator Raj Sandhu'): a later
    'he' or 'she' is the last person who acts in the story, not the one quoted in passing."""
    return bool(_ATTRIBUTION.search(text[max(0, e.start - 60):e.start]))


def _owned(ctx: Context, e: Entity, before: list[Entity], pred: Pred) -> tuple[str, str] | None:
    """'NASA's Artemis II mission' is about Artemis II; 'India's lunar lander' about the lander."""
    if ctx.text[e.end:e.end + 2] not in ("'s", "’s"):
        return None
    later = [x for x in ctx.ents if e.end < x.start <= e.end + 3]
    if later:
        return _canonical(later[0]), later[0].text
    k = next((i for i, t in enumerate(ctx.toks) if t.start > e.end + 1), None)
    np = _np_around(ctx.toks, k) if k is not None and k < pred.index and ctx.toks[k].text.islower() else ""
    if np and (e.kind in ("country", "demonym") or e.country) and np.split()[-1].lower() in _organisation_nouns():
        whole = f"{_canonical(e)}'s {np}"  # "Hungary's central bank" is no "the central bank" of the story
        return whole, whole
    return (np, np) if np else None


def _organisation_nouns() -> frozenset[str]:
    """Nouns that, bare, stand for the organisation a story is about ("the bank", `topic` of coreference.toml)."""
    return frozenset(w.lower() for w in load("coreference")["topic"]["words"])


def _head_before_pp(ctx: Context, e: Entity) -> str:
    """The common noun phrase a prepositional phrase with a name hangs on: 'police in Nigeria' ->
    police, 'a similar operation in Manchester' -> similar operation, 'sales of heat pumps in
    Europe' -> sales (an 'of' phrase belongs to the noun before it); empty when a name, a time or
    nothing stands there."""
    toks = ctx.toks
    k = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].end <= e.start), -1)
    k -= 2 if k >= 1 and toks[k].low == "the" else 1      # before the preposition (and its "the")
    np = ""
    while k >= 0:
        words: list[str] = []
        while k >= 0 and k not in ctx.in_timex and _nounish(toks, k) and (toks[k].text.islower() or k == 0) \
                and toks[k].low not in _ADVERBS | {"earlier", "later", "again"} and not toks[k].low.endswith("ly"):
            words.append(toks[k].low if k == 0 else toks[k].text)
            k -= 1
        if not words:
            break
        np = " ".join(reversed(words[:4]))
        if k >= 0 and toks[k].low == "to":
            return ""                      # "vehicles equipped to run on LPG": a verb, no noun
        if k < 1 or toks[k].low != "of":
            break
        k -= 1                             # "sales of heat pumps": the head is before "of"
    return np


def _name_before_pp(ctx: Context, e: Entity, before: list[Entity]) -> Entity | None:
    """The name a prepositional phrase with a name hangs on: 'Highway 97 between Penticton and
    Summerland' -> Highway 97 (only a preposition, and 'the', stand between them)."""
    return next((p for p in reversed(before) if p.end <= e.start and len(ctx.text[p.end:e.start].split()) <= 2
                 and ctx.text[p.end:e.start].split()[0].lower() in ("between", "of", "in", "near", "from", "at")
                 and all(w.lower() == "the" for w in ctx.text[p.end:e.start].split()[1:])), None)


def _in_pp(ctx: Context, e: Entity) -> bool:
    """'The first train between Lisbon and Madrid left': names inside a prepositional phrase are not
    the subject ('for Abe to arrive' is: there the name is the infinitive's subject)."""
    before = ctx.text[max(0, e.start - 16):e.start].split()
    if len(before) >= 2 and before[-1].lower() == "the":
        before = before[:-1]               # "a second maintenance shed at the Murarrie depot"
    return bool(before) and before[-1].lower() in ("between", "of", "in", "near", "from", "at", "on", "with", "among")


def _speaker(ctx: Context, clause: Clause) -> tuple[str, str] | None:
    """'"We will announce it," the minister told reporters': who says 'we' is who reports it."""
    toks = ctx.toks
    for k in range(clause.b, len(toks)):
        vf = verb_form(toks[k].low)
        if vf and vf[0] in ("say", "tell", "add", "announce") and vf[1] in ("past", "3sg"):
            e = next((e for e in reversed(ctx.ents) if toks[clause.b].start <= e.start < toks[k].start), None)
            if e is not None:
                return _canonical(e), e.text
            np = _noun_phrase(toks, Clause(clause.b, k, "main"), k)
            return (np, np) if np else None
    return None


def _group_head(ctx: Context, before: list[Entity]) -> Entity:
    """First of the names joined by 'and' right before the verb: 'Abe and Li agreed' -> Abe;
    in a group with people and places, the first person ('U.S. President Donald Trump and ...'); a
    demonym is an adjective, never the head ('Australian opposition leader Bill Shorten')."""
    titles = word_set("entities", "titles")
    i = len(before) - 1
    while i > 0 and all(w in ("and", "&") or w.lower() in titles
                        for w in ctx.text[before[i - 1].end:before[i].start].replace(",", " ").split()):
        i -= 1
    group = before[i:]
    return next((e for e in group if e.person), next((e for e in group if e.kind != "demonym"), group[0]))


def _np_before(toks: list[Tok], clause: Clause, k: int) -> str:
    """The noun phrase right before a verb group: 'the minister would resign' -> minister.
    Empty after 'to' or 'and' (the subject is then further back: 'X will examine and report')."""
    j = k - 1
    if j > clause.a and (vf := verb_form(toks[j].low)) and vf[0] in _CATENATIVES and vf[1] in ("base", "3sg", "past") \
            and toks[k].low.endswith("ing"):
        j -= 1                             # "Test trams will start running": the trams run
    while j >= clause.a and (is_auxiliary(toks[j].low) or toks[j].low in _ADVERBS or toks[j].low.endswith("ly")):
        j -= 1
    words: list[str] = []
    if j >= clause.a and j < k - 1 and toks[j].low.isalpha() and toks[j].text.islower() and \
            toks[j].low not in _DETS | _FUNCTION | _SUBORD and not is_auxiliary(toks[j].low):
        words.append(toks[j].text)     # "the first trains would run": a plural noun before a modal
        j -= 1
    while j >= clause.a and _nounish(toks, j):
        words.append(toks[j].text)
        j -= 1
    of = j - 1 if j >= clause.a and toks[j].low in _DETS else j
    if words and of - 1 >= clause.a and toks[of].low in _NP_PREPOSITIONS and _nounish(toks, of - 1) \
            and (toks[of - 1].text.islower() or of - 1 == 0):          # "the governors of the five coastal provinces met": governors
        #                                               "coupon payments on the eurobond would not resume": payments
        head: list[str] = []
        k = of - 1
        while k >= clause.a and _nounish(toks, k) and len(head) < 3:
            head.append(toks[k].low if k == 0 else toks[k].text)
            k -= 1
        return " ".join(reversed(head))
    return " ".join(reversed(words[:4]))


_NP_PREPOSITIONS = frozenset({"of", "on", "at", "for", "from", "to", "with", "in"})
_CATENATIVES = frozenset({"start", "begin", "stop", "keep", "continue", "resume", "finish"})


def _np_around(toks: list[Tok], i: int) -> str:
    """The noun phrase holding token i: 'the planned signing ceremony had' -> planned signing ceremony."""
    a = i
    while a - 1 >= 0 and _nounish(toks, a - 1):
        a -= 1
    b = i + 1
    while b < len(toks) and _nounish(toks, b) and not verb_form(toks[b].low):
        b += 1
    if b > i and _head_ing(toks, b):
        b += 1                             # "Pramaan Pay's initial public offering will open": the offering
    return " ".join(t.text for t in toks[a:b]) if toks[i].low.isalpha() else ""


def _head_ing(toks: list[Tok], b: int) -> bool:
    """An -ing word closing a noun phrase right before its verb group is the phrase's head noun ('initial
    public offering will open', 'the planned listing has been'); 'the company, hoping to', 'shares
    rising' and an -ing word before anything but an auxiliary are not."""
    return b + 1 < len(toks) and toks[b].text.islower() and toks[b].low.endswith("ing") and toks[b].low.isalpha() \
        and is_auxiliary(toks[b + 1].low) and toks[b - 1].low.isalpha() and toks[b - 1].text.islower() \
        and toks[b - 1].low not in _DETS and toks[b - 1].low not in _FUNCTION and toks[b - 1].low not in _PRONOUNS


def _is_subject(toks: list[Tok], i: int) -> bool:
    """Whether the noun phrase holding token i is followed by its verb ('the ceremony had been
    cancelled') rather than being an object ('completed its final tests in California')."""
    b = i + 1
    while b < len(toks) and _nounish(toks, b) and not verb_form(toks[b].low):
        b += 1
    return b < len(toks) and (is_auxiliary(toks[b].low) or bool(verb_form(toks[b].low)))


def _nounish(toks: list[Tok], j: int) -> bool:
    """A plain word that can sit in a noun phrase (not a determiner, function word or finite verb)."""
    low = toks[j].low
    if not low.isalpha() or low in _DETS or low in _SUBORD or low in _PRONOUNS or low in _FUNCTION \
            or is_auxiliary(low) or not (toks[j].text.islower() or j == 0):
        return False
    vf = verb_form(low)
    return not vf or vf[1] == "base" or (j > 0 and toks[j - 1].low in _DETS)


def _entity_at(ctx: Context, tok: Tok) -> Entity | None:
    return next((e for e in ctx.ents if e.start <= tok.start < e.end), None)


def _noun_phrase(toks: list[Tok], clause: Clause, stop: int) -> str:
    """Words before the first verb or auxiliary, determiners dropped: 'independent review board';
    a prepositional phrase ends it ('planned extension to Porto' -> planned extension)."""
    words: list[str] = []
    for k in range(clause.a, stop):
        low = toks[k].low
        if words and low in _FUNCTION:
            break
        vf = verb_form(low)
        if is_auxiliary(low) or (vf and vf[1] != "base" and (words or k > clause.a) and toks[k - 1].low not in _DETS) \
                or low == "," or words and vf and (is_cue(vf[0]) or is_reporting(vf[0])):
            break                          # "officials hope to reopen": the phrase ends at "hope"
        if low.isalpha() and low not in _DETS and low not in _PRONOUNS and low not in _SUBORD and low not in _FUNCTION \
                and low not in _ADVERBS \
                and (toks[k].text.islower() or k == 0):
            words.append(toks[k].text)
    return " ".join(words[-4:])


def participants(ctx: Context, clause: Clause, subj: str, topic: tuple[str, ...]) -> tuple[str, ...]:
    """Canonical participants of the clause; the subject first if it is not among them; the
    article's topic when the clause names nobody (a pronoun or a common noun stands in)."""
    a, b = ctx.toks[clause.a].start, ctx.toks[clause.b - 1].end
    names = list(participant_names([e for e in ctx.ents if a <= e.start < b]))
    if subj and subj[:1].isupper() and subj not in names:
        names.insert(0, subj)
    names[:0] = [n for n in ctx.pair if n not in names]     # "the two sides aim to sign": Morita and Zhao
    names.extend(n for n in _framing_place(ctx, a) if n not in names)
    opener = ctx.toks[clause.a].low
    placed = any(e.kind != "name" for e in ctx.ents if a <= e.start < b)
    if not names or opener in ("the", "it", "its", "they") and subj and not subj[:1].isupper() \
            or opener in ("he", "she", "his", "her") and not placed:   # "He will face Nawrocki in a runoff": where
        names.extend(n for n in topic if n not in names)
    return tuple(names)


_PLACES = frozenset({"country", "capital", "place", "region"})


def _framing_place(ctx: Context, clause_start: int) -> tuple[str, ...]:
    """'In Poland, 13 candidates are running ...; if none wins, the top two will meet in a runoff':
    a place that opens the sentence before a comma frames every clause of it."""
    toks = ctx.toks
    if len(toks) < 3 or toks[0].low not in ("in", "across", "throughout") or toks[0].start >= clause_start:
        return ()
    e = _entity_at(ctx, toks[1])
    if e is None or e.kind not in _PLACES or e.start >= clause_start:
        return ()
    comma = next((k for k, t in enumerate(toks[:6]) if t.low == ","), None)
    return participant_names([e]) if comma is not None and toks[comma].start >= e.end else ()


_DANGLING = frozenset("a an the of on at as for to in by with from into and or but than its their his her our "
                      "this that these those possible new".split())


def _tidy(text: str, limit: int, keep: str = "") -> str:
    """A claim cut at a word boundary within `limit` characters and never ending on a function word
    ('... a public consultation on a possible' -> '... a public consultation'); a phrasal predicate
    `keep` ('swear in') keeps its particle."""
    if len(text) > limit:
        text = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    words = text.split()
    while len(words) > 2 and words[-1].lower() in _DANGLING and not (keep and " ".join(words).endswith(keep)):
        words.pop()
    return " ".join(words)


def _joined(ctx: Context, toks: list[Tok]) -> str:
    """Tokens as the text wrote them: '1.4 billion' keeps its point, '210,000' its comma."""
    out = ""
    for i, t in enumerate(toks):
        if i:
            gap = ctx.text[toks[i - 1].end:t.start]
            out += gap if gap in (".", ",") and t.text[:1].isdigit() and toks[i - 1].text[-1:].isdigit() else " "
        out += t.text
    return out


def claim(ctx: Context, clause: Clause, pred: Pred, surface: str, forward: bool) -> str:
    """A short readable clause: 'Abe to arrive in Beijing', 'launch of James Webb Space Telescope'."""
    return _tidy(_claim(ctx, clause, pred, surface, forward), 100 if pred.kind == "np" else 120,
                 pred.predicate if " " in pred.predicate else "")


def _claim(ctx: Context, clause: Clause, pred: Pred, surface: str, forward: bool) -> str:
    toks = ctx.toks
    if pred.kind == "np":
        return _joined(ctx, [t for t in toks[clause.a:clause.b] if t.low[:1].isalnum()])
    tail = []
    for k in range(max(pred.index, pred.end) + 1, min(clause.b, pred.index + 9)):
        if toks[k].low in _STOP_CLAIM and tail or toks[k].low in (",", ";") or len(tail) >= 6 or (
                toks[k].low == "and" and k + 1 < len(toks) and is_auxiliary(toks[k + 1].low)):
            break
        if k not in ctx.in_timex and not (k + 1 in ctx.in_timex and toks[k].low in _PREPS):
            tail.append(toks[k])
    if pred.kind == "noun" and (v := _governor(ctx, clause, pred)) is not None:
        if surface and re.search(rf"\b{re.escape(surface)}\b", ctx.text[toks[v].start:toks[clause.b - 1].end]):
            surface = _doer(ctx, clause, v)   # "Norvane called off its acquisition of Kestrel": not Kestrel
        return _governed_claim(ctx, v, pred, surface, tail, forward)
    if pred.kind == "noun" and surface and toks[pred.index].low in surface.lower().split():
        return surface
    if pred.kind == "noun" and surface and surface in ctx.sent.text[toks[pred.index].end - ctx.sent.start:]:
        return f"{toks[pred.index].low} of {surface}"
    words = " ".join(t.text for t in toks[pred.index:max(pred.index, pred.end) + 1])
    if forward and pred.end > pred.index and (vf := verb_form(toks[pred.index].low)):
        words = " ".join([vf[0]] + [t.text for t in toks[pred.index + 1:pred.end + 1]])   # "to take effect"
    head = toks[pred.index].low if pred.kind == "noun" else words if not forward or pred.end > pred.index \
        else pred.predicate
    verb = f"to {head}" if forward and pred.kind == "verb" else head
    return " ".join(x for x in (surface, verb, _joined(ctx, tail)) if x)


_GOVERNOR_STOPS = frozenset(", ; : ( ) — – and or but before after during since until while when because despite "
                            "amid than".split())


def _governor(ctx: Context, clause: Clause, pred: Pred) -> int | None:
    """The verb whose object phrase ends in a noun predicate: 'call a snap election', 'face Dan in a
    runoff'; None for a reporting verb or an -ing form ('targeting Dec. 18 for the launch')."""
    toks = ctx.toks
    for k in range(pred.index - 1, max(clause.a, pred.index - 9) - 1, -1):
        if toks[k].low in _GOVERNOR_STOPS and k not in ctx.in_timex:
            return None                    # "supplied radios before the attack": the attack is not its object
        c = candidate(toks, k, ctx.blocked)
        if c is None or c.kind != "verb":
            continue
        vf = verb_form(toks[k].low)
        base = vf[0] if vf else c.predicate
        return None if is_reporting(base) or c.form == "ing" else k
    return None


def _doer(ctx: Context, clause: Clause, v: int) -> str:
    """Who does what a governing verb says: the names right before it in the clause, else ''."""
    before = [e for e in ctx.ents if ctx.toks[clause.a].start <= e.start < ctx.toks[v].start and e.kind != "venue"]
    return _group_head(ctx, before).text if before else ""


def _governed_claim(ctx: Context, v: int, pred: Pred, surface: str, tail: list[Tok], forward: bool) -> str:
    """'Marcelo Rebelo de Sousa to call a snap election', 'Simion to face Nicusor Dan in a runoff'."""
    toks = ctx.toks
    vf = verb_form(toks[v].low)
    verb = f"to {vf[0]}" if forward and vf else toks[v].text
    words = [toks[k] for k in range(v + 1, pred.index + 1) if k not in ctx.in_timex]
    return " ".join(x for x in (surface, verb, _joined(ctx, words), _joined(ctx, tail)) if x)


_QUOTED = re.compile(r"[“‘\"']([a-z][a-z -]{2,40}?)[”’\"']")


def quoted_terms(text: str) -> dict[str, str]:
    """Lower-case names the article puts in quotes ('an “innovation dialogue”'), by head word, so a
    later 'the dialogue' can be read as the named thing."""
    terms: dict[str, str] = {}
    for m in _QUOTED.finditer(text):
        words = m.group(1).split()
        if 1 < len(words) <= 4:
            terms.setdefault(words[-1], m.group(1))
    return terms


def topic(title_ents: list[Entity], body_ents: list[Entity]) -> tuple[str, ...]:
    """What the article is about: the title's entities, else its most named entity."""
    names = list(participant_names(title_ents))
    if names:
        return tuple(names[:3])
    counts = Counter(_canonical(e) for e in body_ents if e.kind in ("name", "country", "capital", "demonym"))
    top = counts.most_common(2)
    return tuple(n for n, c in top if c * 2 >= top[0][1]) if top else ()


# A word that opens a noun phrase or a clause: a year before it modifies nothing ("By 2012 the city
# will finish the bridge", "In 2012 they will ...": the clause's time).
_PHRASE_OPENERS = frozenset("the a an this that these those its his her their our he she they we it i you".split())


def prenominal(toks: list[Tok], t0: int, t1: int, blocked: set[int]) -> Pred | str | None:
    """A time used as a modifier: 'the 2020 election' dates the election (its event noun);
    'the 2019 budget' dates nothing (SKIP), so 'pass the 2019 budget by the end of March' takes
    its time from 'by the end of March'. None when the time is not before a noun."""
    if t1 + 1 >= len(toks):
        return None
    if toks[t1].low.endswith("'s") and (noun := event_noun(toks, t1 + 1)) is not None:
        if any(k in blocked and toks[k - 1].low in ("on", "in", "at") for k in range(t1 + 3, min(t1 + 5, len(toks)))):
            return SKIP                    # "this year's election on November 24": the day dates it
        return Pred(noun, t1 + 1, "noun", "noun")   # "annulled last year's election": the election is dated
    if _opening_modifier(toks, t0, t1):
        return SKIP                        # "Sunday day-ticket holders will be refunded within 14 days"
    adjectival = "-" in toks[t0].text or (t0 == t1 and toks[t0].low.isdigit() and len(toks[t0].low) == 4)
    if not adjectival and (t0 == 0 or toks[t0 - 1].low not in _DETS and not toks[t0 - 1].low.endswith("'s")):
        return None                        # "the 2019 budget", "second-quarter earnings", "2020 election"
    nxt = toks[t1 + 1]
    if nxt.low in _PREPS_OBJ or nxt.low in ("due", "because", "as", "than", "when", "if") or nxt.low in _PHRASE_OPENERS \
            and (t0 == 0 or toks[t0 - 1].low in _PREPS_OBJ | {"by", "until", "before", "after", "since", "in"}):
        return None                        # "in mid-September due to", "the July-September quarter from": the clause's time
    if nxt.text[:1].isupper() and nxt.low.isalpha():
        determined = t0 > 0 and (toks[t0 - 1].low in _DETS or toks[t0 - 1].low.endswith("'s"))
        return SKIP if determined else None   # "the 2008 Taipei Game Show" is a name; "in 2019 Abe ..." is not
    if not nxt.low.isalpha() or not nxt.text.islower() or is_auxiliary(nxt.low):
        return None
    noun = event_noun(toks, t1 + 1)
    if noun is not None:
        return Pred(noun, t1 + 1, "noun", "noun")
    vf = verb_form(nxt.low)
    return None if vf and vf[1] != "base" else SKIP


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _opening_modifier(toks: list[Tok], t0: int, t1: int) -> bool:
    """A bare weekday opening the sentence before a compound noun and its verb group modifies the
    subject ('Sunday day-ticket holders will be refunded', 'Saturday season pass holders will get'): it
    names which holders, not when anything happens."""
    if t0 != 0 or t1 != 0 or toks[0].low not in _WEEKDAYS or len(toks) < 4:
        return False
    words = []
    for j in range(1, min(5, len(toks))):
        if is_auxiliary(toks[j].low) or (vf := verb_form(toks[j].low)) and vf[1] in ("past", "3sg") and words:
            break
        if not toks[j].text.islower() or not toks[j].low.replace("-", "").isalpha() or toks[j].low in _FUNCTION \
                or toks[j].low in _PHRASE_OPENERS:
            return False
        words.append(toks[j].low)
    else:
        return False
    return len(words) >= 2 or bool(words) and "-" in words[0]


def during_ref(ctx: Context) -> tuple[str, int, int] | None:
    """('visit', 3, end) for 'During a three-day visit', ('visit', 0, end) for 'during the visit';
    end is the offset in the sentence where the phrase stops."""
    m = _DURING.search(ctx.sent.text)
    if m is None:
        return None
    noun = _NOUN_TO_KEY.get(m.group(2).lower(), m.group(2).lower())
    return noun, _DAYS.get((m.group(1) or "").lower(), 0), m.end()


def verbal_cue(kind: str, text: str) -> bool:
    """A cue used as a verb ('was postponed'), not as a noun ('after months of delays')."""
    m = has_cue(kind, text)
    if m is None or kind == "postponed" and background_postponement(text):
        return False
    if re.search(r"\w-$", text[:m.start()]):
        return False                       # "their long-delayed summit"
    before = text[: m.start()].split()[-1:] or [""]
    return before[0].lower() not in ("of", "the", "a", "after", "despite", "any", "no", "further", "more")


def cue_object(ctx: Context, clause: Clause, after: int = -1) -> Pred | None:
    """The event a postponement or cancellation is about: the head of the cue verb's object when it
    names an event ('cancelled the advisory committee meeting' -> meet; `after`: article offset of
    the cue's end), else the first event noun of the clause."""
    if after >= 0:
        obj = _object_head(ctx, clause, after)
        if obj is not None:
            return obj
    for k in range(clause.a, clause.b):
        p = candidate(ctx.toks, k, ctx.blocked)
        if p is not None and p.kind == "noun":
            return p
    head = subject_head(ctx.toks, clause, clause.b)
    return Pred(head, clause.a, "np", "noun") if head else None


def _object_head(ctx: Context, clause: Clause, after: int) -> Pred | None:
    """The event noun heading the noun phrase right after a cue verb ('cancelled the advisory
    committee meeting', 'blocking a strike by 4,000 dockworkers'): up to five plain words from the
    determiner; the last one before a preposition, relative pronoun or punctuation is the head."""
    nouns = load("verbs")["event_nouns"]
    toks = ctx.toks
    k = next((j for j in range(clause.a, clause.b) if toks[j].start >= after), clause.b)
    if k < clause.b and toks[k].low in _DETS:
        k += 1
    head = None
    for j in range(k, min(clause.b, k + 5)):
        low = toks[j].low
        if not low.isalpha() or not toks[j].text.islower() or low in ("that", "which", "who", "to") \
                or low in _PREPS_OBJ or is_auxiliary(low):
            break
        head = j
    if head is None:
        return None
    low = toks[head].low
    low = low if low in nouns or not low.endswith("s") else low[:-1]
    return Pred(nouns[low], head, "noun", "noun") if low in nouns else None


_PREPS_OBJ = frozenset("of in on at by for from with to into about over after before since until during "
                       "and or but".split())
