"""`tracker daemon`: run the scheduler (poll feeds, settle follow-ups, send the digest) until SIGTERM."""
from __future__ import annotations

import sys

import typer

from tracker.cli.app import STATE, app
from tracker.errors import UsageError

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


@app.command("daemon")
def daemon_command(
    once: bool = typer.Option(False, "--once", help="One pass (poll due feeds, settle, send a due digest), then exit."),
    log_level: str = typer.Option("INFO", "--log-level", help="DEBUG | INFO | WARNING | ERROR (logs go to stderr)."),
) -> None:
    """Run until SIGTERM/SIGINT: poll due feeds every daemon.poll_seconds, settle follow-ups, send the daily digest."""
    from tracker.daemon import run
    from tracker.logs import setup_logging

    level = "DEBUG" if STATE.debug else log_level.upper()
    if level not in LEVELS:
        raise UsageError(f"--log-level must be one of {', '.join(LEVELS)}, got {log_level!r}")
    setup_logging(level)
    sys.exit(run(STATE.settings, STATE.clock, once=once))
