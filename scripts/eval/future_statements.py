#!/usr/bin/env python3
"""How well find_mentions detects forward-looking statements, on the future-statements benchmark.

    python scripts/eval/future_statements.py [--gold PATH] [--anchor inferred|fixed] [--undated | --committed]
                                             [--limit N]

Gold: shared/data/forecasts/future-statements-meris22/goldEN.json (978 Wikinews-style articles,
2,093 statements, silver: produced by an unstated process, often with paraphrased evidence).

Document date (dct) of each article, in this order (the count of each source is printed):
  1. the statements' "Article Date" when the tagger reads it as a day ("December 8, 2004");
     a bare year ("2006") gives July 1 of that year;
  2. `--anchor inferred` (default): the latest explicit full date in the text, else July 1 of the
     latest explicit year (1990-2030) in the text;
  3. the fixed anchor 2010-01-01 (the corpus is mostly 2004-2020 Wikinews).
  `--anchor fixed` skips step 2.

A gold statement is found when some forward mention of its article matches it: the mention's
sentence covers at least half of the content words of the statement's "Modality Evidence", or at
least half of the content words of its "Event Variable" (and names the predictor, when the
predictor's words appear anywhere in the article). Precision counts forward mentions that match
at least one statement. Since a mention ties an event to a time, recall is also given over the
statements whose matching sentence holds a usable time expression (the others, "Event Date:
Unspecified/Future", are out of reach unless `--undated`). Deadline accuracy: over matched pairs whose gold "Event Date" the tagger
normalizes (with the same dct) to a date, the share whose deadline falls in the same year, and in
the same year and month. `--undated` also counts forward statements with no time at all
(find_mentions(..., undated=True)); `--committed` only those where a named actor commits to an act
(undated="committed": "X will appeal", "the company plans to build"); the tracker's default is dated
follow-ups only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tracker.nlp import find_mentions, split_sentences, tag  # noqa: E402

GOLD = ROOT.parent / "shared" / "data" / "forecasts" / "future-statements-meris22" / "goldEN.json"
FIXED = date(2010, 1, 1)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""a an the of to in on at by for from with and or but is are was were be been being will would
could may might should can it its this that these those as than then there their they he she his her we our you
has have had not no do does did into over about after before during more most such which who whom what when
where while also up out so if article statement states uses indicating suggests based""".split())
_YEAR = re.compile(r"\b(19[9]\d|20[0-3]\d)\b")


def content(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in _STOP and len(w) > 2}


def coverage(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def day_of(text: str | None, anchor: date) -> date | None:
    """The day a date string names, via our tagger ("December 8, 2004" -> 2004-12-08)."""
    if not text:
        return None
    if re.fullmatch(r"\d{4}", text.strip()):
        return date(int(text), 7, 1)
    for t in tag(text, anchor):
        if re.match(r"^\d{4}-\d{2}-\d{2}", t.value) and t.first:
            return t.first
    return None


def choose_dct(article: dict, inferred: bool) -> tuple[date, str]:
    for s in article["extracted"]:
        d = day_of(s.get("Article Date"), FIXED)
        if d:
            return d, "article_date"
    if inferred:
        text = article["original_text"]
        days = [t.first for t in tag(text, FIXED) if re.match(r"^\d{4}-\d{2}-\d{2}$", t.value)
                and _YEAR.search(t.text) and t.first]
        if days:
            return max(days), "text_full_date"
        years = [int(y) for y in _YEAR.findall(text)]
        if years:
            return date(max(years), 7, 1), "text_year"
    return FIXED, "fixed"


def matches(sentence: str, statement: dict, article_words: set[str]) -> bool:
    words = content(sentence)
    if coverage(content(statement.get("Modality Evidence")), words) >= 0.5:
        return True
    if coverage(content(statement.get("Event Variable")), words) < 0.5:
        return False
    predictor = content(statement.get("Predictor"))
    return not (predictor & article_words) or bool(predictor & words)


def gold_deadline(statement: dict, dct: date) -> date | None:
    text = statement.get("Event Date")
    if not text:
        return None
    for t in tag(text, dct):
        end = t.deadline or t.last
        if end is not None:
            return end
    return None


def evaluate(gold: list[dict], inferred: bool, undated: bool | str = False) -> dict:
    totals = dict(gold=0, found=0, forward=0, forward_matched=0, mentions=0, dated=0, year_ok=0, month_ok=0,
                  timed=0, timed_found=0)
    sources: dict[str, int] = {}
    started = time.perf_counter()
    for article in gold:
        dct, source = choose_dct(article, inferred)
        sources[source] = sources.get(source, 0) + 1
        mentions = find_mentions(article["original_text"], dct, undated=undated)
        forward = [m for m in mentions if m.forward]
        totals["mentions"] += len(mentions)
        totals["forward"] += len(forward)
        article_words = content(article["original_text"])
        used: set[int] = set()
        timed = _timed_sentences(article["original_text"], dct)
        for st in article["extracted"]:
            totals["gold"] += 1
            has_time = any(matches(s, st, article_words) for s in timed)
            totals["timed"] += has_time
            hit = next((i for i, m in enumerate(forward) if matches(m.sentence, st, article_words)), None)
            if hit is None:
                continue
            totals["found"] += 1
            totals["timed_found"] += has_time
            used.add(hit)
            _score_deadline(totals, st, forward[hit].deadline, dct)
        totals["forward_matched"] += len(used)
    totals["seconds"] = round(time.perf_counter() - started, 1)
    return {"dct_sources": sources, **totals}


def _timed_sentences(text: str, dct: date) -> list[str]:
    """Sentences holding a time a mention can use (a date, a clock time, or a deadline phrase)."""
    times = [t for t in tag(text, dct) if t.deadline or (t.type in ("DATE", "TIME") and t.first
                                                          and t.value != "PRESENT_REF")]
    return [s.text for s in split_sentences(text) if any(s.start <= t.start < s.end for t in times)]


def _score_deadline(totals: dict, statement: dict, ours: date | None, dct: date) -> None:
    theirs = gold_deadline(statement, dct)
    if theirs is None or ours is None:
        return
    totals["dated"] += 1
    if theirs.year == ours.year:
        totals["year_ok"] += 1
        if theirs.month == ours.month:
            totals["month_ok"] += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--anchor", choices=("inferred", "fixed"), default="inferred")
    ap.add_argument("--undated", action="store_true", help="also count forward statements with no time")
    ap.add_argument("--committed", action="store_true",
                    help="also count undated forward statements of a named actor's commitment")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    if args.limit:
        gold = gold[: args.limit]
    r = evaluate(gold, args.anchor == "inferred", "committed" if args.committed else args.undated)
    print(f"articles {len(gold)}  statements {r['gold']}  dct sources {r['dct_sources']}")
    print(f"mentions {r['mentions']}  forward {r['forward']}  ({r['seconds']} s)")
    print(f"recall    {r['found'] / max(r['gold'], 1):.3f}  ({r['found']}/{r['gold']} statements found)")
    print(f"recall on statements whose sentence carries a time: {r['timed_found'] / max(r['timed'], 1):.3f}"
          f"  ({r['timed_found']}/{r['timed']})")
    print(f"precision {r['forward_matched'] / max(r['forward'], 1):.3f}  "
          f"({r['forward_matched']}/{r['forward']} forward mentions match a statement)")
    print(f"deadline  year {r['year_ok'] / max(r['dated'], 1):.3f}  year+month {r['month_ok'] / max(r['dated'], 1):.3f}"
          f"  (over {r['dated']} matched statements with a normalizable Event Date)")


if __name__ == "__main__":
    main()
