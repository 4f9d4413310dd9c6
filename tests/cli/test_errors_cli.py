"""The CLI's one error handler: one line on stderr, exit 1 for bad input, 2 for usage."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=60)


def test_unknown_command_is_a_usage_error() -> None:
    proc = run("frobnicate")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("Error: ")
    assert "Traceback" not in proc.stderr


def test_bad_config_is_one_line_and_exit_1(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[smtp]\nport = 'twenty-five'\n")
    proc = run("init", env={"TRACKER_CONFIG": str(cfg)})
    assert proc.returncode == 1
    assert proc.stderr == "Error: smtp.port must be a whole number, got 'twenty-five'\n"


def test_bad_database_url_is_one_line(tmp_path: Path) -> None:
    proc = run("init", env={"TRACKER_DB": "nosuchdb://x"})
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: ") and proc.stderr.count("\n") == 1


def test_init_writes_config_and_database(tmp_path: Path) -> None:
    cfg, db = tmp_path / "conf" / "t.toml", tmp_path / "data" / "t.db"
    proc = run("init", env={"TRACKER_CONFIG": str(cfg), "TRACKER_DB": f"sqlite:///{db}"})
    assert proc.returncode == 0, proc.stderr
    assert cfg.exists() and db.exists()
    again = run("init", env={"TRACKER_CONFIG": str(cfg), "TRACKER_DB": f"sqlite:///{db}"})
    assert again.returncode == 0 and "kept" in again.stdout


def test_config_show_masks_database_password() -> None:
    proc = run("config", "show", "--format", "json", env={"TRACKER_DB": "postgresql://u:hunter2@db.example/t",
                                                          "TRACKER_DAEMON_POLL_SECONDS": "7"})
    assert proc.returncode == 0, proc.stderr
    assert "hunter2" not in proc.stdout
    import json

    data = json.loads(proc.stdout)
    assert data["daemon.poll_seconds"] == 7 and data["db_url"].startswith("postgresql://u:")
