"""Sentence splitting: abbreviations do not end sentences, paragraphs and bullets do, and every
sentence's offsets slice the original text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit._nlp_data import seed_article
from tracker.nlp.sentences import split_sentences


@pytest.fixture
def seed_text() -> str:
    return seed_article()


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Abe will arrive on Oct. 23. He will stay three days.",
     ["Abe will arrive on Oct. 23.", "He will stay three days."]),
    ("Tariffs on U.S. trade rose. China responded.", ["Tariffs on U.S. trade rose.", "China responded."]),
    ("U.S. President Donald Trump met Moon.", ["U.S. President Donald Trump met Moon."]),
    ("It ended in the U.S. The talks resume soon.", ["It ended in the U.S.", "The talks resume soon."]),
    ("The window opens at 7:20 a.m. EST. The rocket is ready.",
     ["The window opens at 7:20 a.m. EST.", "The rocket is ready."]),
    ("Mr. Abe met Dr. Li at No. 10 Downing St. today.", ["Mr. Abe met Dr. Li at No. 10 Downing St. today."]),
    ("NASA is now targeting Friday, Dec. 24, for the launch.",
     ["NASA is now targeting Friday, Dec. 24, for the launch."]),
    ("John F. Kennedy spoke. \"We will go.\" Then he left.",
     ["John F. Kennedy spoke.", "\"We will go.\"", "Then he left."]),
    ("Is it late? Yes! It is.", ["Is it late?", "Yes!", "It is."]),
    ("It costs $9.66 billion, the agency said. Work goes on.",
     ["It costs $9.66 billion, the agency said.", "Work goes on."]),
    ("e.g. the launch, i.e. the flight. Then more.", ["e.g. the launch, i.e. the flight.", "Then more."]),
])
def test_abbreviations_and_punctuation(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_paragraphs_bullets_and_clutter_lines_split() -> None:
    text = ("print PRINT\n\nJapan, China plan dialogue\n\n  • September 23, 2018\n  • , The Japan Times\n\n"
            "In another sign, Japan and China will pursue cooperation, sources said Sunday.\n")
    assert texts(text) == ["print PRINT", "Japan, China plan dialogue", "September 23, 2018", ", The Japan Times",
                           "In another sign, Japan and China will pursue cooperation, sources said Sunday."]


def test_vertical_bars_separate_page_fields() -> None:
    assert texts("By Staff Writers | January 22, 2019 The vote is set.") == [
        "By Staff Writers", "January 22, 2019 The vote is set."]


def test_hard_wrapped_prose_is_not_split_at_line_ends() -> None:
    text = ("The telescope is a joint effort of NASA, the European Space Agency and the Canadian\n"
            "Space Agency, and it will launch on an Ariane 5 rocket from French Guiana next year.")
    assert len(split_sentences(text)) == 1


def test_offsets_point_into_the_original_text() -> None:
    text = "  First one.  Second one?\n\n• Third, a bullet\nFourth line."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_the_seed_article_splits_like_a_reader_would(seed_text: str) -> None:
    got = texts(seed_text)
    assert "Tokyo is now arranging for Abe to arrive in Beijing on Oct. 23, when the countries will mark the 40th " \
           "anniversary of the signing of a bilateral peace and friendship treaty, according to the sources." in got
    assert "During a three-day visit, Abe will meet with President Xi Jinping and Premier Li Keqiang." in got
    assert not any(s.endswith("U.S.") for s in got)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
       | st.lists(st.sampled_from(["Oct.", "U.S.", "a.m.", "Mr.", "No.", "\n", "\n\n", "•", " ", "The", "end.", "?",
                                   "\"", "Abe", "5", ".", "-"]), max_size=60).map(" ".join))
def test_never_raises_and_offsets_always_slice(text: str) -> None:
    previous_end = 0
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end
