"""Digest windows: each digest reports what was published by its cut-off and not reported
before, so consecutive days, a late-fetched old article and a week of downtime lose nothing
and repeat nothing. Runs on SQLite, and on PostgreSQL when TRACKER_TEST_POSTGRES_URL is set."""
from __future__ import annotations

from datetime import date

from tests.integration._digest_helpers import add_event, add_failing_feed, add_followup, at, settle
from tracker.clock import FixedClock
from tracker.config import with_overrides
from tracker.digest import build_digest, cutoff_for, deliver_digest
from tracker.store import Digest, session_scope

TO = "reader@example.org"


def _settings(settings, tz: str = "UTC", time: str = "07:00"):
    return with_overrides(settings, digest={"to": (TO,), "time": time, "timezone": tz})


def _send_day(engine, settings, day: str, now: str) -> set[str]:
    """Deliver the digest of `day` at `now` with a fake SMTP; return the event titles it carried."""
    sent = []
    done = deliver_digest(engine, settings, FixedClock(at(now)), TO, date.fromisoformat(day), "test",
                          send=lambda msg, _s: sent.append(msg))
    assert done.outcome == "sent" and len(sent) == 1
    text = sent[0].get_body(("plain",)).get_content()
    return {line.split("  ", 1)[1].rsplit(" (", 1)[0] for line in text.splitlines() if line.startswith("- 2026")}


def test_cutoff_is_the_digest_time_in_its_zone(settings) -> None:
    s = _settings(settings, tz="Europe/Paris", time="07:30")
    assert cutoff_for(s, date(2026, 1, 15)) == at("2026-01-15 06:30")
    assert cutoff_for(s, date(2026, 7, 15)) == at("2026-07-15 05:30")   # summer time


def test_consecutive_days_lose_nothing_and_repeat_nothing(engine, settings) -> None:
    s = _settings(settings)
    add_event(engine, "Alpha", "2026-03-01 10:00")
    add_event(engine, "Bravo", "2026-03-02 06:59")
    add_event(engine, "Charlie", "2026-03-02 07:01")          # after day 2's cut-off
    late = add_event(engine, "Delta", "2026-03-02 05:00", fetched="2026-03-02 09:00")   # old, fetched late
    assert _send_day(engine, s, "2026-03-02", "2026-03-02 07:00") == {"Alpha", "Bravo"}
    add_event(engine, "Bravo", "2026-03-02 10:00", event_id=None)  # a different event with the same title
    assert _send_day(engine, s, "2026-03-03", "2026-03-03 07:00") == {"Charlie", "Delta", "Bravo"}
    assert late
    assert _send_day(engine, s, "2026-03-04", "2026-03-04 07:00") == set()


def test_an_article_committed_after_the_digest_was_built_is_in_the_next_one(engine, settings) -> None:
    """A long poll stamps fetched_at before the digest but commits after it: not lost."""
    s = _settings(settings)
    add_event(engine, "Stamped early", "2026-03-02 06:00", fetched="2026-03-02 06:58", processed="2026-03-02 07:10")
    add_event(engine, "Just in time", "2026-03-02 06:00", fetched="2026-03-02 06:59:50", processed="2026-03-02 06:59:55")
    add_event(engine, "Settled", "2026-03-02 06:00", fetched="2026-03-02 06:50", processed="2026-03-02 06:51")
    assert _send_day(engine, s, "2026-03-02", "2026-03-02 07:00") == {"Settled"}
    assert _send_day(engine, s, "2026-03-03", "2026-03-03 07:00") == {"Stamped early", "Just in time"}


def test_a_second_report_of_an_old_event_is_not_news(engine, settings) -> None:
    s = _settings(settings)
    first = add_event(engine, "Summit", "2026-03-01 10:00")
    assert _send_day(engine, s, "2026-03-02", "2026-03-02 07:00") == {"Summit"}
    add_event(engine, "Summit", "2026-03-02 12:00", event_id=first)
    assert _send_day(engine, s, "2026-03-03", "2026-03-03 07:00") == set()


