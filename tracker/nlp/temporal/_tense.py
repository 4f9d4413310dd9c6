"""Which way a bare "Sunday" or "in May" points: the tense of the words around it.

A light heuristic, not a parser: within the expression's sentence, the nearest tense cue before
it (up to 8 words back) decides, else the nearest after it (up to 6 words on). Future cues are
modals and plans (will, would, to be, expected, scheduled, next...); past cues are said/was/ago,
irregular past forms and regular ones (-ed). Right before the date, "to"/"until" and "as soon
as"/"as early as" point ahead ("moved to Friday"), except "from X to <date>" (a range), "in
contrast / compared to <date>" (a comparison) and "to" before a possessive date ("a revision to
December's figures": "to" governs the noun); a plan word after "had"/"previously" is a past
plan ("had been scheduled to expire Friday"); "plan", "schedule", "target", "aim" after a
determiner are nouns, no cue ("announced the plan Aug. 21"); "set" is a plan only after a form
of "be" or before "to"/"for" ("is set to resume Monday"), not in "and set Friday as the
deadline" or "set aside". Numbers count as words. Returns -1 (past), -2 (a past reporting verb:
"said"), +1 (future) or 0 (no cue).

The cue stands for the governing verb of the expression, the nearest finite verb of its own
clause: a parenthetical ", who/which ... ," is skipped; a past participle after a modal and
"be" is future ("will be held in the spring"); "should/could/might" before the date look
ahead; a verb of intention + "to <verb>" puts the infinitive ahead ("vowed to attack the city
on Friday"); "rescheduled for", "no earlier than" look ahead; the present simple of a
scheduled act ("takes effect on July 1", "goes on sale Sept. 20") looks ahead; with no cue
near, a "will" further back in the same clause governs, and else the nearest past or plan verb
further back in the clause ("was hampered by problems tied to ... computers in April"), and
when that clause is a participial phrase after a comma (", rising to a high ... in March"), the
clause it hangs on; a fronted "In January, ..." reads on to its main verb; a plan called off or moved right after the
date ("planned for Saturday was canceled") takes the nearer such day. Table tests:
tests/temporal/test_direction.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

_FUTURE = frozenset("""will 'll ’ll shall going expected expects expect plan plans planned
planning scheduled schedule schedules set due aims aim intends intend intended
targeting targeted target targets slated upcoming coming tentatively next
must proposed proposes propose seeks seek preparing prepare arranging arrange would supposed""".split())
# modals that look ahead only when they come before the expression ("should be available late
# Wednesday"), not after it ("on April 8, investigators, wondering how he could ...")
_MODAL_BEFORE = frozenset("should could might".split())
# present simple of a scheduled act looks ahead: "takes effect on July 1", "goes on sale Sept. 20",
# "the bridge reopens on Friday", "England host Australia on Saturday" (not after a determiner:
# "the votes on Friday" is a noun)
_SCHEDULED = frozenset("""takes goes comes begins starts opens closes ends expires arrives departs
resumes kicks meet meets reopens restarts relaunches launches lifts reconvenes convenes hosts plays
travels leaves sails premieres debuts host play reopen reconvene convene applies apply resume begin
expire sits sit go""".split())
_MODAL = frozenset("will 'll ’ll shall would should may might must to".split())   # not "could be located"
_AUX = frozenset("be been being have has not also never n't".split())
# a verb of intention before "to <verb>": the infinitive's event lies ahead ("vowed to attack ... Friday")
_INTEND = frozenset("""urge urges urged vow vows vowed plan plans planned expect expects expected aim aims aimed
set promise promises promised pledge pledges pledged threaten threatens threatened intend intends intended
hope hopes hoped agree agrees agreed decide decides decided contract""".split())
# "rescheduled for June 8", "postponed until Friday": the new date lies ahead
_CALL_OFF = frozenset("""cancelled canceled postponed scrapped axed delayed suspended""".split())   # + "called off"
_PERIOD_TO = frozenset("year quarter months weeks period half".split())   # "the year to March": its end
_ON_TRACK = frozenset("track course schedule target".split())   # "on track for <date>": a target ahead
# "... for <date>": ahead ("issued a wind warning for Sunday"; a permit or booking is for a time
# after it is given: "granted the festival its licence for August on Tuesday")
_FORECAST = frozenset("""warning warnings forecast forecasts alert alerts watch outlook licence license licences
licenses permit permits tickets booking bookings reservation reservations""".split())
_RESCHEDULE = frozenset("""rescheduled postponed delayed moved pushed deferred reset put""".split())
# a parenthetical relative clause (", who is on a state visit to China,") is skipped
_FAR_MODAL = re.compile(r"(?i)\b(?:will|shall|would)\b|['’]ll\b|\b(?:expected|scheduled|due|set|likely|slated|poised|going"
                        r"|plans?|intends?|aims?|is|are) to\b")
# "+ to": ahead ("is expected to", "plans to add buses to its fleet by June", "is to open ... in May")
_FAR_TO = frozenset("expected scheduled due set likely slated poised going plan plans intend intends aim aims is are".split())
_PAREN = re.compile(r",\s*(?:who|which|whose|whom)\b[^,.;]{0,80},")
# a reduced relative clause in commas (", paid for with a provincial grant,", ", announced on
# Tuesday,"): a participle describes the noun before it and has no tense of its own, so it is
# skipped like ", who ...,"; the -ed word must be lower case and no word the cue list keeps out
_PAREN_PART = re.compile(r",\s*(?:(?!(?:need|indeed|speed|seed|feed|breed|hundred|red|bed|united|limited|proceed|exceed|succeed|weed)\b)"
                         r"[a-z]{3,}ed|paid|built|made|held|sold|bought|brought|caught|found|kept|sent|spent|won|known|"
                         r"shown|given|taken|written|driven|seen|hit|put|cut|hurt|struck|led|left)\b[^,.;]{0,80},")
_REL_AFTER = re.compile(r"[^,.;]*,\s*(which|who|whose|whom)\b", re.IGNORECASE)   # ", which ..." after the date
_REL_VERB = re.compile(r"(?i),\s*(?:who|which)\s+([a-z’']+)(?:\s+([a-z’']+))?")   # ", who (had) stepped down"
_PAST = frozenset("""said told was were had did ago last earlier since announced reported began
came went saw took made got gave held met left won lost fell rose sold bought found became
spent paid led ran struck broke fought began say brought thought bought sought caught taught
built sent kept felt meant wrote grew knew threw drew flew stood understood gave shook chose drove
rode spoke stole froze laid slept swept lent dealt hung shot forgot sat did ate wore tore swore
sank shrank sprang rang sang swam hid slid fled dug won sold""".split()) - {"say"}
_NOT_PAST = frozenset({"need", "indeed", "speed", "seed", "feed", "breed", "hundred", "red", "bed",
                       "united", "limited", "based", "proceed", "exceed", "succeed", "weed"})
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“(]?[A-Z])|\n\s*\n")
# a period after a title or "vs." ("Roe vs. Wade", "Sen. Kennedy") or an initialism ("U.S. Embassy")
# ends no sentence
_NO_END = re.compile(r"(?:\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Sen|Rep|Gov|Lt|Sgt|Capt|Prof|Rev|Adm|Maj|Cmdr|Gens|Sens|Reps|vs|St|Mt|Ft|No))\Z")
_HOST_REACH = 150                # how far back a participial phrase's host clause is read
_WORD = re.compile(r"[A-Za-z’']+|\d[\d.,:]*")       # numbers count as words: "to 452.76 on Friday"


PAST_PLAN = -4          # a plan told in the past perfect ("had been set for Monday"): the nearest such day
ACROSS_TO = -3          # a past cue with "to <verb>" between it and the date ("signed a contract to deliver
                        # the jets in December"): past, but the infinitive may lie ahead
_REPORTING = frozenset("said told announced reported added says".split())
_TOWARD = frozenset({"to", "until", "till"})
# a past verb of lasting before "until": the span is over ("the exhibition ran until Sunday",
# "talks continued until Friday"), unlike "was postponed / ordered closed until Friday"
_LASTED = frozenset("""ran lasted stayed remained continued waited lived persisted worked served
went""".split())
_SOON = frozenset({"soon", "early"})
_PLAN_PAST = frozenset({"had", "previously", "originally"})
_DET = frozenset("the a an its their his her our this that".split())
_ADVERB = frozenset("still yet as so very once newly recently previously long".split())
_AFTER_EVENT = frozenset("after amid as following despite just only days weeks hours a one two three".split())
_FRONT = frozenset("on in also and but then late early by".split())   # words before a sentence-initial date
_PLAN_NOUN = frozenset("plan plans schedule target aim".split())
_COMPARE = frozenset("contrast compared comparison similar relative".split())
_AS_PLANNED = frozenset("planned scheduled expected intended promised agreed announced".split())  # after "as": no tense
_BE = frozenset("is are was were be been being 's ’s".split())
_BE_TO = frozenset({"is", "are", "am"})
# a plan for the date called off, told right after it: "the service planned for Saturday was canceled"
_CALLED_OFF_AFTER = re.compile(r"(?i)(?:['’]s)?\s+(?:(?:was|were|has|have|had)\s+(?:been\s+)?|is\s+being\s+)"
                               r"(?:cancell?ed|postponed|called\s+off|scrapped|axed|delayed|suspended|put\s+off|moved|rescheduled|pushed\s+back)\b")
# the date's own noun phrase is the subject of a past passive: "the vote on Friday was held"
_DONE_AFTER = re.compile(r"\s+(?:was|were)\s+(?:later\s+|then\s+)?([a-z]+ed|held|won|lost|made|done|seen|shown|taken|given|sold|paid|built|shot|hit|struck|kept)\b")
_SUBORDINATE = frozenset("if unless because although though whereas".split())
_SIGNAL_WORDS = frozenset("through thru until till by before to from".split())
_SKIP = frozenset("no not earlier later than on about around approximately as early late of the".split())


@lru_cache(maxsize=8192)
def _cue(word: str) -> int:
    """+1 future, -1 past, -2 a past reporting verb (which often governs a coming date), 0 none."""
    w = word.lower()
    if w in _FUTURE:
        return 1
    if w in _REPORTING:
        return -2
    if w in _PAST or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST):
        return -1
    return 0


def _cue_in(words: list[str], i: int) -> int:
    """_cue() of words[i] (lower case) in its place: a reporting verb with an object is a plain
    past verb ("the city added 40 buses in June", "added a late train on Friday"), not speech
    ("added Tuesday", "added that ...", ", he added.")."""
    c = _cue(words[i])
    if c == -2 and i + 1 < len(words) and (words[i + 1] in _DET or words[i + 1][:1].isdigit()):
        return -1
    return c


def sentence_bounds(text: str, start: int, end: int, reach: int = 100) -> tuple[int, int]:
    """Start and end of the sentence around [start, end), looking at most `reach` chars away."""
    lo = max(0, start - reach)
    before = [m for m in _SENTENCE_END.finditer(text, lo, start) if not _abbreviation(text, m.start())]
    s = before[-1].end() if before else lo
    hi = min(len(text), end + reach)
    for after in _SENTENCE_END.finditer(text, end, hi):
        if not _abbreviation(text, after.start()):
            return s, after.start() + 1
    return s, hi


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the period at text[dot] closes a title, "vs." or an initialism, not a sentence."""
    return text[dot] == "." and _NO_END.search(text, max(0, dot - 6), dot) is not None


