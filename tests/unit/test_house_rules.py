"""Rules of the house that code review alone would miss: one clock, documented settings,
sorted public APIs, imports that only go down."""
from __future__ import annotations

import dataclasses
import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.config import SECTIONS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tracker"


def test_only_the_clock_reads_the_time() -> None:
    offenders = []
    pattern = re.compile(r"datetime\.now\(|\.utcnow\(|time\.time\(|date\.today\(")
    for path in PACKAGE.rglob("*.py"):
        if path.name == "clock.py":
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(ROOT)}:{lineno}: {line.strip()}")
    assert offenders == []


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [f"{name}.{f.name}" for name, cls in SECTIONS.items() for f in dataclasses.fields(cls)
               if f"`{name}.{f.name}`" not in doc]
    assert missing == []


@pytest.mark.parametrize("package", ["tracker.store", "tracker.nlp", "tracker.nlp.temporal", "tracker.ingest",
                                     "tracker.timeline", "tracker.digest", "tracker.daemon"])
def test_public_api_is_sorted_and_complete(package: str) -> None:
    mod = importlib.import_module(package)
    names = getattr(mod, "__all__", None)
    if names is None:
        pytest.skip(f"{package} has no public API yet")
    assert sorted(names, key=str.lower) == list(names) or sorted(names) == list(names)
    for name in names:
        assert hasattr(mod, name), f"{package}.__all__ names {name}, which does not exist"


def test_imports_only_go_down() -> None:
    lint = shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    proc = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_help_starts_without_heavy_imports() -> None:
    code = ("import sys; from tracker.cli import _load_commands; _load_commands(); "
            "heavy = [m for m in ('sqlmodel', 'trafilatura', 'apscheduler', 'jinja2', 'feedparser') if m in sys.modules]; "
            "print(','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
