"""Event mentions: each clause that ties something happening to a time, with its modality.

`find_mentions(text, dct)` splits sentences, tags times (or takes them injected), finds
participants, and for every DATE/TIME expression finds the event word it dates (see
`_clauses`), its modality (see `_modality`), participants, subject and a short claim.
Forward-looking mentions (scheduled, expected or conditional, at or after the publication date,
or with a deadline) become follow-ups downstream. Three discourse rules a careful reader applies
are built in: a "when"-clause shares its time with the clause it hangs on; "during the visit"
takes the time of the visit named earlier; a postponement or cancellation without a new date is
a mention of its own, with no time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from tracker.nlp import _mention_parts as parts
from tracker.nlp._clauses import SKIP, Clause, Pred, candidate, find_predicate, resolve_cue, split_clauses
from tracker.nlp._modality import classify, is_future, is_precise
from tracker.nlp._types import EventMention
from tracker.nlp._words import Tok, tokenize, verb_form
from tracker.nlp.entities import Entity, find_entities, known_names, link_entities
from tracker.nlp.sentences import Sentence, split_sentences
from tracker.nlp.temporal._types import Timex

_FORWARD = frozenset({"scheduled", "expected", "conditional"})


@dataclass
class _Article:
    """What one article's sentences share: the date, its topic, entities, and what came before."""
    text: str
    dct: date
    topic: tuple[str, ...]
    entities: list[Entity]
    people: list[Entity] = field(default_factory=list)
    recent: list[EventMention] = field(default_factory=list)      # forward mentions so far
    spans: dict[str, tuple[Timex, date, date]] = field(default_factory=dict)  # "visit" -> its time
    undated: bool = False
    terms: dict[str, str] = field(default_factory=dict)
    referents: dict[str, tuple[str, str]] = field(default_factory=dict)  # coreference class -> (name, surface)


def find_mentions(text: str, dct: date | datetime, title: str = "", timexes: list[Timex] | None = None,
                  undated: bool = False) -> list[EventMention]:
    """Event mentions of an article, in text order. `timexes` may be injected (else tagged here).

    `undated=True` also returns forward-looking statements that carry no time at all ("the storm
    could intensify"), forward with no deadline; off by default because a follow-up with no
    deadline can never be overdue, and most such statements are commentary.
    """
    day = dct.date() if isinstance(dct, datetime) else dct
    if timexes is None:
        from tracker.nlp.temporal import tag
        timexes = tag(text, dct)
    timexes = _part_of_year(text, sorted(timexes, key=lambda t: t.start))
    sentences = _without_headline(text, title, split_sentences(text))
    starts = frozenset(s.start for s in sentences)
    known = known_names(text, starts) | known_names(title, frozenset({0}))
    title_ents = find_entities(title, frozenset({0}), known, verb_evidence=False) if title else []
    linked = link_entities(title_ents + find_entities(text, starts, known))
    art = _Article(text, day, parts.topic(linked[: len(title_ents)], linked[len(title_ents):]),
                   linked[len(title_ents):], undated=undated, terms=parts.quoted_terms(text))
    out: list[EventMention] = []
    times = _per_sentence(sentences, sorted(timexes, key=lambda t: t.start))
    ents = _per_sentence(sentences, art.entities)
    for idx, sent in enumerate(sentences):
        found = _sentence_mentions(art, idx, sent, [t for t in times[idx] if t.end <= sent.end], ents[idx])
        _remember(art, sent, ents[idx], [])          # names of this sentence first: "expects the bill"
        found = [_corefer(art, m) for m in found]
        _remember(art, sent, ents[idx], found)
        out.extend(found)
        art.recent.extend(m for m in found if m.forward)
        art.people.extend(e for e in ents[idx] if e.person)
    return out


def _per_sentence(sentences: list[Sentence], spans: list) -> list[list]:
    """Items (sorted by start) grouped by the sentence they start in, in one pass: linear in the article."""
    groups: list[list] = [[] for _ in sentences]
    i = 0
    for idx, sent in enumerate(sentences):
        while i < len(spans) and spans[i].start < sent.start:
            i += 1
        while i < len(spans) and spans[i].start < sent.end:
            groups[idx].append(spans[i])
            i += 1
    return groups


