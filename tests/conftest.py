"""Shared fixtures: a real SQLite file per test, PostgreSQL in a schema of its own when
TRACKER_TEST_POSTGRES_URL is set, a fixed clock, and settings that never read the user's files."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tracker.clock import FixedClock
from tracker.config import Settings, load_settings

PG_ENV = "TRACKER_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's config or data directories."""
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "tracker.toml"))
    monkeypatch.setenv("TRACKER_DB", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("NO_COLOR", "1")
    for key in list(os.environ):
        if key.startswith("TRACKER_") and key not in ("TRACKER_CONFIG", "TRACKER_DB", PG_ENV):
            monkeypatch.delenv(key)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2021, 12, 26, 12, 0, tzinfo=timezone.utc))


@pytest.fixture
def settings() -> Settings:
    return load_settings()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


def _pg_schema_url(base: str) -> Iterator[str]:
    """A URL whose connections live in a fresh schema, dropped afterwards."""
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    yield from _pg_schema_url(base)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each storage test runs on SQLite, and on PostgreSQL when TRACKER_TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}")
    yield from _pg_schema_url(base)


@pytest.fixture
def engine(db_url: str):
    from tracker.store import make_engine

    eng = make_engine(db_url)
    yield eng
    eng.dispose()


def cli_invoker(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, now: datetime):
    """`invoke(*args) -> (exit code, stdout, stderr)`: the real `tracker` entry point in-process, its
    one error handler included, with a fixed clock and settings and engine made afresh per call."""
    import logging

    from tracker.cli import main
    from tracker.cli.app import STATE

    monkeypatch.setattr(STATE, "clock", FixedClock(now))
    # setup_logging binds its handler to the sys.stderr of the first run; give each test its own.
    monkeypatch.setattr(logging.getLogger("tracker"), "handlers", [])

    def invoke(*args: str) -> tuple[int, str, str]:
        for cached in ("settings", "engine"):
            STATE.__dict__.pop(cached, None)
        with pytest.raises(SystemExit) as exit_:
            main(list(args))
        out, err = capsys.readouterr()
        return int(exit_.value.code or 0), out, err

    return invoke


@pytest.fixture(autouse=True)
def _fresh_cli_state() -> Iterator[None]:
    """Settings and engine cached by an in-process CLI run never leak into the next test."""
    yield
    from tracker.cli.app import STATE

    for cached in ("settings", "engine"):
        STATE.__dict__.pop(cached, None)
