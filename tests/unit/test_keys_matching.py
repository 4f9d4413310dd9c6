"""Which mentions may be one event: classes of verbs that name their own deed, the head of a name, common
nouns told in reports, first parts of a whole. Each rule has positives and the negatives that must stay apart."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.timeline._keys import first_part_of, mention_class, mention_keys, name_head, thread_records
from tracker.timeline._lexicon import is_framing, is_own_deed

D = date


# --- classes: a verb of its own deed keeps its class; framing words of the sentence do not lend theirs ---

@pytest.mark.parametrize("predicate, sentence, cls", [
    # a verb that names its deed keeps its class, whatever event word stands nearby
    ("sentence", "Sentencing is set for May 15.", "sentence"),
    ("sentence", "Peter Kariuki was sentenced on Thursday to 12 years in prison.", "sentence"),
    ("restart", "The company said it expects to restart the refinery in the coming weeks.", "restart"),
    ("restart", "Coastal Bend Refining restarted its refinery on Monday.", "restart"),
    ("suspend", "The union suspended its strike on Friday after reaching a tentative agreement.", "suspend"),
    ("run", "Test trams will start running on the first section of track next month.", "run"),
    # framing and light verbs still take the event word of their sentence
    ("move", "The launch of the Crew-5 mission has been moved to Oct. 5.", "launch"),
    ("resume", "Talks with the employers will resume next week with a federal mediator.", "meet"),
    ("complete", "Mendonca completed his move on Wednesday, signing a five-year contract.", "sign"),
    # a verb the finder read from a phrase is its own deed: "give evidence" is testifying, not deciding
    ("testify", "Omondi said Kariuki had decided not to give evidence on legal advice.", "testify"),
    # a noun that looks like a verb form is no verb: "by 42 runs", "an operating loss"
    ("run", "England levelled the series when they beat New Zealand by 42 runs on Sunday.", "play"),
    ("lose", "Norvane reported a fourth-quarter operating loss of 180 million crowns on Thursday.", "report"),
    # "the end of the year" is a time, not a closing
    ("complete", "A second maintenance shed will be completed by the end of the year.", "complete"),
])
def test_the_class_of_a_mention(predicate: str, sentence: str, cls: str) -> None:
    assert mention_class(predicate, sentence) == cls


@pytest.mark.parametrize("predicate, sentence, own", [
    ("restart", "It expects to restart the refinery.", True),
    ("restart", "Refiners restarted two plants.", True),
    ("sentence", "He will be sentenced in March.", True),
    ("offer", "Pramaan Pay will open its initial public offering on Tuesday.", False),   # a noun after an adjective
    ("offer", "The company will fix the final offer price on Nov. 21.", False),
    ("run", "They won by 42 runs.", False),
    ("set", "Sentencing is set for May 15.", False),      # a framing verb, never its own deed
    ("resume", "Talks resumed on Monday.", False),        # a light verb: its event is the noun
    ("testify", "He decided not to give evidence.", True),  # read from a phrase: no form of it stands there
    ("hearing", "A council hearing on the plan was postponed.", False),  # a noun
])
def test_a_verb_of_its_own_deed(predicate: str, sentence: str, own: bool) -> None:
    assert is_own_deed(predicate, sentence) is own


@pytest.mark.parametrize("word, framing", [("set", True), ("start", True), ("expected", True), ("launch", False),
                                           ("talks", False), ("sentencing", False)])
def test_framing_words(word: str, framing: bool) -> None:
    assert is_framing(word) is framing


# --- the head of a name, and a report about a common noun ---

@pytest.mark.parametrize("name, head", [
    ("Port of Corpus Christi", "port"), ("Bank of Canada", "bank"), ("Auckland Harbour Bridge", "bridge"),
    ("the Court of Appeal", "court"), ("Riverside Line", "line"),
])
def test_the_head_of_a_name(name: str, head: str) -> None:
    assert name_head(name) == head


def _keys(predicate: str, subject: str, participants: tuple[str, ...], sentence: str, forward: bool, day: date | None):
    return mention_keys(predicate, subject, participants, sentence, forward, day)


PORT_CLOSES = ("close", "Port of Corpus Christi", ("Port of Corpus Christi",),
               "The Port of Corpus Christi will close to all vessel traffic tomorrow at noon.", True, D(2025, 8, 27))
PORT_CLOSED = ("close", "port", ("Coast Guard",),
               "The port, which closed to vessel traffic at noon on Wednesday, will stay shut until the Coast Guard "
               "completes a survey.", False, D(2025, 8, 27))
PORT_REOPENS = ("reopen", "port", (), "Port officials said the port will reopen to vessel traffic on Saturday.",
                True, D(2025, 8, 30))
CC_NOT_REOPENED = ("reopen", "Port of Corpus Christi", ("Port of Corpus Christi",),
                   "The Port of Corpus Christi did not reopen on Saturday as planned.", False, D(2025, 8, 30))
BROWNSVILLE = ("reopen", "Port of Brownsville", ("Port of Brownsville",),
               "Farther south, the Port of Brownsville reopened on Friday.", False, D(2025, 8, 29))
CC_CLOSED_OTHER_DAY = ("close", "port", ("Coast Guard",), "The port closed to vessel traffic at noon on Tuesday.",
                       False, D(2025, 8, 26))
TRAMS_TO_RUN = ("run", "test trams", ("Helen Voss",), "Test trams will start running on the first section of track "
                "next month, Voss said.", True, None)
TRAM_RAN = ("run", "first test tram", ("Brisbane", "Riverside Line"),
            "The first test tram ran on Brisbane's Riverside Line on Monday.", False, D(2023, 12, 18))
BUS_RAN = ("run", "first electric bus", ("Brisbane",), "The first electric bus ran in Brisbane on Monday.", False,
           D(2023, 12, 18))
STATIONS_TO_OPEN = ("open", "first six stations", ("Riverside Line", "Newstead", "Bulimba"),
                    "The first six stations of the Riverside Line, from Newstead to Bulimba, will open on Saturday.",
                    True, D(2025, 8, 16))
STAGE_OPENED = ("open", "first stage", ("Riverside Line",), "The first stage of the Riverside Line opened on Saturday.",
                False, D(2025, 8, 16))
LINE_OPENS = ("open", "Riverside Line", ("Riverside Line", "Carina"),
              "The Riverside Line, running from Newstead to Carina, will open by the end of 2024.", True, None)


def _together(*mentions) -> bool:
    items = []
    for m in mentions:
        own, keys = _keys(*m)
        items.append((own, keys, m[5] or D(2025, 1, 1)))
    return len(set(thread_records(items))) == 1


@pytest.mark.parametrize("a, b, together", [
    (PORT_CLOSES, PORT_CLOSED, True),           # "the port, which closed at noon on Wednesday" is the named port
    (PORT_REOPENS, CC_NOT_REOPENED, True),      # "the port will reopen on Saturday": the Port of Corpus Christi
    (PORT_REOPENS, BROWNSVILLE, False),         # another port, another day
    (PORT_CLOSES, CC_CLOSED_OTHER_DAY, False),  # the noun alone joins only on the same day
    (TRAMS_TO_RUN, TRAM_RAN, True),             # a report about test trams settles the claim about test trams
    (TRAMS_TO_RUN, BUS_RAN, False),             # another noun
    (STATIONS_TO_OPEN, STAGE_OPENED, True),     # the first part of the line, whatever noun names it
    (STATIONS_TO_OPEN, LINE_OPENS, False),      # the first stations are not the whole line
    (STAGE_OPENED, LINE_OPENS, False),
])
def test_which_mentions_are_one_thread(a, b, together: bool) -> None:
    assert _together(a, b) is together


def test_a_named_things_head_does_not_join_two_named_things() -> None:
    sydney = ("close", "Sydney Harbour Bridge", ("Sydney Harbour Bridge",), "The Sydney Harbour Bridge closed on "
              "Saturday.", False, D(2025, 2, 15))
    auckland = ("close", "Auckland Harbour Bridge", ("Auckland Harbour Bridge",), "The Auckland Harbour Bridge will "
                "close on Saturday.", True, D(2025, 2, 15))
    assert not _together(sydney, auckland)


@pytest.mark.parametrize("subject, sentence, part", [
    ("first six stations", "The first six stations will open on Saturday.", True),
    ("first stage", "The first stage of the line opened on Saturday.", True),
    ("first science images", "The first science images will be released in July.", False),  # no count, no part noun
    ("other five stations", "The other five stations are expected to open by the end of the year.", False),
    ("last five stations", "The last five stations will not open until mid-2026.", False),
    ("Riverside Line", "Brisbane's Riverside Line opened its first six stations on Saturday.", True),  # the object
])
def test_first_parts(subject: str, sentence: str, part: bool) -> None:
    assert bool(first_part_of("open", subject, sentence, ("Riverside Line",))) is part


# --- an event noun dated by the time right after it ("during load tests on Wednesday") ---

def _during(sentence: str, time_text: str, modality: str = "occurred"):
    from tests.unit._mentions import mention, timex
    from tracker.timeline._clauses import during_deeds

    from dataclasses import replace

    m = mention("find", "inspectors", modality, D(2026, 5, 6), participants=("Alder Harbour Bridge",), sentence=sentence)
    return during_deeds([replace(m, timex=timex("2026-05-06", D(2026, 5, 6), text=time_text))])


@pytest.mark.parametrize("sentence, time_text, modality, predicate", [
    ("Inspectors found faulty anchor cables during load tests on Wednesday.", "Wednesday", "occurred", "load test"),
    ("The two leaders spoke during talks on Wednesday.", "Wednesday", "occurred", "talk"),
    ("Inspectors found faulty cables during a visit on Wednesday.", "Wednesday", "occurred", "visit"),
    # not an event noun, not dated by its own time, or not a deed
    ("Inspectors found faulty cables during the night on Wednesday.", "Wednesday", "occurred", None),
    ("During load tests, inspectors found faulty cables on Wednesday.", "Wednesday", "occurred", None),
    ("Inspectors will check the cables during load tests on Wednesday.", "Wednesday", "scheduled", None),
])
def test_an_event_noun_dated_by_the_time_after_it(sentence: str, time_text: str, modality: str,
                                                  predicate: str | None) -> None:
    found = _during(sentence, time_text, modality)
    assert [m.predicate for m in found] == ([predicate] if predicate else [])


def test_the_load_test_claim_and_the_report_during_load_tests_are_one_thread() -> None:
    found = _during("The opening was postponed after inspectors found faulty cables during load tests on Wednesday.",
                    "Wednesday")
    claim = ("load-test", "engineers", ("Alder Harbour Bridge",), "Engineers will load-test the deck of the Alder "
             "Harbour Bridge in the first week of May.", True, None)
    report = (found[0].predicate, found[0].subject, found[0].participants, found[0].sentence, False, D(2026, 5, 6))
    assert _together(claim, report)


@pytest.mark.parametrize("predicate, sentence, cls", [
    ("resume", "Negotiations with the employers resumed on Monday with a federal mediator.", "meet"),
    ("resume", "Talks with the employers will resume next week.", "meet"),
    ("resume", "The union resumed its strike on Monday.", "resume"),   # no event word: the verb's own class
])
def test_negotiations_are_talks(predicate: str, sentence: str, cls: str) -> None:
    assert mention_class(predicate, sentence) == cls


@pytest.mark.parametrize("name, short", [
    ("australian competition and consumer commission", "accc"), ("czech national bank", "cnb"),
    ("european medicines agency", "ema"), ("riverside line", ""), ("port of corpus christi", "pcc"),
])
def test_acronyms(name: str, short: str) -> None:
    from tracker.timeline._keys import acronym

    assert acronym(name) == short


def test_a_body_named_in_full_meets_its_initials() -> None:
    full = ("rule", "Australian Competition and Consumer Commission", ("Australian Competition and Consumer Commission",),
            "Separately, the ACCC said it would issue a rule capping app store commissions within 90 days.", True, None)
    short = ("rule", "ACCC", ("ACCC",), "The ACCC on Monday withdrew its planned rule capping app store commissions.",
             False, D(2024, 10, 21))
    other = ("rule", "ASIC", ("ASIC",), "ASIC on Monday withdrew its planned rule on margin lending.", False,
             D(2024, 10, 21))
    assert _together(full, short)
    assert not _together(full, other)


WORKERS_TO_RETURN = ("return", "workers", ("Marisol Chen",), "Workers will return to the terminals on Saturday "
                     "morning, union president Marisol Chen said.", True, D(2025, 6, 21))
DOCKWORKERS_RETURNED = ("return", "dockworkers", ("Port of Vancouver",), "Dockworkers returned to the Port of "
                        "Vancouver's terminals on Saturday morning.", False, D(2025, 6, 21))
DOCKWORKERS_OTHER_DAY = ("return", "dockworkers", ("Port of Vancouver",), "Dockworkers returned to the terminals "
                         "on Monday.", False, D(2025, 6, 23))
AIRPORT_REOPENED = ("reopen", "airport", ("Coast Guard",), "The airport, which reopened on Saturday, was cleared by "
                    "the Coast Guard.", False, D(2025, 8, 30))


@pytest.mark.parametrize("a, b, together", [
    (WORKERS_TO_RETURN, DOCKWORKERS_RETURNED, True),    # a closed compound is a case of its last noun
    (WORKERS_TO_RETURN, DOCKWORKERS_OTHER_DAY, False),  # only on the same day
    (PORT_REOPENS, AIRPORT_REOPENED, False),            # 'air' is too short to be a word of its own here
])
def test_compound_nouns(a, b, together: bool) -> None:
    assert _together(a, b) is together


@pytest.mark.parametrize("sentence, parties, named", [
    ("The FDA is expected to approve a higher dose of its older drug Corvexa, used to treat a liver condition.",
     ("FDA", "Corvexa"), "Corvexa"),   # the object phrase runs on through 'of'
    ("SpaceX launched a batch of 52 Starlink satellites on Friday.", ("SpaceX", "Starlink"), "Starlink"),
    ("The Port of Corpus Christi did not reopen on Saturday as planned after a Coast Guard survey found debris.",
     ("Port of Corpus Christi", "Coast Guard"), ""),    # never past a phrase of time
    ("NASA's rocket launched the uncrewed capsule toward the Moon early Wednesday.", ("NASA", "Moon"), ""),
])
def test_the_named_object_after_the_verb(sentence: str, parties: tuple[str, ...], named: str) -> None:
    from tracker.timeline._keys import named_object_of

    assert named_object_of("pass" if "approve" in sentence else "launch" if "launch" in sentence else "open",
                           sentence, parties[0], parties) == named


SELL_EKLUND = ("sell", "club", ("Ellis Cole", "Jonas Eklund"), "Manager Ellis Cole said the club would now look to "
               "sell midfielder Jonas Eklund by the end of the transfer window.", True, None)
EKLUND_OFF_MARKET = ("sell", "Northbridge United", ("Northbridge United", "Al-Nakheel", "Jonas Eklund"),
                     "Northbridge United rejected a final offer from Al-Nakheel for Jonas Eklund and has taken the "
                     "midfielder off the market.", False, D(2025, 8, 29))
CLUB_SOLD_OKORO = ("sell", "club", ("Sam Okoro",), "The club sold winger Sam Okoro to a German side for 30 million "
                   "pounds on Friday.", False, D(2025, 7, 4))


@pytest.mark.parametrize("a, b, together", [
    (SELL_EKLUND, EKLUND_OFF_MARKET, True),   # a sale is named by what is sold
    (SELL_EKLUND, CLUB_SOLD_OKORO, False),    # "the club" sold another player; a generic noun carries nothing
])
def test_sales_and_generic_nouns(a, b, together: bool) -> None:
    assert _together(a, b) is together


@pytest.mark.parametrize("name, place", [
    ("Port Alder", True), ("Eden Park", True), ("Nueces County", True),      # places by their words (the recognizer)
    ("Port of Corpus Christi", False), ("Anne Tremblay", False), ("Sporting Alvor", False),
])
def test_places_are_never_parties(name: str, place: bool) -> None:
    from tracker.timeline._keys import _parties
    from tracker.timeline._lexicon import is_place

    assert is_place(name) is place
    assert (normalize(name) in _parties("governors", [name, "Zhao Wen"])) is not place


def normalize(name: str) -> str:
    from tracker.timeline._lexicon import normalize_name

    return normalize_name(name)


@pytest.mark.parametrize("pclass, sentence, thing", [
    # the object told before its verb, in a relative clause with a pronoun subject
    ("release", "The bank will keep its target, according to the strategy review it released in Prague on Thursday.",
     "strategy review"),
    ("pass", "Critics attacked the budget that they passed on Friday.", "budget"),
    # an object after the verb still wins; a time or a reporting verb before the pronoun is no object
    ("release", "The bank released its strategy review on Thursday.", "strategy review"),
    ("launch", "On the day it launched, the rocket was delayed twice.", ""),
    ("release", "The board said it released in Prague on Thursday a review of its target.", ""),
])
def test_the_object_of_a_relative_clause(pclass: str, sentence: str, thing: str) -> None:
    from tracker.timeline._keys import object_of

    assert object_of(pclass, sentence) == thing


@pytest.mark.parametrize("predicate, sentence, cls", [
    # a predicate standing only as the noun ending a table verb's object is that verb's deed
    ("review", "The Czech National Bank will release its long-delayed monetary policy strategy review tomorrow.",
     "release"),
    ("review", "The ministry published the annual review on Monday.", "release"),
    # a predicate that stands as a verb, or after 'to' in the phrase, keeps its class
    ("review", "The board will review the findings next month.", "report"),
    ("review", "The council approved the plan to review the rules by March.", "report"),
    ("review", "An independent review is due by the end of May.", "report"),
])
def test_a_predicate_noun_governed_by_a_verb(predicate: str, sentence: str, cls: str) -> None:
    assert mention_class(predicate, sentence) == cls


@pytest.mark.parametrize("subject, parties, sentence, key", [
    # a country named bare is a national side
    ("New Zealand", ("New Zealand", "United Kingdom"),
     "New Zealand will host England in the deciding one-day international at Eden Park on Saturday.",
     "play|new zealand+united kingdom"),
    ("United Kingdom", ("United Kingdom", "New Zealand"), "England beat New Zealand by 42 runs on Sunday.",
     "play|new zealand+united kingdom"),
    # a country the sentence does not name (carried from the article) keeps its part
    ("match", ("New Zealand", "United Kingdom"), "The match will be replayed the following day.",
     "play|new zealand+united kingdom"),
    # a possessive, a demonym or a city's country is where, not a side
    ("Tide Pool", ("Tide Pool", "United Kingdom", "Fenmoor Festival"),
     "Tide Pool will play the main stage at England's Fenmoor Festival tomorrow.", "play|fenmoor festival+tide pool"),
    ("Tide Pool", ("Tide Pool", "Australia", "Fenmoor Festival"),
     "Tide Pool, who played Fenmoor Festival on the Saturday, return home for a show in Sydney on Oct. 4.",
     "play|fenmoor festival+tide pool"),
])
def test_countries_as_sides_or_places(subject: str, parties: tuple[str, ...], sentence: str, key: str) -> None:
    from tracker.timeline._keys import block_key

    assert block_key("play", subject, parties, sentence) == key
