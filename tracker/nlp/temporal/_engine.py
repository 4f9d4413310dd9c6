"""The engine: compile the tables once, scan, resolve, attach modifiers and deadlines.

All rules become one alternation, in priority order (deadline rules, then `rules.toml` top to
bottom: ranges and full dates before their parts). A single left-to-right `finditer` therefore
yields non-overlapping matches, leftmost first and, at one position, the highest-priority (in
practice the longest) rule. Python's `re` has no backtracking blow-up on these patterns because
every repetition is bounded or separated by a literal; the adversarial tests keep it honest.
Within one text, the tense of a match, its parameters and its finished Timex are cached by
exactly what they read (`_Memo`), so repeated expressions cost a dictionary lookup each.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Iterator

from tracker.nlp.temporal import _calendar as cal
from tracker.nlp.temporal._firstchars import first_chars
from tracker.nlp.temporal._loader import Rule, Tables, load_tables, normalize
from tracker.nlp.temporal._resolve import PART_YEAR, SIGNAL_AHEAD, Context, Resolved, resolve, to_int
from tracker.nlp.temporal._tense import direction
from tracker.nlp.temporal._types import Timex

log = logging.getLogger(__name__)
_NEEDS_TENSE = frozenset({"date", "weekday", "season", "holiday", "quarter", "time", "range"})
_GROUP = re.compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")
_IF_GROUP = re.compile(r"\(\?\(([A-Za-z_][A-Za-z0-9_]*)\)")     # "(?(paren)\))": a conditional on a group
_LOOKBACK = 40
_REACH = 40                                   # how far before a trigger a match may start


@dataclass(frozen=True)
class Compiled:
    """Per first character, the alternation of the rules that can start with it (priority
    order kept), plus what is needed to read a match back."""

    tables: Tables
    scanners: dict[str, re.Pattern[str]]              # lower-case first char -> alternation
    rules: dict[str, tuple[Rule, dict[str, str]]]     # "r7" -> (rule, {group: renamed group})
    triggers: re.Pattern[str]                         # a digit or a trigger word
    starters: re.Pattern[str]                         # where a match may begin
    modifier: re.Pattern[str]
    signals: re.Pattern[str] | None
    not_after: dict[str, re.Pattern[str]]
    prefix_words: frozenset[str]                      # last words of modifiers and signals


def _alternative(i: int, rule: Rule) -> tuple[str, dict[str, str]]:
    names: dict[str, str] = {}

    def rename(m: re.Match[str]) -> str:
        names[m.group(1)] = f"r{i}_{m.group(1)}"
        return f"(?P<{names[m.group(1)]}>"
    body = _GROUP.sub(rename, rule.regex)
    body = _IF_GROUP.sub(lambda m: f"(?({names.get(m.group(1), m.group(1))})", body)   # same renaming
    return f"(?P<r{i}>{body})(?!\\w)", names


def _scanners(tables: Tables) -> tuple[dict[str, re.Pattern[str]], dict[str, tuple[Rule, dict[str, str]]]]:
    """One compiled alternation per possible first character (case-folded)."""
    by_char: dict[str, list[str]] = {}
    rules: dict[str, tuple[Rule, dict[str, str]]] = {}
    wildcard: list[int] = []
    for i, rule in enumerate(tables.rules):
        alt, names = _alternative(i, rule)
        rules[f"r{i}"] = (rule, names)
        chars = first_chars(rule.regex)
        if chars is None:
            wildcard.append(i)
            chars = set()
        for ch in {c.lower() for c in chars}:
            by_char.setdefault(ch, []).append(alt)
    if wildcard:
        raise ValueError(f"rules {wildcard} can start with any character")
    return {ch: re.compile("|".join(alts)) for ch, alts in by_char.items()}, rules


@lru_cache(maxsize=4)
def compiled(tables: Tables | None = None) -> Compiled:
    """Compile the default (or given) tables; cached, so the cost is paid once per process."""
    tables = tables or load_tables()
    scanners, rules = _scanners(tables)
    lex = tables.lexicons
    modifier = re.compile(rf"(?<!\w)(?P<mod>{lex['approx'].regex}|{lex['bound'].regex})\s+\Z", re.IGNORECASE)
    sig = "|".join(f"(?P<s{i}>{s.regex})" for i, s in enumerate(tables.signals))
    signals = re.compile(rf"(?<!\w)(?:{sig})\s+\Z", re.IGNORECASE) if sig else None
    not_after = {r.id: re.compile(rf"(?<!\w)(?:{r.not_after})\s*\Z", re.IGNORECASE) for r in tables.rules if r.not_after}
    not_after |= {"set:" + r.id: re.compile(rf"(?<!\w)(?:{r.set_after})\s*\Z", re.IGNORECASE) for r in tables.rules if r.set_after}
    prefix_words = frozenset(w for name in ("approx", "bound") for v in lex[name].lookup for w in v.split()[-1:])
    prefix_words |= frozenset(w for sg in tables.signals for w in re.findall(r"[a-z]+", sg.regex))
    return Compiled(tables, scanners, rules, _words(tables.triggers, r"(?<![\w'’])['’]?\d+|q(?=[1-4])"),
                    _words(tables.triggers | tables.starters, r"(?<![\w'’])['’]?\d|q(?=[1-4])"), modifier, signals, not_after, prefix_words)


def _words(words: frozenset[str], digits: str) -> re.Pattern[str]:
    """Whole lower-case words of a set (plurals too), or digits, as one alternation grouped by
    first letter (a one-level trie: several times faster than a flat alternation in `re`)."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    trie = "|".join(f"{re.escape(k)}(?:{'|'.join(v)})" for k, v in sorted(by_first.items()))
    return re.compile(rf"{digits}|(?<![\w'’])(?:{trie})s?(?!\w)")


