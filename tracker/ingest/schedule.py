"""When to poll a feed next: pure arithmetic, no clock and no database, so it is easy to test.

After a success: the feed's interval (its own or the configured default), never shorter than the
publisher's TTL or Cache-Control max-age, nor than a Retry-After. After failures: exponential back-off
with jitter, capped at `max_backoff_minutes` (one try a day by default), and never stopped for good:
feeds come back, and a feed we gave up on would be silently lost.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from tracker.config import FetchSettings

MAX_RETRY_AFTER_S = 7 * 24 * 3600       # a Retry-After beyond a week is a server bug; wait a week


def interval_minutes(fetch: FetchSettings, feed_interval: int | None, ttl_minutes: int | None) -> float:
    """The normal wait between two polls: the feed's interval, with the publisher's TTL as a floor."""
    base = feed_interval or fetch.interval_minutes
    return float(max(base, ttl_minutes or 0))


def next_after_success(now: datetime, fetch: FetchSettings, feed_interval: int | None,
                       ttl_minutes: int | None, retry_after_s: float | None = None) -> datetime:
    """The next poll after a good response (200 or 304)."""
    wait_s = interval_minutes(fetch, feed_interval, ttl_minutes) * 60
    if retry_after_s:
        wait_s = max(wait_s, min(retry_after_s, MAX_RETRY_AFTER_S))
    return now + timedelta(seconds=wait_s)


def backoff_minutes(fetch: FetchSettings, feed_interval: int | None, failures: int,
                    rng: random.Random | None = None) -> float:
    """Interval x 2^(failures-1), +/-20% jitter so failing feeds spread out, capped at the maximum."""
    rng = rng or random.Random()
    base = interval_minutes(fetch, feed_interval, None)
    exponent = max(0, min(failures - 1, 30))
    raw = base * (2 ** exponent) * rng.uniform(0.8, 1.2)
    return float(min(fetch.max_backoff_minutes, max(1.0, raw)))


def next_after_failure(now: datetime, fetch: FetchSettings, feed_interval: int | None, failures: int,
                       retry_after_s: float | None = None, rng: random.Random | None = None) -> datetime:
    """The next poll after a failure: back-off, and a server's Retry-After if it asks for longer."""
    wait_s = backoff_minutes(fetch, feed_interval, failures, rng) * 60
    if retry_after_s:
        wait_s = max(wait_s, min(retry_after_s, MAX_RETRY_AFTER_S))
    return now + timedelta(seconds=wait_s)
