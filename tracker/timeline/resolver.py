"""The resolver: which mentions are one event, and which forward mentions are one plan.

Blocking first (see `_keys`): a mention can only be one event with mentions of its *thread*, the
mentions of the same predicate class that agree with it through a shared anchor. Resolving an
article reads only its neighbours' threads, so the cost stays flat however large the timeline grows.
Within a thread, `plan_block` is a pure function of the thread's mentions taken in publication
order, so the result is the same whatever order the articles arrived in:

- forward mentions form *plans*: a new date for an open plan is a reschedule, not a new plan; a
  forward mention after the plan came true starts a new plan (the next launch), unless it only
  restates the date that came true;
- a report that the thing happened closes the open plan it fulfils (if it happened after the plan
  was announced) and joins the events whose days overlap it;
- a plan that came true shares the event of the report that settled it (but a report that it was
  put off, dated on the day it was put off, stays an event of that day); an open one is an event
  of its own, dated by its latest announcement;
- a claim that needs every part of a whole ("to pass both houses of Parliament", see `_parts`) is a
  plan of its own, beside the others: reports of one part are its progress (they may also settle a
  plan about that part, "the Senate is to vote on Thursday"), a report that a part was put off or
  called off bears on it too, and it comes true with the report of its last part. It takes no claim
  but its own restatements, so a separate plan about one part stays a follow-up of its own.

Across threads, `merge_outlets` folds the events of one deed that outlets told in other words (another verb,
another anchor: "was arrested" / "was detained", the person / the court) into one event: same day, same
participant, same or related deed (`data/matching.toml`, `[outlets]`); blocking finds them through
`outlet_keys` (a name's head at each day of the mention's time: one indexed lookup).
"""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from tracker.timeline._compat import (
    calls_off, classes_of, compat_of, endpoints, in_window, other_actor, other_thing, settles_window,
)
from tracker.nlp._words import verb_form
from tracker.timeline._keys import acronym, block_key, first_part_of, name_head, named_dated, untimed_base
from tracker.timeline._lexicon import (
    has_object_identity, is_country, is_place, is_symmetric, lexicon, normalize_name, paraphrases, predicate_class,
    strip_title,
)
from tracker.timeline._parts import claim_needs, part_of
from tracker.timeline._records import Record
from tracker.timeline.followups import FINAL, settle

log = logging.getLogger(__name__)

__all__ = ["BlockResult", "Plan", "attach_reports", "block_key", "merge_outlets", "outlet_keys", "plan_block"]

ANNOUNCED_SLACK = timedelta(days=1)
SETTLING = ("postponed", "cancelled", "denied")   # not forward, yet they bear on a plan


@dataclass
class Plan:
    """Forward mentions of one intention, plus the report that settled it (if any)."""

    claims: list[Record] = field(default_factory=list)
    evidence: list[Record] = field(default_factory=list)
    outcome: Record | None = None

    @property
    def records(self) -> list[Record]:
        return sorted(self.claims + self.evidence, key=lambda r: r.sort_key)

    @property
    def announced_on(self) -> date:
        return self.claims[0].published_on if self.claims else date.min


@dataclass
class BlockResult:
    events: list[list[Record]]
    plans: list[Plan]


def plan_block(records: list[Record]) -> BlockResult:
    """Group one block's mentions into events and plans (pure; deterministic in any input order)."""
    plans: list[Plan] = []
    wholes: list[Plan] = []   # plans that need every part of a whole
    happened: list[Record] = []
    asides: list[list[Record]] = []
    for rec in sorted(records, key=lambda r: r.sort_key):
        if rec.happened:
            happened.append(rec)
            _settle_plan(plans, rec)
            _progress(wholes, rec)
        elif rec.forward and claim_needs(rec).parts > 1:
            _add_claim(wholes, rec)
            if len(wholes[-1].claims) == 1:
                _earlier_parts(wholes, happened)
        elif rec.forward or rec.modality in SETTLING:
            _add_claim(plans, rec)
            if rec.modality in SETTLING:
                _bear_on_whole(wholes, rec)
        else:  # neither a deed nor a claim (an expectation told as past): an event, no follow-up
            asides.append([rec])
    clusters = _cluster(happened)
    every = sorted(plans + wholes, key=lambda p: p.records[0].sort_key)
    events = _events(clusters, every, _loose(clusters)) + asides
    return BlockResult(events, every)


