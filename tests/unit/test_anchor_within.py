"""'within N days of <a date or a deed>' counts from the named anchor, never from the publication day:
a date the sentence names ('within 14 days of Monday, Jan. 19'), a deed the article dates ('within 60
days of the arrest'), or a deed told after its noun ('within 30 days of the order being lifted'); an
anchor the article does not date leaves a forward claim with no deadline. Made-up sentences."""
from datetime import date

import pytest

from tracker.nlp.mentions import find_mentions


def _forward(text: str, dct: date) -> list[tuple[str, str | None, str]]:
    return [(m.predicate, m.deadline.isoformat() if m.deadline else None, m.anchor)
            for m in find_mentions(text, dct) if m.forward]


@pytest.mark.parametrize("text, dct, predicate, deadline, anchored_on", [
    # a date named after the duration
    ("The council must publish its response within 14 days of Monday, Jan. 19.", date(2026, 1, 21),
     "publish", "2026-02-02", "2026-01-19"),
    ("The operator will notify passengers within 10 days of March 3.", date(2026, 2, 20),
     "notify", "2026-03-13", "2026-03-03"),
    # a deed the article dates, read after an obligation ("must") as after a commitment
    ("Pell Varga was detained at the border on Wednesday. Under the treaty, Norland must file its formal "
     "request within 60 days of the arrest.", date(2026, 2, 12), "file", "2026-04-12", "arrest ="),
    # a deed told after its noun: the article's dated report about that noun is the anchor
    ("The flood warning for the valley was downgraded on Tuesday. The council said it would finish "
     "inspecting damaged bridges within 30 days of the warning being lifted.", date(2026, 8, 5),
     "inspect", "2026-09-03", "warning ="),
])
def test_counted_from_anchor(text, dct, predicate, deadline, anchored_on):
    found = [f for f in _forward(text, dct) if f[0] == predicate]
    assert found, _forward(text, dct)
    assert found[-1][1] == deadline
    assert anchored_on in found[-1][2]


@pytest.mark.parametrize("text, predicate", [
    # no date for the anchor in the article: forward, no deadline (not publication + N)
    ("Under the treaty, Norland must file its formal request within 60 days of the arrest.", "file"),
    ("The council said it would finish inspecting damaged bridges within 30 days of the warning being lifted.",
     "inspect"),
    ("The agency will publish its findings within 45 days of the announcement.", "publish"),
])
def test_anchor_not_dated(text, predicate):
    found = [f for f in _forward(text, date(2026, 8, 5)) if f[0] == predicate]
    assert found and found[0][1] is None and "no date in the article" in found[0][2], _forward(text, date(2026, 8, 5))


@pytest.mark.parametrize("text", [
    # a past obligation is no claim; a distance names no event
    "The ministry had to respond within 30 days of the ruling.",
])
def test_no_claim(text):
    assert _forward(text, date(2026, 8, 5)) == []


def test_place_is_no_anchor():
    found = _forward("Crews will clear every road within 10 days of the terminal.", date(2026, 8, 5))
    assert all("terminal" not in f[2] for f in found), found


@pytest.mark.parametrize("text, deadline", [
    # a weekday naming which holders is no time: the duration counts from the publication day
    ("Saturday day-ticket holders will be refunded in full within 14 days, the organisers said.", "2025-09-01"),
])
def test_weekday_modifier_is_no_anchor(text, deadline):
    found = [f for f in _forward(text, date(2025, 8, 18)) if f[0] == "refund"]
    assert found and found[0][1] == deadline, _forward(text, date(2025, 8, 18))


def test_weekday_opening_a_clause_still_dates_it():
    found = _forward("Monday the council will vote on the plan.", date(2025, 8, 14))
    assert ("vote", "2025-08-18") in [f[:2] for f in found], found