def _without_headline(text: str, title: str, sentences: list[Sentence]) -> list[Sentence]:
    """Drop the headline when the body repeats it glued to the first sentence (as page extraction
    of short pages does): headlines speak in their own tense ("Abe to visit") and the body says it
    again; the title still gives the article's topic."""
    head = title.strip()
    lead = len(text) - len(text.lstrip())
    if not head or not text.startswith(head, lead):
        return sentences
    cut = lead + len(head)
    out = []
    for s in sentences:
        if s.start < cut < s.end:
            rest = len(text[cut:s.end]) - len(text[cut:s.end].lstrip())
            s = Sentence(cut + rest, s.end, text[cut + rest:s.end])
        if s.start >= cut and s.text:
            out.append(s)
    return out


def _dateline(tx: Timex, toks: list[Tok], t0: int, t1: int, dct: date) -> bool:
    """'January 22, 2019 The Parliament of...': a full date opening a sentence, glued to the next
    capitalized word, on the publication day, is the page's dateline, not an event's time."""
    return t0 == 0 and tx.first is not None and abs((tx.first - dct).days) <= 1 and t1 + 1 < len(toks) \
        and toks[t1 + 1].text[:1].isupper() and bool(re.match(r"^\d{4}-\d{2}-\d{2}", tx.value))


_IN_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_FIRST_IN = re.compile(r"\b(?:first|last|since|highest|lowest|best|worst|biggest|largest|most|least)\b", re.I)
_FUTURE_CUE = re.compile(r"\b(?:will|'ll|shall|would|could|should|may|might|expected|due|scheduled|set to|plans?)\b",
                         re.I)


def _ahead(text: str, t: Timex, dct: date, sentence_start: int) -> Timex:
    """'will hear arguments in two weeks': a duration after 'in' that the tagger left unanchored is
    the day that far after the publication date (a deadline: by then at the latest)."""
    m = _IN_DURATION.match(t.value)
    if t.type != "DURATION" or t.deadline is not None or m is None or \
            not text[max(0, t.start - 12):t.start].rstrip().endswith(" in"):
        return t
    before = text[max(sentence_start, t.start - 80):t.start]
    if _FIRST_IN.search(before) or not _FUTURE_CUE.search(before):
        return t                            # "their first meeting in five months" looks back
    n, unit = int(m.group(1)), m.group(2)
    days = {"D": 1, "W": 7, "M": 30, "Y": 365}[unit] * n
    day = dct + timedelta(days=days)
    return replace(t, type="DATE", value=day.isoformat(), mod="APPROX", first=day, last=day, deadline=day,
                   rule=f"{t.rule}+mentions_in_duration")


_PART = re.compile(r"^\d{4}-(H[12]|Q[1-4])$")
_YEAR = re.compile(r"^\d{4}$")
_QUARTERS = {"H1": ("01-01", "06-30"), "H2": ("07-01", "12-31"), "Q1": ("01-01", "03-31"),
             "Q2": ("04-01", "06-30"), "Q3": ("07-01", "09-30"), "Q4": ("10-01", "12-31")}


