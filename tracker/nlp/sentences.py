"""Sentence splitting with offsets into the original text.

Why not pysbd: it is accurate but slow (milliseconds per paragraph), and the tracker splits every
article it ingests. A regex pass plus an abbreviation lexicon (`data/abbreviations.toml`) handles
what news text needs: "Oct. 23", "U.S. trade", "7:20 a.m. EST", "Mr. Abe", "No. 5" do not end
sentences; paragraph breaks, bullets, vertical bars and short lines without final punctuation (page
clutter, headlines, bylines) always do. Every `Sentence` keeps `start`/`end` so that `text[start:end] == sentence.text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.nlp._lexicon import word_set

_BULLET = re.compile(r"[ \t]*(?:[•·▪►◦‣∙*–—-]|\d{1,2}[.)])[ \t]+")
_LEAD = re.compile(r"[\s•·▪►◦‣∙*–—-]*")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+\S)")
_NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]*([\w.]+)")
_TERMINAL = tuple(".!?:;\"”’)…")
_SHORT_LINE = 60


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int   # offset of the first character in the original text
    end: int     # exclusive
    text: str    # == original[start:end]


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; blank or clutter-only pieces (bullets alone) are dropped."""
    out: list[Sentence] = []
    for seg_start, seg_end in _segments(text):
        cut = seg_start
        for m in _BOUNDARY.finditer(text, seg_start, seg_end):
            if _ends_sentence(text, m.start(), m.end(), seg_end):
                _emit(text, cut, m.end(), out)
                cut = m.end()
        _emit(text, cut, seg_end, out)
    return out


def _segments(text: str) -> list[tuple[int, int]]:
    """Spans that no sentence crosses: paragraphs, bullet items, short unpunctuated lines.

    A single newline inside running prose (hard-wrapped text) does not split; one after a line that
    ends a sentence, is short without final punctuation (a headline, "Print PRINT"), or before a
    bullet does.
    """
    spans: list[tuple[int, int]] = []
    start = pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        end = pos + len(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        stripped = line.strip()
        if (not stripped or not nxt.strip() or stripped.endswith(_TERMINAL) or len(stripped) < _SHORT_LINE
                or _BULLET.match(nxt) or _BULLET.match(line)):
            spans.append((start, end))
            start = end + 1
        pos = end + 1
    if start < len(text):
        spans.append((start, len(text)))
    return [piece for a, b in spans for piece in _split_bars(text, a, b)]


def _split_bars(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'By Staff Writers | January 22, 2019': a vertical bar separates page fields, never prose."""
    out = []
    cut = text.find("|", start, end)
    while cut >= 0:
        out.append((start, cut))
        start = cut + 1
        cut = text.find("|", start, end)
    out.append((start, end))
    return out


def _ends_sentence(text: str, punct_start: int, punct_end: int, seg_end: int) -> bool:
    """Whether the punctuation at [punct_start, punct_end) closes a sentence."""
    nxt = _NEXT_WORD.match(text, punct_end, seg_end)
    next_word = nxt.group(1) if nxt else ""
    if next_word[:1].islower():
        return False
    if text[punct_start] != ".":
        return True
    window = text[max(0, punct_start - 40):punct_start]
    token = window.rsplit(None, 1)[-1] if window.strip() else ""
    token = token.lstrip("\"“‘'([").lower()
    if token in word_set("abbreviations", "never"):
        return False
    ambiguous = (token in word_set("abbreviations", "ambiguous") or len(token) == 1 and token.isalpha()
                 or ("." in token and len(token) <= 6 and token.replace(".", "").isalpha()))
    if ambiguous:
        return next_word.lower().strip(".") in word_set("abbreviations", "openers")
    return True


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Append the trimmed piece [start, end) unless it holds no word."""
    lead = _LEAD.match(text, start, end)
    start = lead.end() if lead else start
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append(Sentence(start, end, text[start:end]))
