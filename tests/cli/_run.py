"""Run the real `tracker` entry point in-process (its one error handler included) and capture it."""
from __future__ import annotations

from typing import Any


def run_cli(capsys: Any, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `tracker ARGS`; settings and engine are made afresh."""
    from tracker.cli import main
    from tracker.cli.app import STATE

    for cached in ("settings", "engine"):
        STATE.__dict__.pop(cached, None)
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
