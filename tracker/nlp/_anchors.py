"""Times given by another event of the same article ("anchored" times).

A forward-looking clause often takes its time from an event the article dates elsewhere:
"The Metro's red line extension will open at the same time" (as the terminal, "will open on
Sunday, March 29"), "expects Hollowmere to sell one million copies within 30 days of launch"
(the launch the article dates), "we will add a co-op mode before launch". A careful reader
resolves the anchor inside the article; so do we, from the mentions found so far (an earlier
clause naming the event with a time), and turn the phrase into a time of its own:

- same time ("at the same time", "together with the museum"): the anchor's time;
- before ("before launch", "before the season starts"): the anchor's day is the deadline's day
  after (deadline = the day before the anchor);
- a duration counted from it ("within 30 days of launch", "within 10 days of the vote"): the
  anchor's day plus the duration.

Every anchored time carries the rule suffix `mentions_anchored` and `anchor_note` tells what it
was anchored on. When the article gives no date for the anchor, a duration or "before" phrase
naming an event keeps the clause as a forward claim with no deadline (rule suffix
`mentions_anchor_unresolved`): the publication date is never guessed as the anchor.
Only clauses with a commitment or plan before the phrase are read (`cues.toml` `[anchored]` `cue`):
a past report ("60,000 people were playing at the same time") or a hedge has no anchored time.
The phrases and the event words that stand for one another are data (`cues.toml` `[anchored]`).
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from tracker.nlp._lexicon import load
from tracker.nlp._types import EventMention
from tracker.nlp._words import guess_form, verb_form
from tracker.nlp.sentences import Sentence
from tracker.nlp.temporal._types import Timex

ANCHORED = "mentions_anchored"
UNRESOLVED = "mentions_anchor_unresolved"
_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_OFFSET = re.compile(r"\b(?:minutes|hours|days|weeks|months|years|shortly|just|moments)\s*$", re.IGNORECASE)
_DETS = re.compile(r"^(?:the|its|their|his|her|our|a|an)\s+", re.IGNORECASE)


@cache
def _table() -> dict:
    return load("cues")["anchored"]


@cache
def _patterns(kind: str) -> tuple[re.Pattern[str], ...]:
    """Each phrase of a class as its own pattern (they share the group name `ref`)."""
    return tuple(re.compile(r"(?<![\w'])(?:" + p + r")(?![\w'])", re.IGNORECASE) for p in _table()[kind])


@cache
def _cue() -> re.Pattern[str]:
    """The commitment cues as one pattern (searched once per sentence that has an anchored phrase), with
    the obligations of `verbs.toml` `[anchor_more]` ("must submit its request within 60 days of the arrest")."""
    cues = list(_table()["cue"]) + list(_more().get("cue", ()))
    return re.compile(r"(?<![\w'])(?:" + "|".join(cues) + r")(?![\w'])", re.IGNORECASE)


@cache
def _more() -> dict:
    return load("verbs").get("anchor_more", {})


@cache
def _date_link() -> re.Pattern[str]:
    """What joins a counted duration to the date it counts from: 'within 14 days of Monday, Jan. 19'."""
    return re.compile(r"^\s+(?:" + "|".join(_more().get("date_link", ["of", "after", "following", "from"])) +
                      r")\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _deed() -> re.Pattern[str]:
    """A deed told after the anchor's noun: 'within 30 days of the order being lifted' (the participle)."""
    return re.compile(r"^\s+(?:" + "|".join(_more().get("deed_link", ["being"])) + r")\s+(?P<deed>[a-z]+(?:ed|en))\b",
                      re.IGNORECASE)


@cache
def _trigger() -> re.Pattern[str]:
    """Words every same-time or before phrase contains (`triggers`): a cheap first test per sentence."""
    return re.compile(r"\b(?:" + "|".join(_table()["triggers"]) + r")\b", re.IGNORECASE)


@cache
def _alike() -> dict[str, frozenset[str]]:
    """Event word -> the predicates that count as that event ('launch' -> release, launch, debut...)."""
    out: dict[str, set[str]] = {}
    for group in list(_table()["alike"]) + list(_more().get("alike", ())):
        for w in group:
            out.setdefault(w, set()).update(group)
    return {k: frozenset(v) for k, v in out.items()}


def is_unresolved(t: Timex | None) -> bool:
    """An anchored phrase whose anchor the article does not date: a forward claim with no deadline."""
    return t is not None and f"+{UNRESOLVED}" in t.rule


def anchor_note(t: Timex | None) -> str:
    """What an anchored time was anchored on ('' for any other time)."""
    if t is None or ANCHORED not in t.rule and UNRESOLVED not in t.rule:
        return ""
    return t.rule.split("@", 1)[1].split("+", 1)[0] if "@" in t.rule else ""