def direction(text: str, start: int, end: int) -> int:
    """-2, -1, 0 or +1 from the nearest tense cue around text[start:end] in its sentence."""
    s, e = sentence_bounds(text, start, end, 150)
    lead = text[max(s, start - 100):start]
    if lead.count(",") >= 2:                    # ", who is on a state visit to China, on Friday"
        skipped = _PAREN.sub(" ", lead) if "wh" in lead else lead
        skipped = _PAREN_PART.sub(" ", skipped)  # "will add 40 buses, paid for with a grant, by June"
        if skipped != lead:
            found = _direction(text, start, end, s, e, skipped)
            if found:
                return found                    # no cue left: the date may sit inside the clause
            found = _direction(text, start, end, s, e, lead)   # (", who stepped down as chairman,
            if found:                           # president and chief executive in March"): read it
                return found                    # whole, and else the clause's own verb governs
            rel = _REL_VERB.findall(lead)
            for w in rel[-1] if rel else ():
                if _cue(w):
                    return _cue(w)
            return 0
    return _direction(text, start, end, s, e, lead)


def _direction(text: str, start: int, end: int, s: int, e: int, lead: str) -> int:
    """direction() once the sentence bounds and the words before the date are known."""
    before = _WORD.findall(lead[-70:])[-8:]
    if _CALLED_OFF_AFTER.match(text, end):
        return PAST_PLAN                        # "a memorial service planned for Saturday was
                                                # canceled": the nearer such day, on either side
    done = _DONE_AFTER.match(text, end)
    if done and done.group(1).lower() not in _FUTURE and done.group(1).lower() not in _NOT_PAST:
        return -1                               # "the vote planned for Friday was held": it took place
    if text[end:end + 2] in ("'s", "’s") and (_CALL_OFF & {w.lower() for w in before[-4:]}
                                              or "called off" in lead[-30:].lower()):
        return PAST_PLAN                        # "have called off Sunday's programme": the nearer
                                                # Sunday (tomorrow in a Saturday paper)
    if len(before) >= 2 and before[-1].lower() == "as" and before[-2].lower() in _SOON:
        return 1                                # "as soon as Tuesday", "as early as next week"
    low = [w.lower() for w in before]
    for i in range(len(low) - 1, -1, -1):       # "moved to (no earlier than) Dec. 22": ahead
        if low[i] == "than" and i >= 2 and low[i - 1] in ("earlier", "later") and low[i - 2] in ("no", "not"):
            return 1                            # "would come no earlier than Friday"
        if low[i] in _SKIP:
            continue
        if low[i] == "for" and i and low[i - 1] in _RESCHEDULE:
            return 1                            # "was rescheduled for June 8"
        if low[i] == "for" and i >= 2 and low[i - 1] in _ON_TRACK and low[i - 2] == "on":
            return 1                            # "the fix remained on track for May": a target
        if low[i] == "for" and _FORECAST & set(low[max(0, i - 5):i]):
            return 1                            # "issued a wind warning for Norfolk for Sunday"
        if low[i] in _TOWARD and not (low[i] == "to" and ("from" in low[max(0, i - 6):i]
                                                          or i and low[i - 1] in _COMPARE
                                                          or i and low[i - 1] in _PERIOD_TO
                                                          or text[end:end + 2] in ("'s", "’s"))):
            if i == 0 and low[i] != "to" and lead.strip().lower() == low[i]:
                break                           # "Until Thursday, they had not called him": the
            if low[i] != "to" and _LASTED & set(low[max(0, i - 4):i]):
                return -1                       # "the exhibition ran until Sunday": it is over
            return 1                            # main clause decides; "from Sept. 14 to Thursday"
        break                                   # is a range, "in contrast to Thursday" a comparison
    for i in range(len(low) - 1, -1, -1):
        if low[i] in _SCHEDULED and i and low[i - 1] not in ("to", "did", "not", "t") and low[i - 1] not in _DET and not (
                i + 1 < len(low) and low[i + 1] in _AFTER_EVENT):    # "the move comes after talks on Monday"
            return 1                            # "takes effect on July 1", "goes on sale Sept. 20",
                                                # "Arafat meet separately Monday" (not "to meet demand")
        if low[i] in _BE_TO and all(w in _SKIP or w == "in" for w in low[i + 1:]):
            return 1                            # "the deadline is Monday", "the vote is on Sunday"
        if low[i] in ("earlier", "later") and i + 1 < len(low) and low[i + 1] == "than":
            continue                            # "earlier than Friday": a comparison, no cue
        if i >= 1 and low[i - 1] == "to" and before[i].islower() and low[i] not in _DET \
                and _INTEND & set(low[max(0, i - 5):i - 1]):
            k = len(low) - i + 1                # words from "to" on; the plan verb's own words
            if _PLAN_PAST & {w.lower() for w in _WORD.findall(lead[-140:])[-(k + 7):-k]}:   # may lie further back
                return PAST_PLAN                # "had promised to move all of its flights by the end
                                                # of April": a plan told in the past perfect
            return 1                            # "vowed to attack the city on Friday", "urged residents to evacuate by Tuesday"
        c = 1 if low[i] in _MODAL_BEFORE else _cue_in(low, i)
        if low[i] == "going" and (i + 1 >= len(low) or low[i + 1] != "to"):
            c = 0                               # "going to" looks ahead, "going ahead with" does not
        if low[i] == "could" and i + 1 < len(low) and low[i + 1] == "not":
            c = -1                              # "he could not attend the meeting on Friday": past
        if c == -1 and low[i] not in _PAST and i and (low[i - 1] in _DET and low[i - 1] != "that"
                                                      or i > 1 and low[i - 2] in _DET and low[i - 1] in _ADVERB):
            continue                            # "on a still unspecified date in January": an adjective
                                                # (not "the lender that listed on Oct. 14": a verb)
        if c == -1 and low[i] not in _PAST and i and _participle_adjective(
                ext := [w.lower() for w in _WORD.findall(lead[-140:])], len(ext) - len(low) + i):
            continue                            # "pay compensation for recalled stock by the end of
                                                # April", "all 112,000 recalled vehicles": adjectives;
                                                # "is still listed for release in late October": present
        if c < 0 and _modal_chain(_WORD.findall(lead), len(_WORD.findall(lead)) - len(before) + i):
            return 1                            # "will be held in the spring", "will be launched"
        if c == 1 and i and low[i - 1] in _DET and low[i] in _PLAN_NOUN:
            continue                            # "announced the plan Aug. 21": a noun, no cue
        if low[i] == "set" and not _set_ahead(low, i):
            if i + 1 < len(low) and low[i + 1] in ("on", "in"):
                return -1                       # "its record high set on Aug. 6": a past participle
            continue                            # "and set Friday as the deadline": a past verb
        if c == 1 and _PLAN_PAST & set(low[max(0, i - 3):i]):
            return PAST_PLAN                    # "had been scheduled to expire Friday": a past plan,
                                                # for a date on either side ("blocking a strike that
                                                # had been set for Monday" is the coming one)
        if c:
            return ACROSS_TO if c == -1 and "to" in low[i + 1:] else c
        if low[i] == "to" and i and low[i - 1] in _BE_TO:
            return 1                            # "is to resume trading Tuesday"
    fronted = all(w in _FRONT for w in low)     # "On Tuesday, the National ... League plans to hold"
    stop = min(e, end + (150 if fronted else 60))
    after = [w.lower() for w in _WORD.findall(text, end, stop)[:25 if fronted else 6]]
    comma = text.find(",", end, stop)           # words after it belong to another clause
    own = len(_WORD.findall(text, end, comma)) if comma >= 0 and not fronted else len(after)
    rel = _REL_AFTER.match(text, end, stop) if not fronted else None
    if rel:                                     # "in July for 58 million euros, which will be booked
        after = after[:len(_WORD.findall(text, end, rel.start(1)))]   # next year": the relative
    for i, w in enumerate(after):               # clause describes a noun, it is not the date's
        if w in _SUBORDINATE and not fronted:
            break                               # "would walk off the job on Monday if the company
                                                # did not agree": the if-clause's verb is not the date's
        if i >= 10 and _cue(w) and (after[i - 1] in _DET or w in _FUTURE and not w.endswith("ed")):
            continue                            # far on, only a verb: "In January, a week after the
                                                # anniversary of Roe v. Wade, a bombing ... killed"
        if w in _PLAN_NOUN and after[i + 1:i + 2] == ["for"]:
            continue                            # "set aside vacation plans for the trip": a noun
        if w in _AS_PLANNED and i and after[i - 1] == "as":
            continue                            # "did not meet them on Wednesday as planned": the
        c = _cue_in(after, i)                   # plan, not the date's tense
        if w == "going" and (i + 1 >= len(after) or after[i + 1] != "to"):
            continue                            # "after going ahead with its offering"
        if i == 0 and w in _PLAN_NOUN and not w.endswith("s"):
            continue                            # "misses Sunday target": a noun, no cue ("on
                                                # Sunday plans to" is the verb)
        if i and after[i - 1] in _DET and w in _PLAN_NOUN:
            continue                            # "into service on July 14, two weeks behind the
                                                # schedule": a noun, as before the date
        if w == "set" and not _set_ahead(after, i):
            continue                            # "On Friday, when Albright set aside ..."
        if c == 1 and fronted and w.endswith("ed") and not (i and after[i - 1] in _BE):
            return -1                           # "On Friday, the government planned ...": the plan
                                                # was made then (not "are expected to")
        if c < 0 and i >= own and _far_cue(lead, len(before)) == 1:
            return 1                            # "... is expected to make landfall ... on Thursday,
        if c:                                   # the center said", "will add 40 new buses to its
            return c                            # fleet by the end of June, paid for with a grant":
                                                # the clause's own modal, not a past verb or a
                                                # participle after the comma
    return _far_cue(lead, len(before)) or _far_verb(lead, len(before)) or _participle_host(text, s, start)


