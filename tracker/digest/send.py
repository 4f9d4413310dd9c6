"""Get a digest out, once: SMTP delivery with retries, and the (recipient, day) claim.

`send_digest` is the only code that talks to smtplib; its errors become `SmtpError` with a
one-line message. The password comes from the environment variable `smtp.password_env`
names and is never logged. `deliver_digest` claims (recipient, day) by inserting the unique
Digest row *before* sending, so two daemons (or a daemon and `tracker digest --send`) never
send the same digest twice: the loser of the race gets an IntegrityError and stands down.
"""
from __future__ import annotations

import logging
import os
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy import update
from sqlmodel import col, select

from tracker.clock import Clock
from tracker.config import Settings
from tracker.errors import SmtpError
from tracker.store import Digest, session_scope

log = logging.getLogger(__name__)
RETRIES = 3
BACKOFF_S = 1.0


def mask_address(addr: str) -> str:
    """`y***@example.org`: enough to tell recipients apart in logs, never the full address."""
    local, _, domain = addr.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


@contextmanager
def _map_smtp_errors(host: str, port: int) -> Iterator[None]:
    """Translate smtplib, ssl and socket errors into one-line SmtpErrors."""
    where = f"{host}:{port}"
    try:
        yield
    except smtplib.SMTPAuthenticationError as exc:
        raise SmtpError(f"the mail server {where} refused the login ({exc.smtp_code}); check smtp.username and the password variable") from None
    except smtplib.SMTPRecipientsRefused:
        raise SmtpError(f"the mail server {where} refused the recipient; check digest.to") from None
    except smtplib.SMTPResponseException as exc:
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        raise SmtpError(f"the mail server {where} answered {exc.smtp_code} {text.splitlines()[0] if text else ''}".rstrip()) from None
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        raise SmtpError(f"mail to {where} failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    except (OSError, socket.timeout) as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise SmtpError(f"cannot reach the mail server {where}: {reason}; check smtp.host and smtp.port") from None


def _send_once(msg: EmailMessage, settings: Settings) -> None:
    s = settings.smtp
    with _map_smtp_errors(s.host, s.port):
        context = ssl.create_default_context()
        if s.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout_s, context=context)
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
        with smtp:
            if s.security == "starttls":
                smtp.starttls(context=context)
            if s.username:
                smtp.login(s.username, os.environ.get(s.password_env, ""))
            smtp.send_message(msg)


def send_digest(msg: EmailMessage, settings: Settings, *, retries: int = RETRIES,
                backoff_s: float = BACKOFF_S, sleep: Callable[[float], None] = time.sleep) -> None:
    """Send `msg`, retrying failures with exponential backoff; raise SmtpError after the last try."""
    for attempt in range(1, retries + 1):
        try:
            _send_once(msg, settings)
            return
        except SmtpError as exc:
            if attempt == retries or "refused the login" in exc.message:
                raise
            delay = backoff_s * 2 ** (attempt - 1)
            log.warning("Sending the digest failed; retrying",
                        extra={"event": "digest_send_retried", "attempt": attempt, "delay_s": delay, "error": exc.message})
            sleep(delay)


@dataclass(frozen=True)
class Delivery:
    """What happened to one (recipient, day): sent, already (claimed or sent before), or failed."""

    recipient: str
    day: date
    outcome: str            # sent | already | failed
    error: str | None = None


def claim_digest(engine: Engine, settings: Settings, recipient: str, day: date, clock: Clock, owner: str) -> bool:
    """Claim (recipient, day) by inserting its unique row, or by taking over a failed one.

    False means someone else claimed or sent it: the unique constraint decides, not a lock.
    """
    from tracker.digest.build import cutoff_for

    now = clock.now()
    try:
        with session_scope(engine) as session:
            session.add(Digest(recipient=recipient, day=day, cutoff_at=cutoff_for(settings, day),
                               claimed_at=now, claimed_by=owner, status="claimed"))
        return True
    except IntegrityError:
        pass
    with session_scope(engine) as session:
        taken = session.execute(
            update(Digest).where(col(Digest.recipient) == recipient, col(Digest.day) == day, col(Digest.status) == "failed")
            .values(claimed_at=now, claimed_by=owner, status="claimed", error=None)
        )
        return bool(taken.rowcount == 1)


def _finish(engine: Engine, recipient: str, day: date, **values: object) -> None:
    with session_scope(engine) as session:
        session.execute(update(Digest).where(col(Digest.recipient) == recipient, col(Digest.day) == day).values(**values))


def deliver_digest(engine: Engine, settings: Settings, clock: Clock, recipient: str, day: date, owner: str,
                   *, send: Callable[[EmailMessage, Settings], None] = send_digest) -> Delivery:
    """Claim, build, render and send the digest of (recipient, day) at most once."""
    from tracker.digest.build import build_digest
    from tracker.digest.render import render_digest

    facts = {"recipient": mask_address(recipient), "day": day.isoformat()}
    if not claim_digest(engine, settings, recipient, day, clock, owner):
        log.info("Digest already claimed or sent", extra={"event": "digest_skipped", **facts})
        return Delivery(recipient, day, "already")
    with session_scope(engine) as session:
        row = session.exec(select(Digest).where(Digest.recipient == recipient, Digest.day == day)).one()
        content = build_digest(session, settings, recipient, day, as_of=row.claimed_at or clock.now())
    try:
        send(render_digest(content, settings.digest.sender, clock.now()), settings)
    except SmtpError as exc:
        _finish(engine, recipient, day, status="failed", error=exc.message[:500])
        log.error("Digest not sent", extra={"event": "digest_failed", **facts, "error": exc.message})
        return Delivery(recipient, day, "failed", exc.message)
    _finish(engine, recipient, day, status="sent", sent_at=clock.now(), covered_from=content.window.covered_from)
    log.info("Digest sent", extra={"event": "digest_sent", **facts, "events": len(content.events),
                                    "settled": len(content.settled)})
    return Delivery(recipient, day, "sent")
