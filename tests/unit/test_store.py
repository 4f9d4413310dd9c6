"""The store: migrations match the models, UTC round-trips, one transaction per unit of work."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect
from sqlmodel import SQLModel, select

from tracker.errors import ConfigError
from tracker.store import Feed, make_engine, session_scope


def test_migrations_create_every_table_of_the_models(engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables


def test_migrations_leave_nothing_to_autogenerate(engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_migrate_twice_is_harmless(db_url: str) -> None:
    make_engine(db_url).dispose()
    eng = make_engine(db_url)
    assert "feed" in inspect(eng).get_table_names()


def test_datetimes_come_back_aware_utc(engine) -> None:
    tokyo = timezone(timedelta(hours=9))
    with session_scope(engine) as s:
        s.add(Feed(url="http://a.example/feed", next_fetch_at=datetime(2021, 12, 25, 9, 0, tzinfo=tokyo)))
    with session_scope(engine) as s:
        feed = s.exec(select(Feed)).one()
    assert feed.next_fetch_at == datetime(2021, 12, 25, 0, 0, tzinfo=timezone.utc)
    assert feed.next_fetch_at.tzinfo is not None


def test_session_scope_rolls_back_on_error(engine) -> None:
    with pytest.raises(RuntimeError):
        with session_scope(engine) as s:
            s.add(Feed(url="http://b.example/feed"))
            s.flush()
            raise RuntimeError("crash in the middle")
    with session_scope(engine) as s:
        assert s.exec(select(Feed)).all() == []


def test_sqlite_pragmas(sqlite_url: str) -> None:
    eng = make_engine(sqlite_url)
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_bad_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        make_engine("not a url")
    with pytest.raises(ConfigError):
        make_engine("mysql://x@y/z")
