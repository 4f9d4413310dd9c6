"""Mentions, end to end with the real tagger: which time dates the action, reschedules told as a
call-off plus a replay, and the dateline's local date.

Each rule is checked on a positive case and on a near miss that must keep the old reading.
"""
from __future__ import annotations

from datetime import date, datetime

from tracker.nlp.mentions import find_mentions, local_dct

D = date.fromisoformat


def _by_time(text: str, dct: date | datetime, title: str = "") -> dict[str, list]:
    out: dict[str, list] = {}
    for m in find_mentions(text, dct, title=title):
        out.setdefault(m.timex.text if m.timex else "", []).append(m)
    return out


# --- a time naming the object does not date the verb -------------------------------------------------

def test_time_naming_the_object_leaves_the_verb_to_the_adverbial_time() -> None:
    got = _by_time("Norvane reported a fourth-quarter operating loss of 180 million crowns on Thursday.", D("2025-02-06"))
    assert [m.predicate for m in got["Thursday"]] == ["report"]
    assert got["Thursday"][0].first == D("2025-02-06")
    assert "fourth-quarter" not in got            # the loss is Q4's, the report is Thursday's


def test_object_time_alone_still_dates_an_event_noun_it_modifies() -> None:
    got = _by_time("Voters turned out in large numbers for the 2024 election.", D("2025-02-06"))
    assert [m.predicate for m in got.get("2024", [])] == ["election"]


def test_month_range_quarter_dates_the_verb_and_the_comparison_dates_nothing() -> None:
    text = ("Norvane reported third-quarter results on Thursday, returning to an operating profit of 310 million "
            "crowns in the July-September quarter from a loss of 95 million a year earlier.")
    ms = find_mentions(text, D("2025-10-23"))
    ret = [m for m in ms if m.predicate == "return"]
    assert len(ret) == 1 and (ret[0].first, ret[0].last) == (D("2025-07-01"), D("2025-09-30"))
    assert ret[0].timex.value == "2025-Q3"
    assert not any(m.first and m.first.year == 2024 for m in ms)


def test_a_look_back_time_after_a_place_is_no_comparison() -> None:
    ms = find_mentions("He returned from Beijing a year earlier.", D("2025-10-23"))
    assert [(m.predicate, m.first.year) for m in ms] == [("return", 2024)]


def test_a_past_event_named_as_reference_point_is_not_the_sentence_event() -> None:
    text = ("The assembly, which held its first session on June 3 after the May election, approved the budget "
            "on Thursday.")
    ms = find_mentions(text, D("2025-11-28"))
    assert not any(m.timex and m.timex.text == "May" for m in ms)
    assert any(m.first == D("2025-06-03") for m in ms)


def test_an_upcoming_event_named_as_reference_point_stays_forward() -> None:
    ms = find_mentions("Obama is touring Europe ahead of the November election.", D("2008-07-20"))
    assert any(m.predicate == "election" and m.forward for m in ms)


def test_two_times_of_two_verbs_of_one_lemma_are_two_mentions() -> None:
    text = "The average temperature has risen 0.7 degrees since 1906 and will rise further by the end of this century."
    ms = [m for m in find_mentions(text, D("2007-10-26")) if m.predicate == "rise"]
    assert sorted((m.modality, m.forward) for m in ms) == [("expected", True), ("occurred", False)]


# --- a call-off the same article moves to another day is a reschedule ---------------------------------

WASHOUT = ("The deciding one-day international between New Zealand and England was abandoned without a ball "
           "bowled tonight after heavy rain flooded parts of the outfield.\n\n"
           "Organisers said the match would be replayed the following day, starting at 11 a.m.\n\n"
           "Across the city, the harbour bridge closed as planned at 10 p.m., with crews starting the work.")


def test_washout_then_replay_is_a_postponement_moved_to_the_following_day() -> None:
    ms = find_mentions(WASHOUT, datetime.fromisoformat("2025-02-15T23:50:00+13:00"))
    first, replay = ms[0], ms[1]
    assert (first.predicate, first.modality, first.forward) == ("match", "postponed", False)
    assert (replay.predicate, replay.forward, replay.deadline) == ("match", True, D("2025-02-16"))
    assert replay.modality in ("scheduled", "expected")


def test_a_call_off_with_no_replay_stays_cancelled() -> None:
    text = "The deciding one-day international was abandoned tonight after heavy rain flooded the outfield."
    ms = find_mentions(text, datetime.fromisoformat("2025-02-15T23:50:00+13:00"))
    assert [(m.predicate, m.modality) for m in ms] == [("match", "cancelled")]


