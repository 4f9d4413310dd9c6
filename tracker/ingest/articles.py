"""From a feed entry to an article ready to store: fetch the page, extract it, decide the text,
title and publication date, and hash the body for cross-feed dedupe.

No database here (the pipeline stores what this returns), so it runs in worker threads: page
fetching and trafilatura overlap with the pipeline's writes.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

import httpx

from tracker.errors import ExtractError, FetchError
from tracker.ingest.extract import Extracted, decode_html, extract_article
from tracker.ingest.feeds import Entry
from tracker.ingest.fetch import FetchResult, fetch


@dataclass
class Candidate:
    """An article ready to store: text, title and publication time already decided."""

    url: str
    title: str
    text: str
    published_at: datetime
    published_offset_min: int
    published_source: str      # feed | page | fetched | given
    fetched_at: datetime
    extraction: str = "page"   # page | feed
    extraction_note: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text, self.url)


def content_hash(text: str, url: str) -> str:
    """Hash of the story's body: its sentence-length lines, normalized.

    Short lines (headlines, bylines, datelines) are left out because republishers rewrite them while
    the wire text stays the same; very short texts hash with their URL so teasers never merge.
    """
    lines = [re.sub(r"\s+", " ", line).strip().lower() for line in text.splitlines()]
    body = " ".join(line for line in lines if len(line.split()) >= 12) or " ".join(lines).strip()
    key = body if len(body) >= 80 else f"{url}\x1f{body}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def prepare_entry(client: httpx.Client, entry: Entry, now: datetime, feed_url: str) -> Candidate:
    """Fetch and extract the entry's page; on any failure keep the feed's text and say why."""
    if not entry.link.startswith(("http://", "https://")):
        return candidate_from(entry, None, "the entry links to no web page", now, feed_url)
    try:
        page = fetch_page(client, entry.link)
    except (FetchError, ExtractError) as exc:
        return candidate_from(entry, None, exc.message, now, feed_url)
    except Exception as exc:            # noqa: BLE001 - a parser bug on one page must not lose the article
        return candidate_from(entry, None, f"extraction failed: {type(exc).__name__}", now, feed_url)
    return candidate_from(entry, page, None, now, feed_url)


def fetch_page(client: httpx.Client, url: str) -> Extracted:
    """The page's main text and metadata (FetchError / ExtractError when there is none)."""
    result: FetchResult = fetch(client, url)
    ctype = result.content_type.lower()
    if ctype and not any(t in ctype for t in ("html", "xml", "text/plain")):
        raise ExtractError(f"{url}: not a web page (Content-Type {ctype.split(';')[0]})")
    return extract_article(decode_html(result.body, result.content_type), result.final_url)


def candidate_from(entry: Entry, page: Extracted | None, note: str | None, now: datetime, feed_url: str) -> Candidate:
    """Decide text, title and date: page text, else the feed's; date from feed, else page, else now."""
    url = storable_url(entry.link or f"{feed_url}#entry-{hashlib.sha1(entry.entry_id.encode()).hexdigest()[:16]}")
    if entry.published_at is not None:
        published, offset, source = entry.published_at, entry.published_offset_min, "feed"
    elif page is not None and page.published_at is not None:
        published, offset, source = page.published_at, page.published_offset_min, "page"
    else:
        published, offset, source = now, 0, "fetched"
    text = _clean(page.text if page is not None else (entry.text or entry.title))
    return Candidate(url=url, title=_clean(entry.title or (page.title if page else "") or url), text=text,
                     published_at=published, published_offset_min=offset or 0, published_source=source,
                     fetched_at=now, extraction="page" if page is not None else "feed", extraction_note=note)


def storable_url(url: str) -> str:
    """The URL as the article's unique key: a monster URL is cut and hashed (index keys have a size limit)."""
    if len(url) <= 1500:
        return url
    return f"{url[:1400]}#sha1-{hashlib.sha1(url.encode('utf-8', 'replace')).hexdigest()}"


def _clean(text: str) -> str:
    """No NUL characters: PostgreSQL text cannot hold them, and one must not fail a whole feed."""
    return text.replace("\x00", "")
