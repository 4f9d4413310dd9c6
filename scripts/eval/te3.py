"""TempEval-3 style scores of tracker's temporal tagger on the TBAQ corpus.

    python scripts/eval/te3.py [--data ../shared/data] [--errors errors.tsv]

With --errors, also writes errors.tsv.summary: error counts by kind (VALUE, TYPE only, FALSE
alarm, MISS) and rule (the gold type for misses), largest first: the categories to work on.

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
    if errors_path:
        errors_path.write_text("\n".join(errors) + "\n", encoding="utf-8")
        summary = Counter(_category(e) for e in errors)
        errors_path.with_suffix(errors_path.suffix + ".summary").write_text(
            "".join(f"{n}\t{kind}\t{rule}\n" for (kind, rule), n in summary.most_common()), encoding="utf-8")
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


def _context(text: str, start: int, end: int) -> str:
    return " ".join((text[max(0, start - 50):start] + "[" + text[start:end] + "]" + text[end:end + 30]).split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder")
    ap.add_argument("--errors", type=Path, default=None, help="write the error list (TSV) here")
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
