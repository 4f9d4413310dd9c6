"""Article pages in, main text and metadata out, with trafilatura (and htmldate through it).

trafilatura gets the page as a string we fetched ourselves (it never fetches), so every request
keeps the one client's limits. The publication time comes from `article:published_time` when the
page gives one, because only that keeps the publisher's UTC offset; otherwise from trafilatura's
date (htmldate), a calendar day. No text at all raises `ExtractError`, and the pipeline then falls
back to the feed's own content.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from tracker.errors import ExtractError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PUBLISHED_XPATH = (
    '//meta[@property="article:published_time"]/@content | //meta[@name="article:published_time"]/@content'
    ' | //meta[@itemprop="datePublished"]/@content | //time[@itemprop="datePublished"]/@datetime'
)


@dataclass
class Extracted:
    """What a page says: its main text, title and publication time (if it gives one)."""

    text: str
    title: str = ""
    published_at: datetime | None = None        # aware UTC
    published_offset_min: int | None = None     # None: the page gives a day or no zone
    date_text: str = ""                         # the date as the page gives it


def decode_html(body: bytes, content_type: str = "") -> str:
    """The page as text: the HTTP charset if it decodes cleanly, else <meta charset>, else detection.

    Servers mislabel encodings often enough that a declared charset is tried strictly and dropped
    when the bytes disagree with it.
    """
    candidates = []
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    if match:
        candidates.append(match.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            codecs.lookup(name)
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    from trafilatura.utils import decode_file

    text = decode_file(body)
    return text if isinstance(text, str) else body.decode("utf-8", "replace")


def extract_article(html: str, url: str = "") -> Extracted:
    """Main text, title and date of an article page; `ExtractError` when it holds no text."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(html) if html and html.strip() else None
    if tree is None:
        raise ExtractError(f"{_where(url)}the page is empty or not HTML")
    published, offset, raw = _meta_published(tree)
    doc = bare_extraction(
        tree, url=url or None, with_metadata=True, include_comments=False,
        date_extraction_params={"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    text = (_get(doc, "text") or "").strip()
    if not text:
        raise ExtractError(f"{_where(url)}no article text found in the page")
    if published is None:
        published, raw = _day(_get(doc, "date")), str(_get(doc, "date") or "")
    return Extracted(text=text, title=(_get(doc, "title") or "").strip(), published_at=published,
                     published_offset_min=offset, date_text=raw)


def _meta_published(tree: Any) -> tuple[datetime | None, int | None, str]:
    """`article:published_time` (or schema.org datePublished) with its UTC offset, if the page has one."""
    for raw in tree.xpath(_PUBLISHED_XPATH):
        value = _iso(str(raw))
        if value is not None:
            delta = value.utcoffset()
            offset = int(delta.total_seconds() // 60) if delta is not None else None
            return value.astimezone(timezone.utc), offset, str(raw).strip()
    return None, None, ""


def _iso(text: str) -> datetime | None:
    text = text.strip()
    if len(text) < 16:          # a bare day: htmldate's job, it has no offset to keep
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _day(value: Any) -> datetime | None:
    try:
        day = datetime.strptime(str(value)[:10], "%Y-%m-%d")
    except (TypeError, ValueError):
        return None
    return day.replace(tzinfo=timezone.utc)


def _get(doc: Any, name: str) -> Any:
    if doc is None:
        return None
    return doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)


def _where(url: str) -> str:
    return f"{url}: " if url else ""
