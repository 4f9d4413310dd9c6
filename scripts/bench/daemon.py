"""Benchmark: one `tracker daemon` versus two on one PostgreSQL, polling 2,000 feeds on a local
server that answers each request after 20-100 ms (uniform).

For each configuration: a fresh schema, N feeds all due at once, N daemons started as
subprocesses (poll_seconds=1), run for a fixed window, then SIGTERM. Reported:
- feeds polled per minute (distinct feed URLs requested during the window, per minute);
- requests per feed in the window (must be 1 while the window is shorter than the feed interval),
  and the shortest gap between two fetches of one feed (must be >= the interval; `--interval-minutes 1`
  with a longer window checks it);
- CPU seconds (user+sys) and peak RSS of the daemon processes (resource.getrusage(RUSAGE_CHILDREN)).

    python scripts/bench/daemon.py [--feeds 2000] [--items 1] [--seconds 45] [--db postgresql+psycopg://...]

The database URL defaults to $TRACKER_BENCH_POSTGRES_URL or $TRACKER_TEST_POSTGRES_URL.
Bounded: two windows of --seconds plus start-up and shutdown, about 2 minutes by default.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


class Site:
    """Feeds `/feed/<n>.xml` with `items` stories each, article pages, 20-100 ms latency, hit counts."""

    def __init__(self, items: int) -> None:
        self.items, self.hits, self.lock = items, {}, threading.Lock()
        self.times: dict[str, list[float]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                site.serve(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.request_queue_size = 256
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def serve(self, req: BaseHTTPRequestHandler) -> None:
        path = req.path.split("?")[0]
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            self.times.setdefault(path, []).append(time.monotonic())
        time.sleep(random.uniform(0.020, 0.100))
        body = self.body(path).encode()
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml" if path.startswith("/feed/") else "text/html")
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    def body(self, path: str) -> str:
        if path.startswith("/feed/"):
            n = path[6:-4]
            when = format_datetime(datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc))
            items = "".join(f"<item><title>Story {n}-{k}</title><link>{self.base}/article/{n}-{k}.html</link>"
                            f"<guid>s-{n}-{k}</guid><pubDate>{when}</pubDate></item>" for k in range(self.items))
            return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>{items}</channel></rss>'
        sid = path.rsplit("/", 1)[-1]
        para = f"<p>Story {sid}: the council of district {sid} said the new bridge will reopen by 15 March, after repairs.</p>"
        return f"<html><head><title>Story {sid}</title></head><body><article><h1>Story {sid}</h1>{para * 4}</article></body></html>"

    def feed_hits(self) -> dict[str, int]:
        with self.lock:
            return {p: c for p, c in self.hits.items() if p.startswith("/feed/")}

    def min_gap_s(self) -> float | None:
        """The shortest time between two fetches of one feed (None: no feed fetched twice)."""
        with self.lock:
            gaps = [b - a for ts in self.times.values() for a, b in zip(ts, ts[1:])]
        return round(min(gaps), 1) if gaps else None


def fresh_schema(base: str) -> tuple[str, str]:
    import sqlalchemy as sa

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    eng = sa.create_engine(base)
    with eng.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    eng.dispose()
    return schema, f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


def drop_schema(base: str, schema: str) -> None:
    import sqlalchemy as sa

    eng = sa.create_engine(base)
    with eng.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    eng.dispose()


def run_config(base: str, daemons: int, feeds: int, items: int, seconds: float, interval: int) -> dict[str, Any]:
    """Subscribe `feeds` feeds, run `daemons` daemons for `seconds`, and measure."""
    from tracker.store import Feed, make_engine, session_scope

    site = Site(items)
    schema, url = fresh_schema(base)
    engine = make_engine(url)
    with session_scope(engine) as s:
        s.add_all([Feed(url=f"{site.base}/feed/{n}.xml") for n in range(feeds)])
    engine.dispose()
    tmp = Path(tempfile.mkdtemp(prefix="bench-daemon-"))
    (tmp / "tracker.toml").write_text(f"[daemon]\npoll_seconds = 1\nbatch_size = 50\n[fetch]\ninterval_minutes = {interval}\n",
                                      encoding="utf-8")
    env = {**os.environ, "TRACKER_DB": url, "TRACKER_CONFIG": str(tmp / "tracker.toml"), "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    procs = [subprocess.Popen([sys.executable, "-m", "tracker", "daemon", "--log-level", "WARNING"], env=env,
                              stdout=subprocess.DEVNULL, stderr=open(tmp / f"d{i}.log", "wb")) for i in range(daemons)]
    started = time.monotonic()
    while time.monotonic() - started < seconds and (interval * 60 < seconds or len(site.feed_hits()) < feeds):
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    hits = site.feed_hits()
    for p in procs:
        p.send_signal(signal.SIGTERM)
    codes = [p.wait(timeout=60) for p in procs]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    drop_schema(base, schema)
    site.server.shutdown()
    return {
        "daemons": daemons, "feeds": feeds, "items_per_feed": items, "window_s": round(elapsed, 1),
        "feeds_polled": len(hits), "feeds_per_min": round(len(hits) / elapsed * 60),
        "max_requests_per_feed": max(hits.values(), default=0), "min_gap_s": site.min_gap_s(),
        "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1),
        "peak_rss_mb": round(after.ru_maxrss / 1024), "exit_codes": codes,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=2000)
    ap.add_argument("--items", type=int, default=1, help="stories per feed (each one a page fetch and an article)")
    ap.add_argument("--seconds", type=float, default=45, help="measuring window per configuration")
    ap.add_argument("--interval-minutes", type=int, default=30,
                    help="feed interval; with a window longer than it, feeds are polled again and min gap must be >= it")
    ap.add_argument("--db", default=os.environ.get("TRACKER_BENCH_POSTGRES_URL") or os.environ.get("TRACKER_TEST_POSTGRES_URL"))
    args = ap.parse_args()
    if not args.db:
        sys.exit("Error: give --db or set TRACKER_BENCH_POSTGRES_URL (a PostgreSQL URL).")
    print("| daemons | feeds polled | window (s) | feeds/min | max requests per feed | min gap (s) | CPU (s) | peak RSS (MB) | exit |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in (1, 2):
        r = run_config(args.db, n, args.feeds, args.items, args.seconds, args.interval_minutes)
        print(f"| {n} | {r['feeds_polled']}/{r['feeds']} | {r['window_s']} | {r['feeds_per_min']} | "
              f"{r['max_requests_per_feed']} | {r['min_gap_s'] or '-'} | {r['cpu_s']} | {r['peak_rss_mb']} | "
              f"{r['exit_codes']} |", flush=True)


if __name__ == "__main__":
    main()
