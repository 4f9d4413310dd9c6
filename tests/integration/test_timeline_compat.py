"""Reports told in other words settle their claims through the store, in either arrival order (compatible
classes, `tracker/timeline/_compat.py`): a council vote by its approval, not by another city's approval a week
before; an override called off by a failed attempt; a threatened strike called off by withdrawing the notice,
not by another airline's crew. SQLite always; PostgreSQL too when TRACKER_TEST_POSTGRES_URL is set (the
`engine` fixture)."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tests.unit._mentions import mention
from tracker.store import Article, session_scope
from tracker.timeline import query_followups, resolve_mentions

D = date
FAILED = ("TORONTO — An attempt to overturn Mayor Teresa Lindqvist's veto of a C$20 million cut to the police budget "
          "failed on Wednesday night, when only 15 councillors voted for it.")
WITHDREW = ("Travelers booked on Lusavia this weekend can breathe again: the Portuguese airline's cabin crew union "
            "withdrew its strike notice on Thursday after the two sides reached a provisional agreement on pay.")

STORY = {
    "timetable": (D(2026, 1, 8), [
        mention("vote", "City", "scheduled", D(2026, 2, 10), participants=("City",), text="Feb. 10",
                claim="City council to vote on the budget",
                sentence="City council will then vote on the budget at a special meeting on Feb. 10.")]),
    "mississauga": (D(2026, 2, 9), [
        mention("approve", "council", "occurred", D(2026, 2, 4), participants=("Neighbouring Mississauga",),
                text="last Wednesday", sentence="Neighbouring Mississauga's council approved its 2026 budget last "
                                                "Wednesday with a 4.8 per cent tax increase.")]),
    "approved": (D(2026, 2, 11), [
        mention("approve", "Toronto", "occurred", D(2026, 2, 10), participants=("Toronto", "Canada"),
                text="Tuesday evening", sentence="Toronto city council approved a C$18.7 billion budget on Tuesday "
                                                 "evening after trimming the property tax increase.")]),
    "veto": (D(2026, 2, 12), [
        mention("override", "Councillors backed cut", "expected", D(2026, 2, 25),
                participants=("Councillors backed cut",), text="Feb. 25", claim="councillors to override the veto",
                sentence="Councillors who backed the cut said they would override the veto at a special meeting on "
                         "Feb. 25.")]),
    "override": (D(2026, 2, 26), [
        mention("fail", "veto", "occurred", D(2026, 2, 25), participants=("Teresa Lindqvist",),
                text="Wednesday night", sentence=FAILED)]),
    "strike-threat": (D(2025, 10, 22), [
        mention("strike", "cabin crew", "conditional", D(2025, 10, 31), participants=("Lusavia",),
                text="Friday, Oct. 31", claim="cabin crew to strike",
                sentence="Cabin crew at Lusavia will strike on Friday, Oct. 31 and Saturday, Nov. 1 unless the "
                         "Portuguese low-cost airline improves its pay offer, their union, SINTAC, said on Wednesday.")]),
    "vueling": (D(2025, 10, 29), [
        mention("strike", "Vueling", "occurred", D(2025, 10, 29), participants=("Vueling",), text="Wednesday",
                sentence="Vueling's cabin crew union withdrew its strike notice on Wednesday.")]),
    "strike-off": (D(2025, 10, 30), [
        mention("strike", "Portugal", "occurred", D(2025, 10, 30), participants=("Portugal",), text="Thursday",
                sentence=WITHDREW)]),
}


def _article(day: date, name: str) -> Article:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
    return Article(url=f"http://news.example/{name}", title=name, text="", content_hash=name, published_at=at,
                   published_offset_min=0, fetched_at=at)


def _followups(engine, order: list[str]) -> dict[str, tuple]:
    for name in order:
        day, mentions = STORY[name]
        with session_scope(engine) as s:
            resolve_mentions(s, _article(day, name), mentions)
    with session_scope(engine) as s:
        return {f["claim"]: (f["status"], (f["resolution"] or {}).get("url", "").rsplit("/", 1)[-1])
                for f in query_followups(s, today=D(2027, 1, 1))}


def _check(engine, order: list[str]) -> None:
    fus = _followups(engine, order)
    assert fus["City council to vote on the budget"] == ("fulfilled", "approved")     # not Mississauga's
    assert fus["councillors to override the veto"] == ("cancelled", "override")
    assert fus["cabin crew to strike"] == ("cancelled", "strike-off")                 # not Vueling's crew


ORDERS = {"oldest-first": list(STORY), "newest-first": list(reversed(STORY)),
          "reports-first": ["approved", "override", "strike-off", "vueling", "mississauga", "timetable", "veto",
                            "strike-threat"]}


@pytest.mark.parametrize("which", list(ORDERS))
def test_reports_in_other_words_settle_their_claims(engine, which: str) -> None:
    _check(engine, ORDERS[which])



def test_a_rerun_that_drops_the_report_reopens_the_claim(engine) -> None:
    """The report settled the claim from another thread; when a re-run of its article no longer has it, the
    claim's follow-up is re-derived (it is linked to the report, not in the report's thread)."""
    _followups(engine, ["timetable", "approved"])
    day, _ = STORY["approved"]
    with session_scope(engine) as s:
        from sqlalchemy import select

        article = s.execute(select(Article).where(Article.url == "http://news.example/approved")).scalar_one()
        resolve_mentions(s, article, [])
    with session_scope(engine) as s:
        from sqlalchemy import select

        from tracker.store.models import Followup

        stored = {f.claim: (f.status, f.resolution_mention_id) for f in s.execute(select(Followup)).scalars()}
    assert stored["City council to vote on the budget"] == ("open", None)   # the stored row, not only the replay
