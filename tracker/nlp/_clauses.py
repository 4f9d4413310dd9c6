"""Clauses of a sentence and the word a time expression dates.

A sentence can carry several events ("Abe will arrive on Oct. 23, when the countries will mark
the anniversary"), so it is cut at strong boundaries: semicolons, subordinators ("when", "if"),
"said that", and commas before a conjunction, a relative pronoun or a reporting frame
(", NASA said Monday"). Inside its clause a time dates the nearest event word on its left (or on
its right when none precedes it: "On Oct. 23 the countries mark"). Reporting verbs ("said
Sunday") and decision verbs ("NASA on Wednesday set a new date") date the report or decision,
not the event, so those times are skipped; cue verbs ("targeting Dec. 18 for the launch") hand
over to the event they govern.
"""
from __future__ import annotations

from dataclasses import dataclass

from tracker.nlp._lexicon import load, word_set
from tracker.nlp._words import (Tok, event_noun, guess_form, is_auxiliary, is_compound_modifier, is_cue, is_decision,
                                is_reporting, phrasal, verb_form)

SKIP = "skip"
_PREPOSITIONS = frozenset("of in on at by for from with to into about over near under after before since "
                          "between among during through across against toward towards without within".split())
_FUNCTION = frozenset("of in on at by for from with to into about over and or but which who whom whose what "
                      "there here it they he she we you this that some any all many much more most".split())
_ASPECT = frozenset({"begin", "start", "finish", "complete", "continue"})
_HAPPEN = frozenset({"take place", "happen", "occur", "go ahead"})
_SUBORD = frozenset({"when", "while", "whereas", "although", "though", "because", "unless", "if"})
_COMMA_NEXT = frozenset("and but while when where after before although though as since citing "
                        "including according pushing beginning saying adding prompting leaving despite blocking forcing".split())
_HARD = frozenset({";", ":", "—", "–"})
_AUX_OR_TO = frozenset("to will would could should may might must shall can was were is are be been being has "
                       "have had did does do 'll".split())
_MODALS = frozenset("will would could should may might must shall can 'll".split())
_PREPS = frozenset("with of for in on at by from into".split())
_PASSIVE = frozenset("is are was were be been being am 's".split())
_DETS = frozenset("the a an its his her their our this that these those".split())
_FUTURE = frozenset({"will", "'ll", "shall", "to", "would"})   # "said it would add 60 buses by June": ahead
_TEMPORAL_LINKS = frozenset("before after until since during amid despite".split())
_QUANTIFIERS = frozenset("all some any many most few several each every both no".split())


@dataclass(frozen=True, slots=True)
class Clause:
    a: int       # token range [a, b) in the sentence
    b: int
    kind: str    # "main", or the subordinator that opens it: "when", "if", "that"...


@dataclass(frozen=True, slots=True)
class Pred:
    predicate: str   # normalized: "launch", "splash down", "agree"
    index: int       # token index of the head word
    kind: str        # verb | noun | np
    form: str        # base | 3sg | past | ing | noun
    end: int = -1    # last token of the predicate ("splash down": the particle), -1: index


def _frames_infinitive(low: str) -> bool:
    """Words after which 'to X' is a verb: cue verbs ('plans to'), and 'set', 'due', 'likely'..."""
    vf = verb_form(low)
    return low in ("set", "due", "likely", "poised", "able", "going", "ready", "track") or bool(vf and is_cue(vf[0]))


def split_clauses(toks: list[Tok], in_timex: set[int]) -> list[Clause]:
    """Cut the sentence at strong boundaries; commas inside a time ("March 30, 2021") never cut."""
    cuts: list[tuple[int, str]] = [(0, "main")]
    for k, tok in enumerate(toks):
        if k in in_timex or k == 0:
            continue
        if tok.low in _HARD:
            cuts.append((k + 1, "main"))
        elif tok.low == "," and k + 1 < len(toks) and (toks[k + 1].low in _COMMA_NEXT
                                                       or _reporting_frame(toks, k + 1, in_timex)):
            nxt = toks[k + 1].low
            cuts.append((k + 1, nxt if nxt in _SUBORD else "main"))
        elif tok.low == "," and cuts[-1][1] in _SUBORD and _main_resumes(toks, k + 1, in_timex):
            cuts.append((k + 1, "main"))   # "if inflation kept falling, the board would cut": the board's clause
        elif tok.low in _SUBORD and toks[k - 1].low != ",":
            cuts.append((k, tok.low))
        elif tok.low == "that" and _after_reporting(toks, k, in_timex):
            cuts.append((k, "that"))
    clauses = []
    for (a, kind), (b, _) in zip(cuts, [*cuts[1:], (len(toks), "")]):
        if b > a:
            clauses.append(Clause(a, b, kind))
    return clauses


