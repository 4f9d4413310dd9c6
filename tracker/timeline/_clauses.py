"""Deeds reported in passing: "..., after an independent review board found that ...".

The mention finder keeps clauses tied to a time. A subordinate clause in the past tense with no
time of its own still tells a careful reader that the thing had happened by the time the article
was published, which is exactly what settles a claim like "the board will report by the end of
May". This module finds such clauses with one pattern over the article's sentences and turns
them into `occurred` mentions with no time (their day is the publication day). Only verbs of the
predicate table count, so the pattern stays precise; a clause the finder already reported is
not repeated.

A verb joined to a reported deed by a bare "and" shares its subject and its time: "Morita and Zhao
met in Beijing on Friday ... and signed a fisheries agreement" also says the agreement was signed
on Friday, which settles "the two sides aim to sign a fisheries agreement within the year". Such
a verb (of the table, of another class, in the past tense) becomes a mention of its own, dated
like the deed it is joined to. "and the two leaders signed ..." has a subject of its own and is
left to the mention finder.
"""
from __future__ import annotations

import re
from functools import cache

from dataclasses import replace

from tracker.nlp import EventMention, split_sentences
from tracker.nlp.mentions import _without_headline
from tracker.nlp._words import verb_form
from tracker.timeline._lexicon import lexicon, predicate_class

_IRREGULAR = {"find": "found", "meet": "met", "hold": "held", "fly": "flew", "take off": "took off", "go": "went",
              "come": "came", "win": "won", "choose": "chose", "set": "set", "begin": "began", "shut": "shut"}
_AUX = r"(?:was|were|is|are|be|been|being|has|have|had|will|would|could|should|may|might|not)"
_LEADS = r"(?:after|when|once|since|because|as|now\s+that)"


def _past(lemma: str) -> str:
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if head.endswith("e"):
        return head + "d" + tail
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return head[:-1] + "ied" + tail
    return head + "ed" + tail


@cache
def _pattern() -> re.Pattern[str]:
    verbs = {_past(lemma) for lemma in lexicon().by_lemma if " " not in lemma or lemma in _IRREGULAR}
    alternation = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))
    return re.compile(rf"\b{_LEADS}\s+(?:an?\s+|the\s+)?(?P<np>(?:(?!{_AUX}\b)[\w-]+\s+){{0,3}}?(?!{_AUX}\b)[\w-]+)\s+(?:had\s+)?"
                      rf"(?P<verb>{alternation})\b", re.IGNORECASE)


def passing_deeds(text: str, mentions: list[EventMention], title: str = "") -> list[EventMention]:
    """`occurred` mentions for past-tense subordinate clauses the mention finder did not report.

    A sentence is known by where it ends (a body that repeats the headline numbers its sentences one
    off from the finder, which drops the headline), and is numbered as the finder numbers it, so a deed
    the finder already reported is recognised, not told a second time dated by the publication day
    ("after inspectors found faulty anchor cables during load tests on Wednesday")."""
    seen = {(m.end, predicate_class(m.predicate)) for m in mentions}
    sentences = body_sentences(text, title)
    number = {m.end: m.sentence_index for m in mentions}
    shift = next((i - number[s.end] for i, s in enumerate(sentences) if s.end in number), 0)
    out: list[EventMention] = []
    for i, sent in enumerate(sentences):
        index = number.get(sent.end, i - shift)
        for match in _pattern().finditer(sent.text):
            np, verb = match.group("np"), match.group("verb").lower()
            lemma = next((k for k, v in _IRREGULAR.items() if v == verb), verb)
            if (sent.end, predicate_class(lemma)) in seen or np.lower() in {"it", "they", "he", "she", "we"}:
                continue
            out.append(EventMention(sentence_index=index, sentence=sent.text, start=sent.start, end=sent.end,
                                    timex=None, predicate=lemma, participants=(), subject=np,
                                    modality="occurred", claim=f"{np} {verb}", forward=False))
    return out


def body_sentences(text: str, title: str = "") -> list:
    """The article's sentences as the mention finder numbers them: a headline the body repeats is no sentence."""
    return _without_headline(text, title, split_sentences(text))


@cache
def _lemma_of_past() -> dict[str, str]:
    """'signed' -> 'sign': the table's lemma of each past form (the shortest lemma wins)."""
    out: dict[str, str] = {}
    for lemma in sorted(lexicon().by_lemma, key=len, reverse=True):
        if " " not in lemma or lemma in _IRREGULAR:
            out[_past(lemma)] = lemma
    return out


@cache
def _coordinated() -> re.Pattern[str]:
    verbs = set(_lemma_of_past())
    alternation = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))
    return re.compile(rf"\band\s+(?:then\s+|also\s+|later\s+)?(?P<verb>{alternation})\s+(?P<rest>[^,;.]*)", re.IGNORECASE)


def coordinated_deeds(mentions: list[EventMention]) -> list[EventMention]:
    """Mentions for past verbs joined by 'and' to a reported deed ('met ... on Friday and signed an agreement')."""
    seen = {(m.sentence_index, predicate_class(m.predicate)) for m in mentions}
    out: list[EventMention] = []
    for m in mentions:
        if m.forward or m.modality not in ("occurred", "ongoing") or m.timex is None:
            continue
        for match in _coordinated().finditer(m.sentence):
            verb = match.group("verb").lower()
            lemma = _lemma_of_past().get(verb, verb)
            key = (m.sentence_index, predicate_class(lemma))
            if key in seen:
                continue
            seen.add(key)
            rest = " ".join(match.group("rest").split()[:6])
            out.append(replace(m, predicate=lemma, claim=f"{m.subject} {verb} {rest}".strip()))
    return out


_DURING = re.compile(r"\bduring\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?P<np>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+"
                     r"(?:on\s+|at\s+|in\s+)?$", re.IGNORECASE)


def during_deeds(mentions: list[EventMention]) -> list[EventMention]:
    """Mentions for an event noun dated by the time right after it: "inspectors found faulty cables during
    load tests on Wednesday" also says the load tests took place on Wednesday, which settles "engineers will
    load-test the deck in the first week of May". Only a noun of a verb ("tests") or of the predicate table
    counts, and only when the reported deed's own time follows it."""

    seen = {(m.sentence_index, predicate_class(m.predicate)) for m in mentions}
    out: list[EventMention] = []
    for m in mentions:
        if m.forward or m.modality not in ("occurred", "ongoing") or m.timex is None or not m.timex.text:
            continue
        at = m.sentence.find(m.timex.text)
        match = _DURING.search(m.sentence[:at]) if at > 0 else None
        if match is None:
            continue
        words = match.group("np").lower().split()
        while words and words[-1] in ("on", "at", "in"):
            words.pop()
        if not words:
            continue
        head = verb_form(words[-1])
        lemma = head[0] if head and head[1] in ("3sg", "base") else ""
        if not lemma and predicate_class(words[-1]) not in lexicon().classes:
            continue
        predicate = " ".join([*words[:-1], lemma or words[-1]])
        key = (m.sentence_index, predicate_class(predicate))
        if key in seen:
            continue
        seen.add(key)
        np = " ".join(words)
        out.append(replace(m, predicate=predicate, subject=np, claim=np))
    return out
