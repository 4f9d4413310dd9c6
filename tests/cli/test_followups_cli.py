"""`tracker followups` and `tracker followup`: every format once, status and as-of, one-line errors."""
from __future__ import annotations

import csv
import io
import json

from tests.cli._timeline_fixtures import run, story  # noqa: F401  (fixtures)


def _by_claim(out: str) -> dict:
    return {f["claim"]: f for f in json.loads(out)["followups"]}


def test_json_is_the_contract_shape(run, story) -> None:
    code, out, err = run("followups", "--format", "json")
    assert code == 0, err
    fus = _by_claim(out)
    art = fus["Artemis I launch"]
    assert set(art) >= {"id", "claim", "deadline", "deadline_text", "status", "source", "resolution", "history"}
    assert (art["status"], art["deadline"], art["resolution"]) == ("overdue", "2022-02-28", None)
    assert {"url", "published", "text"} <= set(art["source"])
    board = fus["review board report"]
    assert board["status"] == "late" and board["resolution"]["url"].endswith("a-2018-06")
    assert [h["status"] for h in board["history"]] == ["open", "late"]
    assert {"at", "status", "deadline", "url"} <= set(board["history"][0])


def test_status_filter_and_as_of(run, story) -> None:
    _, out, _ = run("followups", "-f", "json", "--status", "late")
    assert {f["status"] for f in json.loads(out)["followups"]} == {"late"}
    _, out, _ = run("followups", "-f", "json", "--as-of", "2022-01-15")
    assert _by_claim(out)["Artemis I launch"]["status"] == "open"
    _, out, _ = run("followups", "-f", "json", "--as-of", "2022-06-01", "--status", "overdue")
    assert list(_by_claim(out)) == ["Artemis I launch"]


def test_table_csv_nl_ics_html(run, story, tmp_path) -> None:
    from icalendar import Calendar

    code, out, _ = run("followups", "-f", "table")
    assert code == 0 and "Follow-ups" in out
    code, out, _ = run("followups", "-f", "csv")
    assert code == 0 and {r["status"] for r in csv.DictReader(io.StringIO(out))} >= {"late", "overdue"}
    code, out, _ = run("followups", "-f", "nl")
    assert code == 0 and len(out.splitlines()) == 3
    code, out, _ = run("followups", "-f", "ics")
    summaries = [str(e["summary"]) for e in Calendar.from_ical(out).walk("VEVENT")]
    assert code == 0 and any(s.startswith("Deadline (overdue): Artemis I") for s in summaries)
    code, _, _ = run("followups", "-o", str(tmp_path / "f.html"))
    assert code == 0 and "<svg" in (tmp_path / "f.html").read_text()


def test_followup_detail_shows_the_evidence_trail(run, story) -> None:
    _, out, _ = run("followups", "-f", "json")
    fu = _by_claim(out)["review board report"]
    code, out, _ = run("followup", str(fu["id"]), "-f", "json")
    detail = json.loads(out)
    assert code == 0 and [e["role"] for e in detail["evidence"]] == ["claim", "evidence"]
    code, out, _ = run("followup", str(fu["id"]), "-f", "table")
    assert code == 0 and "evidence" in out


def test_errors_are_one_line(run, story) -> None:
    code, _, err = run("followup", "424242")
    assert code == 1 and err == "Error: no follow-up with id 424242. List them with: tracker followups\n"
    code, _, err = run("followups", "--status", "done")
    assert code == 2 and err.startswith("Error: --status must be one of") and err.count("\n") == 1
    code, _, err = run("followups", "--as-of", "2022-02-30")
    assert code == 2 and err.count("\n") == 1
