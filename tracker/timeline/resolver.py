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
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from tracker.timeline._compat import (
    calls_off, classes_of, compat_of, endpoints, in_window, other_actor, other_thing, settles_window,
)
from tracker.timeline._keys import block_key, named_dated, untimed_base
from tracker.timeline._lexicon import normalize_name
from tracker.timeline._parts import claim_needs, part_of
from tracker.timeline._records import Record
from tracker.timeline.followups import FINAL, settle

__all__ = ["BlockResult", "Plan", "attach_reports", "block_key", "plan_block"]

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
    return not other_thing(names, rec.own_key.partition("|")[0], rec.sentence, rec.subject, rec.participants)
