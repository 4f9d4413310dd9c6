"""`tracker demo`: ingest the bundled news site, offline, into a fresh database, and show what was found."""
from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from tracker.cli.app import STATE, app


@app.command("demo")
def demo_command(
    db: str | None = typer.Option(None, "--db", help="Database URL to use (default: a fresh temporary SQLite file)."),
) -> None:
    """Run the whole pipeline on a small bundled news site (offline, on 127.0.0.1) and summarize it."""
    from tracker.config import Settings
    from tracker.demo import run_demo

    settings = Settings()        # the defaults: the demo never depends on the user's config
    with tempfile.TemporaryDirectory(prefix="tracker-demo-") as tmp:
        url = db or f"sqlite:///{Path(tmp) / 'demo.db'}"
        for line in run_demo(url, settings, STATE.clock):
            typer.echo(line)
