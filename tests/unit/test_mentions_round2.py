"""Round 2 of sentences the finder read wrong (scenarios toronto-budget, malawi-debt): a rating agency's
'affirmed' is a deed, 'turned down' is a refusal (a phrasal verb; 'the government's opening offer' is a
noun phrase, not the verb 'offer'), a negated future ('no layoff notices will be sent') calls the plan off,
and a decision told by its maker ('said on Wednesday that she would veto') is a deed of saying that day."""
from datetime import date

import pytest

from tracker.nlp.mentions import find_mentions


def _found(text: str, dct: date) -> list[tuple[str, str, str | None]]:
    return [(m.predicate, m.modality, m.timex.value if m.timex else None) for m in find_mentions(text, dct)]


@pytest.mark.parametrize("text, dct, expected", [
    # affirm as a deed
    ("S&P Global Ratings affirmed Toronto's AA credit rating with a stable outlook on Thursday, saying the "
     "city's new budget had eased pressure on its finances.", date(2026, 3, 20), ("affirm", "occurred", "2026-03-19")),
    # turn down = reject; "opening offer" is a noun phrase
    ("Malawi's bondholders turned down the government's opening offer on Tuesday.", date(2025, 4, 2),
     ("reject", "occurred", "2025-04-01")),
    ("Malawi's bondholders rejected the government's opening offer on Tuesday.", date(2025, 4, 2),
     ("reject", "cancelled", "2025-04-01")),
    # a negated future with no time calls the plan off
    ("Ontario agreed on Monday to cover the shortfall, and Lindqvist said no layoff notices will be sent.",
     date(2026, 2, 25), ("send", "cancelled", None)),
    # a decision told by its maker: a deed of saying, dated by the report's time
    ("Toronto's mayor, Teresa Lindqvist, said on Wednesday that she would veto the council amendment.",
     date(2026, 2, 12), ("say", "occurred", "2026-02-11")),
])
def test_found(text, dct, expected):
    assert expected in _found(text, dct)


@pytest.mark.parametrize("text, dct, absent", [
    # must not change: "turn" without its particle is no refusal
    ("Moody's turned negative on Winnipeg on Thursday.", date(2026, 3, 20), "reject"),
    # a light verb still folds its noun ("reached an agreement" is agree, not reach)
    ("The two sides reached an agreement on Tuesday.", date(2025, 4, 2), "reach"),
    # a negation with a time is read as before (postponed at that time, not called off)
    ("No decision will be made this week, officials said.", date(2025, 4, 2), None),
    # "no one will be" is no plan's object
    ("Police said no one will be charged.", date(2025, 4, 2), None),
    # a reported forecast ("would be"), a report of someone else's act, a present report: a report date, skipped
    ("NASA said on Tuesday that the launch would be delayed.", date(2025, 4, 2), "say"),
    ("The mayor said on Wednesday that the council would vote on the budget.", date(2026, 2, 12), "say"),
    ("Officials say on Mondays that they will meet.", date(2026, 2, 12), "say"),
])
def test_unchanged(text, dct, absent):
    found = _found(text, dct)
    if absent is None:
        assert not any(m == "cancelled" for _, m, _ in found)
    else:
        assert not any(p == absent for p, _, _ in found)


def test_opening_offer_verb_unchanged():
    """A base verb after an auxiliary keeps its verb reading: 'will offer' is still the offer."""
    assert ("offer", "scheduled", "2025-04-08") in _found("The government will offer new terms on April 8.",
                                                         date(2025, 4, 2))
