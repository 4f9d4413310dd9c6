"""The APScheduler 3.x setup, with every default chosen on purpose.

`BlockingScheduler(timezone=UTC)` so the host's zone never matters; `coalesce=True` and
`max_instances=1` so a slow poll is never run twice at once nor replayed N times after a
sleep; `misfire_grace_time` = the poll interval, so a poll late by less than one interval
still runs. The digest job alone gets no grace limit (`None`): a digest whose time passed
while the machine slept is sent when it wakes, once (sending is idempotent per (recipient,
day)). A digest missed while the daemon was *down* is the start-up catch-up job's business.
"""
from __future__ import annotations

import logging
from datetime import timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from tracker.daemon._jobs import DaemonContext, beat, guarded, poll_feeds, send_digests, settle

log = logging.getLogger(__name__)
SETTLE_EVERY = timedelta(hours=1)


def build_scheduler(ctx: DaemonContext) -> Any:
    """A BlockingScheduler with the poll, settle, digest, catch-up and heartbeat jobs."""
    from apscheduler.schedulers.blocking import BlockingScheduler
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    poll_s = ctx.settings.daemon.poll_seconds
    sched = BlockingScheduler(timezone=timezone.utc, job_defaults={
        "coalesce": True, "max_instances": 1, "misfire_grace_time": poll_s})
    now = ctx.clock.now()
    hour, minute, second = _digest_time(ctx.settings.digest.time)
    sched.add_job(guarded(ctx, "poll", poll_feeds), IntervalTrigger(seconds=poll_s, timezone=timezone.utc),
                  id="poll", name="poll due feeds", next_run_time=now)
    sched.add_job(guarded(ctx, "settle", settle), IntervalTrigger(seconds=int(SETTLE_EVERY.total_seconds()),
                  timezone=timezone.utc), id="settle", name="settle follow-ups", next_run_time=now)
    sched.add_job(guarded(ctx, "digest", send_digests),
                  CronTrigger(hour=hour, minute=minute, second=second, timezone=ZoneInfo(ctx.settings.digest.timezone)),
                  id="digest", name="daily digest", misfire_grace_time=None)
    sched.add_job(guarded(ctx, "digest_catchup", send_digests), "date", run_date=now,
                  id="digest_catchup", name="digest missed while down", misfire_grace_time=None)
    sched.add_job(guarded(ctx, "heartbeat", beat), IntervalTrigger(seconds=poll_s, timezone=timezone.utc),
                  id="heartbeat", name="heartbeat")
    sched.add_listener(_on_event, _event_mask())
    logging.getLogger("apscheduler").setLevel(logging.ERROR)   # we log runs and misses ourselves
    return sched


def _digest_time(text: str) -> tuple[int, int, int]:
    parts = [int(p) for p in text.split(":")] + [0]
    return parts[0], parts[1], parts[2]


def _event_mask() -> int:
    from apscheduler.events import EVENT_JOB_MISSED, EVENT_SCHEDULER_STARTED

    return int(EVENT_JOB_MISSED | EVENT_SCHEDULER_STARTED)


def _on_event(event: Any) -> None:
    from apscheduler.events import EVENT_SCHEDULER_STARTED

    if event.code == EVENT_SCHEDULER_STARTED:
        log.info("Scheduler started", extra={"event": "scheduler_started"})
        return
    log.warning("Job run missed", extra={"event": "job_missed", "job": event.job_id,
                                         "scheduled_at": event.scheduled_run_time.isoformat()})
