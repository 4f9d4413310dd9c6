"""Turn a digest's content into an email: an HTML part and a plain-text part.

Jinja2 with autoescape on the HTML template, because article titles and sentences come from
the web and are never trusted HTML. Links are kept only for http(s) URLs, so a hostile
`javascript:` URL is shown as text. Styles are inline: most mail clients drop <style> blocks.
"""
from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracker.digest.build import DigestContent

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["safe_url"] = safe_url
    env.filters["when"] = _when
    return env


def safe_url(url: str | None) -> str:
    """The URL if it is http(s), else an empty string (no javascript:, data: or relative links)."""
    if not url:
        return ""
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else ""


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return "" if value is None else str(value)


def render_text(content: DigestContent) -> str:
    """The plain-text digest (also what `tracker digest` prints)."""
    return str(_environment().get_template("digest.txt.j2").render(d=content, subject=subject_for(content)))


def render_html(content: DigestContent) -> str:
    """The HTML digest: one self-contained page with inline styles."""
    return str(_environment().get_template("digest.html.j2").render(d=content, subject=subject_for(content)))


def subject_for(content: DigestContent) -> str:
    return f"tracker digest for {content.day.isoformat()}"


def render_digest(content: DigestContent, sender: str, now: datetime) -> EmailMessage:
    """A multipart/alternative email (text first, HTML preferred) for the content's recipient."""
    msg = EmailMessage()
    msg["Subject"] = subject_for(content)
    msg["From"] = sender
    msg["To"] = content.recipient
    msg["Date"] = format_datetime(now)
    domain = sender.rpartition("@")[2] or "localhost"
    msg["Message-ID"] = make_msgid(idstring=f"digest-{content.day.isoformat()}", domain=domain)
    msg["X-Tracker-Digest-Day"] = content.day.isoformat()
    msg.set_content(render_text(content))
    msg.add_alternative(render_html(content), subtype="html")
    return msg
