"""Settlement: a follow-up's state as a pure function of the mentions linked to it.

`settle(records, as_of)` replays the linked mentions in publication order (article published_at,
article id, sentence index). Because the replay sorts, a report ingested before the claim it
settles gives the same answer as one ingested after it: order independence by construction. The
same function answers `--as-of D` by replaying only what was published by the end of D.

    first claim            -> open, deadline = its due day
    a new date             -> open (a reschedule: the deadline moves, history keeps the old one)
    put off, no new date   -> postponed
    called off / denied    -> cancelled (unless the same report gives a new date: a reschedule)
    it happened            -> fulfilled (on or before the deadline) or late (after); final
    one part of a whole    -> progress (a step with the same status) until every part is reported
    deadline < as_of, open -> overdue (judged when asked, against the day asked about)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from tracker.timeline._parts import claim_needs, covered, part_of
from tracker.timeline._records import STOPPED, Record

STATUSES = ("open", "fulfilled", "late", "overdue", "postponed", "cancelled")
FINAL = ("fulfilled", "late")


@dataclass(frozen=True, slots=True)
class Step:
    """One change of a follow-up: when it was learned, the new state, and the evidence."""

    at: datetime
    status: str
    deadline: date | None
    record: Record | None
    note: str = ""                           # what the step records besides its status ("part 1 of 2: senate")


@dataclass
class Settlement:
    status: str | None = None                # None: nothing known yet (as of the day asked)
    deadline: date | None = None
    deadline_text: str = ""
    resolution: Record | None = None
    source: Record | None = None
    history: list[Step] = field(default_factory=list)
    parts_needed: int = 1                    # "pass both houses": 2 (see `_parts`)
    whole: str = ""                          # "Parliament": a report by the whole covers every part
    parts: list[str] = field(default_factory=list)
    earlier: list[Record] = field(default_factory=list)   # reports of the deed before any claim


def settle(records: list[Record], as_of: date | None = None) -> Settlement:
    """The state of one follow-up from its linked mentions, as known at the end of `as_of`."""
    state = Settlement()
    cutoff = end_of_day(as_of) if as_of else None
    ordered = sorted(records, key=lambda r: r.sort_key)
    redated = _redated(ordered)
    for i, rec in enumerate(ordered):
        if cutoff is not None and rec.published_at > cutoff:
            break
        if state.status in FINAL or i in redated or _late_aside(rec):
            continue
        _apply(state, rec)
    if as_of is not None:
        mark_overdue(state, as_of)
    return state


def _redated(ordered: list[Record]) -> set[int]:
    """Positions of call-offs that the same report follows with a new date: "abandoned without a ball bowled ...
    would be replayed the following day" is one reschedule, not a cancellation and a reopening."""
    out: set[int] = set()
    for i, rec in enumerate(ordered):
        if rec.modality in STOPPED and any(
                later.article_id == rec.article_id and later.forward and later.due is not None
                for later in ordered[i + 1:]):
            out.add(i)
    return out


def _late_aside(rec: Record) -> bool:
    """'had fallen behind because of flooding in December': a deed that only borrowed the class of a thing told
    late is no report that the thing happened (see `_keys.late_borrowed`); it changes no follow-up."""
    from tracker.timeline._keys import late_borrowed

    return rec.happened and late_borrowed(rec.predicate, rec.own_key.partition("|")[0], rec.sentence)