# -ing words that open no participial phrase: prepositions and nouns ("during", "the morning")
_NOT_PARTICIPLE = frozenset("""during according following pending regarding concerning morning evening
spring nothing something anything everything meeting meetings earnings trading building hearing ruling
saying beginning ending thing king ring string offering spending funding""".split())


def _participle_host(text: str, s: int, start: int) -> int:
    """No verb in the date's own clause, and that clause is a participial phrase after a comma
    (", rising to a high of $42.875 in June from $29.75 in March"): the phrase has no tense of
    its own, the clause it hangs on does ("Nashua's stock has fluctuated sharply on takeover
    speculation, rising ..."): its nearest past or plan verb governs."""
    lead = text[max(s, start - _HOST_REACH):start]
    cut = max(lead.rfind(","), lead.rfind(";"), lead.rfind(":"))
    if cut < 0 or lead[cut] != ",":
        return 0
    words = _WORD.findall(lead, cut + 1)
    opener = words[0] if words else ""
    if len(opener) < 5 or not opener.endswith("ing") or not opener.islower() or opener in _NOT_PARTICIPLE:
        return 0
    return _far_verb(lead[:cut], 0)


def _far_cue(lead: str, near: int) -> int:
    """No cue near: a modal further back in the expression's own clause (no comma, semicolon
    or colon between) governs it: "New Zealand will host England in the third and deciding
    one-day international at Eden Park on Saturday" (the "will" 13 words back). A past cue on
    the way back stops the search."""
    cut = max(lead.rfind(","), lead.rfind(";"), lead.rfind(":"))
    if not _FAR_MODAL.search(lead, cut + 1):
        return 0
    words = _WORD.findall(lead[cut + 1:])
    for i in range(len(words) - near - 1, -1, -1):
        w = words[i].lower()
        if w in ("will", "'ll", "’ll", "shall", "would") or w in _FAR_TO and i + 1 < len(words) and words[i + 1].lower() == "to":
            return 1                            # "is expected to make landfall between Port Aransas
                                                # and Baffin Bay on Thursday"
        if _cue(w) < 0:                         # "will be named commander ... for a mission in December"
            return 1 if _modal_chain(words, i) else 0     # (also "will be added / announced")
    return 0


