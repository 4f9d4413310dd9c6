"""`tracker feeds add | list | remove | import | export` (issue item 4 and the contract)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from _run import run_cli

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def test_add_is_idempotent_and_list_formats(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert run_cli(capsys, "feeds", "add", "https://a.example/rss.xml")[:2] == (0, "Subscribed: https://a.example/rss.xml\n")
    code, out, _ = run_cli(capsys, "feeds", "add", "https://a.example/rss.xml", "--interval", "90")
    assert code == 0 and out.startswith("Already subscribed")
    run_cli(capsys, "feeds", "add", "https://b.example/atom.xml")
    code, out, _ = run_cli(capsys, "feeds", "list", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["url"] for r in rows] == ["https://a.example/rss.xml", "https://b.example/atom.xml"]
    assert rows[0]["interval_minutes"] == 90 and rows[0]["articles"] == 0 and rows[0]["next_fetch"] is None
    code, out, _ = run_cli(capsys, "feeds", "list", "--format", "csv")
    assert list(csv.DictReader(io.StringIO(out)))[1]["url"] == "https://b.example/atom.xml"
    code, out, _ = run_cli(capsys, "feeds", "list", "--format", "table")
    assert code == 0 and "a.example" in out
    assert json.loads(run_cli(capsys, "feeds", "list", "-f", "nl")[1].splitlines()[0])["url"] == "https://a.example/rss.xml"


def test_remove(capsys) -> None:
    run_cli(capsys, "feeds", "add", "https://a.example/rss.xml")
    assert run_cli(capsys, "feeds", "remove", "https://a.example/rss.xml") == (0, "Removed: https://a.example/rss.xml\n", "")
    assert json.loads(run_cli(capsys, "feeds", "list", "-f", "json")[1]) == []


@pytest.mark.parametrize(("args", "code", "words"), [
    (("feeds", "remove", "https://nope.example/feed"), 1, "no feed 'https://nope.example/feed' is subscribed"),
    (("feeds", "add", "ftp://a.example/feed"), 1, "must start with http:// or https://"),
    (("feeds", "add", "not a url"), 1, "must start with http:// or https://"),
    (("feeds", "add", "https://a.example/f", "--interval", "0"), 2, "--interval"),
    (("feeds", "import", "/nonexistent/subs.opml"), 1, "cannot read /nonexistent/subs.opml"),
    (("feeds", "import", str(DATA / "rss20.xml")), 1, "is not OPML"),
    (("feeds", "list", "--format", "xml"), 2, "--format must be one of"),
])
def test_errors_are_one_line(capsys, args: tuple[str, ...], code: int, words: str) -> None:
    got, out, err = run_cli(capsys, *args)
    assert got == code and err.count("\n") == 1 and err.startswith("Error: ") and words in err, err
    assert "Traceback" not in err


def test_import_export_round_trip(capsys, tmp_path: Path) -> None:
    run_cli(capsys, "feeds", "add", "https://gazette.example/rss.xml")
    code, out, _ = run_cli(capsys, "feeds", "import", str(DATA / "subscriptions.opml"))
    assert code == 0 and out == f"Imported 2 feeds from {DATA / 'subscriptions.opml'} (1 already subscribed, 0 skipped: not http/https).\n"
    code, opml, _ = run_cli(capsys, "feeds", "export")
    assert code == 0 and opml.startswith("<?xml") and 'xmlUrl="https://json.example/feed.json"' in opml
    exported = tmp_path / "out.opml"
    exported.write_text(opml)
    run_cli(capsys, "feeds", "remove", "https://city.example/atom.xml")
    assert run_cli(capsys, "feeds", "import", str(exported))[1].startswith("Imported 1 feeds")
    urls = [r["url"] for r in json.loads(run_cli(capsys, "feeds", "list", "-f", "json")[1])]
    assert sorted(urls) == ["https://city.example/atom.xml", "https://gazette.example/rss.xml", "https://json.example/feed.json"]


def test_bad_config_is_one_line(capsys, tmp_path: Path, monkeypatch) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[fetch]\nmax_bytes = 'lots'\n")
    monkeypatch.setenv("TRACKER_CONFIG", str(cfg))
    code, _, err = run_cli(capsys, "feeds", "list")
    assert (code, err) == (1, "Error: fetch.max_bytes must be a whole number, got 'lots'\n")
