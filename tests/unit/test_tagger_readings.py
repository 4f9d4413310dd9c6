"""Table tests of the session-5 tagger rules (tracker.nlp.temporal): each rule with the
sentence kind it fixes and a sentence it must not change.

A case: (sentence, anchor, expression text, expected value or None for "not tagged", type).
"""
from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp.temporal import Timex, tag

CASES = [
    # the year-earlier nine months: one DURATION, as TimeBank tags it
    ("Net for the year-earlier nine months also included a gain of $9.7 million.", "1989-10-26",
     "the year-earlier nine months", "P9M", "DURATION"),
    ("Net for the year-ago six months was $3 million.", "1989-10-26", "the year-ago six months", "P6M", "DURATION"),
    # negative: a year-earlier adjective before another noun stays the year-ago date
    ("Last year net was $235.5 million. The year-earlier results have been restated.", "1989-10-30",
     "year-earlier", "1988", "DATE"),
    # a participial phrase after a comma takes the tense of the clause it hangs on
    ("Nashua's stock has fluctuated sharply on takeover speculation, rising to a high for the year of "
     "$42.875 a share in June from $29.75 in March.", "1989-10-30", "March", "1989-03", "DATE"),
    ("The company will expand its plants, adding a line in March.", "1989-10-30", "March", "1990-03", "DATE"),
    # negative: an -ing noun or preposition after the comma opens no participial phrase
    ("Nashua stock has fluctuated sharply on takeover speculation, during a long rally of the shares for "
     "the whole of the year from a low of $29.75 in March.", "1989-10-30", "March", "1990-03", "DATE"),
    # negative: a verb in the date's own clause still decides
    ("The company has grown, and it plans to open a plant in March.", "1989-10-30", "March", "1990-03", "DATE"),
    # "such quarters" are rooms, not a span of quarters
    ("The Iraqis have resisted attempts to inspect such quarters.", "1998-03-06", "quarters", None, None),
    ("It could take quarters to recover.", "1989-10-30", "quarters", "PXQ", "DURATION"),
    # ", currently vice president finance, will ...": a role in apposition, like ", formerly ..."
    ("Stephen Akerfeldt, currently vice president finance, will succeed him.", "1989-11-02", "currently", None, None),
    ("He will pay 16.7 million shares, currently valued at almost $472 million.", "1989-11-02", "currently", "PRESENT_REF", "DATE"),
    ("The company currently has 13.5 million shares outstanding.", "1989-11-02", "currently", "PRESENT_REF", "DATE"),
    # "the day before / after <weekday>": one day off that weekday, one expression
    ("The day before last Tuesday's federal court hearing, he met the family.", "2000-02-24",
     "The day before last Tuesday", "2000-02-21", "DATE"),
    ("The talks will resume the day after Friday's vote.", "1998-03-04", "the day after Friday", "1998-03-07", "DATE"),
    # "on days when prices are tumbling": days picked out by a relative clause, no duration
    ("On days when prices are tumbling, the market makers lose.", "1989-10-30", "days", None, None),
    ("The talks went on for days, officials said.", "1989-10-30", "days", "PXD", "DURATION"),
    # "the past decade / century": the span up to now, a DURATION; "the last decade" stays the calendar one
    ("Such attacks had become routine over the past decade.", "1998-10-25", "the past decade", "P10Y", "DURATION"),
    ("Wages lost ground to inflation in the last decade.", "1998-02-06", "the last decade", "198", "DATE"),
    ("Hate groups grew over the past year.", "1998-03-03", "the past year", "1997", "DATE"),
    # negative: a weekday after another noun is the weekday itself
    ("They met the day before the vote on Friday.", "1998-03-04", "Friday", "1998-02-27", "DATE"),
    # second pass
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
def test_tagger_reading(sentence: str, anchor: str, expr: str, value: str | None, kind: str | None) -> None:
    found = tag(sentence, _day(anchor))
    t = _find(found, expr)
    if value is None:
        assert t is None, f"{expr!r} should not be tagged: {[(x.text, x.value) for x in found]}"
        return
    assert t is not None, f"{expr!r} not found in {[(x.text, x.value) for x in found]}"
    assert (t.value, t.type) == (value, kind)
