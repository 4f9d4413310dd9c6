"""`tracker times`: JSON per the contract, table, and a one-line error on a bad --dct."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import tracker.cli.times  # noqa: F401  (registers the command)
from tracker.cli.app import app

TEXT = "Sources said Sunday that Abe will visit China next month, arriving Oct. 23 for a three-day visit."
ROOT = Path(__file__).resolve().parents[2]


def test_times_json_follows_the_contract() -> None:
    result = CliRunner().invoke(app, ["times", "--dct", "2018-09-23", "--format", "json"], input=TEXT)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["text"], r["value"]) for r in rows] == [
        ("Sunday", "2018-09-23"), ("next month", "2018-10"), ("Oct. 23", "2018-10-23"), ("three-day", "P3D")]
    for r in rows:
        assert TEXT[r["start"]:r["end"]] == r["text"]
        assert {"start", "end", "text", "type", "value", "mod", "first", "last", "deadline", "rule"} <= set(r)
    assert rows[1]["first"] == "2018-10-01" and rows[1]["last"] == "2018-10-31"


def test_times_table() -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["times", "--dct", "2018-09-23", "--format", "table"], input=TEXT)
    assert result.exit_code == 0
    assert "Sunday" in result.stdout and "P3D" in result.stdout


def test_times_aware_datetime_dct() -> None:
    result = CliRunner().invoke(app, ["times", "--dct", "2018-09-22T01:15:00+09:00", "--format", "json"],
                                input="It was signed on Friday.")
    assert json.loads(result.stdout)[0]["value"] == "2018-09-21"


def test_times_bad_dct_is_one_line_error() -> None:
    proc = subprocess.run([sys.executable, "-m", "tracker", "times", "--dct", "yesterday-ish"],
                          input="x", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "--dct" in lines[0]


def test_times_whole_process_json() -> None:
    proc = subprocess.run([sys.executable, "-m", "tracker", "times", "--dct", "2018-09-23", "--format", "json"],
                          input=TEXT, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 4
