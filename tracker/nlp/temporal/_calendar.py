"""Calendar arithmetic: periods as (TIMEX3 value, first day, last day), shifts, edges.

Pure functions on `datetime.date`, no state: the resolver composes them. A *period* is named by
a unit letter (D, W, WE, M, Q, H, SP/SU/FA/WI via `season`, Y, DE, CE) and the day it contains.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

Period = tuple[str, date, date]

# Coarseness order of the units a DATE can have.
GRAN = {"D": 0, "WE": 1, "W": 2, "M": 3, "Q": 4, "H": 5, "SE": 5, "Y": 6, "DE": 7, "CE": 8}
# Season windows (month, day) of their first and last day; winter runs into the next year.
SEASONS = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)), "WI": ((12, 21), (3, 19))}


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, n: int) -> date:
    """Same day n months later, clamped to the month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    return date(year, m + 1, min(d.day, calendar.monthrange(year, m + 1)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """The day n units after d (negative n: before)."""
    if unit in ("D",):
        return d + timedelta(days=n)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    if unit == "FN":
        return d + timedelta(weeks=2 * n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:                       # sub-day units land on the same day
        return d
    return add_months(d, n * months)


def period(unit: str, d: date) -> Period:
    """The period of `unit` that contains d, as (value, first, last)."""
    if unit == "D":
        return d.isoformat(), d, d
    if unit in ("W", "WE", "FN"):
        iso = d.isocalendar()
        monday = d - timedelta(days=d.weekday())
        if unit == "WE":
            return f"{iso[0]:04d}-W{iso[1]:02d}-WE", monday + timedelta(days=5), monday + timedelta(days=6)
        return f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + timedelta(days=6)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}", d.replace(day=1), month_end(d.year, d.month)
    if unit == "Q":
        q = (d.month - 1) // 3 + 1
        return quarter(d.year, q)
    if unit == "H":
        return half(d.year, 1 if d.month <= 6 else 2)
    if unit == "DE":
        y0 = d.year - d.year % 10
        return f"{y0 // 10}", date(y0, 1, 1), date(y0 + 9, 12, 31)
    if unit == "CE":
        y0 = d.year - d.year % 100
        return f"{y0 // 100:02d}", date(y0, 1, 1), date(y0 + 99, 12, 31)
    return str(d.year).zfill(4), date(d.year, 1, 1), date(d.year, 12, 31)


def quarter(year: int, q: int) -> Period:
    """Calendar quarter q (1..4) of a year."""
    first = date(year, 3 * q - 2, 1)
    return f"{year:04d}-Q{q}", first, month_end(year, 3 * q)


def half(year: int, h: int) -> Period:
    """Half-year h (1..2)."""
    return f"{year:04d}-H{h}", date(year, 6 * h - 5, 1), month_end(year, 6 * h)


def season(year: int, code: str) -> Period:
    """Season of a year (SP, SU, FA, WI); winter starts in December of `year`."""
    (m1, d1), (m2, d2) = SEASONS[code]
    last_year = year + 1 if code == "WI" else year
    return f"{year:04d}-{code}", date(year, m1, d1), date(last_year, m2, d2)


def decade(start_year: int) -> Period:
    """The ten years starting at start_year (a multiple of ten)."""
    return f"{start_year // 10:03d}", date(start_year, 1, 1), date(start_year + 9, 12, 31)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth ISO weekday (1 = Monday) of a month; nth = -1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def narrow(first: date, last: date, mod: str | None) -> tuple[date, date]:
    """The part of [first, last] that START / MID / END denote.

    Months split at days 10 and 20, years at April and August (so "early next year" ends on
    April 30), anything else into thirds.
    """
    if mod not in ("START", "MID", "END") or first == last:
        return first, last
    if first.day == 1 and last == month_end(first.year, first.month) and first.month == last.month:
        cuts = (first.replace(day=10), first.replace(day=20))
    elif first == date(first.year, 1, 1) and last == date(first.year, 12, 31):
        cuts = (date(first.year, 4, 30), date(first.year, 8, 31))
    elif first.month == 1 and first.day == 1 and first.year % 10 == 0 and last == date(first.year + 9, 12, 31):
        cuts = (date(first.year + 3, 12, 31), date(first.year + 6, 12, 31))
    else:
        span = (last - first).days + 1
        cuts = (first + timedelta(days=span // 3 - 1), first + timedelta(days=2 * span // 3 - 1))
    if mod == "START":
        return first, cuts[0]
    if mod == "MID":
        return cuts[0] + timedelta(days=1), cuts[1]
    return cuts[1] + timedelta(days=1), last
