"""`tracker timeline --format html` in a real browser: headless Chromium renders the page, the
events and follow-ups are in its DOM (with article text kept as text), and a screenshot is not blank."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from tests.integration._chromium import needs_chromium, png_pixels, run_chromium
from tests.integration.test_timeline_store import STORY, _ingest
from tests.unit._mentions import mention
from tracker.cli._timeline_render import render_html
from tracker.store import Article, make_engine, session_scope
from tracker.timeline import query_followups, query_timeline, resolve_mentions

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("timeline")
    engine = make_engine(f"sqlite:///{tmp / 'tracker.db'}")
    _ingest(engine, list(STORY))
    hostile = mention("open", '<script>document.title="pwned"</script> Bridge', "scheduled", date(2022, 5, 1))
    at = datetime(2022, 1, 3, tzinfo=timezone.utc)
    with session_scope(engine) as s:
        resolve_mentions(s, Article(url="http://news.example/x", text="", content_hash="x", published_at=at,
                                    fetched_at=at), [hostile])
    with session_scope(engine) as s:
        data = {"as_of": "2023-01-01", "events": query_timeline(s), "followups": query_followups(s, today=date(2023, 1, 1))}
    engine.dispose()
    path = tmp / "timeline.html"
    path.write_text(render_html(data), encoding="utf-8")
    return path



def test_chromium_renders_the_events_and_followups(page: Path) -> None:
    dom = run_chromium("--dump-dom", page.as_uri()).stdout
    assert "<svg" in dom and dom.count('class="event"') == 4
    for text in ("Launch of James Webb Space Telescope", "Launch of Artemis I", "Report of review board"):
        assert text in dom
    for status in ("late", "overdue"):
        assert f'data-status="{status}"' in dom
    assert "pwned" not in dom.split("<title>")[1].split("</title>")[0] and "&lt;script&gt;" in dom


def test_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    run_chromium(f"--screenshot={shot}", "--window-size=1200,900", page.as_uri())
    assert shot.exists(), "Chromium wrote no screenshot"
    assert len(set(png_pixels(shot.read_bytes()))) > 20, "the screenshot is a blank page"