def _main_resumes(toks: list[Tok], j: int, in_timex: set[int]) -> bool:
    """After a comma that closes a subordinate clause: a subject (a determiner or pronoun and at most
    two more words) and a modal ('..., the board would cut', '..., we will') open the main clause."""
    if j >= len(toks) or toks[j].low not in _DETS | {"he", "she", "they", "we", "it", "i"}:
        return False
    return any(toks[i].low in _MODALS for i in range(j + 1, min(j + 4, len(toks))) if i not in in_timex)


_CLAUSE_LINKS = frozenset({"after", "before", "until"})


def _finite_after(toks: list[Tok], k: int, in_timex: set[int]) -> bool:
    """'after inspectors found', 'before the union gives notice': a temporal link that opens a clause
    of its own (a plain noun phrase, then a finite verb), not a preposition ('after the May election')."""
    for j in range(k + 1, min(k + 5, len(toks))):
        if j in in_timex or not toks[j].low[:1].isalpha():
            return False
        vf = verb_form(toks[j].low)
        if vf and vf[1] in ("past", "3sg") and j > k + 1 and toks[j - 1].low not in _DETS:
            return True
        if is_auxiliary(toks[j].low) or toks[j].low in _PREPOSITIONS:
            return False
    return False


def _reporting_frame(toks: list[Tok], j: int, in_timex: set[int] = frozenset()) -> bool:
    """', NASA said Monday' / ', the sources said': a reporting verb within the next few words.
    A reporting verb right after the comma that goes on to what was said ("Portugal's president,
    Marcelo Rebelo de Sousa, said on Thursday he would ...") closes an apposition: no frame."""
    for k in range(j, min(j + 7, len(toks))):
        vf = verb_form(toks[k].low)
        if vf and is_reporting(vf[0]) and vf[1] in ("past", "3sg"):
            if all(toks[i].low in _FRAME_ADVERBS for i in range(j, k)) and _reports_on(toks, k, in_timex):
                return False               # ", earlier told Billboard that ...": the apposition ends
            return k + 1 >= len(toks) or toks[k + 1].low != "that"
        if toks[k].low in (",", "that"):
            return False
    return False


_REPORTED_OPENERS = frozenset("he she they it we i that the a an its his her their".split())
_FRAME_ADVERBS = frozenset("earlier later also again then now previously separately".split())
_ADDRESSEES = frozenset("reporters journalists parliament lawmakers investors analysts officials".split())


def _reports_on(toks: list[Tok], k: int, in_timex: set[int]) -> bool:
    """'said on Thursday he would', 'said the company expects': the reported clause follows the verb."""
    j = k + 1
    while j < len(toks) and (toks[j].low == "on" or j in in_timex or toks[j].low in _ADDRESSEES
                             or toks[j].text[:1].isupper()):
        j += 1                             # "told Billboard that", "told reporters the company"
    return j < len(toks) and toks[j].low in _REPORTED_OPENERS


def _after_reporting(toks: list[Tok], k: int, in_timex: set[int]) -> bool:
    """'said that', 'said on Friday that': a complementizer after a reporting verb."""
    j = k - 1
    while j > 0 and (j in in_timex or toks[j].low == "on"):
        j -= 1
    vf = verb_form(toks[j].low)
    return bool(vf and is_reporting(vf[0]))


