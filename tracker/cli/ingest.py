"""`tracker ingest [--all]` and `tracker ingest --url URL [--published ISO]`.

A progress bar on a terminal only (Rich, on stderr), then ONE summary line on stdout, so a cron
job's mail says what happened in one line. Feed failures are recorded on the feeds and counted;
they are not errors of the command (`tracker status` shows them).
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer

from tracker.cli.app import STATE, app, parse_instant


@app.command("ingest")
def ingest_command(
    all_feeds: bool = typer.Option(False, "--all", help="Poll every feed, not only the due ones."),
    url: str | None = typer.Option(None, "--url", help="Ingest this one article page instead of polling feeds."),
    published: str | None = typer.Option(None, "--published", help="With --url: the publication time (ISO 8601)."),
) -> None:
    """Poll due feeds once, store their new articles, and print one summary line."""
    if published is not None and url is None:
        from tracker.errors import UsageError

        raise UsageError("--published needs --url")
    if url is not None:
        _ingest_one(url, parse_instant(published, "--published"))
        return
    from tracker.ingest.pipeline import run_once

    with _progress() as progress:
        summary = run_once(STATE.engine, STATE.settings, STATE.clock, all_feeds=all_feeds, progress=progress)
    typer.echo(f"Ingest: {summary.line()}.")


def _ingest_one(url: str, published: Any) -> None:
    from tracker.ingest.pipeline import ingest_url

    article, created = ingest_url(STATE.engine, STATE.settings, STATE.clock, url, published)
    verb = "Stored" if created else "Already stored"
    note = f", text from {article.extraction}" if article.extraction != "page" else ""
    typer.echo(f"{verb}: {article.title!r} ({article.url}), published {_iso(article.published_at)} "
               f"[{article.published_source}]{note}.")


def _iso(value: Any) -> str:
    from tracker.cli.output import to_jsonable

    return str(to_jsonable(value))


@contextmanager
def _progress() -> Iterator[Callable[[int, int, str], None] | None]:
    """A Rich progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("Feeds"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  transient=True, console=_stderr_console()) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, url: str) -> None:
            bar.update(task, completed=done, total=total, description=url[-60:])

        yield update


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)
