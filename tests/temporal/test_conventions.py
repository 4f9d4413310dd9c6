"""Table-driven checks of the TimeBank reading conventions the tagger follows (anchoring,
earnings-report periods, durations vs references), with the tense and context that decide them.

Each case: (sentence, anchor, expression, expected canonical form or bare value, type).
"""
from __future__ import annotations

import pytest

from tracker.nlp.temporal import Timex, tag

from _temporal_canon import canonical, day

CASES = [
    # a past cue keeps a month or day months back in the past; only a near coming date beats it
    ("In March, the company received a loan.", "1989-10-27", "March", "1989-03 1989-03-01..1989-03-31", "DATE"),
    ("Sales rose in the fiscal year ended Jan. 31.", "1989-10-31", "Jan. 31", "1989-01-31 1989-01-31..1989-01-31", "DATE"),
    ("The judge ordered him returned to Cuba on Jan. 14.", "2000-01-06", "Jan. 14", "2000-01-14 2000-01-14..2000-01-14", "DATE"),
    # "as soon as"/"as early as" look ahead; a number between "to" and the date is a word
    ("The group might come to the U.S. as soon as Tuesday, officials said.", "2000-04-03", "Tuesday", "2000-04-04 2000-04-04..2000-04-04", "DATE"),
    ("The index tumbled 5.39, or 1.2% to 452.76 on Friday.", "1989-10-30", "Friday", "1989-10-27 1989-10-27..1989-10-27", "DATE"),
    ("It had been scheduled to expire at midnight Friday.", "1989-10-30", "midnight Friday", "1989-10-27T24:00 1989-10-27..1989-10-27", "TIME"),
    # "the plan" is a noun, not a future cue: the past verb decides
    ("The thrift announced the plan Aug. 21.", "1989-10-27", "Aug. 21", "1989-08-21 1989-08-21..1989-08-21", "DATE"),
    # "set" is a plan only as "is set to"/"set for": "and set Friday as the deadline" is past
    ("A judge ordered him returned and set Friday as the deadline.", "2000-01-15", "Friday", "2000-01-14 2000-01-14..2000-01-14", "DATE"),
    ("The talks, set to resume Monday in Belfast, were delayed.", "1998-03-22", "Monday", "1998-03-23 1998-03-23..1998-03-23", "DATE"),
    ("In contrast to Thursday, when two leaders met, the talks were calm.", "2000-01-07", "Thursday", "2000-01-06 2000-01-06..2000-01-06", "DATE"),
    ("It holds shares bought from Sept. 14 to Thursday.", "1989-10-30", "Thursday", "1989-10-26 1989-10-26..1989-10-26", "DATE"),
    # "current" on its own is the present; "the year ended ..." is a year's length
    ("He called current market conditions highly competitive.", "1989-10-30", "current", "PRESENT_REF 1989-10-30..1989-10-30", "DATE"),
    ("It had revenue of $76 million for the year ended March 31.", "1989-11-01", "the year", "P1Y", "DURATION"),
    # a clock time without a day is on the day last named
    ("Dealers sold on Friday, Oct. 27. By late afternoon, prices recovered.", "1989-10-30", "late afternoon", "1989-10-27TAF [END] 1989-10-27..1989-10-27 deadline 1989-10-27", "TIME"),
    ("In London at mid-afternoon yesterday, shares were up.", "1989-11-02", "mid-afternoon yesterday", "1989-11-01TAF [MID] 1989-11-01..1989-11-01", "TIME"),
    ("Dr. Slepian was shot on Oct. 23, 1998 at 10 p.m. in his kitchen.", "1999-04-19", "10 p.m.", "1998-10-23T22:00 1998-10-23..1998-10-23", "TIME"),
    # spans as TimeBank draws them; "over the" is not "more than"
    ("The company expects to release third-quarter results.", "1989-10-26", "third-quarter", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    ("Sales rose over the past two years.", "1989-10-26", "the past two years", "P2Y", "DURATION"),
    ("It adopted a five year plan.", "1989-10-26", "five year", "P5Y", "DURATION"),
    # durations of unknown length
    ("Kidnappings have risen in recent years.", "1998-02-13", "recent years", "PXY", "DURATION"),
    ("Troops will surrender over the next few days.", "1991-02-25", "the next few days", "PXD deadline 1991-03-04", "DURATION"),
    ("Profit will suffer in the short term, but not in the long-term plan.", "1989-10-30", "the short term", "FUTURE_REF", "DATE"),
    ("Ukraine will remain neutral for the foreseeable future, a boost to the future of the region.", "1998-02-27", None, None, None),
    ("Revenue will increase by 20% annually.", "1989-10-30", None, None, None),
    ("Funds account for more than a quarter of the junk market.", "1989-10-27", None, None, None),
    ("The index rose several years ago.", "1998-03-01", "several years ago", "PAST_REF", "DATE"),
    ("He is to resume trading in Paris Tuesday.", "1989-10-27", "Tuesday", "1989-10-31 1989-10-31..1989-10-31", "DATE"),
    ("Its share before Friday's purchases was below 5%.", "1989-10-30", "Friday", "1989-10-27 1989-10-27..1989-10-27 deadline 1989-10-26", "DATE"),
    # year-ago comparisons keep the quarter being reported as the anchor
    ("In the third quarter, profit rose to $5 million from $4 million a year earlier. Sales rose from a year ago.",
     "1989-10-26", "a year ago", "1988-Q3 1988-07-01..1988-09-30", "DATE"),
    ("Profit in the third quarter rose from a year earlier. For the quarter, sales rose.",
     "1989-10-26", "the quarter", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    ("Net was $5 million, up from $4 million in the year-ago quarter.", "1989-11-01", "the year-ago quarter", "1988-Q3 1988-07-01..1988-09-30", "DATE"),
    ("Profit in the third quarter rose. In the 1988 period, it lost money. Year-earlier sales were flat.",
     "1989-10-26", "Year-earlier", "1988-Q3 1988-07-01..1988-09-30", "DATE"),
    ("Profit in the third quarter rose. For the year, sales rose.", "1989-10-26", "the year", "1989 1989-01-01..1989-12-31", "DATE"),
    # round 4: "to" before a possessive date governs the noun after it, not the date
    ("After a small revision Friday to December's figures, job growth looks strong.", "1998-02-06", "December", "1997-12 1997-12-01..1997-12-31", "DATE"),
    ("The judge wanted the child returned by Jan. 14, officials said.", "2000-01-15", "Jan. 14", "2000-01-14 2000-01-14..2000-01-14 deadline 2000-01-14", "DATE"),
    ("The agency wants the report by March.", "2000-01-15", "March", "2000-03 2000-03-01..2000-03-31 deadline 2000-03-31", "DATE"),
    ("The agency wants the report by March.", "2000-04-20", "March", "2001-03 2001-03-01..2001-03-31 deadline 2001-03-31", "DATE"),
    # an adjective year-ago comparison after the year already compared is that year
    ("Last year net was $235.5 million. The year-earlier results have been restated.", "1989-10-30", "year-earlier", "1988 1988-01-01..1988-12-31", "DATE"),
    # a "by" deadline is a target, not the narrative anchor of what follows
    ("By 1992 it intends to reach a 50% share. He forecast an increase for the full year.", "1989-10-30", "the full year", "1989 1989-01-01..1989-12-31", "DATE"),
    # after "the nine months" a year-ago comparison is the year, not the quarter
    ("Third-quarter profit rose. For the nine months, net was $2 billion, up from $1.7 billion a year earlier.",
     "1989-10-26", "a year earlier", "1988 1988-01-01..1988-12-31", "DATE"),
    # the day that ends a period ("the quarter ended Sept. 30") delimits it; the quarter stays in view
    ("It earned $4.7 million for the fiscal-first quarter ended Sept. 30, against a loss a year ago.",
     "1989-10-26", "a year ago", "1988-Q1 1988-01-01..1988-03-31", "DATE"),
    ("Sun earned $5 million in the fiscal first quarter. Earlier this month, it said it would break even for the quarter.",
     "1989-10-26", "the quarter", "1989-Q1 1989-01-01..1989-03-31", "DATE"),
    ("Sun earned $5 million in the fiscal first quarter, on sales up from a year earlier. In the 1988 period, it earned $20 million.",
     "1989-10-26", "the 1988 period", "1988-Q1 1988-01-01..1988-03-31", "DATE"),
    ("Third-quarter net rose. In the first nine months, net was $306 million, against a loss in the 1988 period.",
     "1989-11-02", "the 1988 period", "1988 1988-01-01..1988-12-31", "DATE"),
    # a forecast quarter is not the quarter in view of a year-ago comparison
    ("Profit fell in the third quarter. Losses may last through the third quarter of 1990. In the year-ago period, it earned $101 million.",
     "1989-10-26", "the year-ago period", "1988-Q3 1988-07-01..1988-09-30", "DATE"),
    # a day counted from a month (or year) named without its day is some day of it
    ("Slepian was killed in October. His name was crossed out that same day.", "1999-02-06", "that same day", "1998-10-XX 1998-10-01..1998-10-31", "DATE"),
    ("He arrived on Oct. 23 and left the following day.", "1998-10-30", "the following day", "1998-10-24 1998-10-24..1998-10-24", "DATE"),
    # "Monday and Tuesday nights": both weekdays recur
    ("Two new flights will leave Bombay on Monday and Tuesday nights.", "1998-02-13", "Monday", "XXXX-WXX-1TNI", "SET"),
    # a decade with an apostrophe is found on its own; "the last half of" a decade is no half-year
    ("Sales have been flat for the last half of the '80s.", "1989-10-26", "the '80s", "198 1980-01-01..1989-12-31", "DATE"),
    ("Sales grew in the first half.", "1989-10-26", "the first half", "1989-H1 1989-01-01..1989-06-30", "DATE"),
    # "one day" after a modal is "some day", not a day's length
    ("Islam will one day be the second largest religion in the country.", "1998-03-03", "one day", "FUTURE_REF", "DATE"),
    ("The trip will take one day.", "1998-03-03", "one day", "P1D", "DURATION"),
    # a past cue keeps a whole month in the past even when the coming one is near (a day may
    # still be a near deadline: "ordered him returned by Jan. 14" above)
    ("In January, American Medical brought in a new chief executive.", "1989-10-27", "January", "1989-01 1989-01-01..1989-01-31", "DATE"),
    ("Officials met in January.", "1989-10-27", "January", "1989-01 1989-01-01..1989-01-31", "DATE"),
    # ... but a past verb of agreement or decision with "to <verb>" puts the infinitive's date ahead,
    # and any other "to <verb>" between a past cue and a near coming month keeps that month possible
    ("The two sides agreed to meet in January.", "1989-10-27", "January", "1990-01 1990-01-01..1990-01-31", "DATE"),
    ("They decided to hold the vote in December.", "1989-10-27", "December", "1989-12 1989-12-01..1989-12-31", "DATE"),
    ("He was hired to run the plant in January.", "1989-10-27", "January", "1990-01 1990-01-01..1990-01-31", "DATE"),
    ("They agreed to the deal in March.", "1989-10-27", "March", "1989-03 1989-03-01..1989-03-31", "DATE"),
    # "it is the Nth day of ..." is the publication day
    ("More gunfire in Kosovo. It's the second day of an offensive by the security forces.", "1998-03-06", "the second day", "1998-03-06 1998-03-06..1998-03-06", "DATE"),
    ("It was the second day of the talks.", "1998-03-06", None, None, None),
    # names, not times
    ("Baker said on ABC's \"This Week With David Brinkley\" that talks failed.", "1991-02-25", None, None, None),
    ("Thanks for listening. This is VOA Today.", "1998-03-31", None, None, None),
    ("The case is a lesson for today's youth and for today's world.", "2000-01-07", None, None, None),
    ("\"Today, I'm here to tell you we have our suspect.\"", "1999-05-07", "Today", "1999-05-07 1999-05-07..1999-05-07", "DATE"),
    # session 3: decades and centuries of unknown count in TimeBank's unit letters (E, C);
    # counted ones stay years
    ("Ukraine was ruled from Moscow for centuries.", "1998-02-27", "centuries", "PXC", "DURATION"),
    ("For decades, exiles in Miami were united.", "2000-02-24", "decades", "PXE", "DURATION"),
    ("The mosque has stood for two centuries.", "1998-01-21", "two centuries", "P200Y", "DURATION"),
    ("Afghanistan has been at war for almost two decades.", "1998-01-21", "almost two decades", "P20Y", "DURATION"),
    ("No plant was ordered in a decade.", "1989-10-26", "a decade", "P10Y", "DURATION"),
    # "the then-current price" is a time other than now; "current" alone stays the present
    ("Holders may buy shares at 50% of the then current market price.", "1989-10-26", "current", "PAST_REF", "DATE"),
    ("The then-current chairman resigned.", "1989-10-26", "current", "PAST_REF", "DATE"),
    ("Holders may buy shares at 50% of the current market price.", "1989-10-26", "current", "PRESENT_REF 1989-10-26..1989-10-26", "DATE"),
    # "Now," / "Now for" opening a sentence is a discourse marker; "now," inside one is the present
    ("Now, Ms. Conlin said, it will have new resources.", "1998-10-26", None, None, None),
    ("Iraq was ready to withdraw. Now, he says, it looks different.", "1991-02-25", "Now", None, "absent"),
    ("Now for today's geography quiz.", "1998-01-21", "today", "1998-01-21 1998-01-21..1998-01-21", "DATE"),
    ("The offer stands for now, officials said.", "1989-10-26", "now", "PRESENT_REF 1989-10-26..1989-10-26", "DATE"),
    ("Now the alliance's mission is less clear.", "1999-03-12", "Now", "PRESENT_REF 1999-03-12..1999-03-12", "DATE"),
    # "coming quarters" is FUTURE_REF like "coming months" (TimeBank 1 of 1)
    ("\"It doesn't bode well for coming quarters,\" an analyst said.", "1989-10-26", "coming quarters", "FUTURE_REF", "DATE"),
    ("Sales fell in the third quarter.", "1989-10-26", "the third quarter", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    # "the quarter-to-quarter comparison" is a compound adjective, no time; "the quarter" is
    ("Profit fell in the third quarter. The quarter-to-quarter comparison was hurt by charges.", "1989-10-26", "The quarter", None, "absent"),
    ("Profit fell in the third quarter. The quarter was terrible.", "1989-10-26", "The quarter", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    # "this (crucial) moment" is the present like "at the moment"; a moment is no time
    ("His majesty would not be traveling at this crucial moment.", "1990-08-15", "this crucial moment", "PRESENT_REF 1990-08-15..1990-08-15", "DATE"),
    ("He paused for a moment.", "1990-08-15", None, None, None),
    ("At that moment the lights went out.", "1990-08-15", None, None, None),
    # "in past years" (no article) is PAST_REF (TimeBank 1 of 1); "the past two years" a duration
    ("Of course, there were sell programs in past years, too.", "1989-10-30", "past years", "PAST_REF", "DATE"),
    ("Sales rose over the past two years.", "1989-10-30", "the past two years", "P2Y", "DURATION"),
    ("He drove past the station on his way home.", "1989-10-30", None, None, None),
    # "the quarter ended July 31" with no quarter in view: the calendar quarter of most of its
    # months (May-July: Q2); with a (fiscal) quarter in view, that quarter
    ("In the quarter ended July 31, Jayark had 5.6 million shares.", "1989-10-30", "the quarter", "1989-Q2 1989-04-01..1989-06-30", "DATE"),
    ("Coast had a loss for the quarter ended Sept. 30.", "1989-10-26", "the quarter", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    ("Sun reported a loss for its fiscal first quarter. Sales for the quarter ended Sept. 29 rose.", "1989-10-26",
     "the quarter", "1989-Q1 1989-07-01..1989-09-29", "DATE"),
    # a quarter (half, fiscal year) that ends on a stated day in other months than its number
    # names keeps its value (the fiscal count) but spans the months up to that day; a calendar
    # quarter ending in its own last month, or with no "ended", keeps its calendar months
    ("Apple said net for its fourth quarter ended June 30 rose.", "1989-10-26", "fourth quarter", "1989-Q4 1989-04-01..1989-06-30", "DATE"),
    ("Net for its fiscal second quarter, ending Aug. 27, rose.", "1989-10-26", "fiscal second quarter", "1989-Q2 1989-06-01..1989-08-27", "DATE"),
    ("Net for the first half ended Sept. 30 rose.", "1989-10-26", "the first half", "1989-H1 1989-04-01..1989-09-30", "DATE"),
    ("Profit for fiscal 1989 ended June 30 rose.", "1989-10-26", "fiscal 1989", "1989 1988-07-01..1989-06-30", "DATE"),
    ("Sales rose in the third quarter, the company said on Sept. 29.", "1989-10-26", "the third quarter", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    ("Net for the third quarter ended Sept. 30 rose.", "1989-10-26", "the third quarter", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    ("Net for the first half ended June 30 rose.", "1989-10-26", "the first half", "1989-H1 1989-01-01..1989-06-30", "DATE"),
    ("Profit for 1989 ended June 30 rose.", "1989-10-26", "1989", "1989 1989-01-01..1989-12-31", "DATE"),
    ("Profit fell in the quarter, the company said.", "1989-10-26", "the quarter", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    # an earlier quarter of the same year named as background ("After a flat second quarter")
    # does not displace the reported quarter for comparisons beyond its sentence; in its own
    # sentence it governs, and a quarter of another year always does
    ("Net rose in the third quarter from a year ago. After a flat second quarter, results improved. "
     "Charges were taken in the year-earlier period.", "1989-11-01", "the year-earlier period", "1988-Q3 1988-07-01..1988-09-30", "DATE"),
    ("Net rose in the third quarter. After a flat second quarter, margins widened. In the 1989 period, taxes fell.",
     "1989-11-01", "the 1989 period", "1989-Q3 1989-07-01..1989-09-30", "DATE"),
    ("Profit rose in the third quarter. In the second quarter, it had fallen 5% from a year earlier.",
     "1989-11-01", "a year earlier", "1988-Q2 1988-04-01..1988-06-30", "DATE"),
    ("It posted a loss in the first quarter. In the fourth quarter of last year, it earned more than a year earlier.",
     "1989-11-01", "a year earlier", "1987-Q4 1987-10-01..1987-12-31", "DATE"),
    ("Net rose in the third quarter. After a flat second quarter, margins widened. Results for that quarter included a charge.",
     "1989-11-01", "that quarter", "1989-Q2 1989-04-01..1989-06-30", "DATE"),
    # the second day of "April 24 and 25" is a date of its own (TimeBank tags it); not a count or rate
    ("The summit will be held on April 24 and 25.", "1999-02-10", "25", "1999-04-25 1999-04-25..1999-04-25", "DATE"),
    ("The talks on Dec. 3 or 4, officials said, will be brief.", "1998-11-20", "4", "1998-12-04 1998-12-04..1998-12-04", "DATE"),
    ("On May 3 and 4 in most states, polls open early.", "1999-02-10", "May 3", "1999-05-03 1999-05-03..1999-05-03", "DATE"),
    ("By April 24 and 25 people had died.", "1999-02-10", "25", None, "absent"),
    ("Rates rose on Oct. 5 and 6 percent was the peak.", "1998-11-20", "6", None, "absent"),
    ("It was held on April 24 and 23 others left.", "1999-02-10", "23", None, "absent"),
    # "on the Saturday": that weekday of the week of the last date named, not counted from the
    # publication day; told in the past it is not after the publication day; with no date named
    # it is a plain weekday; "the Saturday before / deadline / 's" are not this reading
    ("The storm hit on Thursday, Aug. 14, 2025. Two bands played on the Saturday.", "2025-09-05", "the Saturday",
     "2025-08-16 2025-08-16..2025-08-16", "DATE"),
    ("Voting starts on Thursday, Sept. 11. Results are due on the Sunday.", "2025-09-05", "the Sunday",
     "2025-09-14 2025-09-14..2025-09-14", "DATE"),
    ("The refunds were paid on Wednesday. Tide Pool, who played Fenmoor on the Saturday, return home.", "2025-09-05",
     "the Saturday", "2025-08-30 2025-08-30..2025-08-30", "DATE"),
    ("On the Sunday, they left.", "2025-09-05", "the Sunday", "2025-08-31 2025-08-31..2025-08-31", "DATE"),
    ("The talks opened on March 2, 2026. He arrived on the Saturday before the vote.", "2026-03-20", "the Saturday", None, "absent"),
    ("The talks opened on March 2, 2026. They met on the Saturday deadline day.", "2026-03-20", "the Saturday", None, "absent"),
    ("The talks opened on March 2, 2026. They met the Saturday after.", "2026-03-20", "the Saturday", None, "absent"),
    # a periodical named after its frequency is no SET: "the Communist Party daily Granma"
    ("The Communist Party daily Granma compared Elian with Che.", "2000-01-28", "daily", None, "absent"),
    ("The newspaper of Cuba's Communist Party, daily Gramma, published a letter.", "2000-02-10", "daily", None, "absent"),
    ("They held such rallies almost daily. Dividends are paid monthly.", "2000-01-07", "monthly", "P1M", "SET"),
    ("It is published daily in Havana.", "2000-01-07", "daily", "P1D", "SET"),
    # "the March of ..." (a march) after a quote is no month either; "in March of last year" is
    ("He was at the head of the ``March of the Combatant Mothers.''", "2000-01-15", "March", None, "absent"),
    ("He was elected in March of last year.", "2000-01-15", "March of last year", "1999-03 1999-03-01..1999-03-31", "DATE"),
    # generic "of tomorrow" (not "as of today") and a role in apposition (", formerly ...") are no times
    ("If I were choosing the people of tomorrow, I would have chosen them.", "1989-11-02", "tomorrow", None, "absent"),
    ("The new fee applies as of today.", "1989-11-02", "today", "1989-11-02 1989-11-02..1989-11-02", "DATE"),
    ("Also involved is Robert F. Angelo, formerly Phoenix's senior vice president.", "1989-10-27", "formerly", None, "absent"),
    ("The group was formerly known as Rally's.", "1989-10-27", "formerly", "PAST_REF", "DATE"),
    # a speed in a unit of measure is no SET; a frequency of events is
    ("Intel clocks the chip's speed at 15 million instructions per second.", "1989-10-27", "per second", None, "absent"),
    ("The car went 90 miles per hour.", "1989-10-27", "per hour", None, "absent"),
    ("Three trains per hour serve the airport.", "1989-10-27", "per hour", "PT1H", "SET"),
    # "a <unit>" right after a count of things is a rate (SET); after a verb it stays a length
    ("We are doing dozens if not hundreds of interviews a day, he said.", "1998-11-21", "a day", "P1D", "SET"),
    ("There are over fifty thousand CDs a year sold with such lyrics.", "1998-03-03", "a year", "P1Y", "SET"),
    ("The review takes a year.", "1998-03-03", "a year", "P1Y", "DURATION"),
    ("It has 13 plants, up from seven a year ago.", "1989-11-01", "a year ago", "1988 1988-01-01..1988-12-31", "DATE"),
    # a deadline in hours counts whole days from the anchor day: 48 hours = 2 days, 12 hours = today
    ("Rescuers expect to reach the men within 48 hours.", "2025-03-10", "48 hours", "PT48H deadline 2025-03-12", "DURATION"),
    ("Rescuers expect to reach the men within 12 hours.", "2025-03-10", "12 hours", "PT12H deadline 2025-03-10", "DURATION"),
]


def _find(timexes: list[Timex], text: str) -> Timex:
    hits = [t for t in timexes if t.text == text]
    assert hits, f"{text!r} not found in {[(t.text, t.value) for t in timexes]}"
    return hits[-1]


@pytest.mark.parametrize(("sentence", "anchor", "expr", "expect", "kind"), CASES, ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_convention(sentence: str, anchor: str, expr: str | None, expect: str | None, kind: str | None) -> None:
    if expr is None:                            # no time expression at all
        assert [t.text for t in tag(sentence, day(anchor))] == []
        return
    if kind == "absent":                        # no time expression with this text
        assert all(t.text != expr for t in tag(sentence, day(anchor)))
        return
    t = _find(tag(sentence, day(anchor)), expr)
    got = canonical(t) if " " in expect or t.first else t.value
    assert (got, t.type) == (expect, kind)
