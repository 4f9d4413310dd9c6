"""`tracker status [--format json|table]`: each feed's health, the counts, the last digest.

The JSON shape is the contract of DESIGN.md section 6; extra keys (`failing`, `parse_problem`)
are additions. `status_report` builds it, so other commands (and the daemon) can extend it.
"""
from __future__ import annotations

from typing import Any

import typer

from tracker.cli.app import STATE, FormatOption, app
from tracker.cli.output import default_format, emit, to_jsonable

FEED_COLUMNS = ["url", "title", "articles", "last_fetched", "last_status", "last_error", "consecutive_failures", "next_fetch"]


def status_report(engine: Any, failing_after: int = 3) -> dict[str, Any]:
    """{"feeds": [...], "articles", "events", "followups", "last_digest"} as the contract says."""
    from sqlalchemy import func
    from sqlmodel import select

    from tracker.cli.feeds import feed_rows
    from tracker.store import Article, Digest, Event, Followup, session_scope

    feeds = []
    for row in feed_rows(engine):
        feed = {key: row[key] for key in FEED_COLUMNS}
        feed["failing"] = row["consecutive_failures"] >= failing_after
        feeds.append(feed)
    with session_scope(engine) as s:
        counts = {name: s.exec(select(func.count()).select_from(model)).one()
                  for name, model in (("articles", Article), ("events", Event), ("followups", Followup))}
        last = s.exec(select(func.max(Digest.day)).where(Digest.status == "sent")).one()
    return {"feeds": feeds, **counts, "last_digest": last.isoformat() if last else None}


@app.command("status")
def status_command(fmt: str = FormatOption) -> None:
    """Show each feed's health (last fetch, errors, next poll), counts and the last digest sent."""
    fmt = default_format(fmt, ("table", "json"))
    report = status_report(STATE.engine, STATE.settings.fetch.failing_after)
    report["daemon"] = _daemon_report()
    if fmt == "json":
        emit(report, "json")
        return
    rows = [{**f, "last_error": f["last_error"] or ""} for f in report["feeds"]]
    emit(rows, "table", columns=["url", "articles", "last_status", "consecutive_failures", "next_fetch", "last_error"], title="Feeds")
    failing = sum(f["failing"] for f in report["feeds"])
    typer.echo(f"{len(rows)} feeds ({failing} failing), {report['articles']} articles, {report['events']} events, "
               f"{report['followups']} follow-ups; last digest: {to_jsonable(report['last_digest']) or 'none yet'}.")
    typer.echo(_daemon_line(report["daemon"]))


def _daemon_report() -> dict[str, Any]:
    """The scheduler's state: daemons on record (running, stopped, stale), next and last digest."""
    from tracker.daemon import daemon_state
    from tracker.store import session_scope

    with session_scope(STATE.engine) as s:
        return daemon_state(s, STATE.settings, STATE.clock.now())


def _daemon_line(state: dict[str, Any]) -> str:
    daemons = state.get("daemons") or []
    if not daemons:
        return "Daemon: never started."
    running = [d for d in daemons if d["state"] == "running"]
    who = ", ".join(f"{d['host']} pid {d['pid']}" for d in running) or "none running"
    beat = max((d["heartbeat_at"] for d in daemons if d["heartbeat_at"]), default=None)
    nxt = to_jsonable(state.get("next_digest_at")) or "no recipients configured"
    return f"Daemon: {who}; last heartbeat {to_jsonable(beat) or 'never'}; next digest {nxt}."
