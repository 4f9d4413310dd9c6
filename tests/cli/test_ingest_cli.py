"""`tracker ingest [--all]` and `tracker ingest --url URL [--published ISO]` (issue item 10)."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from _ingest_site import Site, page, rss, story  # noqa: E402
from _run import run_cli  # noqa: E402


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


def test_ingest_prints_one_summary_line(capsys, site: Site) -> None:
    items = [{"guid": f"g{i}", "link": site.add(f"/p{i}", page(f"P{i}", story(i)))} for i in range(2)]
    run_cli(capsys, "feeds", "add", site.add("/good.xml", rss(items)))
    run_cli(capsys, "feeds", "add", site.add("/bad.xml", "<html><body>no</body></html>", headers={"Content-Type": "text/html"}))
    code, out, _ = run_cli(capsys, "ingest")
    assert (code, out) == (0, "Ingest: 2 feeds polled, 0 not modified, 2 new articles, 1 failures.\n")
    code, out, _ = run_cli(capsys, "ingest")           # nothing due
    assert out == "Ingest: 0 feeds polled, 0 not modified, 0 new articles, 0 failures.\n"
    code, out, _ = run_cli(capsys, "ingest", "--all")
    assert out == "Ingest: 2 feeds polled, 0 not modified, 0 new articles, 1 failures.\n"


def test_ingest_url(capsys, site: Site) -> None:
    url = site.add("/one", page("One", story(1)))
    code, out, err = run_cli(capsys, "ingest", "--url", url, "--published", "2021-12-24T09:00:00-05:00")
    assert code == 0, err
    assert out == f"Stored: 'One' ({url}), published 2021-12-24T14:00:00Z [given].\n"
    code, out, _ = run_cli(capsys, "ingest", "--url", url)
    assert out.startswith("Already stored: 'One'")


@pytest.mark.parametrize(("args", "code", "words"), [
    (("ingest", "--url", "{base}/missing"), 1, "HTTP 404 Not Found"),
    (("ingest", "--url", "{base}/empty"), 1, "no article text"),
    (("ingest", "--url", "ftp://x.example/a"), 1, "only http and https"),
    (("ingest", "--url", "{base}/one", "--published", "yesterday"), 2, "--published must be an ISO 8601"),
    (("ingest", "--published", "2021-12-24"), 2, "--published needs --url"),
])
def test_ingest_errors_are_one_line(capsys, site: Site, args: tuple[str, ...], code: int, words: str) -> None:
    site.add("/empty", "<html><head><title>Empty</title></head><body></body></html>")
    site.add("/one", page("One", story(1)))
    got, _, err = run_cli(capsys, *(a.format(base=site.base) for a in args))
    assert got == code and err.startswith("Error: ") and err.count("\n") == 1 and words in err, err