def without_anchor(m: EventMention, before: list[EventMention]) -> EventMention:
    """An anchored claim is not about its anchor: 'the red line extension will open at the same time'
    (as Terminal 3) names the terminal's opening only as a point in time, so the anchor's subject is
    no participant of it (unless it is the claim's own subject)."""
    if not m.anchor or m.timex is None:
        return m
    ref = next((b for b in reversed(before) if b.timex is not None and _note_of(b) in m.anchor), None)
    if ref is None or ref.subject == m.subject:
        return m
    return replace(m, participants=tuple(p for p in m.participants if p != ref.subject))


def _note_of(m: EventMention) -> str:
    return f"= {m.claim} ({(m.first or m.deadline).isoformat()})" if (m.first or m.deadline) else "\0"


def anchored_times(text: str, sent: Sentence, timexes: list[Timex], before: list[EventMention]) -> list[Timex]:
    """The sentence's times with anchored phrases read: a tagged duration followed by 'of/after
    <event>' is replaced, 'at the same time' / 'before <event>' phrases are added. `before` are the
    article's mentions so far (the anchors)."""
    if "same" not in _table():
        return timexes
    phrase = _trigger().search(sent.text)
    durations = any(t.type == "DURATION" for t in timexes)
    if phrase is None and not durations:
        return timexes                     # most sentences: no anchored phrase at all (checked once, cheaply)
    timexes = _from_date(text, timexes)
    cue = _cue().search(sent.text)
    if cue is None:
        return timexes
    head = sent.start + cue.start()
    out = [_from_duration(text, sent, t, before) if t.type == "DURATION" and t.start > head else t
           for t in timexes]
    for kind in ("same", "before") if phrase is not None else ():
        for m in (m for p in _patterns(kind) for m in p.finditer(sent.text)):
            a, b = sent.start + m.start(), sent.start + m.end()
            if a <= head or any(t.start < b + 5 and a < t.end for t in out) or _connective(sent.text, m.start()):
                continue                   # "before the convention on July 25": the phrase's own time wins
            if kind == "before" and (not _event_word(m.group("ref")) or _OFFSET.search(sent.text[:m.start()])):
                continue                   # "before the next ...": no event; "hours before the storm": an offset
            t = _phrase_time(kind, text[a:b], a, b, m.groupdict().get("ref") or "", before)
            if t is not None:
                out.append(t)
    return sorted(out, key=lambda t: t.start)


def _from_date(text: str, timexes: list[Timex]) -> list[Timex]:
    """'must file its response within 14 days of Monday, Jan. 19': a duration counted from a date the
    sentence names ends that many days after that date, not after the publication day; the date is
    only the anchor (no event of its own). Read in any clause: the count is arithmetic, not a plan."""
    out: list[Timex] = []
    skip: set[int] = set()
    for i, t in enumerate(timexes):
        if i in skip:
            continue
        d = _DURATION.match(t.value) if t.type == "DURATION" and t.deadline is not None else None
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if d is None or nxt is None or nxt.first is None or nxt.type not in ("DATE", "TIME") \
                or not _date_link().match(text[t.end:nxt.start]):
            out.append(t)
            continue
        deadline = _add(nxt.first, int(d.group(1)), d.group(2))
        out.append(replace(t, end=nxt.end, text=text[t.start:nxt.end], deadline=deadline,
                           rule=f"{t.rule}+{ANCHORED}@{nxt.text} ({nxt.first.isoformat()})"))
        skip.add(i + 1)
    return out


def _connective(text: str, at: int) -> bool:
    """'At the same time, ...' / ', at the same time,': a discourse connective (meanwhile), no time."""
    return not text[:at].strip() or text[:at].rstrip().endswith(",") and text[at:].split(",", 1)[0].count(" ") <= 4


def _from_duration(text: str, sent: Sentence, t: Timex, before: list[EventMention]) -> Timex:
    """'within 30 days of launch': the duration counted from the anchor's day."""
    m = next((m for p in _patterns("counted_from") if (m := p.match(text[t.end:sent.end]))), None)
    d = _DURATION.match(t.value)
    if m is None or d is None or t.deadline is None:
        return t                           # "for two weeks after the vote" is no deadline
    ref = m.group("ref")
    end = t.end + m.end()
    deed = _deed().match(text[end:sent.end])
    if deed is not None:                   # "of the order being lifted": the order's lifting
        end += deed.end()
        anchor = _resolve_deed(ref, deed.group("deed"), before)
    else:
        anchor = _resolve(ref, before, fallback=False)
    phrase = text[t.start:end]
    if anchor is None:
        if deed is None and not _event_word(ref, deeds=True):
            return t                       # "within 10 km of the city": no event, the tagger's reading stands
        return replace(t, end=end, text=phrase, first=None, last=None, deadline=None,
                       rule=f"{t.rule}+{UNRESOLVED}@{_clean(ref)}: no date in the article")
    day = anchor.first or anchor.deadline
    deadline = _add(day, int(d.group(1)), d.group(2))
    return replace(t, end=end, text=phrase, deadline=deadline,
                   rule=f"{t.rule}+{ANCHORED}@{_note(ref, anchor)}")


