"""kill -9 a real `tracker ingest` mid-run, several times, then run it again: nothing lost, nothing
duplicated, the database sound (issue item 9). Runs on SQLite, and on PostgreSQL when
TRACKER_TEST_POSTGRES_URL is set."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _ingest_site import Route, Site, page, rss, story
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
FEEDS, PER_FEED = 3, 10


@pytest.fixture
def slow_site() -> Iterator[Site]:
    """3 feeds x 10 stories, each page served slowly enough that a run takes a few seconds;
    the last story of feed 0 is also carried by feed 1 (the same wire story under another URL)."""
    site = Site()
    for f in range(FEEDS):
        items = []
        for i in range(PER_FEED):
            n = f * 100 + i
            link = site.add(f"/f{f}/s{i}", page(f"Story {n}", story(n)), delay_s=0.06)
            items.append({"guid": f"f{f}-{i}", "link": link, "title": f"Story {n}"})
        if f == 1:
            site.add("/f1/wire-copy", page("Story 9 (wire copy)", story(9)), delay_s=0.06)
            wire = site.url("/f1/wire-copy").replace("127.0.0.1", "localhost")     # another site
            items.append({"guid": "f1-wire", "link": wire, "title": "Story 9 (wire)"})
        site.add(f"/feed{f}.xml", rss(items, title=f"Feed {f}"), headers={"ETag": '"v1"'}, handler=not_modified)
    yield site
    site.close()


def not_modified(req) -> Route | None:
    """Conditional GET: validators stored too early (before every entry is in) would lose entries."""
    return Route(b"", 304, {"ETag": '"v1"'}) if req.headers.get("If-None-Match") == '"v1"' else None


def page_hits(site: Site) -> int:
    with site.lock:
        return sum(n for path, n in site.hits.items() if path.startswith("/f"))


def start_ingest(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tracker", "ingest", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_kill_9_mid_run_loses_and_duplicates_nothing(engine, db_url: str, slow_site: Site) -> None:
    from tracker.store import Feed, session_scope

    with session_scope(engine) as s:
        for f in range(FEEDS):
            s.add(Feed(url=slow_site.url(f"/feed{f}.xml")))
    env = {**os.environ, "TRACKER_DB": db_url}
    rng = random.Random(int(os.environ.get("TRACKER_TEST_SEED", "9")))
    kills = 0
    for _ in range(4):
        before = page_hits(slow_site)
        target = before + rng.randint(1, 8)          # a random point while pages are being fetched
        proc = start_ingest(env, "--all")
        deadline = time.monotonic() + 30
        while page_hits(slow_site) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.08))             # land anywhere: fetching, extracting, committing
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=10)
    assert kills >= 3
    final = start_ingest(env, "--all")
    out, err = final.communicate(timeout=120)
    assert final.returncode == 0, err.decode()
    assert out.decode().startswith("Ingest: 3 feeds polled") and "0 failures" in out.decode()
    check_sound(engine)


def check_sound(engine) -> None:
    """Every story once, every feed entry linked once, no article without a feed, a sound file."""
    with engine.connect() as conn:
        articles = conn.execute(text("SELECT url, title FROM article")).all()
        links = conn.execute(text("SELECT feed_id, entry_id, article_id FROM articlefeed")).all()
        orphans = conn.execute(text("SELECT count(*) FROM article a WHERE NOT EXISTS "
                                    "(SELECT 1 FROM articlefeed l WHERE l.article_id = a.id)")).scalar()
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    assert len(articles) == FEEDS * PER_FEED                       # the wire copy is the same article
    assert len({url for url, _ in articles}) == len(articles)
    assert len(links) == FEEDS * PER_FEED + 1
    assert len({(f, e) for f, e, _ in links}) == len(links)
    assert orphans == 0
