"""The daemon's jobs. APScheduler only calls these; each one is a plain function of the context.

- poll: `pipeline.run_once` in batches of `daemon.batch_size` until no feed is due (each batch
  is claimed and leased, so on PostgreSQL several daemons split the due feeds between them);
- settle: mark follow-ups whose deadline passed as overdue;
- digests: send the most recent digest that is due, if nobody sent it yet (the same function
  runs at digest.time and once at start, which is the catch-up after downtime).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from tracker.clock import Clock, monotonic
from tracker.config import Settings
from tracker.store import Feed, session_scope

log = logging.getLogger(__name__)


class Busy:
    """Counts jobs in progress, so shutdown can wait for them (bounded by shutdown_timeout_s)."""

    def __init__(self) -> None:
        self._count = 0
        self._cond = threading.Condition()

    def __enter__(self) -> None:
        with self._cond:
            self._count += 1

    def __exit__(self, *_exc: object) -> None:
        with self._cond:
            self._count -= 1
            self._cond.notify_all()

    def wait_idle(self, timeout_s: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self._count == 0, timeout=timeout_s)


@dataclass
class DaemonContext:
    """What every job needs; `stop` is set by the first SIGTERM/SIGINT."""

    engine: Engine
    settings: Settings
    clock: Clock
    owner: str
    first_start_at: datetime
    stop: threading.Event = field(default_factory=threading.Event)
    busy: Busy = field(default_factory=Busy)
    finished: bool = False


def guarded(ctx: DaemonContext, name: str, fn: Callable[[DaemonContext], None]) -> Callable[[], None]:
    """`fn` as a job: skipped once stopping, counted while running, errors logged in one line."""

    def job() -> None:
        if ctx.stop.is_set():
            return
        with ctx.busy:
            started = monotonic()
            try:
                fn(ctx)
            except Exception as exc:  # noqa: BLE001 - a failed run must not kill the daemon; next run retries
                log.error("Job failed", exc_info=exc, extra={"event": "job_failed", "job": name,
                                                              "error": getattr(exc, "message", None) or str(exc)})
            else:
                log.debug("Job finished", extra={"event": "job_finished", "job": name,
                                                 "elapsed_ms": round((monotonic() - started) * 1000)})

    job.__name__ = f"tracker_{name}"
    return job


def poll_feeds(ctx: DaemonContext) -> None:
    """Poll due feeds batch by batch until none is due, or until asked to stop."""
    from tracker.ingest import run_once

    batch = ctx.settings.daemon.batch_size
    due = _due_count(ctx)
    if not due:
        log.debug("No feed is due", extra={"event": "feeds_not_due"})
        return
    rounds = due // batch + 1                  # a bound: a feed that stays due cannot loop us forever
    polled = new = failed = 0
    for _ in range(rounds):
        summary = run_once(ctx.engine, ctx.settings, ctx.clock, owner=ctx.owner, stop=ctx.stop.is_set, limit=batch)
        polled, new, failed = polled + summary.feeds_polled, new + summary.new_articles, failed + summary.failures
        if summary.stopped or summary.feeds_polled < batch or ctx.stop.is_set():
            break
    log.info("Polled due feeds", extra={"event": "feeds_polled", "feeds": polled, "new_articles": new, "failures": failed})


def _due_count(ctx: DaemonContext) -> int:
    now = ctx.clock.now()
    with session_scope(ctx.engine) as session:
        due = or_(col(Feed.next_fetch_at).is_(None), col(Feed.next_fetch_at) <= now)
        return int(session.exec(select(func.count()).select_from(Feed).where(due)).one())


def settle(ctx: DaemonContext) -> None:
    """Mark follow-ups whose deadline passed (in the digest's time zone) as overdue."""
    from tracker.digest import local_day
    from tracker.timeline import settle_followups

    with session_scope(ctx.engine) as session:
        count = settle_followups(session, local_day(ctx.settings, ctx.clock.now()))
    if count:
        log.info("Follow-ups became overdue", extra={"event": "followups_settled", "count": count})


def due_day(settings: Settings, now: datetime, first_start_at: datetime) -> date | None:
    """The day of the most recent digest time at or before `now`; None if that was before the first start."""
    from tracker.digest import cutoff_for, local_day

    day = local_day(settings, now)
    if cutoff_for(settings, day) > now:
        day -= timedelta(days=1)
    return day if cutoff_for(settings, day) >= first_start_at else None


def send_digests(ctx: DaemonContext) -> None:
    """Send the most recent due digest to each recipient, unless someone already did."""
    from tracker.digest import deliver_digest

    day = due_day(ctx.settings, ctx.clock.now(), ctx.first_start_at)
    if day is None:
        log.debug("No digest due yet", extra={"event": "digest_not_due"})
        return
    for recipient in ctx.settings.digest.to:
        if ctx.stop.is_set():
            return
        deliver_digest(ctx.engine, ctx.settings, ctx.clock, recipient, day, ctx.owner)


def beat(ctx: DaemonContext) -> None:
    """Refresh this daemon's heartbeat row."""
    from tracker.daemon._locking import heartbeat

    heartbeat(ctx.engine, ctx.clock, ctx.owner)