def candidate(toks: list[Tok], k: int, blocked: set[int]) -> Pred | None:
    """The event word at token k, if any: an event noun, or a verb that is not an auxiliary."""
    if k in blocked or not toks[k].low[:1].isalpha() or is_compound_modifier(toks, k):
        return None                                 # "open" in "a public open day": the compound is the noun
    noun = event_noun(toks, k)
    if noun:
        return Pred(noun, k, "noun", "noun")
    low, prev = toks[k].low, (toks[k - 1].low if k else "")
    if (place := _placed_auxiliary(toks, k)) is not None:
        return place                                # "is due to appear at the court tomorrow": an event
    if is_auxiliary(low) and low in word_set("cues", "object_auxiliaries") and k + 1 < len(toks) \
            and toks[k + 1].low in _DETS:
        base, form = verb_form(low) or (low, "base")    # "kept its base rate unchanged": an event
        return Pred(base, k, "verb", form)
    vf = verb_form(low)
    if vf is None and (prev in _AUX_OR_TO and low.endswith(("ed", "ing")) and prev != "to"
                       or prev in _MODALS and k - 1 not in blocked     # "in May they will": the month is no modal
                       or prev == "to" and k > 1 and _frames_infinitive(toks[k - 2].low)):
        vf = guess_form(low)               # "plans to list", "is set to debut"
    if vf is None or is_auxiliary(low) or toks[k].text[:1].isupper() and k:
        return None
    base, form = vf
    if k and (pv := verb_form(prev)) and f"{pv[0]} {low}" in load("verbs")["phrasal"]:
        return None                                 # "place" in "take place" belongs to "take"
    if form == "ing" and is_reporting(base):        # "a tsunami warning system", "saying"
        return None
    if form == "past" and _participle_modifier(toks, k):
        return None                                 # "finish assessing damaged homes": an adjective
    if prev == "as" and form == "past" and is_cue(base):
        return None                                 # "closed as planned": the closing is the event
    if prev in _DETS or (form == "3sg" and prev.endswith("'s")) or (form in ("past", "base") and prev in _PREPS):
        return None                                 # "the launch", "with reduced staff", "on top of"
    if form == "ing" and prev in _QUANTIFIERS and k + 1 < len(toks) and toks[k + 1].text.islower() \
            and toks[k + 1].low.isalpha():
        return None                                 # "all remaining customers": an adjective
    if form == "base" and k >= 2 and toks[k - 2].low in _DETS and _plain_singular(toks[k - 1]) \
            and load("verbs")["irregular"].get(low) != low:    # "an earthquake hit": a past tense
        return Pred(base, k, "noun", "noun")        # "the summer break", "the prison sentence": a noun, so
        #                                             a verb that governs it is the event ("rises for the summer break")
    if form == "base" and _after_ing_modifier(toks, k):
        return Pred(base, k, "noun", "noun")        # "the government's opening offer": a noun
    if form == "base" and _named_compound(toks, k):
        return Pred(base, k, "noun", "noun")        # "in the Vancouver port strike": a noun
    if form == "base" and _after_singular_name(toks, k):
        return None if is_reporting(base) else Pred(base, k, "noun", "noun")   # "in Mexico's Oaxaca state"
    pred, last = phrasal(toks, k, base)
    return Pred(pred, k, "verb", form, last)


_POSSESSIVES = frozenset("its their his her our".split())


def _participle_modifier(toks: list[Tok], k: int) -> bool:
    """An -ed word between an -ing verb and a plain noun modifies the noun ('assessing damaged homes',
    'repairing flooded roads'); after an auxiliary it is a verb ('has damaged homes')."""
    if k == 0 or k + 1 >= len(toks) or not toks[k].low.endswith("ed"):
        return False
    prev, nxt = toks[k - 1], toks[k + 1]
    pv = verb_form(prev.low)
    return bool(pv) and pv[1] == "ing" and not is_auxiliary(prev.low) and nxt.text.islower() and nxt.low.isalpha() \
        and nxt.low not in _FUNCTION and nxt.low not in _PREPOSITIONS and nxt.low not in _DETS \
        and verb_form(nxt.low) is None


def _placed_auxiliary(toks: list[Tok], k: int) -> Pred | None:
    """A copula-like auxiliary that is an event before a place ('will appear at the court tomorrow',
    'appeared before the judge on Monday'; `verbs.toml` `placed_events`), where 'appears to be'
    and 'appeared calm' only link."""
    data = load("verbs").get("placed_events", {})
    vf = verb_form(toks[k].low)
    if vf is None or vf[0] not in data.get("verbs", ()) or k + 1 >= len(toks) \
            or toks[k + 1].low not in data.get("prepositions", ()):
        return None
    if k and toks[k - 1].low in _DETS:
        return None
    return Pred(vf[0], k, "verb", vf[1])


def _named_compound(toks: list[Tok], k: int) -> bool:
    """'in the Vancouver port strike', 'on the Senate vote': a base verb form after a preposition, a
    determiner and one or two modifiers of which one is a capitalized name, is the head noun; after a
    possessive ('their Fenmoor headline show') no preposition is needed."""
    for n in (2, 3):
        if k - n - 1 < 0:
            return False
        mods = toks[k - n:k]
        owner = toks[k - n - 1].low in _POSSESSIVES    # "their Fenmoor headline show": no preposition needed
        if toks[k - n - 1].low in _DETS and (owner or k - n - 2 >= 0 and toks[k - n - 2].low in _PREPOSITIONS):
            return any(t.text[:1].isupper() and t.low.isalpha() for t in mods) and all(
                t.low.isalpha() and (t.text[:1].isupper() or _plain_singular(t)) for t in mods)
    return False


