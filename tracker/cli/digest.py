"""`tracker digest [--date D] [--output FILE | --send]`: build the digest of a day, then print,
write or send it. Sending goes through the same once-per-(recipient, day) claim as the daemon."""
from __future__ import annotations

import logging
import os
import socket
from datetime import date
from pathlib import Path

import typer

from tracker.cli.app import STATE, app, parse_day
from tracker.errors import ConfigError, DigestError, SmtpError, UsageError


@app.command("digest")
def digest_command(
    day_text: str = typer.Option(None, "--date", help="Day of the digest (default: today in digest.timezone)."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the digest to FILE: .html (the HTML part) or .eml (the whole email)."),
    send: bool = typer.Option(False, "--send", help="Email it to digest.to, at most once per recipient and day."),
) -> None:
    """Build the digest of a day; print it as text, write it to a file, or send it."""
    from tracker.digest import local_day

    if output is not None and send:
        raise UsageError("use either --output or --send, not both")
    settings = STATE.settings
    day = parse_day(day_text, "--date") or local_day(settings, STATE.clock.now())
    if send:
        _send(day)
    else:
        _write(day, output)


def _send(day: date) -> None:
    settings = STATE.settings
    if not settings.digest.to:
        raise ConfigError("no recipients: set digest.to in the config file (or TRACKER_DIGEST_TO)")
    owner = f"cli:{socket.gethostname()}:{os.getpid()}"
    quiet = logging.getLogger("tracker.digest")
    level = quiet.level
    if not STATE.debug:     # the daemon logs each retry; here the one-line error says it all
        quiet.setLevel(logging.CRITICAL)
    try:
        failures = [f"{r}: {e}" for r, e in (_send_one(r, day, owner) for r in settings.digest.to) if e]
    finally:
        quiet.setLevel(level)
    if failures:
        raise SmtpError(f"the digest for {day} was not sent to {'; '.join(failures)}")


def _send_one(recipient: str, day: date, owner: str) -> tuple[str, str | None]:
    """Deliver to one recipient and say what happened; returns (recipient, error or None)."""
    from tracker.digest import deliver_digest

    done = deliver_digest(STATE.engine, STATE.settings, STATE.clock, recipient, day, owner)
    if done.outcome == "sent":
        typer.echo(f"Sent the digest for {day} to {recipient}.")
    elif done.outcome == "already":
        typer.echo(f"The digest for {day} to {recipient} was already sent; not sending it again.")
    return recipient, done.error if done.outcome == "failed" else None


def _write(day: date, output: Path | None) -> None:
    from tracker.digest import build_digest, render_digest
    from tracker.digest.render import render_html, render_text
    from tracker.store import session_scope

    settings, clock = STATE.settings, STATE.clock
    if output is not None and output.suffix.lower() not in (".html", ".htm", ".eml"):
        raise UsageError(f"--output must end in .html or .eml, got {output.name!r}")
    recipient = settings.digest.to[0] if settings.digest.to else ""
    with session_scope(STATE.engine) as session:
        content = build_digest(session, settings, recipient, day, as_of=clock.now())
    if output is None:
        typer.echo(render_text(content), nl=False)
        return
    if output.suffix.lower() == ".eml":
        data = render_digest(content, settings.digest.sender, clock.now()).as_bytes()
    else:
        data = render_html(content).encode("utf-8")
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise DigestError(f"cannot write {output}: {exc.strerror}") from None
    typer.echo(f"Wrote the digest for {day} to {output}.")
