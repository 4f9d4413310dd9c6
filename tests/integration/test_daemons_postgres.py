"""Two `tracker daemon` processes on one PostgreSQL database against one news site: they share
the due feeds (each feed is fetched exactly once per interval, counted at the server) and exactly
one digest goes out for (recipient, day). Skipped without TRACKER_TEST_POSTGRES_URL."""
from __future__ import annotations

import re
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import func, select

from tests.integration._daemon_helpers import DaemonProcess, Inbox, NewsSite, free_port, wait_for, write_config
from tracker.clock import SystemClock
from tracker.store import Article, Digest, Feed, make_engine, session_scope

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
FEEDS = 24


def test_two_daemons_share_feeds_and_send_one_digest(pg_url: str, tmp_path: Path) -> None:
    from aiosmtpd.controller import Controller

    site, inbox = NewsSite(feeds=FEEDS, items=1, delay_s=0.02), Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    engine = make_engine(pg_url)
    with session_scope(engine) as s:
        for n in range(FEEDS):
            s.add(Feed(url=site.feed_url(n)))
    at = SystemClock().now().replace(microsecond=0) + timedelta(seconds=6)
    write_config(tmp_path / "tracker.toml", smtp.port, at.strftime("%H:%M:%S"))
    env = {"TRACKER_DB": pg_url, "TRACKER_CONFIG": str(tmp_path / "tracker.toml"), "TRACKER_DAEMON_BATCH_SIZE": "3"}
    daemons = [DaemonProcess(env, tmp_path / f"d{i}.log") for i in range(2)]
    try:
        wait_for(lambda: len(site.feed_hits()) == FEEDS, 30, "every feed fetched")
        wait_for(lambda: inbox.received, 20, "the digest")
        time.sleep(3)                          # three more poll intervals: nothing may be fetched again
        for d in daemons:
            d.signal(signal.SIGTERM)
        assert [d.wait(10) for d in daemons] == [0, 0]
    finally:
        for d in daemons:
            d.stop()
        smtp.stop()
        site.close()
    hits = site.feed_hits()
    assert sorted(hits.values()) == [1] * FEEDS, hits
    logs = [d.log() for d in daemons]
    polled = [sum(int(n) for n in re.findall(r"event=feeds_polled feeds=(\d+)", log)) for log in logs]
    assert sum(polled) == FEEDS and all(polled), polled        # both daemons did part of the work
    assert len(inbox.received) == 1
    assert sum(log.count("event=digest_sent") for log in logs) == 1
    with session_scope(engine) as s:
        assert s.exec(select(func.count()).select_from(Digest)).one() == 1
        urls = s.exec(select(Article.url)).all()
        assert len(urls) == len(set(urls)) == FEEDS
    engine.dispose()
