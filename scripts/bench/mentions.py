#!/usr/bin/env python3
"""Throughput of the mention finder on the forecasts texts (978 news articles, about 2 MB).

    python scripts/bench/mentions.py [--repeat N] [--pysbd-sample N]

Prints sentences per second for `split_sentences`, mentions per second for `find_mentions` with
the times injected (the mention finder alone) and with tagging included (what ingestion pays),
and, for comparison, pysbd's sentence rate on the first N articles. Times are CPU time of this
process, best of N runs, after a warm-up that loads the lexicons and reference data.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tracker.nlp import find_mentions, split_sentences, tag  # noqa: E402

GOLD = ROOT.parent / "shared" / "data" / "forecasts" / "future-statements-meris22" / "goldEN.json"
DCT = date(2010, 1, 1)


def timed(fn) -> tuple[float, object]:
    """CPU seconds of this process (steadier than wall time on a shared, loaded machine)."""
    start = time.process_time()
    out = fn()
    return time.process_time() - start, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
    ap.add_argument("--pysbd-sample", type=int, default=100)
    args = ap.parse_args()
    texts = [a["original_text"] for a in json.loads(GOLD.read_text(encoding="utf-8"))]
    chars = sum(map(len, texts))
    find_mentions(texts[0], DCT)                      # load lexicons and reference data once
    times = [tag(t, DCT) for t in texts]
    best = lambda fn: min(timed(fn)[0] for _ in range(args.repeat))  # noqa: E731
    n_sent = sum(len(split_sentences(t)) for t in texts)
    n_ment = sum(len(find_mentions(t, DCT, timexes=x)) for t, x in zip(texts, times))
    t_split = best(lambda: [split_sentences(t) for t in texts])
    t_find = best(lambda: [find_mentions(t, DCT, timexes=x) for t, x in zip(texts, times)])
    t_full = best(lambda: [find_mentions(t, DCT) for t in texts])
    print(f"{len(texts)} articles, {chars / 1e6:.2f} M chars, {n_sent} sentences, {n_ment} mentions")
    print(f"split_sentences        {n_sent / t_split:10.0f} sentences/s  ({t_split * 1000:.0f} ms)")
    print(f"find_mentions (injected times) {n_ment / t_find:7.0f} mentions/s  {n_sent / t_find:8.0f} sentences/s"
          f"  ({t_find * 1000 / len(texts):.2f} ms/article)")
    print(f"find_mentions (with tagging)   {n_ment / t_full:7.0f} mentions/s  {n_sent / t_full:8.0f} sentences/s"
          f"  ({t_full * 1000 / len(texts):.2f} ms/article)")
    if args.pysbd_sample:
        _pysbd(texts[: args.pysbd_sample])


def _pysbd(texts: list[str]) -> None:
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed")
        return
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    elapsed, out = timed(lambda: [seg.segment(t) for t in texts])
    ours, mine = timed(lambda: [split_sentences(t) for t in texts])
    n = sum(map(len, out))
    print(f"pysbd on {len(texts)} articles: {n / elapsed:.0f} sentences/s ({elapsed * 1000:.0f} ms); "
          f"split_sentences on the same: {sum(map(len, mine)) / ours:.0f} sentences/s ({ours * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
