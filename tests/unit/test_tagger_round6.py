"""Table tests of the session-5 second-pass tagger rules (tracker.nlp.temporal): each rule with
the sentence kind it fixes and a sentence it must not change.

A case: (sentence, anchor, expression text, expected value or None for "not tagged", type).
"""
from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp.temporal import Timex, tag

CASES = [
    # "soon" after a modal or "to", or before "will": FUTURE_REF
    ("Prosecutors have told him that they may soon seek an indictment.", "1989-10-27", "soon", "FUTURE_REF", "DATE"),
    ("Westinghouse expects its international sales to soon grow to 25%.", "1989-10-26", "soon", "FUTURE_REF", "DATE"),
    ("Kellogg is so anxious that it soon will begin selling boxes for less.", "1989-10-30", "soon", "FUTURE_REF", "DATE"),
    # negatives: a past narrative, "as soon as", "soon after"
    ("He was soon released and appeared to be recovering.", "2000-02-24", "soon", None, None),
    ("A trickle of cash from Miami soon became a flood.", "2000-02-24", "soon", None, None),
    ("They want the boy back as soon as possible.", "2000-01-28", "soon", None, None),
    ("He will succeed Mr. Davison, who may soon after retire.", "1989-10-26", "soon", None, None),
    # "until / by then": the last date named, as named
    ("Rights on the stock will terminate on Nov. 30. Until then, Conseco said the stock remains listed.",
     "1989-10-30", "then", "1989-11-30", "DATE"),
    ("The plant will close in March. By then, 300 jobs will have gone.", "2026-01-08", "then", "2026-03", "DATE"),
    # negatives: no date named before it; "since then" (TimeBank tags none); "then-President"
    ("Until then, nobody had heard of the company.", "1989-10-30", "then", None, None),
    ("The list began in 1950. Since then, 427 fugitives have been taken off it.", "1999-06-07", "then", None, None),
    ("The talks end on Friday, as agreed by then-President Bush.", "1991-02-25", "then", None, None),
    # the age of a thing in days, weeks or months: a DURATION
    ("It was the latest attempt by extremists opposed to the IRA's 8-month-old truce.", "1998-03-22",
     "8-month-old", "P8M", "DURATION"),
    ("The three-week-old strike has closed the port.", "2026-01-08", "three-week-old", "P3W", "DURATION"),
    # negatives: a person's age, a noun "a 6-month-old", and years (TimeBank tags no year-old)
    ("He arrived with his wife and their 6-month-old son.", "2000-04-05", "6-month-old", None, None),
    ("She carried a 6-month-old.", "2000-04-05", "6-month-old", None, None),
    ("They marked their entry into the 50-year-old alliance.", "1999-03-12", "50-year-old", None, None),
]


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _find(timexes: list[Timex], text: str) -> Timex | None:
    hits = [t for t in timexes if t.text == text]
    return hits[-1] if hits else None


@pytest.mark.parametrize(("sentence", "anchor", "expr", "value", "kind"), CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_round6_rule(sentence: str, anchor: str, expr: str, value: str | None, kind: str | None) -> None:
    found = tag(sentence, _day(anchor))
    t = _find(found, expr)
    if value is None:
        assert t is None, f"{expr!r} should not be tagged: {[(x.text, x.value) for x in found]}"
        return
    assert t is not None, f"{expr!r} not found in {[(x.text, x.value) for x in found]}"
    assert (t.value, t.type) == (value, kind)
