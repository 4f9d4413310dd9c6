"""Call-offs told in domain words: a refusal to act, a call-off naming its act, a cancelled meeting
named by a compound noun, a blocked strike; and the hedged or reported forms that are no call-off."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp import find_mentions

D = date(2025, 11, 22)


def _read(sentence: str) -> set[tuple[str, str]]:
    return {(m.predicate, m.modality) for m in find_mentions(sentence, D)}


@pytest.mark.parametrize("sentence, expected", [
    # a refusal hands over to the act refused: the act is called off (a rejection, not a decision made)
    ("The regulator on Friday declined to approve a higher dose of the drug.", ("approve", "cancelled")),
    ("The board refused to approve the merger on Tuesday.", ("approve", "cancelled")),
    # a call-off phrase that names its act (cues.toml calloff_acts), in a clause dated by another verb
    ("Northbridge United rejected a final offer from Al-Nakheel on Friday and have taken the midfielder off "
     "the market, manager Ellis Cole said.", ("sell", "cancelled")),
    ("The company took the product off the market.", ("sell", "cancelled")),
    # the object of a call-off verb names the event, even as a compound noun
    ("The FDA has cancelled the advisory committee meeting that had been scheduled for Sept. 9.",
     ("meet", "cancelled")),
    ("The government on Thursday ordered binding arbitration in the dispute, blocking a strike that had been "
     "set for Monday.", ("strike", "cancelled")),
])
def test_a_call_off_in_domain_words_is_a_cancellation(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in _read(sentence)


@pytest.mark.parametrize("sentence", [
    "The company declined to comment on Friday.",                   # declining to speak calls nothing off
    "She has so far declined to say whether the government would intervene to end the strike.",
    "The drug could be taken off the market.",                       # hedged
    "The match may be cancelled.",                                   # hedged: no call-off yet
    "Police blocked the road on Friday.",                            # blocking a road is no call-off
    "Ribeiro denied reports that the project would be scrapped.",   # a denied call-off settles nothing
    "The regulator on Friday approved a higher dose of the drug.",  # the plain deed stays a deed
])
def test_no_call_off_without_a_firm_cue(sentence: str) -> None:
    assert not any(modality == "cancelled" for _, modality in _read(sentence))


def test_a_plain_deed_is_still_read_as_one() -> None:
    assert ("approve", "occurred") in _read("The regulator on Friday approved a higher dose of the drug.")
    assert ("block", "occurred") in _read("Police blocked the road on Friday.")
