"""Feeds in, normalized entries out: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by hand.

feedparser only ever sees bytes we fetched (never a URL, so it does no HTTP of its own) with the
response headers, so it can weigh the Content-Type charset against the XML declaration. A feed
with a recoverable error (feedparser's "bozo") keeps its entries and the problem is recorded; a
document that is not a feed at all raises `FeedParseError`. Dates come out aware UTC plus the
publisher's own UTC offset when the date string carries one: the temporal tagger anchors
"on Friday" in the publisher's local day, not in UTC.
"""
from __future__ import annotations

import email.utils
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from tracker.errors import FeedParseError


@dataclass
class Entry:
    """One feed item, normalized."""

    entry_id: str
    link: str                                   # canonical URL ("" when the entry has none)
    title: str = ""
    published_at: datetime | None = None        # aware UTC
    published_offset_min: int | None = None     # the publisher's UTC offset, when the date gave one
    updated_at: datetime | None = None
    summary: str = ""                           # plain text
    content: str = ""                           # plain text of the full content, if the feed carries it

    @property
    def text(self) -> str:
        """The best text the feed itself gives (used when the page cannot be extracted)."""
        return self.content if len(self.content) >= len(self.summary) else self.summary


@dataclass
class ParsedFeed:
    kind: str                                   # rss20, atom10, rss10, json, ...
    title: str = ""
    site_url: str = ""
    ttl_minutes: int | None = None
    entries: list[Entry] = field(default_factory=list)
    problem: str | None = None                  # a recoverable error (bozo), recorded on the feed


