"""Properties that hold for any text: never raises, offsets slice, TIMEX3-shaped values,
intervals not inverted, deterministic; and linear time on adversarial 1 MB inputs."""
from __future__ import annotations

import re
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.nlp.temporal import tag

# TIMEX3 values we produce: dates down to days/weeks/quarters/halves/seasons, decades and
# centuries, times of day, durations, sets and the three references.
TIMEX3_VALUE = re.compile(r"""^(?:
    \d{2,4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?
  | P(?:T?(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|S|Q|DE|CE|WE))
  | PX[EC]                                                  # decades, centuries (TimeBank's E, C)
  | P(?=[\dT])(?:\d+(?:Y|M|W|D))*(?:T(?:\d+(?:\.\d+)?[HMS])+)?      # "2 1/2 years": P2Y6M, PT1M30S
  | XXXX(?:-WXX-[1-7](?:T(?:MO|AF|EV|NI))?|-\d{2})?
  | PAST_REF|PRESENT_REF|FUTURE_REF
)$""", re.X)
MODS = {None, "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "ON_OR_AFTER", "EQUAL_OR_LESS"}
WORDS = ["Monday", "May", "next", "last", "week", "the", "1998", "Oct.", "23", "within", "year", "by", "ago",
         "two", "days", "early", "late", "in", "said", "will", "quarter", "third", "now", "-", ",", "to", "'90s",
         "from", "between", "and", "Christmas", "7:20", "a.m.", "every", "İ", "\u0000", "\n"]
ANCHORS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))


def _check(text: str, anchor: date) -> None:
    found = tag(text, anchor)
    assert [t.start for t in found] == sorted(t.start for t in found)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert TIMEX3_VALUE.match(t.value), t.value
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.mod in MODS, t.mod
        if t.first or t.last:
            assert t.first and t.last and t.first <= t.last
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    assert tag(text, anchor) == found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, ANCHORS)
def test_any_text_any_anchor(text: str, anchor: date) -> None:
    _check(text, anchor)


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\x02", "İİİ Monday", "日本 2018年10月23日", "May " * 5])
def test_odd_inputs(text: str) -> None:
    _check(text, date(2018, 9, 23))


ADVERSARIAL = {
    "digits": "1" * 1_000_000,
    "digit_words": "1 " * 500_000,
    "months": "May " * 250_000,
    "weekdays": "Monday, " * 125_000,
    "the_next": "the next " * 111_111,
    "hyphens": "three-" * 166_666,
    "spaces": "Oct." + " " * 1_000_000 + "23",
    "numbers": "twenty four " * 83_333,
    "mixed": "by the end of the last twenty four hours of next spring 1998 " * 16_000,
    "noise": "".join(chr(32 + (i * 7919) % 95) for i in range(1_000_000)),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_megabyte_is_fast(name: str) -> None:
    """Catastrophic backtracking would take minutes to hours of CPU on these; linear scanning
    takes at most about 2 s of CPU on a quiet machine ("May " x 250,000: a quarter of a million
    real expressions, resolved once per distinct context thanks to the per-text caches).

    The bound is on this process's CPU time, not wall time: on a loaded CI machine (the whole
    suite on 2 cores, other jobs running) wall time stretches with the load, CPU time hardly
    does. It is still 10x the quiet-machine figure, for slow CI CPUs and coverage tracing."""
    text = ADVERSARIAL[name]
    started = time.process_time()
    tag(text, date(2018, 9, 23))
    assert time.process_time() - started < 25.0


SENTENCES = st.lists(st.sampled_from(WORDS + ["He", "said", "was", "moved", "had", "been", "scheduled", ".", "as",
                                               "soon", "from", "before", "expected", "Sept.", "14"]), max_size=80).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SENTENCES, st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=12))
def test_tense_cache_reads_the_same_as_the_full_text(text: str, at: int, width: int) -> None:
    """The per-text tense cache keys on a window of the text; reading the window must give what
    reading the whole text gives, wherever the expression is."""
    from tracker.nlp.temporal._engine import _Memo, _signal, compiled
    from tracker.nlp.temporal._resolve import SIGNAL_AHEAD
    from tracker.nlp.temporal._tense import direction

    text = text * 3
    start = at % max(1, len(text))
    end = min(len(text), start + width)
    c = compiled()
    full = direction(text, start, end)
    if full == 0 and _signal(c, text, start, "DATE")[0]:
        full = SIGNAL_AHEAD
    assert _Memo().direction(c, text, start, end) == full
