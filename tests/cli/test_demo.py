"""`tracker demo` runs the whole pipeline offline, fast, and exits 0 (CI runs it)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


def test_demo_runs_offline_and_summarizes(tmp_path: Path) -> None:
    started = time.monotonic()
    env = {**os.environ, "NO_PROXY": "*", "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}
    proc = subprocess.run([sys.executable, "-m", "tracker", "demo"], capture_output=True, text=True, timeout=60,
                          env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - started < 30
    out = proc.stdout
    assert "Ingest: 2 feeds polled, 0 not modified, 6 new articles, 0 failures." in out
    assert "Articles (6):" in out
    assert "2026-06-21  Alder Harbour Bridge opens to traffic  [2 feeds; text from page; date from feed]" in out
    assert "Timeline" in out or "timeline" in out
    assert not (Path(os.environ["TRACKER_DB"].removeprefix("sqlite:///"))).exists()   # a fresh temp db, not TRACKER_DB


def test_demo_into_a_given_database(tmp_path: Path) -> None:
    db = tmp_path / "kept.db"
    proc = subprocess.run([sys.executable, "-m", "tracker", "demo", "--db", f"sqlite:///{db}"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    status = subprocess.run([sys.executable, "-m", "tracker", "status", "--format", "json"], capture_output=True,
                            text=True, timeout=60, env={**os.environ, "TRACKER_DB": f"sqlite:///{db}"})
    report = json.loads(status.stdout)
    assert report["articles"] == 6 and [f["articles"] for f in report["feeds"]] == [4, 3]
