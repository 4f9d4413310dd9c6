"""Fixtures for the timeline CLI tests: the CLI in-process with a fixed clock, over a small story."""
from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest

from tracker.cli import main
from tracker.cli.app import STATE
from tracker.clock import FixedClock


@pytest.fixture
def run(capsys, monkeypatch):
    """Run `tracker ARGS` in-process on the test's database; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(STATE, "clock", FixedClock(datetime(2023, 1, 1, 12, tzinfo=timezone.utc)))
    monkeypatch.setattr(logging.getLogger("tracker"), "handlers", [])

    def invoke(*args: str):
        for cached in ("settings", "engine"):
            STATE.__dict__.pop(cached, None)
        with pytest.raises(SystemExit) as exit_:
            main(list(args))
        out, err = capsys.readouterr()
        return exit_.value.code, out, err

    yield invoke
    for cached in ("settings", "engine"):
        STATE.__dict__.pop(cached, None)


@pytest.fixture
def story(sqlite_url):
    """The small Webb / Artemis story of test_timeline_store, in the database the CLI uses."""
    from tests.integration.test_timeline_store import STORY, _ingest
    from tracker.store import make_engine

    eng = make_engine(sqlite_url)
    _ingest(eng, list(STORY))
    yield eng
    eng.dispose()
