"""`tracker daemon` as a real subprocess on SQLite, against a local news site and SMTP inbox:
new articles appear, the digest arrives at its time, SIGTERM exits 0 within seconds, kill -9
and a restart repeat nothing, a missed digest is sent once on start (a fresh install back-fills
none), and a second daemon on the same file says so in one line and exits non-zero."""
from __future__ import annotations

import re
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import func, select

from tests.integration._daemon_helpers import DaemonProcess, Inbox, NewsSite, free_port, wait_for, write_config
from tracker.clock import SystemClock
from tracker.store import Article, Digest, Feed, make_engine, session_scope

pytestmark = pytest.mark.slow
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: ")


@pytest.fixture
def world(tmp_path: Path):
    """A news site with one feed of two stories, an SMTP inbox, a SQLite database subscribed to the feed."""
    from aiosmtpd.controller import Controller

    site, inbox = NewsSite(feeds=1, items=2), Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    db = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = make_engine(db)
    with session_scope(engine) as s:
        s.add(Feed(url=site.feed_url(0)))
    env = {"TRACKER_DB": db, "TRACKER_CONFIG": str(tmp_path / "tracker.toml")}
    procs: list[DaemonProcess] = []

    def start(*args: str) -> DaemonProcess:
        procs.append(DaemonProcess(env, tmp_path / f"daemon{len(procs)}.log", *args))
        return procs[-1]

    yield {"site": site, "inbox": inbox, "engine": engine, "start": start, "smtp_port": smtp.port,
           "config": tmp_path / "tracker.toml"}
    for p in procs:
        p.stop()
    smtp.stop()
    site.close()
    engine.dispose()


def _in(seconds: float) -> tuple[str, float]:
    """digest.time `seconds` from now (UTC, HH:MM:SS), and that instant as a timestamp."""
    at = SystemClock().now().replace(microsecond=0) + timedelta(seconds=seconds + 1)
    return at.strftime("%H:%M:%S"), at.timestamp()


def _articles(engine) -> list[str]:
    with session_scope(engine) as s:
        return list(s.exec(select(Article.url)).all())


def _make_due(engine) -> None:
    """What the feed's interval elapsing does: the feed becomes due again."""
    with session_scope(engine) as s:
        s.execute(update(Feed).values(next_fetch_at=None))


def test_ingests_sends_the_digest_at_its_time_and_stops_on_sigterm(world) -> None:
    clock_time, digest_at = _in(5)
    write_config(world["config"], world["smtp_port"], clock_time)
    daemon = world["start"]()
    wait_for(lambda: len(_articles(world["engine"])) == 2, 20, "the feed's two articles")
    world["site"].items[0] = 3
    _make_due(world["engine"])
    wait_for(lambda: len(_articles(world["engine"])) == 3, 10, "the new article")

    second = world["start"]()
    assert second.wait(20) != 0
    lines = second.log().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: another tracker daemon") and "SQLite" in lines[0]

    wait_for(lambda: world["inbox"].received, 15, "the digest")
    arrived, msg = world["inbox"].received[0]
    assert arrived >= digest_at - 0.5, "the digest went out before its time"
    assert msg["Subject"] == f"tracker digest for {SystemClock().now().date()}"

    t0 = time.monotonic()
    daemon.signal(signal.SIGTERM)
    assert daemon.wait(10) == 0 and time.monotonic() - t0 < 5
    log = daemon.log()
    assert all(LOG_LINE.match(line) for line in log.strip().splitlines()), log
    for event in ("daemon_started", "digest_sent", "daemon_stopping", "daemon_stopped"):
        assert f"event={event}" in log
    assert "reader@example.org" not in log
    assert len(world["inbox"].received) == 1


def test_kill_9_then_restart_repeats_nothing(world) -> None:
    clock_time, _ = _in(3)
    write_config(world["config"], world["smtp_port"], clock_time)
    daemon = world["start"]()
    wait_for(lambda: world["inbox"].received and len(_articles(world["engine"])) == 2, 20, "articles and the digest")
    daemon.signal(signal.SIGKILL)
    daemon.wait()
    _make_due(world["engine"])
    again = world["start"]()
    wait_for(lambda: "event=digest_skipped" in again.log(), 15, "the restart's digest catch-up")
    wait_for(lambda: world["site"].feed_hits()["/feed/0.xml"] >= 2, 10, "the feed polled again")
    time.sleep(1.5)
    again.signal(signal.SIGTERM)
    assert again.wait(10) == 0
    urls = _articles(world["engine"])
    assert len(urls) == len(set(urls)) == 2
    assert len(world["inbox"].received) == 1
    with session_scope(world["engine"]) as s:
        assert s.exec(select(func.count()).select_from(Digest)).one() == 1


def test_a_digest_missed_while_down_is_sent_once_on_start_and_a_fresh_install_backfills_none(world) -> None:
    a_minute_ago, _ = _in(-60)
    write_config(world["config"], world["smtp_port"], a_minute_ago)
    first = world["start"]()          # fresh install: today's digest time passed before its first start
    wait_for(lambda: "event=feeds_polled" in first.log(), 15, "the first poll")
    first.signal(signal.SIGTERM)
    assert first.wait(10) == 0
    assert world["inbox"].received == [] and "event=digest_" not in first.log()
    soon, digest_at = _in(0)          # after the first start, and it passes while no daemon runs
    write_config(world["config"], world["smtp_port"], soon)
    time.sleep(max(0.0, digest_at - time.time() + 0.2))
    for _ in range(2):
        d = world["start"]()
        wait_for(lambda d=d: "event=digest_sent" in d.log() or "event=digest_skipped" in d.log(), 15, "the catch-up")
        d.signal(signal.SIGTERM)
        assert d.wait(10) == 0
    assert len(world["inbox"].received) == 1


def test_sigterm_in_the_middle_of_a_poll_exits_0_and_the_restart_completes_it(world, tmp_path) -> None:
    clock_time, _ = _in(3600)
    write_config(world["config"], world["smtp_port"], clock_time)
    world["site"].items[0] = 6
    world["site"].page_delay_s = 0.5                  # article pages are slow: the poll is long
    daemon = world["start"]()
    wait_for(lambda: world["site"].hits.get("/article/0-0.html"), 15, "the poll to start fetching pages")
    time.sleep(0.3)
    t0 = time.monotonic()
    daemon.signal(signal.SIGTERM)
    assert daemon.wait(10) == 0 and time.monotonic() - t0 < 5
    stored = len(_articles(world["engine"]))
    assert stored < 6, "the poll was not interrupted"
    world["site"].page_delay_s = 0
    again = world["start"]()
    wait_for(lambda: len(_articles(world["engine"])) == 6, 20, "the rest of the feed")
    again.signal(signal.SIGTERM)
    assert again.wait(10) == 0
    urls = _articles(world["engine"])
    assert len(urls) == len(set(urls)) == 6