def test_a_bare_clock_time_of_a_past_verb_is_before_publication() -> None:
    ms = find_mentions(WASHOUT, datetime.fromisoformat("2025-02-15T23:50:00+13:00"))
    close = next(m for m in ms if m.predicate == "close")
    assert (close.modality, close.first) == ("occurred", D("2025-02-15"))
    start = [m for m in ms if m.timex and m.timex.text == "11 a.m."]
    assert all(m.first == D("2025-02-16") for m in start)      # "would be replayed ..., starting at 11 a.m."


# --- datelines ---------------------------------------------------------------------------------------

NY_EVENING = datetime.fromisoformat("2025-02-17T22:40:00-05:00")


def test_dateline_anchors_weekdays_at_the_local_date_of_the_place() -> None:
    text = "AUCKLAND, New Zealand - The Auckland Harbour Bridge reopened to traffic early on Tuesday."
    ms = find_mentions(text, NY_EVENING, title="Auckland's harbour bridge reopens")
    assert [(m.predicate, m.first) for m in ms] == [("reopen", D("2025-02-18"))]


def test_without_a_dateline_the_publisher_offset_anchors() -> None:
    ms = find_mentions("The Auckland Harbour Bridge reopened to traffic early on Tuesday.", NY_EVENING)
    assert [m.first for m in ms] == [D("2025-02-11")]


def test_dateline_forms_and_non_datelines() -> None:
    assert local_dct("NAIROBI, March 3 (Reuters) - Kenya said", "", NY_EVENING).utcoffset().total_seconds() == 3 * 3600
    assert local_dct("PARIS, Texas -- The", "", NY_EVENING).utcoffset().total_seconds() == -6 * 3600
    assert local_dct("NASA said on Tuesday - that", "", NY_EVENING) == NY_EVENING
    assert local_dct("ATLANTIS - The", "", NY_EVENING) == NY_EVENING          # no such city: unchanged
    assert local_dct("AUCKLAND - The", "", D("2025-02-17")) == D("2025-02-17")   # a plain date: unchanged


def test_dateline_pattern_examples_are_executable() -> None:
    import re

    from tracker.nlp._lexicon import load
    table = load("cues")["dateline"]
    pattern = re.compile(table["pattern"])
    assert all(pattern.match(e) for e in table["examples"])
    assert not any(pattern.match(e) for e in table["counter_examples"])


# --- a verb joined by 'and' to the dated verb shares its time ---------------------------------------

def test_coordinated_verb_shares_the_time_of_the_dated_verb() -> None:
    text = ("Prime Minister Kenji Morita and President Zhao Wen met in Beijing on Friday for their long-delayed "
            "summit and signed a fisheries agreement covering the East China Sea.")
    ms = find_mentions(text, datetime.fromisoformat("2025-04-26T01:15:00+09:00"))
    assert sorted((m.predicate, m.first, m.modality) for m in ms) == [
        ("meet", D("2025-04-25"), "occurred"), ("sign", D("2025-04-25"), "occurred")]


def test_a_conjunct_with_its_own_subject_or_tense_is_not_dated_by_the_first_verb() -> None:
    text = "Morita arrived in Beijing on Thursday and will hold talks with Zhao on Friday."
    ms = find_mentions(text, D("2025-04-24"))
    assert {(m.predicate, m.first) for m in ms} == {("arrive", D("2025-04-24")), ("talk", D("2025-04-25"))}
    ms = find_mentions("Zhao met Alves on Friday and the two leaders praised the deal.", D("2025-04-25"))
    assert [m.predicate for m in ms] == ["meet"]


def test_a_conjunct_with_a_day_of_its_own_keeps_it() -> None:
    ms = find_mentions("The show will begin on January 24 and close on the 28.", D("2008-01-10"))
    assert [(m.predicate, m.first) for m in ms if m.first == D("2008-01-24")] == [("begin", D("2008-01-24"))]


# --- times the tagger splits or that modify nothing --------------------------------------------------

def test_a_prefixed_month_before_due_to_is_the_clause_time() -> None:
    text = ("The SETI Institute, shut down since mid-April due to budget cuts, has announced that it will reopen "
            "in mid-September due to a recent influx of funds.")
    ms = find_mentions(text, D("2008-08-20"))
    assert any(m.predicate == "reopen" and m.forward and m.deadline == D("2008-09-20") for m in ms)


def test_a_clock_time_and_its_day_are_one_time() -> None:
    text = "An agreement is expected to be made before 5:00 EST Friday."
    (m,) = find_mentions(text, D("2009-12-29"))
    assert (m.forward, m.first, m.deadline) == (True, D("2010-01-01"), D("2010-01-01"))
    assert m.timex.value == "2010-01-01T05:00"


def test_a_year_in_a_product_name_is_no_time() -> None:
    ms = find_mentions("It will be included in all versions of Office 2010 when it ships next year.", D("2009-06-01"))
    assert ms and all(m.timex.text == "next year" for m in ms)
    ms = find_mentions("Elections will be held in May 2010.", D("2009-06-01"))
    assert [m.first for m in ms] == [D("2010-05-01")]


