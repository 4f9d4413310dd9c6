"""What `tracker status` shows about the daemon: who runs, their state, the next and last digest."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from tracker.clock import utc
from tracker.config import Settings
from tracker.store import DaemonLock, Digest

FIRST_START = "first-start"


def daemon_state(session: Session, settings: Settings | None = None, now: datetime | None = None) -> dict[str, Any]:
    """The daemons on record (a running one whose heartbeat is older than 3 poll intervals is
    shown as `stale`: it probably died), the next digest time, and the last digest."""
    rows = session.exec(select(DaemonLock).order_by(col(DaemonLock.started_at).desc())).all()
    first = next((r for r in rows if r.name == FIRST_START), None)
    stale_after = timedelta(seconds=3 * (settings.daemon.poll_seconds if settings else 60))
    daemons = [{
        "name": r.name, "host": r.host, "pid": r.pid, "started_at": r.started_at, "heartbeat_at": r.heartbeat_at,
        "state": _state(r, now, stale_after),
    } for r in rows if r.name != FIRST_START][:10]
    return {
        "daemons": daemons,
        "running": sum(d["state"] == "running" for d in daemons),
        "first_started_at": first.started_at if first else None,
        "next_digest_at": _next_digest(settings, now),
        "last_digest": _last_digest(session),
    }


def _state(row: DaemonLock, now: datetime | None, stale_after: timedelta) -> str:
    if row.state == "running" and now is not None and row.heartbeat_at and utc(row.heartbeat_at) < now - stale_after:
        return "stale"
    return row.state


def _next_digest(settings: Settings | None, now: datetime | None) -> datetime | None:
    if settings is None or now is None or not settings.digest.to:
        return None
    from tracker.digest import cutoff_for, local_day

    day = local_day(settings, now)
    at = cutoff_for(settings, day)
    return at if at > now else cutoff_for(settings, day + timedelta(days=1))


def _last_digest(session: Session) -> dict[str, Any] | None:
    row = session.exec(select(Digest).order_by(col(Digest.day).desc(), col(Digest.id).desc())).first()
    if row is None:
        return None
    from tracker.digest.send import mask_address

    return {"day": row.day, "recipient": mask_address(row.recipient), "status": row.status,
            "sent_at": row.sent_at, "claimed_by": row.claimed_by, "error": row.error}