_DATE_WORDS = frozenset("mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec tod ton tom yes "
                        "las nex thi".split())


def _after_singular_name(toks: list[Tok], k: int) -> bool:
    """'in Mexico's Oaxaca state', 'at its Baytown plant': a base verb form right after one or two
    capitalized singular words that follow a preposition, a determiner or a possessive is the head
    noun; a singular name takes '-s' as its verb ('Oaxaca states'), and a verb after two names joined
    by 'and' ('Trump and Xi meet') is not read here."""
    n = 0
    while n < 2 and k - n - 1 > 0 and toks[k - n - 1].text[:1].isupper() and toks[k - n - 1].low.isalpha() \
            and not toks[k - n - 1].low.endswith("s") and toks[k - n - 1].text != "I" \
            and toks[k - n - 1].low[:3] not in _DATE_WORDS:        # "NASA on Wednesday set": a verb
        n += 1
    if n == 0:
        return False
    before = toks[k - n - 1]
    return before.low in _PREPOSITIONS or before.low in _DETS or before.low.endswith(("'s", "’s"))


def _plain_singular(tok: Tok) -> bool:
    """A lower-case word that is no verb, auxiliary or plural: 'summer' in 'the summer break' (where
    'the workers strike' has a plural subject and a verb)."""
    low = tok.low
    return tok.text.islower() and low.isalpha() and not low.endswith("s") and verb_form(low) is None \
        and not is_auxiliary(low) and low not in _FUNCTION and low not in _MODALS


def find_predicate(toks: list[Tok], clause: Clause, t0: int, t1: int, blocked: set[int]) -> Pred | str | None:
    """The event word that the time at tokens [t0, t1] dates, SKIP for a report/decision date,
    or None when the clause has no event word at all (a dateline, a caption)."""
    left = next((p for k in range(t0 - 1, clause.a - 1, -1) if (p := candidate(toks, k, blocked))), None)
    right = next((p for k in range(t1 + 1, clause.b) if (p := candidate(toks, k, blocked))), None)
    if left is not None and left.kind == "noun":
        left = _governing_verb(toks, clause, left, blocked)
    chosen = left or right
    if left is None and right is not None and right.kind == "verb" and right.form in ("base", "3sg"):
        right_base = verb_form(toks[right.index].low)
        if right_base and is_reporting(right_base[0]):     # "Next year, they say they intend to return"
            chosen = next((p for k in range(right.index + 1, clause.b) if (p := candidate(toks, k, blocked))
                           and not is_reporting(p.predicate)), right)
    if chosen is None and any(toks[k].low in _MODALS for k in range(clause.a, t0)):
        head = subject_head(toks, clause, t0)     # "results should be available late Wednesday"
        return Pred(head, t0, "np", "noun") if head else None
    if chosen is None or chosen.kind != "verb":
        return chosen
    base = verb_form(toks[chosen.index].low)
    base = base[0] if base else chosen.predicate
    j = chosen.index + 1
    while j < len(toks) and (toks[j].low == "on" or t0 <= j <= t1):
        j += 1                             # "reported on Monday that"
    reports = base == "report" and j < len(toks) and toks[j].low == "that"
    if (is_reporting(base) or reports) and not _future_marked(toks, chosen.index) and chosen.index < t0 \
            and any(toks[k].low in _MODALS for k in range(chosen.index + 1, t0)):
        head = subject_head(toks, Clause(chosen.index + 1, clause.b, clause.kind), t0)
        modal = next(k for k in range(chosen.index + 1, t0) if toks[k].low in _MODALS)
        if head and modal > chosen.index + 1:   # "Arden said relvastim would be available in pharmacies by ..."
            return Pred(head, modal - 1, "np", "noun")
    if (is_reporting(base) or reports) and not _future_marked(toks, chosen.index):
        return SKIP                        # "said Sunday", "media reported that"
    passive_hold = chosen.predicate == "hold" and chosen.index and toks[chosen.index - 1].low in _PASSIVE
    if chosen.predicate in _HAPPEN or passive_hold:   # "a third summit could take place", "elections will be held"
        noun = next((p for k in range(chosen.index - 1, clause.a - 1, -1) if (p := candidate(toks, k, blocked))
                     and p.kind == "noun"), None)
        return noun or chosen
    if not is_cue(base) or chosen.predicate != base and not is_cue(chosen.predicate):
        return chosen                      # a phrasal verb of its own ("pushed out a hotfix" = release)
    prev = toks[chosen.index - 1].low if chosen.index else ""
    adjacent = chosen.index > t1 or all(toks[j].low == "on" for j in range(chosen.index + 1, t0))
    finite = chosen.form in ("past", "3sg") or chosen.form == "base" and prev not in _AUX_OR_TO
    if is_decision(base) and finite and prev not in _PASSIVE and adjacent:
        return SKIP
    return complement(toks, clause, chosen.index, blocked) or chosen


