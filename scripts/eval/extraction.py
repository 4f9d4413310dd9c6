"""Extraction quality of `tracker.ingest.extract` on the shared page sets.

    python scripts/eval/extraction.py [--data ../shared/data] [--limit N] [--jobs 2]

1. ScrapingHub article-extraction-benchmark (181 pages): token 4-gram F1 of our text against
   `ground-truth.json`, as upstream's evaluate.py computes it (tokens = \\w+, shingle multisets,
   per-document TP/FP/FN normalized to sum 1 and averaged, then P, R, F1). The same metric is run
   on upstream's stored trafilatura output as a check of this reimplementation
   (published: trafilatura 2.0.0 F1 0.958).
2. trafilatura's eval set: publication-date accuracy on the pages with a gold date (our date on
   the publisher's own calendar day == gold YYYY-MM-DD), and the with/without segment F1.
Pages are decoded by our `decode_html` and extracted from the string, as the pipeline does.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1)))


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(results: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    tp, fp, fn = (sum(x[i] for x in results) / len(results) for i in range(3))
    if tp == 0:
        return 0.0, 0.0, 0.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    return p, r, 2 * p * r / (p + r)


def extract(path: str, url: str) -> dict[str, Any]:
    """Our extraction of one page: text and the publisher-local day (or None)."""
    from tracker.errors import ExtractError
    from tracker.ingest.extract import decode_html, extract_article

    html = decode_html(gzip.open(path).read(), "")
    started = time.perf_counter()
    try:
        page = extract_article(html, url)
    except ExtractError:
        return {"text": "", "day": None, "s": time.perf_counter() - started}
    day = None
    if page.published_at is not None:
        day = (page.published_at + timedelta(minutes=page.published_offset_min or 0)).date().isoformat()
    return {"text": page.text, "day": day, "s": time.perf_counter() - started}


def scrapinghub(data: Path, pool: ProcessPoolExecutor, limit: int | None) -> str:
    base = data / "html" / "article-extraction-benchmark"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit]
    ours = list(pool.map(extract, [str(base / "html" / f"{k}.html.gz") for k in keys], [truth[k].get("url", "") for k in keys]))
    scores = [shingle_match(truth[k]["articleBody"], o["text"]) for k, o in zip(keys, ours)]
    p, r, f = prf(scores)
    ref = json.loads((base / "output" / "trafilatura.json").read_text(encoding="utf-8"))
    ref = ref.get("output", ref) if "version" in ref else ref
    ref_scores = [shingle_match(truth[k]["articleBody"], (ref.get(k) or {}).get("articleBody", "")) for k in keys]
    rp, rr, rf = prf(ref_scores)
    secs = sum(o["s"] for o in ours) / len(ours)
    return (f"ScrapingHub ({len(keys)} pages): F1 {f:.3f} (P {p:.3f}, R {r:.3f}); same metric on upstream's stored "
            f"trafilatura output: F1 {rf:.3f} (P {rp:.3f}, R {rr:.3f}); {secs * 1000:.0f} ms/page")


def trafilatura_eval(data: Path, pool: ProcessPoolExecutor, limit: int | None) -> list[str]:
    base = data / "html" / "trafilatura-eval" / "tests"
    gold = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in gold.items():
        for folder in ("eval", "cache"):
            path = base / folder / f"{item['file']}.gz"
            if path.exists():
                pages.append((url, item, path))
                break
    pages = pages[:limit]
    ours = list(pool.map(extract, [str(p) for _, _, p in pages], [u for u, _, _ in pages]))
    dated = [(item["date"], o["day"]) for (_, item, _), o in zip(pages, ours) if item.get("date")]
    right = sum(1 for g, d in dated if d == g[:10])
    found = sum(1 for _, d in dated if d)
    tp = fn = fp = tn = 0
    for (_, item, _), o in zip(pages, ours):
        for seg in item.get("with") or []:
            tp, fn = (tp + 1, fn) if seg in o["text"] else (tp, fn + 1)
        for seg in item.get("without") or []:
            fp, tn = (fp + 1, tn) if seg in o["text"] else (fp, tn + 1)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return [f"trafilatura-eval dates ({len(dated)} pages with a gold date): {right} right ({right / max(1, len(dated)):.1%}), "
            f"{found} with a date found ({found / max(1, len(dated)):.1%})",
            f"trafilatura-eval segments ({len(pages)} pages): P {p:.3f}, R {r:.3f}, F1 {2 * p * r / max(1e-9, p + r):.3f}, "
            f"accuracy {(tp + tn) / max(1, tp + tn + fp + fn):.3f}"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        print(scrapinghub(args.data, pool, args.limit))
        for line in trafilatura_eval(args.data, pool, args.limit):
            print(line)


if __name__ == "__main__":
    main()
