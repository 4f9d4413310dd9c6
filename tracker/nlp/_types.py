"""What the nlp layer hands to the timeline: event mentions, plain data, no database.

`find_mentions(text, dct)` returns one `EventMention` per clause that ties something happening
to a time. The resolver folds mentions into timeline events; forward-looking ones (`forward`)
become follow-ups, and later mentions with the same subject and predicate settle them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.nlp.temporal._types import Timex

MODALITIES = ("occurred", "ongoing", "scheduled", "expected", "conditional", "postponed", "cancelled", "denied")


@dataclass(frozen=True, slots=True)
class EventMention:
    sentence_index: int            # index of the sentence in the article
    sentence: str                  # the whole sentence, as in the text
    start: int                     # offsets of the sentence in the article text
    end: int
    timex: Timex | None            # the time expression it is tied to (None: postponed/cancelled with no date)
    predicate: str                 # normalized head word: "launch", "visit", "meet", "report"...
    participants: tuple[str, ...]  # canonical names: "Japan", "China", "Shinzo Abe", "James Webb Space Telescope"
    subject: str                   # the main participant or topic the claim is about
    modality: str                  # one of MODALITIES
    claim: str                     # a short readable clause: "Abe to arrive in Beijing"
    forward: bool                  # forward-looking: a follow-up candidate
    deadline: date | None = None   # for forward mentions: the tagger's deadline, else the timex's last day
    first: date | None = None      # calendar interval of the time (from the timex)
    last: date | None = None
    anchor: str = ""               # a time taken from another event of the article: what it was anchored on