def _part_of_year(text: str, timexes: list[Timex]) -> list[Timex]:
    """'the first half | of | next year' tagged as two times: one, the half of that year (rule
    suffix `mentions_part_of_year`)."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        m = _PART.match(t.value)
        if m and nxt is not None and _YEAR.match(nxt.value) and text[t.end:nxt.start].strip().lower() == "of":
            year, part = nxt.value, m.group(1)
            a, b = _QUARTERS[part]
            out.append(replace(t, end=nxt.end, text=text[t.start:nxt.end], value=f"{year}-{part}",
                               first=date.fromisoformat(f"{year}-{a}"), last=date.fromisoformat(f"{year}-{b}"),
                               rule=f"{t.rule}+mentions_part_of_year"))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _future_weekday(t: Timex, dct: date, tense: str) -> Timex:
    """'New Zealand will host England ... on Saturday': a bare weekday the tagger placed before the
    publication date, dating a verb in the future tense, is the coming one (rule suffix
    `mentions_future_weekday`)."""
    if tense != "future" or not t.rule.startswith("weekday") or t.first is None or t.first >= dct:
        return t
    weeks = ((dct - t.first).days + 6) // 7
    shift = timedelta(days=7 * weeks)
    first = t.first + shift
    last = (t.last or t.first) + shift
    value = first.isoformat() + t.value[10:] if re.match(r"^\d{4}-\d{2}-\d{2}", t.value) else t.value
    return replace(t, value=value, first=first, last=last, deadline=t.deadline + shift if t.deadline else None,
                   rule=f"{t.rule}+mentions_future_weekday")


def _usable(t: Timex) -> bool:
    """DATE/TIME with a calendar interval, or any expression that carries a deadline."""
    if t.deadline is not None:
        return True
    if t.type not in ("DATE", "TIME") or t.value == "PRESENT_REF":
        return False
    return t.first is not None or t.last is not None


_RELATIVE = re.compile(r",\s+(?:who|which|whose|whom)\b[^,;:]*,")


def _relatives(sent: Sentence, timexes: list[Timex]) -> list[tuple[int, int]]:
    """Article offsets of the parenthetical relative clauses of a sentence (', who came second
    with about 21 percent,'), from the opening comma through the closing one; a comma inside a
    time ('on June 3, 2025') does not close one."""
    text = sent.text
    for t in timexes:                       # commas inside a time never close the parenthetical
        a, b = max(t.start - sent.start, 0), min(t.end - sent.start, len(text))
        if a < b:
            text = text[:a] + text[a:b].replace(",", " ") + text[b:]
    return [(m.start() + sent.start, m.end() + sent.start) for m in _RELATIVE.finditer(text)]


def _sentence_mentions(art: _Article, idx: int, sent: Sentence, timexes: list[Timex],
                       ents: list[Entity]) -> list[EventMention]:
    """Mentions of one sentence. A parenthetical relative clause (', who denies any conflict of
    interest,') is its own clause: a time outside it is read with the parenthetical blanked out, so
    its verbs, tense and cues never date or colour the main clause ('He will face Dan, who came
    second, in a runoff on May 18' is a future runoff); a time inside it is read as before."""
    rel = _relatives(sent, timexes)
    if not rel:
        return _sentence_core(art, idx, sent, timexes, ents, art.text, True)
    inside = [t for t in timexes if any(a <= t.start < b for a, b in rel)]
    outside = [t for t in timexes if t not in inside]
    chars = list(art.text[sent.start:sent.end])
    for a, b in rel:
        for i in range(a, b):
            chars[i - sent.start] = " "
    blank = "".join(chars)
    text = art.text[:sent.start] + blank + art.text[sent.end:]
    main = _sentence_core(art, idx, Sentence(sent.start, sent.end, blank), outside,
                          [e for e in ents if not any(a <= e.start < b for a, b in rel)], text, True)
    out = [replace(m, sentence=sent.text) for m in main]
    if inside:
        out += _sentence_core(art, idx, sent, inside, ents, art.text, False)
    return sorted(out, key=lambda m: m.timex.start if m.timex else sent.end)


def _sentence_core(art: _Article, idx: int, sent: Sentence, timexes: list[Timex], ents: list[Entity],
                   text: str, extras: bool) -> list[EventMention]:
    toks = tokenize(sent.text, sent.start)
    in_timex = {k for k, t in enumerate(toks) for x in timexes if x.start <= t.start < x.end}
    blocked = in_timex | {k for k, t in enumerate(toks) for e in ents if e.start <= t.start < e.end}
    clauses = split_clauses(toks, in_timex)
    ctx = parts.Context(text, sent, toks, ents, in_timex, blocked, timexes, clauses, art.terms)
    per_clause: dict[int, EventMention] = {}
    out: list[EventMention] = []
    seen: set[tuple[int, str]] = set()
    for tx in timexes:
        tx = _ahead(art.text, tx, art.dct, sent.start)
        if not _usable(tx):
            continue
        t0, t1 = parts.token_span(toks, tx)
        if t0 < 0 or _dateline(tx, toks, t0, t1, art.dct):
            continue
        ci = next(i for i, c in enumerate(clauses) if c.a <= t0 < c.b)
        pred = parts.prenominal(toks, t0, t1, blocked)
        if pred is None:
            pred = find_predicate(toks, clauses[ci], t0, t1, blocked)
        if pred is None or pred == SKIP or (ci, pred.predicate) in seen:
            continue
        will = any(toks[k].low in ("will", "'ll", "shall") for k in range(clauses[ci].a, t0))
        tx = _future_weekday(tx, art.dct, "future" if will else parts.tense(toks, clauses[ci], pred))
        m = _build(art, ctx, idx, clauses[ci], pred, tx, (t0, t1))
        if m is not None:
            seen.add((ci, pred.predicate))
            out.append(m)
            per_clause.setdefault(ci, m)
    if not extras:
        return out
    out.extend(_when_clauses(art, ctx, idx, clauses, per_clause))
    if not out:
        out.extend(_during(art, ctx, idx, clauses))
    out.extend(_undated(art, ctx, idx, clauses, out))
    if art.undated and not out:
        out.extend(_undated_forward(art, ctx, idx, clauses))
    return out


def _build(art: _Article, ctx: parts.Context, idx: int, clause: Clause, pred: Pred, tx: Timex | None,
           span: tuple[int, int] | None, interval: tuple[date, date] | None = None) -> EventMention | None:
    """One mention: modality from the clause's cues and tense, then participants, subject, claim."""
    toks = ctx.toks
    end = max(pred.index, span[1] if span else pred.index)
    anchor = min(pred.index, span[0] if span else pred.index)
    start = max((k + 1 for k in range(clause.a, anchor) if toks[k].low == "," and k not in ctx.in_timex),
                default=clause.a)            # ", a federal judge ruled on Monday": not "is set to"
    scope = ctx.masked(toks[min(start, anchor)].start, toks[min(end, clause.b - 1)].end)
    whole = ctx.masked(*ctx.with_conditions(clause))
    near = ctx.masked(toks[max(clause.a, span[0] - 6)].start, toks[span[0]].start) if span else ""
    modality = classify(scope, whole, near, tx, parts.tense(toks, clause, pred), art.dct)
    if modality is None:
        return None
    subject, surface = parts.subject(ctx, clause, pred, art.topic, art.people)
    if pred.predicate in ("visit", "arrive") and tx is not None:
        art.spans.setdefault("visit", (tx, tx.first or art.dct, tx.last or tx.first or art.dct))
    participants = parts.participants(ctx, clause, subject, art.topic)
    first, last = interval or ((tx.first, tx.last) if tx else (None, None))
    forward = modality in _FORWARD and tx is not None and is_future(tx, art.dct)
    deadline = (tx.deadline or (interval[1] if interval else None) or tx.last or tx.first) if forward else None
    if forward and tx.deadline and tx.first and tx.deadline < tx.first and parts.verbal_cue("postponed", scope):
        deadline = tx.last or tx.first      # "delayed until May 2": the new date itself
    return EventMention(idx, ctx.sent.text, ctx.sent.start, ctx.sent.end, tx, pred.predicate, participants,
                        subject, modality, parts.claim(ctx, clause, pred, surface, forward), forward,
                        deadline, first, last)


def _when_clauses(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause],
                  per_clause: dict[int, EventMention]) -> list[EventMention]:
    """'expected to agree when he visits China next month' / 'on Oct. 23, when the countries will
    mark': a when-clause and the clause it hangs on share one time."""
    out = []
    for ci in range(1, len(clauses)):
        if clauses[ci].kind != "when":
            continue
        for src, dst in ((ci, ci - 1), (ci - 1, ci)):
            if src in per_clause and dst not in per_clause:
                pred = _first_event(ctx.toks, clauses[dst], ctx.blocked, last=dst < src)
                m = per_clause[src]
                if pred is not None and pred.predicate != m.predicate:
                    built = _build(art, ctx, idx, clauses[dst], pred, m.timex, None)
                    if built is not None:
                        out.append(built)
    return out


def _first_event(toks: list[Tok], clause: Clause, blocked: set[int], last: bool) -> Pred | None:
    """The first (or last) event word of a clause, cue verbs handed over to what they govern."""
    rng = range(clause.b - 1, clause.a - 1, -1) if last else range(clause.a, clause.b)
    found = [p for k in rng if (p := candidate(toks, k, blocked)) is not None]
    if last:          # "expected to reach an agreement": the verb (folded to "agree"), not its object
        found = sorted(found, key=lambda p: (p.kind != "verb", -p.index))
    return resolve_cue(toks, clause, found[0], blocked) if found else None


def _during(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause]) -> list[EventMention]:
    """'During a three-day visit, Abe will meet Xi': the time of the visit announced just before
    (extended by the stated length), or of the visit remembered from earlier in the article."""
    ref = parts.during_ref(ctx)
    if ref is None:
        return []
    noun, days = ref[0], ref[1]
    prior = art.spans.get(noun)
    recent = next((m for m in reversed(art.recent) if m.timex and is_precise(m.timex)
                   and idx - m.sentence_index <= 2), None)
    if recent is not None and (days or prior is None):
        start = recent.first or art.dct
        span = (recent.timex, start, start + timedelta(days=max(days, 1) - 1))
    elif prior is not None:
        span = prior
    else:
        return []
    art.spans[noun] = span
    after = next((k for k, t in enumerate(ctx.toks) if t.start >= ctx.sent.start + ref[2]), len(ctx.toks))
    clause = next((c for c in clauses if c.b > after), clauses[-1])
    clause = Clause(max(clause.a, after), clause.b, clause.kind) if after < clause.b else clause
    pred = _first_event(ctx.toks, clause, ctx.blocked, last=False)
    m = _build(art, ctx, idx, clause, pred, span[0], None, (span[1], span[2])) if pred else None
    return [m] if m else []


def _undated(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause],
             found: list[EventMention]) -> list[EventMention]:
    """A postponement, cancellation or denial with no new date: a mention with no time."""
    if found:
        return []
    for clause in clauses:
        text = ctx.masked(ctx.toks[clause.a].start, ctx.toks[clause.b - 1].end)
        kinds = [k for k in ("cancelled", "denied", "postponed") if parts.verbal_cue(k, text)]
        if not kinds or len(kinds) > 1 and "denied" in kinds:
            continue              # "denied reports that the project would be scrapped": nothing is settled
        kind = kinds[0]
        pred = parts.cue_object(ctx, clause)
        if pred is None:
            continue
        subject, _ = parts.subject(ctx, clause, pred, art.topic, art.people)
        return [EventMention(idx, ctx.sent.text, ctx.sent.start, ctx.sent.end, None, pred.predicate,
                             parts.participants(ctx, clause, subject, art.topic), subject, kind,
                             parts.claim(ctx, clause, pred, subject, False), False)]
    return []