def test_a_week_of_downtime_is_caught_up_by_one_digest(engine, settings) -> None:
    s = _settings(settings)
    add_event(engine, "Before", "2026-03-01 10:00")
    assert _send_day(engine, s, "2026-03-02", "2026-03-02 07:00") == {"Before"}
    titles = {f"Day{d}" for d in range(2, 10)}
    for d in range(2, 10):
        add_event(engine, f"Day{d}", f"2026-03-{d:02d} 12:00")
    got = _send_day(engine, s, "2026-03-10", "2026-03-10 07:05")
    assert got == titles
    with session_scope(engine) as session:
        row = session.get(Digest, 2)
        assert row.covered_from == at("2026-03-02 07:00") and row.status == "sent"


def test_a_backfilled_day_repeats_nothing_a_later_digest_said(engine, settings) -> None:
    s = _settings(settings)
    add_event(engine, "Old", "2026-03-01 10:00")
    assert _send_day(engine, s, "2026-03-05", "2026-03-05 07:00") == {"Old"}
    assert _send_day(engine, s, "2026-03-03", "2026-03-05 08:00") == set()
    add_event(engine, "Found later", "2026-03-02 10:00", fetched="2026-03-05 09:00")
    assert _send_day(engine, s, "2026-03-06", "2026-03-06 07:00") == {"Found later"}


def test_sections(engine, settings) -> None:
    s = _settings(settings)
    add_event(engine, "Vote <script>alert(1)</script>", "2026-03-01 10:00")
    add_event(engine, "Launch", "2026-03-01 11:00", on="2026-03-20", kind="scheduled")
    due = add_followup(engine, "The bridge will reopen", "2026-03-05")
    add_followup(engine, "The report will be published", "2026-02-20")
    done = add_followup(engine, "The plant will close", "2026-03-30")
    url = settle(engine, done, "fulfilled", "2026-03-01 15:00", "The plant closed on Sunday.")
    add_failing_feed(engine, "https://flaky.example/feed", 5)
    add_failing_feed(engine, "https://fine.example/feed", 1)
    with session_scope(engine) as session:
        c = build_digest(session, s, TO, date(2026, 3, 2), as_of=at("2026-03-02 07:00"))
    assert [e.title for e in c.events] == ["Vote <script>alert(1)</script>", "Launch"]
    assert [(f.claim, f.evidence.url, f.evidence.sentence) for f in c.settled] == [
        ("The plant will close", url, "The plant closed on Sunday.")]
    assert [(f.id, f.days_left) for f in c.due] == [(due, 3)]
    assert [f.claim for f in c.overdue] == ["The report will be published"]
    assert [e.title for e in c.upcoming] == ["Launch"]
    assert [f.url for f in c.failing] == ["https://flaky.example/feed"]


def test_sending_twice_is_refused(engine, settings) -> None:
    s = _settings(settings)
    clock = FixedClock(at("2026-03-02 07:00"))
    sent = []
    first = deliver_digest(engine, s, clock, TO, date(2026, 3, 2), "a", send=lambda m, _s: sent.append(m))
    again = deliver_digest(engine, s, clock, TO, date(2026, 3, 2), "b", send=lambda m, _s: sent.append(m))
    assert (first.outcome, again.outcome, len(sent)) == ("sent", "already", 1)


def test_a_failed_digest_can_be_sent_later(engine, settings) -> None:
    from tracker.errors import SmtpError

    s = _settings(settings)
    clock = FixedClock(at("2026-03-02 07:00"))

    def down(_m, _s):
        raise SmtpError("cannot reach the mail server")

    assert deliver_digest(engine, s, clock, TO, date(2026, 3, 2), "a", send=down).outcome == "failed"
    sent = []
    assert deliver_digest(engine, s, clock, TO, date(2026, 3, 2), "a", send=lambda m, _s: sent.append(m)).outcome == "sent"
    assert len(sent) == 1


def test_a_huge_day_is_capped_and_says_how_many_more(engine, settings, monkeypatch) -> None:
    import tracker.digest.build as build

    monkeypatch.setattr(build, "MAX_EVENTS", 2)
    for n in range(3):
        add_event(engine, f"E{n}", "2026-03-01 10:00", on=f"2026-02-2{n}")
    with session_scope(engine) as session:
        c = build_digest(session, _settings(settings), TO, date(2026, 3, 2), as_of=at("2026-03-02 07:00"))
    assert [e.title for e in c.events] == ["E0", "E1"] and c.more_events == 1
    from tracker.digest.render import render_text

    assert "... and 1 more new events" in render_text(c)
