"""The resolver: blocking keys, coreference positives and negatives, plans, event fields."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.unit._mentions import mention, record
from tracker.timeline._events import describe_event
from tracker.timeline._lexicon import predicate_class
from tracker.timeline.resolver import block_key, plan_block

D = date
JWST = "James Webb Space Telescope"


@pytest.mark.parametrize("words", [("launch", "lift off", "lifted off", "blast off", "launched"),
                                   ("visit", "arrive", "arrived", "trip"),
                                   ("meet", "talks", "summit", "met")])
def test_synonyms_share_a_predicate_class(words: tuple[str, ...]) -> None:
    assert len({predicate_class(w) for w in words}) == 1


def test_unknown_predicates_are_classes_of_their_own() -> None:
    assert predicate_class("paint") == "paint" != predicate_class("launch")


def test_an_open_day_is_an_event_of_its_own_not_an_opening() -> None:
    # "will hold a public open day on Aug. 1" must not join the plant's opening or restart thread
    assert predicate_class("open day") == predicate_class("open house") == predicate_class("open days")
    assert predicate_class("open day") not in {predicate_class("open"), predicate_class("opening"),
                                               predicate_class("restart")}


def test_a_deal_closing_is_the_acquisition_a_factory_closing_is_not() -> None:
    deal = block_key("close", "Kestrel Energy", ("Kestrel Energy", "European Commission"),
                     "The acquisition is expected to close in the first half of next year.", forward=True)
    off = block_key("acquire", "Kestrel Energy", ("Norvane", "Kestrel Energy"),
                    "Norvane called off its planned acquisition of Kestrel Energy on Monday.")
    plant = block_key("close", "Kestrel Energy", ("Kestrel Energy",), "Kestrel Energy will close its plant next year.")
    assert deal == off == "acquire|kestrel energy"
    assert plant.startswith("close|")


def test_a_trip_planned_for_a_summit_is_the_summit() -> None:
    trip = block_key("visit", "Kenji Morita", ("Kenji Morita", "Beijing", "Zhao Wen"),
                     "Kenji Morita will visit Beijing next month for a summit with President Zhao Wen.", forward=True)
    held = block_key("meet", "Kenji Morita", ("Kenji Morita", "Zhao Wen", "Beijing", "East China Sea"),
                     "Kenji Morita and Zhao Wen met in Beijing on Friday and signed a pact covering the East China Sea.")
    assert trip == held == "meet|kenji morita+zhao wen"
    plain = block_key("visit", "Kenji Morita", ("Kenji Morita", "Beijing"),
                      "Kenji Morita will visit Beijing for a week.", forward=True)
    arrived = block_key("arrive", "Kenji Morita", ("Kenji Morita", "Beijing", "Zhao Wen"),
                        "Kenji Morita arrived in Beijing for talks with Zhao Wen.")
    assert plain.startswith("visit|") and arrived.startswith("visit|")


def test_a_country_pair_is_no_party_to_a_meeting() -> None:
    pair = block_key("summit", "Zhao Wen", ("China", "Zhao Wen", "Kenji Morita", "Japan-China"),
                     "The Japan-China summit between Zhao Wen and Kenji Morita will be held on March 20.", forward=True)
    assert pair == "meet|kenji morita+zhao wen"


def test_abe_meeting_xi_is_not_trump_meeting_xi() -> None:
    abe = block_key("meet", "Shinzo Abe", ("Shinzo Abe", "Xi Jinping", "Japan", "China"), "Abe met Xi on Friday.")
    trump = block_key("meet", "Donald Trump", ("Donald Trump", "Xi Jinping"), "Trump met Xi on Friday.")
    assert abe != trump


def test_who_is_named_first_does_not_matter_for_a_meeting() -> None:
    a = block_key("meet", "Shinzo Abe", ("Shinzo Abe", "Xi Jinping"), "Abe will meet Xi.")
    b = block_key("talks", "Xi Jinping", ("Xi Jinping", "Shinzo Abe", "China"), "Xi held talks with Abe.")
    assert a == b


def test_a_will_arrive_and_arrived_are_one_visit() -> None:
    a = block_key("arrive", "Shinzo Abe", ("Shinzo Abe", "Beijing"), "Abe will arrive in Beijing on Oct. 23.")
    b = block_key("visit", "Shinzo Abe", ("Shinzo Abe", "China"), "Abe visited China on Thursday.")
    assert a == b


def test_the_speaker_is_not_the_subject() -> None:
    said = block_key("launch", "NASA", ("NASA", JWST), f"NASA said on Tuesday that the launch of the {JWST} is now targeted for May 2020.")
    plain = block_key("launch", JWST, (JWST, "French Guiana"), f"The {JWST} launched on Saturday from French Guiana.")
    artemis = block_key("launch", "NASA", ("NASA", "Artemis I"), "NASA said on Friday that it is targeting February 2022 for the launch of Artemis I.")
    assert said == plain != artemis


def test_a_short_name_is_the_long_one_in_the_same_sentence() -> None:
    assert block_key("launch", "Webb", ("Webb", JWST), "Webb launched.") == block_key("launch", JWST, (JWST,), "x")


def test_different_subjects_are_different_blocks() -> None:
    assert block_key("launch", "Artemis I", ("Artemis I",), "") != block_key("launch", JWST, (JWST,), "")


def test_reschedules_are_one_plan_and_one_event() -> None:
    recs = [record("launch", JWST, "expected", D(2018, 3, 27), D(2020, 5, 1), D(2020, 5, 31)),
            record("launch", JWST, "scheduled", D(2018, 6, 27), D(2021, 3, 30)),
            record("launch", JWST, "scheduled", D(2021, 12, 21), D(2021, 12, 25)),
            record("launch", JWST, "occurred", D(2021, 12, 25), D(2021, 12, 25))]
    result = plan_block(recs)
    assert len(result.plans) == 1 and len(result.events) == 1
    fields = describe_event(result.events[0])
    assert (fields.kind, fields.start, fields.title) == ("occurred", D(2021, 12, 25), f"Launch of {JWST}")


def test_two_launches_on_different_days_are_two_events() -> None:
    recs = [record("launch", "Falcon 9", "occurred", D(2020, 5, 1), D(2020, 5, 1)),
            record("launch", "Falcon 9", "occurred", D(2020, 5, 20), D(2020, 5, 20))]
    assert len(plan_block(recs).events) == 2


def test_a_plan_after_the_deed_is_the_next_plan() -> None:
    recs = [record("launch", "X", "scheduled", D(2020, 1, 1), D(2020, 2, 1)),
            record("launch", "X", "occurred", D(2020, 2, 1), D(2020, 2, 1)),
            record("launch", "X", "scheduled", D(2020, 3, 1), D(2020, 6, 1))]
    result = plan_block(recs)
    assert len(result.plans) == 2 and len(result.events) == 2


def test_a_recap_of_the_date_that_came_true_is_not_a_new_plan() -> None:
    recs = [record("launch", "X", "scheduled", D(2020, 1, 1), D(2020, 2, 1)),
            record("launch", "X", "occurred", D(2020, 2, 1), D(2020, 2, 1)),
            record("launch", "X", "scheduled", D(2020, 3, 1), D(2020, 2, 1))]
    assert len(plan_block(recs).plans) == 1


def test_an_earlier_deed_does_not_fulfil_a_later_plan() -> None:
    recs = [record("visit", "Abe", "scheduled", D(2018, 9, 23), D(2018, 10, 23)),
            record("visit", "Abe", "occurred", D(2018, 9, 24), D(2018, 5, 9))]
    result = plan_block(recs)
    assert result.plans[0].outcome is None and len(result.events) == 2


def test_an_event_without_reports_of_the_deed_takes_the_latest_modality() -> None:
    recs = [record("splashdown", "Orion", "scheduled", D(2022, 11, 16), D(2022, 12, 11))]
    fields = describe_event(recs)
    assert (fields.kind, fields.value, fields.title) == ("scheduled", "2022-12-11", "Orion splashdown")


def test_the_most_precise_time_wins() -> None:
    recs = [record("visit", "Abe", "occurred", D(2018, 11, 1), D(2018, 10, 1), D(2018, 10, 31)),
            record("visit", "Abe", "occurred", D(2018, 10, 26), D(2018, 10, 25))]
    assert describe_event(recs).start == D(2018, 10, 25)


def _threads(*mentions: tuple) -> list[str]:
    from tracker.timeline._keys import mention_keys, thread_records

    items = []
    for predicate, subject, parts, sentence, forward, day in mentions:
        own, keys = mention_keys(predicate, subject, parts, sentence, forward)
        items.append((own, keys, day))
    return thread_records(items)


def test_a_shared_rocket_links_a_claim_and_its_launch_but_nasa_alone_does_not() -> None:
    keys = _threads(
        ("launch", "Artemis I", ("NASA", "Artemis I", "Space Launch System", "Orion"),
         "NASA said on Friday that it is targeting February 2022 for the launch of Artemis I.", True, D(2022, 2, 1)),
        ("launch", "Space Launch System", ("NASA", "Space Launch System", "Orion"),
         "NASA's Space Launch System rocket launched the uncrewed Orion capsule toward the Moon.", False, D(2022, 11, 16)),
        ("launch", JWST, ("NASA", JWST), f"NASA on Wednesday set a new launch date for the {JWST}.", True, D(2021, 3, 30)))
    assert keys[0] == keys[1] != keys[2]


def test_the_budget_is_not_the_bill_though_one_parliament_passes_both() -> None:
    p = ("Parliament of Freedonia",)
    keys = _threads(
        ("pass", "Parliament of Freedonia", p, "The Parliament of Freedonia is expected to pass the 2019 budget by the end of March.", True, D(2019, 3, 31)),
        ("pass", "Parliament of Freedonia", p, "The Parliament of Freedonia passed the 2019 budget on Thursday.", False, D(2019, 3, 28)),
        ("pass", "Parliament of Freedonia", p, "The Parliament of Freedonia is expected to pass the data protection bill by the end of June.", True, D(2019, 6, 30)),
        ("pass", "Parliament of Freedonia", p, "The Parliament of Freedonia passed the data protection bill on Thursday.", False, D(2019, 9, 12)))
    assert keys[0] == keys[1] != keys[2] == keys[3]


def test_common_nouns_identify_only_within_a_window() -> None:
    p = ("Parliament of Freedonia",)
    keys = _threads(
        ("pass", "Parliament of Freedonia", p, "Parliament passed the data protection bill on Thursday.", False, D(2015, 1, 8)),
        ("pass", "Parliament of Freedonia", p, "Parliament passed the new bill on Friday.", False, D(2019, 9, 13)))
    assert keys[0] != keys[1]


def test_meeting_parties_are_people_not_titles_or_places() -> None:
    a = block_key("meet", "Shinzo Abe", ("Shinzo Abe", "South Korean President Moon Jae-in", "Seoul", "South Korea"), "")
    b = block_key("summit", "summit", ("Shinzo Abe", "Moon Jae-in"), "The summit between Shinzo Abe and Moon Jae-in was put off.")
    c = block_key("meet", "Donald Trump", ("Donald Trump", "South Korean President Moon Jae-in", "Seoul"), "")
    assert a == b != c


def test_deeds_reported_in_passing_become_mentions() -> None:
    from tracker.timeline._clauses import passing_deeds

    text = ("NASA set a new launch date of March 30, 2021, after an independent review board found that errors had "
            "set the project back. The launch moved after a clamp band was released unexpectedly.")
    found = passing_deeds(text, [])
    assert [(m.predicate, m.subject, m.modality, m.timex) for m in found] == [
        ("find", "independent review board", "occurred", None)]


def test_what_is_launched_tells_one_launch_from_the_next() -> None:
    crew = block_key("launch", "SpaceX", ("SpaceX", "Crew-5", "International Space Station"),
                     "SpaceX will launch the Crew-5 mission to the International Space Station on Oct. 3.")
    starlink = block_key("launch", "SpaceX", ("SpaceX", "Starlink", "California"),
                         "SpaceX launched a batch of 52 Starlink satellites from California on Tuesday.")
    done = block_key("launch", "SpaceX", ("SpaceX", "Crew-5", "Kennedy Space Center"),
                     "SpaceX launched the Crew-5 mission from the Kennedy Space Center on Wednesday.")
    assert crew == done != starlink


def test_an_unknown_predicate_takes_the_event_word_of_its_sentence() -> None:
    assert block_key("mission", "Crew-5", ("Crew-5",), "The launch of the Crew-5 mission has been moved to Oct. 5.") \
        == "launch|crew-5"


def test_adverbs_are_not_what_is_raised() -> None:
    claim = block_key("raise", "Federal Reserve", ("Federal Reserve",), "The Fed is expected to raise interest rates again on Nov. 2.")
    deed = block_key("raise", "Federal Reserve", ("Federal Reserve",), "The Fed raised interest rates by 0.75 points on Wednesday.")
    assert claim == deed == "raise|~rate"


def test_an_expectation_told_as_past_is_an_event_but_no_plan() -> None:
    told = record("report", "newspaper", "expected", D(2022, 10, 10), D(2022, 10, 8), D(2022, 10, 9))
    told = type(told)(**{**{f: getattr(told, f) for f in told.__dataclass_fields__}, "forward": False})
    result = plan_block([told])
    assert result.plans == [] and len(result.events) == 1


def test_an_election_is_identified_by_its_country() -> None:
    claim = block_key("election", "said", ("Portugal",), "Portugal will hold a snap election on May 18, the president said.")
    won = block_key("win", "Democratic Alliance", ("Luis Montenegro", "Democratic Alliance", "Portugal"),
                    "The Democratic Alliance won Portugal's snap election on Sunday.")
    other = block_key("win", "Nicusor Dan", ("Bucharest", "Romania", "Nicusor Dan"), "Nicusor Dan won Romania's runoff on Sunday.")
    polls = block_key("go", "Romania", ("Portugal", "Romania", "Poland"), "Romania goes to the polls on Sunday, as do Portugal and Poland.")
    assert claim == won == "elect|portugal" and other == polls == "elect|romania"


def test_a_bill_and_the_act_it_becomes_are_one_thing() -> None:
    keys = _threads(
        ("take effect", "new law", ("Digital Competition Bill", "Senate"), "The new law will take effect on July 1.",
         True, D(2025, 7, 1)),
        ("take effect", "Digital Competition Act", ("Australia", "Digital Competition Act"),
         "The Digital Competition Act took effect on Tuesday.", False, D(2025, 7, 1)))
    assert keys[0] == keys[1]


def test_national_sides_are_the_parties_of_a_match() -> None:
    preview = block_key("match", "New Zealand", ("New Zealand", "United Kingdom", "Auckland"),
                        "New Zealand will host England in the deciding one-day international at Eden Park on Saturday.")
    washout = block_key("match", "deciding international", ("New Zealand", "United Kingdom"),
                        "The deciding one-day international between New Zealand and England was abandoned tonight.")
    result = block_key("beat", "United Kingdom", ("United Kingdom", "New Zealand", "Hamilton"),
                       "England beat New Zealand by five wickets at Eden Park on Sunday.")
    other = block_key("beat", "Australia", ("Australia", "New Zealand"), "Australia beat New Zealand on Sunday.")
    assert preview == washout == result == "play|new zealand+united kingdom" != other


def test_as_planned_is_no_object_of_the_verb() -> None:
    assert block_key("close", "harbour bridge", (), "The harbour bridge closed as planned at 10 p.m.") == "close|~bridge"


def test_a_verb_joined_to_a_deed_by_and_is_a_deed_of_the_same_day() -> None:
    from tracker.timeline._clauses import coordinated_deeds

    met = mention("meet", "Kenji Morita", "occurred", D(2025, 4, 25), participants=("Kenji Morita", "Zhao Wen"),
                  sentence="Kenji Morita and Zhao Wen met in Beijing on Friday for their summit and signed a "
                           "fisheries agreement covering the East China Sea.")
    own_subject = mention("meet", "Zhao Wen", "occurred", D(2025, 4, 25), participants=("Zhao Wen", "Ricardo Alves"),
                          sentence="Zhao Wen met Ricardo Alves on Friday evening, and the two leaders signed agreements.")
    planned = mention("meet", "Kenji Morita", "scheduled", D(2025, 4, 25),
                      sentence="Kenji Morita will meet Zhao Wen on Friday and signed nothing yet.")
    found = coordinated_deeds([met, own_subject, planned])
    assert [(m.predicate, m.subject, m.modality, m.first, m.sentence_index) for m in found] == [
        ("sign", "Kenji Morita", "occurred", D(2025, 4, 25), 0)]
    assert coordinated_deeds([met, *found]) == []


def _dated_threads(*mentions: tuple) -> list[str]:
    from tracker.timeline._keys import mention_keys, thread_records

    items = []
    for predicate, subject, parts, sentence, forward, day in mentions:
        own, keys = mention_keys(predicate, subject, parts, sentence, forward, day)
        items.append((own, keys, day))
    return thread_records(items)


def test_the_bridge_that_closed_as_planned_is_the_named_bridge_of_that_day() -> None:
    auckland = ("close", "Auckland Harbour Bridge", ("Auckland Harbour Bridge",),
                "The Auckland Harbour Bridge will close to all traffic at 10 p.m. on Saturday.", True, D(2025, 2, 15))
    as_planned = ("close", "harbour bridge", (), "The harbour bridge closed as planned at 10 p.m.", False, D(2025, 2, 15))
    other_day = ("close", "harbour bridge", (), "The harbour bridge closed at 10 p.m.", False, D(2025, 3, 1))
    sydney = ("close", "Sydney Harbour Bridge", ("Sydney Harbour Bridge",),
              "The Sydney Harbour Bridge will close at 10 p.m. on Saturday.", True, D(2025, 2, 15))
    keys = _dated_threads(auckland, as_planned)
    assert keys[0] == keys[1]
    keys = _dated_threads(auckland, other_day)
    assert keys[0] != keys[1]
    two_named = _dated_threads(auckland, sydney)
    assert two_named[0] != two_named[1]


def _said(rec, sentence: str):
    """The record as told in this sentence (its keys follow the sentence)."""
    return replace(rec, sentence=sentence, own_key="", keys=())


def test_a_general_verb_is_no_event_of_one_domain() -> None:
    assert predicate_class("return") != predicate_class("splash down") == predicate_class("splashed down")
    assert predicate_class("reach") != predicate_class("enter orbit")
    profit = _said(record("return", "Norvane", "expected", D(2025, 2, 6), D(2025, 7, 1), D(2025, 9, 30)),
                   "Norvane expects to return to an operating profit in the third quarter.")
    assert "splashdown" not in describe_event([profit]).title.lower()  # titles themselves: tests/unit/test_titles.py


def test_a_general_verb_titles_the_event_with_its_own_words() -> None:
    fares = _said(record("cut", "city", "expected", D(2026, 6, 24), D(2026, 1, 1), D(2026, 12, 31)),
                  "The mayor said the city would cut ferry fares before the end of the year.")
    webb = _said(record("reach", JWST, "occurred", D(2022, 1, 24), D(2022, 1, 24)),
                 "The James Webb Space Telescope reached its destination around the second Lagrange point on Monday.")
    assert "cut ferry fares" in describe_event([fares]).title.lower()  # its own words, not "rate decision"
    assert describe_event([webb]).title == f"{JWST} reaches destination"


def test_a_verb_that_borrows_its_class_titles_with_its_own_words() -> None:
    resume = _said(record("resume", "Pacific Longshore Union", "occurred", D(2025, 6, 20), D(2025, 6, 20)),
                   "The Pacific Longshore Union resumed its strike on Friday after reaching an impasse.")
    assert predicate_class("resume") != resume.own_key.partition("|")[0]  # a light verb: the class came from 'reaching'
    title = describe_event([resume]).title.lower()
    assert "resume" in title and "strike" in title and "reach" not in title
    suspend = _said(record("suspend", "Pacific Longshore Union", "occurred", D(2025, 6, 20), D(2025, 6, 20)),
                    "The Pacific Longshore Union suspended its strike on Friday after reaching a tentative agreement.")
    assert suspend.own_key.partition("|")[0] == "suspend"  # a verb of its own deed keeps its class
