"""Run a scenario (tests/data/scenarios/<name>/) straight through `record_article` and judge it with
the rules of shared/data/scenarios/README.md, without the network or the CLI."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from tracker.store import Article, make_engine, session_scope
from tracker.timeline import query_followups, query_timeline, record_article

SCENARIOS = Path(__file__).resolve().parents[1] / "data" / "scenarios"


def load(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    folder = SCENARIOS / name
    return (json.loads((folder / "articles.json").read_text()), json.loads((folder / "expected.json").read_text()))


def ingest(url: str, articles: list[dict[str, Any]]) -> Any:
    """Each article in its own transaction, as the pipeline does; returns the engine."""
    engine = make_engine(url)
    for art in articles:
        published = datetime.fromisoformat(art["published"])
        with session_scope(engine) as s:
            row = Article(url=f"http://scenario.example/articles/{art['id']}.html", title=art["title"],
                          text="\n\n".join(art["paragraphs"]), content_hash=art["id"],
                          published_at=published.astimezone(timezone.utc),
                          published_offset_min=int(published.utcoffset().total_seconds() // 60),
                          fetched_at=published.astimezone(timezone.utc))
            s.add(row)
            s.flush()
            record_article(s, row)
    return engine


def _interval(value: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        y, m = parts
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _has(text: str, words: list[str]) -> bool:
    return all(w.lower() in text.lower() for w in words)


def _art_id(src: dict[str, Any] | None) -> str | None:
    url = (src or {}).get("url") or ""
    return url.rsplit("/", 1)[-1].removesuffix(".html") if "/articles/" in url else None


def check_events(events: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[str]:
    failures = []
    for exp in expected:
        lo, hi = _interval(exp["date"])
        found = [ev for ev in events if ev["start"] <= hi and ev["end"] >= lo and any(
            _has(" ".join([ev["title"], *ev["entities"], *(s["text"] for s in ev["sources"])]), ws) for ws in exp["words"])]
        if not found:
            failures.append(f"event {exp['date']} {exp['words'][0]}: missing")
        elif "kind" in exp and not any(ev["kind"] == exp["kind"] for ev in found):
            failures.append(f"event {exp['date']} {exp['words'][0]}: kind {[ev['kind'] for ev in found]}")
    return failures


def check_followups(fus: list[dict[str, Any]], exp: dict[str, Any], label: str) -> list[str]:
    cands = [f for f in fus if _has(f"{f['claim']} {(f['source'] or {}).get('text', '')}", exp["words"])]
    if "source" in exp:
        cands = [f for f in cands if _art_id(f["source"]) == exp["source"]]
    if not cands:
        return [f"{label}: no follow-up"]
    want = exp["status"] if isinstance(exp["status"], list) else [exp["status"]]
    pool = [f for f in cands if f["status"] in want]
    out = [] if pool else [f"{label}: status {[f['status'] for f in cands]}, want {want}"]
    pool = pool or cands
    if "deadline" in exp:
        dls = {date.fromisoformat(d) for d in (exp["deadline"] if isinstance(exp["deadline"], list) else [exp["deadline"]])}
        if not any(f["deadline"] in dls for f in pool):
            out.append(f"{label}: deadline {[str(f['deadline']) for f in pool]}, want {sorted(map(str, dls))}")
    if "resolved_by" in exp:
        ids = set(exp["resolved_by"] if isinstance(exp["resolved_by"], list) else [exp["resolved_by"]])
        if not any(_art_id(f["resolution"]) in ids for f in pool):
            out.append(f"{label}: resolved by {[_art_id(f['resolution']) for f in pool]}, want {ids}")
    if "deadline_history" in exp:
        want_h = {date.fromisoformat(d) for d in exp["deadline_history"]}
        if not any(want_h <= {h["deadline"] for h in f["history"]} | {f["deadline"]} for f in pool):
            out.append(f"{label}: history {[sorted(str(h['deadline']) for h in f['history']) for f in pool]}")
    if exp.get("unique") and len(cands) != 1:
        out.append(f"{label}: {len(cands)} follow-ups, want one")
    return out


def judge(engine: Any, expected: dict[str, Any], today: date) -> list[str]:
    """Every failed check of expected.json, as one line each ([] when all pass)."""
    with session_scope(engine) as s:
        failures = check_events(query_timeline(s), expected.get("events", []))
        fus = query_followups(s, today=today)
        for exp in expected.get("followups", []):
            failures += check_followups(fus, exp, exp["about"])
            for as_of, sub in (exp.get("as_of") or {}).items():
                later = query_followups(s, as_of=date.fromisoformat(as_of), today=today)
                failures += check_followups(later, {"words": exp["words"], **sub}, f"{exp['about']} as of {as_of}")
    return failures


def statuses(engine: Any, expected: dict[str, Any], today: date) -> list[list[str]]:
    with session_scope(engine) as s:
        fus = query_followups(s, today=today)
    return [sorted(f["status"] for f in fus if _has(f"{f['claim']} {(f['source'] or {}).get('text', '')}", exp["words"]))
            for exp in expected.get("followups", [])]
