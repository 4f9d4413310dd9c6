"""The timeline in a real database (SQLite, and PostgreSQL when configured): articles in any order,
re-runs, settlement, queries, as-of."""
from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

import pytest

from tests.unit._mentions import mention
from tracker.errors import NotFoundError
from tracker.store import Article, session_scope
from tracker.timeline import (
    get_event, get_followup, query_followups, query_timeline, resolve_mentions, settle_followups,
)

JW = "James Webb Space Telescope"
D = date


def _article(day: date, name: str) -> Article:
    at = datetime(day.year, day.month, day.day, 15, tzinfo=timezone.utc)
    return Article(url=f"http://news.example/{name}", title=name, text="", content_hash=name, published_at=at,
                   published_offset_min=-300, fetched_at=at)


STORY = {
    "a-2018-03": (D(2018, 3, 27), [
        mention("launch", JW, "expected", D(2020, 5, 1), D(2020, 5, 31), participants=("NASA", JW), text="May 2020",
                sentence=f"NASA said on Tuesday that the launch of the {JW} is now targeted for approximately May 2020."),
        mention("report", "review board", "expected", D(2018, 5, 31), sentence_index=2, text="by the end of May",
                sentence="An independent review board will examine the project and report by the end of May.")]),
    "a-2018-06": (D(2018, 6, 27), [
        mention("launch", JW, "scheduled", D(2021, 3, 30), participants=("NASA", JW), text="March 30, 2021"),
        mention("find", "review board", "occurred", D(2018, 6, 27), sentence_index=1)]),
    "a-2021-10": (D(2021, 10, 22), [
        mention("launch", "Artemis I", "expected", D(2022, 2, 1), D(2022, 2, 28), participants=("NASA", "Artemis I"))]),
    "a-2021-12": (D(2021, 12, 25), [
        mention("launch", JW, "occurred", D(2021, 12, 25), participants=(JW, "French Guiana"))]),
}


def _ingest(engine, order) -> None:
    for name in order:
        day, mentions = STORY[name]
        with session_scope(engine) as s:
            resolve_mentions(s, _article(day, name), mentions)


def _summary(engine, as_of=None) -> tuple:
    with session_scope(engine) as s:
        events = sorted((e["title"], e["kind"], e["start"], len(e["sources"])) for e in query_timeline(s, as_of=as_of))
        fus = sorted((f["claim"], f["status"], f["deadline"], tuple(h["deadline"] for h in f["history"]))
                     for f in query_followups(s, as_of=as_of, today=D(2023, 1, 1)))
    return events, fus


def test_the_story_in_publication_order(engine) -> None:
    _ingest(engine, list(STORY))
    events, fus = _summary(engine)
    assert ("Launch of James Webb Space Telescope", "occurred", D(2021, 12, 25), 3) in events
    by_claim = {f[0]: f for f in fus}
    webb = by_claim[f"{JW} launch"]
    assert webb[1:3] == ("fulfilled", D(2021, 12, 25)) or webb[1] == "late"
    assert webb[3][:2] == (D(2020, 5, 31), D(2021, 3, 30))
    assert by_claim["review board report"][1] == "late"
    assert by_claim["Artemis I launch"][1] == "overdue"


@pytest.mark.parametrize("order", [list(p) for p in itertools.islice(itertools.permutations(STORY), 0, 24, 5)])
def test_any_arrival_order_ends_the_same(engine, order) -> None:
    _ingest(engine, order)
    assert _summary(engine) == _summary_of_sorted()


_cache: dict[str, tuple] = {}


def _summary_of_sorted() -> tuple:
    if "s" not in _cache:
        import tempfile

        from tracker.store import make_engine
        with tempfile.TemporaryDirectory() as tmp:
            eng = make_engine(f"sqlite:///{tmp}/ref.db")
            _ingest(eng, list(STORY))
            _cache["s"] = _summary(eng)
            eng.dispose()
    return _cache["s"]


def test_re_running_an_article_neither_loses_nor_duplicates(engine) -> None:
    _ingest(engine, list(STORY))
    before = _summary(engine)
    with session_scope(engine) as s:
        from sqlmodel import select
        art = s.exec(select(Article).where(Article.url == "http://news.example/a-2018-06")).one()
        resolve_mentions(s, art, STORY["a-2018-06"][1])
    assert _summary(engine) == before


def test_ids_stay_put_when_a_later_article_joins(engine) -> None:
    _ingest(engine, ["a-2018-03", "a-2018-06"])
    with session_scope(engine) as s:
        first = {f["claim"]: f["id"] for f in query_followups(s)}
    _ingest(engine, ["a-2021-12"])
    with session_scope(engine) as s:
        assert {f["claim"]: f["id"] for f in query_followups(s)} == first


