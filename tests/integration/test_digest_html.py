"""The HTML digest in a real browser: headless Chromium parses it, every section is in the
DOM, hostile article text stays text, and a screenshot is not a blank page."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.integration._chromium import needs_chromium, png_pixels, run_chromium
from tests.integration._digest_helpers import add_event, add_failing_feed, add_followup, at, settle
from tracker.config import with_overrides
from tracker.digest import build_digest
from tracker.digest.render import render_html
from tracker.store import make_engine, session_scope

pytestmark = needs_chromium
SECTIONS = ["new-events", "settled", "due", "overdue", "upcoming", "failing-feeds"]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    """A digest with every section filled, written as an HTML file."""
    tmp = tmp_path_factory.mktemp("html")
    engine = make_engine(f"sqlite:///{tmp / 'tracker.db'}")
    add_event(engine, 'Vote <script>document.title="pwned"</script>', "2026-03-01 10:00")
    add_event(engine, "Launch", "2026-03-01 11:00", on="2026-03-20", kind="scheduled")
    add_followup(engine, "The bridge will reopen", "2026-03-05")
    add_followup(engine, "The report will be published", "2026-02-20")
    settle(engine, add_followup(engine, "The plant will close", "2026-03-30"), "fulfilled", "2026-03-01 15:00",
           "The plant closed on Sunday.")
    add_failing_feed(engine, "https://flaky.example/feed", 5)
    from tracker.config import load_settings

    settings = with_overrides(load_settings({"TRACKER_CONFIG": str(tmp / "none.toml")}), digest={"to": ("a@b.org",)})
    with session_scope(engine) as session:
        content = build_digest(session, settings, "a@b.org", date(2026, 3, 2), as_of=at("2026-03-02 07:00"))
    engine.dispose()
    path = tmp / "digest.html"
    path.write_text(render_html(content), encoding="utf-8")
    return path


def test_chromium_renders_every_section_and_no_script(page: Path) -> None:
    dom = run_chromium("--dump-dom", page.as_uri()).stdout
    for section in SECTIONS:
        assert f'id="{section}"' in dom, section
    assert "<script>" not in dom and "pwned" not in dom.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;" in dom and "The plant closed on Sunday." in dom


def test_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    run_chromium(f"--screenshot={shot}", "--window-size=800,1000", page.as_uri())
    assert shot.exists(), "Chromium wrote no screenshot"
    pixels = png_pixels(shot.read_bytes())
    assert len(set(pixels)) > 20, "the screenshot is a blank page"
