"""`tracker timeline` and `tracker event ID`: the events, as known today or on an --as-of day."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from tracker.cli.app import STATE, app, parse_day
from tracker.cli.output import default_format, emit

TIMELINE_FORMATS = ("table", "json", "csv", "nl", "ics", "html")
COLUMNS = ["id", "start", "end", "kind", "title", "entities", "sources"]
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".ics": "ics", ".csv": "csv", ".json": "json"}


def pick_format(fmt: str | None, output: Path | None, allowed: tuple[str, ...]) -> str:
    """--format, else the --output file's suffix, else table on a terminal and json otherwise."""
    if fmt is None and output is not None:
        fmt = SUFFIX_FORMATS.get(output.suffix.lower())
    return default_format(fmt, allowed)


def write_out(data: Any, fmt: str, output: Path | None, rows: list[dict[str, Any]] | None = None,
              columns: list[str] | None = None, title: str | None = None) -> None:
    """Emit to stdout, or to --output FILE (a table on a terminal only)."""
    if output is None or fmt == "table":
        emit(data, fmt, columns=columns, rows=rows, title=title)
        return
    from tracker.errors import UsageError

    try:
        with output.open("w", encoding="utf-8") as fh:
            emit(data, fmt, columns=columns, rows=rows, title=title, write=fh.write)
    except OSError as exc:
        raise UsageError(f"cannot write --output {output}: {exc.strerror}") from None


def _rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**ev, "sources": len(ev["sources"])} for ev in events]


@app.command("timeline")
def timeline_command(
    since: str | None = typer.Option(None, "--since", help="Only events ending on or after this day (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Only events starting on or before this day."),
    entity: str | None = typer.Option(None, "--entity", help="Only events with this participant (person, country, org, place)."),
    search: str | None = typer.Option(None, "--search", help="Only events whose title or a source sentence contains TEXT."),
    as_of: str | None = typer.Option(None, "--as-of", help="Answer as known on this day: only articles published by then count."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="table | json | csv | nl | ics | html (default: table on a terminal, json otherwise)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE instead of stdout (format from its suffix unless --format)."),
) -> None:
    """Query the timeline: one entry per event, with every source that reported it."""
    from tracker.store import session_scope
    from tracker.timeline import query_followups, query_timeline

    day_since, day_until, day_as_of = parse_day(since, "--since"), parse_day(until, "--until"), parse_day(as_of, "--as-of")
    fmt = pick_format(fmt, output, TIMELINE_FORMATS)
    today = STATE.clock.now().date()
    with session_scope(STATE.engine) as session:
        events = query_timeline(session, day_since, day_until, entity, search, day_as_of)
        followups = query_followups(session, as_of=day_as_of, today=today) if fmt == "html" else []
    data: dict[str, Any] = {"as_of": (day_as_of or today).isoformat(), "events": events}
    if fmt == "html":
        data["followups"] = followups
    write_out(data, fmt, output, rows=_rows(events), columns=COLUMNS, title="Timeline")


@app.command("event")
def event_command(
    event_id: int = typer.Argument(..., help="The event's id (see tracker timeline)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="table | json (default: table on a terminal, json otherwise)."),
) -> None:
    """Show one event and every source that reported it (article, sentence)."""
    from tracker.store import session_scope
    from tracker.timeline import get_event

    fmt = default_format(fmt, ("table", "json", "csv", "nl"))
    with session_scope(STATE.engine) as session:
        event = get_event(session, event_id)
    if fmt == "json":
        emit(event, fmt)
        return
    head = f"{event['title']} | {event['kind']} | {event['start']}..{event['end']} | {', '.join(event['entities'])}"
    rows = [{"published": s["published"], "modality": s["modality"], "time": s["time"], "text": s["text"],
             "url": s["url"]} for s in event["sources"]]
    emit(event, fmt, columns=["published", "modality", "time", "text", "url"], rows=rows, title=f"Event {event_id}: {head}")