def _apply(state: Settlement, rec: Record) -> None:
    """One mention's effect on the state (the table in the module docstring)."""
    if rec.happened and state.source is not None and _calls_off(state.source, rec):
        state.resolution = rec  # "withdrew its strike notice", "an attempt to overturn the veto failed"
        _step(state, rec, "cancelled", state.deadline)
    elif rec.happened or (rec.modality in STOPPED and state.source is not None and _held(state.source, rec)):
        if state.status is None:
            state.earlier.append(rec)  # nothing to settle yet; a part of a whole still counts later
            return
        if state.parts_needed > 1 and not _completes(state, rec):
            return
        done = rec.day_first <= state.deadline if state.deadline else True
        state.resolution = rec
        _step(state, rec, "fulfilled" if done else "late", state.deadline)
    elif rec.modality in STOPPED:
        state.resolution = rec  # the report that called it off is what settled it
        _step(state, rec, "cancelled", state.deadline)
    elif rec.modality == "postponed" and rec.due is None:
        _step(state, rec, "postponed", state.deadline)
    else:
        needs = claim_needs(rec)
        if needs.parts > state.parts_needed:
            state.parts_needed, state.whole = needs.parts, needs.whole
        due = rec.due
        if state.status is None or (due is not None and due != state.deadline) or state.status != "open":
            if state.source is None:
                state.source = rec
            if due is not None or state.status is None:
                state.deadline, state.deadline_text = due, rec.time_text
            state.resolution = None  # reopened: a call-off before it no longer settles it
            first = state.status is None
            _step(state, rec, "open", state.deadline)
            if first and state.parts_needed > 1:
                _count_earlier(state, rec)


def _calls_off(claim: Record, rec: Record) -> bool:
    """A deed that calls the claim off (words of `data/compat.toml`), whatever modality the finder gave it."""
    from tracker.timeline._compat import calls_off, classes_of

    return calls_off(classes_of(claim.own_key.partition("|")[0], claim.predicate), rec.sentence)


def _held(claim: Record, rec: Record) -> bool:
    """A rejection that is the claimed vote held ("Members rejected the agreement"), words of `data/compat.toml`."""
    from tracker.timeline._compat import classes_of, held_by_outcome

    return held_by_outcome(claim.predicate, classes_of(claim.own_key.partition("|")[0], claim.predicate),
                           classes_of(rec.own_key.partition("|")[0], rec.predicate))


def _completes(state: Settlement, rec: Record) -> bool:
    """A report of one part of a whole: progress (a step that keeps the status) until the last part.

    A report that names no part of its own (or one already counted) changes nothing.
    """
    part = part_of(rec, state.source) if state.source is not None else ""
    if not part or part in state.parts:
        return False
    before = covered(state.parts, state.whole)
    state.parts.append(part)
    done = covered(state.parts, state.whole)
    if done >= state.parts_needed:
        return True
    if done == before:
        return False
    note = f"part {done} of {state.parts_needed}: {part}"
    state.history.append(Step(rec.published_at, state.status or "open", state.deadline, rec, note))
    return False


def _count_earlier(state: Settlement, claim: Record) -> None:
    """Parts reported before the claim that needs them all ('expects the bill, passed by the House
    last month, to pass both houses by June'): progress already made, noted at the claim."""
    for rec in state.earlier:
        part = part_of(rec, claim)
        if not part or part in state.parts:
            continue
        if covered([*state.parts, part], state.whole) >= state.parts_needed:
            break  # a claim of what is already complete is no claim about those reports
        state.parts.append(part)
        note = f"part {covered(state.parts, state.whole)} of {state.parts_needed} (reported before): {part}"
        state.history.append(Step(claim.published_at, "open", state.deadline, rec, note))


def _step(state: Settlement, rec: Record, status: str, deadline: date | None) -> None:
    if state.source is None and not rec.happened:
        state.source = rec
    state.status = status
    state.history.append(Step(rec.published_at, status, deadline, rec))


def mark_overdue(state: Settlement, today: date) -> None:
    """Open with a deadline before `today`: overdue, judged against the day asked about."""
    if state.status == "open" and state.deadline is not None and state.deadline < today:
        state.status = "overdue"
        at = datetime.combine(state.deadline, time.max, tzinfo=timezone.utc)
        state.history.append(Step(at, "overdue", state.deadline, None))


def end_of_day(day: date) -> datetime:
    """The last instant of `day` in UTC: articles published that day still count."""
    return datetime.combine(day, time.max, tzinfo=timezone.utc)
