#!/usr/bin/env python3
"""Run the scenario checker on every scenario folder and summarise.

    python scripts/eval/scenarios.py [DIR ...] [--checker PATH] [--tracker CMD] [--verbose]

Without DIR arguments it runs every folder holding articles.json + expected.json under
../shared/data/scenarios/ (relative to the repository root) and scripts/eval/scenarios/.
Each folder is checked by scenario_check.py (default: ../shared/tools/scenario_check.py, or
$SCENARIO_CHECK) in a fresh temporary directory; one line per scenario is printed with its
"N/M checks passed", then the total. Exit status 0 only when every check of every scenario passes.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIRS = (ROOT.parent / "shared" / "data" / "scenarios", ROOT / "scripts" / "eval" / "scenarios")
DEFAULT_CHECKER = ROOT.parent / "shared" / "tools" / "scenario_check.py"
RESULT = re.compile(r"^(\d+)/(\d+) checks passed\s*$")


def scenario_dirs(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if (p / "articles.json").is_file() and (p / "expected.json").is_file():
            out.append(p)
        elif p.is_dir():
            out += sorted(d for d in p.iterdir() if (d / "articles.json").is_file() and (d / "expected.json").is_file())
    return out


def run_one(checker: Path, scenario: Path, tracker: str | None, verbose: bool, timeout: int) -> tuple[int, int, str]:
    cmd = [sys.executable, str(checker), str(scenario.resolve())]
    if tracker:
        cmd += ["--tracker", tracker]
    if verbose:
        cmd.append("-v")
    with tempfile.TemporaryDirectory() as tmp:
        try:
            proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return 0, 1, f"timed out after {timeout}s"
    out = proc.stdout
    for line in reversed(out.strip().splitlines()):
        m = RESULT.match(line.strip())
        if m:
            return int(m.group(1)), int(m.group(2)), out
    return 0, 1, out + proc.stderr


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path, help="scenario folders, or folders of scenario folders")
    ap.add_argument("--checker", type=Path, default=Path(os.environ.get("SCENARIO_CHECK", DEFAULT_CHECKER)),
                    help="path to scenario_check.py (default: %(default)s)")
    ap.add_argument("--tracker", default=None, help="command that runs tracker (passed to the checker)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every check of every scenario")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per scenario")
    args = ap.parse_args()
    if not args.checker.is_file():
        print(f"scenario checker not found: {args.checker}", file=sys.stderr)
        return 2
    dirs = scenario_dirs(args.dirs or [d for d in DEFAULT_DIRS if d.is_dir()])
    if not dirs:
        print("no scenario folders found", file=sys.stderr)
        return 2
    passed = total = 0
    width = max(len(d.name) for d in dirs)
    for d in dirs:
        p, t, out = run_one(args.checker, d, args.tracker, args.verbose, args.timeout)
        passed, total = passed + p, total + t
        if args.verbose:
            print(f"== {d}")
            print(out.rstrip())
        print(f"{d.name:<{width}}  {p}/{t} checks passed", flush=True)
    print(f"{'TOTAL':<{width}}  {passed}/{total} checks passed")
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