def _far_verb(lead: str, near: int) -> int:
    """No cue near and no modal further back: the nearest past or plan verb further back in
    the expression's own clause (no comma, semicolon or colon between) governs it: "was
    hampered by problems tied to the introduction of a new family of computers in April" (past),
    "changed from a fiscal year to a calendar year in December". An -ed word after a
    determiner is an adjective, a plan noun after one a noun, but a plan adjective after one
    looks ahead ("had been talking about the slated visit of the secretary in September")."""
    cut = max(lead.rfind(","), lead.rfind(";"), lead.rfind(":"))
    words = [w.lower() for w in _WORD.findall(lead[cut + 1:])]
    if words and words[-1] in _SIGNAL_WORDS:
        return 0                                # "has extended loans through January": the signal
    for i in range(len(words) - near - 1, -1, -1):     # decides
        w = words[i]
        c = _cue_in(words, i)
        if not c or i and words[i - 1] in _DET and (c == -1 and w not in _PAST or w in _PLAN_NOUN):
            continue
        if w == "going" or w == "set" and not _set_ahead(words, i) or w == "next" and words[i + 1:i + 2] == ["to"]:
            continue                            # "the blasts next to the embassies on Friday"
        inf = [j for j in range(i + 1, len(words) - 1) if words[j] == "to" and words[j + 1] not in _DET]
        if inf and w in _INTEND and inf[0] == i + 1:
            return 1                            # "which agreed to purchase the line for $22 million
                                                # in February": the infinitive lies ahead
        return ACROSS_TO if c == -1 and inf else c    # not "changed ... to a calendar year in December"
    return 0


