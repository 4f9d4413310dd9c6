"""TempEval-3 style scores of tracker's temporal tagger on the TBAQ corpus.

    python scripts/eval/te3.py [--data ../shared/data] [--errors errors.tsv]

With --errors, also writes errors.tsv.summary: error counts by kind (VALUE, TYPE only, FALSE
alarm, MISS) and rule (the gold type for misses), largest first: the categories to work on;
and errors.tsv.causes: every error line prefixed with a rough cause class (a convention the
gold splits on, such as `WXX` weeks or "Friday night" as a plain day, or "other": the lines
worth reading first), the classes counted at the top. `--errors -` prints the list instead.

For every .tml file under <data>/temporal/tbaq/{TimeBank,AQUAINT}: the DCT comes from <DCT>,
the raw text is <TEXT> with every tag stripped (entities decoded), the gold spans are the
character ranges the TIMEX3 elements cover in that raw text. Scores as TempEval-3:
strict match = same span; relaxed match = overlap, one to one; P/R/F1 over spans; value and
type accuracy over relaxed matches; value F1 = value accuracy x relaxed F1.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tracker.nlp.temporal import Timex, tag  # noqa: E402

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def parse_tml(source: str) -> tuple[date, str, list[Gold]]:
    """DCT, raw text and gold TIMEX3 spans of one TimeML document."""
    dct_value = re.search(r"<DCT>.*?value=\"([^\"]+)\"", source, re.S)
    dct = date.fromisoformat(dct_value.group(1)[:10]) if dct_value else date(2000, 1, 1)
    body = source.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    raw, gold, open_timex, pos = [], [], None, 0
    length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        raw.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex:
            start, a = open_timex
            gold.append((start, length, a))
            open_timex = None
    raw.append(html.unescape(body[pos:]))
    text = "".join(raw)
    golds = [Gold(s, e, text[s:e], a.get("type", ""), a.get("value", "")) for s, e, a in gold]
    return dct, text, golds


def match(gold: list[Gold], system: list[Timex]) -> tuple[int, list[tuple[Gold, Timex]]]:
    """Strict match count and one-to-one relaxed (overlap) pairs, in text order."""
    strict = sum(1 for g in gold for s in system if (g.start, g.end) == (s.start, s.end))
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and s.start < g.end and g.start < s.end:
                used.add(i)
                pairs.append((g, s))
                break
    return strict, pairs


def prf(hits: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_sys if n_sys else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(files: list[Path], errors_path: Path | None) -> dict[str, float]:
    """Score every file; write one error line per miss, false alarm and wrong value/type."""
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = chars = 0
    errors: list[str] = []
    t0 = time.perf_counter()
    for path in files:
        dct, text, gold = parse_tml(path.read_text(encoding="utf-8"))
        system = tag(text, dct)
        chars += len(text)
        s, pairs = match(gold, system)
        n_gold, n_sys, strict, relaxed = n_gold + len(gold), n_sys + len(system), strict + s, relaxed + len(pairs)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(t) for _, t in pairs}
        for g, t in pairs:
            value_ok += g.value == t.value
            type_ok += g.type == t.type
            if g.value != t.value or g.type != t.type:
                errors.append(f"VALUE\t{path.name}\t{dct}\t{g.text!r}\t{g.type} {g.value}\t{t.text!r}\t{t.type} {t.value}\t{t.rule}\t{_context(text, t.start, t.end)}")
        errors += [f"MISS\t{path.name}\t{dct}\t{g.text!r}\t{g.type} {g.value}\t{_context(text, g.start, g.end)}" for g in gold if id(g) not in matched_g]
        errors += [f"FALSE\t{path.name}\t{dct}\t{t.text!r}\t{t.type} {t.value}\t{t.rule}\t{_context(text, t.start, t.end)}" for t in system if id(t) not in matched_s]
    elapsed = time.perf_counter() - t0
    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, n_gold)
    vacc = value_ok / relaxed if relaxed else 0.0
    if errors_path and str(errors_path) == "-":
        print("\n".join(f"{_cause(e)}\t{e}" for e in errors))
    elif errors_path:
        errors_path.write_text("\n".join(errors) + "\n", encoding="utf-8")
        summary = Counter(_category(e) for e in errors)
        errors_path.with_suffix(errors_path.suffix + ".summary").write_text(
            "".join(f"{n}\t{kind}\t{rule}\n" for (kind, rule), n in summary.most_common()), encoding="utf-8")
        causes = Counter(_cause(e) for e in errors)
        errors_path.with_suffix(errors_path.suffix + ".causes").write_text(
            "".join(f"# {n}\t{cause}\n" for cause, n in causes.most_common())
            + "".join(f"{_cause(e)}\t{e}\n" for e in sorted(errors, key=_cause)), encoding="utf-8")
    return {"documents": len(files), "gold": n_gold, "system": n_sys, "strict_p": sp, "strict_r": sr,
            "strict_f1": sf, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf, "value_acc": vacc,
            "value_f1": vacc * rf, "type_acc": type_ok / relaxed if relaxed else 0.0,
            "seconds": elapsed, "chars_per_s": chars / elapsed if elapsed else 0.0}


def _category(line: str) -> tuple[str, str]:
    """(kind, rule) of an error line: VALUE and FALSE by the rule that fired, MISS by gold type.
    VALUE is split into VALUE (the value differs) and TYPE (only the type does)."""
    f = line.split("\t")
    if f[0] == "VALUE":
        return ("TYPE" if f[4].split(" ", 1)[1:] == f[6].split(" ", 1)[1:] else "VALUE"), f[7]
    if f[0] == "FALSE":
        return "FALSE", f[5]
    return "MISS", f[4].split(" ", 1)[0]


_EARNINGS_RULES = frozenset("""rel_ago rel_earlier_later quarter_latest the_quarter the_quarter_ended
year_ago_period quarter_ordinal narrative_that_unit the_year_ended year_fiscal""".split())
_WEEK_RULES = frozenset("rel_unit rel_edge_unit the_unit_current deadline_edge_rel_unit".split())


def _cause(line: str) -> str:
    """A rough cause class of an error line (see the module docstring): where the corpus splits
    on a convention, the line says which; "other" lines are the ones to read first."""
    f = line.split("\t")
    if f[0] == "MISS":
        return "miss " + f[4].split(" ", 1)[0]
    if f[0] == "FALSE":
        rule = f[5]
        if rule.startswith("ref_present"):
            return "false: now/current/currently (tagged elsewhere)"
        if rule == "ref_past":
            return "false: recently (tagged elsewhere)"
        if rule.startswith(("dur_", "set_")):
            return "false: duration or rate the gold leaves out"
        return "false: other"
    gtype, gval = (f[4].split(" ", 1) + [""])[:2]
    stype, sval = (f[6].split(" ", 1) + [""])[:2]
    rule = f[7]
    if gval == sval:
        return f"type only: {gtype} in gold, {stype} here"
    if re.search(r"-W(?:XX|\d)$", gval) or (rule in _WEEK_RULES and "-W" in sval):
        return "week: WXX / unpadded Wn / a month or day in gold"
    if re.search(r"X", gval) and not gval.startswith(("P", "PT")):
        return "placeholder in gold (1949-XX, 199X, QX)"
    if rule in ("weekday_pod", "rel_tonight"):
        return "part of day: a plain day in gold"
    if rule in _EARNINGS_RULES or (rule == "rel_unit" and ("Q" in gval or "Q" in sval)):
        return "earnings period: quarter / year / day / fiscal"
    if gtype == "DURATION" or stype == "DURATION":
        return "duration: unit spelling, range, DURATION vs DATE"
    if rule == "weekday":
        return "weekday: direction or a document read off its DCT"
    return "other"


def _context(text: str, start: int, end: int) -> str:
    return " ".join((text[max(0, start - 50):start] + "[" + text[start:end] + "]" + text[end:end + 30]).split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder")
    ap.add_argument("--errors", type=Path, default=None, help="write the error list (TSV) here ('-': print it)")
    args = ap.parse_args(argv)
    corpus = args.data / "temporal" / "tbaq"
    files = sorted(corpus.glob("TimeBank/*.tml")) + sorted(corpus.glob("AQUAINT/*.tml"))
    if not files:
        print(f"error: no .tml files under {corpus}", file=sys.stderr)
        return 1
    scores = evaluate(files, args.errors)
    for key, val in scores.items():
        print(f"{key:12s} {val:.4f}" if isinstance(val, float) else f"{key:12s} {val}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
