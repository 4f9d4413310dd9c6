"""`run`: the daemon's lifecycle, from lock to exit code.

Start: take the SQLite lock (PostgreSQL needs none), register in DaemonLock, build the
scheduler. Run until the first SIGTERM/SIGINT: then stop taking work, let the article in hand
finish (run_once checks `stop` between articles) and wait at most `daemon.shutdown_timeout_s`
for running jobs. If they are still busy after that, exit anyway: their open transaction is
rolled back by the database, and the feed stays due for the next run. Exit code 0 either way.
"""
from __future__ import annotations

import logging
import os
from typing import Any

from tracker.clock import Clock
from tracker.config import Settings
from tracker.daemon._jobs import DaemonContext, poll_feeds, send_digests, settle
from tracker.daemon._locking import heartbeat, make_owner, register, sqlite_lock
from tracker.daemon._signals import flush_logs, on_stop

log = logging.getLogger(__name__)


def run(settings: Settings, clock: Clock, *, once: bool = False) -> int:
    """Run the daemon until stopped (with `once`: one poll, settle and digest pass); return the exit code."""
    from tracker.store import make_engine

    engine = make_engine(settings.db_url)
    with sqlite_lock(settings.db_url):
        owner = make_owner()
        ctx = DaemonContext(engine, settings, clock, owner, register(engine, clock, owner))
        log.info("Daemon started", extra={"event": "daemon_started", "owner": owner, "backend": engine.dialect.name,
                                          "poll_seconds": settings.daemon.poll_seconds,
                                          "digest_time": settings.digest.time, "digest_timezone": settings.digest.timezone,
                                          "recipients": len(settings.digest.to)})
        try:
            if once:
                _tick(ctx)
            else:
                _serve(ctx)
        finally:
            _finish(ctx)
    engine.dispose()
    return 0


def _tick(ctx: DaemonContext) -> None:
    """One pass of every job, in order (what `tracker daemon --once` does)."""
    with on_stop(ctx.stop.set):
        for job in (poll_feeds, settle, send_digests):
            if not ctx.stop.is_set():
                job(ctx)


def _serve(ctx: DaemonContext) -> None:
    """Run the scheduler in this thread until the first signal, then wait (bounded) for the jobs."""
    from tracker.daemon._scheduler import build_scheduler

    from apscheduler.events import EVENT_SCHEDULER_STARTED

    sched = build_scheduler(ctx)
    # A signal that lands before the scheduler runs cannot shut it down yet: do it once it starts.
    sched.add_listener(lambda _e: ctx.stop.is_set() and _request_stop(ctx, sched), EVENT_SCHEDULER_STARTED)
    with on_stop(lambda: _request_stop(ctx, sched)):
        sched.start()                       # blocks until _request_stop shuts it down
    if not ctx.busy.wait_idle(ctx.settings.daemon.shutdown_timeout_s):
        log.warning("Shutdown timed out: the work in hand is rolled back", extra={
            "event": "daemon_shutdown_timed_out", "timeout_s": ctx.settings.daemon.shutdown_timeout_s})
        _finish(ctx)
        flush_logs()
        os._exit(0)                         # job threads cannot be killed; their transaction rolls back


def _request_stop(ctx: DaemonContext, sched: Any) -> None:
    """First signal: no new job starts, run_once stops between articles, the scheduler loop ends."""
    ctx.stop.set()
    try:
        sched.shutdown(wait=False)
    except Exception:  # noqa: BLE001 - already stopped (a signal during start-up or shutdown)
        pass


def _finish(ctx: DaemonContext) -> None:
    """Mark this daemon stopped (best effort: the database may be what failed)."""
    if ctx.finished:
        return
    ctx.finished = True
    try:
        heartbeat(ctx.engine, ctx.clock, ctx.owner, state="stopped")
    except Exception as exc:  # noqa: BLE001
        log.warning("Could not mark the daemon stopped", extra={"event": "daemon_unregister_failed", "error": str(exc)})
    log.info("Daemon stopped", extra={"event": "daemon_stopped", "owner": ctx.owner})
