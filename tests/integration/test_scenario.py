"""Scenarios: stories told by several reports over time, judged as scenario_check.py judges them.

Two ways: straight through `record_article` (self-contained, any order), and, when the shared
tools are next to the repository, the real `scenario_check.py` end to end through the CLI contract.
"""
from __future__ import annotations

import random
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.integration._scenario import SCENARIOS, ingest, judge, load, statuses

NAMES = sorted(p.name for p in SCENARIOS.iterdir() if (p / "expected.json").exists())
TODAY = date(2026, 1, 1)
CHECKER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "scenario_check.py"

pytest.importorskip("tracker.nlp.mentions", reason="the mention finder (tracker.nlp.mentions) has not landed yet")


# Checks known to fail for reasons outside the timeline, each with its cause. The test fails when one
# starts passing, so this list cannot go stale.
KNOWN: dict[str, dict[str, str]] = {}


CLI_KNOWN: dict[str, str] = {}   # scenario -> why scenario_check.py cannot pass it yet (xfail)


@pytest.mark.parametrize("name", NAMES)
def test_scenario_reads_as_expected(name: str, tmp_path: Path) -> None:
    articles, expected = load(name)
    engine = ingest(f"sqlite:///{tmp_path / 'a.db'}", articles["articles"])
    assert sorted(judge(engine, expected, TODAY)) == sorted(KNOWN.get(name, {}))


@pytest.mark.parametrize("name", NAMES)
def test_scenario_ends_the_same_in_any_order(name: str, tmp_path: Path) -> None:
    articles, expected = load(name)
    ordered = ingest(f"sqlite:///{tmp_path / 'a.db'}", articles["articles"])
    newest_first = sorted(articles["articles"], key=lambda a: a["published"], reverse=True)
    shuffled = articles["articles"][:]
    random.Random(7).shuffle(shuffled)
    want = statuses(ordered, expected, TODAY)
    for i, order in enumerate([newest_first, shuffled]):
        engine = ingest(f"sqlite:///{tmp_path / f'{i}.db'}", order)
        assert statuses(engine, expected, TODAY) == want


@pytest.mark.slow
@pytest.mark.skipif(not CHECKER.exists(), reason=f"{CHECKER} is not there (the shared tools sit next to the repo)")
@pytest.mark.skipif(shutil.which("tracker") is None, reason="the tracker command is not installed (pip install -e .)")
@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=CLI_KNOWN[n], strict=False)) if n in CLI_KNOWN else n for n in NAMES])
def test_scenario_check_passes_through_the_cli(name: str) -> None:
    proc = subprocess.run([sys.executable, str(CHECKER), str(SCENARIOS / name)], capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:]
