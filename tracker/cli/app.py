"""The Typer application every command module attaches to, and the shared command context.

Commands are thin: parse arguments, call one public function, hand rows to `output.emit`.
Heavy modules (sqlmodel, trafilatura, APScheduler, Jinja2) are imported inside the commands
that need them, so `tracker times` and `tracker --help` start fast.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cached_property
from typing import TYPE_CHECKING, Any

import typer

from tracker.clock import Clock, SystemClock
from tracker.errors import UsageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from tracker.config import Settings

app = typer.Typer(
    name="tracker",
    help="Follow a story through news feeds: one timeline of dated events, and follow-ups that later reports settle.",
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
)
feeds_app = typer.Typer(help="Subscribe to feeds, list them, import and export OPML.", no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")


@dataclass
class Context:
    """What every command may need, made on first use: settings, clock, database engine."""

    clock: Clock = field(default_factory=SystemClock)
    debug: bool = False

    @cached_property
    def settings(self) -> Settings:
        from tracker.config import load_settings

        return load_settings()

    @cached_property
    def engine(self) -> Engine:
        from tracker.store import make_engine

        return make_engine(self.settings.db_url)


STATE = Context()


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logs.")) -> None:
    STATE.debug = debug
    from tracker.logs import setup_logging

    setup_logging("DEBUG" if debug else "WARNING")


def parse_day(text: str | None, option: str) -> date | None:
    """A calendar day from an ISO date (or datetime) given on the command line."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} must be a date like 2018-10-23, got {text!r}") from None


def parse_instant(text: str | None, option: str) -> datetime | None:
    """An aware datetime from ISO 8601 (a bare date is midnight UTC; a naive time is UTC)."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"{option} must be an ISO 8601 date or time, got {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def as_of_end(day: date | None) -> datetime | None:
    """The last instant of an --as-of day, in UTC: articles published that day still count."""
    if day is None:
        return None
    return datetime(day.year, day.month, day.day, 23, 59, 59, 999999, tzinfo=timezone.utc)


FormatOption: Any = typer.Option(None, "--format", "-f", help="table | json | csv (default: table on a terminal, json otherwise).")
