"""Operations: (anchor, rule parameters) -> a resolved value. Small pure functions.

Each op reads only the parameters of its rule (group texts already mapped to canonical lexicon
keys by the engine) and a `Context` (the anchor day, the direction the sentence's tense points
to, the last date mentioned). No op looks at the text itself. An op returns None when the
parameters do not make a real date (Feb. 30), and the engine then drops the match.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Callable

from tracker.nlp.temporal import _calendar as cal
from tracker.nlp.temporal._loader import normalize

REF_VALUES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
_HALF_YEAR = 183
_NEAR = 80
PART_YEAR = "P"         # anchor unit after "the (first) nine months": a part of a year in view,
                        # followed by its duration ("PP9M")
_JUST_PASSED = 14       # days: a deadline this recent is reported as passed, not as next year's
PAST_PLAN = -4           # a plan told in the past perfect ("had been set for Monday"): the nearest such day
SIGNAL_AHEAD = 3        # direction from a deadline signal alone ("by April"): ahead, unless it just passed
_SUB_DAY = {"H": "H", "MIN": "M", "S": "S"}
_HALF = {"S": (0.5, "S"), "MIN": (30, "S"), "H": (30, "MIN"), "D": (12, "H"), "W": (84, "H"), "M": (15, "D"), "Y": (6, "M"), "DE": (5, "Y"), "CE": (50, "Y")}


@dataclass(frozen=True)
class Context:
    """What anchoring needs: the anchor day, tense direction (-1 past, -2 past reporting verb,
    0 unknown, +1 future, SIGNAL_AHEAD: only a deadline signal such as "by" points ahead, so a
    deadline that passed in the last two weeks stays in the past),
    the last date mentioned (unit, first day), the number-word table and the quarter in view
    (the last quarter named that has ended: what "the quarter" and "the year-ago period" mean)."""

    dct: date
    direction: int = 0
    last: tuple[str, date] | None = None
    numbers: dict[str, str] | None = None
    quarter: date | None = None        # first day of the last quarter mentioned (the one in view)


@dataclass(frozen=True)
class Resolved:
    """One normalized value before spans and deadlines are attached."""

    type: str
    value: str
    first: date | None = None
    last: date | None = None
    mod: str | None = None
    unit: str | None = None        # granularity of a DATE (D, W, M, Q, Y...)
    exact: bool = False            # first..last are already the days meant: no START/MID/END narrowing


def to_int(text: Any, numbers: dict[str, str] | None = None) -> int | None:
    """An integer from digits ("23rd", "1,000") or number words ("twenty four", "a"); None if unknown."""
    if text is None:
        return None
    if isinstance(text, int):
        return text
    s = str(text).lower().replace(",", "").strip()
    for suffix in ("st", "nd", "rd", "th"):
        if s.endswith(suffix) and s[:-2].isdigit():
            s = s[:-2]
    if s.isdigit():
        return int(s) if len(s) <= 6 else None
    numbers = numbers or {}
    key = normalize(s)
    if key in numbers:
        return None if numbers[key] == "X" else int(float(numbers[key]))
    total, words = 0, [w for w in key.split() if w != "and"]
    if len(words) > 1 and words[0] in ("a", "an"):          # "a five year" low: the article
        words = words[1:]
    for w in words:
        v = numbers.get(w)
        if v is None or v == "X":
            return None
        n = int(float(v))
        total = total * n if n == 100 and total else total + n
    return total or None


def to_year(text: Any, dct: date, numbers: dict[str, str] | None = None) -> int | None:
    """A year from "1998", "'98", "98" (two digits pick the century nearest the anchor) or, with
    the number-word table, spoken forms ("nineteen ninety-six", "two thousand")."""
    if text is None:
        return None
    s = str(text).strip().lstrip("'’")
    if not s.isdigit():
        return _spoken_year(s, numbers) if numbers else None
    y = int(s)
    if len(s) == 2:
        century = dct.year - dct.year % 100
        y = min((century - 100 + y, century + y, century + 100 + y), key=lambda c: abs(c - dct.year))
    return y if 1 <= y <= 9999 else None


def _spoken_year(text: str, numbers: dict[str, str]) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand (and) one" -> 2001; None otherwise."""
    words = normalize(text).split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (to_int(" ".join(rest), numbers) or 0 if rest else 0)
    if len(words) >= 2 and words[0] in numbers and numbers[words[0]].isdigit() and 10 <= int(numbers[words[0]]) <= 19:
        tail = to_int(" ".join(words[1:]), numbers)
        return int(numbers[words[0]]) * 100 + tail if tail is not None and tail < 100 else None
    return None