def test_an_event_noun_after_a_determined_date_is_dated_by_it() -> None:
    ms = find_mentions("These may be brought forward for an August 27th launch.", D("2008-07-01"))
    assert [(m.predicate, m.forward, m.deadline) for m in ms] == [("launch", True, D("2008-08-27"))]


def test_a_yearless_date_after_will_is_the_next_one() -> None:
    (m,) = find_mentions("Djordjevic will play his last game in Belgrade on July 3.", D("2010-01-01"))
    assert (m.forward, m.first, m.modality) == (True, D("2010-07-03"), "scheduled")
    (m,) = find_mentions("Djordjevic played his last game in Belgrade on July 3.", D("2010-01-01"))
    assert (m.forward, m.first) == (False, D("2009-07-03"))


# --- modality: a choice or plan to call off is no call-off -------------------------------------------

def test_a_pending_choice_to_scrap_is_not_a_cancellation() -> None:
    text = "A decision to either sell, scrap or turn the carrier into a museum ship will be made in 2010."
    (m,) = find_mentions(text, D("2008-07-01"))
    assert m.modality != "cancelled" and m.forward
    (m,) = find_mentions("NASA decided to cancel the launch on Monday.", D("2008-07-01"))
    assert m.modality == "cancelled"


def test_a_place_and_its_country_do_not_close_a_relative_clause() -> None:
    text = ("Iraq can not field a team in the 2008 Summer Olympics, which are due to open in Beijing, China "
            "August 8, 2008.")
    ms = find_mentions(text, D("2008-07-01"))
    assert [(m.predicate, m.forward, m.first) for m in ms] == [("open", True, D("2008-08-08"))]


def test_a_year_naming_a_span_after_a_preposition_is_the_clause_time() -> None:
    ms = find_mentions("Ford will rename the Five Hundred for the 2008 model year.", D("2007-07-01"))
    assert [(m.predicate, m.forward) for m in ms] == [("rename", True)]
    ms = find_mentions("The 2008 season will start on March 3.", D("2007-07-01"))
    assert [(m.predicate, m.first) for m in ms] == [("start", D("2008-03-03"))]


def test_dateline_aliases_reach_the_reference_city() -> None:
    tokyo = datetime.fromisoformat("2025-02-18T09:00:00+09:00")
    assert local_dct("NEW YORK (Reuters) - Stocks", "", tokyo).utcoffset().total_seconds() == -5 * 3600


def test_a_past_event_at_about_a_clock_time_happened() -> None:
    (m,) = find_mentions("Myuran Sukumaran was sentenced at about 4:50 p.m. local time.", D("2010-01-01"))
    assert (m.modality, m.forward) == ("occurred", False)
    (m,) = find_mentions("The storm will make landfall at about 7 p.m. local time.", D("2010-01-01"))
    assert m.forward


def test_a_report_still_to_come_is_an_event() -> None:
    (m,) = find_mentions("Official results are set to be announced tomorrow because of a computer glitch.", D("2010-01-01"))
    assert (m.predicate, m.forward, m.deadline) == ("announce", True, D("2010-01-02"))
    assert find_mentions("Officials announced on Friday that the bridge reopened.", D("2010-01-01")) == []


def test_a_present_plan_looks_ahead_for_a_weekday() -> None:
    (m,) = find_mentions("It is expected to move off the coast by nightfall on Thursday.", D("2010-01-01"))
    assert (m.forward, m.first) == (True, D("2010-01-07"))
    ms = find_mentions("The boy was unnamed due to his age, and flew on Tuesday.", D("2010-01-01"))
    assert [(m.forward, m.first) for m in ms] == [(False, D("2009-12-29"))]


def test_a_call_off_in_a_coordinated_verb_phrase_does_not_colour_the_next() -> None:
    text = "His lawyer rejected the charges and indicated he would appeal the judgment within 30 days."
    (m,) = find_mentions(text, D("2006-04-27"))
    assert (m.predicate, m.modality, m.forward) == ("appeal", "expected", True)
    (m,) = find_mentions("NASA called off the launch on Monday.", D("2006-04-27"))
    assert m.modality == "cancelled"
    (m,) = find_mentions("Japan and China postponed the summit on Monday.", D("2006-04-27"))
    assert m.modality == "postponed"


def test_a_span_of_years_is_one_time_ending_at_its_last_year() -> None:
    (m,) = find_mentions("Analogue television will be switched off between 2012 and 2016.", D("2008-01-01"))
    assert (m.first, m.last, m.deadline) == (D("2012-01-01"), D("2016-12-31"), D("2016-12-31"))
    ms = find_mentions("Elections will be held in 2012 and 2016.", D("2008-01-01"))
    assert all(m.last in (D("2012-12-31"), D("2016-12-31")) and m.first.year == m.last.year for m in ms)