def _settle_plan(plans: list[Plan], rec: Record) -> None:
    """A report that it happened fulfils the open plan announced before it happened."""
    if plans and plans[-1].outcome is None and rec.day_last >= plans[-1].announced_on - ANNOUNCED_SLACK:
        plans[-1].evidence.append(rec)
        plans[-1].outcome = rec
    elif plans and plans[-1].outcome is not None and _overlaps(rec, plans[-1].outcome):
        plans[-1].evidence.append(rec)


def _progress(wholes: list[Plan], rec: Record) -> None:
    """A report of one part is progress of the open whole-plan; the report of its last part settles it."""
    last = wholes[-1] if wholes else None
    if last is None or not last.claims:
        return
    if last.outcome is None and rec.day_last >= last.announced_on - ANNOUNCED_SLACK:
        if part_of(rec, last.claims[0]):
            last.evidence.append(rec)
            if settle(last.records).status in FINAL:
                last.outcome = rec
    elif last.outcome is not None and _overlaps(rec, last.outcome):
        last.evidence.append(rec)


def _earlier_parts(wholes: list[Plan], happened: list[Record]) -> None:
    """A new whole-plan takes the parts reported in the year before it (after the previous one came true)."""
    plan = wholes[-1]
    since = wholes[-2].outcome.day_last if len(wholes) > 1 and wholes[-2].outcome is not None else date.min
    floor = plan.announced_on - timedelta(days=365)
    plan.evidence += [h for h in happened
                      if h.day_first > since and h.day_last >= floor and part_of(h, plan.claims[0])]


def _bear_on_whole(wholes: list[Plan], rec: Record) -> None:
    """A part put off or called off puts off or calls off the whole it belongs to."""
    last = wholes[-1] if wholes else None
    if last is not None and last.claims and last.outcome is None:
        last.evidence.append(rec)


def _add_claim(plans: list[Plan], rec: Record) -> None:
    """Join the open plan (a restatement or a reschedule), or start the next one.

    Reports that something was put off or called off, with no plan announced among them, are not one
    plan: "rejected the 45 million euro offer on Thursday" and, seven weeks later, "rejected a final
    offer" are two refusals, each an event of its own day.
    """
    last = plans[-1] if plans else None
    if last is not None and not rec.forward and not any(c.forward for c in last.claims) \
            and not any(_overlaps(rec, c) for c in last.claims):
        plans.append(Plan(claims=[rec]))
    elif last is not None and (last.outcome is None or _overlaps(rec, last.outcome)):
        last.claims.append(rec)
    else:
        plans.append(Plan(claims=[rec]))


def _put_off_that_day(rec: Record) -> bool:
    """'The decider was abandoned tonight': a put-off or call-off dated on or before its report is an
    event of its own day (the day the plan fell through), even once the plan came true later."""
    return rec.modality in SETTLING and rec.first is not None and rec.day_last <= rec.published_on


def _overlaps(a: Record, b: Record) -> bool:
    return a.day_first <= b.day_last and b.day_first <= a.day_last


def _cluster(happened: list[Record]) -> list[list[Record]]:
    """Reports of things that happened are one event when their days overlap. A deed told in passing with no
    time ("in the first week after the bridge opened") is a report of the one event of the thread that had
    happened by its publication day, when there is exactly one; else a cluster of its own (see `_loose`)."""
    clusters: list[list[Record]] = []
    last_day = date.min
    for rec in sorted((r for r in happened if not r.untimed), key=lambda r: (r.day_first, r.sort_key)):
        if clusters and rec.day_first <= last_day:
            clusters[-1].append(rec)
            last_day = max(last_day, rec.day_last)
        else:
            clusters.append([rec])
            last_day = rec.day_last
    timed = len(clusters)
    for rec in sorted((r for r in happened if r.untimed), key=lambda r: r.sort_key):
        earlier = [c for c in clusters[:timed] if c[0].day_first <= rec.published_on and _named_by(rec, c)]
        if len(earlier) == 1:
            earlier[0].append(rec)
        else:
            clusters.append([rec])
    return clusters


