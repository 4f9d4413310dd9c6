"""`tracker status [--format json|table]`: the contract's JSON shape (DESIGN.md section 6)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from _ingest_site import Site, page, rss, story  # noqa: E402
from _run import run_cli  # noqa: E402


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


def test_status_json_shape_and_counts(capsys, site: Site) -> None:
    items = [{"guid": f"g{i}", "link": site.add(f"/p{i}", page(f"P{i}", story(i)))} for i in range(3)]
    good, bad = site.add("/good.xml", rss(items, title="Good news")), site.add("/bad.xml", "x", status=500)
    run_cli(capsys, "feeds", "add", good)
    run_cli(capsys, "feeds", "add", bad)
    run_cli(capsys, "ingest")
    code, out, _ = run_cli(capsys, "status", "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert set(report) >= {"feeds", "articles", "events", "followups", "last_digest"}
    assert report["articles"] == 3 and report["last_digest"] is None
    assert isinstance(report["events"], int) and isinstance(report["followups"], int)
    g, b = report["feeds"]
    keys = {"url", "title", "articles", "last_fetched", "last_status", "last_error", "consecutive_failures", "next_fetch"}
    assert set(g) >= keys and set(b) >= keys
    assert (g["url"], g["title"], g["articles"], g["last_status"], g["last_error"]) == (good, "Good news", 3, 200, None)
    assert (b["articles"], b["last_status"], b["consecutive_failures"]) == (0, 500, 1)
    assert "HTTP 500" in b["last_error"] and b["next_fetch"].endswith("Z") and g["last_fetched"].endswith("Z")


def test_last_digest_is_the_latest_sent_day(capsys) -> None:
    from tracker.store import Digest, make_engine, session_scope
    import os

    engine = make_engine(os.environ["TRACKER_DB"])
    now = datetime(2021, 12, 26, tzinfo=timezone.utc)
    with session_scope(engine) as s:
        s.add(Digest(recipient="a@example.org", day=date(2021, 12, 24), cutoff_at=now, status="sent"))
        s.add(Digest(recipient="a@example.org", day=date(2021, 12, 25), cutoff_at=now, status="claimed"))
    engine.dispose()
    assert json.loads(run_cli(capsys, "status", "-f", "json")[1])["last_digest"] == "2021-12-24"


def test_status_table_and_bad_format(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    run_cli(capsys, "feeds", "add", "https://a.example/rss.xml")
    code, out, _ = run_cli(capsys, "status", "--format", "table")
    assert code == 0 and "https://a.example/rss.xml" in out
    assert out.splitlines()[-2] == "1 feeds (0 failing), 0 articles, 0 events, 0 follow-ups; last digest: none yet."
    assert out.splitlines()[-1] == "Daemon: never started."
    code, _, err = run_cli(capsys, "status", "--format", "csv")
    assert code == 2 and err.startswith("Error: --format must be one of table, json")