def parse_feed(body: bytes, headers: Mapping[str, str] | None = None, url: str = "") -> ParsedFeed:
    """Parse fetched bytes as RSS, Atom or JSON Feed; `FeedParseError` if it is no feed at all."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    if not body.strip():
        raise FeedParseError(f"{_where(url)}empty response body (no feed)")
    ctype = headers.get("content-type", "").lower()
    first = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first == b"{" or ("json" in ctype and first != b"<"):      # a JSON label on XML is believed less
        return parse_json_feed(body, url)
    return _parse_xml_feed(body, headers, url)


def _parse_xml_feed(body: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
    import feedparser

    # No Content-Location: feedparser would resolve plain GUIDs ("b1") against it as if they were
    # URLs, and a feed that moves would then change every entry id. Links are joined by us.
    given = dict(headers)
    headers.setdefault("content-type", "application/xml")
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        raise FeedParseError(f"{_where(url)}not a feed ({_not_feed_reason(body, given, parsed)})")
    meta = parsed.get("feed", {})
    feed = ParsedFeed(kind=parsed.get("version") or "unknown", title=_plain(meta.get("title", "")),
                      site_url=meta.get("link", "") or "", ttl_minutes=_int(meta.get("ttl")))
    if parsed.get("bozo"):
        feed.problem = _bozo_message(parsed.get("bozo_exception"))
    feed.entries = _unique([_xml_entry(e, url) for e in parsed.entries])
    return feed


def _not_feed_reason(body: bytes, headers: dict[str, str], parsed: Any) -> str:
    head = body[:512].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return f"got an HTML page, Content-Type {headers.get('content-type', 'not given')}"
    if parsed.get("bozo"):
        return _bozo_message(parsed.get("bozo_exception"))
    return "no RSS, Atom or JSON Feed document found"


def _bozo_message(exc: Any) -> str:
    text = str(exc or "malformed feed").strip().splitlines()
    name = type(exc).__name__ if exc is not None else "Error"
    return f"{name}: {text[0][:200] if text else ''}".rstrip(": ")


def _xml_entry(e: Any, base: str) -> Entry:
    link = canonical_url(e.get("link", "") or "", base)
    title = _plain(e.get("title", ""))
    summary = _plain(e.get("summary", ""))
    content = "\n\n".join(_plain(c.get("value", "")) for c in e.get("content", []) or [])
    published, offset = parse_date(e.get("published"), e.get("published_parsed"))
    updated, upd_offset = parse_date(e.get("updated"), e.get("updated_parsed"))
    if published is None and updated is not None:
        published, offset = updated, upd_offset
    entry_id = (e.get("id") or "").strip() or link or _hash_id(title, summary, str(published))
    return Entry(entry_id=entry_id, link=link, title=title, published_at=published,
                 published_offset_min=offset, updated_at=updated, summary=summary, content=content)


def parse_json_feed(body: bytes, url: str = "") -> ParsedFeed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org), which feedparser does not read."""
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FeedParseError(f"{_where(url)}not a feed (invalid JSON: {str(exc)[:120]})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise FeedParseError(f"{_where(url)}not a feed (JSON without an 'items' list)")
    base = url or str(doc.get("feed_url") or doc.get("home_page_url") or "")
    feed = ParsedFeed(kind="json", title=_plain(str(doc.get("title") or "")), site_url=str(doc.get("home_page_url") or ""))
    if "jsonfeed.org" not in str(doc.get("version", "")):
        feed.problem = "JSON Feed without a jsonfeed.org version"
    feed.entries = _unique([_json_entry(item, base) for item in doc["items"] if isinstance(item, dict)])
    return feed


def _json_entry(item: dict[str, Any], base: str) -> Entry:
    link = canonical_url(str(item.get("url") or item.get("external_url") or ""), base)
    title = _plain(str(item.get("title") or ""))
    summary = _plain(str(item.get("summary") or ""))
    content = _plain(str(item.get("content_html") or "")) or str(item.get("content_text") or "").strip()
    published, offset = parse_date(item.get("date_published"), None)
    updated, upd_offset = parse_date(item.get("date_modified"), None)
    if published is None and updated is not None:
        published, offset = updated, upd_offset
    raw_id = item.get("id")
    entry_id = str(raw_id).strip() if raw_id not in (None, "") else link or _hash_id(title, summary, content[:200])
    return Entry(entry_id=entry_id, link=link, title=title, published_at=published,
                 published_offset_min=offset, updated_at=updated, summary=summary, content=content)


def _unique(entries: list[Entry]) -> list[Entry]:
    """One entry per id (the first wins): a feed that repeats an item must not make two articles."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        if len(entry.entry_id) > 400:        # some feeds put whole texts in <guid>; keep index keys small
            entry.entry_id = _hash_id(entry.entry_id)
        seen.setdefault(entry.entry_id, entry)
    return list(seen.values())


def parse_date(raw: Any, parsed: Any) -> tuple[datetime | None, int | None]:
    """An aware UTC instant and the publisher's UTC offset in minutes (None when the string has none).

    feedparser's parse (`parsed`, a UTC struct_time) is trusted for the instant; our own parse of the
    raw string supplies the offset, and the instant too when feedparser could not read it.
    """
    own = _parse_own(raw) if isinstance(raw, str) else None
    instant = datetime(*parsed[:6], tzinfo=timezone.utc) if parsed else None
    if own is None:
        return instant, None
    offset_td = own.utcoffset()
    own_utc = own.astimezone(timezone.utc)
    if instant is not None and abs((own_utc - instant).total_seconds()) > 60:
        return instant, None
    offset = int(offset_td.total_seconds() // 60) if offset_td is not None else None
    return instant or own_utc, offset


def _parse_own(raw: str) -> datetime | None:
    text = raw.strip()
    if not text:
        return None
    for parse in (_rfc822, _iso8601):
        value = parse(text)
        if value is not None and value.tzinfo is not None:
            return value
    return None


def _rfc822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _iso8601(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def canonical_url(url: str, base: str = "") -> str:
    """Absolute, normalized (courlan: host case, default port, tracking parameters), no fragment."""
    url = (url or "").strip()
    if not url:
        return ""
    if base:
        url = urljoin(base, url)
    url = urldefrag(url)[0]
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return url
    try:
        from courlan import normalize_url

        return str(normalize_url(url))
    except Exception:  # courlan raises assorted errors on odd URLs; the raw URL is still usable
        return url


def _hash_id(*parts: str) -> str:
    return "sha1:" + hashlib.sha1("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()


def _int(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _where(url: str) -> str:
    return f"{url}: " if url else ""


class _TextParser(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _plain(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs kept apart."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return re.sub(r"[ \t]+", " ", html).strip()
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass
class OpmlFeed:
    url: str
    title: str = ""


def read_opml(data: bytes, source: str = "OPML") -> list[OpmlFeed]:
    """The feeds of an OPML subscription list (nested outlines included, duplicates dropped)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedParseError(f"{source} is not valid OPML: {exc}") from None
    if root.tag.lower() != "opml":
        raise FeedParseError(f"{source} is not OPML (root element <{root.tag}>)")
    feeds: dict[str, OpmlFeed] = {}
    for outline in root.iter("outline"):
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        url = (attrs.get("xmlurl") or "").strip()
        if url and url not in feeds:
            feeds[url] = OpmlFeed(url=url, title=attrs.get("title") or attrs.get("text") or "")
    return list(feeds.values())


def write_opml(feeds: Iterable[OpmlFeed], title: str = "tracker subscriptions") -> str:
    """An OPML 2.0 document that `read_opml` (and any feed reader) reads back."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        ET.SubElement(body, "outline", type="rss", text=feed.title or feed.url, title=feed.title or feed.url, xmlUrl=feed.url)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