def _named_by(rec: Record, cluster: list[Record]) -> bool:
    """Is the cluster what the untimed deed names? 'after the bridge opened' (`open|~bridge^untimed`) names a
    report keyed for a day by a name of head 'bridge' (`open|~bridge@2026-06-20`), not the start of work on
    its span told in the same thread; a deed with no such key names any report of its thread."""
    bases = {untimed_base(k) for k in rec.keys} - {""}
    return not bases or any(d is not None and d[0] in bases and d[1] <= rec.published_on
                            for r in cluster for d in map(named_dated, r.keys))


def _loose(clusters: list[list[Record]]) -> set[int]:
    """Clusters of deeds told in passing only: no event of their own unless they settled a plan (an untimed
    report dated at its publication day would put on the timeline a day on which nothing happened)."""
    return {i for i, c in enumerate(clusters) if all(r.untimed for r in c)}


def _events(clusters: list[list[Record]], plans: list[Plan],
            loose: frozenset[int] | set[int] = frozenset()) -> list[list[Record]]:
    """Events: clusters of what happened (with the plans they fulfilled), then open plans; a loose cluster
    (deeds told in passing only) is an event only when it settled a plan."""
    events = [list(c) for c in clusters]
    where = {id(rec): i for i, cluster in enumerate(clusters) for rec in cluster}
    settled: set[int] = set()
    for plan in plans:
        if plan.outcome is not None:
            told = [r for r in plan.claims if _put_off_that_day(r)]
            settled.add(where[id(plan.outcome)])
            events[where[id(plan.outcome)]].extend(r for r in plan.claims if not _put_off_that_day(r))
            events.extend([r] for r in told)
        else:
            events.append(list(plan.claims))
    return [sorted(e, key=lambda r: r.sort_key) for i, e in enumerate(events)
            if e and (i not in loose or i in settled)]


def attach_reports(plans: list[tuple[str, Plan]], candidates: list[tuple[str, Record]]) -> None:
    """Settle open plans by compatible reports of other threads (see `_compat`): 'City council will vote on the
    budget on Feb. 10' by 'Toronto city council approved a C$18.7 billion budget on Tuesday'.

    `candidates` are (thread key, record) pairs: every mention sharing a compat key with a plan's claims
    within the blocking window. A plan that its own thread left open takes the first report published that shares a key with one of its claims and falls in the claim's window; the report is
    linked as evidence and stays an event of its own thread. Pure: the same sets give the same answer."""
    reports = [(key, rec, compat_of(rec.keys)) for key, rec in candidates
               if not rec.forward and compat_of(rec.keys) and (rec.happened or rec.modality in ("cancelled", "denied"))]
    if not reports:
        return
    for key, plan in plans:
        if plan.outcome is not None or not plan.claims or claim_needs(plan.claims[0]).parts > 1:
            continue
        state = settle(plan.records)
        if state.status not in ("open", "postponed") or state.source is None:
            continue
        deadline = None if state.status == "postponed" else state.deadline   # put off: whenever it happens
        found = [rec for thread, rec, keys in reports if thread != key and _fits(plan, deadline, rec, keys)]
        if found:
            best = min(found, key=lambda r: r.sort_key)
            plan.evidence.append(best)
            plan.outcome = best


def _first_part(rec: Record) -> bool:
    """Is the mention about the first part of a whole ("the first stage", "its first six stations")? Such a part
    is a thread of its own (`_keys.first_part_of`), and it settles no claim about the whole in other words either."""
    return bool(first_part_of(rec.own_key.partition("|")[0], rec.subject, rec.sentence, rec.participants))


