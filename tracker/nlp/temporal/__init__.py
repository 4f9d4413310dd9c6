"""tracker's temporal tagger: find every time expression in English news text and normalize it.

    >>> from datetime import date
    >>> [(t.text, t.value) for t in tag("He arrives on Oct. 23.", date(2018, 9, 23))]
    [('Oct. 23', '2018-10-23')]

`tag(text, dct)` returns `Timex` values sorted by start offset, TIMEX3-style (type, value, mod),
with the calendar interval [first, last] for dates and a `deadline` for deadline phrases.
Rules, lexicons and the deadline table are data under `data/en/` (see docs/dates.md).
"""
from __future__ import annotations

from datetime import date, datetime

from tracker.nlp.temporal._engine import tag as _tag
from tracker.nlp.temporal._types import Timex

__all__ = ["Timex", "tag", "tag_dates"]


def tag(text: str, dct: date | datetime) -> list[Timex]:
    """Time expressions in `text`, anchored at the publication date `dct`, sorted by start.

    An aware `dct` anchors at its own local date (the publisher's offset), not at UTC.
    Never raises on any `str`; runs in time linear in the text.
    """
    return _tag(text, dct)


tag_dates = tag
