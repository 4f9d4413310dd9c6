"""`tracker status` shows the scheduler's state: which daemons ran, their heartbeat, the next digest."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def tracker(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_status_before_and_after_a_daemon_tick(tmp_path: Path) -> None:
    cfg = tmp_path / "t.toml"
    cfg.write_text('[digest]\nto = ["desk@example.org"]\ntime = "06:00"\ntimezone = "Asia/Tokyo"\n')
    env = {"TRACKER_DB": f"sqlite:///{tmp_path / 't.db'}", "TRACKER_CONFIG": str(cfg)}
    before = json.loads(tracker("status", "--format", "json", env=env).stdout)
    assert before["daemon"]["daemons"] == [] and before["daemon"]["running"] == 0
    assert tracker("daemon", "--once", env=env).returncode == 0
    after = json.loads(tracker("status", "--format", "json", env=env).stdout)
    daemons = after["daemon"]["daemons"]
    assert len(daemons) == 1 and daemons[0]["state"] == "stopped" and daemons[0]["pid"] > 0
    assert after["daemon"]["next_digest_at"].endswith(":00:00Z")  # 06:00 Tokyo is 21:00 UTC
    table = tracker("status", "--format", "table", env=env)
    assert "Daemon: none running; last heartbeat" in table.stdout