def _phrase_time(kind: str, phrase: str, a: int, b: int, ref: str, before: list[EventMention]) -> Timex | None:
    """A time for 'at the same time (as X)' / 'together with X' (kind 'same') or 'before X'."""
    anchor = _resolve(ref, before, fallback=kind == "same")
    if anchor is None:
        if kind == "before" and _event_word(ref):
            return Timex(a, b, phrase, "DATE", "FUTURE_REF", "BEFORE", None, None, None,
                         f"anchored_before+{UNRESOLVED}@{_clean(ref)}: no date in the article")
        return None
    tx = anchor.timex
    assert tx is not None
    note = _note(ref or "the event told before", anchor)
    if kind == "same":
        return Timex(a, b, phrase, "DATE", tx.value, tx.mod, anchor.first, anchor.last,
                     anchor.deadline if anchor.forward and tx.deadline else None, f"anchored_same+{ANCHORED}@{note}")
    day = anchor.first or anchor.deadline
    return Timex(a, b, phrase, "DATE", tx.value, "BEFORE", None, None, day - timedelta(days=1),
                 f"anchored_before+{ANCHORED}@{note}")


def _clean(ref: str) -> str:
    return _DETS.sub("", ref.strip()).lower()


def _note(ref: str, m: EventMention) -> str:
    when = (m.first or m.deadline).isoformat()
    return f"{_clean(ref)} = {m.claim} ({when})"


def _words(ref: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", _clean(ref)) if w not in ("other", "same", "new")]


def _event_word(ref: str, deeds: bool = False) -> bool:
    """The phrase names an event (an event noun or a word of `alike`), not a thing or a place ('the
    terminal'); with `deeds` (what a duration counts from) also a verb's base form used as a noun ('the
    arrest') or a nominalization ('the announcement')."""
    words = _words(ref)
    if not words:
        return False
    head = words[-1] if len(words) == 1 or words[-1] not in _table().get("event_verbs", []) else words[-2]
    nouns = load("verbs")["event_nouns"]
    return head in _alike() or head in nouns or head.rstrip("s") in nouns or deeds and (
        verb_form(head) == (head, "base") or head.endswith(tuple(_more().get("nominal_suffixes", ()))))


def _resolve_deed(ref: str, deed: str, before: list[EventMention]) -> EventMention | None:
    """The latest earlier dated report of a deed done to the thing `ref` names ('the order being lifted'):
    a mention of the deed's verb naming the thing, else any report (not a claim) whose sentence names the
    thing ('The evacuation order ... was downgraded to an alert on Tuesday'). None when the article
    dates no such deed: the claim then has no deadline."""
    words = _words(ref)
    if not words:
        return None
    said = re.compile(r"\b" + re.escape(words[-1]) + r"s?\b", re.IGNORECASE)
    vf = verb_form(deed.lower()) or guess_form(deed.lower())
    lemma = vf[0] if vf else deed.lower()
    dated = [m for m in before if m.timex is not None and (m.first or m.deadline) and not is_unresolved(m.timex)
             and said.search(m.sentence)]
    deeds = _alike().get(lemma, frozenset()) | {lemma}
    return next((m for m in reversed(dated) if m.predicate in deeds), None) \
        or next((m for m in reversed(dated) if not m.forward and m.modality == "occurred"), None)


def _resolve(ref: str, before: list[EventMention], fallback: bool) -> EventMention | None:
    """The latest earlier mention with a date that is the event `ref` names: one of its predicates
    (`alike`, event nouns) or a mention whose subject or claim holds the head word ('the terminal'
    -> 'Terminal 3 to open'); with `fallback`, else the article's first forward dated mention (its
    lead: 'will open at the same time' as what the story is about)."""
    dated = [m for m in before if m.timex is not None and (m.first or m.deadline) and not is_unresolved(m.timex)]
    words = _words(ref)
    if words:
        head = words[-1] if words[-1] not in _table().get("event_verbs", []) or len(words) == 1 else words[-2]
        nouns = load("verbs")["event_nouns"]
        preds = set(_alike().get(head, ())) | {nouns.get(head) or nouns.get(head.rstrip("s")) or head}
        said = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted({head} | preds)) + r")", re.IGNORECASE)
        places = [lambda m: m.predicate if m.predicate in preds else "", lambda m: f"{m.subject} {m.claim}"]
        if _event_word(ref):
            places.append(lambda m: m.sentence)       # an event word may be named only in the anchor's sentence
        for where in places:                          # its predicate, else its words, else its sentence's
            found = next((m for m in reversed(dated) if said.search(where(m))), None)
            if found is not None:
                return found
    if fallback:
        return next((m for m in dated if m.forward), None)
    return None


def _add(day: date, n: int, unit: str) -> date:
    """day + n days, weeks, months (calendar months, clamped to the month's end) or years."""
    if unit == "D":
        return day + timedelta(days=n)
    if unit == "W":
        return day + timedelta(weeks=n)
    months = n if unit == "M" else 12 * n
    y, mo = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, mo + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))