def _pick(candidates: list[cal.Period], dct: date, direction: int, rel: int | None) -> cal.Period:
    """Choose among yearly candidates: explicit rel, else tense direction, else nearest."""
    if rel == -1:
        return max((c for c in candidates if c[2] < dct), key=lambda c: c[1], default=candidates[0])
    if rel == 1:
        return min((c for c in candidates if c[1] > dct), key=lambda c: c[1], default=candidates[-1])
    if rel == 0:
        return next((c for c in candidates if c[1].year == dct.year), candidates[1])
    if direction == PAST_PLAN:
        return _nearest(candidates, dct)
    if direction < 0:
        past = max((c for c in candidates if c[1] <= dct), key=lambda c: c[1], default=candidates[0])
        ahead = min((c for c in candidates if c[1] > dct), key=lambda c: c[1], default=past)
        # "said ... moved to Dec. 22": a past reporting verb often governs a coming date; a past
        # reading more than half a year back loses to a coming one less than half a year ahead.
        # Other past cues are weaker evidence still: a past reading over half a year back loses
        # only to a coming one within _NEAR days ("ordered to leave by Jan. 14"), not to one
        # months ahead ("In March, it received", "the year ended Jan. 31").
        reach = _HALF_YEAR if direction == -2 else _NEAR if direction == -3 or past[1] == past[2] else 0
        if (dct - past[2]).days > _HALF_YEAR and (ahead[1] - dct).days <= reach:
            return ahead
        return past
    if direction > 0:
        ahead = min((c for c in candidates if c[2] >= dct), key=lambda c: c[1], default=candidates[-1])
        just_passed = max((c for c in candidates if c[2] < dct), key=lambda c: c[1], default=ahead)
        if direction == SIGNAL_AHEAD and (dct - just_passed[2]).days <= _JUST_PASSED \
                and (ahead[1] - dct).days > _HALF_YEAR:
            return just_passed                  # "to repatriate the child by Jan. 14" on Jan. 15: a
        return ahead                            # deadline just passed, not one a year away
    return _nearest(candidates, dct)


def _nearest(candidates: list[cal.Period], dct: date) -> cal.Period:
    """With no tense to go by, the yearly candidate closest to the anchor."""
    return min(candidates, key=lambda c: min(abs((c[1] - dct).days), abs((c[2] - dct).days)))


def _rel(p: dict[str, Any]) -> int | None:
    r = p.get("rel")
    return None if r is None else int(r)


def op_date(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """Year / month / day, any of them missing; a missing year is inferred (rel, tense, nearest).
    With `week`, the ISO week that contains the day."""
    year = to_year(p.get("year"), ctx.dct, ctx.numbers) if p.get("year") is not None else None
    if year is None and p.get("year") is not None:
        return None
    if year is None and p.get("month_year") is not None:    # "end-June 2026": the month's own year
        year = to_year(p.get("month_year"), ctx.dct, ctx.numbers)
    if year is None and p.get("year_rel") is not None:
        year = ctx.dct.year + int(p["year_rel"])
    month, day = to_int(p.get("month")), to_int(p.get("day"))
    if month is not None and not 1 <= month <= 12 or day is not None and (month is None or not 1 <= day <= 31):
        return None
    if month is None:
        return Resolved("DATE", *cal.period("Y", date(year, 1, 1)), unit="Y") if year else None
    def make(y: int) -> cal.Period | None:
        if day is None:
            return cal.period("M", date(y, month, 1))
        if day > cal.month_end(y, month).day:
            return None
        return cal.period("D", date(y, month, day))
    if year is not None:
        found = make(year)
    else:
        cands = [c for c in (make(ctx.dct.year + k) for k in (-1, 0, 1)) if c]
        wd = to_int(p.get("weekday"))
        if wd and day is not None:
            cands = [c for c in cands if c[1].isoweekday() == wd] or cands
        found = _pick(cands, ctx.dct, ctx.direction, _rel(p)) if cands else None
        if found and _rel(p) == -1 and day is None and found[1].year == ctx.dct.year \
                and found[1].month == ctx.dct.month - 1:
            found = make(ctx.dct.year - 1)      # "crashed last February" in a March paper: a year
                                                # back (last month would be "last month")
    if found and p.get("week") and day is not None:     # "the week of March 6": its ISO week
        return Resolved("DATE", *cal.period("W", found[1]), unit="W")
    if found and p.get("pod") and day is not None:      # "Sunday night, Aug. 17": that night
        return _with_pod(Resolved("DATE", *found, unit="D"), p.get("pod"))
    return Resolved("DATE", *found, unit="D" if day else "M") if found else None


_PART_DAYS = {"week": 7, "days": 7, "few days": 7, "fortnight": 14}
_NTH = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1, "closing": -1}


