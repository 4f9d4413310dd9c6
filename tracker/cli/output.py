"""The one output helper: every `--format` of every command goes through `emit`.

`table` (Rich) for people, `json` for programs (the contract's shapes), `csv` and `nl`
(JSON lines) for spreadsheets and pipes. Machine formats carry no colour, and datetimes are
ISO 8601 with `Z`. Formats a command cannot produce are refused in one line.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timezone
from typing import Any

from tracker.errors import UsageError

FORMATS = ("table", "json", "csv", "nl")


def default_format(fmt: str | None, allowed: Sequence[str] = FORMATS) -> str:
    """The format asked for, or table on a terminal and json otherwise."""
    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "json"
    fmt = fmt.lower()
    if fmt not in allowed:
        raise UsageError(f"--format must be one of {', '.join(allowed)}, got {fmt!r}")
    return fmt


def to_jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def emit(
    data: Any,
    fmt: str,
    columns: Sequence[str] | None = None,
    rows: Iterable[dict[str, Any]] | None = None,
    title: str | None = None,
    write: Callable[[str], Any] | None = None,
) -> None:
    """Print `data` in `fmt`.

    For `json`, `data` itself is printed (any JSON-able object: the contract's shapes). For
    `table`, `csv` and `nl`, `rows` (default: `data` when it is a list) are printed with
    `columns` as the header.
    """
    out = write or sys.stdout.write
    table_rows = list(rows if rows is not None else (data if isinstance(data, list) else []))
    if fmt == "json":
        out(json.dumps(to_jsonable(data), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "nl":
        for row in table_rows:
            out(json.dumps(to_jsonable(row), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        out(_csv(table_rows, columns or _columns(table_rows)))
    elif fmt == "table":
        _table(table_rows, columns or _columns(table_rows), title)
    elif fmt in ("ics", "html"):  # documents of the timeline commands: `data` is their JSON dict
        from tracker.cli._timeline_render import render

        out(render(data, fmt))
    else:
        raise UsageError(f"unknown format {fmt!r}")


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(rows[0].keys()) if rows else []


def _cell(value: Any) -> str:
    value = to_jsonable(value)
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return ", ".join(map(str, value)) if isinstance(value, list) else json.dumps(value)
    return str(value)


def _csv(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return buf.getvalue()


def _table(rows: list[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    if not rows:
        console.print(f"[dim]{title + ': ' if title else ''}nothing to show[/dim]")
        return
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console.print(table)
