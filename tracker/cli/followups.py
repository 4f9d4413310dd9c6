"""`tracker followups` and `tracker followup ID`: forward-looking claims, their deadlines and how they ended."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from tracker.cli.app import STATE, app, parse_day
from tracker.cli.output import default_format, emit
from tracker.cli.timeline import pick_format, write_out
from tracker.errors import UsageError

FOLLOWUP_FORMATS = ("table", "json", "csv", "nl", "ics", "html")
STATUSES = ("open", "fulfilled", "late", "overdue", "postponed", "cancelled")
COLUMNS = ["id", "status", "deadline", "claim", "source", "resolution"]


def _rows(followups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**fu, "source": (fu["source"] or {}).get("url"), "resolution": (fu["resolution"] or {}).get("url")}
            for fu in followups]


@app.command("followups")
def followups_command(
    status: str | None = typer.Option(None, "--status", help="Only this status: " + " | ".join(STATUSES) + "."),
    as_of: str | None = typer.Option(None, "--as-of", help="Answer as known on this day; overdue is judged against it."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="table | json | csv | nl | ics | html (default: table on a terminal, json otherwise)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE instead of stdout."),
) -> None:
    """Query follow-ups: claims with deadlines, settled by later reports."""
    from tracker.store import session_scope
    from tracker.timeline import query_followups

    if status is not None and status not in STATUSES:
        raise UsageError(f"--status must be one of {', '.join(STATUSES)}, got {status!r}")
    day_as_of = parse_day(as_of, "--as-of")
    fmt = pick_format(fmt, output, FOLLOWUP_FORMATS)
    today = STATE.clock.now().date()
    with session_scope(STATE.engine) as session:
        followups = query_followups(session, status=status, as_of=day_as_of, today=today)
    data = {"as_of": (day_as_of or today).isoformat(), "followups": followups}
    write_out(data, fmt, output, rows=_rows(followups), columns=COLUMNS, title="Follow-ups")


@app.command("followup")
def followup_command(
    followup_id: int = typer.Argument(..., help="The follow-up's id (see tracker followups)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Answer as known on this day."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="table | json (default: table on a terminal, json otherwise)."),
) -> None:
    """Show one follow-up with its evidence trail: every claim and report that bears on it."""
    from tracker.store import session_scope
    from tracker.timeline import get_followup

    fmt = default_format(fmt, ("table", "json", "csv", "nl"))
    day_as_of = parse_day(as_of, "--as-of")
    with session_scope(STATE.engine) as session:
        fu = get_followup(session, followup_id, as_of=day_as_of, today=STATE.clock.now().date())
    if fmt == "json":
        emit(fu, fmt)
        return
    head = f"{fu['claim']} | {fu['status']} | deadline {fu['deadline'] or 'none'}"
    rows = [{"published": e["published"], "role": e["role"], "modality": e["modality"], "deadline": e["deadline"],
             "text": e["text"], "url": e["url"]} for e in fu["evidence"]]
    emit(fu, fmt, columns=["published", "role", "modality", "deadline", "text", "url"], rows=rows,
         title=f"Follow-up {followup_id}: {head}")
