"""The one clock. Everything that needs "now" takes a `Clock`, so tests and `--as-of` can fix it.

No other module calls `datetime.now()`, `utcnow()` or `time.time()` (a test greps for it).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    """The real time."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)


@dataclass
class FixedClock:
    """A clock that says what it is told; `advance` moves it on."""

    at: datetime = field(default_factory=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))

    def now(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at = self.at + timedelta(**kwargs)


def monotonic() -> float:
    """Seconds on a monotonic clock, for measuring durations and timeouts."""
    return time.monotonic()


def utc(dt: datetime) -> datetime:
    """The same instant as an aware UTC datetime (naive input is taken to be UTC already)."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)