_HAVE_DONE = frozenset("have has having get gets getting".split())   # "have the update installed"
_PREP = frozenset("for of with on in at from about into over under without among onto".split())
_AFTER_NUMBER_NOT_NOUN = frozenset("in on at by for to from as after before since during and or but".split())


def _participle_adjective(low: list[str], i: int) -> bool:
    """Whether the -ed word at low[i] (lower case) is no finite past verb: after a preposition
    ("for recalled stock", "of damaged bridges": an adjective, a finite verb never follows one),
    between a number and a noun ("all 112,000 recalled vehicles"; not "60 killed in the blast"),
    after "have / get" and its object ("to have the update installed": the participle of "have
    X done"; not "had the roof repaired", which is past), or after a present "is / are" (a
    present passive: "is still listed for release in October").""" 
    prev = low[i - 1]
    if prev in _PREP:
        return True
    if i >= 3 and low[i - 2] in _DET and low[i - 3] in _HAVE_DONE:
        return True                             # "aims to have the update installed on all ... by
                                                # the end of September": "have X done", no tense
    if prev[:1].isdigit() and i + 1 < len(low) and low[i + 1].isalpha() and low[i + 1] not in _AFTER_NUMBER_NOT_NOUN:
        return True
    j = i - 1
    while j >= 0 and low[j] in _ADVERB:
        j -= 1
    return j >= 0 and low[j] in _BE_TO


def _modal_chain(words: list[str], i: int) -> bool:
    """Whether the past participle at words[i] follows a modal through be/been/have: "will be
    held", "could have been moved", "to be launched" (not "was held", "had been signed")."""
    j = i - 1
    seen_be = False
    while j >= 0 and words[j].lower() in _AUX:
        seen_be = seen_be or words[j].lower() in ("be", "been", "being")
        j -= 1
    if not seen_be or j < 0:
        return False
    w = words[j]
    return w.lower() in _MODAL and not (w == "May")


def _set_ahead(words: list[str], i: int) -> bool:
    """Whether "set" at words[i] is a plan ("is set to", "set for Friday") rather than the
    past or present of the verb ("set Friday as the deadline", "set aside")."""
    return (i > 0 and words[i - 1] in _BE) or (i + 1 < len(words) and words[i + 1] in ("to", "for"))