def _another_of_its_kind(claim_names: list[str], rec: Record) -> bool:
    """Does the report name a thing of the claim's kind that the claim does not name? A claim about the
    "Riverside Line" shares only common words ("opened to passengers") with a report of the "Tengah Line": two
    names ending in one head word are two things of one kind, so the report is about the other one."""
    claim = {normalize_name(n) for n in claim_names if n}
    heads = {n.split()[-1] for n in claim if len(n.split()) > 1}
    for name in (rec.subject, *rec.participants):
        key = normalize_name(name) if name else ""
        if len(key.split()) > 1 and key.split()[-1] in heads and key not in claim:
            return True
    return False


def _fits(plan: Plan, deadline: date | None, rec: Record, keys: frozenset[str]) -> bool:
    """Does the report share a thing with a claim of the plan, within that claim's window?"""
    latest = max(plan.claims, key=lambda c: c.sort_key)
    off = calls_off(classes_of(latest.own_key.partition("|")[0], latest.predicate), rec.sentence)
    one_day = latest.one_day if latest.forward else None
    if not settles_window(rec.day_first, rec.day_last, plan.announced_on, deadline, one_day, off):
        return False
    shared = {k.partition("|")[2] for c in plan.claims for k in compat_of(c.keys) & keys
              if in_window(endpoints(c.first, c.last, c.deadline, c.published_on),
                           endpoints(rec.first, rec.last, rec.deadline, rec.published_on))}
    names = [n for c in plan.claims for n in (c.subject, *c.participants)]
    named = shared & {normalize_name(n) for n in names if n}
    if not shared or (named and not shared - named and latest.own_key.partition("|")[2].startswith("~") and not off):
        return False   # a claim about a thing ("an update") is not settled by its doer's name alone (but called off)
    if not named and other_actor(names, rec.subject, rec.participants):
        return False   # a name both share is the thing itself; a common noun needs no other actor
    if _first_part(rec) and not _first_part(latest):
        return False   # "The first stage of the line opened" is partial progress, not the whole line
    if not named and _another_of_its_kind(names, rec):
        return False   # "the Tengah Line opened to passengers" is another line than the Riverside Line
    return not other_thing(names, rec.own_key.partition("|")[0], rec.sentence, rec.subject, rec.participants)


# ---------------------------------------------------------------------------------------------------------------
# One deed told by several outlets (see `data/matching.toml`, `[outlets]`).

OUTLET_PREFIX = "%"   # `%castaño@2026-02-11`: a name's head on one day (never a class key, never a dated key)
_WORDS = re.compile(r"[a-z][a-z'-]+")
_DETS = frozenset("the a an its their his her our this that these those new first".split())
_STOPS = frozenset("""to on in at for from with by of and or but as after before during until into over about
than that which who when while because since""".split())


@cache
def _outlets() -> dict:
    table = tomllib.loads((Path(__file__).parent / "data" / "matching.toml").read_text(encoding="utf-8"))["outlets"]
    related: dict[str, frozenset[str]] = {}
    for group in table["related"]:
        for word in group:
            related[word] = related.get(word, frozenset()) | frozenset(group)
    return {**table, "related": related, "not_deeds": frozenset(table["not_deeds"])}


def _short_days(first: date | None, last: date | None) -> list[date]:
    """The days of a time of at most `span_days` days (none for a longer or missing time)."""
    if first is None:
        return []
    last = last or first
    if (last - first).days + 1 > _outlets()["span_days"] or last < first:
        return []
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def outlet_keys(subject: str, participants: tuple[str, ...] | list[str], first: date | None,
                last: date | None) -> tuple[str, ...]:
    """Blocking keys of the outlet merge: the head of each name (`name_head`: a person's surname, an
    organisation's noun) and its initials ("accc") at each day of a short time. A mention of one day finds every mention of that day that
    names a thing of the same head, whichever class it was filed under; the test itself is `_same_actor`."""
    days = _short_days(first, last)
    names = _names(subject, participants) | _places(participants)
    heads = ({name_head(n) for n in names} | {acronym(n) for n in names}) - {""}
    return tuple(sorted(f"{OUTLET_PREFIX}{h}@{d.isoformat()}" for h in heads for d in days))


