"""Who runs: the SQLite lock file, and the daemon's row in DaemonLock.

SQLite allows one daemon. The lock is an `fcntl.flock` on `<db file>.daemon.lock`: the kernel
drops it when the process dies, even by kill -9, so a stale lock never blocks a restart.
PostgreSQL daemons need no lock; they share the work through the database.

DaemonLock also keeps one row named `first-start`: the first time any daemon ran on this
database. A fresh install back-fills no digest for days before it.
"""
from __future__ import annotations

import fcntl
import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

from sqlalchemy import delete, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from tracker.clock import Clock, utc
from tracker.errors import DaemonError
from tracker.store import DaemonLock, session_scope

log = logging.getLogger(__name__)
FIRST_START = "first-start"
FORGET_AFTER = timedelta(days=7)


def lock_path(db_url: str) -> Path | None:
    """`<db file>.daemon.lock` for a SQLite file; None for PostgreSQL or an in-memory database."""
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).expanduser().resolve().with_name(Path(url.database).name + ".daemon.lock")


@contextmanager
def sqlite_lock(db_url: str) -> Iterator[None]:
    """Hold the one-daemon lock of a SQLite database (nothing to hold on PostgreSQL)."""
    path = lock_path(db_url)
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")   # noqa: SIM115 - held for the daemon's life
    try:
        _take(handle, path)
        yield
    finally:
        handle.close()


def _take(handle: IO[str], path: Path) -> None:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        pid = handle.read().strip() or "unknown"
        handle.close()
        raise DaemonError(f"another tracker daemon (pid {pid}) already runs on this SQLite database "
                          f"(lock {path}); stop it first, or use PostgreSQL to run several") from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()


def make_owner() -> str:
    """This daemon's name: unique per process, so two daemons on one host never share leases."""
    return f"{socket.gethostname()}:{os.getpid()}"


def register(engine: Engine, clock: Clock, owner: str) -> datetime:
    """Record this daemon as running; return when the first daemon ever started on this database."""
    now = clock.now()
    try:
        with session_scope(engine) as session:
            session.add(DaemonLock(name=FIRST_START, host=socket.gethostname(), pid=os.getpid(),
                                   started_at=now, heartbeat_at=now, state="recorded"))
    except IntegrityError:
        pass
    with session_scope(engine) as session:
        session.execute(delete(DaemonLock).where(col(DaemonLock.name) != FIRST_START,
                                                 col(DaemonLock.state) != "running",
                                                 col(DaemonLock.heartbeat_at) < now - FORGET_AFTER))
        row = session.exec(select(DaemonLock).where(DaemonLock.name == owner)).first() or DaemonLock(name=owner)
        row.host, row.pid, row.started_at, row.heartbeat_at, row.state = socket.gethostname(), os.getpid(), now, now, "running"
        session.add(row)
        first = session.exec(select(DaemonLock).where(DaemonLock.name == FIRST_START)).one()
    return utc(first.started_at or now)


def heartbeat(engine: Engine, clock: Clock, owner: str, state: str = "running") -> None:
    """Say this daemon is alive (and in which state), for `tracker status`."""
    with session_scope(engine) as session:
        session.execute(update(DaemonLock).where(col(DaemonLock.name) == owner)
                        .values(heartbeat_at=clock.now(), state=state))
