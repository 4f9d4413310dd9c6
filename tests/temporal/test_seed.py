"""The seed article's expected reading (shared/data/seed/expected-reading.md), self-contained."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from tracker.nlp.temporal import Timex, tag

from _temporal_canon import canonical

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_article.txt"
DCT = date(2018, 9, 23)


def _by_text(found: list[Timex]) -> dict[str, Timex]:
    return {t.text: t for t in found}


def test_seed_article_reading() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = tag(text, DCT)
    by_text = _by_text(found)
    assert canonical(by_text["September 23, 2018"]) == "2018-09-23 2018-09-23..2018-09-23"
    assert canonical(by_text["Sunday"]) == "2018-09-23 2018-09-23..2018-09-23"
    assert canonical(by_text["next month"]) == "2018-10 2018-10-01..2018-10-31"
    assert canonical(by_text["Oct. 23"]) == "2018-10-23 2018-10-23..2018-10-23"
    assert (by_text["three-day"].type, by_text["three-day"].value) == ("DURATION", "P3D")
    within = by_text["within the year"]
    assert (within.type, within.value, within.deadline) == ("DATE", "2018", date(2018, 12, 31))
    in_may = [t for t in found if t.text == "May" and text[t.start - 3:t.start] == "in "]
    assert in_may and canonical(in_may[0]) == "2018-05 2018-05-01..2018-05-31"
    assert not any("40th" in t.text for t in found)


def test_seed_article_offsets_and_order() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = tag(text, DCT)
    assert all(text[t.start:t.end] == t.text for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)
