"""Ingestion throughput: 1,000 articles over 20 feeds from a local server, into a fresh SQLite file.

    python scripts/bench/ingest.py [--data ../shared/data] [--articles 1000] [--feeds 20]

The pages are real article pages (trafilatura's eval set, then the ScrapingHub set, from
<data>/html; generated pages if the data is missing), served by `python -m http.server` in a
separate process so the figures below are the ingesting process's alone. One `run_once` ingests
everything. Reported: articles/s (wall clock), peak RSS, and the share of the process's CPU time
spent outside trafilatura (fetching, feed parsing, decoding, dedupe, storage: our overhead; the
target is <= 25 %). CPU time inside trafilatura is measured per thread (time.thread_time) around
its HTML loading and extraction calls.
"""
from __future__ import annotations

import argparse
import gzip
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def source_pages(data: Path, n: int) -> list[bytes]:
    pages: list[bytes] = []
    for folder in (data / "html" / "trafilatura-eval" / "tests" / "eval", data / "html" / "article-extraction-benchmark" / "html",
                   data / "html" / "trafilatura-eval" / "tests" / "cache"):
        for path in sorted(folder.glob("*.html.gz")) if folder.exists() else []:
            pages.append(gzip.open(path).read())
            if len(pages) == n:
                return pages
    while len(pages) < n:            # no shared data: generated pages
        i = len(pages)
        body = "".join(f"<p>Paragraph {j} of generated article {i}, with enough words to be kept as text.</p>" for j in range(30))
        pages.append(f"<html><head><title>Article {i}</title></head><body><article><h1>Article {i}</h1>{body}</article></body></html>".encode())
    return pages


def write_site(root: Path, pages: list[bytes], feeds: int, base: str) -> None:
    (root / "p").mkdir()
    for i, body in enumerate(pages):
        (root / "p" / f"{i}.html").write_bytes(body)
    per = len(pages) // feeds
    for f in range(feeds):
        items = "".join(f"<item><guid>a{i}</guid><link>{base}/p/{i}.html</link><title>Article {i}</title>"
                        f"<pubDate>Mon, 01 Nov 2021 10:00:00 +0100</pubDate><description>Summary {i}</description></item>"
                        for i in range(f * per, (f + 1) * per))
        (root / f"feed{f}.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>{items}</channel></rss>')


class CpuTimer:
    """CPU seconds spent inside some functions, summed over threads (time.thread_time)."""

    def __init__(self, module: Any, *names: str) -> None:
        self.cpu_s, self.calls, self.lock = 0.0, 0, threading.Lock()
        for name in names:
            setattr(module, name, self.wrap(getattr(module, name)))

    def wrap(self, fn: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                with self.lock:
                    self.cpu_s += time.thread_time() - started
                    self.calls += 1
        return timed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--no-timeline", action="store_true", help="skip tracker.timeline.record_article (ingestion alone)")
    args = ap.parse_args()

    from tracker.clock import SystemClock
    from tracker.config import Settings, with_overrides
    from tracker.ingest.pipeline import run_once
    from tracker.store import Feed, make_engine, session_scope

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        site, db = Path(tmp) / "site", Path(tmp) / "bench.db"
        site.mkdir()
        pages = source_pages(args.data, args.articles)
        write_site(site, pages, args.feeds, base)
        server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(site)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(0.8)
            engine = make_engine(f"sqlite:///{db}")
            with session_scope(engine) as s:
                for f in range(args.feeds):
                    s.add(Feed(url=f"{base}/feed{f}.xml"))
            settings = with_overrides(Settings(), fetch={"max_per_host": 4, "max_connections": 4})
            import trafilatura
            import trafilatura.utils

            import tracker.timeline

            timer = CpuTimer(trafilatura, "bare_extraction")
            load_timer = CpuTimer(trafilatura.utils, "load_html")
            if args.no_timeline:
                tracker.timeline.record_article = lambda session, article: None
            timeline = CpuTimer(tracker.timeline, "record_article")   # the NLP + timeline work, not ingestion
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            cpu0, wall0 = time.process_time(), time.perf_counter()
            summary = run_once(engine, settings, SystemClock(), all_feeds=True)
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        finally:
            server.terminate()
            server.wait()
    traf = timer.cpu_s + load_timer.cpu_s
    ingest_cpu = cpu - timeline.cpu_s
    ours = (ingest_cpu - traf) / ingest_cpu if ingest_cpu else 0.0
    print(f"ingest bench: {summary.new_articles} articles ({summary.from_feed} from feed text) over {args.feeds} feeds "
          f"in {wall:.1f} s wall = {summary.new_articles / wall:.1f} articles/s; peak RSS {peak:.0f} MB "
          f"(before the run {rss_before:.0f} MB); failures {summary.failures}")
    print(f"CPU {cpu:.1f} s: trafilatura {traf:.1f} s, timeline (record_article: nlp + resolver) {timeline.cpu_s:.1f} s, "
          f"ingestion itself {ingest_cpu - traf:.1f} s")
    print(f"ingestion overhead outside trafilatura: {ours:.1%} of ingestion CPU (target <= 25%); "
          f"{(cpu - traf) / cpu if cpu else 0:.1%} of all CPU including the timeline")


if __name__ == "__main__":
    main()