def _undated_forward(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause]) -> list[EventMention]:
    """A forward-looking clause with no time ('the storm could intensify'): the event after the cue."""
    for clause in clauses:
        a = ctx.toks[clause.a].start
        text = ctx.masked(a, ctx.toks[clause.b - 1].end)
        cue = parts.has_cue("weak", text) or parts.has_cue("strong", text)
        if cue is None:
            continue
        after = next((k for k in range(clause.a, clause.b) if ctx.toks[k].start >= a + cue.end()), clause.b)
        pred = _first_event(ctx.toks, Clause(after, clause.b, clause.kind), ctx.blocked, last=False)
        m = _build(art, ctx, idx, clause, pred, None, None) if pred else None
        if m is not None and m.modality in _FORWARD:
            return [replace(m, forward=True)]
    return []


def _coref_class(word: str) -> str | None:
    """The coreference class of a word (a noun, or a verb by its lemma), from `data/coreference.toml`."""
    table = _coref_table()
    low = word.lower()
    if low in table:
        return table[low]
    vf = verb_form(low)
    return table.get(vf[0]) if vf else None


_COREF: dict[str, str] = {}


def _topic_nouns() -> frozenset[str]:
    from tracker.nlp._lexicon import load
    return frozenset(w.lower() for w in load("coreference")["topic"]["words"])


