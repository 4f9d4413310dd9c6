"""Table-driven checks of the direction an underspecified date takes (weekday, month or day
without a year, season) from the verb that governs it in real news sentences.

Each case: (sentence, article date, expected {expression text: value}); an expression listed
with None must not be tagged at all.
"""
from __future__ import annotations

import pytest

from tracker.nlp.temporal import tag

from _temporal_canon import canonical, day

CASES = [
    # modal future
    ("Elections will be held in the spring.", "2020-11-01", {"the spring": "2021-SP"}),
    ("Results should be available late Wednesday night.", "2010-01-01", {"late Wednesday night": "2010-01-06TNI"}),
    # "by <date>" after urge + to-infinitive
    ("Officials urged residents to evacuate by Tuesday night.", "2023-08-28", {"Tuesday night": "2023-08-29TNI"}),
    # "no earlier than" after a modal
    ("The next attempt would come no earlier than Friday.", "2024-05-06", {"no earlier than Friday": "2024-05-10"}),
    # a range of months under "will"
    ("The service will be launched between October and December.", "2021-01-15",
     {"between October and December": "2021-10 2021-10-01..2021-12-31"}),
    # rescheduled / postponed for a date
    ("The hearing was rescheduled for June 8.", "2024-03-01", {"June 8": "2024-06-08"}),
    # each date is governed by the verb of its own clause
    ("The law was signed on Feb. 12 and takes effect on July 1.", "2024-03-01",
     {"Feb. 12": "2024-02-12", "July 1": "2024-07-01"}),
    # vow + to-infinitive
    ("The rebels vowed to attack the city on Friday.", "2019-01-30", {"Friday": "2019-02-01"}),
    # a parenthetical relative clause is skipped when looking for the governing verb
    ("He will also receive Brazilian President Ricardo Alves, who is on a state visit to China, on Friday evening.",
     "2025-04-24", {"Friday evening": "2025-04-25TEV"}),
    # "one-day international" is a match, not a duration
    ("New Zealand will host England in the third and deciding one-day international at Eden Park on Saturday.",
     "2025-02-11", {"Saturday": "2025-02-15", "one-day": None}),
    # present simple of a scheduled act looks ahead
    ("It goes on sale on Sept. 20.", "2019-02-10", {"Sept. 20": "2019-09-20"}),
    # more of the same causes
    ("The vote was postponed until Friday.", "2024-05-06", {"Friday": "2024-05-10"}),
    ("Officials plan to reopen the bridge on Tuesday.", "2024-05-08", {"Tuesday": "2024-05-14"}),
    ("The company is to report results on Tuesday.", "2024-05-08", {"Tuesday": "2024-05-14"}),
    ("Elections would be held in March.", "2020-11-01", {"March": "2021-03"}),
    ("The ceasefire takes effect at midnight Friday.", "2024-05-08", {"midnight Friday": "2024-05-10T24:00"}),
    ("The law, which was passed in March, takes effect on July 1.", "2024-05-08",
     {"March": "2024-03", "July 1": "2024-07-01"}),
    ("Netanyahu and Arafat meet separately Monday with the envoy.", "1998-05-01", {"Monday": "1998-05-04"}),
    ("Collins will be named commander of the Space Shuttle Columbia for a mission in December.", "1998-03-04",
     {"December": "1998-12"}),
    ("The stock split, which is subject to holder approval, would be paid on a still unspecified date in January.",
     "1989-10-26", {"January": "1990-01"}),
    ("On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news conference.",
     "1998-10-26", {"Tuesday": "1998-10-27"}),
    # guards: past readings stay past
    ("He could not attend the meeting on Friday.", "2024-05-08", {"Friday": "2024-05-03"}),
    ("The decision comes after talks on Monday between the two sides.", "2024-05-08", {"Monday": "2024-05-06"}),
    ("The move comes a day after the company reported losses on Tuesday.", "2024-05-08", {"Tuesday": "2024-05-07"}),
    ("The index is within 70 points of its record high set on Aug. 6.", "1998-02-06", {"Aug. 6": "1997-08-06"}),
    ("On Friday, the Kenyan government said the talks had failed.", "1998-09-30", {"Friday": "1998-09-25"}),
    ("Until Thursday, they had not called him a suspect.", "1999-05-07", {"Thursday": "1999-05-06"}),
    ("It was hard for Sun to meet demand for its newest computers well into the summer.", "1989-10-26",
     {"the summer": "1989-SU"}),
    ("The president, who will travel to Paris, met the envoy on Tuesday.", "2024-05-08", {"Tuesday": "2024-05-07"}),
    ("He could not be reached for comment Friday.", "2024-05-08", {"Friday": "2024-05-03"}),
    ("Police said residents left by Tuesday.", "2024-05-08", {"Tuesday": "2024-05-07"}),
    ("The match was played in the spring.", "2020-11-01", {"the spring": "2020-SP"}),
    ("Nobody could be located Wednesday in their hometown.", "2000-01-06", {"Wednesday": "2000-01-05"}),
    ("But on April 8, investigators, wondering how he could hide, searched the woods.", "1999-05-05",
     {"April 8": "1999-04-08"}),
    ("The minister said on Friday that talks had failed.", "2019-01-30", {"Friday": "2019-01-25"}),
    ("The law was signed on Feb. 12.", "2024-03-01", {"Feb. 12": "2024-02-12"}),
    ("The two leaders met on Tuesday in Paris.", "2023-08-31", {"Tuesday": "2023-08-29"}),
    ("Sales fell sharply in May, the company said.", "2019-09-15", {"May": "2019-05"}),
    ("The talks, who knows why, collapsed on Friday.", "2019-01-30", {"Friday": "2019-01-25"}),
    # session 3: more present-simple verbs of a scheduled act look ahead (not after a determiner)
    ("The bridge reopens on Friday.", "2024-05-15", {"Friday": "2024-05-17"}),
    ("The rocket, which had been due to launch on Tuesday, now lifts off on Saturday.", "2024-05-15",
     {"Tuesday": "2024-05-14", "Saturday": "2024-05-18"}),
    ("England host Australia in the third test on Saturday.", "2024-05-15", {"Saturday": "2024-05-18"}),
    ("He leaves office in January.", "2024-05-15", {"January": "2025-01"}),
    ("The bridge was reopened on Friday.", "2024-05-15", {"Friday": "2024-05-10"}),
    ("The votes on Friday showed strong support.", "2024-05-15", {"Friday": "2024-05-10"}),
    ("Officials said the host city was chosen on Friday.", "2024-05-15", {"Friday": "2024-05-10"}),
    ("The new timetable applies from Monday.", "2024-05-15", {"Monday": "2024-05-20"}),
    ("Voters go to the polls on Sunday.", "2024-05-15", {"Sunday": "2024-05-19"}),
    ("The talks resume in Geneva on Monday.", "2024-05-15", {"Monday": "2024-05-20"}),
    ("The court sits again on Monday.", "2024-05-15", {"Monday": "2024-05-20"}),
    ("Voters went to the polls on Sunday.", "2024-05-15", {"Sunday": "2024-05-12"}),
    ("They did not go on Sunday.", "2024-05-15", {"Sunday": "2024-05-12"}),
    ("He wanted to go on Sunday.", "2024-05-15", {"Sunday": "2024-05-12"}),
    # a sentence-initial date read onward: a plan verb in the past is the act of planning, then
    ("On Friday, the Kenyan government planned a national day of mourning.", "1998-09-30", {"Friday": "1998-09-25"}),
    ("On Tuesday, the League plans to hold a rally.", "1998-01-21", {"Tuesday": "1998-01-27"}),
    ("On Friday, officials are expected to announce the results.", "2024-05-15", {"Friday": "2024-05-17"}),
    # "until" after a past verb of lasting: the span is over; after a postponement or an order, ahead
    ("The exhibition ran until Sunday.", "2024-05-15", {"Sunday": "2024-05-12"}),
    ("Talks continued until late Friday.", "2024-05-15", {"late Friday": "2024-05-10"}),
    ("The court ordered the shops closed until Friday.", "2024-05-15", {"Friday": "2024-05-17"}),
    ("The vote was postponed until Friday.", "2024-05-15", {"Friday": "2024-05-17"}),
    ("The festival runs until Sunday.", "2024-05-15", {"Sunday": "2024-05-19"}),
    # a date inside a relative clause whose commas are a list's: the clause's own verb governs
    ("He succeeds James A. Taylor, who stepped down as chairman, president and chief executive in March for health reasons.",
     "1989-11-02", {"March": "1989-03"}),
    ("He succeeds Taylor, who will step down as chairman, president and chief executive in March.",
     "1989-11-02", {"March": "1990-03"}),
    ("The president, who is on a state visit to China, will meet the premier on Friday.", "2024-05-15", {"Friday": "2024-05-17"}),
    # a plan told in the past perfect: the nearer such day, on either side
    ("The government ordered binding arbitration, blocking a strike that had been set for Monday.", "2025-08-22",
     {"Monday": "2025-08-25"}),
    ("The offer previously had been scheduled to expire at midnight Friday.", "1989-10-30",
     {"midnight Friday": "1989-10-27T24:00"}),
    ("The talks had been scheduled for Thursday.", "2024-05-15", {"Thursday": "2024-05-16"}),
    ("The talks had been scheduled for Monday.", "2024-05-15", {"Monday": "2024-05-13"}),
    # an -ed word after the relative "that" is a verb, not an adjective; "going" is future only in "going to"
    ("Kirana Capital, the smaller lender that listed on Oct. 14 after going ahead with its offering, rose.", "2025-11-25",
     {"Oct. 14": "2025-10-14"}),
    ("The firm is going to list on Oct. 14.", "2025-09-25", {"Oct. 14": "2025-10-14"}),
    ("The lender is going to list its shares in March.", "2025-09-25", {"March": "2026-03"}),
    ("The split would be paid on a still unspecified date in January.", "1989-10-26", {"January": "1990-01"}),
    # "expected to / due to / set to" further back in the clause looks ahead, and beats a
    # reporting verb after the comma; a past verb on the way back still stops it
    ("Delphine strengthened on Tuesday and is expected to make landfall between Port Aransas and Baffin Bay on Thursday, "
     "the National Hurricane Center said.", "2025-08-26", {"Tuesday": "2025-08-26", "Thursday": "2025-08-28"}),
    ("The storm made landfall between Port Aransas and Baffin Bay near the coast on Thursday, the center said.",
     "2025-08-30", {"Thursday": "2025-08-28"}),
    ("The ship is due to sail from the port of Corpus Christi with its cargo on Thursday, the company said.",
     "2025-08-26", {"Thursday": "2025-08-28"}),
    # a plan noun right after the date is a compound ("Sunday target"), no cue; a plan verb is one
    ("Gulf Coast Electric misses Sunday target; 11,000 still in the dark", "2025-09-08", {"Sunday": "2025-09-07"}),
    ("The agency set a Friday deadline for bids.", "2025-09-08", {"Friday": "2025-09-05"}),
    ("The utility on Sunday plans to restore power.", "2025-09-10", {"Sunday": "2025-09-14"}),
    # a part of day without its day falls on the day last named, but a past one not on a coming day
    ("The port will reopen on Saturday. No deaths had been confirmed by late evening.", "2025-08-28",
     {"late evening": "2025-08-28TEV"}),
    ("The port will reopen on Saturday. Crews will finish by late evening.", "2025-08-28",
     {"late evening": "2025-08-30TEV"}),
    ("Fighting resumed on March 6. By mid afternoon, the army had withdrawn.", "1998-03-08",
     {"mid afternoon": "1998-03-06TAF"}),
    # a forecast or warning "for <date>" is about the coming one, whatever the verb that issued it
    ("The Met Office issued a yellow wind warning for Norfolk for Sunday as Storm Keira moves in.", "2025-08-14",
     {"Sunday": "2025-08-17"}),
    ("The agency issued its forecast for March on Tuesday.", "2025-08-14", {"March": "2026-03", "Tuesday": "2025-08-12"}),
    ("The Met Office lifted the warning on Sunday.", "2025-08-14", {"Sunday": "2025-08-10"}),
    ("He paid for Sunday's lunch.", "2025-08-14", {"Sunday": "2025-08-10"}),
    # a possessive weekday that is called off or postponed: the nearer one (tomorrow's in a
    # Saturday paper, yesterday's in a Monday paper); "called" alone is no such verb
    ("Organisers have called off Sunday's programme because of the storm.", "2025-08-16", {"Sunday": "2025-08-17"}),
    ("Organisers cancelled Sunday's programme because of the storm.", "2025-08-18", {"Sunday": "2025-08-17"}),
    ("He called Sunday's vote a disgrace.", "2025-08-15", {"Sunday": "2025-08-10"}),
    # "the year / quarter / six months to <date>" is a period's end, not a move ahead: the tense decides
    ("Pramaan processed payments worth 2.1 trillion rupees in the year to March and lost 96 crore rupees.", "2025-07-30",
     {"March": "2025-03", "the year": "P1Y"}),
    ("Alvor reported a record net profit for the year to June 30, the club said.", "2025-11-12", {"June 30": "2025-06-30"}),
    ("The meeting was moved to March.", "2025-07-30", {"March": "2026-03"}),
    # a present "is / are" right before the date: the coming one
    ("The company said the deadline for bids is Monday.", "2024-05-15", {"Monday": "2024-05-20"}),
    ("The vote is on Sunday.", "2024-05-15", {"Sunday": "2024-05-19"}),
    ("The meeting is in March.", "2024-05-15", {"March": "2025-03"}),
    ("The deadline was Monday.", "2024-05-15", {"Monday": "2024-05-13"}),
    ("Its share price is 40 on Monday.", "2024-05-15", {"Monday": "2024-05-13"}),
    ("The company is in talks since March.", "2024-05-15", {"March": "2024-03"}),
    # no cue near: the nearest verb further back in the date's own clause governs
    ("He said the company's performance was hampered by problems tied to the introduction of a major new "
     "family of computers in April.", "1989-10-26", {"April": "1989-04"}),
    ("The funeral home operator changed from a fiscal year to a calendar year in December.", "1989-10-27",
     {"December": "1988-12"}),
    ("Dealers placed heavy buy orders in the morning to start the first trading day for November transactions.",
     "1989-10-30", {"November": "1989-11"}),
    ("Milton Roy said it was approached by Thermo Electron, which agreed to purchase its liquid-chromatography "
     "line for $22 million in February.", "1989-10-30", {"February": "1990-02"}),
    ("He had been talking about the slated visit of the Commerce Secretary to Nairobi in September.", "1998-08-26",
     {"September": "1998-09"}),
    # negative: "next to" is a place, a signal right before the date decides, a comma ends the clause
    ("More than 100 people were killed in the blasts next to the U.S. embassies in Kenya and Tanzania on Friday.",
     "1998-08-08", {"Friday": "1998-08-07"}),
    ("A group of lenders has extended the company up to $90 million in revolving loans through January.",
     "1989-10-30", {"January": "1990-01"}),
    ("Shares of the company rose sharply on the news yesterday, with a brand new family of computers in April.",
     "1989-10-26", {"April": "1990-04"}),
    # a fronted date reads on to the main clause's verb; abbreviations do not end the sentence
    ("In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision, a clinic bombing "
     "in Birmingham, Ala., killed a police officer.", "1998-10-25", {"January": "1998-01"}),
    ("In January, a week after the anniversary of the Roe vs. Wade decision, the clinic will reopen.",
     "1998-10-25", {"January": "1999-01"}),
    # a plan for the date called off or moved, told right after it: the nearer such day; one held: past
    ("A memorial service planned at the University of Rochester for Saturday was canceled after security concerns.",
     "1999-10-24", {"Saturday": "1999-10-23"}),
    ("The match on Saturday has been called off.", "1999-10-21", {"Saturday": "1999-10-23"}),
    ("The meeting scheduled for Friday was moved to Monday.", "1999-10-24", {"Friday": "1999-10-22"}),
    ("The vote planned for Friday was held.", "1999-10-24", {"Friday": "1999-10-22"}),
    ("The vote planned for Friday was expected to pass.", "1999-10-24", {"Friday": "1999-10-29"}),
    # a reporting verb in a modal passive is future like any participle: "will be added / announced"
    ("A Japanese dub will be added in a free update in the spring, the publisher said.", "2025-12-05",
     {"the spring": "2026-SP"}),
    ("He added on Friday that the talks had failed.", "2025-12-06", {"Friday": "2025-12-05"}),
    # the verb of an if / unless / because clause after the date is not the date's: "would" governs
    ("The CFMEU said its members would walk off the job at the mine on Monday if the company did not agree "
     "to an independent audit.", "2025-03-14", {"Monday": "2025-03-17"}),
    ("The workers walked off the job on Monday because the company had not agreed.", "2025-03-14",
     {"Monday": "2025-03-10"}),
    ("On Monday, if talks fail, the workers will walk out.", "2025-03-14", {"Monday": "2025-03-17"}),
    # "plans for" is the noun: no cue ("set aside vacation plans for the trip" on Friday was last Friday)
    ("On Friday, when Albright set aside vacation plans for the hastily planned trip to East Africa, the State "
     "Department lifted a travel ban.", "1998-08-17", {"Friday": "1998-08-14"}),
]


def value_of(expected: dict[str, str | None], text: str) -> str:
    """The expected form of `text`: a bare value, or the canonical `value first..last` form."""
    return expected.get(text) or ""


@pytest.mark.parametrize("text,dct,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_direction(text: str, dct: str, expected: dict[str, str | None]) -> None:
    got = {t.text: t.value if " " not in value_of(expected, t.text) else canonical(t) for t in tag(text, day(dct))}
    for expr, value in expected.items():
        if value is None:
            assert expr not in got, f"{expr!r} should not be a timex: {got}"
        else:
            assert got.get(expr) == value, f"{expr!r}: {got}"
