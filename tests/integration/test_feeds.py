"""Feed parsing on the test feeds in tests/data/feeds, fetched from a real server (issue items 6 and 11)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from _ingest_site import DATA, Site
from hypothesis import given, settings as hsettings, strategies as st

from tracker.config import Settings
from tracker.errors import FeedParseError
from tracker.ingest.feeds import OpmlFeed, canonical_url, parse_date, parse_feed, read_opml, write_opml
from tracker.ingest.fetch import fetch, make_client

FEEDS = DATA / "feeds"
UTC = timezone.utc


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    s = Site()
    for path in FEEDS.iterdir():
        ctype = {"json": "application/feed+json", "html": "text/html; charset=utf-8"}.get(path.suffix[1:], "application/rss+xml")
        s.add(f"/{path.name}", path.read_bytes(), headers={"Content-Type": ctype})
    s.add("/mislabelled", (FEEDS / "mislabelled-cp1252.xml").read_bytes(), headers={"Content-Type": "text/xml; charset=utf-8"})
    s.add("/as-html", (FEEDS / "rss20.xml").read_bytes(), headers={"Content-Type": "text/html"})
    s.add("/empty", b"", headers={"Content-Type": "application/rss+xml"})
    yield s
    s.close()


def served(site: Site, settings: Settings, name: str):
    with make_client(settings) as client:
        result = fetch(client, site.url(name))
    return parse_feed(result.body, result.headers, result.final_url)


def test_rss20_entries_are_normalized(site: Site, settings: Settings) -> None:
    feed = served(site, settings, "/rss20.xml")
    assert (feed.kind, feed.title, feed.ttl_minutes, feed.problem) == ("rss20", "Harbour Gazette", 90, None)
    first, summit, no_guid = feed.entries          # the repeated guid is dropped
    assert first.entry_id == "gazette-1"
    assert first.link == "https://gazette.example/news/bridge-delayed"      # tracking params, fragment gone
    assert first.title == "Bridge opening delayed & rescheduled"
    # 01:15 on Saturday in Tokyo is Friday 16:15 UTC; the offset is kept for the tagger
    assert first.published_at == datetime(2021, 12, 24, 16, 15, tzinfo=UTC) and first.published_offset_min == 540
    assert "next month" in first.text and "alert" not in first.text and "<p>" not in first.text
    assert summit.link == site.url("/news/summit")                          # relative link made absolute
    assert no_guid.entry_id == "https://gazette.example/news/no-guid" and no_guid.published_at is None


def test_atom_dates_and_html_titles(site: Site, settings: Settings) -> None:
    feed = served(site, settings, "/atom.xml")
    budget, updated_only = feed.entries
    assert (feed.kind, budget.entry_id, budget.title) == ("atom10", "urn:uuid:entry-1", "Council approves budget")
    assert budget.link == "https://city.example/2021/12/budget"            # rel=alternate, not the enclosure
    assert budget.published_at == datetime(2021, 12, 24, 3, 30, tzinfo=UTC) and budget.published_offset_min == -300
    assert budget.updated_at == datetime(2021, 12, 24, 14, 0, tzinfo=UTC)
    assert "Work starts in January." in budget.text
    assert updated_only.published_at == datetime(2021, 12, 24, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("name", "kind", "title"), [
    ("/rss10.rdf", "rss10", "Ferry service resumes"), ("/rss091.xml", "rss091u", "Dam inspection finished"),
    ("/utf16.xml", "rss091u", "Dam inspection finished"), ("/latin1.xml", "rss20", "Straßenbahn fährt wieder"),
])
def test_other_versions_and_encodings(site: Site, settings: Settings, name: str, kind: str, title: str) -> None:
    feed = served(site, settings, name)
    assert feed.kind == kind and feed.entries[0].title == title and feed.problem is None


def test_json_feed(site: Site, settings: Settings) -> None:
    feed = served(site, settings, "/feed.json")
    a, b, c = feed.entries
    assert (feed.kind, feed.title) == ("json", "JSON Times")
    assert a.published_at == datetime(2021, 12, 24, 13, 0, tzinfo=UTC) and a.published_offset_min == 120
    assert a.text == "The airport expansion was approved.\nConstruction starts in May."
    assert (b.entry_id, b.link, b.published_at) == ("2", site.url("/b"), datetime(2021, 12, 24, 16, 0, tzinfo=UTC))
    assert c.link == "https://elsewhere.example/c" and c.published_at is None


def test_malformed_xml_keeps_entries_and_records_the_problem(site: Site, settings: Settings) -> None:
    feed = served(site, settings, "/malformed.xml")
    assert len(feed.entries) == 2 and feed.entries[0].title == "Fish & chips shop opens"
    assert feed.problem and "not well-formed" in feed.problem and "\n" not in feed.problem


def test_mislabelled_encoding_is_recovered(site: Site, settings: Settings) -> None:
    feed = served(site, settings, "/mislabelled")
    assert feed.entries[0].title == "\u201cCaf\u00e9\u201d reopens" and feed.title == "Café News"
    assert feed.problem and "windows-1252" in feed.problem


def test_wrong_content_type_still_parses(site: Site, settings: Settings) -> None:
    feed = served(site, settings, "/as-html")
    assert len(feed.entries) == 3


@pytest.mark.parametrize(("name", "words"), [("/not-a-feed.html", "got an HTML page"), ("/empty", "empty response body")])
def test_not_a_feed(site: Site, settings: Settings, name: str, words: str) -> None:
    with pytest.raises(FeedParseError, match=words) as info:
        served(site, settings, name)
    assert "\n" not in info.value.message


def test_xml_labelled_as_json_is_still_read() -> None:
    feed = parse_feed((FEEDS / "rss20.xml").read_bytes(), {"Content-Type": "application/json"})
    assert feed.kind == "rss20" and len(feed.entries) == 3


@pytest.mark.parametrize("body", [b"{}", b'{"items": "no"}', b"{not json", b"[1, 2]"])
def test_bad_json_feeds(body: bytes) -> None:
    with pytest.raises(FeedParseError):
        parse_feed(body, {"Content-Type": "application/json"})


@hsettings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_parse_or_raise_feed_parse_error(body: bytes) -> None:
    try:
        feed = parse_feed(body, {})
    except FeedParseError:
        return
    assert all(e.entry_id for e in feed.entries)


@pytest.mark.parametrize(("raw", "utc", "offset"), [
    ("Sat, 25 Dec 2021 01:15:00 +0900", datetime(2021, 12, 24, 16, 15, tzinfo=UTC), 540),
    ("2021-12-24T22:30:00-05:00", datetime(2021, 12, 25, 3, 30, tzinfo=UTC), -300),
    ("2021-12-24T22:30:00Z", datetime(2021, 12, 24, 22, 30, tzinfo=UTC), 0),
    ("2021-12-24T22:30:00", None, None),            # no zone, and no feedparser parse: unknown
    ("not a date", None, None),
])
def test_parse_date_keeps_the_offset(raw: str, utc: datetime | None, offset: int | None) -> None:
    assert parse_date(raw, None) == (utc, offset)


def test_canonical_url() -> None:
    assert canonical_url("HTTPS://Example.ORG:443/a?utm_campaign=x&id=2#c") == "https://example.org/a?id=2"
    assert canonical_url("../b", "https://example.org/x/y/feed") == "https://example.org/x/b"
    assert canonical_url("") == ""


def test_opml_reads_nested_outlines_and_round_trips() -> None:
    feeds = read_opml((FEEDS / "subscriptions.opml").read_bytes())
    assert [f.url for f in feeds] == ["https://gazette.example/rss.xml", "https://city.example/atom.xml",
                                      "https://json.example/feed.json"]
    assert feeds[0].title == "Harbour Gazette"
    again = read_opml(write_opml(feeds).encode("utf-8"))
    assert again == feeds
    tricky = [OpmlFeed("https://x.example/?a=1&b=<2>", 'Quotes " & <tags>')]
    assert read_opml(write_opml(tricky).encode()) == tricky


@pytest.mark.parametrize("data", [b"<opml><body>", b"<rss/>", b""])
def test_bad_opml(data: bytes) -> None:
    with pytest.raises(FeedParseError):
        read_opml(data, "subs.opml")
