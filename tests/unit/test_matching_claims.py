"""Which report settles which claim, and which mentions are one event (session 4): each rule with the
cases that must match and the cases that must stay apart."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tracker.nlp import find_mentions
from tracker.timeline._clauses import passing_deeds

CET = timezone(timedelta(hours=2))


# --- a deed told in passing is not told twice when the body repeats the headline ---

def test_a_deed_the_finder_reported_is_not_repeated_below_a_headline() -> None:
    title = "Bridge opening postponed to June 20 after cable fault"
    body = ("The opening of the Alder Harbour Bridge has been postponed to June 20 after inspectors found faulty "
            "anchor cables during load tests on Wednesday.\nThe mayor said safety came first.")
    for text in (f"{title}\n{body}", body):
        found = find_mentions(text, datetime(2026, 5, 8, 18, 45, tzinfo=CET), title=title)
        assert any(m.predicate == "find" and m.timex is not None for m in found)
        assert passing_deeds(text, found) == []


def test_a_deed_in_passing_below_a_headline_is_numbered_as_the_finder_numbers_it() -> None:
    title = "Launch date set"
    body = ("NASA met reporters on Monday.\nNASA set a new launch date of March 30, 2021, after an independent review "
            "board found that errors had set the project back.")
    text = f"{title}\n{body}"
    found = find_mentions(text, datetime(2018, 6, 27, 12, 0, tzinfo=CET), title=title)
    deeds = passing_deeds(text, found)
    assert [(m.predicate, m.subject) for m in deeds] == [("find", "independent review board")]
    finder = {m.sentence_index for m in found if m.sentence.startswith("NASA set")}
    assert {m.sentence_index for m in deeds} == (finder or {1})


# --- a passive report with no agent meets the claim of whoever was to do it, by object and verb ---

import pytest  # noqa: E402

from tracker.timeline._keys import mention_keys, passive_of, thread_records  # noqa: E402

D = __import__("datetime").date


def _thread(*mentions: tuple[str, str, tuple[str, ...], str, bool, object]) -> list[str]:
    items = []
    for predicate, subject, parts, sentence, forward, day in mentions:
        own, keys = mention_keys(predicate, subject, parts, sentence, forward, day)
        items.append((own, keys, day))
    return thread_records(items)


CLAIM = ("restore", "Gulf Coast Electric", ("Gulf Coast Electric",),
         "The utility now says it will restore power to all remaining customers by Friday.", True, D(2025, 9, 12))


@pytest.mark.parametrize("sentence, passive, agent", [
    ("In Corpus Christi, where power was restored to the last customers on Sept. 11, rebuilding goes on.", True, ""),
    ("Power has been restored to 92 per cent of customers.", True, ""),
    ("Power was restored by Friday.", True, ""),                        # a time, not an agent
    ("Power was restored by Gulf Coast Electric on Friday.", True, "Gulf Coast Electric"),
    ("Power was restored by a rival utility on Sept. 11.", True, "a rival utility"),
    ("The power restored hope to the town.", False, ""),                 # active: no passive at all
])
def test_passive_and_its_agent(sentence: str, passive: bool, agent: str) -> None:
    assert passive_of("restore", "power", sentence) == (passive, agent)


def test_a_passive_report_without_agent_settles_the_claim_by_its_object() -> None:
    report = ("restore", "power", ("Corpus Christi",),
              "In Corpus Christi, where power was restored to the last customers on Sept. 11, rebuilding goes on.",
              False, D(2025, 9, 11))
    keys = _thread(CLAIM, report)
    assert keys[0] == keys[1]


@pytest.mark.parametrize("report", [
    # an explicit other agent did it
    ("restore", "power", (), "Power was restored by a rival utility on Sept. 11.", False, D(2025, 9, 11)),
    # another actor is named in the report
    ("restore", "power", ("Lone Star Power",), "Power was restored to Lone Star Power customers on Sept. 11.",
     False, D(2025, 9, 11)),
    # the same verb with another object
    ("restore", "water", (), "Water was restored to the last homes on Sept. 11.", False, D(2025, 9, 11)),
])
def test_a_passive_report_with_another_actor_or_object_stays_apart(report) -> None:
    keys = _thread(CLAIM, report)
    assert keys[0] != keys[1]


# --- approvals are keyed by what is approved; the approver does not join two approvals ---

OUR_CLAIM = ("approve", "FDA", ("FDA", "Arden Therapeutics"),
             "The FDA has extended its review of Arden Therapeutics' relvastim by three months and will now decide "
             "whether to approve the drug by Jan. 14, the company said on Thursday.", True, D(2026, 1, 14))


def test_an_approval_of_the_same_product_settles_the_claim() -> None:
    ours = ("approve", "FDA", ("FDA", "Arden Therapeutics"),
            "The FDA approved Arden Therapeutics' relvastim on Friday for adults with the disease.", False, D(2026, 1, 9))
    keys = _thread(OUR_CLAIM, ours)
    assert keys[0] == keys[1]


@pytest.mark.parametrize("others", [
    # a rival's drug, approved by the same agency
    [("approve", "FDA", ("FDA", "Halcyon Bio"),
      "The FDA on Friday approved Halcyon Bio's tepravir, a daily pill, as the first treatment.", False, D(2025, 9, 5))],
    # ... even with a third mention that names the agency and no object ("the FDA approved it")
    [("approve", "FDA", ("FDA", "Halcyon Bio"),
      "The FDA on Friday approved Halcyon Bio's tepravir, a daily pill, as the first treatment.", False, D(2025, 9, 5)),
     ("approve", "FDA", ("FDA",), "Shipments began weeks after the FDA approved it on Sept. 5.", False, D(2025, 9, 5))],
    # the agency named in full
    [("approve", "U.S. Food and Drug Administration", ("U.S. Food and Drug Administration", "Halcyon Bio"),
      "The U.S. Food and Drug Administration approved Halcyon Bio's tepravir on Friday.", False, D(2025, 9, 5))],
])
def test_an_approval_of_another_product_stays_apart(others) -> None:
    keys = _thread(OUR_CLAIM, *others)
    assert keys[1] != keys[0]       # a mention naming no object may still meet the claim ("name nothing else")


@pytest.mark.parametrize("predicate, subject, parts, sentence, key", [
    # no object named: the subject stays
    ("approve", "FDA", ("FDA",), "The FDA approved it on Sept. 5.", "pass|fda"),
    # a common object ("the law") identifies nothing alone: the doer stays
    ("pass", "Senate", ("Senate",), "The Senate passed the law in February.", "pass|senate"),
    # the subject of the infinitive is what is passed, not a doer
    ("pass", "Digital Competition Bill", ("Digital Competition Bill", "Parliament"),
     "The government expects the bill to pass both houses of Parliament by the end of the year.", "pass|digital competition"),
    # the subject told after the verb is what is launched
    ("launch", "James Webb Space Telescope", ("James Webb Space Telescope", "NASA"),
     "NASA is now targeting Friday for the launch of the James Webb Space Telescope, after engineers fixed the launch "
     "vehicle system.", "launch|james webb space telescope"),
])
def test_a_subject_that_is_no_mere_doer_stays(predicate, subject, parts, sentence, key) -> None:
    _own, keys = mention_keys(predicate, subject, parts, sentence, True, None)
    assert key in keys


# --- a country's possessive makes an institution noun another country's institution ---

CNB_STORY = ("PRAGUE — The Czech National Bank kept its main interest rate at 3.25 per cent on Wednesday. "
             "{}")


@pytest.mark.parametrize("sentence, subject", [
    ("Hungary's central bank, by contrast, cut its base rate by a quarter point on Tuesday.", "Hungary's central bank"),
    ("In Budapest, Hungary's central bank kept its base rate unchanged on Tuesday.", "Hungary's central bank"),
    # negatives: a bare institution noun is still the story's bank; a name after the possessive is that name
    ("The central bank cut its base rate by a quarter point on Tuesday.", "Czech National Bank"),
    ("Poland's Bank Pekao cut its deposit rates on Tuesday.", "Bank Pekao"),
])
def test_a_countrys_institution_is_not_the_storys(sentence: str, subject: str) -> None:
    found = find_mentions(CNB_STORY.format(sentence), D(2025, 12, 17))
    assert subject in [m.subject for m in found if m.sentence.startswith(sentence[:20])]


# --- a subject that ends in an -ing noun keeps its head ---

@pytest.mark.parametrize("sentence, subject", [
    ("Pramaan Pay's initial public offering will open for subscription on Tuesday, Oct. 14.", "initial public offering"),
    ("Norvane's rights offering will open on Monday.", "rights offering"),
    ("Kestrel's bond offering was priced on Monday.", "bond offering"),
])
def test_an_ing_head_noun_stays_in_the_subject(sentence: str, subject: str) -> None:
    assert subject in [m.subject for m in find_mentions(sentence, D(2025, 10, 6))]


def test_an_ing_word_that_is_a_verb_stays_out() -> None:
    subjects = [m.subject for m in find_mentions("Shares of the company, rising on Monday, will list on Oct. 23.",
                                                 D(2025, 10, 6))]
    assert not any(s.endswith("rising") for s in subjects)


# --- "X of <place>": a company of a city is the company, met under its short name elsewhere ---

from tracker.nlp.entities import find_entities  # noqa: E402


@pytest.mark.parametrize("text, names", [
    ("Sahyadri Biologics of Pune will ship 2 million doses.", ["Sahyadri Biologics", "Pune"]),
    ("Tata Motors of India said on Monday.", ["Tata Motors", "India"]),
    # names of their own: an organisation or place word before "of", or one word
    ("The Reserve Bank of Australia left rates unchanged.", ["Reserve Bank of Australia"]),
    ("The Port of Corpus Christi reopened.", ["Port of Corpus Christi"]),
    ("The University of Toronto said.", ["University of Toronto"]),
    ("Bank of England Governor Andrew Bailey spoke.", ["Bank of England", "Andrew Bailey"]),
])
def test_a_name_of_a_place(text: str, names: list[str]) -> None:
    assert [e.name for e in find_entities(text)] == names


# --- a noun phrase with a prepositional phrase before its verb: the head is before the preposition ---

@pytest.mark.parametrize("sentence, subject", [
    ("The finance minister said coupon payments on the eurobond would not resume this year.", "coupon payments"),
    ("Flights to the island will resume on Monday.", "flights"),
    ("Workers at the plant will strike on Monday.", "workers"),
    ("The governors of the five coastal provinces met on Tuesday.", "governors"),
    # negative: no noun before the preposition, the phrase is no subject's
    ("Later in the day the board will meet again on Friday.", "board"),
])
def test_the_head_before_a_preposition(sentence: str, subject: str) -> None:
    assert subject in [m.subject for m in find_mentions(sentence, D(2025, 10, 6))]


# --- an appositive after a lone opening word is evidence of a name ---

@pytest.mark.parametrize("text, names", [
    ("Starwake, the space-trading game from Bristol studio Tallow Forge, is due out on Oct. 23.",
     ["Starwake", "Bristol", "Tallow Forge"]),
    ("Kestrel, a Norwegian utility, agreed to the deal.", ["Kestrel", "Norway"]),
    # negatives: an opening adverb or function word with a comma is no name
    ("Meanwhile, the bank, which has struggled, said on Monday.", []),
    ("However, the board, in a statement, said no.", []),
])
def test_an_appositive_names_the_word_it_describes(text: str, names: list[str]) -> None:
    assert [e.name for e in find_entities(text)] == names


# --- "the crews who replaced ...": a restrictive relative clause's subject is the noun before "who" ---

@pytest.mark.parametrize("sentence, predicate, subject", [
    ("Mayor Elena Ruiz cut the ribbon and thanked the crews who replaced the faulty anchor cables in May.",
     "replace", "crews"),
    ("The minister, who arrived on Monday, met the union.", "arrive", "minister"),
])
def test_the_subject_of_a_relative_clause(sentence: str, predicate: str, subject: str) -> None:
    assert (predicate, subject) in [(m.predicate, m.subject) for m in find_mentions(sentence, D(2026, 6, 21))]
