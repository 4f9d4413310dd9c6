"""Session 6 table rows: readings of the temporal tagger added in this round.

Each case: (sentence, article date, expected {expression text: value}); a value with a space is
compared with the canonical `value [mod] first..last deadline D` form; None = must not be tagged.
Sentences are made up for these tests.
"""
from __future__ import annotations

import pytest

from tracker.nlp.temporal import tag

from _temporal_canon import canonical, day

CASES = [
    # a deadline after a future verb keeps its direction across a participle clause after it
    ("The city will add 40 buses by the end of June, paid for with a provincial grant.", "2026-03-10",
     {"the end of June": "2026-06 [END] 2026-06-21..2026-06-30 deadline 2026-06-30"}),
    ("The city will add 40 new electric buses to its fleet by the end of June, paid for with a provincial grant.",
     "2026-03-10", {"the end of June": "2026-06 [END] 2026-06-21..2026-06-30 deadline 2026-06-30"}),
    ("The ferry line will move its two older boats to the harbour route in September, funded by the port.",
     "2026-04-02", {"September": "2026-09"}),
    # an intention or "is to" further back in the clause governs like "will"
    ("The city is to add 40 buses to its fleet by the end of June, paid for with a provincial grant.", "2026-03-10",
     {"the end of June": "2026-06 [END] 2026-06-21..2026-06-30 deadline 2026-06-30"}),
    ("The county plans to open two new clinics in the eastern suburbs in May, backed by a federal loan.",
     "2026-03-10", {"May": "2026-05"}),
    ("The city said it would add 40 new electric buses to its fleet by the end of June, paid for with a grant.",
     "2026-03-10", {"the end of June": "2026-06 [END] 2026-06-21..2026-06-30 deadline 2026-06-30"}),
    # a reporting verb with an object is a plain past verb: "added 40 buses" is no speech
    ("The city added 40 buses in June.", "2026-03-10", {"June": "2025-06"}),
    ("The operator added a late train on the coastal line in July.", "2026-04-02", {"July": "2025-07"}),
    ("The line will reopen in June, he added.", "2026-03-10", {"June": "2026-06"}),
    # guard: a plan told in the past is no such cue ("planned to" may have failed)
    ("The city planned to add 40 electric buses to its aging fleet in January, but the order was late.",
     "2026-03-10", {"January": "2026-01"}),
    # ... and across a participle clause in commas before the date (a reduced relative clause)
    ("The city will add 40 buses, paid for with a provincial grant, by the end of June.", "2026-03-10",
     {"the end of June": "2026-06 [END] 2026-06-21..2026-06-30 deadline 2026-06-30"}),
    ("The new library, built with money left by a local teacher, will open in October.", "2026-05-20",
     {"October": "2026-10"}),
    ("The merger, announced on Tuesday, will close in June.", "2026-03-12",
     {"Tuesday": "2026-03-10", "June": "2026-06"}),
    # guards: a past main verb stays past; the participle clause is skipped, not reversed
    ("The plant, closed after the flood, reopened in February.", "2026-05-20", {"February": "2026-02"}),
    ("The museum, damaged in the storm, shut its doors for good in November, its owner said.", "2026-05-20",
     {"November": "2025-11"}),
    # the clause's own past verb still governs when no modal is in the clause
    ("The council opened two new routes to the university campus in January, financed by a bond.", "2026-05-20",
     {"January": "2026-01"}),
    # a plan noun after a determiner is no cue after the date either
    ("The council put the last of its 12 new ferries into service on July 14, two weeks behind the schedule.",
     "2026-09-15", {"July 14": "2026-07-14"}),
    # "on track / course for <date>": a target ahead
    ("The regulator said the software patch remained on track for May.", "2026-04-16", {"May": "2026-05"}),
    # an -ed word after a preposition or between a number and a noun is an adjective; after a
    # present "is / are" a present passive: no past cue
    ("The chain will refund shoppers for spoiled milk by the end of April.", "2026-03-20",
     {"the end of April": "2026-04 [END] 2026-04-21..2026-04-30 deadline 2026-04-30"}),
    ("The album is still listed for release in late October.", "2026-07-12",
     {"late October": "2026-10 [END] 2026-10-21..2026-10-31 deadline 2026-10-31"}),
    ("At least 60 died and 40 injured in the blast on Friday.", "2026-07-12", {"Friday": "2026-07-10"}),   # guard
    # "have X done": the participle has no tense, the plan before it governs
    ("The carmaker aims to have the fix installed on all 9,000 affected cars by the end of September.",
     "2026-06-20", {"the end of September": "2026-09 [END] 2026-09-21..2026-09-30 deadline 2026-09-30"}),
    ("They had the roof repaired on the old school in March.", "2026-06-20", {"March": "2026-03"}),   # guard
    # a permit or booking "for <date>" is for a time after it was given
    ("The council granted the fair its licence for August on Tuesday.", "2026-06-04",
     {"August": "2026-08", "Tuesday": "2026-06-02"}),
    # a relative clause after a comma describes a noun: its verb is not the date's
    ("The totals leave out the sale of the club's stadium in July for 40 million euros, which will be booked "
     "next year.", "2026-11-12", {"July": "2026-07"}),
    # a plan told in the past perfect takes the nearer such date ("had promised to ... by")
    ("The ferry company had promised to move all of its sailings by the end of April.",
     "2026-05-05", {"the end of April": "2026-04 [END] 2026-04-21..2026-04-30 deadline 2026-04-30"}),
    # a quarter in apposition to a year-ago comparison is that same period, and so is the day
    # that ends it: the ordinal gives the number, the comparison the year
    ("Net rose 20% in the third quarter. In the year-earlier quarter, the first quarter ended Aug. 31, the "
     "retailer lost $2 million. Results for that quarter included a charge.", "2025-11-03",
     {"the third quarter": "2025-Q3", "the year-earlier quarter": "2024-Q1", "the first quarter": "2024-Q1",
      "Aug. 31": "2024-08-31", "that quarter": "2024-Q1"}),
    ("Profit rose in the third quarter. A year earlier, the second quarter, the mill had a loss.", "2025-11-03",
     {"A year earlier": "2024-Q2", "the second quarter": "2024-Q2"}),
    # guards: no apposition (a verb between), and a fiscal quarter's own end day keeps the tense's year
    ("In the year-earlier quarter the company said the second quarter would be better.", "2025-11-03",
     {"the year-earlier quarter": "2024-Q3"}),
    ("The chain said profit for its fourth quarter ended Jan. 31 rose 8%.", "2025-03-05",
     {"Jan. 31": "2025-01-31"}),
    # a reporting verb after the comma still yields to the clause's own modal (as before)
    ("The storm is expected to reach the northern coast of the island on Thursday, forecasters said.",
     "2026-08-10", {"Thursday": "2026-08-13"}),
]


def _form(expected: dict[str, str | None], text: str) -> str:
    return expected.get(text) or ""


@pytest.mark.parametrize("text,dct,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_s6_reading(text: str, dct: str, expected: dict[str, str | None]) -> None:
    got = {t.text: t.value if " " not in _form(expected, t.text) else canonical(t) for t in tag(text, day(dct))}
    for expr, value in expected.items():
        if value is None:
            assert expr not in got, f"{expr!r} should not be a timex: {got}"
        else:
            assert got.get(expr) == value, f"{expr!r}: {got}"