def merge_outlets(events: list[tuple[str, list[Record]]], plans: list[tuple[str, Plan]] = ()) -> \
        list[tuple[str, list[Record]]]:
    """Fold events of different threads that report one deed into one (pure; order of `events` does not matter
    for the groups formed). An open plan whose event is folded into a report of what happened is fulfilled by
    the earliest published such report (it came true in other words)."""
    from tracker.timeline._events import describe_event

    spans: list[tuple[date, date] | None] = []
    for _key, group in events:
        fields = describe_event(group)
        ok = fields.kind not in SETTLING and len(_short_days(fields.start, fields.end)) > 0
        spans.append((fields.start, fields.end) if ok else None)
    n = len(events)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_head: dict[str, list[int]] = {}
    for i, (_key, group) in enumerate(events):
        if spans[i] is None:
            continue
        for rec in _eligible(group, spans[i]):
            for k in outlet_keys(rec.subject, rec.participants, rec.first, rec.last):
                by_head.setdefault(k, []).append(i)
    pairs = sorted({(a, b) for members in by_head.values() for a in set(members) for b in set(members) if a < b})
    for a, b in pairs:
        if events[a][0] != events[b][0] and find(a) != find(b) and _one_deed(events[a][1], spans[a], events[b][1], spans[b]):
            log.debug("Outlets merged.", extra={"event": "outlets_merged", "threads": [events[a][0], events[b][0]]})
            parent[max(find(a), find(b))] = min(find(a), find(b))
    merged: dict[int, tuple[str, list[Record]]] = {}
    for i, (key, group) in enumerate(events):
        root = find(i)
        if root in merged:
            merged[root] = (min(merged[root][0], key), merged[root][1] + group)
        else:
            merged[root] = (key, list(group))
    out = [(key, sorted(group, key=lambda r: r.sort_key)) for key, group in merged.values()]
    _fulfil_merged(out, list(plans), {id(r): key for key, group in events for r in group})
    return out


def _eligible(group: list[Record], span: tuple[date, date]) -> list[Record]:
    """The mentions of an event that say on which day it is: a short time overlapping the event's, not a report
    that it was put off or called off."""
    return [r for r in group if r.first is not None and r.modality not in SETTLING and _short_days(r.first, r.last)
            and r.day_first <= span[1] and span[0] <= r.day_last]


