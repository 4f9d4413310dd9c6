"""The values the temporal tagger returns.

A `Timex` is one time expression found in a text, normalized TIMEX3-style and, for dates,
resolved to the calendar interval [first, last] (inclusive days) that the timeline and the
follow-ups work with. Deadline phrases ("within the year", "by the end of March") also carry
the day by which the thing should have happened.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Timex:
    start: int                      # Python string index into the text as given
    end: int                        # exclusive
    text: str                       # == text[start:end]
    type: TimexType
    value: str                      # TIMEX3 value: "2018-10-23", "2018-10", "2018-W42", "P3D", "PRESENT_REF"...
    mod: str | None = None          # START, MID, END, BEFORE, AFTER, APPROX, ...
    first: date | None = None       # DATE/TIME: first calendar day of the interval
    last: date | None = None        # DATE/TIME: last calendar day (inclusive)
    deadline: date | None = None    # deadline phrases only: the last day the thing may happen
    rule: str = ""                  # id of the rule that produced it (for explanations and debugging)
