"""Event mentions: which event a time dates, its modality, participants, subject, deadline.

Most cases inject hand-made times (`timexes=`) so they test the mention finder, not the tagger;
the seed article and the space-launches sentences then run end to end with the real tagger.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit._nlp_data import ROOT, seed_article
from tracker.nlp.mentions import find_mentions
from tracker.nlp.temporal._types import Timex

D = date.fromisoformat


def T(sentence: str, text: str, value: str, first: str | None = None, last: str | None = None, *,
      deadline: str | None = None, type: str = "DATE", mod: str | None = None) -> Timex:
    """A time expression at its place in `sentence`."""
    start = sentence.index(text)
    return Timex(start, start + len(text), text, type, value, mod, D(first) if first else None,
                 D(last or first) if first else None, D(deadline) if deadline else None, "test")


S1 = ("NASA said on Tuesday that the launch of the James Webb Space Telescope is now targeted for approximately "
      "May 2020.")
S2 = "An independent review board will examine the project and report by the end of May, officials said."
S3 = "NASA on Wednesday set a new launch date of March 30, 2021, for the James Webb Space Telescope."
S4 = "The James Webb Space Telescope launched on Saturday from French Guiana aboard an Ariane 5 rocket."
S5 = ("Webb is expected to unfold its sunshield and mirrors over the next two weeks and to reach its orbit around "
      "the second Lagrange point in late January.")
S6 = "Engineers completed the deployment of the James Webb Space Telescope's primary mirror on Saturday."
S7 = ("NASA said on Friday that it is targeting February 2022 for the launch of Artemis I, the first flight of its "
      "rocket.")
S8 = "Orion is scheduled to splash down in the Pacific Ocean on Dec. 11."
S9 = "The envisaged dialogue could be launched within the year if the leaders agree, the sources said."
S10 = "Abe and Li agreed in May to promote cooperation when Li visited Japan."
S11 = "The launch of the James Webb Space Telescope has been moved to no earlier than Dec. 22, NASA said Monday."
S12 = "The company plans to open the factory in 2020."
S13 = "Rescue teams are searching the flooded area on Monday."
S14 = "The summit was called off on Monday, officials said."
S15 = "The ministry denied that Abe would visit Beijing next week."

S16 = "The meeting, originally planned for March 3, will now take place on March 10."
S17 = "A third summit could take place later this year, South Korean officials said."
S18 = "The summit, which had been scheduled for December, was called off on Friday."
S19 = "The British parliament will vote on the Brexit deal next Tuesday."
S20 = "Officials said the planned signing ceremony had been cancelled."
S21 = "Construction of the bridge is expected to be completed by 2022."
S22 = "The trial of former Trump aide Peter Navarro is set to begin on Sept. 5, a federal judge ruled on Monday."
S23 = '"We will announce our decision in the coming days," the minister told reporters on Friday.'
S24 = "The company reported second-quarter earnings on Aug. 3 and plans to release its next report in November."

CASES = [
    # sentence, dct, times, [(predicate, modality, forward, deadline, subject)]
    (S1, "2018-03-27", [T(S1, "Tuesday", "2018-03-27", "2018-03-27"),
                        T(S1, "approximately May 2020", "2020-05", "2020-05-01", "2020-05-31", mod="APPROX")],
     [("launch", "expected", True, "2020-05-31", "James Webb Space Telescope")]),
    (S2, "2018-03-27", [T(S2, "by the end of May", "2018-05", "2018-05-21", "2018-05-31", deadline="2018-05-31")],
     [("report", "expected", True, "2018-05-31", "independent review board")]),
    (S3, "2018-06-27", [T(S3, "Wednesday", "2018-06-27", "2018-06-27"),
                        T(S3, "March 30, 2021", "2021-03-30", "2021-03-30")],
     [("launch", "scheduled", True, "2021-03-30", "James Webb Space Telescope")]),
    (S4, "2021-12-25", [T(S4, "Saturday", "2021-12-25", "2021-12-25")],
     [("launch", "occurred", False, None, "James Webb Space Telescope")]),
    (S5, "2021-12-25", [T(S5, "over the next two weeks", "P2W", type="DURATION", deadline="2022-01-08"),
                        T(S5, "late January", "2022-01", "2022-01-21", "2022-01-31", mod="END")],
     [("unfold", "expected", True, "2022-01-08", "Webb"), ("reach", "expected", True, "2022-01-31", "Webb")]),
    (S6, "2022-01-08", [T(S6, "Saturday", "2022-01-08", "2022-01-08")],
     [("deploy", "occurred", False, None, "James Webb Space Telescope")]),
    (S7, "2021-10-22", [T(S7, "Friday", "2021-10-22", "2021-10-22"),
                        T(S7, "February 2022", "2022-02", "2022-02-01", "2022-02-28")],
     [("launch", "expected", True, "2022-02-28", "Artemis I")]),
    (S8, "2022-11-16", [T(S8, "Dec. 11", "2022-12-11", "2022-12-11")],
     [("splash down", "scheduled", True, "2022-12-11", "Orion")]),
    (S9, "2018-09-23", [T(S9, "within the year", "2018", "2018-01-01", "2018-12-31", deadline="2018-12-31")],
     [("launch", "conditional", True, "2018-12-31", "envisaged dialogue")]),
    (S10, "2018-09-23", [T(S10, "May", "2018-05", "2018-05-01", "2018-05-31")],
     [("agree", "occurred", False, None, "Abe"), ("visit", "occurred", False, None, "Li")]),
    (S11, "2021-11-22", [T(S11, "no earlier than Dec. 22", "2021-12-22", "2021-12-22", mod="AFTER"),
                         T(S11, "Monday", "2021-11-22", "2021-11-22")],
     [("launch", "expected", True, "2021-12-22", "James Webb Space Telescope")]),
    (S12, "2018-01-10", [T(S12, "2020", "2020", "2020-01-01", "2020-12-31")],
     [("open", "expected", True, "2020-12-31", "company")]),
    (S13, "2018-01-15", [T(S13, "Monday", "2018-01-15", "2018-01-15")],
     [("search", "ongoing", False, None, "rescue teams")]),
    (S14, "2018-01-16", [T(S14, "Monday", "2018-01-15", "2018-01-15")],
     [("summit", "cancelled", False, None, "summit")]),
    (S15, "2018-01-16", [T(S15, "next week", "2018-W04", "2018-01-22", "2018-01-28")],
     [("visit", "denied", False, None, "Abe")]),
    (S16, "2020-11-01", [T(S16, "March 3", "2021-03-03", "2021-03-03"), T(S16, "March 10", "2021-03-10", "2021-03-10")],
     [("meet", "scheduled", True, "2021-03-10", "meeting")]),
    (S17, "2019-03-01", [T(S17, "later this year", "2019", "2019-03-01", "2019-12-31", deadline="2019-12-31")],
     [("summit", "expected", True, "2019-12-31", "third summit")]),
    (S18, "2020-11-01", [T(S18, "December", "2020-12", "2020-12-01", "2020-12-31"),
                         T(S18, "Friday", "2020-10-30", "2020-10-30")],
     [("summit", "cancelled", False, None, "summit")]),
    (S19, "2019-02-10", [T(S19, "next Tuesday", "2019-02-12", "2019-02-12")],
     [("vote", "scheduled", True, "2019-02-12", "United Kingdom")]),
    (S20, "2019-03-01", [], [("sign", "cancelled", False, None, "planned signing ceremony")]),
    (S21, "2019-03-01", [T(S21, "by 2022", "2022", "2022-01-01", "2022-12-31", deadline="2022-12-31")],
     [("build", "expected", True, "2022-12-31", "bridge")]),
    (S22, "2023-08-28", [T(S22, "Sept. 5", "2023-09-05", "2023-09-05"), T(S22, "Monday", "2023-08-28", "2023-08-28")],
     [("trial", "scheduled", True, "2023-09-05", "Peter Navarro"), ("rule", "occurred", False, None, "federal judge")]),
    (S23, "2023-08-28", [T(S23, "in the coming days", "FUTURE_REF", type="DATE", deadline="2023-09-04"),
                         T(S23, "Friday", "2023-08-25", "2023-08-25")],
     [("decide", "expected", True, "2023-09-04", "minister")]),
    (S24, "2023-08-28", [T(S24, "second-quarter", "2023-Q2", "2023-04-01", "2023-06-30"),
                         T(S24, "Aug. 3", "2023-08-03", "2023-08-03"),
                         T(S24, "November", "2023-11", "2023-11-01", "2023-11-30")],
     [("report", "occurred", False, None, "company"), ("release", "expected", True, "2023-11-30", "company")]),
]


@pytest.mark.parametrize("sentence, dct, times, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_table(sentence: str, dct: str, times: list[Timex], expected: list[tuple]) -> None:
    got = find_mentions(sentence, D(dct), timexes=times)
    assert [(m.predicate, m.modality, m.forward, m.deadline, m.subject) for m in got] == \
        [(p, mod, fw, D(dl) if dl else None, subj) for p, mod, fw, dl, subj in expected]
    for m in got:
        assert sentence[m.start:m.end] == m.sentence


def test_a_time_before_a_noun_dates_only_an_event_noun() -> None:
    s = "The parliament is expected to pass the 2019 budget by the end of March, the minister said."
    got = find_mentions(s, D("2019-01-22"), timexes=[T(s, "2019", "2019", "2019-01-01", "2019-12-31"),
                                                     T(s, "the end of March", "2019-03", "2019-03-21", "2019-03-31",
                                                       deadline="2019-03-31")])
    assert [(m.predicate, m.deadline) for m in got] == [("pass", D("2019-03-31"))]
    s = "Voters will go to the polls in the 2020 election."
    (m,) = find_mentions(s, D("2019-01-22"), timexes=[T(s, "2020", "2020", "2020-01-01", "2020-12-31")])
    assert (m.predicate, m.forward) == ("election", True)


def test_a_headline_and_dateline_glued_to_the_body_are_not_events() -> None:
    title = "Finance minister promises budget vote before spring"
    text = (f"{title} By Staff Writers | January 22, 2019 The Parliament of Freedonia is expected to pass the "
            "2019 budget by the end of March, Finance Minister Rufus Firefly said on Tuesday.")
    got = find_mentions(text, datetime(2019, 1, 22, 10, 30), title)
    assert [(m.predicate, m.modality, m.deadline, m.subject) for m in got] == \
        [("pass", "expected", D("2019-03-31"), "Parliament of Freedonia")]
    assert not got[0].sentence.startswith(title)


def test_a_denied_cancellation_keeps_the_plan() -> None:
    s = "The ministry denied reports that the summit on Feb. 15 would be cancelled."
    (m,) = find_mentions(s, D("2019-02-01"), timexes=[T(s, "Feb. 15", "2019-02-15", "2019-02-15")])
    assert (m.predicate, m.modality, m.forward) == ("summit", "scheduled", True)
    assert find_mentions("Ribeiro denied reports that the project would be scrapped.", D("2019-02-01"),
                         timexes=[]) == []


@pytest.mark.parametrize("sentence, time, first, last, deadline, expected", [
    ("The firm plans to list its shares in June.", "June", "2024-06-01", "2024-06-30", None,
     ("list", "expected", True, D("2024-06-30"))),
    ("The vote has been delayed until May 2.", "May 2", "2024-05-02", "2024-05-02", "2024-05-01",   # read as a bound
     ("vote", "scheduled", True, D("2024-05-02"))),
    ("The festival may be cancelled this year.", "this year", "2024-01-01", "2024-12-31", None,
     ("festival", "expected", True, D("2024-12-31"))),
    ("The match on Saturday was called off.", "Saturday", "2024-02-24", "2024-02-24", None,
     ("match", "cancelled", False, None)),
    ("The launch, set for Dec. 18, was postponed.", "Dec. 18", "2024-12-18", "2024-12-18", None,
     ("launch", "postponed", False, None)),
    ("The project is on track to finish by December.", "December", "2024-12-01", "2024-12-31", None,
     ("finish", "expected", True, D("2024-12-31"))),
])
def test_cancellations_postponements_and_hedges(sentence: str, time: str, first: str, last: str,
                                                 deadline: str | None, expected: tuple) -> None:
    tx = T(sentence, time, first if first == last else first[:7], first, last, deadline=deadline)
    (m,) = find_mentions(sentence, D("2024-03-01"), timexes=[tx])
    assert (m.predicate, m.modality, m.forward, m.deadline) == expected


def test_in_a_duration_ahead_and_behind() -> None:
    def one(s: str) -> list:
        return find_mentions(s, D("2024-05-06"), timexes=[T(s, "two weeks", "P2W", type="DURATION")])
    (m,) = one("The court will hear arguments in two weeks.")
    assert (m.predicate, m.forward, m.deadline) == ("hear", True, D("2024-05-20"))
    assert one("Prices rose 5% in two weeks.") == []
    assert one("It would be their first meeting in two weeks.") == []


def test_a_scrubbed_launch_is_postponed_and_a_new_date_reschedules() -> None:
    s1, s2 = "The launch was scrubbed on Monday.", "The launch was postponed to Friday."
    (m1,) = find_mentions(s1, D("2024-05-06"), timexes=[T(s1, "Monday", "2024-05-06", "2024-05-06")])
    (m2,) = find_mentions(s2, D("2024-05-06"), timexes=[T(s2, "Friday", "2024-05-10", "2024-05-10")])
    assert (m1.predicate, m1.modality, m1.forward) == ("launch", "postponed", False)
    assert (m2.predicate, m2.modality, m2.deadline) == ("launch", "scheduled", D("2024-05-10"))


def test_names_with_years_adjectival_cues_and_coordinated_events() -> None:
    s = "The 2008 Taipei Game Show will begin on January 24 and close on the 28."
    got = find_mentions(s, D("2008-01-10"), timexes=[T(s, "2008", "2008", "2008-01-01", "2008-12-31"),
                                                     T(s, "January 24", "2008-01-24", "2008-01-24")])
    assert [(m.predicate, m.modality, m.deadline) for m in got] == [("begin", "scheduled", D("2008-01-24"))]
    s = "The deals were assessed by the Board in May with a proposed demerger."
    (m,) = find_mentions(s, D("2008-07-01"), timexes=[T(s, "May", "2008-05", "2008-05-01", "2008-05-31")])
    assert (m.predicate, m.modality) == ("assess", "occurred")
    s = "Spanish media reported on Monday that the striker had signed."
    assert find_mentions(s, D("2008-07-01"), timexes=[T(s, "Monday", "2008-06-30", "2008-06-30")]) == []


def test_a_possessive_gives_way_to_what_it_owns() -> None:
    s = "India's lunar lander is due to touch down on Aug. 23."
    (m,) = find_mentions(s, D("2023-08-08"), timexes=[T(s, "Aug. 23", "2023-08-23", "2023-08-23")])
    assert (m.predicate, m.modality, m.subject, m.participants) == ("land", "scheduled", "lunar lander", ("India",))
    s = "NASA's Artemis II mission is targeted for November 2024."
    (m,) = find_mentions(s, D("2023-08-08"), timexes=[T(s, "November 2024", "2024-11", "2024-11-01", "2024-11-30")])
    assert m.subject == "Artemis II" and m.forward


def test_reporting_verbs_are_not_events() -> None:
    s = "In another sign of improving relations, the two countries will pursue cooperation, sources said Sunday."
    assert find_mentions(s, D("2018-09-23"), timexes=[T(s, "Sunday", "2018-09-23", "2018-09-23")]) == []


def test_postponed_without_a_new_date_has_no_time() -> None:
    (m,) = find_mentions("The launch of Artemis I has been postponed indefinitely.", D("2022-03-01"), timexes=[])
    assert (m.predicate, m.modality, m.timex, m.forward, m.subject) == ("launch", "postponed", None, False, "Artemis I")


def test_delays_as_a_noun_do_not_postpone_what_happened() -> None:
    s = "The rocket launched the capsule early Wednesday, after months of delays caused by fuel leaks."
    got = find_mentions(s, D("2022-11-16"), timexes=[T(s, "early Wednesday", "2022-11-16", "2022-11-16", mod="START")])
    assert [(m.predicate, m.modality) for m in got] == [("launch", "occurred")]


def test_abe_met_xi_and_trump_met_xi_have_different_participants() -> None:
    def parts(s: str) -> tuple[str, ...]:
        (m,) = find_mentions(s, D("2018-10-30"), timexes=[T(s, "Monday", "2018-10-29", "2018-10-29")])
        assert m.predicate == "meet" and m.modality == "occurred"
        return m.participants
    abe, trump = parts("Abe met Xi in Beijing on Monday."), parts("Trump met Xi in Beijing on Monday.")
    assert "Abe" in abe and "Trump" in trump and "Xi" in abe and "Xi" in trump and abe != trump


def test_participants_connect_capitals_and_demonyms_to_countries() -> None:
    s = "Tokyo is now arranging for Abe to arrive in Beijing on Oct. 23."
    (m,) = find_mentions(s, D("2018-09-23"), timexes=[T(s, "Oct. 23", "2018-10-23", "2018-10-23")])
    assert (m.predicate, m.modality, m.claim) == ("arrive", "scheduled", "Abe to arrive in Beijing")
    assert {"Japan", "China", "Beijing", "Abe"} <= set(m.participants)


# --- end to end with the real tagger -------------------------------------------------------------

def _reading(mentions) -> set[tuple]:
    return {(m.predicate, m.modality, m.forward, m.deadline) for m in mentions}


def test_seed_article_reads_as_expected_reading_says() -> None:
    text = seed_article()
    got = find_mentions(text, D("2018-09-23"))
    reading = _reading(got)
    assert ("launch", "conditional", True, D("2018-12-31")) in reading          # within the year, if they agree
    dialogue = next(m for m in got if m.modality == "conditional")
    assert dialogue.subject == "innovation dialogue" and {"Japan", "China"} <= set(dialogue.participants)
    assert ("agree", "expected", True, D("2018-10-31")) in reading              # agreement when he visits next month
    assert ("arrive", "scheduled", True, D("2018-10-23")) in reading            # arrive in Beijing Oct. 23
    assert ("mark", "scheduled", True, D("2018-10-23")) in reading              # the 40th anniversary
    assert ("agree", "occurred", False, None) in reading                        # agreed in May
    meet = next(m for m in got if m.predicate == "meet")
    assert (meet.modality, meet.first, meet.last) == ("scheduled", D("2018-10-23"), D("2018-10-25"))
    assert {"Shinzo Abe", "Xi Jinping", "Li Keqiang"} <= set(meet.participants)
    may = next(m for m in got if m.predicate == "agree" and not m.forward)
    assert (may.first, may.last) == (D("2018-05-01"), D("2018-05-31")) and "Li Keqiang" in may.participants
    discuss = next(m for m in got if m.predicate == "discuss")
    assert discuss.forward and discuss.deadline == D("2018-10-25")
    assert not any(m.predicate == "say" for m in got)                          # "said Sunday" is no event
    assert not any(m.timex and m.timex.text in ("Sunday", "September 23, 2018") for m in got)
    assert all(m.sentence_index > 5 for m in got)                              # page clutter yields nothing


def _scenario() -> dict:
    for base in (ROOT.parent / "shared", Path("/work/shared")):
        path = base / "data" / "scenarios" / "space-launches" / "articles.json"
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    pytest.skip("shared/data/scenarios/space-launches is not there")


def test_space_launch_articles_with_the_real_tagger() -> None:
    by_id = {}
    for art in _scenario()["articles"]:
        by_id[art["id"]] = find_mentions("\n\n".join(art["paragraphs"]), datetime.fromisoformat(art["published"]),
                                         art["title"])
    webb = [m.deadline for aid in ("jwst-2018-03", "jwst-2018-06", "jwst-2020-07", "jwst-2021-09", "jwst-2021-11",
                                   "jwst-2021-12-14", "jwst-2021-12-21")
            for m in by_id[aid] if m.forward and m.predicate == "launch"]
    assert webb == [D(x) for x in ("2020-05-31", "2021-03-30", "2021-10-31", "2021-12-18", "2021-12-22", "2021-12-24",
                                   "2021-12-25")]                              # the deadline history, in order
    assert all(m.subject == "James Webb Space Telescope" for aid in ("jwst-2018-03", "jwst-2021-09")
               for m in by_id[aid] if m.predicate == "launch")
    assert ("report", "expected", True, D("2018-05-31")) in _reading(by_id["jwst-2018-03"])
    assert ("launch", "occurred", False, None) in _reading(by_id["jwst-2021-12-25"])
    assert {("unfold", "expected", True, D("2022-01-08")), ("reach", "expected", True, D("2022-01-31"))} \
        <= _reading(by_id["jwst-2021-12-25"])
    assert ("deploy", "occurred", False, None) in _reading(by_id["jwst-2022-01-08"])
    artemis = [m for m in by_id["artemis-2021-10"] if m.forward]
    assert [(m.predicate, m.subject, m.deadline) for m in artemis] == [("launch", "Artemis I", D("2022-02-28"))]
    assert ("splash down", "scheduled", True, D("2022-12-11")) in _reading(by_id["artemis-2022-11"])
    biden = next(m for m in by_id["jwst-2022-07-12"] if "Joe Biden" in m.participants)
    assert (biden.modality, biden.first) == ("occurred", D("2022-07-11"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400)
       | st.lists(st.sampled_from(["Abe", "will", "visit", "China", "on", "Oct.", "23", "next month", "said",
                                   "Sunday", ",", ".", "if", "when", "the", "launch", "of", "Webb", "postponed",
                                   "\n\n", "could", "within the year", "during the visit", "by the end of May"]),
                  max_size=50).map(" ".join))
def test_never_raises_and_offsets_slice_to_the_sentence(text: str) -> None:
    for m in find_mentions(text, date(2018, 9, 23)):
        assert text[m.start:m.end] == m.sentence
        assert m.modality in ("occurred", "ongoing", "scheduled", "expected", "conditional", "postponed",
                              "cancelled", "denied")
        assert not m.forward or m.modality in ("scheduled", "expected", "conditional")