def _nested(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _one_deed(a: list[Record], span_a: tuple[date, date], b: list[Record], span_b: tuple[date, date]) -> bool:
    """Two events (of different threads) are one deed told by different outlets: their days nest, no article
    tells both (an article that does knows them as two deeds: "met ... and signed an accord"), and a mention of
    each agrees on the day, a participant and the deed."""
    if not _nested(span_a, span_b) or {r.article_id for r in a} & {s.article_id for s in b}:
        return False
    return any(_agree(r, s) for r in _eligible(a, span_a) for s in _eligible(b, span_b))


def _agree(r: Record, s: Record) -> bool:
    """Two mentions of other articles tell one deed: nested days, a participant (`_same_actor`), not two
    things of a class named by its object ("the terminal" / "the red line" opening that day), and the deed
    (`_same_deed`): days that only nest ("on Friday" / "last week") need the same class."""
    days_r, days_s = (r.day_first, r.day_last), (s.day_first, s.day_last)
    if not _nested(days_r, days_s) or not _same_actor(r, s) or _other_things(r, s):
        return False
    strength = _same_deed(r, s)
    return strength > 2 or (strength > 0 and days_r == days_s)


def _names(subject: str, participants: tuple[str, ...] | list[str]) -> set[str]:
    """Who a mention names (normalized, titles dropped): participants that are no place and no country, and its
    subject when it is a name (a place or a country too: "Malawi made its offer")."""
    out = {normalize_name(strip_title(p)) for p in participants
           if p and p[:1].isupper() and not is_country(p) and not is_place(p)}
    if subject and subject.strip()[:1].isupper():
        out.add(normalize_name(strip_title(subject)))
    return out - {""}


def _places(participants: tuple[str, ...] | list[str]) -> set[str]:
    """Where a mention is (places that are no country): "near Penticton"."""
    return {normalize_name(p) for p in participants if p and is_place(p) and not is_country(p)} - {""}


def _name_match(x: str, y: str) -> bool:
    """One name: equal, one ending the other ("food and drug administration" / "us food and drug
    administration", "delphine" / "hurricane delphine"), or one the other's initials ("accc")."""
    if x == y:
        return True
    short, long = sorted((x.split(), y.split()), key=len)
    return (len(short) >= 1 and long[-len(short):] == short and len(" ".join(short)) > 3) \
        or acronym(x) == y or acronym(y) == x


def _same_actor(r: Record, s: Record) -> bool:
    """A name both give (`_name_match`), or two places both name ("Corella Creek", "Mackay"); a mention of a
    class whose parties are its identity (a meeting, a match) needs as many of its names and places as it has,
    up to two ("Zhao met Alves" is not "Morita and Zhao met"). One place both name only counts for the same
    verb acting on the same thing ("issued an evacuation order" / "an evacuation order was issued")."""
    ours, theirs = _names(r.subject, r.participants), _names(s.subject, s.participants)
    names = sum(1 for x in ours if any(_name_match(x, y) for y in theirs))
    places = len((_places(r.participants) - ours) & (_places(s.participants) - theirs))
    need = 1
    for rec, named in ((r, ours), (s, theirs)):
        if is_symmetric(rec.own_key.partition("|")[0]):
            need = max(need, min(2, len(named | _places(rec.participants))))
    if (names >= 1 or places >= 2) and names + places >= need:
        return True
    return need == 1 and places >= 1 and _verb(r) == _verb(s) != "" and _thing(r) != "" and _thing(r) == _thing(s)


def _other_things(r: Record, s: Record) -> bool:
    """Both of classes named by what is acted on, about two things: two common nouns ("the terminal" / "the red
    line") or two names that are not one."""
    cr, cs = r.own_key.partition("|")[0], s.own_key.partition("|")[0]
    if not (has_object_identity(cr) and has_object_identity(cs)):
        return False
    ar, as_ = r.own_key.partition("|")[2], s.own_key.partition("|")[2]
    if ar.startswith("~") and as_.startswith("~"):
        return ar != as_
    if not ar.startswith("~") and not as_.startswith("~"):
        return not _name_match(ar, as_)
    return False


def _verb(rec: Record) -> str:
    words = rec.predicate.lower().split()
    return _lemma(words[0]) if words else ""


def _thing(rec: Record) -> str:
    """What the deed acts on: the object after the verb, else a common-noun subject (a passive: "an evacuation
    order was issued")."""
    obj = _object_head(rec)
    if obj:
        return obj
    words = _WORDS.findall(rec.subject.lower()) if rec.subject[:1].islower() or rec.subject.lower().startswith(
        ("the ", "a ", "an ")) else []
    return _lemma(words[-1]) if words else ""


def _lemma(word: str) -> str:
    form = verb_form(word)
    if form:
        return form[0]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _deeds(rec: Record) -> set[str]:
    """The words that name a mention's deed: its class and its verb (lemma), with their related words."""
    table = _outlets()
    words = rec.predicate.lower().split()
    verb = _lemma(words[0]) if words else ""
    cls = rec.own_key.partition("|")[0]
    out = {w for w in (cls, verb, predicate_class(verb) if verb else "") if w and _is_deed_word(w)} - table["not_deeds"]
    for w in list(out):
        out |= table["related"].get(w, frozenset())
    return out


def _is_deed_word(word: str) -> bool:
    """A class of the predicate table, a paraphrase group or a known verb: a mention whose predicate is some other
    word ("members") names no deed a sentence could name."""
    return word in lexicon().classes or word in paraphrases() or word in _verb_bases()


@cache
def _verb_bases() -> frozenset[str]:
    from tracker.nlp._words import _verbs

    return frozenset(_verbs())


def _sentence_deeds(rec: Record) -> set[str]:
    """The deeds the words of a mention's sentence name: each word's lemma and its class."""
    table = _outlets()
    out: set[str] = set()
    for word in _WORDS.findall(rec.sentence.lower()):
        lemma = _lemma(word)
        out |= {lemma, predicate_class(lemma)}
    return out - table["not_deeds"]


def _stem_match(a: str, b: str) -> bool:
    """'vaccinate' / 'vaccine': a long shared stem, short tails."""
    table = _outlets()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= table["stem"] and len(a) - n <= table["tail"] and len(b) - n <= table["tail"]


def _classes(rec: Record) -> set[str]:
    """The mention's class with its related classes."""
    cls = rec.own_key.partition("|")[0]
    return {cls} | _outlets()["related"].get(cls, frozenset())


def _same_deed(r: Record, s: Record) -> int:
    """3: the same class (or related ones); 2: the same verb, each sentence naming the other's deed, one stem ("vaccinate" /
    "vaccine"), or the same thing acted on; 1: one sentence names the other's deed ("Alvor beat Braga in their
    opening league match" / "Alvor begin their league season"); 0: nothing in common."""
    if _classes(r) & _classes(s):
        return 3
    dr, ds = _deeds(r), _deeds(s)
    if dr & ds:
        return 2
    wr, ws = _sentence_deeds(r), _sentence_deeds(s)
    if any(_stem_match(x, y) for x in dr for y in ws) or any(_stem_match(x, y) for x in ds for y in wr):
        return 2
    obj = _object_head(r)
    if obj and obj == _object_head(s):
        return 2
    named = int(bool(dr & ws)) + int(bool(ds & wr))
    return named


def _object_head(rec: Record) -> str:
    """The head noun of the lower-case phrase right after the mention's verb: 'began pushing the corrected battery
    software to ...' -> 'software'; none when a name, a time or nothing follows."""
    words = rec.predicate.lower().split()
    if not words or not rec.sentence:
        return ""
    verb = _lemma(words[0])
    toks = rec.sentence.split()
    for i, tok in enumerate(toks):
        w = re.sub(r"[^\w'-]", "", tok.lower())
        if not w or _lemma(w) != verb:
            continue
        phrase: list[str] = []
        for t in toks[i + 1:i + 8]:
            bare = re.sub(r"[^\w'-]", "", t)
            if not bare or bare.lower() in _STOPS or bare[:1].isupper() or bare[:1].isdigit():
                break
            phrase.append(bare.lower())
            if t[-1:] in ",;:.":
                break
        phrase = [p for p in phrase if p not in _DETS]
        return _lemma(phrase[-1]) if phrase else ""
    return ""


def _fulfil_merged(events: list[tuple[str, list[Record]]], plans: list[tuple[str, Plan]],
                   thread_of: dict[int, str]) -> None:
    """An open plan whose latest claim now shares an event with a report of another thread that it happened, on
    the claimed day, came true (the earliest published such report settles it)."""
    where = {id(rec): i for i, (_key, group) in enumerate(events) for rec in group}
    for key, plan in plans:
        if plan.outcome is not None or not plan.claims or claim_needs(plan.claims[0]).parts > 1:
            continue
        latest = max((c for c in plan.claims if c.forward), key=lambda c: c.sort_key, default=None)
        if latest is None or id(latest) not in where:
            continue
        done = [r for r in events[where[id(latest)]][1]
                if r.happened and not r.untimed and thread_of.get(id(r), key) != key
                and _nested((r.day_first, r.day_last), (latest.day_first, latest.day_last))
                and r.day_last >= plan.announced_on - ANNOUNCED_SLACK]
        if done and settle(plan.records).status in ("open", "postponed"):
            best = min(done, key=lambda r: r.sort_key)
            plan.evidence.append(best)
            plan.outcome = best