def anchor_day(dct: date | datetime) -> date:
    """The anchor as a calendar day: an aware datetime counts in its own (publisher's) offset."""
    return dct.date() if isinstance(dct, datetime) else dct


def _canonical(c: Compiled, classes: tuple[str, ...], raw: str) -> str:
    """The lexicon key for a group's text, or the text itself (numbers, digits, years)."""
    key = normalize(raw)
    for name in classes:
        lex = c.tables.lexicons.get(name)       # macros ({num}, {year4}) keep the raw text
        hit = lex.lookup.get(key) if lex else None
        if hit is not None:
            return hit
    return raw


def _bind(spec: Any, groups: dict[str, str | None]) -> Any:
    """Substitute `$group` references in a value spec (recursively); absent groups -> None."""
    if isinstance(spec, str) and spec.startswith("$"):
        return groups.get(spec[1:])
    if isinstance(spec, dict):
        return {k: _bind(v, groups) for k, v in spec.items()}
    return spec


def _groups(c: Compiled, rule: Rule, names: dict[str, str], m: re.Match[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name, renamed in names.items():
        raw = m.group(renamed)
        out[name] = None if raw is None else _canonical(c, rule.groups.get(name, ()), raw)
    return out


def _deadline(spec: dict[str, Any], res: Resolved, dct: date, params: dict[str, Any], numbers: dict[str, str]) -> date | None:
    """Apply a deadline relation: by -> last day, before -> day before the first, within -> dct + n units."""
    relation = spec.get("relation")
    if relation == "by":
        return res.last
    if relation == "before":
        return res.first - timedelta(days=1) if res.first else None
    unit, n = _bind(spec.get("unit"), params), _bind(spec.get("offset", 1), params)
    count = to_int(n, numbers)
    if unit is None or count is None:
        return None
    if unit in _SECONDS:                        # "within 48 hours": whole days counted from the
        return dct + timedelta(days=count * _SECONDS[unit] // 86400)    # anchor day (12 hours: today)
    return cal.shift(dct, str(unit), count)


_SECONDS = {"H": 3600, "MIN": 60, "S": 1}


def _word_before(c: Compiled, text: str, start: int) -> bool:
    """Cheap gate for the prefix regexes: is the word right before `start` a modifier/signal end?"""
    words = text[max(0, start - 16):start].split()
    return bool(words) and words[-1].lower() in c.prefix_words


def _prefix(c: Compiled, text: str, start: int, kind: str) -> tuple[int, str | None]:
    """Extend a match leftwards over an approximation/bound word ("about", "no earlier than")."""
    if not _word_before(c, text, start) or text[start:start + 4].lower() == "the ":
        return start, None                       # "over the past two years" is not "more than"
    m = c.modifier.search(text, max(0, start - _LOOKBACK), start)
    if not m:
        return start, None
    mod = _canonical(c, ("approx", "bound"), m.group("mod"))
    if kind == "DATE" and mod in ("MORE_THAN", "LESS_THAN"):
        return start, None
    return m.start(), mod


def _signal(c: Compiled, text: str, start: int, kind: str) -> tuple[str | None, str | None]:
    """The deadline relation that a signal word right before the match gives, if any."""
    if c.signals is None or not _word_before(c, text, start):
        return None, None
    m = c.signals.search(text, max(0, start - _LOOKBACK), start)
    if not m or not m.lastgroup:
        return None, None
    sig = c.tables.signals[int(m.lastgroup[1:])]
    rel = sig.duration if kind == "DURATION" else sig.date if kind in ("DATE", "TIME") else None
    return rel, m.group(m.lastgroup)


def lower_same_length(text: str) -> str:
    """`text.lower()` with every offset kept (the rare characters whose lower case is longer,
    like "İ", stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _case_ok(c: Compiled, text: str, m: re.Match[str]) -> bool:
    """Title-case classes ("May" the month, not "may") must be capitalized in the original text."""
    rule, names = c.rules[m.lastgroup or ""]
    for name, classes in rule.groups.items():
        start = m.start(names[name])
        if start >= 0 and any(c.tables.lexicons[k].case for k in classes if k in c.tables.lexicons):
            if not text[start].isupper():
                return False
    return True


def _matches(text: str, low: str, c: Compiled) -> Iterator[re.Match[str]]:
    """Leftmost, highest-priority, non-overlapping matches in the lower-cased text. Only
    starter words up to _REACH characters before a trigger are tried, each against the rules
    for its first character."""
    done = 0                                   # every position below this is tried or covered
    for trig in c.triggers.finditer(low):
        if trig.end() <= done:
            continue
        for st in c.starters.finditer(low, max(done, trig.start() - _REACH), trig.end()):
            p = st.start()
            scanner = c.scanners.get(low[p])
            m = scanner.match(low, p) if scanner else None
            if m and _case_ok(c, text, m):
                yield m
                done = m.end()
                break
        done = max(done, trig.start() + 1)


def _raw_scan(text: str, c: Compiled) -> Iterator[tuple[Rule, dict[str, str], re.Match[str]]]:
    """Every rule match in text order, before its groups are read."""
    for m in _matches(text, lower_same_length(text), c):
        rule, names = c.rules[m.lastgroup or ""]
        if rule.id in c.not_after and c.not_after[rule.id].search(text, max(0, m.start() - _LOOKBACK), m.start()):
            continue
        if text[m.start()].isupper() and _is_title(text, m.start(), m.end()):
            continue
        if low_word(text, m) in _PAPER_WORDS and _before_name(text, m.end()):
            continue                            # "the Communist Party daily Granma": a newspaper
        yield rule, names, m


_PAPER_WORDS = frozenset({"daily", "weekly", "monthly"})   # nouns for a periodical before its name


def low_word(text: str, m: re.Match[str]) -> str:
    return text[m.start():m.end()].lower() if m.end() - m.start() <= 7 else ""


def _before_name(text: str, end: int) -> bool:
    """Whether a capitalized word (a name) follows right after `end`: "daily Granma"."""
    return text[end:end + 1] == " " and text[end + 1:end + 2].isupper()


_LOWER_WORDS = frozenset({"today", "tonight", "tomorrow", "yesterday", "now"})   # capitalized only in names
_OPEN_QUOTE = frozenset("\"“`'‘")


def _is_title(text: str, start: int, end: int) -> bool:
    """Whether a capitalized match is part of a name, not a time: every word capitalized right
    after an opening quote (ABC's "This Week With David Brinkley"), or "Today" / "Tonight"
    capitalized right after a capitalized word in mid-sentence ("This is VOA Today")."""
    prev = text[start - 1] if start else ""
    if prev in _OPEN_QUOTE:
        words = text[start:end].split()
        return len(words) >= 2 and all(w[0].isupper() for w in words)
    if prev == " " and text[start:end].lower() in _LOWER_WORDS:
        before = text[max(0, start - 30):start].split()
        return len(before) > 1 and before[-1][0].isupper() and before[-1][-1].isalpha() \
            and before[-2][-1] not in ".!?:;\"“`'‘"
    return False


def scan(text: str, c: Compiled | None = None) -> Iterator[tuple[Rule, re.Match[str], dict[str, str | None]]]:
    """Every rule match in text order, with its groups mapped to canonical values."""
    c = c or compiled()
    for rule, names, m in _raw_scan(text, c):
        yield rule, m, _groups(c, rule, names, m)


def _build(c: Compiled, text: str, rule: Rule, m: re.Match[str], params: dict[str, Any], ctx: Context,
           memo: dict[Any, Resolved | None], key: Any) -> Timex | None:
    """Resolve one match into a Timex (modifier, interval narrowing and deadline included).
    `memo` caches resolutions within one text: resolving is pure in (rule, groups, context)."""
    if key not in memo:
        memo[key] = resolve(params, ctx)
    res = memo[key]
    if res is None:
        return None
    kind = rule.type or res.type
    start, mod = _prefix(c, text, m.start(), kind)
    mod = res.mod or mod
    first, last = (res.first, res.last) if kind in ("DATE", "TIME") else (None, None)
    if first and last and mod and not res.exact:     # "the first week of May" is already its days
        first, last = cal.narrow(first, last, mod)
    res = replace(res, first=first, last=last, mod=mod)
    deadline = _deadline(rule.deadline, res, ctx.dct, params, ctx.numbers or {}) if rule.deadline else None
    if deadline is None:
        relation, _ = _signal(c, text, start, kind)
        if relation:
            deadline = _deadline({"relation": relation, "unit": _unit_of(params), "offset": params.get("n")},
                                 res, ctx.dct, params, ctx.numbers or {})
    return Timex(start, m.end(), text[start:m.end()], kind, res.value, mod, first, last, deadline, rule.id)  # type: ignore[arg-type]


def _unit_of(params: dict[str, Any]) -> Any:
    return params.get("unit")


_SENTENCE_GAP = re.compile(r"[.!?][\"'”’)]*\s+[\"“(]?[A-Z]|\n")   # a sentence ends between two offsets
_ENDS_PERIOD = re.compile(r"\b(?:ended|ending)\s+\Z", re.IGNORECASE)   # "the quarter ended Sept. 30"
_PART_YEAR = frozenset({"P6M", "P9M"})         # "the six / nine months": a part-year reporting period
_WINDOW = 150                                   # the tense heuristic reads at most this far around
_CONTEXT = 2 * _LOOKBACK                        # modifier and signal words: at most this far before
_MEMO_MAX = 1 << 16                             # entries per cache before it starts over


class _Memo:
    """Per-text caches, so that a text repeating one expression (a table, a list, or "May "
    250,000 times) resolves each distinct (expression, context) once. Every key holds exactly
    what the cached function reads, so results are the same as without the cache."""

    def __init__(self) -> None:
        self.params: dict[Any, dict[str, Any]] = {}
        self.tense: dict[tuple[str, int, int], int] = {}
        self.resolved: dict[Any, Resolved | None] = {}
        self.timex: dict[Any, tuple[int, Timex | None]] = {}

    def direction(self, c: Compiled, text: str, start: int, end: int) -> int:
        """The tense direction of a match, read from the window of text it depends on: the
        tense cues around it, else SIGNAL_AHEAD after a deadline signal ("by April", "before
        May": ahead, unless the coming one is over half a year away and the past one nearer)."""
        lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
        key = (text[lo:hi], start - lo, end - lo)
        found = self.tense.get(key)
        if found is None:
            if len(self.tense) >= _MEMO_MAX:       # bounded memory on long texts of distinct contexts
                self.tense.clear()
            found = direction(*key)
            if found == 0 and key[0][key[2]:key[2] + 2] not in ("'s", "’s") and _signal(c, key[0], key[1], "DATE")[0]:
                found = SIGNAL_AHEAD             # "by April" looks ahead; "before Friday's sale" is past
            self.tense[key] = found
        return found


def tag(text: str, dct: date | datetime) -> list[Timex]:
    """Find and normalize every time expression in `text`, anchored at `dct`. Never raises on str."""
    if not isinstance(text, str) or not text:
        return []
    c = compiled()
    anchor = anchor_day(dct)
    last: tuple[str, date] | None = ("D", anchor)
    quarter: date | None = None                 # the quarter in view: "the quarter" refers to it
    out: list[Timex] = []
    memo = _Memo()
    skip_until = 0                              # a second day taken from "April 24 and 25" ends here
    apposed = (-1, 0)                           # end of a quarter moved back by an apposition, years
    last_end = 0                                # where the expression that set `last` ends
    for rule, names, m in _raw_scan(text, c):
        gkey = (rule.id, m.group(0, *names.values()) if names else m.group(0))
        params = memo.params.get(gkey)
        if params is None:
            if len(memo.params) >= _MEMO_MAX:
                memo.params.clear()
            params = memo.params[gkey] = _bind(rule.value, _groups(c, rule, names, m))
        start = m.start()
        try:
            op = params.get("op")
            tense = memo.direction(c, text, start, m.end()) if op in _NEEDS_TENSE or op == "narrative" and params.get("pod") else 0
            seen = last
            if last and last[0] == "Q" and quarter and last[1] < quarter and last[1].year == quarter.year \
                    and _compares(params) and _SENTENCE_GAP.search(text, last_end, start):
                seen = ("Q", quarter)            # "After a flat second quarter, ..." is background
            key = (gkey, tense, seen, quarter)   # beyond its sentence: a comparison is with the
                                                 # quarter in view ("the year-earlier period")
            before = text[max(0, start - _CONTEXT):start]
            cached = memo.timex.get((key, before))
            if cached is None:
                if len(memo.timex) >= _MEMO_MAX:
                    memo.timex.clear()
                    memo.resolved.clear()
                ctx = Context(anchor, tense, seen, c.tables.numbers, quarter)
                made = _build(c, text, rule, m, params, ctx, memo.resolved, key)
                cached = memo.timex[(key, before)] = (start - made.start if made else 0, made)
            delta, made = cached
            if made is None or made.start == start - delta:
                timex = made
            else:                                # the same expression in the same context, elsewhere
                timex = Timex(start - delta, m.end(), text[start - delta:m.end()], made.type, made.value, made.mod,
                              made.first, made.last, made.deadline, made.rule)
        except (ValueError, OverflowError, KeyError, TypeError, IndexError) as exc:
            log.debug("rule failed", extra={"event": "timex_dropped", "rule": rule.id, "error": str(exc)})
            continue
        if timex is None or timex.start < skip_until:
            continue
        rate = c.not_after.get("set:" + rule.id)
        if rate and timex.type == "DURATION" and timex.text[:2].lower() in ("a ", "an") and rate.search(text, max(0, timex.start - _LOOKBACK), timex.start):
            timex = replace(timex, type="SET")  # "hundreds of interviews a day": a rate
        if out and (same := _apposed_quarter(text, out[-1], timex)):
            apposed = (timex.end, int(timex.value[:4]) - int(same[1].value[:4]))
            out[-1], timex = same               # "the year-ago quarter, the second quarter": one period
        elif out and apposed[0] == out[-1].end and (ends := _ended_day(text, out[-1], timex, apposed[1])):
            timex = ends                        # "... the second quarter ended Oct. 31": a year back too
        out.append(timex)
        if len(out) > 1 and (span := _ended_span(text, out[-2], timex)):
            out[-2] = replace(out[-2], first=span[0], last=span[1])
        if (new := _next_anchor(text, timex, params, anchor, last, quarter)) != (last, quarter):
            last, quarter, last_end = *new, timex.end
        second = _and_day(text, timex)
        if second:                              # "on April 24 and 25": the second day too
            out.append(second)
            skip_until = second.end
            last, quarter = _next_anchor(text, second, params, anchor, last, quarter)
            last_end = second.end
    return out


# "April 24 and 25", "Dec. 3 or 4": a later day of the same month right after a date written
# with its day number; only before punctuation, the end or a function word ("April 24 and 25
# people" is a count, "Oct. 5 and 6 percent" a rate).
_AND_DAY = re.compile(r"\s+(?:and|or|&)\s+(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%$]|[.,]\d)"
                      r"(?!\s+(?!(?:in|at|to|for|and|or|of|with|when|as|on|by|from|the|during|respectively)\b)[a-z\d%$])")


def _and_day(text: str, t: Timex) -> Timex | None:
    """The second day of "April 24 and 25" (TimeBank tags it on its own), or None."""
    if t.type != "DATE" or len(t.value) != 10 or not t.text[-1:].isdigit() or t.first is None:
        return None
    m = _AND_DAY.match(text, t.end)
    if not m:
        return None
    day = int(m.group(1))
    if day <= t.first.day or day > cal.month_end(t.first.year, t.first.month).day:
        return None
    d = t.first.replace(day=day)
    return Timex(m.start(1), m.end(), text[m.start(1):m.end()], "DATE", d.isoformat(), None, d, d, None, "date_and_day")


# "its fourth quarter ended June 30", "the fiscal first half, ending Aug. 27": a period, then the day it ends
_ENDED_BETWEEN = re.compile(r",?\s+(?:ended|ending)\s+\Z", re.IGNORECASE)
_PERIOD_MONTHS = {"Q": 3, "H": 6, "Y": 12}      # months in a quarter, a half, a (fiscal) year


def _ended_span(text: str, period: Timex, day: Timex) -> tuple[date, date] | None:
    """The interval of a period that ends on a stated day in other months than its number names.

    A fiscal quarter keeps its count as its value ("its fourth quarter ended June 30" is TimeBank's
    `1989-Q4`), but on the timeline it is the months up to that day (April-June 30), not the
    calendar Oct-Dec. Months are counted back from the month boundary nearest the day after the end
    (Sept. 29 -> July 1; Oct. 1 -> July 1: 13 weeks). None when the day falls in the period's
    own last month ("the third quarter ended Sept. 30"), when the quarter's number was derived
    from the day itself ("the quarter ended July 31" with no quarter in view: the calendar
    quarter of most of its months), for a year not called fiscal, or a day over a year away."""
    if day.type != "DATE" or len(day.value) != 10 or day.first is None or period.first is None \
            or period.last is None or period.type != "DATE":
        return None
    unit = _unit(period)
    months = _PERIOD_MONTHS.get(unit)
    if months is None or (unit == "Y" and "fiscal" not in period.text.lower()):
        return None
    if not _ENDED_BETWEEN.match(text[period.end:day.start]):
        return None
    end = day.first
    if (end.year, end.month) == (period.last.year, period.last.month) or abs((end - period.last).days) > 366:
        return None
    if period.rule == "the_quarter_ended" and int(period.value[-1]) == (end.month - 2) % 12 // 3 + 1:
        return None                             # Q2 for May-July: the number came from the day
    after = end + timedelta(days=1)
    boundary = after.replace(day=1) if after.day <= 16 else cal.add_months(after.replace(day=1), 1)
    return cal.add_months(boundary, -months), end


_COMPARISONS = frozenset({"year_ago_period", "rel_ago", "rel_earlier_later"})
_APPOSED = re.compile(r",\s*\Z")


def _apposed_quarter(text: str, prev: Timex, t: Timex) -> tuple[Timex, Timex] | None:
    """A quarter named in apposition right after a year-ago comparison names the same period:
    "In the comparable year-ago quarter, the second quarter ended Oct. 31, it lost $12 million"
    is the second quarter of the year before (`1988-Q2`) twice, not the quarter in view a year
    back and this year's second quarter. The ordinal gives the number, the comparison the year;
    only for an ordinal quarter without a year of its own and a comma alone between them."""
    if t.rule != "quarter_ordinal" or prev.rule not in _COMPARISONS or "-Q" not in prev.value \
            or "-Q" not in t.value or any(ch.isdigit() for ch in t.text) \
            or not _APPOSED.match(text[prev.end:t.start]):
        return None
    value, first, last = cal.quarter(int(prev.value[:4]), int(t.value[-1]))
    if value == t.value and value == prev.value:
        return None
    return replace(prev, value=value, first=first, last=last), replace(t, value=value, first=first, last=last)


def _ended_day(text: str, period: Timex, day: Timex, years: int) -> Timex | None:
    """The day that ends a period named in apposition to a year-ago comparison is that day
    `years` back: "In the comparable year-ago quarter, the second quarter ended Oct. 31" in an
    October 1989 paper is Oct. 31, 1988 (the year-ago second quarter), not the tense's Oct. 31."""
    if years <= 0 or day.rule != "date_month_day" or day.first is None \
            or not _ENDED_BETWEEN.match(text[period.end:day.start]) or (day.first.month, day.first.day) == (2, 29):
        return None
    d = day.first.replace(year=day.first.year - years)
    deadline = d if day.deadline == day.last else day.deadline
    return replace(day, value=d.isoformat(), first=d, last=d, deadline=deadline)


def _next_anchor(text: str, timex: Timex, params: dict[str, Any], anchor: date, last: tuple[str, date] | None,
                 quarter: date | None) -> tuple[tuple[str, date] | None, date | None]:
    """The narrative anchor and the quarter in view after `timex`. A date moves the anchor unless
    it is a reference, a year-ago comparison, a "by" target ("by 1992 it intends ...": a goal,
    not the scene of what follows) or the day that ends a period ("the quarter ended Sept. 30":
    the quarter stays in view). "The (first) nine months" puts a part of a year in view: a
    following "a year earlier" is the year, no longer a quarter. The quarter in view is the last
    quarter named that has ended: results are reported for those, not for a forecast one."""
    if timex.type == "DURATION" and timex.value in _PART_YEAR and timex.text[:4].lower() == "the ":
        year = last[1].year if last and last[0] in ("Q", "H", "M") else anchor.year
        return (PART_YEAR + timex.value, date(year, 1, 1)), quarter   # "PP9M": which part
    if not timex.first or timex.type not in ("DATE", "TIME") or timex.deadline == timex.last \
            or not _moves_anchor(params) or (text.find("end", max(0, timex.start - 12), timex.start) >= 0
                                             and _ENDS_PERIOD.search(text, max(0, timex.start - 12), timex.start)):
        return last, quarter
    unit = _unit(timex)
    if unit == "D" and timex.first == timex.last == anchor and last and last[0] in ("Q", "H"):
        return last, quarter                    # "reported a fourth-quarter loss on Thursday, narrower
                                                # than a year earlier": the reporting day is no scene
    if unit == "Q" and timex.last and timex.last < anchor and not (
            quarter and timex.first < quarter and timex.first.year == quarter.year):
        quarter = timex.first                   # not an earlier quarter of the same year, named
    return (unit, timex.first), quarter         # as background ("after a flat second quarter")


def _compares(params: dict[str, Any]) -> bool:
    """Whether a rule compares with the reported period: a year-ago shift ("a year ago", "the
    year-earlier period") or "the 1988 period"; not an anaphor ("that quarter")."""
    return params.get("need") == "Q" or params.get("same") is True or (
        params.get("op") == "narrative" and params.get("unit") == "Y" and params.get("by") not in (0, "0"))


def _moves_anchor(params: dict[str, Any]) -> bool:
    """Whether a resolved date becomes the narrative anchor. References do not, and neither do
    comparisons a whole number of years back ("a year earlier", "the year-ago quarter"): in
    "profit rose from a year earlier ... for the quarter" the quarter is still the current one."""
    op = params.get("op")
    if op == "quarter" and params.get("same") and params.get("q") is None:   # "the 1988 period"
        return False
    return op != "ref" and not (op == "narrative" and params.get("unit") == "Y")


def _unit(t: Timex) -> str:
    """Granularity of a resolved DATE value, from its shape (for narrative anchoring)."""
    v = t.value
    if "-Q" in v:
        return "Q"
    if "-H" in v:
        return "H"
    if "-W" in v:
        return "W"
    if len(v) >= 10:
        return "D"
    if len(v) == 7:
        return "M"
    if len(v) == 4:
        return "Y"
    return "DE" if len(v) == 3 else "D"
