"""Fixtures for the timeline CLI tests: the CLI in-process with a fixed clock, over a small story."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.conftest import cli_invoker



@pytest.fixture
def run(capsys, monkeypatch):
    """Run `tracker ARGS` in-process on the test's database; returns (exit code, stdout, stderr)."""
    return cli_invoker(capsys, monkeypatch, datetime(2023, 1, 1, 12, tzinfo=timezone.utc))


@pytest.fixture
def story(sqlite_url):
    """The small Webb / Artemis story of test_timeline_store, in the database the CLI uses."""
    from tests.integration.test_timeline_store import STORY, _ingest
    from tracker.store import make_engine

    eng = make_engine(sqlite_url)
    _ingest(eng, list(STORY))
    yield eng
    eng.dispose()
