"""Reports that settle claims told with other words, stored, in either arrival order: a common noun ("the
port") and the named thing of that noun on one day, a noun told in a report ("the first test tram ran") and the
claim about that noun, a first part of a whole apart from the whole; and the traps that must stay apart
(another port reopening another day, the whole line, two refusals weeks apart)."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tests.unit._mentions import mention
from tracker.store import Article, session_scope
from tracker.timeline import query_followups, query_timeline, resolve_mentions

D = date
CC = "Port of Corpus Christi"

PORT = {
    "preview": (D(2025, 8, 26), [
        mention("close", CC, "scheduled", D(2025, 8, 27), participants=(CC,), text="tomorrow at noon",
                claim=f"{CC} to close", sentence=f"The {CC} will close to all vessel traffic tomorrow at noon.")]),
    "landfall": (D(2025, 8, 28), [
        mention("close", "port", "occurred", D(2025, 8, 27), participants=("Coast Guard",), text="noon on Wednesday",
                sentence="The port, which closed to vessel traffic at noon on Wednesday, will stay shut until the "
                         "Coast Guard completes a survey."),
        mention("reopen", "port", "conditional", D(2025, 8, 30), participants=("Coast Guard",), text="Saturday",
                sentence_index=1, claim="port to reopen",
                sentence="Officials said that if the Coast Guard survey finds no obstructions, the port will reopen "
                         "to vessel traffic on Saturday.")]),
    "not-reopened": (D(2025, 8, 31), [
        mention("reopen", CC, "postponed", D(2025, 8, 30), participants=(CC,), text="Saturday",
                sentence=f"The {CC} did not reopen on Saturday as planned."),
        mention("reopen", "Port of Brownsville", "occurred", D(2025, 8, 29), participants=("Port of Brownsville",),
                text="Friday", sentence_index=1, sentence="Farther south, the Port of Brownsville reopened on Friday.")]),
    "new-date": (D(2025, 9, 2), [
        mention("reopen", CC, "scheduled", D(2025, 9, 4), participants=(CC,), text="Thursday, Sept. 4",
                claim=f"{CC} to reopen", sentence=f"The {CC} will reopen to vessel traffic on Thursday, Sept. 4.")]),
    "reopened": (D(2025, 9, 4), [
        mention("reopen", CC, "occurred", D(2025, 9, 4), participants=(CC,), text="Thursday",
                sentence=f"The {CC} reopened on Thursday.")]),
}

LINE = "Riverside Line"
RAIL = {
    "promise": (D(2023, 11, 20), [
        mention("open", LINE, "expected", D(2024, 12, 31), participants=(LINE, "Carina"), text="by the end of 2024",
                claim=f"{LINE} to open", sentence=f"The {LINE}, running from Newstead to Carina, is expected to open "
                                                 "by the end of 2024."),
        mention("run", "test trams", "expected", D(2023, 12, 1), D(2023, 12, 31), participants=("Helen Voss",),
                text="next month", sentence_index=1, claim="test trams to run",
                sentence="Test trams will start running on the first section of track next month, Voss said.")]),
    "test-tram": (D(2023, 12, 19), [
        mention("run", "first test tram", "occurred", D(2023, 12, 18), participants=("Brisbane", LINE),
                text="Monday", sentence=f"The first test tram ran on Brisbane's {LINE} on Monday.")]),
    "stations": (D(2025, 8, 1), [
        mention("open", "first six stations", "scheduled", D(2025, 8, 16), participants=(LINE, "Newstead", "Bulimba"),
                text="Saturday", claim="first six stations to open",
                sentence=f"The first six stations of the {LINE}, from Newstead to Bulimba, will open on Saturday.")]),
    "stage-one": (D(2025, 8, 17), [
        mention("open", "first stage", "occurred", D(2025, 8, 16), participants=(LINE,), text="Saturday",
                sentence=f"The first stage of the {LINE} opened on Saturday.")]),
}

OFFERS = {
    "first-bid": (D(2025, 7, 11), [
        mention("offer", "Northbridge United", "cancelled", D(2025, 7, 10), participants=("Northbridge United",
                "Sporting Alvor"), text="Thursday",
                sentence="Sporting Alvor rejected Northbridge United's 45 million euro offer on Thursday.")]),
    "final-bid": (D(2025, 8, 29), [
        mention("offer", "Northbridge United", "cancelled", D(2025, 8, 29), participants=("Northbridge United",
                "Al-Nakheel"), text="Friday",
                sentence="Northbridge United rejected a final offer of 30 million euros from Al-Nakheel on Friday.")]),
}


def _article(day: date, name: str) -> Article:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
    return Article(url=f"http://news.example/{name}", title=name, text="", content_hash=name, published_at=at,
                   published_offset_min=0, fetched_at=at)


def _ingest(engine, story: dict, order: list[str]):
    for name in order:
        day, mentions = story[name]
        with session_scope(engine) as s:
            resolve_mentions(s, _article(day, name), mentions)
    with session_scope(engine) as s:
        fus = {f["claim"]: (f["status"], f["deadline"], (f["resolution"] or {}).get("url", "").rsplit("/", 1)[-1],
                            [(h["deadline"], h["status"]) for h in f["history"]])
               for f in query_followups(s, today=D(2026, 1, 1))}
        events = sorted((e["start"], e["kind"], len(e["sources"])) for e in query_timeline(s))
    return fus, events


ORDERS = ["oldest-first", "newest-first"]


def _order(story: dict, which: str) -> list[str]:
    return list(story) if which == "oldest-first" else list(reversed(story))


@pytest.mark.parametrize("which", ORDERS)
def test_the_port_and_the_named_port(engine, which: str) -> None:
    fus, _ = _ingest(engine, PORT, _order(PORT, which))
    assert fus[f"{CC} to close"][:3] == ("fulfilled", D(2025, 8, 27), "landfall")
    status, deadline, resolution, history = fus["port to reopen"]
    assert (status, deadline, resolution) == ("fulfilled", D(2025, 9, 4), "reopened")   # not Brownsville's
    assert (D(2025, 8, 30), "postponed") in history   # "did not reopen on Saturday as planned": put off, no new day


@pytest.mark.parametrize("which", ORDERS)
def test_a_noun_told_in_a_report_and_a_first_part(engine, which: str) -> None:
    fus, _ = _ingest(engine, RAIL, _order(RAIL, which))
    assert fus["test trams to run"][:3] == ("fulfilled", D(2023, 12, 31), "test-tram")
    assert fus["first six stations to open"][:3] == ("fulfilled", D(2025, 8, 16), "stage-one")
    assert fus[f"{LINE} to open"][0] == "overdue"   # the first stage is not the whole line


@pytest.mark.parametrize("which", ORDERS)
def test_two_refusals_weeks_apart_are_two_events(engine, which: str) -> None:
    _, events = _ingest(engine, OFFERS, _order(OFFERS, which))
    assert [(start, kind) for start, kind, _ in events] == [(D(2025, 7, 10), "cancelled"), (D(2025, 8, 29), "cancelled")]


GCE = "Gulf Coast Electric"
POWER = {
    "landfall": (D(2025, 8, 28), [
        mention("restore", GCE, "expected", D(2025, 9, 7), participants=(GCE,), text="by Sept. 7",
                claim=f"{GCE} to restore power to all customers",
                sentence=f"{GCE} said it expected to restore power to all customers by Sept. 7.")]),
    "missed": (D(2025, 9, 8), [
        mention("restore", GCE, "expected", D(2025, 9, 12), participants=(GCE,), text="by Friday",
                claim="utility to restore power to all remaining customers",
                sentence="The utility now says it will restore power to all remaining customers by Friday.")]),
    "rival": (D(2025, 9, 10), [
        mention("restore", "power", "occurred", D(2025, 9, 9), participants=(), text="Tuesday",
                sentence="Power was restored by a rival utility to the island on Tuesday.")]),
    "october": (D(2025, 10, 21), [
        mention("restore", "power", "occurred", D(2025, 9, 11), participants=("Corpus Christi",), text="Sept. 11",
                sentence="In Corpus Christi, where power was restored to the last customers on Sept. 11, "
                         "rebuilding is expected to take months.")]),
}

FDA_CLAIM = "FDA to approve the drug"
APPROVALS = {
    "extended": (D(2025, 10, 2), [
        mention("approve", "FDA", "expected", D(2026, 1, 14), participants=("FDA", "Arden Therapeutics"),
                text="by Jan. 14", claim=FDA_CLAIM,
                sentence="The FDA has extended its review of Arden Therapeutics' relvastim by three months and will "
                         "now decide whether to approve the drug by Jan. 14.")]),
    "rival": (D(2025, 11, 5), [
        mention("approve", "FDA", "occurred", D(2025, 11, 4), participants=("FDA", "Halcyon Bio"), text="Tuesday",
                sentence="The FDA on Tuesday approved Halcyon Bio's tepravir, a daily pill.")]),
    "rival-again": (D(2025, 11, 20), [
        mention("approve", "U.S. Food and Drug Administration", "occurred", D(2025, 11, 4),
                participants=("U.S. Food and Drug Administration", "Halcyon Bio"), text="Nov. 4",
                sentence="Halcyon said sales rose after the U.S. Food and Drug Administration approved Halcyon Bio's "
                         "tepravir on Nov. 4.")]),
    "approved": (D(2026, 1, 9), [
        mention("approve", "FDA", "occurred", D(2026, 1, 9), participants=("FDA", "Arden Therapeutics"),
                text="Friday", sentence="The FDA approved Arden Therapeutics' relvastim on Friday.")]),
}


@pytest.mark.parametrize("which", ORDERS)
def test_a_passive_report_settles_the_claim_an_agent_does_not(engine, which: str) -> None:
    fus, _ = _ingest(engine, POWER, _order(POWER, which))
    claim = next(k for k in fus if k.endswith("restore power to all customers"))
    assert fus[claim][:3] == ("fulfilled", D(2025, 9, 12), "october")   # not the rival's restoration


@pytest.mark.parametrize("which", ORDERS)
def test_an_approval_of_another_product_does_not_settle_the_claim(engine, which: str) -> None:
    fus, _ = _ingest(engine, APPROVALS, _order(APPROVALS, which))
    assert fus[FDA_CLAIM][:3] == ("fulfilled", D(2026, 1, 14), "approved")   # not the rival pill of Nov. 4
