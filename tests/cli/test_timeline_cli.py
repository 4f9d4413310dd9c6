"""`tracker timeline` and `tracker event`: every format once, filters, one-line errors."""
from __future__ import annotations

import csv
import io
import json

from tests.cli._timeline_fixtures import run, story  # noqa: F401  (fixtures)


def test_json_is_the_contract_shape(run, story) -> None:
    code, out, err = run("timeline", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["as_of"] == "2023-01-01"
    webb = next(e for e in data["events"] if "Webb" in e["title"])
    assert set(webb) >= {"id", "title", "kind", "value", "start", "end", "entities", "sources"}
    assert (webb["kind"], webb["value"], webb["start"], webb["end"]) == ("occurred", "2021-12-25", "2021-12-25", "2021-12-25")
    assert "James Webb Space Telescope" in webb["entities"]
    assert {"url", "published", "text"} <= set(webb["sources"][0])
    assert webb["sources"][0]["published"].endswith("Z")


def test_filters_and_as_of(run, story) -> None:
    _, out, _ = run("timeline", "-f", "json", "--since", "2022-01-01", "--until", "2022-12-31", "--entity", "Artemis I")
    assert [e["title"] for e in json.loads(out)["events"]] == ["Launch of Artemis I"]
    _, out, _ = run("timeline", "-f", "json", "--search", "review")
    assert [e["title"] for e in json.loads(out)["events"]] == ["Report of review board"]
    _, out, _ = run("timeline", "-f", "json", "--as-of", "2019-01-01")
    data = json.loads(out)
    webb = next(e for e in data["events"] if "Webb" in e["title"])
    assert data["as_of"] == "2019-01-01" and webb["kind"] == "scheduled" and webb["start"] == "2021-03-30"


def test_table_csv_nl(run, story) -> None:
    code, out, _ = run("timeline", "-f", "table")
    assert code == 0 and "Launch of James Webb" in out.replace("\n", " ").replace("│", " ") or "Launch" in out
    code, out, _ = run("timeline", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0].keys() >= {"id", "start", "title", "sources"}
    code, out, _ = run("timeline", "-f", "nl")
    assert code == 0 and all(json.loads(line)["id"] for line in out.splitlines())


def test_ics_has_one_entry_per_event(run, story) -> None:
    from icalendar import Calendar

    code, out, _ = run("timeline", "-f", "ics")
    cal = Calendar.from_ical(out)
    events = [c for c in cal.walk("VEVENT")]
    assert code == 0 and len(events) == 3
    webb = next(e for e in events if "Webb" in str(e["summary"]))
    assert webb.decoded("dtstart").isoformat() == "2021-12-25"


def test_html_to_a_file_is_one_self_contained_page(run, story, tmp_path) -> None:
    page = tmp_path / "t.html"
    code, out, err = run("timeline", "--output", str(page))
    assert code == 0, err
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "Launch of James Webb Space Telescope" in html
    assert "http" not in html.split("<body>")[0]  # no external stylesheet or script
    assert 'data-status="overdue"' in html and 'data-status="late"' in html


def test_event_detail_and_errors(run, story) -> None:
    _, out, _ = run("timeline", "-f", "json")
    eid = json.loads(out)["events"][0]["id"]
    code, out, _ = run("event", str(eid), "-f", "json")
    assert code == 0 and json.loads(out)["id"] == eid
    code, out, _ = run("event", str(eid), "-f", "table")
    assert code == 0 and f"Event {eid}" in out
    code, out, err = run("event", "424242")
    assert code == 1 and err == "Error: no event with id 424242. List them with: tracker timeline\n"
    code, _, err = run("timeline", "--since", "yesterday")
    assert code == 2 and err.count("\n") == 1 and err.startswith("Error: --since")
    code, _, err = run("timeline", "--format", "pdf")
    assert code == 2 and err.count("\n") == 1
