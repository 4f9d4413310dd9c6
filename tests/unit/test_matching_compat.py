"""Reports that settle a claim told in other words (compatible classes, `data/compat.toml`, `_compat`):
pairs that must join (and with what status) and pairs that must not: same words, another actor, another day."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.unit._mentions import sentence_record as _rec
from tests.unit._mentions import settled_apart as _settled
from tracker.timeline._compat import calls_off, compat_keys, object_head, relations, things_of
from tracker.timeline._records import Record

D = date


VOTE = _rec("vote", "City", "scheduled", D(2026, 1, 8), D(2026, 2, 10),
            "City council will then vote on the budget at a special meeting on Feb. 10.", ("City",))
APPROVED = _rec("approve", "Toronto", "occurred", D(2026, 2, 11), D(2026, 2, 10),
                "Toronto city council approved a C$18.7 billion budget on Tuesday evening after trimming the property "
                "tax increase to 5.4 per cent.", ("Toronto", "Canada"))
MISSISSAUGA = _rec("approve", "council", "occurred", D(2026, 2, 9), D(2026, 2, 4),
                   "Neighbouring Mississauga's council approved its 2026 budget last Wednesday with a 4.8 per cent tax "
                   "increase.", ("Neighbouring Mississauga",))
WINNIPEG = _rec("approve", "Winnipeg", "occurred", D(2026, 2, 11), D(2026, 2, 10),
                "Winnipeg city council approved its budget on Tuesday.", ("Winnipeg", "Toronto"))
EXTRA = _rec("vote", "city council", "scheduled", D(2024, 10, 1), D(2024, 12, 12),
             "The city council will vote on Dec. 12 on an extra 4 million euros for the project.", ("Maritime",))
VOTED_DOWN = _rec("vote", "city council", "occurred", D(2024, 12, 13), D(2024, 12, 12),
                  "Rotterdam's city council on Thursday voted down a request for an extra 4 million euros for the "
                  "Rijnhaven Maritime Museum.", ("Rotterdam",))
PAY_DEAL = _rec("reach", "Inês Valadares", "expected", D(2025, 10, 22), D(2025, 10, 21),
                "Lusavia's chief executive, Inês Valadares, said she expected to reach a pay deal with the cabin crew "
                "by the end of the month.", ("Lusavia", "Inês Valadares"), last=D(2025, 10, 31), deadline=D(2025, 10, 31))
AGREED = _rec("reached", "two sides", "occurred", D(2025, 10, 30), None,
              "Travelers booked on Lusavia this weekend can breathe again: the Portuguese airline's cabin crew union "
              "withdrew its strike notice on Thursday after the two sides reached a provisional agreement on pay.", ())
RIVAL_DEAL = _rec("reach", "Ryanair", "occurred", D(2025, 10, 29), D(2025, 10, 28),
                  "Ryanair reached an agreement with its pilots on Tuesday.", ("Ryanair",))
STRIKE = _rec("strike", "cabin crew", "conditional", D(2025, 10, 22), D(2025, 10, 31),
              "Cabin crew at Lusavia will strike on Friday, Oct. 31 and Saturday, Nov. 1 unless the Portuguese "
              "low-cost airline improves its pay offer, their union, SINTAC, said on Wednesday.", ("Lusavia",))
WITHDRAWN = _rec("strike", "Portugal", "occurred", D(2025, 10, 30), D(2025, 10, 30), AGREED.sentence, ("Portugal",))
RIVAL_STRIKE = _rec("strike", "Vueling", "occurred", D(2025, 10, 29), D(2025, 10, 29),
                    "Vueling's cabin crew union withdrew its strike notice on Wednesday.", ("Vueling",))
OVERRIDE = _rec("override", "Councillors backed cut", "expected", D(2026, 2, 12), D(2026, 2, 25),
                "Councillors who backed the cut said they would override the veto at a special meeting on Feb. 25.",
                ("Councillors backed cut",))
FAILED = _rec("fail", "veto", "occurred", D(2026, 2, 26), D(2026, 2, 25),
              "TORONTO — An attempt to overturn Mayor Teresa Lindqvist's veto of a C$20 million cut to the police "
              "budget failed on Wednesday night, when only 15 councillors voted for it.", ("Teresa Lindqvist",))
REVIEW = _rec("release", "Nadia Farouk", "expected", D(2026, 1, 8), D(2026, 4, 21),
              "The city's auditor general, Nadia Farouk, will release her review of the shelter system by the end of "
              "April, her office said.", ("Nadia Farouk",), last=D(2026, 4, 30), deadline=D(2026, 4, 30))
RELEASED = _rec("release", "auditor review", "occurred", D(2026, 9, 15), D(2026, 4, 22),
                "The auditor general's review of the shelter system, released on April 22, found that the city paid "
                "hotels C$38 million for rooms that stood empty.", ("Teresa Lindqvist",))
OUTLOOK = _rec("review", "S&P Global Ratings", "expected", D(2026, 2, 12), None,
               "S&P Global Ratings is expected to review Toronto's AA rating in the coming weeks.",
               ("S&P Global Ratings", "Toronto"), deadline=D(2026, 3, 26))
SPEAK = _rec("speak", "residents", "expected", D(2026, 1, 8), D(2026, 1, 12),
             "Residents will be able to speak to the city's budget committee next week, in two days of public "
             "deputations at City Hall.", ("Teresa Lindqvist",), last=D(2026, 1, 18), deadline=D(2026, 1, 18))
ADDRESSED = _rec("address", "residents", "occurred", D(2026, 2, 9), D(2026, 1, 15),
                 "The budget committee recommended a series of changes after two days of public deputations on Jan. 15 "
                 "and 16, when more than 200 residents addressed councillors.", ("Toronto",))
PRINCIPLE = _rec("agree", "Chikondi Banda", "expected", D(2025, 5, 2), D(2025, 9, 21),
                 "He still expects the government and its bondholders to reach an agreement in principle by the end "
                 "of September, he told reporters in Lilongwe.", ("Chikondi Banda", "Malawi"), last=D(2025, 9, 30),
                 deadline=D(2025, 9, 30))
IN_PRINCIPLE = _rec("agree", "Malawi", "occurred", D(2025, 11, 12), D(2025, 11, 11),
                    "Malawi and the committee of holders of its $500 million eurobond reached an agreement in principle "
                    "on Tuesday, six weeks after the government's own target.", ("Malawi",))
BONDS = _rec("issue", "new bonds", "expected", D(2025, 11, 12), D(2026, 1, 21),
             "The Finance Ministry said the new bonds would be issued by the end of January.", ("Finance Ministry",),
             last=D(2026, 1, 31), deadline=D(2026, 1, 31))
ISSUED = _rec("issue", "Malawi", "occurred", D(2026, 2, 20), D(2026, 2, 19),
              "Malawi issued its new 2036 bonds on Thursday, completing the restructuring of its eurobond.", ("Malawi",))
TO_CLOSE = _rec("close", "Baltica Ferries", "conditional", D(2025, 9, 1), D(2025, 9, 1),
                "The companies expect the deal to close by the end of the year, subject to approval from the European "
                "Commission.", ("Baltica Ferries",), last=D(2025, 12, 31), deadline=D(2025, 12, 31))
ACQUIRED = _rec("acquire", "Baltica Ferries", "occurred", D(2026, 2, 3), D(2026, 2, 2),
                "Nordhavn Line completed its acquisition of Baltica Ferries on Monday, a few days later than planned.",
                ("Nordhavn Line", "Baltica Ferries"))
KATTEGAT = _rec("complete", "Kattegat Lines", "occurred", D(2026, 1, 21), D(2026, 1, 20),
                "Kattegat Lines, a smaller rival, completed its purchase of two new vessels from a Polish yard on Jan. 20.",
                ("Kattegat Lines",))
MEMBERS_VOTE = _rec("vote", "members", "expected", D(2025, 6, 20), None,
                    "Members will vote on the tentative agreement within 30 days, the union said.",
                    ("Pacific Longshore Union",), deadline=D(2025, 7, 20))
MEMBERS_REJECTED = _rec("reject", "members", "cancelled", D(2025, 7, 18), D(2025, 7, 17),
                        "Members rejected the tentative agreement on Thursday, the Pacific Longshore Union said.",
                        ("Pacific Longshore Union",))
TO_APPROVE = replace(MEMBERS_VOTE, predicate="approve",
                     sentence="Members are expected to approve the tentative agreement within 30 days.")
WALK_OFF = _rec("walk", "members", "conditional", D(2025, 3, 14), D(2025, 3, 17),
                "The CFMEU said its members would walk off the job at Tamber's two other Queensland mines on Monday if "
                "the company did not agree to an independent audit of roof supports.", ("CFMEU", "Tamber Coal"))
CALLED_OFF = _rec("agree", "Tamber Coal", "occurred", D(2025, 3, 15), D(2025, 3, 14),
                  "Tamber Coal agreed late on Friday to an independent audit of roof supports, and the CFMEU called off "
                  "the stoppage it had threatened.", ("Tamber Coal", "CFMEU"))
OTHER_UNION = _rec("agree", "Bellbird Resources", "occurred", D(2025, 3, 15), D(2025, 3, 14),
                   "Bellbird Resources agreed to a pay rise on Friday, and the AMWU called off the stoppage it had "
                   "threatened.", ("Bellbird Resources", "AMWU"))
WINNIPEG_OUTLOOK = _rec("lower", "Moody's Ratings", "occurred", D(2026, 3, 20), D(2026, 3, 19),
                        "On the same day Moody's Ratings lowered its outlook on Winnipeg to negative.",
                        ("Moody's Ratings", "Winnipeg"))


JOIN = [
    ("a vote settled by its approval", VOTE, [APPROVED], "fulfilled", APPROVED),
    ("a vote settled when the money is voted down", EXTRA, [VOTED_DOWN], "fulfilled", VOTED_DOWN),
    ("a pay deal settled by a provisional agreement", PAY_DEAL, [AGREED], "fulfilled", AGREED),
    ("a threatened strike called off by withdrawing the notice", STRIKE, [WITHDRAWN], "cancelled", WITHDRAWN),
    ("an override cancelled by a failed attempt to overturn", OVERRIDE, [FAILED], "cancelled", FAILED),
    ("residents who were to speak addressed councillors", SPEAK, [ADDRESSED], "fulfilled", ADDRESSED),
    ("an agreement in principle six weeks after the target", PRINCIPLE, [IN_PRINCIPLE], "late", IN_PRINCIPLE),
    ("bonds issued three weeks after the deadline", BONDS, [ISSUED], "late", ISSUED),
    ("a deal to close settled by the completed acquisition of the same company", TO_CLOSE, [KATTEGAT, ACQUIRED],
     "late", ACQUIRED),
    ("a vote held that rejected the agreement: the vote happened", MEMBERS_VOTE, [MEMBERS_REJECTED], "fulfilled",
     MEMBERS_REJECTED),
    ("an approval called off by the rejection", TO_APPROVE, [MEMBERS_REJECTED], "cancelled", MEMBERS_REJECTED),
    ("a threat called off by whoever made it", WALK_OFF, [CALLED_OFF], "cancelled", CALLED_OFF),
    ("a review settled by its release, told months later", REVIEW, [RELEASED], "fulfilled", RELEASED),
    ("another city's approval a week before the vote day is not it", VOTE, [MISSISSAUGA, APPROVED], "fulfilled",
     APPROVED),
]
APART = [
    ("another city's approval before the vote day", VOTE, [MISSISSAUGA]),
    ("another company's agreement", PAY_DEAL, [RIVAL_DEAL]),
    ("a rival's purchase of something else", TO_CLOSE, [KATTEGAT]),
    ("another union calling off its own stoppage", WALK_OFF, [OTHER_UNION]),
    ("an agreement three months after the target", PRINCIPLE,
     [replace(IN_PRINCIPLE, first=D(2026, 1, 6), last=D(2026, 1, 6), published_at=IN_PRINCIPLE.published_at.replace(2026, 1, 7))]),
    ("another airline's crew withdrawing its notice", STRIKE, [RIVAL_STRIKE]),
    ("another agency lowering another city's outlook", OUTLOOK, [WINNIPEG_OUTLOOK]),
    ("a report published before the claim was made and dated long before", REVIEW,
     [replace(RELEASED, first=D(2025, 11, 1), last=D(2025, 11, 1), published_at=RELEASED.published_at.replace(2025, 11, 2))]),
]


@pytest.mark.parametrize(("why", "claim", "reports", "status", "by"), JOIN, ids=[j[0] for j in JOIN])
def test_a_report_in_other_words_settles_the_claim(why: str, claim: Record, reports: list[Record], status: str,
                                                   by: Record) -> None:
    assert _settled(claim, reports) == (status, by)


@pytest.mark.parametrize(("why", "claim", "reports"), APART, ids=[a[0] for a in APART])
def test_same_words_of_another_actor_or_time_settle_nothing(why: str, claim: Record, reports: list[Record]) -> None:
    status, by = _settled(claim, reports)
    assert by is None and status in ("open", "overdue")


def test_a_place_of_another_claim_is_another_actor() -> None:
    claim = replace(VOTE, participants=("City", "Toronto"))
    assert _settled(claim, [WINNIPEG]) == ("overdue", None)


@pytest.mark.parametrize(("predicate", "sentence", "head"), [
    ("approve", APPROVED.sentence, "budget"),
    ("vote", VOTED_DOWN.sentence, "request"),
    ("reach", PAY_DEAL.sentence, "deal"),
    ("reached", AGREED.sentence, "deal"),          # "agreement" is the deal it was to be
    ("vote", EXTRA.sentence, ""),                   # "on Dec. 12": a time, no object
    ("approve", "The budget council approved on Tuesday otherwise stands.", ""),
])
def test_object_head(predicate: str, sentence: str, head: str) -> None:
    assert object_head(predicate, sentence) == head


def test_things_of_a_name_with_its_noun() -> None:
    assert "council" in things_of("approve", "Toronto", ["Toronto"], APPROVED.sentence)
    assert "council" in things_of("vote", "City", ["City"], VOTE.sentence)


@pytest.mark.parametrize(("pclass", "sentence", "claim", "off"), [
    ("strike", AGREED.sentence, True, True),
    ("strike", "The union said its members would strike again next month.", False, False),
    ("override", FAILED.sentence, True, True),
    ("override", "Councillors voted to override the veto.", False, False),
])
def test_calls_off(pclass: str, sentence: str, claim: bool, off: bool) -> None:
    assert calls_off(frozenset({pclass}), sentence) is off


def test_meetings_and_elections_get_no_compat_keys() -> None:
    assert compat_keys("meet", "meet", "Morita", ["Morita", "Zhao"], "Morita will meet Zhao on Friday.", True) == ()
    assert compat_keys("elect", "elect", "Portugal", ["Portugal"], "Portugal votes on Sunday.", True) == ()
    assert all(not ({"meet", "play", "elect"} & (r.claims | r.reports)) for r in relations())


@pytest.mark.parametrize(("pclass", "sentence", "thing"), [
    ("raise", "The mayor had cut the ribbon the previous afternoon, in front of 300 guests.", "ribbon"),
    ("raise", "Rotterdam's mayor will cut the ribbon at a ceremony for invited guests this afternoon.", "ribbon"),
    ("sign", "Morita and Zhao met in Beijing on Friday and signed a fisheries agreement covering the East China Sea.",
     "fisheries agreement"),                       # a participle with its own object ends the phrase
    ("close", "The port, which closed to vessel traffic at noon on Wednesday, will stay shut until the Coast Guard "
              "completes a survey.", ""),          # "until" is no object
    ("pass", "The Senate passed the 2019 budget on Thursday.", "2019 budget"),
])
def test_the_object_phrase_ends_before_another_phrase(pclass: str, sentence: str, thing: str) -> None:
    from tracker.timeline._keys import object_of

    assert object_of(pclass, sentence) == thing
