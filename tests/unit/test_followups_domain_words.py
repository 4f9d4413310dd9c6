"""Follow-ups postponed, rescheduled and called off in the words news uses (session 4, FOLLOWUPS):
a revised plan in reported speech ("would now be published on Feb. 5"), a time given to act ("has
until Dec. 2"), a regulator's extension ("extended its deadline ... to Dec. 23"), undated put-offs
("held up by an inspection", "would also be delayed"), call-offs of a plan ("scrapped plans to sell",
"will no longer sell", "declined on Tuesday to authorise"); each with what must NOT be read so."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp import find_mentions


def _read(sentence: str, day: date) -> list[tuple[str, str, bool, date | None]]:
    return [(m.predicate, m.modality, m.forward, m.deadline) for m in find_mentions(sentence, day)]


@pytest.mark.parametrize("sentence, day, expected", [
    # a revised plan looks ahead like "will", even after "said": the coming Feb. 5, not the past one
    ("Vesela also said the delayed strategy review would now be published on Feb. 5.", date(2025, 11, 6),
     ("publish", "expected", True, date(2026, 2, 5))),
    ("Nordhavn said it now expected to complete the takeover in January.", date(2025, 12, 19),
     ("complete", "expected", True, date(2026, 1, 31))),
    # a time given to act ends with its day
    ("It now has until Dec. 2 to decide whether to clear the deal.", date(2025, 7, 18),
     ("decide", "expected", True, date(2025, 12, 2))),
    # a regulator's extension is its decision, moved to the new date
    ("The European Commission has extended its deadline for a decision on Nordhavn Line's takeover of "
     "Baltica Ferries by 15 working days to Dec. 23, after the companies asked for time.", date(2025, 11, 20),
     ("decide", "scheduled", True, date(2025, 12, 23))),
    ("The regulator extended its review until March 3.", date(2025, 10, 2),
     ("decide", "scheduled", True, date(2026, 3, 3))),
    # "and will now decide ..." ends the extension: the decision named is the event
    ("The FDA has extended its review of the drug by three months and will now decide whether to approve "
     "the drug by Jan. 14, the company said on Thursday.", date(2025, 10, 2),
     ("approve", "scheduled", True, date(2026, 1, 14))),
    # a possessive before a named compound: "their Fenmoor headline show" is no verb "show"
    ("The Marrow Lights will now play their Fenmoor headline show at Fenmoor Park on Saturday, Sept. 13.",
     date(2025, 8, 18), ("play", "scheduled", True, date(2025, 9, 13))),
])
def test_a_new_date_in_the_words_of_the_news(sentence: str, day: date, expected: tuple) -> None:
    assert expected in _read(sentence, day)


@pytest.mark.parametrize("sentence, day, absent", [
    # "now" without a plan is no revision: what happened then happened
    ("The review, now out of date, was published on Feb. 5.", date(2025, 11, 6), ("publish", True)),
    # a bare "until" is exclusive: closed until Dec. 2 means open again on Dec. 2
    ("The bridge will be closed until Dec. 2.", date(2025, 7, 18), None),
    # extending a ceasefire moves no decision
    ("The two sides extended the ceasefire until March 3.", date(2025, 10, 2), ("decide", True)),
])
def test_no_new_date_where_none_was_given(sentence: str, day: date, absent: tuple | None) -> None:
    read = _read(sentence, day)
    if absent is None:
        assert all(d != date(2025, 12, 2) for *_, d in read)
    else:
        assert not any((p, f) == absent for p, _, f, _ in read)


@pytest.mark.parametrize("sentence, day, expected", [
    ("The second shipment from Sahyadri Biologics, which had been due this month, has been held up by a "
     "Health Canada inspection of the company's plant in Pune.", date(2025, 10, 2), ("ship", "postponed")),
    # a reported "would" announces the delay; it is no hedge
    ("Okafor said the rollout to all other adults would also be delayed.", date(2025, 10, 2),
     ("roll out", "postponed")),
    # a call-off of a plan is about the planned act
    ("Hanil has scrapped plans to sell the Aero 7 in Australia, blaming weak demand.", date(2025, 6, 20),
     ("sell", "cancelled")),
    # a named actor that will no longer act calls the act off (the name before an apposition is the actor)
    ("Harbourline Capital, Pramaan's largest outside shareholder, will no longer sell any shares in the offer "
     "and will keep its full 18 per cent stake, the filing showed.", date(2025, 11, 10), ("sell", "cancelled")),
    # a refusal with its day between the verbs still hands over to the act
    ("Separately, the Canadian regulator declined on Tuesday to authorise the children's version of the "
     "vaccine, asking for more trial data.", date(2025, 10, 22), ("authorise", "cancelled")),
])
def test_put_off_or_called_off_in_domain_words(sentence: str, day: date, expected: tuple[str, str]) -> None:
    assert expected in [(p, m) for p, m, _, _ in _read(sentence, day)]


@pytest.mark.parametrize("sentence, day", [
    ("Shares held up well on Monday.", date(2025, 10, 2)),                        # "held up" is no delay here
    ("Okafor said the rollout could also be delayed.", date(2025, 10, 2)),        # hedged
    ("Okafor said the rollout would be delayed if supplies ran short.", date(2025, 10, 2)),   # a condition
    ("The FDA said it no longer needed outside advice on the application.", date(2025, 8, 12)),  # no act
    ("The regulator declined on Tuesday to comment on the children's version.", date(2025, 10, 22)),
    ("The company may scrap plans to sell the car in Australia.", date(2025, 6, 20)),    # hedged
    ("The company rejected a bid from a rival on Tuesday.", date(2025, 6, 20)),          # no plan called off
])
def test_no_put_off_or_call_off_without_a_firm_cue(sentence: str, day: date) -> None:
    read = _read(sentence, day)
    assert not any(m in ("postponed", "cancelled") and p != "reject" for p, m, _, _ in read
                   if sentence.startswith(("Shares", "Okafor", "The FDA", "The regulator", "The company may")))
    if sentence.startswith("The company rejected"):
        assert not any(p == "sign" for p, *_ in read)


def test_an_old_promise_is_no_event_of_its_own() -> None:
    read = _read("Hanil Motors has pushed back the over-the-air fix for the Aero 7, which had been promised for "
                 "this month, the company said on Wednesday.", date(2025, 5, 28))
    assert not any(p == "promise" for p, *_ in read)


def test_a_cue_word_as_a_noun_after_an_adjective_is_no_plan() -> None:
    # "its long-awaited offer to bondholders" is a noun: the offer was made on Monday
    assert ("offer", "occurred", False, None) in _read("Malawi made its long-awaited offer to bondholders on Monday.",
                                                        date(2025, 3, 12))
    # the verb "offered to" is still an intention
    assert ("pay", "expected") in [(p, m) for p, m, _, _ in _read("Malawi offered to pay bondholders on Monday.",
                                                                   date(2025, 3, 12))]


def test_taken_off_the_calendar_is_put_off_and_the_old_date_is_no_event() -> None:
    read = _read("The board discussion, which had been pencilled in for June 25, has been taken off the calendar, "
                 "and no new date has been set.", date(2025, 6, 20))
    assert [(m, f) for _, m, f, _ in read] == [("postponed", False)]
    # a product taken off the market is a call-off of its sale, not a put-off
    assert ("sell", "cancelled") in [(p, m) for p, m, _, _ in _read("The company took the product off the market.",
                                                                     date(2025, 6, 20))]


@pytest.mark.parametrize("sentence, day, expected, absent", [
    # a report still to come of a date noun is the report, not the dated event
    ("The studio will reveal the game's new release date tomorrow during a livestream.", date(2025, 8, 27),
     "reveal", "release"),
    ("The studio will announce the new release date on Friday.", date(2025, 8, 27), "announce", "release"),
    # the date's own value still dates the event it names
    ("NASA on Wednesday set a new launch date of March 30, 2021.", date(2020, 7, 16), "launch", "set"),
    # a phrasal postponement stays one
    ("NASA on Wednesday pushed back the launch to March.", date(2020, 7, 16), "launch", "push"),
])
def test_which_word_a_date_noun_leaves_as_the_event(sentence: str, day: date, expected: str, absent: str) -> None:
    preds = [p for p, *_ in _read(sentence, day)]
    assert expected in preds and absent not in preds


def test_a_time_closing_an_ordinal_dates_nothing() -> None:
    # "of the year" is the span "first" counts in: tomorrow dates the decision
    read = _read("The board will announce its first rate decision of the year tomorrow too.", date(2026, 2, 4))
    assert [(p, d) for p, _, f, d in read if f] == [("decide", date(2026, 2, 5))]
    # "since May" names the last cut, not a new one
    read = _read("The bank lowered its main interest rate by 25 basis points on Wednesday, its first reduction "
                 "since May.", date(2025, 11, 5))
    assert all(p == "lower" for p, *_ in read)
    # not an ordinal's span: the date of the meeting itself
    assert ("meet", "scheduled", True, date(2026, 1, 5)) in _read(
        "The company will hold its first meeting of shareholders on Jan. 5.", date(2025, 12, 20))