def test_as_of_counts_only_what_was_published(engine) -> None:
    _ingest(engine, list(STORY))
    events, fus = _summary(engine, as_of=D(2019, 1, 1))
    assert {f[0]: f[1:3] for f in fus}[f"{JW} launch"] == ("open", D(2021, 3, 30))
    assert all(e[1] != "occurred" or e[2] < D(2019, 1, 1) for e in events)
    with session_scope(engine) as s:
        art = {f["claim"]: f["status"] for f in query_followups(s, as_of=D(2022, 6, 1))}
    assert art["Artemis I launch"] == "overdue"


def test_timeline_filters(engine) -> None:
    _ingest(engine, list(STORY))
    with session_scope(engine) as s:
        assert [e["title"] for e in query_timeline(s, entity="artemis i")] == ["Launch of Artemis I"]
        assert [e["title"] for e in query_timeline(s, entity="Artemis")] == ["Launch of Artemis I"]
        assert {e["title"] for e in query_timeline(s, since=D(2021, 1, 1), until=D(2021, 12, 31))} == {
            "Launch of James Webb Space Telescope"}
        assert [e["title"] for e in query_timeline(s, search="REVIEW board")] == ["Report of review board"]


def test_settle_followups_marks_overdue_and_records_the_change(engine) -> None:
    _ingest(engine, ["a-2021-10"])
    with session_scope(engine) as s:
        assert settle_followups(s, D(2022, 3, 1)) == 1
        assert settle_followups(s, D(2022, 3, 1)) == 0
    with session_scope(engine) as s:
        fu = query_followups(s)[0]
        assert fu["status"] == "open"  # as stored claims alone say; today decides overdue
        assert query_followups(s, today=D(2022, 3, 1))[0]["status"] == "overdue"
        from tracker.store import Followup
        from sqlmodel import select
        assert s.exec(select(Followup)).one().status == "overdue"


def test_get_event_and_followup_with_their_trail(engine) -> None:
    _ingest(engine, list(STORY))
    with session_scope(engine) as s:
        fu = next(f for f in query_followups(s) if f["claim"].startswith(JW))
        detail = get_followup(s, fu["id"])
        assert [e["role"] for e in detail["evidence"]] == ["claim", "claim", "evidence"]
        event = get_event(s, fu["event_id"])
        assert fu["id"] in event["followups"] and len(event["sources"]) == 3
        with pytest.raises(NotFoundError):
            get_event(s, 999999)
        with pytest.raises(NotFoundError):
            get_followup(s, 999999)


MORE = {
    "a-2022-11": (D(2022, 11, 16), [
        mention("launch", "Space Launch System", "occurred", D(2022, 11, 16),
                participants=("NASA", "Space Launch System", "Orion"),
                sentence="NASA's Space Launch System rocket launched the uncrewed Orion capsule toward the Moon.")]),
    "a-2021-10b": (D(2021, 10, 23), [
        mention("launch", "Artemis I", "expected", D(2022, 2, 1), D(2022, 2, 28),
                participants=("NASA", "Artemis I", "Space Launch System", "Orion"), text="February 2022",
                sentence="NASA is targeting February 2022 for the launch of Artemis I, the first flight of the Space Launch System.")]),
}


def test_property_any_order_of_articles_ends_the_same(tmp_path_factory) -> None:
    """Hypothesis over shuffled orders of whole articles (mention batches), through the database."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from tracker.store import make_engine

    story = {**STORY, **MORE}
    names = sorted(story)

    def run(order: list[str]) -> tuple:
        eng = make_engine(f"sqlite:///{tmp_path_factory.mktemp('perm') / 'p.db'}")
        for name in order:
            day, mentions = story[name]
            with session_scope(eng) as s:
                resolve_mentions(s, _article(day, name), mentions)
        result = _summary(eng)
        eng.dispose()
        return result

    want = run(names)
    assert any(f[0] == "Artemis I launch" and f[1] == "late" for f in want[1])

    @settings(max_examples=12, deadline=None)
    @given(st.permutations(names))
    def check(order: list[str]) -> None:
        assert run(list(order)) == want

    check()


def test_a_recorded_overdue_survives_a_rebuild_of_its_thread(engine) -> None:
    from sqlmodel import select

    from tracker.store import Followup, FollowupChange

    _ingest(engine, ["a-2021-10"])
    with session_scope(engine) as s:
        settle_followups(s, D(2022, 3, 1))
    with session_scope(engine) as s:        # the same article again: its thread is rebuilt
        art = s.exec(select(Article).where(Article.url == "http://news.example/a-2021-10")).one()
        resolve_mentions(s, art, STORY["a-2021-10"][1])
    with session_scope(engine) as s:
        row = s.exec(select(Followup).where(Followup.claim == "Artemis I launch")).one()
        changes = s.exec(select(FollowupChange.status).where(FollowupChange.followup_id == row.id)).all()
    assert row.status == "overdue" and "overdue" in changes
