"""Speed of the temporal tagger beside dateparser, on about 2 MB of TBAQ raw text.

    python scripts/bench/temporal.py [--data ../shared/data] [--mb 2] [--dateparser-kb 200]

Measures, in one run and on the same text:
1. `tag()` in process (characters per second; the one-off rule compilation timed apart);
2. the whole process `python -m tracker times --format json` reading the text on stdin;
3. `dateparser.search.search_dates` in process on the first --dateparser-kb of the text,
   extrapolated linearly to the full size (it is too slow to run on all of it), which is said.

Wall time depends on how loaded the machine is; CPU time (this process's, or the child's for
the whole-process run) hardly does, so both are printed: on a busy machine compare CPU figures.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "eval"))

from te3 import parse_tml  # noqa: E402


def corpus_text(data: Path, size: int) -> str:
    """TBAQ raw texts, repeated until `size` characters (about 0.53 MB of distinct text)."""
    files = sorted((data / "temporal" / "tbaq").glob("*/*.tml"))
    if not files:
        raise SystemExit(f"error: no .tml files under {data / 'temporal' / 'tbaq'}")
    texts = [parse_tml(f.read_text(encoding="utf-8"))[1] for f in files]
    out, n = [], 0
    while n < size:
        for t in texts:
            out.append(t)
            n += len(t) + 2
            if n >= size:
                break
    return "\n\n".join(out)[:size]


def bench_in_process(text: str) -> tuple[float, float, float, int]:
    """(compile seconds, tag wall seconds, tag CPU seconds, expressions found)."""
    from tracker.nlp.temporal._engine import compiled
    from tracker.nlp.temporal import tag

    t0 = time.perf_counter()
    compiled()
    t1, c1 = time.perf_counter(), time.process_time()
    found = tag(text, date(1998, 1, 1))
    return t1 - t0, time.perf_counter() - t1, time.process_time() - c1, len(found)


def bench_process(text: str) -> tuple[float, float]:
    """Wall and CPU time of `python -m tracker times` on the text (start-up included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "tracker", "times", "--dct", "1998-01-01", "--format", "json"],
                          input=text, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"tracker times failed: {proc.stderr.strip()}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_dateparser(text: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and hits of dateparser.search.search_dates on the sample."""
    from dateparser.search import search_dates

    t0, c0 = time.perf_counter(), time.process_time()
    hits = 0
    for para in text.split("\n\n"):         # it is meant for short texts: feed it paragraphs
        if para.strip():
            hits += len(search_dates(para, languages=["en"], settings={"RELATIVE_BASE": datetime(1998, 1, 1)}) or [])
    return time.perf_counter() - t0, time.process_time() - c0, hits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--mb", type=float, default=2.0, help="size of the text in MB (default 2)")
    ap.add_argument("--dateparser-kb", type=int, default=200, help="dateparser sample size in KB (default 200)")
    args = ap.parse_args(argv)
    text = corpus_text(args.data, int(args.mb * 1_000_000))
    size = len(text)
    compile_s, tag_s, tag_cpu, found = bench_in_process(text)
    proc_s, proc_cpu = bench_process(text)
    sample = text[: args.dateparser_kb * 1000]
    dp_s, dp_cpu, dp_hits = bench_dateparser(sample)
    dp_full, dp_full_cpu = dp_s * size / len(sample), dp_cpu * size / len(sample)
    print(f"load average              {' '.join(f'{x:.1f}' for x in _load())} (wall figures stretch with it; CPU ones hardly)")
    print(f"text                      {size:,} characters (TBAQ raw text, repeated)")
    print(f"tag() in process          {tag_s:.3f} s  = {size / tag_s / 1e6:.2f} M chars/s wall;"
          f" CPU {tag_cpu:.3f} s = {size / tag_cpu / 1e6:.2f} M chars/s  ({found:,} expressions)")
    print(f"rule compilation (once)   {compile_s:.3f} s")
    print(f"tracker times (process)   {proc_s:.3f} s  = {size / proc_s / 1e6:.2f} M chars/s wall;"
          f" CPU {proc_cpu:.3f} s = {size / proc_cpu / 1e6:.2f} M chars/s")
    print(f"dateparser search_dates   {dp_s:.3f} s (CPU {dp_cpu:.3f} s) on the first {len(sample):,} chars ({dp_hits} hits);"
          f" extrapolated to {size:,} chars: {dp_full:.1f} s (CPU {dp_full_cpu:.1f} s)")
    print(f"ratio in process          {dp_full / tag_s:.0f}x faster than dateparser (CPU: {dp_full_cpu / tag_cpu:.0f}x)")
    print(f"ratio whole process       {dp_full / proc_s:.0f}x faster than dateparser (CPU: {dp_full_cpu / proc_cpu:.0f}x)")
    return 0


def _load() -> tuple[float, float, float]:
    try:
        import os
        return os.getloadavg()
    except (OSError, AttributeError):
        return (0.0, 0.0, 0.0)


if __name__ == "__main__":
    raise SystemExit(main())