_DATE_NOUNS = frozenset("date dates timetable schedule".split())


def _after_ing_modifier(toks: list[Tok], k: int) -> bool:
    """A base verb form after a determiner (or a possessive) and an -ing modifier is a noun: "the
    government's opening offer", "its closing bid" (where "were seeking approval" has no determiner)."""
    if k < 2 or not toks[k - 1].low.endswith("ing") or not toks[k - 1].text.islower():
        return False
    before = toks[k - 2].low
    return before in _DETS or before.endswith(("'s", "’s"))


def _modifier_noun(p: Pred, noun: Pred) -> bool:
    """An event noun right before the noun modifies it ("turned down the government's opening offer"): it
    is part of the noun phrase, so the verb before the phrase still governs the noun."""
    return p.kind == "noun" and p.index == noun.index - 1


def _governing_verb(toks: list[Tok], clause: Clause, noun: Pred, blocked: set[int]) -> Pred:
    """'will vote on the Brexit deal next Tuesday': the verb, not its object noun, is the event,
    unless the verb only frames the noun ('set a new launch date', 'completed the deployment')."""
    verb = next((p for k in range(noun.index - 1, clause.a - 1, -1) if (p := candidate(toks, k, blocked))
                 and not _modifier_noun(p, noun)), None)
    if verb is None or verb.kind != "verb":
        return noun
    if verb.form == "ing" and verb.index >= noun.index - 2:
        return noun                        # "the deciding one-day international": an adjective
    if noun.index >= 2 and toks[noun.index - 1].low in _DETS and toks[noun.index - 2].low in ("in", "at") \
            and noun.index - 2 > verb.index + 1:
        return noun                        # "will face Dan in a runoff on May 18": the runoff is the event
    if any(toks[k].low == "," and toks[k + 1].low == "with" for k in range(verb.index + 1, noun.index - 1)):
        return noun                        # "will restart in July, with commercial operation in late October"
    if any(toks[k].low in _TEMPORAL_LINKS - {"during"} for k in range(verb.index + 1, noun.index)):
        return noun                        # "ends before this year's election on November 24": the election
        #                                    ("found cables during load tests on Wednesday": the finding)
    vf = verb_form(toks[verb.index].low)
    base = vf[0] if vf else verb.predicate
    if noun.index + 1 < clause.b and toks[noun.index + 1].low in _DATE_NOUNS and is_reporting(base) \
            and _future_marked(toks, verb.index):
        return verb                        # "will reveal the game's new release date tomorrow": the reveal
    if is_cue(base) or is_reporting(base) or base in ("take", "have", "make", "give", "hold", "do") \
            or verb.predicate != base and not _own_phrasal(verb, noun):
        return noun
    return verb


def _own_phrasal(verb: Pred, noun: Pred) -> bool:
    """A phrasal verb whose particle ends before the noun and whose predicate is a verb of the lexicon is
    the event ("turned down the government's opening offer" = reject), where a light verb folds the noun
    itself ("reached an agreement" = agree)."""
    return verb.end < noun.index and verb.predicate in word_set("verbs", "verbs")


def _future_marked(toks: list[Tok], k: int) -> bool:
    """'will announce', 'to announce', 'will also announce', 'said it would add 60 buses': a future or
    infinitive verb group ('would' only when no that-clause follows: 'he would add that ...' reports)."""
    prev = [toks[j].low for j in range(max(0, k - 2), k)]
    marked = bool(prev) and (prev[-1] in _FUTURE or len(prev) == 2 and prev[0] in _FUTURE
                             and (prev[1].endswith("ly") or prev[1] in ("also", "now", "then", "not", "be")))
    if marked and "would" in prev[-2:] and not (prev[-1] in _FUTURE - {"would"}):
        return not any(t.low == "that" for t in toks[k + 1:k + 6])
    return marked


