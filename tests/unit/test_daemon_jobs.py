"""Daemon parts without a subprocess: which digest is due, the scheduler's deliberate defaults,
the stop handlers, the SQLite lock, job errors, and what `tracker status` gets."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime, timezone

import pytest

from tracker.clock import FixedClock
from tracker.config import with_overrides
from tracker.daemon import daemon_state
from tracker.daemon._jobs import DaemonContext, due_day, guarded
from tracker.daemon._locking import lock_path, register, sqlite_lock
from tracker.daemon._signals import on_stop
from tracker.errors import DaemonError
from tracker.store import Digest, make_engine, session_scope


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


@pytest.fixture
def s(settings):
    return with_overrides(settings, digest={"to": ("a@b.org",), "time": "07:00", "timezone": "Europe/Paris"})


@pytest.mark.parametrize("now, first, expect", [
    ("2026-03-02 06:30", "2026-01-01 00:00", date(2026, 3, 2)),    # 07:30 Paris: today's is due
    ("2026-03-02 05:30", "2026-01-01 00:00", date(2026, 3, 1)),    # 06:30 Paris: yesterday's
    ("2026-03-09 05:30", "2026-01-01 00:00", date(2026, 3, 8)),    # down for a week: only the latest
    ("2026-03-02 06:30", "2026-03-02 06:10", None),                # fresh install after today's time
    ("2026-03-02 06:30", "2026-03-02 05:50", date(2026, 3, 2)),    # installed just before it
])
def test_due_day(s, now: str, first: str, expect) -> None:
    assert due_day(s, utc(now), utc(first)) == expect


def test_scheduler_defaults_are_deliberate(s, sqlite_url) -> None:
    engine = make_engine(sqlite_url)
    ctx = DaemonContext(engine, with_overrides(s, daemon={"poll_seconds": 30}), FixedClock(utc("2026-03-02 06:00")),
                        "me", utc("2026-01-01 00:00"))
    from tracker.daemon._scheduler import build_scheduler

    sched = build_scheduler(ctx)
    assert str(sched.timezone) == "UTC"
    assert sched._job_defaults == {"coalesce": True, "max_instances": 1, "misfire_grace_time": 30}
    jobs = {j.id: j for j in sched.get_jobs()}
    assert set(jobs) == {"poll", "settle", "digest", "digest_catchup", "heartbeat"}
    assert jobs["poll"].trigger.interval.total_seconds() == 30
    assert jobs["digest"].misfire_grace_time is None and "hour='7'" in str(jobs["digest"].trigger)
    assert str(jobs["digest"].trigger.timezone) == "Europe/Paris"
    nxt = jobs["digest"].trigger.get_next_fire_time(None, utc("2026-07-01 12:00"))
    assert nxt == utc("2026-07-02 05:00")             # 07:00 summer time in Paris
    engine.dispose()


def test_on_stop_calls_back_once_and_restores_the_handlers() -> None:
    before = signal.getsignal(signal.SIGTERM)
    calls = []
    with on_stop(lambda: calls.append(1)):
        assert signal.getsignal(signal.SIGTERM) is not before
        os.kill(os.getpid(), signal.SIGTERM)
    assert calls == [1] and signal.getsignal(signal.SIGTERM) is before


def test_a_second_signal_exits_at_once(tmp_path) -> None:
    script = textwrap.dedent("""
        import os, signal, time
        from tracker.daemon._signals import on_stop
        with on_stop(lambda: print("stopping", flush=True)):
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
        print("not reached")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=20)
    assert done.returncode == 1 and done.stdout == "stopping\n"


def test_the_sqlite_lock_admits_one(sqlite_url) -> None:
    assert lock_path(sqlite_url).name == "tracker.db.daemon.lock"
    assert lock_path("postgresql+psycopg://x@h/db") is None
    with sqlite_lock(sqlite_url):
        with pytest.raises(DaemonError, match=rf"another tracker daemon \(pid {os.getpid()}\)"):
            with sqlite_lock(sqlite_url):
                pass
    with sqlite_lock(sqlite_url):                      # released on exit
        pass


def test_a_failing_job_logs_one_error_and_a_stopping_daemon_runs_none(s, sqlite_url, caplog, monkeypatch) -> None:
    monkeypatch.setattr(logging.getLogger("tracker"), "propagate", True)   # setup_logging may have run
    ctx = DaemonContext(None, s, FixedClock(), "me", utc("2026-01-01 00:00"))
    ran: list[int] = []

    def boom(_ctx):
        ran.append(1)
        raise RuntimeError("database is locked")

    job = guarded(ctx, "poll", boom)
    with caplog.at_level(logging.ERROR, logger="tracker"):
        job()
    records = list({id(r): r for r in caplog.records}.values())  # newer pytest may see a record twice
    assert ran == [1] and [r.event for r in records] == ["job_failed"]
    ctx.stop.set()
    job()
    assert ran == [1]


def test_daemon_state(s, sqlite_url) -> None:
    engine = make_engine(sqlite_url)
    clock = FixedClock(utc("2026-03-02 06:00"))
    first = register(engine, clock, "host:1")
    register(engine, FixedClock(utc("2026-03-02 06:30")), "host:2")
    with session_scope(engine) as session:
        session.add(Digest(recipient="a@b.org", day=date(2026, 3, 2), cutoff_at=utc("2026-03-02 06:00"),
                           status="sent", sent_at=utc("2026-03-02 06:00")))
    with session_scope(engine) as session:
        state = daemon_state(session, s, utc("2026-03-02 06:31"))
    assert first == utc("2026-03-02 06:00") and state["first_started_at"] == first
    assert {d["name"]: d["state"] for d in state["daemons"]} == {"host:1": "stale", "host:2": "running"}
    assert state["running"] == 1 and state["next_digest_at"] == utc("2026-03-03 06:00")
    assert state["last_digest"]["day"] == date(2026, 3, 2) and state["last_digest"]["recipient"] == "a***@b.org"
    engine.dispose()


def test_public_names_are_sorted_and_complete() -> None:
    import tracker.daemon
    import tracker.digest

    for pkg in (tracker.daemon, tracker.digest):
        assert pkg.__all__ == sorted(pkg.__all__)
        assert all(hasattr(pkg, name) for name in pkg.__all__)


def test_a_stop_before_the_scheduler_runs_still_stops_it(s, sqlite_url) -> None:
    """A SIGTERM during start-up must not leave a scheduler running with no one to stop it."""
    from tracker.daemon import _run

    engine = make_engine(sqlite_url)
    ctx = DaemonContext(engine, with_overrides(s, daemon={"shutdown_timeout_s": 1.0}), FixedClock(), "me",
                        utc("2026-01-01 00:00"))
    ctx.stop.set()
    _run._serve(ctx)                  # returns instead of blocking forever
    assert not ctx.finished
    engine.dispose()


def test_the_shipped_example_config_and_unit_are_valid() -> None:
    from pathlib import Path

    from tracker.config import load_settings

    root = Path(__file__).resolve().parents[2]
    example = load_settings({"TRACKER_CONFIG": str(root / "config" / "tracker.example.toml"), "TRACKER_DB": "sqlite://"})
    assert example.digest.to and example.smtp.security == "starttls"
    unit = (root / "config" / "tracker.service").read_text(encoding="utf-8")
    assert "ExecStart=/usr/local/bin/tracker daemon" in unit and "KillSignal=SIGTERM" in unit
    timeout = int(unit.split("TimeoutStopSec=")[1].split()[0])
    assert timeout > example.daemon.shutdown_timeout_s       # systemd waits longer than the daemon's own bound