def op_month_part(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """A part of a month: "the first week of May" is May 1-7, "the last week of June" June 24-30,
    "the second half of March" March 16-31, "the first days of July" July 1-7. Weeks counted from
    the 1st are no ISO weeks, so the value stays the month (START for a first part, END for a
    last one) and the interval is the days themselves (`exact`: no further narrowing)."""
    if p.get("month_rel") is not None:          # "the last week of next month"
        month = Resolved("DATE", *cal.period("M", cal.shift(ctx.dct, "M", int(p["month_rel"]))), unit="M")
    else:
        month = op_date({k: p.get(k) for k in ("month", "year", "rel")}, ctx)
    nth = _NTH.get(normalize(str(p.get("nth") or "")))
    part = normalize(str(p.get("part") or ""))
    if month is None or month.first is None or month.last is None or nth is None:
        return None
    end = month.last.day
    if part == "half":
        if nth not in (1, 2, -1):
            return None
        lo, hi = (1, 15) if nth == 1 else (16, end)
    elif part in _PART_DAYS:
        size = _PART_DAYS[part]
        lo = end - size + 1 if nth == -1 else 1 + (nth - 1) * size
        hi = min(lo + size - 1, end)
        if lo > end or size == 14 and nth not in (1, 2, -1):
            return None
    else:
        return None
    mod = "START" if lo == 1 else "END" if hi == end else None
    return Resolved("DATE", month.value, month.first.replace(day=lo), month.first.replace(day=hi),
                    mod=mod, unit="M", exact=True)


def op_weekday(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """A weekday: last/next/this, else the tense direction; unmarked defaults to the past."""
    wd = to_int(p.get("weekday"))
    if not wd or not 1 <= wd <= 7:
        return None
    dct, rel = ctx.dct, _rel(p)
    if p.get("week") is not None:               # "Monday next week": that day of the week named
        d = dct + timedelta(days=7 * int(p["week"]) + wd - dct.isoweekday())
        return _with_pod(Resolved("DATE", d.isoformat(), d, d, unit="D"), p.get("pod"))
    if p.get("narrative") and rel in (-1, 1):   # "the previous Friday": before the last date named
        base = (ctx.last or ("D", dct))[1]
        step = (base.isoweekday() - wd) % 7 or 7 if rel == -1 else (wd - base.isoweekday()) % 7 or 7
        d = base + timedelta(days=-step if rel == -1 else step)
        return _with_pod(Resolved("DATE", d.isoformat(), d, d, unit="D"), p.get("pod"))
    base = (ctx.last or ("D", dct))[1]
    if p.get("narrative") and rel == 0 and base != dct:   # "on the Saturday": that weekday of the
        d = base + timedelta(days=wd - base.isoweekday())   # week of the event just narrated (the
        if d > dct and ctx.direction < 0:       # last date named); told in the past, not after the
            d -= timedelta(days=7)              # publication day; with no date named, a plain weekday
        return _with_pod(Resolved("DATE", d.isoformat(), d, d, unit="D"), p.get("pod"))
    if p.get("narrative") and rel == 0:
        rel = None
    back = (dct.isoweekday() - wd) % 7
    if rel == -1:
        d = dct - timedelta(days=back or 7)
    elif rel == 1:
        d = dct + timedelta(days=(wd - dct.isoweekday()) % 7 or 7)
    elif rel == 0:
        d = dct + timedelta(days=wd - dct.isoweekday())
    elif ctx.direction > 0:
        d = dct + timedelta(days=(wd - dct.isoweekday()) % 7)
    elif ctx.direction == PAST_PLAN:            # "a strike that had been set for Monday": the nearer
        ahead = (wd - dct.isoweekday()) % 7     # Monday (a past one on a tie)
        d = dct + timedelta(days=ahead) if ahead < back else dct - timedelta(days=back)
    else:
        d = dct - timedelta(days=back)
    return _with_pod(Resolved("DATE", d.isoformat(), d, d, unit="D"), p.get("pod"))


def _with_pod(r: Resolved, pod: Any) -> Resolved:
    """Attach a part of day ("morning" -> TMO): the value becomes a TIME on the same day."""
    if not pod or r.first is None:
        return r
    return replace(r, type="TIME", value=f"{r.first.isoformat()}T{pod}")


def op_shift(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """The period `by` units away from the anchor ("next month", "two years ago", "yesterday")."""
    unit = str(p.get("unit") or "D")
    by = p.get("by")
    n = int(by) if isinstance(by, int) or (isinstance(by, str) and by.lstrip("-").isdigit()) else to_int(by, ctx.numbers)
    if n is None:
        return None
    n *= int(p.get("sign", 1))
    gran = str(p.get("gran") or unit)
    if gran in _SUB_DAY:
        gran = "D"
    d = cal.shift(ctx.dct, unit, n)
    value, first, last = cal.period(gran, d)
    return _with_pod(Resolved("DATE", value, first, last, unit=gran), p.get("pod"))


def op_narrative(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """Relative to the last date mentioned ("the following day", "a year earlier").

    A year-shift of a quarter or month keeps its granularity ("a year earlier" after "the third
    quarter" is the third quarter of last year); `base = "dct"` anchors at the publication day
    unless the last mention was such a quarter or month. A day counted from a month or year
    named without its day ("in October ... that same day") is `1998-10-XX` (TIMEX3's unknown
    day), spanning the month, not the month's first day. `gran = "last"` is the last date named
    itself ("until then"), or None when no date has been named.
    """
    unit, n = str(p.get("unit") or "D"), to_int(p.get("by"), ctx.numbers)
    if n is None and p.get("by") is not None:
        n = int(p["by"]) if str(p["by"]).lstrip("-").isdigit() else None
    if n is None:                              # "several years ago": PAST_REF when the rule says
        return Resolved("DATE", str(p["unknown"])) if p.get("unknown") else None
    n *= int(p.get("sign", 1))
    last_unit, last_day = ctx.last or ("D", ctx.dct)
    if p.get("gran") == "last":                # "until then": the last date named, as named; with
        if (last_unit, last_day) == ("D", ctx.dct):   # none named yet, nothing to refer to
            return None
        value, first, last = cal.period(last_unit, last_day)
        return Resolved("DATE", value, first, last, unit=last_unit)
    if p.get("period") and last_unit.startswith(PART_YEAR) and len(last_unit) > len(PART_YEAR):
        # "For the nine months, ... In the year-earlier period, ...": those months a year back, a
        # DURATION as TimeBank writes "the year-earlier nine months" (not the quarter in view)
        return Resolved("DURATION", last_unit[len(PART_YEAR):])
    if p.get("need") == "Q" and (last_unit != "Q" or cal.period("Q", last_day)[2] >= ctx.dct):
        # "the quarter" after "Earlier this month, ...": the quarter in view is the last one named
        # that has ended (results are reported for those); a forecast ("losses through the third
        # quarter of 1990") is not in view
        last_unit, last_day = ("Q", ctx.quarter) if ctx.quarter else ("D", ctx.dct)
    if p.get("compared") and last_unit == "Y" and last_day.year == ctx.dct.year + n:
        n = 0                                   # "Last year net was $235.5 million. The year-earlier
                                                # results ...": the comparison year is already in view
    keep = unit == "Y" and n != 0 and last_unit in ("Q", "H")
    base = last_day if (p.get("base") != "dct" or keep) else ctx.dct
    if p.get("pod") and n == 0 and unit == "D" and ctx.direction < 0 and base > ctx.dct:
        base = ctx.dct                          # "the port will reopen on Saturday. No deaths had
                                                # been confirmed by late evening": today's evening
    if p.get("need") and last_unit != p["need"]:   # no such period mentioned: `fallback` units
        base, keep = cal.shift(ctx.dct, str(p["need"]), int(p.get("fallback", 0))), False
        unit, n = str(p["need"]), 0                  # from the anchor, all told
    gran = last_unit if keep else str(p.get("gran") or unit)
    if gran in ("DE", "CE") and p.get("gran_decade"):        # "a decade ago": a year, not a decade
        gran = str(p["gran_decade"])
    if gran in _SUB_DAY:
        gran = "D"
    if gran == "D" and unit == "D" and last_unit in ("M", "Y") and base is last_day and not p.get("pod"):
        # "that same day" after "in October": some day of that month, not its first
        value, first, last = cal.period(last_unit, last_day)
        return Resolved("DATE", value + ("-XX" if last_unit == "M" else "-XX-XX"), first, last, unit=last_unit)
    value, first, last = cal.period(gran, cal.shift(base, unit, n))
    return _with_pod(Resolved("DATE", value, first, last, unit=gran), p.get("pod"))


def op_ref(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """PAST_REF / PRESENT_REF / FUTURE_REF; the present is the anchor day itself."""
    value = str(p.get("value"))
    if value == "PRESENT_REF":
        return Resolved("DATE", value, ctx.dct, ctx.dct)
    return Resolved("DATE", value)


def duration_value(n: Any, unit: str) -> str:
    """TIMEX3 duration: P3D, PT4H, P10Y for a decade, PXY when the count is unknown. Decades and
    centuries of unknown count use TimeBank's unit letters, E and C ("for centuries" PXC)."""
    count = "X" if n is None else n
    if unit in _SUB_DAY:
        if unit == "H" and count == 24:
            return "P1D"
        return f"PT{count}{_SUB_DAY[unit]}"
    if unit in ("DE", "CE"):                 # "a decade" P10Y, "decades" PXE, "centuries" PXC
        return f"P{count * (10 if unit == 'DE' else 100)}Y" if count != "X" else f"PX{'E' if unit == 'DE' else 'C'}"
    if unit == "FN":
        return f"P{count * 2 if count != 'X' else 'X'}W"
    return f"P{count}{unit}"


def op_duration(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """A length of time ("three-day", "90 days", "a decade", "the last twenty four hours")."""
    unit = str(p.get("unit") or p.get("unit2") or "D")
    raw = p.get("n") if p.get("n") is not None else p.get("n2")
    if raw == "0.5" and unit in _HALF:
        n_half, unit_half = _HALF[unit]
        return Resolved("DURATION", duration_value(n_half, unit_half))
    n = None if raw in (None, "X") else to_int(raw, ctx.numbers)
    if raw not in (None, "X") and n is None and normalize(str(raw)) not in (ctx.numbers or {}):
        return None
    if p.get("and_half") and n is not None and unit in _HALF and unit not in ("S", "DE", "CE"):
        return Resolved("DURATION", _plus_half(n, unit))
    return Resolved("DURATION", duration_value(n, unit))


def _plus_half(n: int, unit: str) -> str:
    """ "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "a minute and a half" -> PT1M30S,
    "two and a half days" -> P2DT12H: the whole units, then the half in the next smaller unit."""
    whole, (half_n, half_unit) = duration_value(n, unit), _HALF[unit]
    if half_unit in _SUB_DAY:
        part = f"{half_n}{_SUB_DAY[half_unit]}"
        return whole + part if "T" in whole else f"{whole}T{part}"
    return f"{whole}{half_n}{half_unit}"


def op_set(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """A recurrence ("every Tuesday", "annually", "each year")."""
    if p.get("value"):
        return Resolved("SET", str(p["value"]))
    if p.get("weekday"):
        return Resolved("SET", f"XXXX-WXX-{to_int(p['weekday'])}{'T' + str(p['pod']) if p.get('pod') else ''}")
    if p.get("month"):
        return Resolved("SET", f"XXXX-{to_int(p['month']):02d}")
    n = to_int(p.get("n"), ctx.numbers) if p.get("n") else 1
    return Resolved("SET", duration_value(n, str(p.get("unit") or "D")))


def _yearly(p: dict[str, Any], ctx: Context, make: Callable[[int], cal.Period]) -> Resolved:
    """A period that recurs every year (quarter, season, holiday): explicit year, else pick."""
    year = to_year(p.get("year"), ctx.dct, ctx.numbers)
    if year is None and p.get("year_rel") is not None:
        year = ctx.dct.year + int(p["year_rel"])
    if year is not None:
        found = make(year)
    else:
        found = _pick([make(ctx.dct.year + k) for k in (-1, 0, 1)], ctx.dct, ctx.direction, _rel(p))
    return Resolved("DATE", *found, unit=str(p.get("unit", "D")))


def op_quarter(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """Quarter q of a year; without a year, the latest such quarter already begun (earnings news)."""
    q = to_int(p.get("q"))
    ended = to_int(p.get("ended_month"))
    if ended is not None and ctx.quarter:        # a quarter in view ("its fiscal first quarter")
        return Resolved("DATE", *cal.period("Q", ctx.quarter), unit="Q")   # is the one that ended
    if ended is not None and 1 <= ended <= 12:   # "the quarter ended July 31": May-July, mostly Q2
        q = (ended - 2) % 12 // 3 + 1            # the calendar quarter of its middle month
    if p.get("q_from") is not None:              # "the July-September quarter": a calendar quarter
        m1, m2 = to_int(p.get("q_from")), to_int(p.get("q_to"))
        if m1 is None or m2 != m1 + 2 or (m1 - 1) % 3:
            return None                          # "the June-August quarter": a fiscal one, unknown
        q = (m1 - 1) // 3 + 1
    if q is None and p.get("same"):              # "the 1988 period", "last year's quarter"
        last_unit, last_day = ctx.last or ("D", ctx.dct)
        if last_unit.startswith(PART_YEAR) and p.get("year") is not None:
            year = to_year(p.get("year"), ctx.dct)  # "In the first nine months, ... in the 1988
            return Resolved("DATE", *cal.period("Y", date(year, 1, 1)), unit="Y") if year else None
        if last_unit != "Q" and ctx.quarter:
            last_unit, last_day = "Q", ctx.quarter
        latest = cal.shift(ctx.dct, "Q", -1)
        q = (last_day.month - 1) // 3 + 1 if last_unit == "Q" else (latest.month - 1) // 3 + 1
    if not q or not 1 <= q <= 4:
        return None
    if p.get("year") is None and p.get("year_rel") is None and p.get("rel") is None:
        year = ctx.dct.year if ctx.direction > 0 or cal.quarter(ctx.dct.year, q)[1] <= ctx.dct else ctx.dct.year - 1
        return Resolved("DATE", *cal.quarter(year, q), unit="Q")
    return replace(_yearly({**p, "unit": "Q"}, ctx, lambda y: cal.quarter(y, q)), unit="Q")


def op_half(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """First or second half of a year ("the first two quarters of 1990" is the first; "the first
    half of next year" counts from the anchor's year)."""
    h = 1 if p.get("first") else to_int(p.get("h"))
    if h not in (1, 2):
        return None
    year = to_year(p.get("year"), ctx.dct) or ctx.dct.year + int(p.get("year_rel") or 0)   # "of next year"
    return Resolved("DATE", *cal.half(year, h), unit="H")


def op_season(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """A season ("next spring", "last fall", "summer 2019")."""
    code = str(p.get("season") or "")
    if code not in cal.SEASONS:
        return None
    return replace(_yearly(p, ctx, lambda y: cal.season(y, code)), unit="SE")


def op_decade(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """A decade from "1990s" or "'90s" (two digits: the latest such decade not after the anchor)."""
    raw = str(p.get("decade") or "").lstrip("'’")
    if not raw.isdigit():
        return None
    y = int(raw)
    if len(raw) == 2:
        y += ctx.dct.year - ctx.dct.year % 100
        if y > ctx.dct.year:
            y -= 100
    return Resolved("DATE", *cal.decade(y - y % 10), unit="DE") if 1 <= y <= 9990 else None


def op_century(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """The nth century ("the 20th century" -> 19)."""
    n = to_int(p.get("n"), ctx.numbers)
    if not n or not 1 <= n <= 99:
        return None
    start = (n - 1) * 100
    return Resolved("DATE", f"{n - 1:02d}", date(max(start, 1), 1, 1), date(start + 99, 12, 31), unit="CE")


def op_time(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """A clock time on the anchor day (or on the date or weekday given): 2018-09-23T07:20."""
    hour = to_int(p.get("hour"))
    minute = to_int(p.get("minute")) or 0
    if hour is None or hour > 24 or minute > 59:
        return None
    ampm = str(p.get("ampm") or "").lower()
    if ampm in ("afternoon", "evening"):         # "4 in the afternoon"
        ampm = "pm"
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    # "6 a.m. on Monday, Aug. 25": the explicit date wins; the weekday only picks its year
    day = op_date(p, ctx) if p.get("month") else op_weekday(p, ctx) if p.get("weekday") else None
    if day is None and ctx.last and ctx.last[0] == "D":
        d = ctx.last[1]                          # "On Oct. 23 ... at 10 p.m.": the day last named
    else:
        d = day.first if day and day.first else ctx.dct
    return Resolved("TIME", f"{d.isoformat()}T{hour:02d}:{minute:02d}", d, d, unit="D")


def op_holiday(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """A holiday: fixed ("12-25"), nth weekday ("11/4/4": 4th Thursday of November), Easter or
    U.S. Election Day (the Tuesday after the first Monday of November)."""
    code = str(p.get("holiday") or "")
    def make(y: int) -> cal.Period:
        if code == "EASTER":
            return cal.period("D", cal.easter(y))
        if code == "ELECTION":
            return cal.period("D", cal.nth_weekday(y, 11, 1, 1) + timedelta(days=1))
        if "/" in code:
            m, wd, nth = (int(x) for x in code.split("/"))
            return cal.period("D", cal.nth_weekday(y, m, wd, nth))
        m, d = (int(x) for x in code.split("-"))
        return cal.period("D", date(y, m, d))
    try:
        found = _yearly({**p, "unit": "D"}, ctx, make)
    except ValueError:
        return None
    if p.get("week") and found.first:           # "Easter week": the ISO week of the holiday
        return Resolved("DATE", *cal.period("W", found.first), unit="W")
    return found


OPS: dict[str, Callable[[dict[str, Any], Context], Resolved | None]] = {
    "date": op_date, "weekday": op_weekday, "shift": op_shift, "narrative": op_narrative,
    "ref": op_ref, "duration": op_duration, "set": op_set, "quarter": op_quarter, "half": op_half,
    "season": op_season, "decade": op_decade, "century": op_century, "time": op_time,
    "holiday": op_holiday, "month_part": op_month_part,
}


def resolve(p: dict[str, Any], ctx: Context) -> Resolved | None:
    """Dispatch on `op`; a range resolves both ends and spans from the first to the last day."""
    if p.get("op") == "range":
        a, b = resolve(p["from"], ctx), resolve(p["to"], ctx)
        if not a or not b or not a.first or not b.last or b.last < a.first:
            return None
        return Resolved("DATE", a.value, a.first, b.last, unit=a.unit)
    res = OPS[p["op"]](p, ctx)
    if res is not None and p.get("day_side") and res.type == "DATE" and res.first and res.first == res.last:
        d = res.first + timedelta(days=-1 if str(p["day_side"]).lower() == "before" else 1)
        res = replace(res, value=d.isoformat(), first=d, last=d)   # "the day before last Tuesday"
    if res is not None and p.get("mod"):
        res = replace(res, mod=str(p["mod"]))
    return res