def resolve_cue(toks: list[Tok], clause: Clause, p: Pred, blocked: set[int]) -> Pred | None:
    """A verb candidate as an event: reporting verbs are none, cue verbs hand over to what they govern."""
    if p.kind != "verb":
        return p
    vf = verb_form(toks[p.index].low)
    base = vf[0] if vf else p.predicate
    if is_reporting(base) and not _future_marked(toks, p.index):
        return None
    return complement(toks, clause, p.index, blocked) or p if is_cue(base) else p


def complement(toks: list[Tok], clause: Clause, c: int, blocked: set[int]) -> Pred | None:
    """The event a cue verb at token c governs: 'targeting Dec. 18 for the launch' -> launch,
    'the launch ... is targeted for' -> launch, else the head noun of the subject ('images')."""
    aspect = None                          # "expects to finish the bridge": finishing, when nothing else is governed
    for k in range(c + 1, min(clause.b, c + 12)):
        if toks[k].low == "," and k + 1 < len(toks) and k + 1 not in blocked and toks[k + 1].low not in ("for", "of"):
            break                          # ", a federal judge ruled": another clause begins
        if toks[k].low in ("and", "but", "or"):
            break                          # "will begin on Jan. 24 and close on the 28": another event
        if toks[k].low in _CLAUSE_LINKS and _finite_after(toks, k, blocked):
            break                          # "postponed to June 20 after inspectors found ...": another event
        p = candidate(toks, k, blocked)
        if p and not (p.kind == "verb" and (is_cue(p.predicate) or is_reporting(p.predicate))):
            return p
        if p and aspect is None and p.kind == "verb" and p.predicate in _ASPECT and toks[k - 1].low == "to":
            aspect = p
    for k in range(c - 1, clause.a - 1, -1):
        p = candidate(toks, k, blocked)
        if p and p.kind == "noun":
            return p
    if aspect is not None:
        return aspect
    vf = verb_form(toks[c].low)
    if vf and vf[0] in _ASPECT:            # "on track to finish by December": finishing is the event
        return Pred(vf[0], c, "verb", vf[1])
    facility = _planned_facility(toks, clause, c, blocked)
    if facility is not None:
        return facility
    head = subject_head(toks, clause, c)
    return Pred(head, c, "np", "noun") if head else None


def _planned_facility(toks: list[Tok], clause: Clause, c: int, blocked: set[int]) -> Pred | None:
    """A plan whose object or subject is a facility and no event word is its opening: "plans a second
    reception centre in Kelowna on Friday", "A new shelter is planned for Friday" (`verbs.toml`
    `facility_nouns`)."""
    table = load("verbs").get("facility_nouns", {})
    words = frozenset(table.get("words", ()))
    k = c + 1
    if k < clause.b and toks[k].low in _DETS:
        k += 1
    head = None
    for j in range(k, min(clause.b, k + 4)):     # the object: determiner and up to four plain words
        if j in blocked or not toks[j].text.islower() or not toks[j].low.isalpha() or toks[j].low in _PREPOSITIONS:
            break
        head = j
    if head is None or head == c + 1 and toks[c + 1].low not in _DETS:
        head = next((j for j in range(c - 1, clause.a - 1, -1) if toks[j].low in words), None)
        if head is not None and any(toks[j].low in _PREPOSITIONS or verb_form(toks[j].low)
                                    for j in range(clause.a, head)):
            head = None                    # "people registered at the centre": the centre is no subject
    if head is None:
        return None
    low = toks[head].low
    return Pred(table.get("predicate", "open"), head, "noun", "noun") if low in words or low.rstrip("s") in words \
        else None


def subject_head(toks: list[Tok], clause: Clause, before: int) -> str | None:
    """Last plain lower-case word before the first verb or auxiliary: the subject's head noun."""
    head, frozen = None, False
    for k in range(clause.a, before):
        low = toks[k].low
        vf = verb_form(low)
        if is_auxiliary(low) or vf and vf[1] != "base" and k > clause.a and toks[k - 1].low not in _DETS:
            break
        if head and low in _PREPOSITIONS:
            frozen = True                  # "tunnel work near Badajoz": the head is "work"
        if not frozen and low.isalpha() and toks[k].text.islower() and low not in _DETS and low not in _SUBORD \
                and low not in _FUNCTION:
            head = low
    if head and head.endswith("ies"):
        head = head[:-3] + "y"
    elif head and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return head