def _coref_table() -> dict[str, str]:
    if not _COREF:
        from tracker.nlp._lexicon import load
        for cls, words in load("coreference")["classes"].items():
            for w in words:
                _COREF.setdefault(w.lower(), cls)
    return _COREF


def _corefer(art: _Article, m: EventMention) -> EventMention:
    """'The acquisition is expected to close': a definite common-noun subject of a coreference class
    stands for the most recent referent of that class in the article (the Kestrel deal)."""
    subj = m.subject
    if not subj or not subj.islower():
        return m
    cls = _coref_class(subj.split()[-1])
    ref = art.referents.get(cls) if cls else None
    if ref is None and subj.split()[-1] in _topic_nouns():
        ref = art.referents.get("organisation")      # "the company": the organisation named last
    if ref is None or ref[0] == subj:
        return m
    name = ref[0]
    participants = m.participants if name in m.participants or not name[:1].isupper() \
        else (name, *m.participants)
    return replace(m, subject=name, participants=participants)


def _remember(art: _Article, sent: Sentence, ents: list[Entity], found: list[EventMention]) -> None:
    """Referents a sentence introduces, by class: a name right after a word of the class ('buy
    Kestrel Energy', 'acquisition of Kestrel'), a name ending in one ('Digital Competition Bill'),
    the subject of a mention whose head noun is one ('parliament approved')."""
    for m in found:
        if m.subject and (cls := _coref_class(m.subject.split()[-1])):
            art.referents[cls] = (m.subject, m.subject)
    toks = tokenize(sent.text, sent.start)
    for e in ents:
        if e.kind == "name" and not e.person and e.name.split()[-1].lower() not in _coref_table():
            art.referents["organisation"] = (e.name, e.text)
        if (cls := _coref_class(e.text.split()[-1])) and e.kind == "name":
            art.referents[cls] = (e.name, e.text)
    for k, tok in enumerate(toks):
        if tok.text[:1].isupper() or (cls := _coref_class(tok.low)) is None:
            continue
        limit = toks[min(k + 5, len(toks) - 1)].end
        e = next((e for e in ents if tok.end <= e.start <= limit and e.kind == "name"), None)
        if e is not None and not any(t.low in (",", ";", ".") for t in toks[k + 1:] if t.end <= e.start):
            art.referents[cls] = (e.name, e.text)
