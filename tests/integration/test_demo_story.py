"""What a user sees at the end of `tracker demo`: titles that read like headlines, claims cut at a word,
a moved deadline shown, and no place read as a party. The demo story's facts are in
scripts/eval/scenarios/demo-alder; this checks how they read."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tracker.clock import FixedClock
from tracker.config import Settings
from tracker.demo import run_demo


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    db = Path(tmp_path_factory.mktemp("demo")) / "demo.db"
    lines = run_demo(f"sqlite:///{db}", Settings(), FixedClock(datetime(2026, 11, 29, 12, tzinfo=timezone.utc)))
    return lines[lines.index("Timeline:"):]


def _events(summary: list[str]) -> list[tuple[str, str, str]]:
    out = []
    for line in summary[1:summary.index("Follow-ups:")]:
        m = re.match(r"\s+(\S+)\s+(\w+)\s+(.*?)  \((\d+) sources?\)$", line)
        assert m, line
        out.append((m.group(1), m.group(2), m.group(3)))
    return out


def test_the_bridge_opening_is_one_event_with_a_noun_title(summary: list[str]) -> None:
    # 4: the ferry story's "in the first week after the bridge opened" (no time) is a report of it too
    assert any(line.strip().startswith("2026-06-20") and "Opening of Alder Harbour Bridge" in line
               and "(4 sources)" in line for line in summary)
    assert [title for _day, _kind, title in _events(summary) if title.startswith("Opening")] == [
        "Opening of Alder Harbour Bridge"]   # no 'Opening of bridge' dated at the ferry story's day


def test_titles_are_headlines_not_cut_sentences(summary: list[str]) -> None:
    for day, kind, title in _events(summary):
        assert not title.endswith("…"), title                     # never a sentence cut mid-word
        assert not title.startswith(("The ", "the ")), title       # a headline drops the article
        assert title[:1].isupper(), title
        assert "Meeting of Port Alder" not in title, title         # a place is no party
        assert not re.search(r"\b(on|in|at|of|the|a)$", title), title


def test_claims_are_cut_at_a_word_and_a_moved_deadline_shows(summary: list[str]) -> None:
    followups = summary[summary.index("Follow-ups:") + 1:]
    bridge = next(line for line in followups if "Alder Harbour Bridge to open" in line)
    assert "[fulfilled]" in bridge and "by 2026-06-20" in bridge and "(moved from 2026-05-15)" in bridge
    fares = next(line for line in followups if "ferry fares" in line)
    assert "moved from" not in fares                              # a deadline that never moved says nothing
    assert all("(1 source(s))" not in line for line in summary)
