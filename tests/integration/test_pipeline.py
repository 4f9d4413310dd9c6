"""The pipeline end to end: real server on 127.0.0.1, real database (SQLite, and PostgreSQL when
TRACKER_TEST_POSTGRES_URL is set). Issue items 5, 7, 8 and 11."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from _ingest_site import Route, Site, page, rss, story
from sqlmodel import func, select

from tracker.clock import FixedClock
from tracker.config import Settings, with_overrides
from tracker.errors import ExtractError, FetchError
from tracker.ingest.pipeline import claim_due_feeds, ingest_url, run_once
from tracker.store import Article, ArticleFeed, Feed, session_scope

UTC = timezone.utc


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return with_overrides(settings, fetch={"timeout_s": 2.0, "read_timeout_s": 1.0, "connect_timeout_s": 1.0,
                                           "max_bytes": 200_000, "interval_minutes": 30})


def subscribe(engine, *urls: str, interval: int | None = None) -> None:
    with session_scope(engine) as s:
        for url in urls:
            s.add(Feed(url=url, interval_minutes=interval))


def feed_of(engine, url: str) -> Feed:
    with session_scope(engine) as s:
        return s.exec(select(Feed).where(Feed.url == url)).one()


def articles(engine) -> list[Article]:
    with session_scope(engine) as s:
        return list(s.exec(select(Article).order_by(Article.url)).all())


def count(engine, model) -> int:
    with session_scope(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def news_site(site: Site, n: int = 3, prefix: str = "/news") -> str:
    items = []
    for i in range(n):
        link = site.add(f"{prefix}/{i}", page(f"Story {i}", story(i)), headers={"Content-Type": "text/html; charset=utf-8"})
        items.append({"guid": f"{prefix}-{i}", "link": link, "title": f"Story {i}", "pubDate": "Sat, 25 Dec 2021 01:15:00 +0900"})
    return site.add(f"{prefix}.xml", rss(items), headers={"Content-Type": "application/rss+xml", "ETag": '"e1"'},
                    handler=lambda req: Route(b"", 304, {"ETag": '"e1"'}) if req.headers.get("If-None-Match") == '"e1"' else None)


def test_first_run_stores_articles_then_conditional_get(engine, fast: Settings, clock: FixedClock, site: Site,
                                                       monkeypatch) -> None:
    import tracker.timeline

    seen = []      # the seam: called inside the article's transaction, with the article flushed
    monkeypatch.setattr(tracker.timeline, "record_article", lambda session, article: seen.append((article.id, article.title)))
    url = news_site(site)
    subscribe(engine, url)
    summary = run_once(engine, fast, clock)
    assert sorted(seen) == [(a.id, a.title) for a in articles(engine)]
    assert (summary.feeds_polled, summary.new_articles, summary.failures) == (1, 3, 0)
    stored = articles(engine)
    assert [a.title for a in stored] == ["Story 0", "Story 1", "Story 2"]
    first = stored[0]
    assert "city council met on Tuesday" in first.text and first.extraction == "page"
    assert first.published_source == "feed" and first.published_offset_min == 540
    assert first.published_at == datetime(2021, 12, 24, 16, 15, tzinfo=UTC)
    assert first.processed_at == clock.now()
    feed = feed_of(engine, url)
    assert (feed.etag, feed.last_status, feed.consecutive_failures) == ('"e1"', 200, 0)
    assert feed.next_fetch_at == clock.now() + timedelta(minutes=30)
    assert run_once(engine, fast, clock).feeds_polled == 0             # not due yet
    clock.advance(minutes=31)
    again = run_once(engine, fast, clock)
    assert (again.feeds_polled, again.not_modified, again.new_articles) == (1, 1, 0)
    assert site.requests[-1][1]["if-none-match"] == '"e1"'
    assert count(engine, Article) == 3 and count(engine, ArticleFeed) == 3


def test_rerun_without_validators_dedupes_by_entry_id(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    items = [{"guid": "g1", "link": site.add("/a", page("A", story(1)))}]
    url = site.add("/plain.xml", rss(items))
    subscribe(engine, url)
    assert run_once(engine, fast, clock).new_articles == 1
    assert run_once(engine, fast, clock, all_feeds=True).new_articles == 0
    assert count(engine, Article) == 1 and count(engine, ArticleFeed) == 1


def test_same_story_in_two_feeds_is_one_article_with_two_links(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    text = story(7, "summit")
    wire_a = site.add("/a/summit", page("Summit set", text))
    site.add("/b/summit-copy", page("Summit set (wire)", text))      # same wire story, another site
    wire_b = site.url("/b/summit-copy").replace("127.0.0.1", "localhost")
    shared = site.add("/shared", page("Shared", story(8)))
    feed_a = site.add("/a.xml", rss([{"guid": "a1", "link": wire_a}, {"guid": "a2", "link": shared + "?utm_source=a"}]))
    feed_b = site.add("/b.xml", rss([{"guid": "b1", "link": wire_b}, {"guid": "b2", "link": shared + "?utm_source=b"}]))
    subscribe(engine, feed_a, feed_b)
    summary = run_once(engine, fast, clock)
    assert (summary.new_articles, summary.linked) == (2, 2)
    assert count(engine, Article) == 2 and count(engine, ArticleFeed) == 4
    assert site.hits.get("/shared") == 1                 # known by canonical URL: not fetched twice
    with session_scope(engine) as s:
        per_article = s.exec(select(ArticleFeed.article_id, func.count()).group_by(ArticleFeed.article_id)).all()
    assert sorted(n for _, n in per_article) == [2, 2]


def test_same_text_on_one_site_is_not_merged(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    wall = page("Before you continue", ["We use cookies and data to deliver and maintain our services, measure "
                                        "audience engagement and improve the quality of our services for everyone."])
    items = [{"guid": f"w{i}", "link": site.add(f"/story-{i}", wall), "title": f"Different story {i}"} for i in range(3)]
    subscribe(engine, site.add("/f.xml", rss(items)))
    assert run_once(engine, fast, clock).new_articles == 3          # a cookie wall is not one story
    assert len({a.content_hash for a in articles(engine)}) == 1


def test_page_problems_fall_back_to_the_feed_text(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    items = [
        {"guid": "gone", "link": site.url("/missing"), "description": "Feed text of the missing page."},
        {"guid": "empty", "link": site.add("/empty", "<html><body></body></html>"), "description": "Feed text, empty page."},
        {"guid": "pdf", "link": site.add("/doc", b"%PDF-1.4", headers={"Content-Type": "application/pdf"}),
         "description": "Feed text of a PDF."},
        {"guid": "drip", "link": site.add("/drip", "x" * 500, drip_s=0.02), "description": "Feed text, slow page."},
    ]
    subscribe(engine, site.add("/f.xml", rss(items)))
    summary = run_once(engine, fast, clock)
    assert (summary.new_articles, summary.from_feed, summary.failures) == (4, 4, 0)
    notes = {a.text: a.extraction_note for a in articles(engine)}
    assert all(a.extraction == "feed" for a in articles(engine))
    assert "HTTP 404" in notes["Feed text of the missing page."]
    assert "no article text" in notes["Feed text, empty page."] or "empty" in notes["Feed text, empty page."]
    assert "not a web page" in notes["Feed text of a PDF."]
    assert "timed out" in notes["Feed text, slow page."]


def test_publication_date_feed_else_page_else_fetch_time(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    dated = site.add("/dated", page("Dated", story(1), published="2021-12-20T08:00:00-08:00"))
    undated = site.add("/undated", page("Undated", story(2)))
    items = [{"guid": "d", "link": dated}, {"guid": "u", "link": undated}]
    subscribe(engine, site.add("/f.xml", rss(items)))
    run_once(engine, fast, clock)
    by_title = {a.title: a for a in articles(engine)}
    d, u = by_title["Dated"], by_title["Undated"]
    assert (d.published_source, d.published_at, d.published_offset_min) == ("page", datetime(2021, 12, 20, 16, 0, tzinfo=UTC), -480)
    assert (u.published_source, u.published_at) == ("fetched", clock.now())


def test_one_bad_feed_never_stops_the_others(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    good = news_site(site, 2)
    bad = {
        "500": site.add("/500.xml", "oops", status=500),
        "410": site.add("/410.xml", "gone", status=410),
        "html": site.add("/home.xml", "<!doctype html><html><body>home</body></html>", headers={"Content-Type": "text/html"}),
        "empty": site.add("/empty.xml", ""),
        "huge": site.add("/huge.xml", "<rss>" + "x" * 300_000),
        "loop": site.add("/loop.xml", status=302, headers={"Location": "/loop.xml"}),
        "drip": site.add("/drip.xml", "<rss>" + "x" * 400, drip_s=0.01),
        "dead": "http://127.0.0.1:9/feed.xml",
    }
    subscribe(engine, *bad.values(), good)
    summary = run_once(engine, fast, clock)
    assert (summary.feeds_polled, summary.failures, summary.new_articles) == (9, 8, 2)
    expect = {"500": "HTTP 500", "410": "410 Gone", "html": "got an HTML page", "empty": "empty response body",
              "huge": "byte cap", "loop": "too many redirects", "drip": "timed out", "dead": "cannot connect"}
    for key, url in bad.items():
        feed = feed_of(engine, url)
        assert expect[key] in feed.last_error and "\n" not in feed.last_error, (key, feed.last_error)
        assert feed.consecutive_failures == 1 and feed.next_fetch_at > clock.now()
    assert feed_of(engine, bad["500"]).last_status == 500 and feed_of(engine, bad["dead"]).last_status is None


def test_backoff_grows_caps_at_a_day_and_never_stops(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    url = site.add("/down.xml", "down", status=503)
    subscribe(engine, url)
    waits = []
    for _ in range(10):
        run_once(engine, fast, clock)
        feed = feed_of(engine, url)
        waits.append((feed.next_fetch_at - clock.now()).total_seconds() / 60)
        clock.at = feed.next_fetch_at
    assert feed.consecutive_failures == 10 and feed.last_error.endswith("HTTP 503 Service Unavailable")
    assert 24 <= waits[0] <= 36 and 48 <= waits[1] <= 72 and 96 <= waits[2] <= 144
    assert waits[-1] == pytest.approx(1440) and max(waits) <= 1440
    site.add("/down.xml", rss([{"guid": "back", "link": site.add("/back", page("Back", story(3)))}]))
    assert run_once(engine, fast, clock).new_articles == 1          # still polled, and it recovers
    assert feed_of(engine, url).consecutive_failures == 0


def test_retry_after_and_ttl_are_floors(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    limited = site.add("/429.xml", "slow down", status=429, headers={"Retry-After": "7200"})
    ttl = site.add("/ttl.xml", rss([], extra="<ttl>90</ttl>"))
    cached = site.add("/cc.xml", rss([]), headers={"Cache-Control": "max-age=10800"})
    short = site.add("/short.xml", rss([], extra="<ttl>5</ttl>"))
    subscribe(engine, limited, ttl, cached, short)
    run_once(engine, fast, clock)
    def wait(url: str) -> float:
        return (feed_of(engine, url).next_fetch_at - clock.now()).total_seconds() / 60
    assert wait(limited) == 120 and "retry after 7200s" in feed_of(engine, limited).last_error
    assert (wait(ttl), wait(cached), wait(short)) == (90, 180, 30)


def test_per_feed_interval(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    url = site.add("/f.xml", rss([]))
    subscribe(engine, url, interval=240)
    run_once(engine, fast, clock)
    assert feed_of(engine, url).next_fetch_at == clock.now() + timedelta(hours=4)


def test_stop_between_articles_leaves_the_feed_due(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    url = news_site(site, 4)
    subscribe(engine, url)
    calls = {"n": 0}

    def stop() -> bool:
        calls["n"] += 1
        return calls["n"] > 2           # after the first article
    summary = run_once(engine, fast, clock, stop=stop)
    assert summary.stopped and summary.new_articles == 1
    feed = feed_of(engine, url)
    assert feed.next_fetch_at is None and feed.etag is None   # still due, validators not written
    rest = run_once(engine, fast, clock)
    assert rest.new_articles == 3 and count(engine, Article) == 4


def test_a_failing_timeline_keeps_the_article(engine, fast: Settings, clock: FixedClock, site: Site, monkeypatch) -> None:
    import tracker.timeline

    def broken(session, article) -> None:
        session.add(Feed(url="http://derived.example/should-roll-back"))
        session.flush()
        raise RuntimeError("timeline bug")
    monkeypatch.setattr(tracker.timeline, "record_article", broken)
    subscribe(engine, news_site(site, 1))
    assert run_once(engine, fast, clock).new_articles == 1
    (article,) = articles(engine)
    assert article.processed_at is None and count(engine, Feed) == 1


def test_claim_due_feeds_skips_locked_and_leased_feeds(engine, clock: FixedClock) -> None:
    subscribe(engine, *(f"http://f{i}.example/rss" for i in range(4)))
    with session_scope(engine) as s1:
        mine = claim_due_feeds(s1, clock, "daemon-a", 300, 2)
        if engine.dialect.name == "postgresql":
            with session_scope(engine) as s2:       # while a's rows are locked: b gets the others
                theirs = claim_due_feeds(s2, clock, "daemon-b", 300, 10)
            assert {f.url for f in mine}.isdisjoint(f.url for f in theirs) and len(theirs) == 2
    assert len(mine) == 2
    if engine.dialect.name != "postgresql":
        return
    with session_scope(engine) as s:                # all leased now
        assert claim_due_feeds(s, clock, "daemon-c", 300, 10) == []
    clock.advance(seconds=301)                      # a's leases expire (it died): c may take them
    with session_scope(engine) as s:
        assert len(claim_due_feeds(s, clock, "daemon-c", 300, 10)) == 4


def test_ingest_url(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    url = site.add("/one", page("One page", story(5)))
    published = datetime(2021, 12, 24, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    article, created = ingest_url(engine, fast, clock, url + "?utm_source=x", published)
    assert created and article.title == "One page" and article.published_source == "given"
    assert article.published_offset_min == -300 and article.published_at == datetime(2021, 12, 24, 14, 0, tzinfo=UTC)
    again, created = ingest_url(engine, fast, clock, url)
    assert not created and again.id == article.id
    with pytest.raises(FetchError, match="HTTP 404"):
        ingest_url(engine, fast, clock, site.url("/nope"))
    with pytest.raises(ExtractError):
        ingest_url(engine, fast, clock, site.add("/blank", "<html><body></body></html>"))
    with pytest.raises(FetchError, match="only http and https"):
        ingest_url(engine, fast, clock, "ftp://example.org/x")


def test_mislabelled_page_encoding_is_recovered(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    paragraphs = [p.replace("city council", "café owners’ council") for p in story(4)]
    body = page("Café news", paragraphs).encode("cp1252")          # served as UTF-8: a lie
    link = site.add("/cafe", body, headers={"Content-Type": "text/html; charset=utf-8"})
    subscribe(engine, site.add("/f.xml", rss([{"guid": "c", "link": link, "title": "Café"}])))
    run_once(engine, fast, clock)
    (article,) = articles(engine)
    assert article.extraction == "page" and "café owners’ council met on Tuesday" in article.text


def test_nul_bytes_giant_guids_and_monster_urls_are_stored(engine, fast: Settings, clock: FixedClock, site: Site) -> None:
    """Each of these once failed a whole feed on PostgreSQL (NUL in text, index key size limits)."""
    long_path = "/" + "x" * 3000
    site.add(long_path, page("Long URL", story(21)))
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Odd", "items": [
        {"id": "nul", "url": site.url("/nul-missing"), "title": "NUL\u0000title", "content_text": "Text with a NUL \u0000 in it."},
        {"id": "g" * 5000, "url": site.add("/giant", page("Giant guid", story(22))), "title": "Giant guid"},
        {"id": "long", "url": site.url(long_path), "title": "Long URL"},
    ]}
    import json

    subscribe(engine, site.add("/odd.json", json.dumps(doc), headers={"Content-Type": "application/feed+json"}))
    summary = run_once(engine, fast, clock)
    assert (summary.failures, summary.new_articles) == (0, 3)
    assert run_once(engine, fast, clock, all_feeds=True).new_articles == 0       # and nothing doubles
    titles = sorted(a.title for a in articles(engine))
    assert titles == ["Giant guid", "Long URL", "NULtitle"]
