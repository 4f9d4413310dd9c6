"""`tracker times`: tag the text on stdin and print its time expressions (the contract's shape).

Imports only the tagger (no database, no sqlmodel), so it starts fast enough to use in pipes.
"""
from __future__ import annotations

import sys
from datetime import date, datetime
from typing import Any

import typer

from tracker.cli.app import FormatOption, app
from tracker.cli.output import default_format, emit
from tracker.errors import UsageError

COLUMNS = ("start", "end", "text", "type", "value", "mod", "first", "last", "deadline", "rule")
TABLE_COLUMNS = ("start", "text", "type", "value", "mod", "first", "last", "deadline")


def parse_dct(text: str) -> date | datetime:
    """The anchor from --dct: an ISO date, or an ISO datetime (its own offset is the publisher's)."""
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--dct must be an ISO date like 2018-09-23 (or a datetime), got {text!r}") from None


def timex_rows(text: str, dct: date | datetime) -> list[dict[str, Any]]:
    """The JSON objects of the contract, plus first/last/deadline (ISO or null) and rule."""
    from tracker.nlp.temporal import tag

    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod,
             "first": t.first.isoformat() if t.first else None, "last": t.last.isoformat() if t.last else None,
             "deadline": t.deadline.isoformat() if t.deadline else None, "rule": t.rule}
            for t in tag(text, dct)]


@app.command("times")
def times(
    dct: str = typer.Option(..., "--dct", help="Publication date (ISO date or datetime) to anchor relative expressions."),
    fmt: str = FormatOption,
) -> None:
    """Tag the text on stdin and print its time expressions (TIMEX3 type, value, interval, deadline)."""
    anchor = parse_dct(dct)
    fmt = default_format(fmt, ("table", "json", "csv", "nl"))
    rows = timex_rows(sys.stdin.read(), anchor)
    emit(rows, fmt, columns=list(TABLE_COLUMNS if fmt == "table" else COLUMNS))
